extension ActionBuilder {
    /// One action per clause of a points path: earn its missing points by meeting its requirement. The id is
    /// the clause and the points it is worth (`SS-05@6`); corrective while the organisation does not meet
    /// the lowest rating and the clause is among those that reach it, else development.
    func pointsActions(for result: AssessmentResult, assessment: Assessment) -> [PlanAction] {
        guard let summary = result.points else { return [] }
        let corrective = Set(summary.correctivePath.map(\.criterion))
        return summary.path.compactMap { gap in
            guard let criterion = catalog.criterion(gap.criterion),
                let domain = catalog.domain(ofCriterion: gap.criterion)
            else { return nil }
            let isCorrective = corrective.contains(gap.criterion)
            let (grade, priority) = Self.deadlineAndPriority(.overall, corrective: isCorrective)
            let detail = result.criterion(gap.criterion)?.points
            var action = PlanAction(
                id: Self.pointsActionId(criterion: gap.criterion, points: gap.points), origin: .path(.overall),
                criterion: gap.criterion, domain: domain.id, from: nil, to: nil,
                what: criterion.requirement ?? criterion.name,
                kpiTarget: criterion.metric.flatMap { metric in
                    metric.thresholds[1].map { PlanAction.KPITarget(kpi: metric.kpi, better: metric.better, value: $0) }
                },
                owner: owner(criterion: criterion, domain: domain, assessment: assessment),
                due: assessment.date.adding(days: deadline(grade)), priority: priority,
                purpose: isCorrective ? .corrective : .development)
            action.points = PlanAction.PointsStep(
                earned: gap.earned, points: gap.points, needsEvidence: detail.map { !$0.hasValidEvidence } ?? true)
            return action
        }
    }

    /// `SS-05@6`: the clause at its full points.
    public static func pointsActionId(criterion: String, points: Double) -> String {
        "\(criterion)@\(NumberText.plain(points))"
    }
}

extension ActionBuilder {
    /// What the auditor checks for a points clause: the requirement met, with valid evidence, and the KPI.
    func pointsVerification(_ id: String, _ step: PlanAction.PointsStep, _ action: PlanAction) -> LocalizedText {
        let points = NumberText.plain(step.points)
        var zh = "审核员核查 \(id) 的要求已全部满足并有在有效期内的证据，该条款得满分 \(points) 分"
        var en =
            "The auditor checks that \(id) meets its requirement in full, with current evidence, for all "
            + "\(points) points"
        if let target = action.kpiTarget {
            let sign = target.better == .lower ? "≤" : "≥"
            let value = NumberText.plain(target.value)
            zh += "，且\(kpiName(target.kpi, .zh)) \(sign) \(value)"
            en += ", and \(target.kpi) \(sign) \(value)"
        }
        return LocalizedText(zh: zh, en: en)
    }
}
