import Foundation
import MaturityStore

extension ServerEngine {
    /// The assessment `id` as stored now, for reading: its revision is asked of the database (one small query)
    /// and the whole snapshot (six queries and a JSON decoding per row) read only when the revision is not
    /// the one kept. Every change raises the revision, so a kept snapshot of the same revision is the same.
    /// Edits read inside their transaction instead.
    func snapshot(_ id: String) async throws -> AssessmentSnapshot {
        let revision = try await store.assessments.revision(of: id)
        if let kept = await snapshots.get(id), kept.assessment.revision == revision { return kept }
        let snapshot = try await store.assessments.get(id)
        await snapshots.set(snapshot)
        return snapshot
    }

    /// The assessment `id` to start an edit from: the newest snapshot this process kept, without asking the
    /// database its revision (the edit's transaction reads the stored revision and takes this snapshot only when
    /// it is that one), else read as ``snapshot(_:)`` reads it. What an edit takes from it before its transaction
    /// — the catalog — never changes after an assessment is created.
    func snapshotForEdit(_ id: String) async throws -> AssessmentSnapshot {
        if let kept = await snapshots.get(id) { return kept }
        return try await snapshot(id)
    }
}

/// The newest snapshot read of each assessment (bounded).
actor SnapshotCache {
    private var entries: [String: AssessmentSnapshot] = [:]
    private let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    func get(_ id: String) -> AssessmentSnapshot? { entries[id] }

    func set(_ snapshot: AssessmentSnapshot) {
        let id = snapshot.assessment.id
        if let kept = entries[id], kept.assessment.revision > snapshot.assessment.revision { return }
        if entries.count >= capacity, entries[id] == nil { entries.removeAll() }
        entries[id] = snapshot
    }
}
