/// The deterministic improvement path of SPEC §5: which criteria to raise, to which level, and why.
struct Pathfinder: Sendable {
    let catalog: Catalog
    let tally: Tally
    let rule: RatingRule

    /// Criteria in catalog order with their domain's position, for the tie-breaks.
    private var ordered: [(criterion: Criterion, domain: Domain)] {
        catalog.domains.flatMap { domain in domain.criteria.map { ($0, domain) } }
    }

    func path(from start: [String: Int], keyCriteria: [String]) -> [PathStep] {
        var levels = start
        var steps: [PathStep] = []
        let maxLevel = catalog.maxLevel

        func raise(_ id: String, to level: Int, _ reason: PathStep.Reason) {
            if let index = steps.firstIndex(where: { $0.criterion == id }) {
                steps[index].to = level
            } else {
                steps.append(PathStep(criterion: id, from: levels[id] ?? 0, to: level, reason: reason))
            }
            levels[id] = level
        }

        // 1. Key criteria up to key_level_min.
        if let minimum = rule.keyLevelMin {
            let target = min(minimum, maxLevel)
            for (criterion, _) in ordered where keyCriteria.contains(criterion.id) {
                if (levels[criterion.id] ?? 0) < target { raise(criterion.id, to: target, .key) }
            }
        }

        // 2. Lowest domain below domain_min: its heaviest criterion that can still rise, one level at a time.
        if let minimum = rule.domainMin {
            while true {
                let (domainScores, _) = tally.scores(levels)
                var lowest: (domain: Domain, score: Double)?
                for domain in catalog.domains {
                    guard let score = domainScores[domain.id], score < minimum - Tolerance.epsilon else { continue }
                    if lowest == nil || score < lowest!.score - Tolerance.epsilon { lowest = (domain, score) }
                }
                guard let domain = lowest?.domain else { break }
                var best: Criterion?
                for criterion in domain.criteria where tally.applicable.contains(criterion.id) {
                    let level = levels[criterion.id] ?? 0
                    guard level < maxLevel else { continue }
                    guard let current = best else {
                        best = criterion
                        continue
                    }
                    let currentLevel = levels[current.id] ?? 0
                    if criterion.weight > current.weight + Tolerance.epsilon
                        || (abs(criterion.weight - current.weight) <= Tolerance.epsilon && level < currentLevel)
                    {
                        best = criterion
                    }
                }
                guard let best else { break }
                raise(best.id, to: (levels[best.id] ?? 0) + 1, .domain)
            }
        }

        // 3. While overall is short: the step that adds most to the overall score.
        if let minimum = rule.overallMin {
            let domainTotal = catalog.domains.filter { domain in
                domain.criteria.contains { tally.applicable.contains($0.id) }
            }.reduce(0.0) { $0 + $1.weight }
            while let overall = tally.scores(levels).overall, overall < minimum - Tolerance.epsilon {
                var best: (criterion: Criterion, gain: Double)?
                for (criterion, domain) in ordered where tally.applicable.contains(criterion.id) {
                    let level = levels[criterion.id] ?? 0
                    guard level < maxLevel else { continue }
                    let domainWeights = domain.criteria.filter { tally.applicable.contains($0.id) }
                        .reduce(0.0) { $0 + $1.weight }
                    let gain = domain.weight / domainTotal * criterion.weight / domainWeights * 100 / Double(maxLevel)
                    guard let current = best else {
                        best = (criterion, gain)
                        continue
                    }
                    if gain > current.gain + Tolerance.epsilon
                        || (abs(gain - current.gain) <= Tolerance.epsilon
                            && level < (levels[current.criterion.id] ?? 0))
                    {
                        best = (criterion, gain)
                    }
                }
                guard let best else { break }
                raise(best.criterion.id, to: (levels[best.criterion.id] ?? 0) + 1, .overall)
            }
        }
        return steps
    }
}
