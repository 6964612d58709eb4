/// An improvement plan as people keep it between audits: the actions an assessment
/// produced, with what people wrote into them since.
public struct Plan: Sendable {
    /// `id@version` of the catalog the plan was made with.
    public var catalog: String?
    public var organisation: String
    /// Date of the assessment the plan was last generated from.
    public var date: Day
    public var target: String?
    public var entries: [PlanEntry]

    public init(catalog: String?, organisation: String, date: Day, target: String?, entries: [PlanEntry]) {
        self.catalog = catalog
        self.organisation = organisation
        self.date = date
        self.target = target
        self.entries = entries
    }

    public func entry(_ id: String) -> PlanEntry? { entries.first { $0.id == id } }
}

/// One action of a plan file. Everything but `id` and `status` is optional: people may delete
/// or add fields; fields the tool does not know are kept by name in `extraKeys`.
public struct PlanEntry: Sendable, Hashable {
    public var id: String
    public var criterion: String?
    public var domain: String?
    /// `key`, `domain`, `overall`, or a finding grade.
    public var kind: String?
    public var from: Int?
    public var to: Int?
    /// For a clause of a points catalog: what it is worth, and what it earned when the plan was generated.
    public var points: Double?
    public var earned: Double?
    public var what: LocalizedText?
    /// Evidence kinds the step's level still lacked when the plan was generated.
    public var evidenceNeeded: [String]?
    public var kpiTarget: PlanAction.KPITarget?
    /// The person responsible; nil until someone is named.
    public var owner: String?
    /// The catalog's role, shown when no person is named.
    public var ownerRole: LocalizedText?
    public var due: Day?
    public var priority: PlanAction.Priority?
    /// Corrective or development; nil in plans written before the distinction.
    public var purpose: PlanAction.Purpose?
    public var status: PlanAction.Status
    /// What the status was before the tool marked the action superseded, restored if it comes back.
    public var statusBefore: PlanAction.Status?
    /// 问题根源分析
    public var rootCause: String?
    /// 改进措施
    public var measures: String?
    public var progress: String?
    /// How the auditor will check the action was carried out.
    public var verification: LocalizedText?
    public var completed: Day?
    public var extraKeys: [String]
    public var location: SourceLocation?

    public init(
        id: String, criterion: String? = nil, domain: String? = nil, kind: String? = nil, from: Int? = nil,
        to: Int? = nil, what: LocalizedText? = nil, evidenceNeeded: [String]? = nil,
        kpiTarget: PlanAction.KPITarget? = nil, owner: String? = nil, ownerRole: LocalizedText? = nil,
        due: Day? = nil, priority: PlanAction.Priority? = nil, purpose: PlanAction.Purpose? = nil,
        status: PlanAction.Status = .open, rootCause: String? = nil, measures: String? = nil,
        progress: String? = nil, verification: LocalizedText? = nil, completed: Day? = nil,
        extraKeys: [String] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.criterion = criterion
        self.domain = domain
        self.kind = kind
        self.from = from
        self.to = to
        self.what = what
        self.evidenceNeeded = evidenceNeeded
        self.kpiTarget = kpiTarget
        self.owner = owner
        self.ownerRole = ownerRole
        self.due = due
        self.priority = priority
        self.purpose = purpose
        self.status = status
        self.statusBefore = nil
        self.rootCause = rootCause
        self.measures = measures
        self.progress = progress
        self.verification = verification
        self.completed = completed
        self.extraKeys = extraKeys
        self.location = location
    }

    /// Still to be done: neither done nor superseded.
    public var isPending: Bool { status == .open || status == .inProgress }

    /// Counts in a surveillance review: corrective, or, in a plan written before the distinction, P1 or P2.
    public var isCorrective: Bool {
        if let purpose { return purpose == .corrective }
        return priority == .p1 || priority == .p2
    }

    /// Pending with a due date before `day`.
    public func isOverdue(asOf day: Day) -> Bool {
        guard isPending, let due else { return false }
        return due < day
    }

    /// The named person, else the role in `language`, else nil.
    public func ownerText(_ language: Language) -> String? {
        if let owner, !owner.isEmpty { return owner }
        return ownerRole?.text(language)
    }
}

extension PlanEntry {
    /// A plan entry for a freshly generated action, with the fields people fill in left empty.
    public init(_ action: PlanAction, verification: LocalizedText?) {
        let (person, role): (String?, LocalizedText?) =
            switch action.owner {
            case .person(let name): (name, nil)
            case .role(let role): (nil, role)
            case .unassigned: (nil, nil)
            }
        self.init(
            id: action.id, criterion: action.criterion, domain: action.domain, kind: action.kindName,
            from: action.from, to: action.to, what: action.what,
            evidenceNeeded: action.isPathStep ? action.evidenceNeeded : nil,
            kpiTarget: action.kpiTarget, owner: person, ownerRole: role, due: action.due, priority: action.priority,
            purpose: action.purpose, status: action.status, verification: verification)
        self.points = action.points?.points
        self.earned = action.points.map { NumberText.rounded($0.earned) }
        if action.points != nil { self.evidenceNeeded = nil }
    }
}
