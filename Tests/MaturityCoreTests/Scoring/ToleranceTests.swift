import MaturityCore
import Testing

/// Unrounded scores and KPI values meet a threshold when within 1e-9 of it: a value that is exactly the
/// threshold in real arithmetic often comes out a hair off in binary floating point. Each case here is
/// one that happens with ordinary inputs.
@Suite struct ToleranceTests {
    /// Criterion weights 0.1 and 0.2 at level 3: 60 in real arithmetic, 59.99999999999999 computed,
    /// because 0.1 + 0.2 is 0.30000000000000004.
    static let tenthAndFifth = [TestCatalog.criterion("A1", weight: 0.1), TestCatalog.criterion("A2", weight: 0.2)]

    static func rule(_ id: String, overallMin: Double? = nil, domainMin: Double? = nil, keyLevelMin: Int? = nil)
        -> RatingRule
    {
        RatingRule(
            id: id, name: LocalizedText(id), overallMin: overallMin, domainMin: domainMin, keyLevelMin: keyLevelMin)
    }

    @Test func aDomainScoreOfSixtyComputedJustUnderMeetsADomainMinimumOfSixty() throws {
        let catalog = TestCatalog.catalog(
            [TestCatalog.domain("a", Self.tenthAndFifth), TestCatalog.domain("b", [TestCatalog.criterion("B1")])],
            ratings: [Self.rule("pass", domainMin: 50), Self.rule("good", domainMin: 60)])
        let result = Scorer(catalog: catalog).score(TestCatalog.assessment(["A1": 3, "A2": 3, "B1": 5]))
        let score = try #require(result.domain("a")?.score)
        #expect(score < 60 && score > 60 - 1e-9, "computed \(score)")
        #expect(result.rating == "good")
        #expect(result.ratingChecks.map(\.holds) == [true, true])
    }

    @Test func anOverallScoreOfSixtyComputedJustUnderMeetsAnOverallMinimumOfSixty() throws {
        // Two domains weighted 0.1 and 0.2, each exactly 60: the overall is their weighted mean.
        let catalog = TestCatalog.catalog(
            [
                TestCatalog.domain("a", weight: 0.1, [TestCatalog.criterion("A1")]),
                TestCatalog.domain("b", weight: 0.2, [TestCatalog.criterion("B1")]),
            ],
            ratings: [Self.rule("pass", overallMin: 50), Self.rule("good", overallMin: 60)])
        let result = Scorer(catalog: catalog).score(TestCatalog.assessment(["A1": 3, "B1": 3]))
        #expect(result.domain("a")?.score == 60 && result.domain("b")?.score == 60)
        let overall = try #require(result.overall)
        #expect(overall < 60 && overall > 60 - 1e-9, "computed \(overall)")
        #expect(result.rating == "good")
        #expect(result.blockers.isEmpty)
    }

    @Test func thePathRaisesNoDomainThatMeetsItsMinimumWithinTheTolerance() throws {
        // The key criterion B1 must reach 4; domain a, 59.99999999999999 against 60, needs nothing.
        let catalog = TestCatalog.catalog(
            [
                TestCatalog.domain("a", Self.tenthAndFifth),
                TestCatalog.domain("b", [TestCatalog.criterion("B1", key: true)]),
            ],
            ratings: [Self.rule("pass", domainMin: 60, keyLevelMin: 4)])
        let result = Scorer(catalog: catalog).score(TestCatalog.assessment(["A1": 3, "A2": 3, "B1": 3]))
        #expect(result.blockers.map(\.condition) == [.keyLevelMin])
        #expect(result.path == [PathStep(criterion: "B1", from: 3, to: 4, reason: .key)])
    }

    @Test func metricThresholdsAreMetWithinTheToleranceInBothDirections() {
        // A mean of 5, 4.2 and 4 is 4.4 in real arithmetic; 13.2 / 3 computes 4.3999999999999995.
        let mean = 13.2 / 3
        #expect(mean < 4.4)
        #expect(Direction.higher.meets(mean, 4.4))
        #expect(!Direction.higher.meets(4.4 - 1e-6, 4.4))
        // 0.1 + 0.2 is 0.3 in real arithmetic; it computes 0.30000000000000004.
        let sum = 0.1 + 0.2
        #expect(sum > 0.3)
        #expect(Direction.lower.meets(sum, 0.3))
        #expect(!Direction.lower.meets(0.3 + 1e-6, 0.3))
    }

    /// A KPI measured as a sum of parts (0.1 + 0.2, 0.30000000000000004) meets a lower-is-better
    /// threshold of 0.3 when scored.
    @Test func aLowerIsBetterValueComputedJustOverItsThresholdMeetsIt() throws {
        let metric = Metric(kpi: "escalation_rate", better: .lower, thresholds: [2: 1, 3: 0.5, 4: 0.3, 5: 0.1])
        let catalog = TestCatalog.catalog([TestCatalog.domain("d", [TestCatalog.criterion("C1", metric: metric)])])
        let kpis = [KPIValue(id: "escalation_rate", value: 0.1 + 0.2, source: .metrics)]
        let result = Scorer(catalog: catalog).score(TestCatalog.assessment(["C1": 5]), kpis: kpis)
        let c1 = try #require(result.criterion("C1"))
        #expect(c1.metricLevel == 4)
        #expect(c1.level == 4)
    }

    /// Three CSAT ratings of 5, 4.2 and 4 in a ticket export: their mean, 4.4, computes as
    /// 4.3999999999999995 and still meets a threshold of 4.4.
    @Test func aCSATMeanFromTicketsComputedJustUnderItsThresholdMeetsIt() throws {
        let csv = """
            id,created_at,csat
            T1,2026-10-01T09:00:00Z,5
            T2,2026-10-02T09:00:00Z,4.2
            T3,2026-10-03T09:00:00Z,4

            """
        let measurement = try TicketTesting.measure(csv)
        let mean = try #require(measurement.value("csat_mean"))
        #expect(mean < 4.4 && mean > 4.4 - 1e-9, "computed \(mean)")
        let metric = Metric(kpi: "csat_mean", better: .higher, thresholds: [2: 3.5, 3: 4, 4: 4.4, 5: 4.8])
        let catalog = TestCatalog.catalog([TestCatalog.domain("d", [TestCatalog.criterion("C1", metric: metric)])])
        let result = Scorer(catalog: catalog).score(
            TestCatalog.assessment(["C1": 5]), kpis: measurement.kpiValues(file: "tickets.csv"))
        let c1 = try #require(result.criterion("C1"))
        #expect(c1.metricValue == mean)
        #expect(c1.metricLevel == 4)
        #expect(c1.level == 4)
    }
}
