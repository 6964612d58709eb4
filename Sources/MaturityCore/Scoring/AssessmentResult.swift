/// Everything an assessment scores to: levels, scores, rating, gaps and the path to the target.
public struct AssessmentResult: Sendable {
    public var catalogId: String
    public var catalogVersion: String
    public var organisation: Organisation
    public var kind: Assessment.Kind
    public var date: Day
    public var assessor: String?
    public var auditor: String?
    public var criteria: [CriterionResult] {
        didSet { criterionIndex = Self.index(criteria, id: \.id) }
    }
    private var criterionIndex: [String: Int] = [:]
    public var domains: [DomainResult]
    /// Unrounded; nil when no domain applies.
    public var overall: Double?
    public var rating: String
    /// The rating each catalog rating's conditions give, in catalog order.
    public var ratingChecks: [RatingCheck]
    public var target: String?
    public var blockers: [Blocker]
    public var path: [PathStep]
    /// False when levels alone cannot reach the target (findings to close, an impossible condition).
    public var reachable: Bool
    public var kpis: [KPIValue]
    public var findings: [Finding]
    public var actions: [PlanAction] {
        didSet { actionIndex = Self.index(actions, id: \.id) }
    }
    private var actionIndex: [String: Int] = [:]
    public var warnings: [ResultWarning]
    /// The path to the lowest rating when the organisation does not meet it: its steps are corrective,
    /// with the reasons that path gives them. Empty when the organisation meets the lowest rating.
    public var correctivePath: [PathStep] = []
    /// True when the path and its actions are left out: an audit report does not consult.
    public var pathWithheld = false
    /// What a points catalog scores to beyond the clauses (profile, adjustments, held rating, gaps); nil for a
    /// levels catalog.
    public var points: PointsSummary?

    init(
        catalogId: String, catalogVersion: String, organisation: Organisation, kind: Assessment.Kind, date: Day,
        assessor: String?, auditor: String?, criteria: [CriterionResult], domains: [DomainResult], overall: Double?,
        rating: String, ratingChecks: [RatingCheck], target: String?, blockers: [Blocker], path: [PathStep],
        reachable: Bool, kpis: [KPIValue], findings: [Finding], actions: [PlanAction], warnings: [ResultWarning]
    ) {
        self.catalogId = catalogId
        self.catalogVersion = catalogVersion
        self.organisation = organisation
        self.kind = kind
        self.date = date
        self.assessor = assessor
        self.auditor = auditor
        self.criteria = criteria
        self.criterionIndex = Self.index(criteria, id: \.id)
        self.domains = domains
        self.overall = overall
        self.rating = rating
        self.ratingChecks = ratingChecks
        self.target = target
        self.blockers = blockers
        self.path = path
        self.reachable = reachable
        self.kpis = kpis
        self.findings = findings
        self.actions = actions
        self.actionIndex = Self.index(actions, id: \.id)
        self.warnings = warnings
    }

    /// Position of the first element with each id.
    private static func index<T>(_ items: [T], id: (T) -> String) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, item) in items.enumerated() where index[id(item)] == nil { index[id(item)] = i }
        return index
    }

    /// The result as a report of it shows it: a certification body's report (audit, surveillance,
    /// special) leaves out the improvement path and the catalog's actions unless `showingPath`, keeping
    /// the blockers, the findings and the actions that close them.
    public func presented(showingPath: Bool) -> AssessmentResult {
        guard kind.isCertificationAudit, !showingPath else { return self }
        var result = self
        result.path = []
        result.points?.path = []
        result.actions = actions.filter { if case .finding = $0.origin { true } else { false } }
        result.pathWithheld = true
        return result
    }

    /// The reason of the step raising `criterion` to `level` when it is corrective (the path to the lowest
    /// rating takes it too); nil when the step is development.
    public func correctiveReason(_ criterion: String, level: Int) -> PathStep.Reason? {
        guard let step = correctivePath.first(where: { $0.criterion == criterion }),
            step.levels?.contains(level) == true
        else { return nil }
        return step.reason(forLevel: level)
    }

    public func criterion(_ id: String) -> CriterionResult? { criterionIndex[id].map { criteria[$0] } }
    public func action(_ id: String) -> PlanAction? { actionIndex[id].map { actions[$0] } }
    public func domain(_ id: String) -> DomainResult? { domains.first { $0.id == id } }
    public var openFindings: [Finding] { findings.filter { $0.status == .open } }
}

/// How one criterion scored and why.
public struct CriterionResult: Sendable, Hashable {
    public var id: String
    public var domain: String
    public var key: Bool
    public var weight: Double
    public var applicable: Bool
    public var notApplicableReason: String?
    /// Whether the assessment gave a level (claimed or audited).
    public var assessed: Bool
    public var claimed: Int?
    public var audited: Int?
    /// audited if given, else claimed, else 0.
    public var judged: Int
    public var evidenceCap: Int
    /// min(judged, evidence cap).
    public var practice: Int
    public var metricKPI: String?
    public var metricValue: Double?
    public var metricLevel: Int?
    public var level: Int
    /// Unrounded, 0–100.
    public var score: Double
    /// What is missing for the levels between the evidence cap and the judged level.
    public var evidenceGaps: [EvidenceGap]
    public var evidence: [String]
    public var note: String?
    /// The clause's points, earned and why, in a points catalog; nil in a levels catalog.
    public var points: CriterionPoints? = nil

    /// Evidence kinds missing for the judged level, in level order, each once.
    public var missingEvidence: [String] {
        var kinds: [String] = []
        for gap in evidenceGaps where !kinds.contains(gap.kind) { kinds.append(gap.kind) }
        return kinds
    }

    /// Whether the evidence cap lowered the judged level.
    public var loweredByEvidence: Bool { applicable && evidenceCap < judged }
    /// Whether the metric lowered the level below practice.
    public var loweredByMetric: Bool { applicable && (metricLevel.map { $0 < practice } ?? false) }
}

/// An evidence kind a level requires that the cited evidence does not supply.
public struct EvidenceGap: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// No cited item of this kind.
        case missing
        /// Cited, but older than its kind's age limit.
        case stale
        /// Cited, but dated after the assessment.
        case future
        /// Cited, but without a date.
        case undated
        /// Cited, but replaced by a newer item dated on or before the assessment.
        case superseded
        /// Cited, but past its `valid_until`.
        case expired
    }

    /// A cited item that does not count, and why.
    public struct Item: Sendable, Hashable {
        public var id: String
        public var validity: EvidenceValidity

        public init(id: String, validity: EvidenceValidity) {
            self.id = id
            self.validity = validity
        }
    }

    public var level: Int
    public var kind: String
    /// Why the kind is not supplied: missing, or the reason of its most recent cited item.
    public var status: Status
    /// The cited items of this kind, none of which counts.
    public var items: [String]
    /// Each of them with its reason.
    public var reasons: [Item]

    public init(level: Int, kind: String, status: Status, items: [String], reasons: [Item] = []) {
        self.level = level
        self.kind = kind
        self.status = status
        self.items = items
        self.reasons = reasons
    }
}

public struct DomainResult: Sendable, Hashable {
    public var id: String
    public var weight: Double
    public var applicable: Bool
    /// Unrounded; nil when not applicable.
    public var score: Double?
}

/// Whether each condition of a rating holds.
public struct RatingCheck: Sendable, Hashable {
    public var rating: String
    public var holds: Bool
    public var unmet: [Blocker]
}

/// One unmet condition of the target rating.
public struct Blocker: Sendable, Hashable {
    public enum Condition: String, Sendable, Hashable {
        case overallMin = "overall_min"
        case domainMin = "domain_min"
        case keyLevelMin = "key_level_min"
        case criterionMin = "criterion_min"
        case maxOpen = "max_open"
        /// The certificate has not held the lowest rating long enough.
        case heldDaysMin = "held_days_min"
    }

    /// What the condition is about.
    public enum Subject: Sendable, Hashable {
        case overall
        case domain(String)
        case criterion(String)
        case grade(FindingGrade)
        /// The rating the certificate must have held (`held_days_min`).
        case rating(String)

        /// As the result JSON writes it: `overall`, the domain, criterion or rating id, or the grade.
        public var id: String {
            switch self {
            case .overall: return "overall"
            case .domain(let id), .criterion(let id), .rating(let id): return id
            case .grade(let grade): return grade.rawValue
            }
        }
    }

    public var condition: Condition
    /// `overall`, a domain, a criterion (key or required level), or a finding grade.
    public var subject: Subject
    public var actual: Double
    public var required: Double

    public init(condition: Condition, subject: Subject, actual: Double, required: Double) {
        self.condition = condition
        self.subject = subject
        self.actual = actual
        self.required = required
    }
}

/// One criterion the improvement path raises.
public struct PathStep: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        case key
        case domain
        case overall
    }

    public var criterion: String
    public var from: Int
    public var to: Int
    /// The reason of the first step that raised the criterion.
    public var reason: Reason
    /// The reason of each level's step (`from`+1 … `to`), when it differs from `reason`.
    public var levelReasons: [Int: Reason]

    public init(criterion: String, from: Int, to: Int, reason: Reason, levelReasons: [Int: Reason] = [:]) {
        self.criterion = criterion
        self.from = from
        self.to = to
        self.reason = reason
        self.levelReasons = levelReasons
    }

    /// Why the step to `level` is taken.
    public func reason(forLevel level: Int) -> Reason { levelReasons[level] ?? reason }

    /// The levels the entry's steps reach, lowest first.
    public var levels: ClosedRange<Int>? { to > from ? (from + 1)...to : nil }
}

/// A KPI value the scoring used, and where it came from.
public struct KPIValue: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case metrics
        /// Computed from a ticket export: the file and how many tickets the value is over.
        case tickets(file: String, rows: Int)
    }

    public var id: String
    public var value: Double
    public var source: Source

    public init(id: String, value: Double, source: Source) {
        self.id = id
        self.value = value
        self.source = source
    }
}

/// Something the reader of a result should know that is not an error.
public struct ResultWarning: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case notAssessed = "not_assessed"
        case metricUnmeasured = "metric_unmeasured"
        /// One evidence item cited by most criteria: an auditor samples evidence per criterion.
        case evidenceCitedWidely = "evidence_cited_widely"
        /// A bonus beyond the catalog's `bonus_max`, ignored (points catalogs).
        case bonusIgnored = "bonus_ignored"
        case input
    }

    public var kind: Kind
    public var subject: String?
    public var message: String
}
