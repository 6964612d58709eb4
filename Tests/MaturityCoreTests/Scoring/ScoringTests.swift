import MaturityCore
import Testing

/// Evidence validity: an item counts on the assessment date when it is not dated after it, not superseded by
/// an item dated on or before it, not past its valid_until, and within its kind's age limit.
@Suite struct EvidenceValidityTests {
    static let kinds = [
        EvidenceKindDefinition(id: "document", name: LocalizedText("document"), maxAge: .unlimited),
        EvidenceKindDefinition(id: "record", name: LocalizedText("record"), maxAge: .days(30)),
    ]

    var catalog: Catalog {
        var catalog = TestCatalog.catalog([TestCatalog.domain("d", [TestCatalog.criterion("C1")])])
        catalog.evidenceKinds = Self.kinds
        return catalog
    }

    func validity(_ item: EvidenceItem, among others: [EvidenceItem] = [], on day: Day = TestCatalog.date)
        -> EvidenceValidity
    {
        let assessment = Assessment(
            catalogId: "test", organisation: Organisation(name: "Org"), date: day, evidence: [item] + others)
        return EvidenceRules(catalog: catalog, assessment: assessment).validity(of: item)
    }

    func item(_ id: String, _ kind: String, daysBefore: Int, supersededBy: String? = nil, validUntil: Day? = nil)
        -> EvidenceItem
    {
        EvidenceItem(
            id: id, kind: kind, title: id, date: TestCatalog.date.adding(days: -daysBefore), supersededBy: supersededBy,
            validUntil: validUntil)
    }

    @Test func aKindWithoutAnAgeLimitStaysValidUntilSuperseded() {
        let procedure = item("P1", "document", daysBefore: 3000)
        #expect(validity(procedure) == .valid)
    }

    @Test func aKindsOwnLimitReplacesTheCatalogDefault() {
        #expect(validity(item("R", "record", daysBefore: 30)) == .valid)
        #expect(
            validity(item("R", "record", daysBefore: 31))
                == .stale(date: TestCatalog.date.adding(days: -31), ageDays: 31, maxAgeDays: 30))
        // A kind the catalog does not declare keeps evidence_max_age_days (365).
        #expect(validity(item("T", "training", daysBefore: 365)) == .valid)
        #expect(validity(item("T", "training", daysBefore: 366)).gapStatus == .stale)
    }

    @Test func anItemIsValidOnItsLastDayAndNotTheDayAfter() {
        let until = TestCatalog.date
        #expect(validity(item("C", "document", daysBefore: 100, validUntil: until)) == .valid)
        #expect(
            validity(item("C", "document", daysBefore: 100, validUntil: until.adding(days: -1)))
                == .expired(validUntil: until.adding(days: -1)))
        // The same item assessed a day later.
        #expect(
            validity(item("C", "document", daysBefore: 100, validUntil: until), on: until.adding(days: 1))
                == .expired(validUntil: until))
    }

    @Test func aSupersededItemNoLongerCountsFromItsSuccessorsDate() {
        let old = item("P1", "document", daysBefore: 400, supersededBy: "P2")
        let newer = item("P2", "document", daysBefore: 0)
        #expect(validity(old, among: [newer]) == .superseded(by: "P2", on: TestCatalog.date))
        #expect(validity(newer, among: [old]) == .valid)
    }

    @Test func aSupersessionDatedAfterTheAssessmentDoesNotCount() {
        let old = item("P1", "document", daysBefore: 400, supersededBy: "P2")
        let later = item("P2", "document", daysBefore: -1)
        #expect(validity(old, among: [later]) == .valid)
        let undated = EvidenceItem(id: "P2", kind: "document", title: "P2", date: nil)
        #expect(validity(old, among: [undated]) == .valid)
    }

    @Test func theReportNamesTheItemAndWhyItDoesNotCount() {
        let old = item("P1", "document", daysBefore: 400, supersededBy: "P2")
        let newer = item("P2", "document", daysBefore: 10)
        let statement = item("S", "statement", daysBefore: 10)
        let record = item("R", "record", daysBefore: 10)
        // C1 cites the old version only.
        let assessment = Assessment(
            catalogId: "test", organisation: Organisation(name: "Org"), date: TestCatalog.date,
            evidence: [statement, old, newer, record],
            criteria: ["C1": CriterionEntry(claimed: 2, evidence: ["S", "P1", "R"])])
        let r = Scorer(catalog: catalog).score(assessment).criterion("C1")!
        #expect(r.evidenceCap == 1)
        #expect(
            r.evidenceGaps == [
                EvidenceGap(
                    level: 2, kind: "document", status: .superseded, items: ["P1"],
                    reasons: [.init(id: "P1", validity: .superseded(by: "P2", on: TestCatalog.date.adding(days: -10)))])
            ])
    }
}

/// One statement cited by most criteria is reported: an auditor samples evidence per criterion.
@Suite struct WidelyCitedEvidenceTests {
    static let ids = (1...8).map { "C\($0)" }
    let catalog = TestCatalog.catalog([TestCatalog.domain("d", ids.map { TestCatalog.criterion($0) })])

    func warnings(citedBy count: Int) -> [ResultWarning] {
        let items =
            TestCatalog.evidence(upTo: 1) + [EvidenceItem(id: "X", kind: "record", title: "x", date: TestCatalog.date)]
        var criteria: [String: CriterionEntry] = [:]
        for (index, id) in Self.ids.enumerated() {
            criteria[id] = CriterionEntry(claimed: 1, evidence: index < count ? ["statement"] : ["X"])
        }
        let assessment = Assessment(
            catalogId: "test", organisation: Organisation(name: "Org"), date: TestCatalog.date, evidence: items,
            criteria: criteria)
        return Scorer(catalog: catalog).score(assessment).warnings.filter { $0.kind == .evidenceCitedWidely }
    }

    @Test func anItemCitedByMoreThanHalfTheCriteriaIsReported() {
        #expect(warnings(citedBy: 6).map(\.subject) == ["statement"])
        #expect(
            warnings(citedBy: 8).first?.message
                == "evidence 'statement' is cited by 8 of the 8 criteria that cite evidence: an auditor samples "
                + "evidence per criterion, so cite for each criterion the items that show its practice")
    }

    @Test func halfOrFewerIsNot() {
        #expect(warnings(citedBy: 4).isEmpty)
    }

    @Test func aSmallCatalogIsLeftAlone() {
        // 5 of 8 is most, but fewer than 6 criteria citing one item is not worth a warning.
        #expect(warnings(citedBy: 5).isEmpty)
    }
}

@Suite struct EvidenceCapTests {
    let catalog = TestCatalog.catalog([TestCatalog.domain("d", [TestCatalog.criterion("C1")])])

    func result(claimed: Int, evidence: [EvidenceItem]) throws -> CriterionResult {
        let assessment = Assessment(
            catalogId: "test", organisation: Organisation(name: "Org"), date: TestCatalog.date, evidence: evidence,
            criteria: ["C1": CriterionEntry(claimed: claimed, evidence: evidence.map(\.id))])
        return try #require(Scorer(catalog: catalog).score(assessment).criterion("C1"))
    }

    @Test func capIsTheHighestLevelWhoseKindsAndAllBelowArePresent() throws {
        let items = TestCatalog.evidence(upTo: 3)
        let r = try result(claimed: 5, evidence: items)
        #expect(r.evidenceCap == 3)
        #expect(r.level == 3)
        #expect(r.missingEvidence == ["kpi_series", "improvement_outcome"])
        #expect(r.evidenceGaps.map(\.status) == [.missing, .missing])
    }

    @Test func aGapLowDownCapsEverythingAboveIt() throws {
        // Level 4 and 5 evidence present, but no record for level 2.
        let items = TestCatalog.evidence(upTo: 5).filter { $0.kind != "record" }
        let r = try result(claimed: 5, evidence: items)
        #expect(r.evidenceCap == 1)
        #expect(r.missingEvidence == ["record"])
    }

    @Test func evidenceNeverRaisesTheClaim() throws {
        let r = try result(claimed: 2, evidence: TestCatalog.evidence(upTo: 5))
        #expect(r.evidenceCap == 5)
        #expect(r.level == 2)
        #expect(r.evidenceGaps.isEmpty)
    }

    @Test func evidenceExactlyAtTheMaximumAgeCounts() throws {
        let r = try result(
            claimed: 1,
            evidence: [EvidenceItem(id: "S", kind: "statement", title: "s", date: TestCatalog.date.adding(days: -365))])
        #expect(r.level == 1)
    }

    @Test func staleEvidenceDoesNotCount() throws {
        let r = try result(
            claimed: 1,
            evidence: [EvidenceItem(id: "S", kind: "statement", title: "s", date: TestCatalog.date.adding(days: -366))])
        #expect(r.evidenceCap == 0)
        #expect(r.level == 0)
        let stale = EvidenceValidity.stale(date: TestCatalog.date.adding(days: -366), ageDays: 366, maxAgeDays: 365)
        #expect(
            r.evidenceGaps == [
                EvidenceGap(
                    level: 1, kind: "statement", status: .stale, items: ["S"],
                    reasons: [EvidenceGap.Item(id: "S", validity: stale)])
            ])
        #expect(stale.message == "stale: dated 2025-10-31, 366 days old, its kind counts 365 days")
    }

    @Test func evidenceDatedAfterTheAssessmentDoesNotCount() throws {
        let r = try result(
            claimed: 1,
            evidence: [EvidenceItem(id: "S", kind: "statement", title: "s", date: TestCatalog.date.adding(days: 1))])
        #expect(r.level == 0)
        #expect(r.evidenceGaps.first?.status == .future)
    }

    @Test func evidenceOnTheAssessmentDateCounts() throws {
        let r = try result(
            claimed: 1, evidence: [EvidenceItem(id: "S", kind: "statement", title: "s", date: TestCatalog.date)])
        #expect(r.level == 1)
    }

    @Test func undatedEvidenceDoesNotCount() throws {
        let r = try result(claimed: 1, evidence: [EvidenceItem(id: "S", kind: "statement", title: "s", date: nil)])
        #expect(r.level == 0)
        #expect(r.evidenceGaps.first?.status == .undated)
    }

    @Test func aFreshItemOfAKindOutweighsAStaleOne() throws {
        let items = [
            EvidenceItem(id: "old", kind: "statement", title: "s", date: TestCatalog.date.adding(days: -900)),
            EvidenceItem(id: "new", kind: "statement", title: "s", date: TestCatalog.date.adding(days: -1)),
        ]
        #expect(try result(claimed: 1, evidence: items).level == 1)
    }

    @Test func aCriterionOverrideReplacesTheScaleKindsForThatLevel() {
        let catalog = TestCatalog.catalog([
            TestCatalog.domain("d", [TestCatalog.criterion("C1", evidence: [2: ["record"]])])
        ])
        let items = TestCatalog.evidence(upTo: 2).filter { $0.kind != "document" }
        let assessment = Assessment(
            catalogId: "test", organisation: Organisation(name: "Org"), date: TestCatalog.date, evidence: items,
            criteria: ["C1": CriterionEntry(claimed: 2, evidence: items.map(\.id))])
        #expect(Scorer(catalog: catalog).score(assessment).criterion("C1")?.level == 2)
    }

    @Test func onlyEvidenceCitedByTheCriterionCounts() throws {
        let items = TestCatalog.evidence(upTo: 2)
        let assessment = Assessment(
            catalogId: "test", organisation: Organisation(name: "Org"), date: TestCatalog.date, evidence: items,
            criteria: ["C1": CriterionEntry(claimed: 2, evidence: ["statement"])])
        let r = try #require(Scorer(catalog: catalog).score(assessment).criterion("C1"))
        #expect(r.evidenceCap == 1)
        #expect(r.missingEvidence == ["document", "record"])
    }
}

@Suite struct LevelTests {
    func score(_ criterion: Criterion, claimed: Int?, audited: Int? = nil, metrics: [String: Double] = [:])
        throws -> CriterionResult
    {
        let catalog = TestCatalog.catalog([TestCatalog.domain("d", [criterion])])
        let items = TestCatalog.evidence(upTo: 5)
        let assessment = Assessment(
            catalogId: "test", organisation: Organisation(name: "Org"), date: TestCatalog.date, evidence: items,
            metrics: metrics,
            criteria: ["C1": CriterionEntry(claimed: claimed, audited: audited, evidence: items.map(\.id))])
        return try #require(Scorer(catalog: catalog).score(assessment).criterion("C1"))
    }

    static let response = Metric(
        kpi: "first_response_minutes_p90", better: .lower, thresholds: [1: 240, 2: 60, 3: 30, 4: 10, 5: 5])
    static let satisfaction = Metric(
        kpi: "satisfaction_rate", better: .higher, thresholds: [2: 70, 3: 80, 4: 85, 5: 95])

    @Test func auditedOverridesClaimedInBothDirections() throws {
        #expect(try score(TestCatalog.criterion("C1"), claimed: 4, audited: 2).level == 2)
        #expect(try score(TestCatalog.criterion("C1"), claimed: 2, audited: 4).level == 4)
        #expect(try score(TestCatalog.criterion("C1"), claimed: nil, audited: 3).judged == 3)
    }

    @Test func aMissingClaimIsLevelZero() throws {
        let r = try score(TestCatalog.criterion("C1"), claimed: nil)
        #expect(r.level == 0)
        #expect(r.score == 0)
        #expect(!r.assessed)
    }

    @Test func lowerIsBetterMetricLowersTheLevel() throws {
        let r = try score(
            TestCatalog.criterion("C1", metric: Self.response), claimed: 5, metrics: ["first_response_minutes_p90": 45])
        #expect(r.metricLevel == 2)
        #expect(r.practice == 5)
        #expect(r.level == 2)
        #expect(r.score == 40)
    }

    @Test func aValueExactlyAtTheThresholdMeetsIt() throws {
        #expect(
            try score(
                TestCatalog.criterion("C1", metric: Self.response), claimed: 5,
                metrics: ["first_response_minutes_p90": 10]
            ).metricLevel == 4)
        #expect(
            try score(
                TestCatalog.criterion("C1", metric: Self.satisfaction), claimed: 5, metrics: ["satisfaction_rate": 85]
            ).metricLevel == 4)
    }

    @Test func higherIsBetterMetricLowersTheLevel() throws {
        let r = try score(
            TestCatalog.criterion("C1", metric: Self.satisfaction), claimed: 4, metrics: ["satisfaction_rate": 82])
        #expect(r.metricLevel == 3)
        #expect(r.level == 3)
    }

    @Test func aValueMeetingNoThresholdGivesMetricLevelZero() throws {
        let r = try score(
            TestCatalog.criterion("C1", metric: Self.satisfaction), claimed: 4, metrics: ["satisfaction_rate": 50])
        #expect(r.metricLevel == 0)
        #expect(r.level == 0)
    }

    @Test func aMetricNeverRaisesTheLevelAbovePractice() throws {
        let r = try score(
            TestCatalog.criterion("C1", metric: Self.response), claimed: 2, metrics: ["first_response_minutes_p90": 1])
        #expect(r.metricLevel == 5)
        #expect(r.level == 2)
    }

    @Test func anUnmeasuredMetricDoesNotLimitTheLevel() throws {
        let r = try score(TestCatalog.criterion("C1", metric: Self.response), claimed: 4)
        #expect(r.metricLevel == nil)
        #expect(r.level == 4)
    }
}

@Suite struct AggregationTests {
    @Test func domainAndOverallScoresAreWeightedMeans() throws {
        let catalog = TestCatalog.catalog([
            TestCatalog.domain(
                "a", weight: 3, [TestCatalog.criterion("A1", weight: 2), TestCatalog.criterion("A2", weight: 1)]),
            TestCatalog.domain("b", weight: 1, [TestCatalog.criterion("B1")]),
        ])
        let result = Scorer(catalog: catalog).score(TestCatalog.assessment(["A1": 5, "A2": 2, "B1": 1]))
        // a = (2·100 + 1·40) / 3 = 80; b = 20; overall = (3·80 + 1·20) / 4 = 65
        #expect(abs(try #require(result.domain("a")?.score) - 80) < 1e-9)
        #expect(abs(try #require(result.domain("b")?.score) - 20) < 1e-9)
        #expect(abs(try #require(result.overall) - 65) < 1e-9)
    }

    @Test func notApplicableCriteriaLeaveTheDenominator() throws {
        let catalog = TestCatalog.catalog([
            TestCatalog.domain("a", [TestCatalog.criterion("A1"), TestCatalog.criterion("A2", weight: 5)])
        ])
        let result = Scorer(catalog: catalog).score(
            TestCatalog.assessment(["A1": 4], extra: ["A2": CriterionEntry(notApplicable: "no field service")]))
        #expect(result.domain("a")?.score == 80)
        #expect(result.criterion("A2")?.applicable == false)
    }

    @Test func aDomainWithNoApplicableCriterionLeavesTheOverall() throws {
        let catalog = TestCatalog.catalog([
            TestCatalog.domain("a", weight: 1, [TestCatalog.criterion("A1")]),
            TestCatalog.domain("b", weight: 9, [TestCatalog.criterion("B1")]),
        ])
        let result = Scorer(catalog: catalog).score(
            TestCatalog.assessment(["A1": 3], extra: ["B1": CriterionEntry(notApplicable: "n/a")]))
        #expect(result.domain("b")?.applicable == false)
        #expect(result.domain("b")?.score == nil)
        #expect(result.overall == 60)
    }

    @Test func notAssessedCriteriaCountAsZeroAndAreListedAsWarnings() throws {
        let catalog = TestCatalog.catalog([
            TestCatalog.domain("a", [TestCatalog.criterion("A1"), TestCatalog.criterion("A2")])
        ])
        let result = Scorer(catalog: catalog).score(TestCatalog.assessment(["A1": 5]))
        #expect(result.domain("a")?.score == 50)
        #expect(result.warnings.filter { $0.kind == .notAssessed }.map(\.subject) == ["A2"])
    }

    @Test func scoresStayWithinZeroAndHundredForAnyLevels() throws {
        let catalog = TestCatalog.catalog([
            TestCatalog.domain("a", weight: 2, [TestCatalog.criterion("A1", weight: 3), TestCatalog.criterion("A2")]),
            TestCatalog.domain("b", weight: 5, [TestCatalog.criterion("B1", weight: 0.5)]),
        ])
        for a1 in 0...5 {
            for a2 in 0...5 {
                for b1 in 0...5 {
                    let result = Scorer(catalog: catalog).score(TestCatalog.assessment(["A1": a1, "A2": a2, "B1": b1]))
                    let overall = try #require(result.overall)
                    #expect(overall >= 0 && overall <= 100)
                }
            }
        }
    }
}
