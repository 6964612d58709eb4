/// A criteria catalog: the scale, the ratings, and the domains with their criteria.
public struct Catalog: Sendable {
    public static let supportedSchema = 1
    /// Criteria a catalog may have (the shipped one has 40; the scoring benchmark uses 20,000).
    public static let maximumCriteria = 50_000

    public var id: String
    public var version: String
    public var title: LocalizedText
    public var levels: [ScaleLevel]
    public var ratings: [RatingRule]
    public var deadlines: [FindingGrade: Int]
    /// Age limit of an evidence item whose kind sets none.
    public var evidenceMaxAgeDays: Int
    /// Least days from an assessment to reach a level (levels that need data over monitoring cycles).
    public var leadDays: [Int: Int]
    /// Evidence kinds the catalog names, with their display names (beyond those the scale requires).
    public var evidenceKinds: [EvidenceKindDefinition]
    public var kpis: [KPIDefinition]
    public var domains: [Domain] {
        didSet {
            index = Catalog.makeIndex(domains)
            criteria = domains.flatMap(\.criteria)
        }
    }
    /// Criterion id → (domain position, criterion position), for constant-time lookups.
    private var index: [String: (domain: Int, criterion: Int)] = [:]
    /// Criterion ids of an earlier catalog version → their id in this one.
    public var renamed: [String: String]
    /// Where the catalog was read from (a file, or `catalog.yaml` of a folder).
    public var location: SourceLocation?
    /// Every file the loader read to make this catalog, in reading order (empty for a catalog given as text).
    public var files: [CatalogFile] = []
    /// How criteria are scored: maturity levels (the default) or clause points.
    public var scoring: Scoring = .levels
    /// Enterprise types of a points catalog, each leaving out some criteria.
    public var profiles: [Profile] = []
    /// The points a deduction takes and a bonus adds, in a points catalog; nil when it allows none.
    public var adjustments: AdjustmentRules?
    /// The name of the implicit rating below the first (`fail_name:`; default 不合格 / Fail).
    public var failName: LocalizedText?

    public init(
        id: String, version: String, title: LocalizedText, levels: [ScaleLevel], ratings: [RatingRule],
        deadlines: [FindingGrade: Int] = Catalog.defaultDeadlines, evidenceMaxAgeDays: Int = 365,
        evidenceKinds: [EvidenceKindDefinition] = [], kpis: [KPIDefinition] = [], domains: [Domain],
        renamed: [String: String] = [:], leadDays: [Int: Int] = [:], location: SourceLocation? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.levels = levels
        self.ratings = ratings
        self.deadlines = deadlines
        self.evidenceMaxAgeDays = evidenceMaxAgeDays
        self.leadDays = leadDays
        self.evidenceKinds = evidenceKinds
        self.kpis = kpis
        self.domains = domains
        self.renamed = renamed
        self.location = location
        self.index = Catalog.makeIndex(domains)
        self.criteria = domains.flatMap(\.criteria)
    }

    private static func makeIndex(_ domains: [Domain]) -> [String: (domain: Int, criterion: Int)] {
        var index: [String: (domain: Int, criterion: Int)] = [:]
        for (d, domain) in domains.enumerated() {
            for (c, criterion) in domain.criteria.enumerated() where index[criterion.id] == nil {
                index[criterion.id] = (d, c)
            }
        }
        return index
    }

    public static let defaultDeadlines: [FindingGrade: Int] = [
        .major: 30, .minor: 90, .observation: 180, .improvement: 180,
    ]

    /// Days a finding of `grade` (or a path step of the same priority) gets to be closed.
    public func deadline(_ grade: FindingGrade) -> Int {
        deadlines[grade] ?? Catalog.defaultDeadlines[grade] ?? 90
    }

    /// Days an item of `kind` stays valid after its date: the kind's own limit, else the catalog's
    /// default; nil when the kind has no age limit (valid until superseded or past its `valid_until`).
    public func maxAgeDays(ofKind kind: String) -> Int? {
        switch evidenceKinds.first(where: { $0.id == kind })?.maxAge {
        case .days(let days)?: return days
        case .unlimited?: return nil
        case nil: return evidenceMaxAgeDays
        }
    }

    /// Least days from an assessment to reach `level`: the larger of the deadline of `grade` and the
    /// catalog's lead time for the level.
    public func daysToReach(level: Int, grade: FindingGrade) -> Int {
        max(deadline(grade), leadDays[level] ?? 0)
    }

    /// The highest level of the scale.
    public var maxLevel: Int { levels.last?.level ?? 0 }

    /// Every criterion, domain by domain (kept with the domains: asked for on every edit and every scoring).
    public private(set) var criteria: [Criterion] = []

    public func criterion(_ id: String) -> Criterion? {
        guard let at = index[id] else { return nil }
        return domains[at.domain].criteria[at.criterion]
    }

    public func domain(_ id: String) -> Domain? {
        domains.first { $0.id == id }
    }

    public func domain(ofCriterion id: String) -> Domain? {
        index[id].map { domains[$0.domain] }
    }

    /// The level some rating requires of `criterion` through `criterion_min`, the highest if several do.
    public func requiredLevel(of criterion: String) -> (rating: String, level: Int)? {
        ratings.compactMap { rule in rule.criterionMin[criterion].map { (rule.id, $0) } }.max { $0.1 < $1.1 }
    }

    public func rating(_ id: String) -> RatingRule? {
        ratings.first { $0.id == id }
    }

    public func level(_ number: Int) -> ScaleLevel? {
        levels.first { $0.level == number }
    }

    /// Evidence kinds required at `level` of `criterion`: the criterion's override, else the scale's.
    public func requiredEvidence(for criterion: Criterion, at level: Int) -> [String] {
        criterion.evidence[level] ?? self.level(level)?.evidence ?? []
    }

    /// Every evidence kind the catalog knows: declared, required by the scale, or by an override.
    public var knownEvidenceKinds: [String] {
        var seen: [String] = []
        func add(_ kind: String) { if !seen.contains(kind) { seen.append(kind) } }
        evidenceKinds.forEach { add($0.id) }
        levels.forEach { $0.evidence.forEach(add) }
        for criterion in criteria {
            for (_, kinds) in criterion.evidence.sorted(by: { $0.key < $1.key }) { kinds.forEach(add) }
        }
        return seen
    }

    /// The kind's display name: the catalog's, else a standard kind's, else its id.
    public func evidenceKindName(_ kind: String, _ language: Language) -> String {
        (evidenceKinds.first { $0.id == kind } ?? EvidenceKindDefinition.standard.first { $0.id == kind })?.name
            .text(language) ?? kind
    }

    /// A KPI by id: built in (ticket KPIs) or declared by the catalog.
    public func kpi(_ id: String) -> KPIDefinition? {
        kpis.first { $0.id == id } ?? KPIDefinition.builtIn.first { $0.id == id }
    }

    public var allKPIIds: [String] { KPIDefinition.builtIn.map(\.id) + kpis.map(\.id) }

    /// The rating id that ranks `steps` above `id` (`fail` is rank 0).
    public func rank(of ratingId: String) -> Int {
        if let index = ratings.firstIndex(where: { $0.id == ratingId }) { return index + 1 }
        return 0
    }

    public func ratingName(_ id: String, _ language: Language) -> String {
        if let rule = rating(id) { return rule.name.text(language) }
        return (failName ?? RatingRule.failName).text(language)
    }
}

/// One step of the maturity scale and the evidence kinds it requires.
public struct ScaleLevel: Sendable, Hashable {
    public var level: Int
    public var name: LocalizedText
    public var evidence: [String]
    public var description: LocalizedText?

    public init(level: Int, name: LocalizedText, evidence: [String] = [], description: LocalizedText? = nil) {
        self.level = level
        self.name = name
        self.evidence = evidence
        self.description = description
    }
}

/// A rating (pass, excellent, …) and the conditions it requires.
public struct RatingRule: Sendable, Hashable {
    public static let failId = "fail"
    public static let failName = LocalizedText(zh: "不合格", en: "Fail")

    public var id: String
    public var name: LocalizedText
    public var overallMin: Double?
    public var domainMin: Double?
    public var keyLevelMin: Int?
    public var maxOpen: [FindingGrade: Int]
    /// Days the certificate must have held the lowest rating before this one is granted (star ratings).
    public var heldDaysMin: Int?
    /// Criteria the rating requires at a level of their own (criterion id → level), like the improvement
    /// and innovation the scheme asks of its top rating.
    public var criterionMin: [String: Int]

    public init(
        id: String, name: LocalizedText, overallMin: Double? = nil, domainMin: Double? = nil, keyLevelMin: Int? = nil,
        maxOpen: [FindingGrade: Int] = [:], criterionMin: [String: Int] = [:]
    ) {
        self.id = id
        self.name = name
        self.overallMin = overallMin
        self.domainMin = domainMin
        self.keyLevelMin = keyLevelMin
        self.maxOpen = maxOpen
        self.criterionMin = criterionMin
    }
}

/// An evidence kind (`document`, `record`, `interview`, …): its display name and how long an item
/// of it stays valid.
public struct EvidenceKindDefinition: Sendable, Hashable {
    /// How long an item of a kind counts after its date.
    public enum MaxAge: Sendable, Hashable {
        /// At most this many days old.
        case days(Int)
        /// No age limit: valid until superseded or past its `valid_until` (a procedure in force).
        case unlimited
    }

    public var id: String
    public var name: LocalizedText
    /// Nil: the catalog's `evidence_max_age_days`.
    public var maxAge: MaxAge?
    /// What counts as an item of this kind, for the people who fill in an assessment.
    public var description: LocalizedText?

    public init(id: String, name: LocalizedText, maxAge: MaxAge? = nil, description: LocalizedText? = nil) {
        self.id = id
        self.name = name
        self.maxAge = maxAge
        self.description = description
    }

    /// Names for the kinds the usual scale uses and auditors add; a catalog may rename them.
    public static let standard: [EvidenceKindDefinition] = [
        .init(id: "statement", name: LocalizedText(zh: "声明", en: "statement")),
        .init(id: "document", name: LocalizedText(zh: "文件", en: "document")),
        .init(id: "record", name: LocalizedText(zh: "记录", en: "record")),
        .init(id: "deployment", name: LocalizedText(zh: "实施证据", en: "deployment evidence")),
        .init(id: "training", name: LocalizedText(zh: "培训记录", en: "training record")),
        .init(id: "kpi_series", name: LocalizedText(zh: "KPI 序列", en: "KPI series")),
        .init(id: "management_review", name: LocalizedText(zh: "管理评审", en: "management review")),
        .init(id: "benchmark", name: LocalizedText(zh: "标杆对比", en: "benchmark")),
        .init(id: "improvement_outcome", name: LocalizedText(zh: "改进成效", en: "improvement outcome")),
        .init(id: "interview", name: LocalizedText(zh: "访谈", en: "interview")),
        .init(id: "observation", name: LocalizedText(zh: "现场观察", en: "on-site observation")),
    ]
}

/// A weighted group of criteria (service process, staff skills, …).
public struct Domain: Sendable {
    public var id: String
    public var name: LocalizedText
    public var weight: Double
    public var owner: LocalizedText?
    public var criteria: [Criterion]
    public var location: SourceLocation?

    public init(
        id: String, name: LocalizedText, weight: Double, owner: LocalizedText? = nil, criteria: [Criterion],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.weight = weight
        self.owner = owner
        self.criteria = criteria
        self.location = location
    }
}

/// One thing an organisation is scored on, with what each level looks like.
public struct Criterion: Sendable {
    public var id: String
    public var name: LocalizedText
    public var weight: Double
    public var key: Bool
    public var owner: LocalizedText?
    public var description: LocalizedText?
    public var levels: [Int: LocalizedText]
    /// Per-level override of the scale's evidence kinds.
    public var evidence: [Int: [String]]
    public var metric: Metric?
    public var actions: [Int: LocalizedText]
    public var sources: [String]
    public var location: SourceLocation?
    /// The clause's points in a points catalog (nil in a levels catalog).
    public var points: Double?
    /// How a points clause is checked: as a whole, by sample, or graded by the assessor.
    public var check: PointsCheck = .all
    /// What a points clause requires, as plans and worksheets name it.
    public var requirement: LocalizedText?

    public init(
        id: String, name: LocalizedText, weight: Double, key: Bool = false, owner: LocalizedText? = nil,
        description: LocalizedText? = nil, levels: [Int: LocalizedText], evidence: [Int: [String]] = [:],
        metric: Metric? = nil, actions: [Int: LocalizedText] = [:], sources: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.weight = weight
        self.key = key
        self.owner = owner
        self.description = description
        self.levels = levels
        self.evidence = evidence
        self.metric = metric
        self.actions = actions
        self.sources = sources
        self.location = location
    }
}

/// Which way a KPI is better.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case lower
    case higher

    /// Whether `value` meets `threshold` in this direction.
    public func meets(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .lower: return value <= threshold + Tolerance.epsilon
        case .higher: return value >= threshold - Tolerance.epsilon
        }
    }
}

/// A measurable criterion: the KPI and the value each level needs.
public struct Metric: Sendable, Hashable {
    public var kpi: String
    public var better: Direction
    public var thresholds: [Int: Double]

    public init(kpi: String, better: Direction, thresholds: [Int: Double]) {
        self.kpi = kpi
        self.better = better
        self.thresholds = thresholds
    }

    /// The highest level whose threshold `value` meets; 0 if none.
    public func level(for value: Double) -> Int {
        thresholds.filter { better.meets(value, $0.value) }.keys.max() ?? 0
    }
}

/// A KPI a metric can name: built in (computed from ticket exports) or declared by a catalog.
public struct KPIDefinition: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var unit: KPIUnit
    public var better: Direction

    public init(id: String, name: LocalizedText, unit: KPIUnit, better: Direction) {
        self.id = id
        self.name = name
        self.unit = unit
        self.better = better
    }
}

/// Grades of audit findings, most severe first.
public enum FindingGrade: String, Sendable, Hashable, CaseIterable, Comparable {
    case major
    case minor
    case observation
    case improvement

    public static func < (lhs: FindingGrade, rhs: FindingGrade) -> Bool {
        lhs.caseOrder < rhs.caseOrder
    }

    public var name: LocalizedText {
        switch self {
        case .major: return LocalizedText(zh: "严重不符合", en: "Major nonconformity")
        case .minor: return LocalizedText(zh: "一般不符合", en: "Minor nonconformity")
        case .observation: return LocalizedText(zh: "观察项", en: "Observation")
        case .improvement: return LocalizedText(zh: "改进建议", en: "Improvement opportunity")
        }
    }
}

/// The tolerance for comparing unrounded scores: differences below it are equal (69.99999999999 meets 70).
public enum Tolerance {
    public static let epsilon = 1e-9
}
