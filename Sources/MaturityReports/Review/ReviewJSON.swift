import MaturityCore

/// The review JSON: the result JSON for the current assessment, plus `previous_rating`,
/// `previous`, `deltas`, `plan_progress`, `decision`, `decision_reasons`, `decision_rules` and
/// `next_review`. It reads back as `--previous` for the next review.
public enum ReviewJSON {
    public static func render(_ review: Review, signOff: SignOff? = nil) -> String {
        guard let signOff, case .object(var fields) = value(review) else { return value(review).rendered() }
        fields[ResultJSON.Key.signOff] = ResultJSON.value(signOff)
        return JSONValue.object(fields).rendered()
    }

    public static func value(_ review: Review) -> JSONValue {
        guard case .object(var fields) = ResultJSON.value(review.current) else {
            return ResultJSON.value(review.current)
        }
        let p = review.previous
        fields["previous_rating"] = .string(p.rating)
        fields[ResultJSON.Key.previous] = .object([
            ResultJSON.Key.date: .string(p.date.description),
            "kind": .string(p.kind.rawValue),
            "rating": .string(p.rating),
            "overall": .score(p.overall),
            "catalog": .object(["id": .string(p.catalogId), "version": .string(p.catalogVersion)]),
            "decision": .text(p.decision?.rawValue),
            "next_review": .text(p.nextReview?.description),
        ])
        fields["deltas"] = deltas(review)
        fields["plan_progress"] = review.planProgress.map(progress) ?? .null
        fields[ResultJSON.Key.decision] = .string(review.decision.rawValue)
        fields["decision_reasons"] = .array(review.reasons.map { fact($0, rule: review.decision) })
        fields["decision_rules"] = .array(
            review.rules.map { check in
                .object([
                    "rule": .string(check.rule.rawValue), "holds": .bool(check.holds),
                    "facts": .array(check.facts.map { fact($0, rule: check.rule) }),
                ])
            })
        fields[ResultJSON.Key.nextReview] = .string(review.nextReview.description)
        fields["decision_is_recommendation"] = .bool(true)
        return .object(fields)
    }

    static func score(_ delta: ScoreDelta) -> [String: JSONValue] {
        ["previous": .score(delta.previous), "current": .score(delta.current), "delta": .score(delta.delta)]
    }

    static func deltas(_ review: Review) -> JSONValue {
        let criteria: [JSONValue] = review.criteria.map { c in
            var fields = score(c.score)
            fields["id"] = .string(c.id)
            fields["previous_id"] = .text(c.previousId)
            fields["domain"] = .string(c.domain)
            fields["key"] = .bool(c.key)
            fields["previous_level"] = .int(c.previousLevel)
            fields["level"] = .int(c.level)
            fields["level_delta"] = .int(c.levelDelta)
            if review.current.points != nil {
                fields["previous_earned"] = .score(c.previousEarned)
                fields["earned"] = .score(c.earned)
                fields["earned_delta"] = c.earnedDelta.map { .number($0) } ?? .null
            }
            return .object(fields)
        }
        let domains: [JSONValue] = review.domains.map { d in
            var fields = score(d.score)
            fields["id"] = .string(d.id)
            return .object(fields)
        }
        let catalog: JSONValue =
            review.catalogChange.map { change in
                .object([
                    "previous_version": .string(change.previousVersion),
                    "current_version": .string(change.currentVersion),
                    "added": .array(change.added.map { .string($0) }),
                    "removed": .array(change.removed.map { .string($0) }),
                    "renamed": .array(
                        change.renamed.map { .object(["from": .string($0.from), "to": .string($0.to)]) }),
                ])
            } ?? .null
        return .object([
            "basis": .string(review.basis.rawValue),
            "overall": .object(score(review.overall)),
            "domains": .array(domains),
            "criteria": .array(criteria),
            "regressions": .array(review.regressions.map { .string($0.id) }),
            "improvements": .array(review.improvements.map { .string($0.id) }),
            "catalog_change": catalog,
        ])
    }

    static func progress(_ progress: PlanProgress) -> JSONValue {
        var fields: [String: JSONValue] = [
            "as_of": .string(progress.asOf.description), "total": .int(progress.items.count),
        ]
        for state in PlanProgress.State.allCases { fields[state.rawValue] = .int(progress.count(state)) }
        fields["actions"] = .array(
            progress.items.map { item in
                let e = item.entry
                return .object([
                    "id": .string(e.id), "criterion": .text(e.criterion), "priority": .text(e.priority?.rawValue),
                    "purpose": .string(e.isCorrective ? "corrective" : "development"),
                    "counts": .bool(e.isCorrective && e.priority != .p3),
                    "status": .string(e.status.rawValue), "due": .text(e.due?.description),
                    "completed": .text(e.completed?.description), "owner": .text(e.owner),
                    "state": .string(item.state.rawValue),
                    "level_reached": item.levelReached.map { .bool($0) } ?? .null,
                ])
            })
        return .object(fields)
    }

    static func fact(_ fact: ReviewFact, rule: ReviewDecision) -> JSONValue {
        var fields: [String: JSONValue] = [
            "rule": .string(rule.rawValue), "fact": .string(fact.name), "message": .string(fact.message),
        ]
        switch fact {
        case .previousSuspended(let date):
            fields["date"] = .string(date.description)
        case .suspensionExpired(let since, let limit):
            fields["since"] = .string(since.description)
            fields["limit"] = .string(limit.description)
        case .suspensionLifted(let since, let rating, _):
            fields["since"] = .string(since.description)
            fields["rating"] = .string(rating)
        case .ratingFail, .noRuleAbove:
            break
        case .actionOverdue(let id, let priority, let due, let status, let completed):
            fields["action"] = .string(id)
            fields["priority"] = .string(priority.rawValue)
            fields["due"] = .string(due.description)
            fields["status"] = .string(status.rawValue)
            fields["completed"] = .text(completed?.description)
        case .ratingLowered(let from, let to), .ratingRaised(let from, let to):
            fields["from"] = .string(from)
            fields["to"] = .string(to)
        case .overallDropped(let from, let to):
            fields["from"] = .score(from)
            fields["to"] = .score(to)
        }
        return .object(fields)
    }
}
