import Foundation
import MaturityCore
import Testing

/// One result JSON per problem; each `.expected` file holds the exact diagnostics (file, line,
/// column, key path) reading it must give.
@Suite struct InvalidResultTests {
    @Test(arguments: InvalidInputTests.cases("invalid/result"))
    func invalidResultReportsItsExactDiagnostics(name: String) throws {
        let shown = "invalid/result/\(name).json"
        do {
            _ = try PreviousResultLoader.load(path: Fixtures.path(shown), displayPath: shown)
            Issue.record("\(name) loaded without error")
        } catch {
            #expect(
                InvalidInputTests.text(error.diagnostics) == (try InvalidInputTests.expected("invalid/result", name)))
        }
    }

    @Test func everyInvalidResultHasItsCase() {
        #expect(InvalidInputTests.cases("invalid/result").count >= 14)
    }

    @Test func aMinimalResultReads() throws {
        let result = try PreviousResultLoader.parse(
            json: """
                {"schema": 1, "catalog": {"id": "tiny", "version": "1"}, "organisation": {"name": "Org", "site": null},
                 "kind": "surveillance", "date": "2026-11-01", "rating": "pass", "overall": 72.5,
                 "domains": [{"id": "process", "score": 72.5, "applicable": true},
                             {"id": "other", "score": null, "applicable": false}],
                 "criteria": [{"id": "P-01", "domain": "process", "key": true, "applicable": true, "level": 3, "score": 60},
                              {"id": "P-02", "domain": "other", "applicable": false, "level": null, "score": null}],
                 "decision": "suspend", "next_review": "2027-05-01", "previous": {"date": "2026-05-01"},
                 "signoff": {"by": "someone"}}
                """)
        #expect(result.catalogId == "tiny" && result.catalogVersion == "1")
        #expect(result.organisation == Organisation(name: "Org"))
        #expect(result.kind == .surveillance)
        #expect(result.date.description == "2026-11-01")
        #expect(result.rating == "pass" && result.overall == 72.5)
        #expect(result.domains.map(\.applicable) == [true, false])
        try #require(result.criteria.map(\.level) == [3, nil])
        #expect(result.criteria[0].key && !result.criteria[1].key)
        #expect(result.decision == .suspend)
        #expect(result.nextReview?.description == "2027-05-01")
        #expect(result.previousDate?.description == "2026-05-01")
        #expect(result.locations.rating == SourceLocation(file: "result.json", line: 2, column: 58))
    }
}
