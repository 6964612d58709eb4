import Foundation
import MaturityStore

/// Who is asking: nobody in particular (no accounts exist; loopback only), nobody signed in, or a user through a
/// session or an API token.
struct Principal: Sendable {
    enum Kind: Sendable {
        /// No user exists: the server keeps its behaviour without accounts, on this machine only.
        case open
        case anonymous
        case user(UserRecord)
    }

    var kind: Kind
    /// `session 1a2b3c4d`, `token ID`: recorded with every change.
    var via: String = ""
    /// The session's CSRF token (forms carry it); nil for API tokens and without a session.
    var csrf: String?
    /// The session cookie's hash, for sign-out.
    var sessionHash: String?

    static let open = Principal(kind: .open)
    static let anonymous = Principal(kind: .anonymous)

    /// The task's principal, set by ``AccessMiddleware`` for each request (open when no middleware ran).
    @TaskLocal static var current = Principal.open

    var user: UserRecord? {
        if case .user(let user) = kind { return user }
        return nil
    }

    var isOpen: Bool {
        if case .open = kind { return true }
        return false
    }

    func has(_ role: Role) -> Bool { user?.roles.contains { $0.role == role } ?? false }

    /// cb-admin, or no accounts at all.
    var isAdmin: Bool { isOpen || has(.cbAdmin) }

    /// May read every organisation: cb-admin or a reviewer.
    var readsEverything: Bool { isAdmin || has(.reviewer) }

    func roles(in organisation: String) -> [RoleAssignment] {
        user?.roles.filter { $0.organisationId == organisation } ?? []
    }

    /// A company member or admin of `organisation`.
    func isCompany(_ organisation: String) -> Bool {
        roles(in: organisation).contains { $0.role == .companyMember || $0.role == .companyAdmin }
    }

    /// The organisations the user belongs to or audits, for their home page.
    var organisations: [String] {
        var seen = Set<String>()
        return (user?.roles ?? []).compactMap(\.organisationId).filter { seen.insert($0).inserted }
    }
}

/// What a route needs of the organisation or assessment it is about.
enum Need: String, Sendable {
    /// The organisation's name and sites (its page).
    case see
    /// What it holds: assessments, results, plans, history.
    case read
    /// Change an assessment's parts (which parts: see ``EditGuard``), create assessments, import, plans.
    case edit
    /// Rename the organisation, delete assessments.
    case manage
    /// Record a surveillance review or a certification decision.
    case review
}

/// What the guard needs to know of the assessment a route is about.
struct AssessmentFacts: Sendable {
    var id: String
    var organisationId: String
    var kind: String
    var auditor: String?
}

/// The decision for one request: go on, or the status to answer with.
enum Decision: Equatable, Sendable {
    case allow
    /// The user may see the object but not do this.
    case forbidden(String)
    /// What another organisation holds is not found, never forbidden, so ids cannot be probed.
    case notFound
}

extension Principal {
    /// Whether this principal may do `need` to `organisation`, or to one of its assessments.
    func decide(_ need: Need, organisation: String, assessment: AssessmentFacts? = nil) -> Decision {
        if isAdmin { return .allow }
        guard user != nil else { return .notFound }
        let visible = canSee(organisation: organisation, assessment: assessment, need: need)
        guard visible else { return .notFound }
        switch need {
        case .see, .read:
            return .allow
        case .edit:
            if isCompany(organisation) { return .allow }
            if let assessment, isAuditor(of: assessment) { return .allow }
            return .forbidden("you may read this, not change it")
        case .manage:
            if roles(in: organisation).contains(where: { $0.role == .companyAdmin }) { return .allow }
            return .forbidden("only the organisation's company admin or the certification body's admin may do this")
        case .review:
            guard has(.reviewer) else { return .forbidden("only a certification reviewer may record reviews") }
            if let assessment, wasOnTeam(assessment) {
                return .forbidden(
                    "you were on this audit's team; a reviewer must not review their own audit (impartiality)")
            }
            return .allow
        }
    }

    func canSee(organisation: String, assessment: AssessmentFacts?, need: Need) -> Bool {
        if readsEverything || isCompany(organisation) { return true }
        guard let assessment else {
            // An auditor sees the organisation's name, not what else it holds.
            return need == .see && roles(in: organisation).contains { $0.role == .auditor }
        }
        return isAuditor(of: assessment)
    }

    /// Assigned to this audit: for this assessment, or for the organisation's audits (any kind but self).
    func isAuditor(of assessment: AssessmentFacts) -> Bool {
        roles(in: assessment.organisationId).contains {
            $0.role == .auditor
                && ($0.assessmentId == assessment.id || ($0.assessmentId == nil && assessment.kind != "self"))
        }
    }

    func wasOnTeam(_ assessment: AssessmentFacts) -> Bool {
        guard let user else { return false }
        if isAuditor(of: assessment) { return true }
        let auditor = assessment.auditor?.trimmingCharacters(in: .whitespaces) ?? ""
        return !auditor.isEmpty && (auditor == user.name || auditor == user.displayName)
    }

    /// Throws the answer to a refusal: 404 for what the principal may not see, 403 otherwise.
    func require(_ need: Need, organisation: String, assessment: AssessmentFacts? = nil) throws {
        switch decide(need, organisation: organisation, assessment: assessment) {
        case .allow: return
        case .notFound: throw APIError.notFound("no organisation '\(organisation)'")
        case .forbidden(let why): throw APIError(.forbidden, why)
        }
    }
}
