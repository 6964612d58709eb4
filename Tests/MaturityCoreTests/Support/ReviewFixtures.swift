import MaturityCore

/// Results and plans built in code for the review tests: one domain of three criteria (A is key),
/// pass at 70 and excellent at 90, so each rating is a choice of levels.
enum ReviewFixtures {
    static let catalog = TestCatalog.catalog([
        TestCatalog.domain(
            "d", [TestCatalog.criterion("A", key: true), TestCatalog.criterion("B"), TestCatalog.criterion("C")])
    ])

    /// Levels that rate excellent (93.33), pass (80 or 73.33) and fail (60).
    static let excellent = ["A": 4, "B": 5, "C": 5]
    static let pass = ["A": 4, "B": 4, "C": 4]
    static let lowPass = ["A": 4, "B": 4, "C": 3]
    static let fail = ["A": 3, "B": 3, "C": 3]

    /// The review date.
    static let date = TestCatalog.date

    static func current(_ levels: [String: Int], on day: Day = date) -> AssessmentResult {
        var result = Scorer(catalog: catalog).score(TestCatalog.assessment(levels))
        result.date = day
        return result
    }

    /// A previous result six months before the review, as its JSON would say.
    static func previous(
        rating: String, overall: Double, levels: [String: Int] = pass, decision: ReviewDecision? = nil,
        version: String = "1", date: Day = ReviewFixtures.date.adding(months: -6)
    ) -> PreviousResult {
        PreviousResult(
            file: "previous.json", catalogId: "test", catalogVersion: version, organisation: Organisation(name: "Org"),
            kind: decision == nil ? .audit : .surveillance, date: date, rating: rating, overall: overall,
            domains: [.init(id: "d", applicable: true, score: overall)],
            criteria: levels.sorted { $0.key < $1.key }.map { id, level in
                .init(id: id, domain: "d", key: id == "A", applicable: true, level: level, score: Double(level) * 20)
            }, decision: decision, nextReview: decision == nil ? nil : date.adding(months: 6))
    }

    /// A plan with one pending action of each priority given, due the day before the review.
    static func plan(overdue priorities: [PlanAction.Priority], extra: [PlanEntry] = []) -> Plan {
        Plan(
            catalog: "test@1", organisation: "Org", date: date.adding(months: -6), target: "excellent",
            entries: priorities.enumerated().map { index, priority in
                PlanEntry(
                    id: "A@\(index + 5)-\(priority.rawValue)", criterion: "A", kind: "key", from: 4, to: 5,
                    due: date.adding(days: -1), priority: priority, status: .inProgress)
            } + extra)
    }

    static func review(
        _ current: AssessmentResult, _ previous: PreviousResult, plan: Plan? = nil, catalog: Catalog = catalog
    ) -> Review {
        Reviewer(catalog: catalog).review(current: current, previous: previous, plan: plan)
    }
}
