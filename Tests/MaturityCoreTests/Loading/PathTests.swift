import MaturityCore
import Testing

@Suite struct PathTests {
    func path(_ catalog: Catalog, _ levels: [String: Int], target: String? = nil) -> [PathStep] {
        do {
            return try Scorer(catalog: catalog).score(TestCatalog.assessment(levels), target: target).path
        } catch {
            Issue.record("target refused: \(error)")
            return []
        }
    }

    @Test func keyCriteriaAreRaisedToTheKeyMinimumFirst() {
        let catalog = TestCatalog.catalog(
            [
                TestCatalog.domain(
                    "a",
                    [
                        TestCatalog.criterion("A1"), TestCatalog.criterion("A2", key: true),
                        TestCatalog.criterion("A3", key: true),
                    ])
            ],
            ratings: [RatingRule(id: "pass", name: LocalizedText("Pass"), keyLevelMin: 3)])
        #expect(
            path(catalog, ["A1": 0, "A2": 1, "A3": 4]) == [PathStep(criterion: "A2", from: 1, to: 3, reason: .key)])
    }

    @Test func theLowestDomainIsRaisedByItsHeaviestCriterion() {
        let catalog = TestCatalog.catalog(
            [
                TestCatalog.domain(
                    "a", [TestCatalog.criterion("A1", weight: 1), TestCatalog.criterion("A2", weight: 3)]),
                TestCatalog.domain("b", [TestCatalog.criterion("B1")]),
            ],
            ratings: [RatingRule(id: "pass", name: LocalizedText("Pass"), domainMin: 60)])
        // a = (1·40 + 3·40)/4 = 40; A2 (weight 3) rises until a ≥ 60: 40 → 55 → 70.
        #expect(
            path(catalog, ["A1": 2, "A2": 2, "B1": 5]) == [PathStep(criterion: "A2", from: 2, to: 4, reason: .domain)])
    }

    @Test func equalWeightsPreferTheLowerLevelThenCatalogOrder() {
        let catalog = TestCatalog.catalog(
            [
                TestCatalog.domain(
                    "a", [TestCatalog.criterion("A1"), TestCatalog.criterion("A2"), TestCatalog.criterion("A3")])
            ],
            ratings: [RatingRule(id: "pass", name: LocalizedText("Pass"), domainMin: 50)])
        // a = (60 + 20 + 20)/3 = 33.3: A2 (as low as A3, before it) → 2 (40); A3 now lowest → 2 (46.7);
        // A2 and A3 tie again, A2 first → 3 (53.3).
        #expect(
            path(catalog, ["A1": 3, "A2": 1, "A3": 1]) == [
                PathStep(criterion: "A2", from: 1, to: 3, reason: .domain),
                PathStep(criterion: "A3", from: 1, to: 2, reason: .domain),
            ])
    }

    @Test func tiedLowestDomainsGoInCatalogOrder() {
        let catalog = TestCatalog.catalog(
            [
                TestCatalog.domain("a", [TestCatalog.criterion("A1")]),
                TestCatalog.domain("b", [TestCatalog.criterion("B1")]),
            ],
            ratings: [RatingRule(id: "pass", name: LocalizedText("Pass"), domainMin: 40)])
        #expect(
            path(catalog, ["A1": 1, "B1": 1]) == [
                PathStep(criterion: "A1", from: 1, to: 2, reason: .domain),
                PathStep(criterion: "B1", from: 1, to: 2, reason: .domain),
            ])
    }

    @Test func overallStepsPickTheLargestGain() {
        let catalog = TestCatalog.catalog(
            [
                TestCatalog.domain("a", weight: 1, [TestCatalog.criterion("A1")]),
                TestCatalog.domain(
                    "b", weight: 3, [TestCatalog.criterion("B1"), TestCatalog.criterion("B2", weight: 2)]),
            ],
            ratings: [RatingRule(id: "pass", name: LocalizedText("Pass"), overallMin: 60)])
        // Gains per step: A1 ¼·20 = 5, B1 ¾·⅓·20 = 5, B2 ¾·⅔·20 = 10. Overall starts at 40.
        // B2 2→3 (50), B2 3→4 (60).
        #expect(
            path(catalog, ["A1": 2, "B1": 2, "B2": 2]) == [PathStep(criterion: "B2", from: 2, to: 4, reason: .overall)])
    }

    @Test func equalGainsPreferTheLowerLevelThenCatalogOrder() {
        let catalog = TestCatalog.catalog(
            [
                TestCatalog.domain(
                    "a", [TestCatalog.criterion("A1"), TestCatalog.criterion("A2"), TestCatalog.criterion("A3")])
            ],
            ratings: [RatingRule(id: "pass", name: LocalizedText("Pass"), overallMin: 60)])
        // Start (80 + 40 + 40)/3 = 53.3; one step of 6.67 suffices: A2 (lower than A1, before A3).
        #expect(
            path(catalog, ["A1": 4, "A2": 2, "A3": 2]) == [PathStep(criterion: "A2", from: 2, to: 3, reason: .overall)])
    }

    @Test func aCriterionRaisedTwiceHasOneEntryWithItsFirstReasonAndFinalLevel() {
        let catalog = TestCatalog.catalog(
            [TestCatalog.domain("a", [TestCatalog.criterion("A1", key: true), TestCatalog.criterion("A2")])],
            ratings: [
                RatingRule(id: "pass", name: LocalizedText("Pass"), overallMin: 90, domainMin: 70, keyLevelMin: 2)
            ])
        // key: A1 0→2. domain a = 20 < 70: equal weights, lower level first, then catalog order:
        // A2→1, A2→2, A1→3, A2→3, A1→4 (a = 70). overall 70 < 90: A2→4, A1→5 (90).
        let steps = path(catalog, ["A1": 0, "A2": 0])
        #expect(
            steps == [
                PathStep(
                    criterion: "A1", from: 0, to: 5, reason: .key, levelReasons: [3: .domain, 4: .domain, 5: .overall]),
                PathStep(criterion: "A2", from: 0, to: 4, reason: .domain, levelReasons: [4: .overall]),
            ])
        // Each level step keeps the reason that raised it, for its action's deadline and priority.
        #expect((1...5).map { steps[0].reason(forLevel: $0) } == [.key, .key, .domain, .domain, .overall])
    }

    @Test func theSimulationCountsARaisedMeasuredCriterionAtItsNewLevel() {
        let metric = Metric(kpi: "satisfaction_rate", better: .higher, thresholds: [1: 10, 2: 20, 3: 30, 4: 40, 5: 50])
        let catalog = TestCatalog.catalog(
            [TestCatalog.domain("a", [TestCatalog.criterion("A1", metric: metric)])],
            ratings: [RatingRule(id: "pass", name: LocalizedText("Pass"), overallMin: 60)])
        let result = Scorer(catalog: catalog).score(
            TestCatalog.assessment(["A1": 5], metrics: ["satisfaction_rate": 15]))
        #expect(result.criterion("A1")?.level == 1)
        #expect(result.path == [PathStep(criterion: "A1", from: 1, to: 3, reason: .overall)])
    }

    @Test func aReachedTargetHasNoPath() {
        let catalog = TestCatalog.catalog([TestCatalog.domain("a", [TestCatalog.criterion("A1")])])
        #expect(path(catalog, ["A1": 4], target: "pass").isEmpty)
    }
}
