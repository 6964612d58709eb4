/// Turns the improvement path and open findings into actions with owner, due date and priority:
/// one action per level step of a path entry and one per open finding.
public struct ActionBuilder: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    public func actions(for result: AssessmentResult, assessment: Assessment) -> [PlanAction] {
        actions(for: result, assessment: assessment, rules: EvidenceRules(catalog: catalog, assessment: assessment))
    }

    /// ``actions(for:assessment:)`` with the rules of the assessment's evidence already worked out.
    func actions(for result: AssessmentResult, assessment: Assessment, rules: EvidenceRules) -> [PlanAction] {
        var actions: [PlanAction] = []
        for entry in result.path {
            guard let criterion = catalog.criterion(entry.criterion),
                let domain = catalog.domain(ofCriterion: entry.criterion), let levels = entry.levels
            else { continue }
            let valid = validKinds(entry.criterion, assessment: assessment, rules: rules)
            var previousDue: Day?
            for level in levels {
                // A corrective step takes its reason from the path to the lowest rating; others are development.
                let correctiveReason = result.correctiveReason(entry.criterion, level: level)
                let corrective = correctiveReason != nil
                let (grade, priority) = Self.deadlineAndPriority(
                    correctiveReason ?? entry.reason(forLevel: level), corrective: corrective)
                var due = assessment.date.adding(days: catalog.daysToReach(level: level, grade: grade))
                // A step never falls due before the one below it.
                if let previousDue, due < previousDue { due = previousDue }
                previousDue = due
                actions.append(
                    PlanAction(
                        id: "\(entry.criterion)@\(level)", origin: .path(entry.reason(forLevel: level)),
                        criterion: entry.criterion, domain: domain.id, from: level - 1, to: level,
                        what: whatToDo(criterion, level: level),
                        evidenceNeeded: catalog.requiredEvidence(for: criterion, at: level).filter {
                            !valid.contains($0)
                        },
                        kpiTarget: kpiTarget(criterion, level: level),
                        owner: owner(criterion: criterion, domain: domain, assessment: assessment), due: due,
                        priority: priority, purpose: corrective ? .corrective : .development))
            }
        }
        actions += pointsActions(for: result, assessment: assessment)
        for finding in assessment.findings where finding.status == .open && finding.grade != .improvement {
            let criterion = finding.criterion.flatMap(catalog.criterion)
            let domain = finding.criterion.flatMap(catalog.domain(ofCriterion:))
            let priority: PlanAction.Priority =
                switch finding.grade {
                case .major: .p1
                case .minor: .p2
                case .observation, .improvement: .p3
                }
            // A finding's action starts from the criterion's level; a points clause has none.
            let level = catalog.isPoints ? nil : finding.criterion.flatMap { result.criterion($0)?.level }
            actions.append(
                PlanAction(
                    id: finding.id, origin: .finding(id: finding.id, grade: finding.grade),
                    criterion: finding.criterion,
                    domain: domain?.id, from: level, to: nil, what: LocalizedText(finding.text),
                    kpiTarget: nil,
                    owner: criterion.map { owner(criterion: $0, domain: domain, assessment: assessment) }
                        ?? .unassigned,
                    due: finding.due ?? assessment.date.adding(days: deadline(finding.grade)), priority: priority,
                    purpose: .corrective))
        }
        return actions
    }

    /// The kind of deadline and the priority of a path step: corrective key → major, P1; corrective
    /// domain → minor, P2; corrective overall → improvement, P2; every development step → improvement, P3.
    public static func deadlineAndPriority(_ reason: PathStep.Reason, corrective: Bool)
        -> (FindingGrade, PlanAction.Priority)
    {
        guard corrective else { return (.improvement, .p3) }
        switch reason {
        case .key: return (.major, .p1)
        case .domain: return (.minor, .p2)
        case .overall: return (.improvement, .p2)
        }
    }

    /// Evidence kinds the criterion's valid cited items supply.
    func validKinds(_ criterion: String, assessment: Assessment, rules: EvidenceRules) -> [String] {
        rules.validKinds(cited: assessment.criteria[criterion]?.evidence ?? [])
    }

    func deadline(_ grade: FindingGrade) -> Int { catalog.deadline(grade) }

    /// The catalog's actions for the target level, else that level's descriptor.
    public func whatToDo(_ criterion: Criterion, level: Int) -> LocalizedText {
        criterion.actions[level] ?? criterion.levels[level] ?? criterion.name
    }

    /// The KPI value the level asks for, when the criterion's metric has a threshold at that level.
    public func kpiTarget(_ criterion: Criterion, level: Int) -> PlanAction.KPITarget? {
        guard let metric = criterion.metric, let threshold = metric.thresholds[level] else { return nil }
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
