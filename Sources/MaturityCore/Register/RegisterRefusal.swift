/// Why the register refuses a decision, an assignment or a step: each case says so with the facts, and how to
/// proceed.
public enum RegisterRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    case reviewerOnTeam(reviewer: String, lead: String, auditDate: Day)
    case reasonRequired(kind: DecisionKind, recommendation: DecisionKind)
    case noAudit(kind: DecisionKind)
    case wrongAuditKind(kind: DecisionKind, audit: Assessment.Kind)
    case auditFailed(kind: DecisionKind, date: Day)
    case auditNotAfterLast(date: Day, lastAudit: Day)
    case otherOrganisation(audit: String, certificate: String)
    case openMajorOverdue(ids: [String], deadline: Day)
    case notInState(kind: DecisionKind, number: String, state: CertificateState)
    case noCertificate(kind: DecisionKind)
    case certificateInForce(number: String, expires: Day, window: Day)
    case noFollowUpAudit(number: String, since: Day)
    case sameRating(kind: DecisionKind, rating: String)
    case ratingDirection(kind: DecisionKind, from: String, to: String)
    case dateBefore(date: Day, last: Day)
    case conflictOfInterest(auditor: String, relation: ConflictDeclaration.Relation, until: Day?, barredUntil: Day?)
    case ncActionIncomplete(id: String)
    case ncStep(id: String, step: Nonconformity.Step, state: Nonconformity.State)
    case ncDateBefore(id: String, date: Day, previous: Day)
    case badPattern(Diagnostic.Message)

    /// What is refused, with the facts, in English and Chinese.
    public var message: Diagnostic.Message {
        switch self {
        case .reviewerOnTeam(let reviewer, let lead, let date):
            return .reviewerOnTeam(reviewer: reviewer, lead: lead, auditDate: date)
        case .reasonRequired(let kind, let recommendation):
            return .reasonRequired(kind: kind, recommendation: recommendation)
        case .noAudit(let kind): return .decisionNeedsAudit(kind)
        case .wrongAuditKind(let kind, let audit): return .wrongAuditKind(kind, audit: audit)
        case .auditFailed(let kind, let date): return .auditFailed(kind, date: date)
        case .auditNotAfterLast(let date, let last): return .auditNotAfterLast(date: date, lastAudit: last)
        case .otherOrganisation(let audit, let certificate):
            return .auditOfOtherOrganisation(audit: audit, certificate: certificate)
        case .openMajorOverdue(let ids, let deadline): return .openMajorOverdue(ids, deadline: deadline)
        case .notInState(let kind, let number, let state):
            return .certificateNotInState(kind, number: number, state: state)
        case .noCertificate(let kind): return .decisionNeedsCertificate(kind)
        case .certificateInForce(let number, let expires, let window):
            return .certificateInForce(number: number, expires: expires, window: window)
        case .noFollowUpAudit(let number, let since): return .noFollowUpAudit(number: number, since: since)
        case .sameRating(let kind, let rating): return .sameRating(kind, rating: rating)
        case .ratingDirection(let kind, let from, let to): return .ratingDirection(kind, from: from, to: to)
        case .dateBefore(let date, let last): return .decisionDateBefore(date, last: last)
        case .conflictOfInterest(let auditor, let relation, let until, let barredUntil):
            return .conflictOfInterest(auditor: auditor, relation: relation, until: until, barredUntil: barredUntil)
        case .ncActionIncomplete(let id): return .correctiveActionIncomplete(id)
        case .ncStep(let id, let step, let state): return .nonconformityStep(id, step: step, state: state)
        case .ncDateBefore(let id, let date, let previous):
            return .nonconformityDateBefore(id, date: date, previous: previous)
        case .badPattern(let problem): return .certificateNumberPattern(problem)
        }
    }

    /// How to proceed, in English and Chinese.
    public var hintMessage: Diagnostic.Message? {
        switch self {
        case .reviewerOnTeam: return .reviewerOutsideTeam
        case .reasonRequired: return .giveReasonOrFollow
        case .noAudit: return .nameImportedResult
        case .openMajorOverdue: return .closeNonconformityFirst
        case .noFollowUpAudit: return .importFollowUpAudit
        case .conflictOfInterest: return .assignAnotherAuditor
        case .certificateInForce: return .decideOnSurveillance
        case .ncStep: return .nonconformitySteps
        case .dateBefore: return .decisionsInDateOrder
        default: return nil
        }
    }

    /// The refusal in English (logs, tests); front ends print `message` in the user's language.
    public var description: String { message.en }

    /// How to proceed, in English.
    public var hint: String? { hintMessage?.en }
}
