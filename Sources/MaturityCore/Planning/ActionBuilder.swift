/// Turns the improvement path and open findings into actions with owner, due date and priority (SPEC §6).
public struct ActionBuilder: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    public func actions(for result: AssessmentResult, assessment: Assessment) -> [PlanAction] {
        var actions: [PlanAction] = []
        for step in result.path {
            guard let criterion = catalog.criterion(step.criterion),
                let domain = catalog.domain(ofCriterion: step.criterion)
            else { continue }
            let (grade, priority): (FindingGrade, PlanAction.Priority) =
                switch step.reason {
                case .key: (.major, .p1)
                case .domain: (.minor, .p2)
                case .overall: (.improvement, .p3)
                }
            actions.append(
                PlanAction(
                    id: "\(step.criterion)@\(step.to)", origin: .path(step.reason), criterion: step.criterion,
                    domain: domain.id, from: step.from, to: step.to, what: whatToDo(criterion, level: step.to),
                    kpiTarget: kpiTarget(criterion, level: step.to),
                    owner: owner(criterion: criterion, domain: domain, assessment: assessment),
                    due: assessment.date.adding(days: deadline(grade)), priority: priority))
        }
        for finding in assessment.findings where finding.status == .open && finding.grade != .improvement {
            let criterion = finding.criterion.flatMap(catalog.criterion)
            let domain = finding.criterion.flatMap(catalog.domain(ofCriterion:))
            let priority: PlanAction.Priority =
                switch finding.grade {
                case .major: .p1
                case .minor: .p2
                case .observation, .improvement: .p3
                }
            let level = finding.criterion.flatMap { result.criterion($0)?.level }
            actions.append(
                PlanAction(
                    id: finding.id, origin: .finding(id: finding.id, grade: finding.grade),
                    criterion: finding.criterion,
                    domain: domain?.id, from: level, to: nil, what: LocalizedText(finding.text),
                    kpiTarget: nil,
                    owner: criterion.map { owner(criterion: $0, domain: domain, assessment: assessment) }
                        ?? .unassigned,
                    due: finding.due ?? assessment.date.adding(days: deadline(finding.grade)), priority: priority))
        }
        return actions
    }

    func deadline(_ grade: FindingGrade) -> Int { catalog.deadline(grade) }

    /// The catalog's actions for the target level, else that level's descriptor.
    public func whatToDo(_ criterion: Criterion, level: Int) -> LocalizedText {
        criterion.actions[level] ?? criterion.levels[level] ?? criterion.name
    }

    public func kpiTarget(_ criterion: Criterion, level: Int) -> PlanAction.KPITarget? {
        guard let metric = criterion.metric else { return nil }
        // The threshold of the target level, or of the nearest level below it that has one.
        guard let threshold = (1...max(1, level)).reversed().lazy.compactMap({ metric.thresholds[$0] }).first else {
            return nil
        }
        return PlanAction.KPITarget(kpi: metric.kpi, better: metric.better, value: threshold)
    }

    /// Assessment owners by criterion, then by domain, then the catalog's role.
    public func owner(criterion: Criterion, domain: Domain?, assessment: Assessment) -> PlanAction.Owner {
        if let person = assessment.owners[criterion.id] { return .person(person) }
        if let domain, let person = assessment.owners[domain.id] { return .person(person) }
        if let role = criterion.owner ?? domain?.owner { return .role(role) }
        return .unassigned
    }
}
