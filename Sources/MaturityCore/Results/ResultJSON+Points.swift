/// The keys a points result adds to the result JSON. A levels result has none of them, so its JSON is
/// unchanged; `scoring: "points"` tells a reader which it is.
extension ResultJSON {
    static func pointsFields(_ result: AssessmentResult) -> [String: JSONValue] {
        guard let summary = result.points else { return [:] }
        return [
            Key.scoring: .string(Catalog.Scoring.points.rawValue),
            Key.profile: .text(summary.profile),
            "points": .object([
                "earned": .score(summary.earned), "available": .score(summary.available),
                "base": .score(summary.base), "adjustment_total": .score(summary.adjustmentTotal),
                "clamped": .bool(summary.clamped),
                "adjustments": .array(summary.adjustments.map(adjustment)),
            ]),
            Key.heldSince: .text(summary.holding?.since.description),
            "held_days": .int(summary.holding?.days),
            "pending_rating": summary.pending.map { pending in
                .object([
                    "rating": .string(pending.rating), "held_rating": .string(pending.heldRating),
                    "required_days": .int(pending.requiredDays), "held_days": .int(pending.heldDays),
                    "grantable_on": .text(pending.grantableOn?.description),
                ])
            } ?? .null,
            "gaps": .array(summary.gaps.map(gap)),
            // The path of a points result: clauses to earn in full, `from` and `to` in points.
            "path": .array(
                summary.path.map { step in
                    .object([
                        "criterion": .string(step.criterion), "from": .score(step.earned), "to": .score(step.points),
                        "points_to_earn": .score(step.toEarn), "reason": .string(PathStep.Reason.overall.rawValue),
                    ])
                }),
        ]
    }

    static func adjustment(_ applied: AppliedAdjustment) -> JSONValue {
        .object([
            "id": .string(applied.adjustment.id), "kind": .string(applied.adjustment.kind.rawValue),
            "text": .string(applied.adjustment.text), "criterion": .text(applied.adjustment.criterion),
            "points": .score(applied.points), "counted": .bool(applied.counted),
        ])
    }

    static func gap(_ gap: PointsGap) -> JSONValue {
        .object([
            "criterion": .string(gap.criterion), "domain": .string(gap.domain), "earned": .score(gap.earned),
            "points": .score(gap.points), "points_to_earn": .score(gap.toEarn),
        ])
    }

    static func sample(_ sample: Sample?) -> JSONValue {
        sample.map { .object(["size": .int($0.size), "conforming": .int($0.conforming)]) } ?? .null
    }

    /// A clause's points: level keys stay (null) so readers of levels results keep working.
    static func criterionPoints(_ c: CriterionResult, _ p: CriterionPoints) -> [String: JSONValue] {
        [
            "points": .score(p.points),
            "check": .string(p.check.rawValue),
            "claimed_earned": .score(p.claimed),
            "audited_earned": .score(p.audited),
            "sample": sample(p.sample),
            "audited_sample": sample(p.auditedSample),
            "judged_earned": c.applicable ? .score(p.judged) : .null,
            Key.earned: c.applicable ? .score(p.earned) : .null,
            "excluded_by": .text(p.excludedBy),
            "valid_evidence": .bool(p.hasValidEvidence),
            "invalid_evidence": .array(p.invalidEvidence.map(invalidItem)),
            "metric_met": p.metricMet.map { .bool($0) } ?? .null,
            "judged": .null, "evidence_cap": .null, "practice": .null, Key.level: .null,
        ]
    }

    static func actionPoints(_ step: PlanAction.PointsStep) -> [String: JSONValue] {
        [
            "earned": .score(step.earned), "points": .score(step.points), "points_to_earn": .score(step.toEarn),
            "needs_evidence": .bool(step.needsEvidence),
        ]
    }
}
