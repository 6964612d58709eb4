/// What the audit team recommends for the certificate at a surveillance review, in precedence
/// order: the first rule whose condition holds is the decision. It is a recommendation: the certification
/// decision is taken by someone outside the audit team.
public enum ReviewDecision: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The previous review suspended, and the rating is still fail, a P1 corrective action still
    /// overdue, or the suspension began more than six months ago.
    case withdraw
    /// The rating is fail, or a P1 corrective action is overdue.
    case suspend
    /// The previous review suspended, and no rule above holds: the suspension is lifted.
    case reinstate
    /// The rating fell.
    case downgrade
    /// The overall score fell by 5 points or more, or a P2 corrective action is overdue.
    case maintainWithFollowUp = "maintain_with_follow_up"
    /// The rating rose.
    case upgrade
    /// None of the above.
    case maintain

    /// Precedence: a lower value wins.
    public static func < (lhs: ReviewDecision, rhs: ReviewDecision) -> Bool {
        lhs.caseOrder < rhs.caseOrder
    }

    /// Overall points whose fall calls for a follow-up.
    public static let overallDropThreshold = 5.0
    /// Months a certificate may stay suspended before it is withdrawn.
    public static let suspensionMonths = 6
}

/// One fact that makes a decision rule hold.
public enum ReviewFact: Sendable, Hashable {
    /// The previous result was a review that suspended the certificate (on `date`).
    case previousSuspended(date: Day)
    /// The current rating is `fail`.
    case ratingFail
    /// The suspension that began on `since` is older than six months (ended `limit`).
    case suspensionExpired(since: Day, limit: Day)
    /// The suspension that began on `since` is lifted: no rule above holds.
    case suspensionLifted(since: Day, rating: String, planChecked: Bool)
    /// A corrective plan action due before the review date and not done by then.
    case actionOverdue(id: String, priority: PlanAction.Priority, due: Day, status: PlanAction.Status, completed: Day?)
    /// The rating fell from `from` to `to`.
    case ratingLowered(from: String, to: String)
    /// The overall score fell from `from` to `to` (rounded values).
    case overallDropped(from: Double, to: Double)
    /// The rating rose from `from` to `to`.
    case ratingRaised(from: String, to: String)
    /// No rule above `maintain` holds: the rating is unchanged; `planChecked` false when no plan was given.
    case noRuleAbove(rating: String, planChecked: Bool)

    /// A stable name for JSON.
    public var name: String {
        switch self {
        case .previousSuspended: return "previous_suspended"
        case .ratingFail: return "rating_fail"
        case .suspensionExpired: return "suspension_expired"
        case .suspensionLifted: return "suspension_lifted"
        case .actionOverdue(_, let priority, _, _, _): return "\(priority.rawValue.lowercased())_action_overdue"
        case .ratingLowered: return "rating_lowered"
        case .overallDropped: return "overall_dropped"
        case .ratingRaised: return "rating_raised"
        case .noRuleAbove: return "no_rule_above"
        }
    }

    /// The fact in English, for JSON and logs; reports word it in their language.
    public var message: String {
        switch self {
        case .previousSuspended(let date):
            return "the previous review (\(date)) suspended the certificate"
        case .ratingFail:
            return "the rating is fail"
        case .suspensionExpired(let since, let limit):
            return "the certificate has been suspended since \(since), more than \(ReviewDecision.suspensionMonths) "
                + "months (until \(limit))"
        case .suspensionLifted(let since, let rating, let planChecked):
            return "the suspension of \(since) is lifted: the rating is \(rating) and "
                + (planChecked ? "no P1 corrective action is overdue" : "no plan was given to check overdue actions")
        case .actionOverdue(let id, let priority, let due, let status, let completed):
            var text = "\(priority.rawValue) corrective action \(id) due \(due) is overdue (status \(status.rawValue)"
            if let completed, status == .done { text += ", completed \(completed), after the review date" }
            return text + ")"
        case .ratingLowered(let from, let to):
            return "the rating fell from \(from) to \(to)"
        case .overallDropped(let from, let to):
            return
                "the overall score fell by \(NumberText.plain(from - to)) points (\(NumberText.fixed(from)) → \(NumberText.fixed(to))), "
                + "\(NumberText.plain(ReviewDecision.overallDropThreshold)) or more"
        case .ratingRaised(let from, let to):
            return "the rating rose from \(from) to \(to)"
        case .noRuleAbove(let rating, let planChecked):
            return
                "no rule above applies: the rating stays \(rating), the overall score did not fall by "
                + "\(NumberText.plain(ReviewDecision.overallDropThreshold)) points or more, and "
                + (planChecked
                    ? "no P1 or P2 corrective action is overdue" : "no plan was given to check overdue actions")
        }
    }
}

/// A decision rule evaluated: the facts that make it hold (none: it does not).
public struct ReviewRuleCheck: Sendable, Hashable {
    public var rule: ReviewDecision
    public var facts: [ReviewFact]

    public init(rule: ReviewDecision, facts: [ReviewFact]) {
        self.rule = rule
        self.facts = facts
    }

    public var holds: Bool { !facts.isEmpty }
}
