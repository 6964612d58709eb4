import MaturityCore
import MaturityStore

/// A company member edits the plan actions they own (or nobody owns yet); a company admin, an auditor of the
/// audit and cb-admin edit any.
struct PlanOwnership: Sendable {
    let names: Set<String>

    /// The rule for the current principal on assessment `id`'s plan; nil when they may edit every action.
    static func rule(for id: String, store: Store) async throws -> PlanOwnership? {
        let principal = Principal.current
        guard !principal.isAdmin, let user = principal.user, let owner = try await store.assessments.owner(of: id)
        else { return nil }
        let roles = principal.roles(in: owner.organisationId)
        let facts = AssessmentFacts(id: id, organisationId: owner.organisationId, kind: owner.kind, auditor: nil)
        if roles.contains(where: { $0.role == .companyAdmin }) || principal.isAuditor(of: facts) { return nil }
        return PlanOwnership(names: [user.name, user.displayName])
    }

    func check(_ action: PlanEntry) throws {
        let owner = action.owner?.trimmingCharacters(in: .whitespaces) ?? ""
        guard owner.isEmpty || names.contains(owner) else {
            throw APIError(
                .forbidden,
                "action '\(action.id)' is owned by '\(owner)'; a company member changes only the actions they own")
        }
    }
}
