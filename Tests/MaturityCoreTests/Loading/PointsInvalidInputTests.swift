import Foundation
import MaturityCore
import Testing

/// Invalid assessments of a points catalog (`invalid/points-assessment/points-catalog.yaml`), one fixture
/// each, with the exact diagnostics; the invalid points catalogs are `invalid/catalog/points-*`, run by
/// `InvalidInputTests` with the others.
@Suite struct PointsInvalidInputTests {
    static let folder = "invalid/points-assessment"

    @Test(arguments: InvalidInputTests.cases(folder))
    func invalidPointsAssessmentReportsItsExactDiagnostics(name: String) throws {
        let catalog = try CatalogLoader.load(path: Fixtures.path("\(Self.folder)/points-catalog.yaml")).value
        let shown = "\(Self.folder)/\(name).yaml"
        do {
            _ = try AssessmentLoader.load(path: Fixtures.path(shown), displayPath: shown, catalog: catalog)
            Issue.record("\(name) loaded without error")
        } catch {
            #expect(InvalidInputTests.text(error.diagnostics) == (try InvalidInputTests.expected(Self.folder, name)))
        }
    }

    @Test func everyPointsRuleHasAnInvalidFixture() {
        // The checks the points format adds, each with its own fixture.
        let cases = Set(InvalidInputTests.cases(Self.folder))
        for name in [
            "earned-above-points", "conforming-above-size", "missing-profile", "unknown-profile",
            "partial-points-on-check-all", "sample-and-earned-swapped", "levels-in-points-assessment",
            "points-for-excluded-criterion", "bad-adjustments", "empty-sample-and-na-with-points",
        ] {
            #expect(cases.contains(name), "no fixture \(name)")
        }
        let catalogs = Set(InvalidInputTests.cases("invalid/catalog"))
        for name in [
            "points-not-positive", "points-excludes-unknown", "points-levels-keys", "points-held-days",
            "points-unknown-check", "points-unknown-key", "points-adjustments", "points-unknown-scoring",
            "points-metric-thresholds", "points-keys-in-levels-catalog",
        ] {
            #expect(catalogs.contains(name), "no fixture \(name)")
        }
    }
}
