/// The deterministic improvement path: which criteria to raise, to which level, and why.
///
/// Criteria are handled by index in catalog order. A step's gain to the overall score does not depend
/// on levels, so candidates are grouped by gain (or, within a domain, by weight) once, and each group
/// keeps a heap ordered by (current level, catalog order): every step costs a logarithm, not a scan.
struct Pathfinder: Sendable {
    let catalog: Catalog
    let tally: Tally
    let rule: RatingRule

    func path(from start: [String: Int], keyCriteria: [String]) -> [PathStep] {
        let maxLevel = catalog.maxLevel
        var ids: [String] = []
        var domainOf: [Int] = []
        var weights: [Double] = []
        var applicable: [Bool] = []
        for (d, domain) in catalog.domains.enumerated() {
            for criterion in domain.criteria {
                ids.append(criterion.id)
                domainOf.append(d)
                weights.append(criterion.weight)
                applicable.append(tally.applicable.contains(criterion.id))
            }
        }
        var levels = ids.map { start[$0] ?? 0 }
        var steps: [PathStep] = []
        var stepIndex: [Int: Int] = [:]
        func score(_ level: Int) -> Double { WeightedScores.criterionScore(level: level, maxLevel: maxLevel) }

        // Running domain means, so a step updates one domain instead of rescoring all.
        var domainMeans = [WeightedMean](repeating: WeightedMean(), count: catalog.domains.count)
        for i in ids.indices where applicable[i] {
            domainMeans[domainOf[i]].add(score(levels[i]), weight: weights[i])
        }
        func domainScore(_ d: Int) -> Double? { domainMeans[d].value }
        let totalDomainWeight = catalog.domains.indices.filter { domainMeans[$0].value != nil }
            .reduce(0.0) { $0 + catalog.domains[$1].weight }
        func overall() -> Double? {
            var mean = WeightedMean()
            for d in catalog.domains.indices {
                if let score = domainScore(d) { mean.add(score, weight: catalog.domains[d].weight) }
            }
            return mean.value
        }

        func raise(_ i: Int, to level: Int, _ reason: PathStep.Reason) {
            if let index = stepIndex[i] {
                steps[index].to = level
                if reason != steps[index].reason {
                    for step in (levels[i] + 1)...max(levels[i] + 1, level) { steps[index].levelReasons[step] = reason }
                }
            } else {
                stepIndex[i] = steps.count
                steps.append(PathStep(criterion: ids[i], from: levels[i], to: level, reason: reason))
            }
            domainMeans[domainOf[i]].shift(score(level) - score(levels[i]), weight: weights[i])
            levels[i] = level
        }

        // 1. Key criteria up to key_level_min, and criteria the rating requires at a level up to it, in
        //    catalog order (both are knock-out conditions: reason `key`).
        let keys = Set(keyCriteria)
        for i in ids.indices where applicable[i] {
            var target = 0
            if keys.contains(ids[i]), let minimum = rule.keyLevelMin { target = minimum }
            if let required = rule.criterionMin[ids[i]] { target = max(target, required) }
            target = min(target, maxLevel)
            if levels[i] < target { raise(i, to: target, .key) }
        }

        // 2. The lowest domain below domain_min (tie: catalog order) raises its heaviest criterion that can
        //    still rise (tie: lower level, then catalog order), one level at a time.
        if let minimum = rule.domainMin {
            var queues = catalog.domains.indices.map { d in
                CandidateQueue(
                    ids.indices.filter { domainOf[$0] == d && applicable[$0] && levels[$0] < maxLevel },
                    value: { weights[$0] }, levels: levels)
            }
            while true {
                var lowest: (domain: Int, score: Double)?
                for d in catalog.domains.indices {
                    guard let score = domainScore(d), score < minimum - Tolerance.epsilon else { continue }
                    if lowest.map({ score < $0.score - Tolerance.epsilon }) ?? true { lowest = (d, score) }
                }
                guard let d = lowest?.domain, let i = queues[d].popBest() else { break }
                raise(i, to: levels[i] + 1, .domain)
                if levels[i] < maxLevel { queues[d].push(i, level: levels[i]) }
            }
        }

        // 3. While overall is short: the step that adds most to the overall score
        //    (tie: lower level, then catalog order).
        if let minimum = rule.overallMin, totalDomainWeight > 0 {
            let gain: (Int) -> Double = { i in
                catalog.domains[domainOf[i]].weight / totalDomainWeight * weights[i] / domainMeans[domainOf[i]].weight
                    * (score(1) - score(0))
            }
            var queue = CandidateQueue(
                ids.indices.filter { applicable[$0] && levels[$0] < maxLevel }, value: gain, levels: levels)
            while let current = overall(), current < minimum - Tolerance.epsilon, let i = queue.popBest() {
                raise(i, to: levels[i] + 1, .overall)
                if levels[i] < maxLevel { queue.push(i, level: levels[i]) }
            }
        }
        return steps
    }
}

/// Candidates ranked by a value (weight or gain; equal within 1e-9 share a rank), then by current
/// level, then by catalog index. Each rank keeps a binary heap, so a step costs a logarithm.
struct CandidateQueue {
    private var groups: [[(level: Int, index: Int)]] = []
    private var groupOf: [Int: Int] = [:]
    /// Groups before this one are exhausted for good: criteria only leave a group at the top level.
    private var first = 0

    init(_ indices: [Int], value: (Int) -> Double, levels: [Int]) {
        let sorted = indices.sorted { a, b in
            let (va, vb) = (value(a), value(b))
            return va != vb ? va > vb : a < b
        }
        var anchor: Double?
        for i in sorted {
            let v = value(i)
            if anchor.map({ $0 - v > Tolerance.epsilon }) ?? true {
                groups.append([])
                anchor = v
            }
            groupOf[i] = groups.count - 1
            Self.insert((levels[i], i), into: &groups[groups.count - 1])
        }
    }

    /// Removes and returns the best candidate.
    mutating func popBest() -> Int? {
        while first < groups.count, groups[first].isEmpty { first += 1 }
        guard first < groups.count else { return nil }
        return Self.pop(&groups[first])
    }

    /// Puts a raised candidate back at its new level.
    mutating func push(_ index: Int, level: Int) {
        guard let g = groupOf[index] else { return }
        Self.insert((level, index), into: &groups[g])
        first = min(first, g)
    }

    private static func insert(_ item: (level: Int, index: Int), into heap: inout [(level: Int, index: Int)]) {
        heap.append(item)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private static func pop(_ heap: inout [(level: Int, index: Int)]) -> Int {
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, less(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, less(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return top.index
    }

    private static func less(_ a: (level: Int, index: Int), _ b: (level: Int, index: Int)) -> Bool {
        a.level != b.level ? a.level < b.level : a.index < b.index
    }
}
