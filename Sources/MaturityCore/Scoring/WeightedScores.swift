/// A weighted mean Σ(weight × score) / Σ weight, kept as running sums so a member's score can change.
public struct WeightedMean: Sendable, Equatable {
    public private(set) var total = 0.0
    public private(set) var weight = 0.0

    public init() {}

    /// Adds a member with its score and weight.
    public mutating func add(_ score: Double, weight: Double) {
        total += weight * score
        self.weight += weight
    }

    /// Changes the score of a member already added by `delta`.
    public mutating func shift(_ delta: Double, weight: Double) {
        total += weight * delta
    }

    /// The mean, or nil when nothing with a weight was added.
    public var value: Double? { weight > 0 ? total / weight : nil }
}

/// The one place the scoring formula lives: a criterion's score from its level, a domain's score as the
/// weighted mean of its applicable criteria, the overall score as the weighted mean of applicable domains.
/// Scoring, the improvement path and surveillance reviews all call it.
public enum WeightedScores {
    /// 100 × level / max level.
    public static func criterionScore(level: Int, maxLevel: Int) -> Double {
        maxLevel > 0 ? 100 * Double(level) / Double(maxLevel) : 0
    }

    /// Domain scores (only domains with an applicable criterion) and the overall score; `score` gives an
    /// applicable criterion's score and nil for one that does not count.
    public static func scores(_ catalog: Catalog, score: (Criterion) -> Double?) -> (
        domains: [String: Double], overall: Double?
    ) {
        var domainScores: [String: Double] = [:]
        var overall = WeightedMean()
        for domain in catalog.domains {
            var mean = WeightedMean()
            for criterion in domain.criteria {
                if let value = score(criterion) { mean.add(value, weight: criterion.weight) }
            }
            guard let value = mean.value else { continue }
            domainScores[domain.id] = value
            overall.add(value, weight: domain.weight)
        }
        return (domainScores, overall.value)
    }
}
