/// How one clause of a points catalog scored and why.
public struct CriterionPoints: Sendable, Hashable {
    /// What the clause is worth.
    public var points: Double
    public var check: PointsCheck
    /// Points the organisation claimed (from `earned`, or its `sample`).
    public var claimed: Double?
    /// Points the auditor awarded (from `audited_earned`, or `audited_sample`).
    public var audited: Double?
    public var sample: Sample?
    public var auditedSample: Sample?
    /// audited if given, else claimed, else 0.
    public var judged: Double
    /// Whether at least one cited evidence item is valid on the assessment date.
    public var hasValidEvidence: Bool
    /// The cited items that do not count, each with why.
    public var invalidEvidence: [EvidenceGap.Item]
    /// Whether the KPI meets the clause's threshold (nil: no metric, or no value).
    public var metricMet: Bool?
    /// What the clause earns: judged, or 0 without valid evidence or with a missed KPI threshold.
    public var earned: Double
    /// The profile that leaves the clause out, when one does.
    public var excludedBy: String?

    public init(
        points: Double, check: PointsCheck, claimed: Double? = nil, audited: Double? = nil, sample: Sample? = nil,
        auditedSample: Sample? = nil, judged: Double = 0, hasValidEvidence: Bool = false,
        invalidEvidence: [EvidenceGap.Item] = [], metricMet: Bool? = nil, earned: Double = 0, excludedBy: String? = nil
    ) {
        self.points = points
        self.check = check
        self.claimed = claimed
        self.audited = audited
        self.sample = sample
        self.auditedSample = auditedSample
        self.judged = judged
        self.hasValidEvidence = hasValidEvidence
        self.invalidEvidence = invalidEvidence
        self.metricMet = metricMet
        self.earned = earned
        self.excludedBy = excludedBy
    }

    /// Points still to earn.
    public var toEarn: Double { max(0, points - earned) }

    /// Judged points that count for nothing because no cited evidence is valid.
    public var zeroedForEvidence: Bool { judged > Tolerance.epsilon && !hasValidEvidence }

    /// Judged points that count for nothing because the KPI misses the clause's threshold.
    public var zeroedForMetric: Bool { judged > Tolerance.epsilon && hasValidEvidence && metricMet == false }
}

/// A clause with points still to earn: a line of the gap analysis, and a step of the path.
public struct PointsGap: Sendable, Hashable {
    public var criterion: String
    public var domain: String
    public var earned: Double
    public var points: Double

    public init(criterion: String, domain: String, earned: Double, points: Double) {
        self.criterion = criterion
        self.domain = domain
        self.earned = earned
        self.points = points
    }

    public var toEarn: Double { max(0, points - earned) }
}

/// A deduction or bonus as scoring applied it.
public struct AppliedAdjustment: Sendable, Hashable {
    public var adjustment: Adjustment
    /// The points it moved the overall score by (negative for a deduction; 0 when ignored).
    public var points: Double
    /// False for a bonus beyond the catalog's `bonus_max`.
    public var counted: Bool

    public init(adjustment: Adjustment, points: Double, counted: Bool) {
        self.adjustment = adjustment
        self.points = points
        self.counted = counted
    }
}

/// How long the certificate has held the lowest rating, as the certificate history shows.
public struct CertificateHolding: Sendable, Hashable {
    /// The lowest rating (the one held).
    public var rating: String
    /// The first day of the unbroken run of results at or above the lowest rating.
    public var since: Day
    /// Days from `since` to the assessment.
    public var days: Int

    public init(rating: String, since: Day, days: Int) {
        self.rating = rating
        self.since = since
        self.days = days
    }
}

/// A rating the score reaches that is not granted yet because the certificate has not held the lowest
/// rating long enough: "would reach 四星; granted after 365 days at 达标".
public struct PendingRating: Sendable, Hashable {
    /// The highest rating the score reaches.
    public var rating: String
    /// The rating that must be held, and for how many days.
    public var heldRating: String
    public var requiredDays: Int
    /// Days held so far; nil when no certificate history is known (a self-assessment).
    public var heldDays: Int?
    /// The first day the rating can be granted, when the history is known.
    public var grantableOn: Day?

    public init(rating: String, heldRating: String, requiredDays: Int, heldDays: Int?, grantableOn: Day?) {
        self.rating = rating
        self.heldRating = heldRating
        self.requiredDays = requiredDays
        self.heldDays = heldDays
        self.grantableOn = grantableOn
    }
}

/// What a points assessment scores to beyond the per-clause results.
public struct PointsSummary: Sendable, Hashable {
    /// The enterprise type scored, when the catalog has profiles.
    public var profile: String?
    /// Σ earned over applicable clauses.
    public var earned: Double
    /// Σ points over applicable clauses (the denominator).
    public var available: Double
    /// 100 × earned / available, before adjustments; nil when nothing applies.
    public var base: Double?
    public var adjustments: [AppliedAdjustment]
    /// Whether the overall score was held to 0–100.
    public var clamped: Bool
    /// How long the lowest rating has been held; nil when unknown.
    public var holding: CertificateHolding?
    /// The higher rating the score reaches but the history does not grant yet.
    public var pending: PendingRating?
    /// Every clause with points still to earn, largest first (ties: catalog order).
    public var gaps: [PointsGap]
    /// The clauses whose points reach the target, in the order of `gaps`; empty when points are not short.
    public var path: [PointsGap]
    /// The first clauses of `path` that reach the lowest rating, while the organisation does not meet it.
    public var correctivePath: [PointsGap]

    public init(
        profile: String?, earned: Double, available: Double, base: Double?, adjustments: [AppliedAdjustment],
        clamped: Bool, holding: CertificateHolding?, pending: PendingRating?, gaps: [PointsGap], path: [PointsGap],
        correctivePath: [PointsGap]
    ) {
        self.profile = profile
        self.earned = earned
        self.available = available
        self.base = base
        self.adjustments = adjustments
        self.clamped = clamped
        self.holding = holding
        self.pending = pending
        self.gaps = gaps
        self.path = path
        self.correctivePath = correctivePath
    }

    /// Bonuses beyond the catalog's `bonus_max`, ignored.
    public var ignoredBonuses: [Adjustment] { adjustments.filter { !$0.counted }.map(\.adjustment) }

    /// The net points adjustments moved the score by.
    public var adjustmentTotal: Double { adjustments.reduce(0) { $0 + $1.points } }
}
