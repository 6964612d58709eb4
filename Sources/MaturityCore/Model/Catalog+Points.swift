extension Catalog {
    /// How a catalog scores its criteria.
    public enum Scoring: String, Sendable, Hashable, CaseIterable {
        /// Maturity levels 0…max, each needing its evidence; scores are 100 × level / max level.
        case levels
        /// Clause points (GB/T 27922 style): each clause earns up to its points; overall = 100 × earned /
        /// available, with deductions and bonuses.
        case points
    }

    /// An enterprise type of a points catalog (生产型, 销售服务型) and the criteria it leaves out (删减).
    public struct Profile: Sendable, Hashable {
        public var id: String
        public var name: LocalizedText
        public var excludes: [String]
        public var location: SourceLocation?

        public init(id: String, name: LocalizedText, excludes: [String] = [], location: SourceLocation? = nil) {
            self.id = id
            self.name = name
            self.excludes = excludes
            self.location = location
        }
    }

    /// What adjustments are worth in a points catalog.
    public struct AdjustmentRules: Sendable, Hashable {
        /// Points each deduction takes from the overall score.
        public var deductionPoints: Double
        /// Points each bonus adds.
        public var bonusPoints: Double
        /// The most points all bonuses together add; a bonus beyond it is ignored.
        public var bonusMax: Double

        public init(deductionPoints: Double = 1, bonusPoints: Double = 1, bonusMax: Double = 1) {
            self.deductionPoints = deductionPoints
            self.bonusPoints = bonusPoints
            self.bonusMax = bonusMax
        }
    }

    public var isPoints: Bool { scoring == .points }

    public func profile(_ id: String) -> Profile? {
        profiles.first { $0.id == id }
    }

    /// The lowest rating: the one a certificate must have held for `held_days_min`.
    public var lowestRating: RatingRule? { ratings.first }

    /// Whether some rating needs the certificate held for a time.
    public var hasHeldRatings: Bool { ratings.contains { $0.heldDaysMin != nil } }

    /// Points of the applicable criteria of the full catalog (no profile, nothing not applicable).
    public var totalPoints: Double { criteria.reduce(0) { $0 + ($1.points ?? 0) } }
}

/// How a points clause is checked.
public enum PointsCheck: String, Sendable, Hashable, CaseIterable {
    /// Checked as a whole: the clause earns its points or nothing.
    case all
    /// Checked on a sample: earned = points × conforming / size.
    case sample
    /// The assessor awards any number of points from 0 to the clause's points.
    case graded
}
