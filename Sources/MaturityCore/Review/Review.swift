/// A surveillance review: the current result next to the previous one, what moved, how the
/// improvement plan went, and what happens to the certificate.
public struct Review: Sendable {
    /// What the overall and domain deltas are computed over.
    public enum Basis: String, Sendable, Hashable {
        /// The scores as both results report them: both cover the same criteria.
        case reported
        /// Both sides recomputed over the criteria both catalog versions have (current weights), because
        /// criteria were added or removed between the versions.
        case commonCriteria = "common_criteria"
    }

    public var current: AssessmentResult
    public var previous: PreviousResult
    /// Set when the previous result used another catalog version.
    public var catalogChange: CatalogChange?
    public var basis: Basis
    public var overall: ScoreDelta
    /// Domains of the current catalog, in catalog order.
    public var domains: [DomainDelta]
    /// Criteria both results have, in the current catalog's order.
    public var criteria: [CriterionDelta]
    /// Nil when no plan was given.
    public var planProgress: PlanProgress?
    /// Every rule in precedence order, with the facts that make it hold.
    public var rules: [ReviewRuleCheck]
    public var decision: ReviewDecision
    public var nextReview: Day

    public init(
        current: AssessmentResult, previous: PreviousResult, catalogChange: CatalogChange?, basis: Basis,
        overall: ScoreDelta, domains: [DomainDelta], criteria: [CriterionDelta], planProgress: PlanProgress?,
        rules: [ReviewRuleCheck], decision: ReviewDecision, nextReview: Day
    ) {
        self.current = current
        self.previous = previous
        self.catalogChange = catalogChange
        self.basis = basis
        self.overall = overall
        self.domains = domains
        self.criteria = criteria
        self.planProgress = planProgress
        self.rules = rules
        self.decision = decision
        self.nextReview = nextReview
    }

    /// The facts of the rule that decided.
    public var reasons: [ReviewFact] { rules.first { $0.rule == decision }?.facts ?? [] }

    /// Rules below the decision that hold too, outranked by it.
    public var outranked: [ReviewRuleCheck] { rules.filter { $0.rule > decision && $0.holds } }

    /// Whether this review ends the suspension the previous review imposed.
    public var liftsSuspension: Bool { previous.decision == .suspend && decision == .reinstate }

    /// Criteria whose level (or, in a points catalog, points earned) fell.
    public var regressions: [CriterionDelta] {
        criteria.filter { ($0.levelDelta ?? 0) < 0 || ($0.earnedDelta ?? 0) < -Tolerance.epsilon }
    }
    /// Criteria whose level (or points earned) rose.
    public var improvements: [CriterionDelta] {
        criteria.filter { ($0.levelDelta ?? 0) > 0 || ($0.earnedDelta ?? 0) > Tolerance.epsilon }
    }
    /// Criteria that became applicable or not applicable.
    public var applicabilityChanges: [CriterionDelta] {
        criteria.filter {
            ($0.previousLevel == nil) != ($0.level == nil) || ($0.previousEarned == nil) != ($0.earned == nil)
        }
    }
}

/// A score then and now.
public struct ScoreDelta: Sendable, Hashable {
    /// Rounded to 2 decimals.
    public var previous: Double?
    /// Rounded to 2 decimals, like the previous one, so the delta is what the reports show.
    public var current: Double?

    public init(previous: Double?, current: Double?) {
        self.previous = previous.map { NumberText.rounded($0) }
        self.current = current.map { NumberText.rounded($0) }
    }

    public var delta: Double? {
        guard let previous, let current else { return nil }
        return NumberText.rounded(current - previous)
    }
}

public struct DomainDelta: Sendable, Hashable {
    public var id: String
    public var score: ScoreDelta

    public init(id: String, score: ScoreDelta) {
        self.id = id
        self.score = score
    }
}

/// One criterion both results have; levels nil where it was not applicable.
public struct CriterionDelta: Sendable, Hashable {
    /// The id in the current catalog.
    public var id: String
    /// The id in the previous result, when the catalog renamed it.
    public var previousId: String?
    public var domain: String
    public var key: Bool
    public var previousLevel: Int?
    public var level: Int?
    public var score: ScoreDelta
    /// Points earned then and now, in a points catalog (nil where not applicable).
    public var previousEarned: Double?
    public var earned: Double?

    public init(
        id: String, previousId: String?, domain: String, key: Bool, previousLevel: Int?, level: Int?,
        score: ScoreDelta
    ) {
        self.id = id
        self.previousId = previousId
        self.domain = domain
        self.key = key
        self.previousLevel = previousLevel
        self.level = level
        self.score = score
    }

    public var levelDelta: Int? {
        guard let previousLevel, let level else { return nil }
        return level - previousLevel
    }

    public var earnedDelta: Double? {
        guard let previousEarned, let earned else { return nil }
        return NumberText.rounded(earned - previousEarned)
    }
}

/// How the catalog changed between the previous result's version and the current one.
public struct CatalogChange: Sendable, Hashable {
    public struct Rename: Sendable, Hashable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    public var previousVersion: String
    public var currentVersion: String
    /// In the current catalog, not in the previous result (catalog order).
    public var added: [String]
    /// In the previous result, not in the current catalog (the previous result's order).
    public var removed: [String]
    /// Previous ids matched to current ones through the catalog's `renamed:`.
    public var renamed: [Rename]

    public init(previousVersion: String, currentVersion: String, added: [String], removed: [String], renamed: [Rename])
    {
        self.previousVersion = previousVersion
        self.currentVersion = currentVersion
        self.added = added
        self.removed = removed
        self.renamed = renamed
    }
}

/// How the improvement plan stands on the review date.
public struct PlanProgress: Sendable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Done on or before the review date.
        case done
        /// Not done, and not due before the review date (or without a due date).
        case onTrack = "on_track"
        /// Due before the review date and not done by then.
        case overdue
        /// No longer produced by an assessment: neither counted nor overdue.
        case superseded
    }

    public struct Item: Sendable, Hashable {
        public var entry: PlanEntry
        public var state: State
        /// For an action that raises a criterion: whether the current level reached its `to` (nil when
        /// not such an action, or the criterion is not in the current result or not applicable).
        public var levelReached: Bool?

        public init(entry: PlanEntry, state: State, levelReached: Bool?) {
            self.entry = entry
            self.state = state
            self.levelReached = levelReached
        }
    }

    /// The review date.
    public var asOf: Day
    public var items: [Item]

    public init(asOf: Day, items: [Item]) {
        self.asOf = asOf
        self.items = items
    }

    public func count(_ state: State) -> Int { items.filter { $0.state == state }.count }

    public func overdue(_ priority: PlanAction.Priority) -> [Item] {
        items.filter { $0.state == .overdue && $0.entry.priority == priority }
    }

    /// Overdue actions that decide nothing: development actions (and corrective ones of priority P3).
    public var overdueNotCounted: [Item] {
        items.filter { $0.state == .overdue && !($0.entry.isCorrective && $0.entry.priority != .p3) }
    }

    /// The state of `entry` on `day`: done counts only when completed on or before it (a plan file kept
    /// up to date serves the reviews of earlier dates too).
    public static func state(of entry: PlanEntry, on day: Day) -> State {
        switch entry.status {
        case .superseded: return .superseded
        case .done where entry.completed.map({ $0 <= day }) ?? true: return .done
        default:
            guard let due = entry.due, due < day else { return .onTrack }
            return .overdue
        }
    }
}
