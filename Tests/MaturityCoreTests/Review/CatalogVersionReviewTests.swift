import MaturityCore
import Testing

/// A review whose previous result used another catalog version: criteria matched by id and the
/// catalog's `renamed:`, added and removed ones reported, only common ones compared.
@Suite struct CatalogVersionReviewTests {
    typealias F = ReviewFixtures

    /// Version 2 of the review fixture catalog: B renamed to B2, C removed, D added, a second domain.
    static let v2: Catalog = {
        var catalog = TestCatalog.catalog([
            TestCatalog.domain(
                "d", [TestCatalog.criterion("A", key: true), TestCatalog.criterion("B2"), TestCatalog.criterion("D")]),
            TestCatalog.domain("e", [TestCatalog.criterion("E")]),
        ])
        catalog.version = "2"
        catalog.renamed = ["B": "B2"]
        return catalog
    }()

    static func current(_ levels: [String: Int]) -> AssessmentResult {
        Scorer(catalog: v2).score(TestCatalog.assessment(levels))
    }

    @Test func criteriaAreMatchedByIdAndRenamesAndOnlyCommonOnesCompared() throws {
        let previous = F.previous(rating: "pass", overall: 80, levels: ["A": 4, "B": 3, "C": 5])
        let review = F.review(Self.current(["A": 5, "B2": 4, "D": 1, "E": 2]), previous, catalog: Self.v2)
        let change = try #require(review.catalogChange)
        #expect(change.previousVersion == "1" && change.currentVersion == "2")
        #expect(change.renamed == [.init(from: "B", to: "B2")])
        #expect(change.added == ["D", "E"])
        #expect(change.removed == ["C"])
        #expect(review.criteria.map(\.id) == ["A", "B2"])
        #expect(review.criteria.map(\.previousId) == [nil, "B"])
        #expect(review.criteria.map(\.levelDelta) == [1, 1])
        // Both sides over A and B2 only: before (80 + 60) / 2, now (100 + 80) / 2; domain e has nothing in common.
        #expect(review.basis == .commonCriteria)
        try #require(review.domains.map(\.id) == ["d", "e"])
        #expect(review.domains[0].score == ScoreDelta(previous: 70, current: 90))
        #expect(review.domains[1].score == ScoreDelta(previous: nil, current: nil))
        #expect(review.overall == ScoreDelta(previous: 70, current: 90))
    }

    @Test func aRenameOnlyKeepsTheReportedScores() throws {
        var catalog = F.catalog
        catalog.version = "2"
        catalog.domains[0].criteria[1].id = "B2"
        catalog.renamed = ["B": "B2"]
        let current = Scorer(catalog: catalog).score(TestCatalog.assessment(["A": 4, "B2": 4, "C": 4]))
        let review = F.review(current, F.previous(rating: "pass", overall: 78), catalog: catalog)
        #expect(review.basis == .reported)
        #expect(review.catalogChange?.renamed == [.init(from: "B", to: "B2")])
        #expect(review.catalogChange?.added == [] && review.catalogChange?.removed == [])
        #expect(review.overall == ScoreDelta(previous: 78, current: 80))
    }

    @Test func renamesAreFollowedOverSeveralVersions() {
        var catalog = Self.v2
        catalog.renamed = ["B": "B1", "B1": "B2"]
        #expect(Reviewer(catalog: catalog).currentId(of: "B") == "B2")
        #expect(Reviewer(catalog: catalog).currentId(of: "A") == "A")
        // A loop in the map ends instead of spinning.
        catalog.renamed = ["X": "Y", "Y": "X"]
        #expect(["X", "Y"].contains(Reviewer(catalog: catalog).currentId(of: "X")))
    }

    @Test func theSameVersionIgnoresTheRenameMap() {
        var catalog = F.catalog
        catalog.renamed = ["C": "A"]
        let review = F.review(F.current(F.pass), F.previous(rating: "pass", overall: 80), catalog: catalog)
        #expect(review.catalogChange == nil)
        #expect(review.criteria.map(\.id) == ["A", "B", "C"])
    }
}
