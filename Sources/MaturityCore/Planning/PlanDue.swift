/// The Monday list of a plan: pending actions overdue or due soon, grouped by owner.
public struct PlanDueList: Sendable {
    public struct Group: Sendable {
        /// The person, else the role; nil when nobody is named.
        public var owner: String?
        public var overdue: [PlanEntry]
        public var upcoming: [PlanEntry]
    }

    public var asOf: Day
    /// Days ahead that count as due soon.
    public var window: Int
    public var groups: [Group]
    /// Pending actions without a due date: they can never be reported late.
    public var undated: [PlanEntry]

    public var overdueCount: Int { groups.reduce(0) { $0 + $1.overdue.count } }
    public var upcomingCount: Int { groups.reduce(0) { $0 + $1.upcoming.count } }

    /// Pending actions of `plan` due before `asOf` (overdue) or within `window` days after it, by owner
    /// in name order (unnamed last), each list by due date then id.
    public init(plan: Plan, asOf: Day, window: Int = 30, language: Language) {
        self.asOf = asOf
        self.window = window
        let horizon = asOf.adding(days: window)
        var byOwner: [String?: Group] = [:]
        var undated: [PlanEntry] = []
        for entry in plan.entries where entry.isPending {
            guard let due = entry.due else {
                undated.append(entry)
                continue
            }
            let owner = entry.ownerText(language)
            var group = byOwner[owner] ?? Group(owner: owner, overdue: [], upcoming: [])
            if due < asOf {
                group.overdue.append(entry)
            } else if due <= horizon {
                group.upcoming.append(entry)
            } else {
                continue
            }
            byOwner[owner] = group
        }
        func byDue(_ a: PlanEntry, _ b: PlanEntry) -> Bool {
            (a.due ?? asOf, a.id) < (b.due ?? asOf, b.id)
        }
        self.groups = byOwner.values.map { group in
            Group(
                owner: group.owner, overdue: group.overdue.sorted(by: byDue), upcoming: group.upcoming.sorted(by: byDue)
            )
        }.sorted { a, b in
            switch (a.owner, b.owner) {
            case (let x?, let y?): return x < y
            case (.some, nil): return true
            default: return false
            }
        }
        self.undated = undated
    }
}
