import MaturityCore

/// Catalogs and assessments built in code, so each scoring test states exactly what it depends on.
enum TestCatalog {
    static let scale: [ScaleLevel] = [
        ScaleLevel(level: 0, name: LocalizedText("absent")),
        ScaleLevel(level: 1, name: LocalizedText("initial"), evidence: ["statement"]),
        ScaleLevel(level: 2, name: LocalizedText("defined"), evidence: ["document", "record"]),
        ScaleLevel(level: 3, name: LocalizedText("deployed"), evidence: ["deployment"]),
        ScaleLevel(level: 4, name: LocalizedText("measured"), evidence: ["kpi_series"]),
        ScaleLevel(level: 5, name: LocalizedText("optimising"), evidence: ["improvement_outcome"]),
    ]

    static let pass = RatingRule(
        id: "pass", name: LocalizedText("Pass"), overallMin: 70, domainMin: 60, keyLevelMin: 2, maxOpen: [.major: 0])
    static let excellent = RatingRule(
        id: "excellent", name: LocalizedText("Excellent"), overallMin: 90, domainMin: 80, keyLevelMin: 4,
        maxOpen: [.major: 0, .minor: 0])

    static func criterion(
        _ id: String, weight: Double = 1, key: Bool = false, metric: Metric? = nil, evidence: [Int: [String]] = [:],
        owner: String? = nil, actions: [Int: LocalizedText] = [:]
    ) -> Criterion {
        Criterion(
            id: id, name: LocalizedText("name of \(id)"), weight: weight, key: key,
            owner: owner.map(LocalizedText.init),
            levels: Dictionary(uniqueKeysWithValues: (1...5).map { ($0, LocalizedText("\(id) level \($0)")) }),
            evidence: evidence, metric: metric, actions: actions)
    }

    static func domain(_ id: String, weight: Double = 1, owner: String? = nil, _ criteria: [Criterion]) -> Domain {
        Domain(
            id: id, name: LocalizedText("domain \(id)"), weight: weight, owner: owner.map(LocalizedText.init),
            criteria: criteria)
    }

    static func catalog(_ domains: [Domain], ratings: [RatingRule] = [pass, excellent], maxAge: Int = 365) -> Catalog {
        Catalog(
            id: "test", version: "1", title: LocalizedText("Test"), levels: scale, ratings: ratings,
            evidenceMaxAgeDays: maxAge, domains: domains)
    }

    static let date = Day(year: 2026, month: 11, day: 1)!

    /// Evidence of every kind up to `level`, dated `date` minus `age` days, with ids `<kind>`.
    static func evidence(upTo level: Int, age: Int = 10) -> [EvidenceItem] {
        scale.filter { $0.level >= 1 && $0.level <= level }.flatMap(\.evidence).map {
            EvidenceItem(id: $0, kind: $0, title: $0, date: date.adding(days: -age))
        }
    }

    /// An assessment claiming `levels` with full, fresh evidence for each claim.
    static func assessment(
        _ levels: [String: Int], evidenceFor: Int = 5, metrics: [String: Double] = [:], findings: [Finding] = [],
        owners: [String: String] = [:], extra: [String: CriterionEntry] = [:]
    ) -> Assessment {
        let items = evidence(upTo: evidenceFor)
        var criteria = levels.mapValues { CriterionEntry(claimed: $0, evidence: items.map(\.id)) }
        criteria.merge(extra) { _, new in new }
        return Assessment(
            catalogId: "test", organisation: Organisation(name: "Org"), date: date, owners: owners, evidence: items,
            metrics: metrics, criteria: criteria, findings: findings)
    }
}
