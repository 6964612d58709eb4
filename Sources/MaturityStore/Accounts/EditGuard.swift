import SQLKit

/// A check every change of an assessment passes before it is written: the server sets it per request to refuse
/// parts the signed-in user may not change (an auditor changing what the company claimed, a member setting an
/// audited level), whichever route the change came through.
public enum EditGuard {
    /// The check, a value around its closure. (A task-local of the bare `async throws` function type had its
    /// type metadata looked up by mangled name in release builds of the server, and the lookup came back empty:
    /// a crash on the first request. A struct's metadata is found by its accessor.)
    public struct Check: Sendable {
        let run: @Sendable (_ current: AssessmentSnapshot, _ wanted: AssessmentSnapshot) async throws -> Void

        public init(
            _ run:
                @escaping @Sendable (_ current: AssessmentSnapshot, _ wanted: AssessmentSnapshot) async throws -> Void
        ) {
            self.run = run
        }

        public func callAsFunction(_ current: AssessmentSnapshot, _ wanted: AssessmentSnapshot) async throws {
            try await run(current, wanted)
        }
    }

    @TaskLocal public static var check: Check?
}

extension AssessmentRepository {
    /// The organisation, kind and auditor of assessment `id` (what access decisions need), or nil when none.
    public func owner(of id: String) async throws -> (organisationId: String, kind: String, auditor: String?)? {
        let row = try await database.read { sql in
            try await sql.raw("SELECT organisation_id, kind, auditor FROM assessments WHERE id = \(bind: id)").first()
        }
        guard let row else { return nil }
        return (
            try row.decode(column: "organisation_id", as: String.self), try row.decode(column: "kind", as: String.self),
            try row.decode(column: "auditor", as: String?.self)
        )
    }
}
