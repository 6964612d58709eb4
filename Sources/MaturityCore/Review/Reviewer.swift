/// Compares a current result with the previous one and decides about the certificate.
/// Pure: the review date is the current assessment's date.
public struct Reviewer: Sendable {
    /// The catalog the current assessment was scored with.
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    // MARK: Checks

    /// What makes `previous` unusable for reviewing `current` (errors), and what the reviewer should know
    /// (warnings): another catalog or organisation, a date not before the assessment, an unknown rating,
    /// a catalog version change, a review later than the previous one asked for.
    public func check(previous: PreviousResult, current: AssessmentResult) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let at = previous.locations
        if previous.catalogId != catalog.id {
            diagnostics.append(
                .error(
                    .previousOfAnotherCatalog(previous.catalogId, current: catalog.id),
                    at: at.catalog ?? .start(of: previous.file), hint: .giveEarlierReviewOfSameCertification))
        } else if previous.catalogVersion != catalog.version {
            diagnostics.append(
                .warning(
                    .previousUsedOtherVersion(previous.catalogVersion, current: catalog.version),
                    at: at.catalog ?? .start(of: previous.file)))
        }
        if previous.organisation.name != current.organisation.name {
            diagnostics.append(
                .error(
                    .previousOfAnotherOrganisation(previous.organisation.name, current: current.organisation.name),
                    at: at.organisation ?? .start(of: previous.file), hint: .givePreviousOfSameOrganisation))
        }
        if !(previous.date < current.date) {
            diagnostics.append(
                .error(
                    .previousNotBefore(previous.date, current: current.date), at: at.date ?? .start(of: previous.file),
                    hint: .previousTakesEarlierResult))
        } else if let due = previous.nextReview, due < current.date {
            diagnostics.append(
                .warning(.reviewLaterThanSet(current.date, due: due), at: at.date ?? .start(of: previous.file)))
        }
        if let problem = Self.certificateProblem(previous) { diagnostics.append(problem) }
        if previous.rating != RatingRule.failId, catalog.rating(previous.rating) == nil {
            let ids = [RatingRule.failId] + catalog.ratings.map(\.id)
            diagnostics.append(
                .error(
                    .previousRatingUnknown(previous.rating, catalog: catalog.id),
                    at: at.rating ?? .start(of: previous.file),
                    hint: Suggestion.hintMessage(for: previous.rating, in: ids)
                ))
        }
        return diagnostics
    }

    /// An error when `previous` shows no certificate in force or suspended: a self-assessment, a failed
    /// audit that is not a review, or a review that withdrew the certificate. There is nothing to review.
    public static func certificateProblem(_ previous: PreviousResult) -> Diagnostic? {
        let at = previous.locations
        if let decision = previous.decision {
            guard decision == .withdraw else { return nil }
            return .error(
                .previousWithdrewCertificate, at: at.decision ?? .start(of: previous.file),
                hint: .newCertificateStartsWithAudit)
        }
        switch previous.kind {
        case .selfAssessment:
            return .error(
                .previousIsSelfAssessment, at: at.kind ?? .start(of: previous.file), hint: .previousTakesGrantingAudit)
        case .audit, .surveillance, .special:
            guard previous.rating == RatingRule.failId else { return nil }
            return .error(
                .previousAuditFailed(previous.kind), at: at.rating ?? .start(of: previous.file),
                hint: .auditAgainAfterFail)
        }
    }

    /// An error when the plan is another organisation's.
    public func check(plan: Plan, file: String, current: AssessmentResult) -> Diagnostic? {
        guard plan.organisation != current.organisation.name else { return nil }
        return .error(
            .planOfAnotherOrganisation(plan: plan.organisation, assessment: current.organisation.name),
            at: .start(of: file), hint: .giveImprovementPlanOfSameOrganisation)
    }

    // MARK: Review

    public func review(current: AssessmentResult, previous: PreviousResult, plan: Plan?) -> Review {
        let matching = match(previous)
        var criteria: [CriterionDelta] = []
        for domain in catalog.domains {
            for criterion in domain.criteria {
                guard let now = current.criterion(criterion.id), let then = matching.previous[criterion.id] else {
                    continue
                }
                var delta = CriterionDelta(
                    id: criterion.id, previousId: then.id == criterion.id ? nil : then.id, domain: domain.id,
                    key: criterion.key, previousLevel: then.applicable && now.points == nil ? then.level : nil,
                    level: now.applicable && now.points == nil ? now.level : nil,
                    score: ScoreDelta(
                        previous: then.applicable ? then.score : nil, current: now.applicable ? now.score : nil))
                if let points = now.points {
                    delta.previousEarned = then.applicable ? then.earned : nil
                    delta.earned = now.applicable ? NumberText.rounded(points.earned) : nil
                }
                criteria.append(delta)
            }
        }
        let basis: Review.Basis = matching.added.isEmpty && matching.removed.isEmpty ? .reported : .commonCriteria
        var domains: [DomainDelta]
        var overall: ScoreDelta
        switch basis {
        case .reported:
            domains = catalog.domains.map { domain in
                DomainDelta(
                    id: domain.id,
                    score: ScoreDelta(
                        previous: previous.domain(domain.id)?.score, current: current.domain(domain.id)?.score))
            }
            overall = ScoreDelta(previous: previous.overall, current: current.overall)
        case .commonCriteria:
            (domains, overall) = commonScores(criteria, current: current)
        }
        let catalogChange =
            previous.catalogVersion == catalog.version && basis == .reported
            ? nil
            : CatalogChange(
                previousVersion: previous.catalogVersion, currentVersion: catalog.version, added: matching.added,
                removed: matching.removed, renamed: matching.renamed)

        let progress = plan.map { plan in
            PlanProgress(
                asOf: current.date,
                items: plan.entries.map { entry in
                    PlanProgress.Item(
                        entry: entry, state: PlanProgress.state(of: entry, on: current.date),
                        levelReached: levelReached(entry, current: current))
                })
        }
        let rules = self.rules(current: current, previous: previous, overall: overall, progress: progress)
        let decision = rules.first(where: \.holds)?.rule ?? .maintain
        return Review(
            current: current, previous: previous, catalogChange: catalogChange, basis: basis, overall: overall,
            domains: domains, criteria: criteria, planProgress: progress, rules: rules, decision: decision,
            nextReview: current.date.adding(months: 6))
    }

    /// Every decision rule in precedence order, with the facts that make it hold.
    func rules(current: AssessmentResult, previous: PreviousResult, overall: ScoreDelta, progress: PlanProgress?)
        -> [ReviewRuleCheck]
    {
        func overdue(_ priority: PlanAction.Priority) -> [ReviewFact] {
            (progress?.overdue(priority) ?? []).filter(\.entry.isCorrective).map { item in
                .actionOverdue(
                    id: item.entry.id, priority: priority, due: item.entry.due ?? current.date,
                    status: item.entry.status, completed: item.entry.completed)
            }
        }
        let fail: [ReviewFact] = current.rating == RatingRule.failId ? [.ratingFail] : []
        let p1 = overdue(.p1)
        let p2 = overdue(.p2)
        let before = catalog.rank(of: previous.rating)
        let now = catalog.rank(of: current.rating)

        var withdraw: [ReviewFact] = []
        let suspended = previous.decision == .suspend
        if suspended {
            let limit = previous.date.adding(months: ReviewDecision.suspensionMonths)
            let expired: [ReviewFact] =
                current.date > limit ? [.suspensionExpired(since: previous.date, limit: limit)] : []
            if !(fail + p1 + expired).isEmpty {
                withdraw = [.previousSuspended(date: previous.date)] + fail + p1 + expired
            }
        }
        var followUp: [ReviewFact] = []
        if let delta = overall.delta, let from = overall.previous, let to = overall.current,
            delta <= -ReviewDecision.overallDropThreshold + Tolerance.epsilon
        {
            followUp.append(.overallDropped(from: from, to: to))
        }
        followUp += p2
        let reinstate: [ReviewFact] =
            suspended && withdraw.isEmpty && (fail + p1).isEmpty
            ? [.suspensionLifted(since: previous.date, rating: current.rating, planChecked: progress != nil)] : []
        let checks = [
            ReviewRuleCheck(rule: .withdraw, facts: withdraw),
            ReviewRuleCheck(rule: .suspend, facts: fail + p1),
            ReviewRuleCheck(rule: .reinstate, facts: reinstate),
            ReviewRuleCheck(
                rule: .downgrade, facts: before > now ? [.ratingLowered(from: previous.rating, to: current.rating)] : []
            ),
            ReviewRuleCheck(rule: .maintainWithFollowUp, facts: followUp),
            ReviewRuleCheck(
                rule: .upgrade, facts: now > before ? [.ratingRaised(from: previous.rating, to: current.rating)] : []),
        ]
        // `maintain` is "otherwise": it holds only when no rule above does.
        let otherwise: [ReviewFact] =
            checks.contains(where: \.holds) ? [] : [.noRuleAbove(rating: current.rating, planChecked: progress != nil)]
        return checks + [ReviewRuleCheck(rule: .maintain, facts: otherwise)]
    }

    // MARK: Matching criteria across catalog versions

    struct Matching {
        /// Current criterion id → the previous result's criterion.
        var previous: [String: PreviousResult.CriterionScore] = [:]
        var added: [String] = []
        var removed: [String] = []
        var renamed: [CatalogChange.Rename] = []
    }

    /// The current id of a criterion the previous result names: itself when the catalog has it, else
    /// followed through `renamed:` (old id → new id, possibly over several versions).
    public func currentId(of id: String) -> String {
        var id = id
        var seen: Set<String> = [id]
        while catalog.criterion(id) == nil, let next = catalog.renamed[id], seen.insert(next).inserted {
            id = next
        }
        return id
    }

    func match(_ previous: PreviousResult) -> Matching {
        var matching = Matching()
        for criterion in previous.criteria {
            let id = currentId(of: criterion.id)
            guard catalog.criterion(id) != nil, matching.previous[id] == nil else {
                if catalog.criterion(id) == nil { matching.removed.append(criterion.id) }
                continue
            }
            matching.previous[id] = criterion
            if id != criterion.id { matching.renamed.append(.init(from: criterion.id, to: id)) }
        }
        matching.added = catalog.criteria.map(\.id).filter { matching.previous[$0] == nil }
        return matching
    }

    /// Domain and overall scores of both sides over the criteria both have and both found applicable,
    /// weighted as the current catalog weighs them.
    func commonScores(_ criteria: [CriterionDelta], current: AssessmentResult) -> ([DomainDelta], ScoreDelta) {
        var common: [String: (previous: Double, current: Double)] = [:]
        for delta in criteria {
            guard let before = delta.score.previous, delta.score.current != nil,
                let result = current.criterion(delta.id), catalog.criterion(delta.id) != nil
            else { continue }
            common[delta.id] = (before, result.score)
        }
        let then = WeightedScores.scores(catalog) { common[$0.id]?.previous }
        let now = WeightedScores.scores(catalog) { common[$0.id]?.current }
        let domains = catalog.domains.map { domain in
            DomainDelta(
                id: domain.id, score: ScoreDelta(previous: then.domains[domain.id], current: now.domains[domain.id]))
        }
        return (domains, ScoreDelta(previous: then.overall, current: now.overall))
    }

    /// Whether the criterion an action raises is now at the action's level.
    func levelReached(_ entry: PlanEntry, current: AssessmentResult) -> Bool? {
        guard let id = entry.criterion,
            let result = current.criterion(id) ?? current.criterion(currentId(of: id)), result.applicable
        else { return nil }
        if let points = entry.points, let detail = result.points {
            return detail.earned >= points - Tolerance.epsilon
        }
        guard let to = entry.to else { return nil }
        return result.level >= to
    }
}
