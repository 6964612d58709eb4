import MaturityCore

/// A plan shown inside an assessment report (`assess --plan`): its actions, and which are overdue.
public struct PlanView: Sendable {
    /// The plan file as the user named it.
    public var file: String
    public var plan: Plan
    /// Overdue means pending with a due date before this day.
    public var asOf: Day

    public init(file: String, plan: Plan, asOf: Day) {
        self.file = file
        self.plan = plan
        self.asOf = asOf
    }

    public var overdue: [PlanEntry] { plan.entries.filter { $0.isOverdue(asOf: asOf) } }

    func count(_ status: PlanAction.Status) -> Int { plan.entries.filter { $0.status == status }.count }

    /// "9 actions: 6 open, 1 in progress, 1 done, 1 superseded; 2 overdue"
    func summary(_ w: Words) -> String {
        let parts = PlanAction.Status.allCases.compactMap { status -> String? in
            let n = count(status)
            return n == 0 ? nil : "\(n) " + w.status(status)
        }
        return w("\(plan.entries.count) 项行动：", "\(plan.entries.count) action\(plan.entries.count == 1 ? "" : "s"): ")
            + parts.joined(separator: w("，", ", ")) + w("；逾期 \(overdue.count) 项", "; \(overdue.count) overdue")
    }

    var json: JSONValue {
        .object([
            "file": .string(file), "as_of": .string(asOf.description), "overdue": .int(overdue.count),
            "actions": .array(
                plan.entries.map { entry in
                    .object([
                        "id": .string(entry.id), "status": .string(entry.status.rawValue),
                        "due": .text(entry.due?.description), "priority": .text(entry.priority?.rawValue),
                        "criterion": .text(entry.criterion), "owner": .text(entry.owner),
                        "overdue": .bool(entry.isOverdue(asOf: asOf)),
                        "completed": .text(entry.completed?.description),
                    ])
                }),
        ])
    }
}
