/// Scores an assessment against its catalog as the scoring rules define: levels, scores, rating,
/// blockers to the target and the improvement path. Pure: no clock, no files.
public struct Scorer: Sendable {
    public let catalog: Catalog
    /// The first day of the certificate's unbroken run at the lowest rating or above, from its history (a
    /// review's previous results). Nil: an audit starts the run on its own date; otherwise it is unknown.
    public var heldSince: Day?

    public init(catalog: Catalog, heldSince: Day? = nil) {
        self.catalog = catalog
        self.heldSince = heldSince
    }

    /// Scores `assessment`, aiming at the next rating above the one it reaches; `kpis` are the KPI values
    /// known (given directly or computed from tickets; nil: its `metrics`).
    public func score(_ assessment: Assessment, kpis: [KPIValue]? = nil) -> AssessmentResult {
        scoreAiming(assessment, kpis: kpis, at: nil)
    }

    /// Scores `assessment` aiming at rating `target` (nil: the next rating above the current one); a target
    /// that is neither a rating of the catalog nor `fail` is an error.
    public func score(_ assessment: Assessment, kpis: [KPIValue]? = nil, target: String?) throws(TargetError)
        -> AssessmentResult
    {
        try TargetError.check(target, catalog: catalog)
        return scoreAiming(assessment, kpis: kpis, at: target)
    }

    func scoreAiming(_ assessment: Assessment, kpis: [KPIValue]?, at target: String?) -> AssessmentResult {
        let kpiValues =
            kpis
            ?? assessment.metrics.sorted { $0.key < $1.key }.map {
                KPIValue(id: $0.key, value: $0.value, source: .metrics)
            }
        let valueByKPI = Dictionary(kpiValues.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        if catalog.isPoints { return scorePoints(assessment, kpis: kpiValues, values: valueByKPI, at: target) }
        let rules = EvidenceRules(catalog: catalog, assessment: assessment)
        let criteria = catalog.domains.flatMap { domain in
            domain.criteria.map {
                scoreCriterion(
                    $0, in: domain, assessment: assessment, rules: rules, kpis: valueByKPI)
            }
        }
        let levels = Dictionary(uniqueKeysWithValues: criteria.map { ($0.id, $0.level) })
        let applicable = Set(criteria.filter(\.applicable).map(\.id))
        let tally = Tally(catalog: catalog, applicable: applicable)
        let (domainScores, overall) = tally.scores(levels)
        let domains = catalog.domains.map {
            DomainResult(
                id: $0.id, weight: $0.weight, applicable: domainScores[$0.id] != nil, score: domainScores[$0.id])
        }
        let openByGrade = Dictionary(grouping: assessment.findings.filter { $0.status == .open }, by: \.grade)
            .mapValues(\.count)
        let checks = catalog.ratings.map { rule in
            let unmet = unmetConditions(
                rule, criteria: criteria, domainScores: domainScores, overall: overall, openByGrade: openByGrade)
            return RatingCheck(rating: rule.id, holds: unmet.isEmpty, unmet: unmet)
        }
        let rating = checks.last(where: \.holds)?.rating ?? RatingRule.failId

        let targetId = target ?? nextRating(above: rating)
        var blockers: [Blocker] = []
        var path: [PathStep] = []
        var reachable = true
        let keyCriteria = criteria.filter { $0.key && $0.applicable }.map(\.id)
        if let targetId, let rule = catalog.rating(targetId) {
            blockers = checks.first { $0.rating == targetId }?.unmet ?? []
            if !blockers.isEmpty {
                let plan = Pathfinder(catalog: catalog, tally: tally, rule: rule)
                path = plan.path(from: levels, keyCriteria: keyCriteria)
                reachable =
                    !blockers.contains { $0.condition == .maxOpen }
                    && (rule.keyLevelMin ?? 0) <= catalog.maxLevel
                    && rule.criterionMin.values.allSatisfy { $0 <= catalog.maxLevel }
                    && (rule.overallMin ?? 0) <= 100 + Tolerance.epsilon
                    && (rule.domainMin ?? 0) <= 100 + Tolerance.epsilon
            }
        }
        // Steps are corrective while the organisation does not meet the lowest rating: all of a path
        // aimed at it, and of a path aimed higher the steps that the path to the lowest rating has too.
        var correctivePath: [PathStep] = []
        if rating == RatingRule.failId, let lowest = catalog.ratings.first {
            correctivePath =
                targetId == lowest.id
                ? path
                : Pathfinder(catalog: catalog, tally: tally, rule: lowest).path(from: levels, keyCriteria: keyCriteria)
        }

        var warnings: [ResultWarning] = []
        for result in criteria where result.applicable && !result.assessed {
            warnings.append(
                ResultWarning(
                    kind: .notAssessed, subject: result.id,
                    message: "criterion '\(result.id)' is not assessed: counted at level 0"))
        }
        warnings += widelyCitedEvidence(criteria)
        for result in criteria where result.applicable && result.metricKPI != nil && result.metricValue == nil {
            warnings.append(
                ResultWarning(
                    kind: .metricUnmeasured, subject: result.id,
                    message:
                        "KPI '\(result.metricKPI!)' of '\(result.id)' has no value: the metric does not limit the level"
                ))
        }

        var result = AssessmentResult(
            catalogId: catalog.id, catalogVersion: catalog.version, organisation: assessment.organisation,
            kind: assessment.kind, date: assessment.date, assessor: assessment.assessor, auditor: assessment.auditor,
            criteria: criteria, domains: domains, overall: overall, rating: rating, ratingChecks: checks,
            target: targetId, blockers: blockers, path: path, reachable: reachable, kpis: kpiValues,
            findings: assessment.findings, actions: [], warnings: warnings)
        result.correctivePath = correctivePath
        result.actions = ActionBuilder(catalog: catalog).actions(for: result, assessment: assessment, rules: rules)
        return result
    }

    /// An item cited by more than half of the criteria that cite evidence (and by at least
    /// `widelyCitedMinimum`): one statement cannot show every practice, and an auditor samples per criterion.
    func widelyCitedEvidence(_ criteria: [CriterionResult]) -> [ResultWarning] {
        let citing = criteria.filter { $0.applicable && !$0.evidence.isEmpty }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for criterion in citing {
            // Each item once per criterion (a criterion cites a few: no set needed to tell).
            for (index, id) in criterion.evidence.enumerated() where !criterion.evidence[..<index].contains(id) {
                if counts[id] == nil { order.append(id) }
                counts[id, default: 0] += 1
            }
        }
        return order.sorted().compactMap { id in
            let count = counts[id] ?? 0
            guard count >= Self.widelyCitedMinimum, count * 2 > citing.count else { return nil }
            return ResultWarning(
                kind: .evidenceCitedWidely, subject: id,
                message:
                    "evidence '\(id)' is cited by \(count) of the \(citing.count) criteria that cite evidence: an "
                    + "auditor samples evidence per criterion, so cite for each criterion the items that show its practice"
            )
        }
    }

    /// Fewest criteria citing one item before it is reported as cited by most of them.
    public static let widelyCitedMinimum = 6

    func kpiOrder() -> [String: Int] {
        var order: [String: Int] = [:]
        let ids = catalog.criteria.compactMap(\.metric?.kpi) + catalog.kpis.map(\.id) + KPIDefinition.builtIn.map(\.id)
        for id in ids where order[id] == nil { order[id] = order.count }
        return order
    }

    func nextRating(above rating: String) -> String? {
        let rank = catalog.rank(of: rating)
        return rank < catalog.ratings.count ? catalog.ratings[rank].id : nil
    }

    // MARK: One criterion

    func scoreCriterion(
        _ criterion: Criterion, in domain: Domain, assessment: Assessment, rules: EvidenceRules,
        kpis: [String: Double]
    ) -> CriterionResult {
        let entry = assessment.criteria[criterion.id]
        let maxLevel = catalog.maxLevel
        var result = CriterionResult(
            id: criterion.id, domain: domain.id, key: criterion.key, weight: criterion.weight,
            applicable: entry?.notApplicable == nil, notApplicableReason: entry?.notApplicable,
            assessed: entry?.claimed != nil || entry?.audited != nil, claimed: entry?.claimed, audited: entry?.audited,
            judged: 0, evidenceCap: 0, practice: 0, metricKPI: criterion.metric?.kpi, metricValue: nil,
            metricLevel: nil, level: 0, score: 0, evidenceGaps: [], evidence: entry?.evidence ?? [], note: entry?.note)
        guard result.applicable else { return result }

        result.judged = min(maxLevel, max(0, entry?.audited ?? entry?.claimed ?? 0))
        let (cap, gaps) = evidenceCap(criterion, cited: entry?.evidence ?? [], rules: rules, upTo: result.judged)
        result.evidenceCap = cap
        result.evidenceGaps = gaps
        result.practice = min(result.judged, cap)
        result.level = result.practice
        if let metric = criterion.metric, let value = kpis[metric.kpi] {
            let metricLevel = metric.level(for: value)
            result.metricValue = value
            result.metricLevel = metricLevel
            result.level = min(result.practice, metricLevel)
        }
        result.score = WeightedScores.criterionScore(level: result.level, maxLevel: maxLevel)
        return result
    }

    /// The highest level L such that every level 1…L has all its evidence kinds among valid cited items,
    /// and the gaps between that cap and `judged`, each naming the cited items that do not count and why.
    func evidenceCap(_ criterion: Criterion, cited ids: [String], rules: EvidenceRules, upTo judged: Int)
        -> (Int, [EvidenceGap])
    {
        let validKinds = rules.validKinds(cited: ids)
        /// The cited items of `kind` with their validity, for the gaps (copies of the items: only when one is
        /// reported).
        func cited(ofKind kind: String) -> [(EvidenceItem, EvidenceValidity)] {
            ids.compactMap { id in
                guard let item = rules.items[id], item.kind == kind, let validity = rules.validity(ofItem: id)
                else { return nil }
                return (item, validity)
            }
        }
        var cap = 0
        var capped = false
        var gaps: [EvidenceGap] = []
        for level in 1...max(1, catalog.maxLevel) where level <= catalog.maxLevel {
            var satisfied = true
            for kind in catalog.requiredEvidence(for: criterion, at: level) where !validKinds.contains(kind) {
                satisfied = false
                if level <= judged {
                    let ofKind = cited(ofKind: kind)
                    // The most recent item is the one a reader expects to count: its reason names the gap.
                    let reasons = ofKind.map { EvidenceGap.Item(id: $0.0.id, validity: $0.1) }
                    let latest = Self.latest(ofKind)
                    gaps.append(
                        EvidenceGap(
                            level: level, kind: kind, status: latest?.gapStatus ?? .missing, items: reasons.map(\.id),
                            reasons: reasons))
                }
            }
            if satisfied, !capped { cap = level } else { capped = true }
        }
        return (cap, gaps.filter { $0.level > cap })
    }

    /// The validity of the most recent item (undated ones count as oldest; ties: the first cited).
    static func latest(_ items: [(EvidenceItem, EvidenceValidity)]) -> EvidenceValidity? {
        var best: (day: Int, validity: EvidenceValidity)?
        for (item, validity) in items {
            let day = item.date?.daysSinceEpoch ?? Int.min
            if best == nil || day > best!.day { best = (day, validity) }
        }
        return best?.validity
    }

    // MARK: Rating conditions

    func unmetConditions(
        _ rule: RatingRule, criteria: [CriterionResult], domainScores: [String: Double], overall: Double?,
        openByGrade: [FindingGrade: Int]
    ) -> [Blocker] {
        var unmet: [Blocker] = []
        if let minimum = rule.overallMin {
            let actual = overall ?? 0
            if actual < minimum - Tolerance.epsilon {
                unmet.append(Blocker(condition: .overallMin, subject: .overall, actual: actual, required: minimum))
            }
        }
        if let minimum = rule.domainMin {
            for domain in catalog.domains {
                guard let score = domainScores[domain.id] else { continue }
                if score < minimum - Tolerance.epsilon {
                    unmet.append(
                        Blocker(condition: .domainMin, subject: .domain(domain.id), actual: score, required: minimum))
                }
            }
        }
        if let minimum = rule.keyLevelMin {
            for result in criteria where result.key && result.applicable && result.level < minimum {
                unmet.append(
                    Blocker(
                        condition: .keyLevelMin, subject: .criterion(result.id), actual: Double(result.level),
                        required: Double(minimum)))
            }
        }
        for criterion in catalog.criteria {
            guard let minimum = rule.criterionMin[criterion.id],
                let result = criteria.first(where: { $0.id == criterion.id }), result.applicable,
                result.level < minimum
            else { continue }
            unmet.append(
                Blocker(
                    condition: .criterionMin, subject: .criterion(criterion.id), actual: Double(result.level),
                    required: Double(minimum)))
        }
        for grade in FindingGrade.allCases {
            guard let limit = rule.maxOpen[grade] else { continue }
            let open = openByGrade[grade] ?? 0
            if open > limit {
                unmet.append(
                    Blocker(
                        condition: .maxOpen, subject: .grade(grade), actual: Double(open), required: Double(limit)))
            }
        }
        return unmet
    }
}

/// Domain and overall scores from criterion levels, shared by scoring and the path simulation.
struct Tally: Sendable {
    let catalog: Catalog
    let applicable: Set<String>

    func scores(_ levels: [String: Int]) -> (domains: [String: Double], overall: Double?) {
        WeightedScores.scores(catalog) { criterion in
            guard applicable.contains(criterion.id) else { return nil }
            return WeightedScores.criterionScore(level: levels[criterion.id] ?? 0, maxLevel: catalog.maxLevel)
        }
    }
}
