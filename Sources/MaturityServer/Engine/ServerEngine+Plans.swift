import Foundation
import MaturityCore
import MaturityStore

extension ServerEngine {
    /// The stored plan read by the engine's loader, once per plan version (the plan page and the plan API read
    /// it on every request; parsing the YAML was most of their time).
    func planDocument(_ record: PlanRecord) async throws(DiagnosticError) -> PlanDocument {
        if let cached = await plans.get(record) { return cached }
        let document = try PlanLoader.parse(yaml: record.text, file: "plan.yaml")
        await plans.set(record, document)
        return document
    }
}

/// Plan files read by this process, by assessment; the newest version of each (bounded).
actor PlanCache {
    private var entries: [String: (text: String, document: PlanDocument)] = [:]
    private let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The document read from exactly `record`'s text.
    func get(_ record: PlanRecord) -> PlanDocument? {
        // Byte for byte (String's == compares by canonical equivalence, slowly, for Chinese text).
        guard let entry = entries[record.assessmentId], entry.text.utf8.elementsEqual(record.text.utf8) else {
            return nil
        }
        return entry.document
    }

    func set(_ record: PlanRecord, _ document: PlanDocument) {
        if entries.count >= capacity, entries[record.assessmentId] == nil { entries.removeAll() }
        entries[record.assessmentId] = (record.text, document)
    }
}
