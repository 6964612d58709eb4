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
    case ncStep(id: String, step: String, state: Nonconformity.State)
    case ncDateBefore(id: String, date: Day, previous: Day)
    case badPattern(String)

    public var description: String {
        switch self {
        case .reviewerOnTeam(let reviewer, let lead, let date):
            return "'\(reviewer)' was on the audit team of \(date) (led by '\(lead)'); the certification decision "
                + "is taken by someone who was not"
        case .reasonRequired(let kind, let recommendation):
            return "the decision '\(kind.rawValue)' differs from the audit team's recommendation "
                + "'\(recommendation.rawValue)'; a decision that differs needs a written reason"
        case .noAudit(let kind):
            return "'\(kind.rawValue)' rests on an audit result, and none was given"
        case .wrongAuditKind(let kind, let audit):
            return "'\(kind.rawValue)' cannot rest on a \(audit.rawValue) result"
                + (kind == .grant ? ": a grant needs an initial or recertification audit (kind audit)" : "")
        case .auditFailed(let kind, let date):
            return "the audit of \(date) rates fail; '\(kind.rawValue)' needs a rating above fail"
        case .auditNotAfterLast(let date, let last):
            return "the audit of \(date) is not after the last audit the certificate rests on (\(last))"
        case .otherOrganisation(let audit, let certificate):
            return "the audit is of '\(audit)', the certificate is held by '\(certificate)'"
        case .openMajorOverdue(let ids, let deadline):
            return "major nonconformit\(ids.count == 1 ? "y" : "ies") \(ids.joined(separator: ", ")) open past "
                + "\(ids.count == 1 ? "its" : "the first") deadline (\(deadline)); an open major nonconformity past its "
                + "deadline blocks a grant"
        case .notInState(let kind, let number, let state):
            return "certificate \(number) is \(state.rawValue); '\(kind.rawValue)' applies to a certificate that is "
                + RegisterRefusal.allowedStates(kind)
        case .noCertificate(let kind):
            return "'\(kind.rawValue)' needs a certificate, and none was named"
        case .certificateInForce(let number, let expires, let window):
            return "certificate \(number) is in force until \(expires); a new grant (recertification) can be decided "
                + "from \(window)"
        case .noFollowUpAudit(let number, let since):
            return "certificate \(number) was suspended on \(since) and no follow-up audit (special or surveillance, "
                + "rated above fail) has been held since; it cannot be reinstated without one"
        case .sameRating(let kind, let rating):
            return "'\(kind.rawValue)' needs a rating other than the certificate's '\(rating)'"
        case .ratingDirection(let kind, let from, let to):
            return "'\(kind.rawValue)' from '\(from)' to '\(to)' goes the other way"
        case .dateBefore(let date, let last):
            return "the decision date \(date) is before the certificate's last change (\(last))"
        case .conflictOfInterest(let auditor, let relation, let until, let barredUntil):
            let when = until.map { "until \($0)" } ?? "and still does"
            return
                "'\(auditor)' \(relation.words.text(.en)) the client (\(when)); an auditor who worked for or consulted "
                + "a client within two years cannot audit it"
                + (barredUntil.map { " (possible from \($0))" } ?? "")
        case .ncActionIncomplete(let id):
            return "the corrective action for \(id) needs a root cause and a correction"
        case .ncStep(let id, let step, let state):
            return "nonconformity \(id) is \(state.rawValue.replacingOccurrences(of: "_", with: " ")); it cannot "
                + step + " now"
        case .ncDateBefore(let id, let date, let previous):
            return "the date \(date) is before the last step of \(id) (\(previous))"
        case .badPattern(let problem):
            return "certificate number pattern: \(problem)"
        }
    }

    /// How to proceed.
    public var hint: String? {
        switch self {
        case .reviewerOnTeam: return "have a reviewer outside the audit team decide (--reviewer)"
        case .reasonRequired: return "give the reason with --reason, or decide as recommended"
        case .noAudit: return "name the imported result with --result (its sign-off digest or its first digits)"
        case .openMajorOverdue: return "verify and close the nonconformity first ('maturity registry nc')"
        case .noFollowUpAudit: return "import the follow-up audit's signed result, then decide reinstate on it"
        case .conflictOfInterest: return "assign another auditor"
        case .certificateInForce: return "decide maintain, upgrade or downgrade on a surveillance instead"
        case .ncStep: return "steps go raised → action submitted → verified → closed"
        case .dateBefore: return "decisions are recorded in date order"
        default: return nil
        }
    }

    static func allowedStates(_ kind: DecisionKind) -> String {
        switch kind {
        case .reinstate: return "suspended"
        case .withdraw: return "valid or suspended"
        case .grant, .refuse: return "withdrawn or expired (or none)"
        default: return "valid"
        }
    }
}
