/// Scoring of a points catalog (GB/T 27922 style): each applicable clause earns up to its points; the
/// overall score is 100 × earned / available, moved by deductions and bonuses and held to 0–100; ratings
/// go by the overall score and, for star ratings, by how long the certificate has held the lowest rating.
extension Scorer {
    func scorePoints(_ assessment: Assessment, kpis: [KPIValue], values: [String: Double], at target: String?)
        -> AssessmentResult
    {
        let profile = assessment.profile.flatMap(catalog.profile)
        let rules = EvidenceRules(catalog: catalog, assessment: assessment)
        var criteria: [CriterionResult] = []
        var domains: [DomainResult] = []
        var earned = 0.0
        var available = 0.0
        for domain in catalog.domains {
            var domainEarned = 0.0
            var domainPoints = 0.0
            for criterion in domain.criteria {
                let result = scorePointsCriterion(
                    criterion, in: domain, assessment: assessment, profile: profile, rules: rules,
                    kpis: values)
                if result.applicable, let points = result.points {
                    domainEarned += points.earned
                    domainPoints += points.points
                }
                criteria.append(result)
            }
            domains.append(
                DomainResult(
                    id: domain.id, weight: domainPoints, applicable: domainPoints > 0,
                    score: domainPoints > 0 ? 100 * domainEarned / domainPoints : nil))
            earned += domainEarned
            available += domainPoints
        }
        let base = available > 0 ? 100 * earned / available : nil
        let adjustments = applyAdjustments(assessment.adjustments)
        let shift = adjustments.reduce(0) { $0 + $1.points }
        let overall = base.map { Self.clamp($0 + shift) }
        let overallFor: (Double) -> Double = { total in Self.clamp(100 * total / available + shift) }

        let openByGrade = Dictionary(grouping: assessment.findings.filter { $0.status == .open }, by: \.grade)
            .mapValues(\.count)
        let lowestHolds =
            overall.map { score in (catalog.lowestRating?.overallMin ?? 0) <= score + Tolerance.epsilon } ?? false
        let holding = self.holding(assessment, lowestHolds: lowestHolds)
        let checks = catalog.ratings.map { rule in
            let unmet =
                unmetConditions(rule, criteria: criteria, domainScores: [:], overall: overall, openByGrade: openByGrade)
                + heldBlocker(rule, holding: holding)
            return RatingCheck(rating: rule.id, holds: unmet.isEmpty, unmet: unmet)
        }
        let rating = checks.last(where: \.holds)?.rating ?? RatingRule.failId
        let pending = pendingRating(checks, granted: rating, holding: holding)

        // Gap analysis: every clause with points still to earn, largest first (ties: catalog order).
        let gaps = criteria.enumerated().compactMap { index, result -> (Int, PointsGap)? in
            guard result.applicable, let points = result.points, points.toEarn > Tolerance.epsilon else { return nil }
            return (
                index,
                PointsGap(criterion: result.id, domain: result.domain, earned: points.earned, points: points.points)
            )
        }.sorted { a, b in
            a.1.toEarn != b.1.toEarn ? a.1.toEarn > b.1.toEarn : a.0 < b.0
        }.map(\.1)
        func path(to minimum: Double?) -> (steps: [PointsGap], reached: Bool) {
            guard let minimum else { return ([], true) }
            guard available > 0 else { return ([], false) }
            var total = earned
            var steps: [PointsGap] = []
            for gap in gaps where overallFor(total) < minimum - Tolerance.epsilon {
                steps.append(gap)
                total += gap.toEarn
            }
            return (steps, overallFor(total) >= minimum - Tolerance.epsilon)
        }

        let targetId = target ?? nextRating(above: rating)
        var blockers: [Blocker] = []
        var pointsPath: [PointsGap] = []
        var reachable = true
        if let targetId, let rule = catalog.rating(targetId) {
            blockers = checks.first { $0.rating == targetId }?.unmet ?? []
            if blockers.contains(where: { $0.condition == .overallMin }) {
                (pointsPath, reachable) = path(to: rule.overallMin)
            }
        }
        var correctivePath: [PointsGap] = []
        if rating == RatingRule.failId, let lowest = catalog.lowestRating {
            correctivePath = path(to: lowest.overallMin).steps
        }

        var warnings: [ResultWarning] = []
        for result in criteria where result.applicable && !result.assessed {
            warnings.append(
                ResultWarning(
                    kind: .notAssessed, subject: result.id,
                    message: "criterion '\(result.id)' is not assessed: counted as 0 points"))
        }
        warnings += widelyCitedEvidence(criteria)
        for result in criteria where result.applicable && result.metricKPI != nil && result.metricValue == nil {
            warnings.append(
                ResultWarning(
                    kind: .metricUnmeasured, subject: result.id,
                    message: "KPI '\(result.metricKPI ?? "")' of '\(result.id)' has no value: the metric does not "
                        + "limit the points"))
        }
        let bonusMax = catalog.adjustments?.bonusMax ?? 0
        let bonusMaxText = NumberText.plain(bonusMax) + (abs(bonusMax - 1) < Tolerance.epsilon ? " point" : " points")
        for ignored in adjustments where !ignored.counted {
            warnings.append(
                ResultWarning(
                    kind: .bonusIgnored, subject: ignored.adjustment.id,
                    message: "bonus '\(ignored.adjustment.id)' is ignored: bonuses add at most \(bonusMaxText)"))
        }

        var result = AssessmentResult(
            catalogId: catalog.id, catalogVersion: catalog.version, organisation: assessment.organisation,
            kind: assessment.kind, date: assessment.date, assessor: assessment.assessor, auditor: assessment.auditor,
            criteria: criteria, domains: domains, overall: overall, rating: rating, ratingChecks: checks,
            target: targetId, blockers: blockers, path: [], reachable: reachable, kpis: kpis,
            findings: assessment.findings, actions: [], warnings: warnings)
        result.points = PointsSummary(
            profile: profile?.id, earned: earned, available: available, base: base, adjustments: adjustments,
            clamped: base.map { $0 + shift < -Tolerance.epsilon || $0 + shift > 100 + Tolerance.epsilon } ?? false,
            holding: holding, pending: pending, gaps: gaps, path: pointsPath, correctivePath: correctivePath)
        result.actions = ActionBuilder(catalog: catalog).actions(for: result, assessment: assessment)
        return result
    }

    static func clamp(_ score: Double) -> Double { min(100, max(0, score)) }

    // MARK: One clause

    func scorePointsCriterion(
        _ criterion: Criterion, in domain: Domain, assessment: Assessment, profile: Catalog.Profile?,
        rules: EvidenceRules, kpis: [String: Double]
    ) -> CriterionResult {
        let entry = assessment.criteria[criterion.id]
        let points = criterion.points ?? 0
        let excludedBy = profile.flatMap { $0.excludes.contains(criterion.id) ? $0.id : nil }
        var result = CriterionResult(
            id: criterion.id, domain: domain.id, key: false, weight: points,
            applicable: entry?.notApplicable == nil && excludedBy == nil, notApplicableReason: entry?.notApplicable,
            assessed: entry?.givesPoints ?? false, claimed: nil, audited: nil, judged: 0, evidenceCap: 0, practice: 0,
            metricKPI: criterion.metric?.kpi, metricValue: nil, metricLevel: nil, level: 0, score: 0,
            evidenceGaps: [], evidence: entry?.evidence ?? [], note: entry?.note)
        var detail = CriterionPoints(
            points: points, check: criterion.check, sample: entry?.sample, auditedSample: entry?.auditedSample,
            excludedBy: excludedBy)
        detail.claimed = entry?.sample.map { points * $0.share } ?? entry?.earned
        detail.audited = entry?.auditedSample.map { points * $0.share } ?? entry?.auditedEarned
        guard result.applicable else {
            result.points = detail
            return result
        }
        detail.judged = min(points, max(0, detail.audited ?? detail.claimed ?? 0))
        // The register's items the entry cites, by id (ids it does not hold count for nothing).
        let validity = (entry?.evidence ?? []).compactMap { id in rules.validity(ofItem: id).map { (id, $0) } }
        detail.hasValidEvidence = validity.contains { $0.1.isValid }
        detail.invalidEvidence = validity.filter { !$0.1.isValid }.map { EvidenceGap.Item(id: $0.0, validity: $0.1) }
        detail.earned = detail.hasValidEvidence ? detail.judged : 0
        if let metric = criterion.metric, let value = kpis[metric.kpi] {
            let met = metric.level(for: value) >= 1
            result.metricValue = value
            detail.metricMet = met
            if !met { detail.earned = 0 }
        }
        result.score = points > 0 ? 100 * detail.earned / points : 0
        result.points = detail
        return result
    }

    // MARK: Adjustments

    /// Deductions each take `deduction_points`; bonuses each add `bonus_points` while their total stays
    /// within `bonus_max` — a bonus beyond it is ignored whole.
    func applyAdjustments(_ adjustments: [Adjustment]) -> [AppliedAdjustment] {
        guard let rules = catalog.adjustments else { return [] }
        var bonusTotal = 0.0
        return adjustments.map { adjustment in
            switch adjustment.kind {
            case .deduction:
                return AppliedAdjustment(adjustment: adjustment, points: -rules.deductionPoints, counted: true)
            case .bonus:
                guard bonusTotal + rules.bonusPoints <= rules.bonusMax + Tolerance.epsilon else {
                    return AppliedAdjustment(adjustment: adjustment, points: 0, counted: false)
                }
                bonusTotal += rules.bonusPoints
                return AppliedAdjustment(adjustment: adjustment, points: rules.bonusPoints, counted: true)
            }
        }
    }

    // MARK: Held ratings

    /// How long the certificate has held the lowest rating: since `heldSince` when the history gives it, since
    /// the assessment itself for an initial or special audit (a certificate starts), else unknown. Nil when the
    /// lowest rating does not hold now.
    func holding(_ assessment: Assessment, lowestHolds: Bool) -> CertificateHolding? {
        guard lowestHolds, let lowest = catalog.lowestRating else { return nil }
        let since: Day?
        switch assessment.kind {
        case .audit, .special: since = heldSince ?? assessment.date
        case .surveillance, .selfAssessment: since = heldSince
        }
        guard let since, since <= assessment.date else { return nil }
        return CertificateHolding(rating: lowest.id, since: since, days: since.days(until: assessment.date))
    }

    /// The blocker of a rating whose `held_days_min` the holding does not meet (unknown counts as 0 days).
    func heldBlocker(_ rule: RatingRule, holding: CertificateHolding?) -> [Blocker] {
        guard let minimum = rule.heldDaysMin, let lowest = catalog.lowestRating else { return [] }
        let days = holding?.days ?? 0
        guard days < minimum else { return [] }
        return [
            Blocker(
                condition: .heldDaysMin, subject: .rating(lowest.id), actual: Double(days), required: Double(minimum))
        ]
    }

    /// The highest rating above the granted one that only the held time keeps back.
    func pendingRating(_ checks: [RatingCheck], granted: String, holding: CertificateHolding?) -> PendingRating? {
        let grantedRank = catalog.rank(of: granted)
        guard let lowest = catalog.lowestRating,
            let (index, check) = checks.enumerated().last(where: { index, check in
                index + 1 > grantedRank && !check.unmet.isEmpty
                    && check.unmet.allSatisfy { $0.condition == .heldDaysMin }
            }),
            let required = catalog.ratings[index].heldDaysMin
        else { return nil }
        return PendingRating(
            rating: check.rating, heldRating: lowest.id, requiredDays: required, heldDays: holding?.days,
            grantableOn: holding.map { $0.since.adding(days: required) })
    }
}
