import MaturityCore
import Testing

@Suite struct RatingTests {
    /// Two domains, one key criterion in each.
    let catalog = TestCatalog.catalog([
        TestCatalog.domain("a", [TestCatalog.criterion("A1", key: true), TestCatalog.criterion("A2")]),
        TestCatalog.domain("b", [TestCatalog.criterion("B1", key: true), TestCatalog.criterion("B2")]),
    ])

    func rating(_ levels: [String: Int], findings: [Finding] = []) -> AssessmentResult {
        Scorer(catalog: catalog).score(TestCatalog.assessment(levels, findings: findings))
    }

    @Test func everyConditionHoldingGivesTheRating() {
        #expect(rating(["A1": 4, "A2": 4, "B1": 4, "B2": 3]).rating == "pass")
        #expect(rating(["A1": 5, "A2": 5, "B1": 5, "B2": 4]).rating == "excellent")
    }

    @Test func anOverallScoreBelowTheMinimumFails() {
        // Every domain 60 ≥ 60, keys at 3, but overall 60 < 70.
        let result = rating(["A1": 3, "A2": 3, "B1": 3, "B2": 3])
        #expect(result.rating == "fail")
        #expect(result.blockers == [Blocker(condition: .overallMin, subject: .overall, actual: 60, required: 70)])
    }

    @Test func aDomainBelowTheMinimumFails() {
        // overall (100 + 50) / 2 = 75 ≥ 70, but domain b is 50 < 60.
        let result = rating(["A1": 5, "A2": 5, "B1": 3, "B2": 2])
        #expect(result.rating == "fail")
        #expect(result.blockers == [Blocker(condition: .domainMin, subject: .domain("b"), actual: 50, required: 60)])
    }

    @Test func aKeyCriterionBelowItsMinimumFails() {
        let result = rating(["A1": 5, "A2": 5, "B1": 1, "B2": 5])
        #expect(result.rating == "fail")
        #expect(
            result.blockers == [Blocker(condition: .keyLevelMin, subject: .criterion("B1"), actual: 1, required: 2)])
    }

    @Test func openFindingsOverTheLimitFail() {
        let major = Finding(id: "NC-1", criterion: "A2", grade: .major, text: "x")
        let closed = Finding(id: "NC-2", criterion: "A2", grade: .major, text: "x", status: .closed)
        let result = rating(["A1": 5, "A2": 5, "B1": 5, "B2": 5], findings: [major, closed])
        #expect(result.rating == "fail")
        #expect(result.target == "pass")
        #expect(result.blockers == [Blocker(condition: .maxOpen, subject: .grade(.major), actual: 1, required: 0)])
        #expect(!result.reachable)
    }

    @Test func aClosedFindingDoesNotCount() {
        let closed = Finding(id: "NC-2", criterion: "A2", grade: .major, text: "x", status: .closed)
        #expect(rating(["A1": 5, "A2": 5, "B1": 5, "B2": 5], findings: [closed]).rating == "excellent")
    }

    @Test func gradesNotNamedInMaxOpenAreUnlimited() {
        let minor = Finding(id: "m", criterion: "A2", grade: .minor, text: "x")
        let result = rating(["A1": 4, "A2": 4, "B1": 4, "B2": 4], findings: [minor, minor])
        #expect(result.rating == "pass")
    }

    @Test func scoresWithinOneBillionthOfAThresholdMeetIt() throws {
        let catalog = TestCatalog.catalog(
            [
                TestCatalog.domain(
                    "a", [TestCatalog.criterion("A1", weight: 0.1), TestCatalog.criterion("A2", weight: 0.2)])
            ],
            ratings: [RatingRule(id: "pass", name: LocalizedText("Pass"), overallMin: 60)])
        // (0.1·100 + 0.2·40) / 0.3 is not exactly 60 in binary floating point, but within 1e-9 of it.
        let result = Scorer(catalog: catalog).score(TestCatalog.assessment(["A1": 5, "A2": 2]))
        let overall = try #require(result.overall)
        #expect(overall != 60)
        #expect(abs(overall - 60) < 1e-9)
        #expect(result.rating == "pass")
    }

    @Test func theTargetIsTheNextRatingAboveTheCurrentOne() {
        #expect(rating(["A1": 0]).target == "pass")
        #expect(rating(["A1": 4, "A2": 4, "B1": 4, "B2": 3]).target == "excellent")
        let top = rating(["A1": 5, "A2": 5, "B1": 5, "B2": 5])
        #expect(top.target == nil)
        #expect(top.blockers.isEmpty)
        #expect(top.path.isEmpty)
    }

    @Test func anExplicitTargetIsUsed() throws {
        let result = try Scorer(catalog: catalog).score(
            TestCatalog.assessment(["A1": 2, "A2": 2, "B1": 2, "B2": 2]), target: "excellent")
        #expect(result.target == "excellent")
        #expect(result.blockers.map(\.condition) == [.overallMin, .domainMin, .domainMin, .keyLevelMin, .keyLevelMin])
    }
}
