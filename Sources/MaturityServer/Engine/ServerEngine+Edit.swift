import Foundation
import MaturityCore
import MaturityStore

extension ServerEngine {
    /// How many times an edit is checked outside the transaction, at most, before it is checked inside (where it
    /// holds every other edit up): once, and once more each time the assessment changed meanwhile.
    static let checksOutside = 2

    /// Stores an edit of assessment `id` checked by the engine's loader, as ``check(_:catalog:tickets:contents:)``
    /// checks it, and returns the assessment as stored with what the check loaded.
    ///
    /// `change` makes the wanted assessment from the current one and the new files' records; it checks the
    /// versions the editor saw (throwing to refuse a stale edit) and is cheap, so it runs in the transaction on
    /// the assessment as it is there. The check costs milliseconds of CPU, and the store has one writer, so it
    /// runs before the transaction, on the snapshot read then: the transaction uses its outcome (the loaded
    /// assessment, or the loader's refusal) only when `change` gives the same assessment there, byte for byte
    /// the one checked — the check depends on nothing else (files are known by their digest). When another edit
    /// changed the assessment meanwhile, the transaction is given up unwritten and the edit checked again
    /// outside, on the assessment as the transaction found it; after ``checksOutside`` checks outside, the
    /// transaction checks it itself when needed, so an edit is stored however busy its assessment is. Edits
    /// that store new files are checked inside.
    func checkedEdit(
        _ id: String, catalog: Catalog, tickets: Bool = false, newFiles: [(path: String, data: Data)] = [],
        _ change: @escaping @Sendable (AssessmentSnapshot, [FileRecord]) throws -> AssessmentSnapshot
    ) async throws -> (snapshot: AssessmentSnapshot, checked: CheckedAssessment) {
        let checkOutside = newFiles.isEmpty
        var early =
            checkOutside ? await earlyCheck(try await snapshot(id), catalog: catalog, tickets: tickets, change) : nil
        /// One try: the transaction, given up when the assessment is not the one checked and `outside`.
        @Sendable func save(_ checked: EarlyCheck?, outside: Bool) async throws -> (
            snapshot: AssessmentSnapshot, checked: CheckedAssessment
        ) {
            let (stored, checked) = try await store.assessments.edit(id, newFiles: newFiles) { current, files in
                let wanted = try change(current, files)
                if let checked, checked.wanted == wanted { return (wanted, try checked.outcome.get()) }
                guard !outside else { throw AssessmentMoved(current: current) }
                return (wanted, try await self.check(wanted, catalog: catalog, tickets: tickets))
            }
            return (stored, checked)
        }
        for _ in 1..<Self.checksOutside where checkOutside {
            do {
                return try await save(early, outside: true)
            } catch let moved as AssessmentMoved {
                early = await earlyCheck(moved.current, catalog: catalog, tickets: tickets, change)
            }
        }
        return try await save(early, outside: false)
    }

    /// Keeps the revision an edit stored and scores it at once (from the assessment as the check loaded it), so
    /// its result is ready when the editor asks for it — unless a newer revision is kept already: another edit
    /// of the assessment was stored meanwhile, and scores that one, the one anyone asks for now.
    func keep(_ stored: AssessmentSnapshot, checked: CheckedAssessment) async {
        await snapshots.set(stored)
        guard await snapshots.get(stored.assessment.id)?.assessment.revision == stored.assessment.revision else {
            return
        }
        _ = try? await scored(stored, checked: checked)
    }

    /// The wanted assessment made from `snapshot` and the check's outcome, or nil when `change` refuses the
    /// snapshot (a stale one, perhaps: the transaction decides).
    private func earlyCheck(
        _ snapshot: AssessmentSnapshot, catalog: Catalog, tickets: Bool,
        _ change: @Sendable (AssessmentSnapshot, [FileRecord]) throws -> AssessmentSnapshot
    ) async -> EarlyCheck? {
        guard let wanted = try? change(snapshot, []) else { return nil }
        do {
            return EarlyCheck(
                wanted: wanted, outcome: .success(try await check(wanted, catalog: catalog, tickets: tickets)))
        } catch {
            return EarlyCheck(wanted: wanted, outcome: .failure(error))
        }
    }
}

/// An edit checked before its transaction: the assessment it would store and what the loader made of it.
private struct EarlyCheck: Sendable {
    let wanted: AssessmentSnapshot
    let outcome: Result<CheckedAssessment, any Error>
}

/// Thrown in an edit's transaction (so nothing is written) when the assessment is not the one checked.
private struct AssessmentMoved: Error {
    let current: AssessmentSnapshot
}
