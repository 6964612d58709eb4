import Foundation
import HummingbirdTesting
import MaturityStore
import MaturityStoreTesting
import Testing

@testable import MaturityServer

/// Pages kept between requests (per assessment revision, plan, kept results, …) and the home page's one query
/// for every listed organisation's assessments: each change shows on the next visit.
@Suite struct KeptPagesTests {
    @Test(arguments: TestDatabase.allCases)
    func thePlanPageShowsEveryChangeToThePlan(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let id = try await imported(client, "huadong-appliance")
            let page = "/en/a/\(id)/plan"
            #expect(try await client.execute(uri: page, method: .get).text.contains("Make the plan"))
            let made = try await client.execute(
                uri: "/api/v1/assessments/\(id)/plan", method: .post, headers: ifMatch("\"0\""))
            #expect(made.status == .ok, "\(made.text)")
            let actions = try #require((made.json["plan"] as? [String: Any])?["actions"] as? [[String: Any]])
            let action = try #require(actions.first?["id"] as? String)
            let shown = try await client.execute(uri: page, method: .get).text
            #expect(shown.contains("Refresh the plan") && !shown.contains("Make the plan"))
            #expect(shown.contains("id=\"action-\(action)\""))
            // An action edited twice: the page follows each version (the second is not the first's page).
            let uri = "/api/v1/assessments/\(id)/plan/actions/\(action)"
            for (version, owner) in [(1, "Owner-One"), (2, "Owner-Two")] {
                let edited = try await client.execute(
                    uri: uri, method: .patch, headers: ifMatch("\"\(version)\""), body: jsonBody(["owner": owner]))
                #expect(edited.status == .ok, "\(edited.text)")
                let after = try await client.execute(uri: page, method: .get).text
                #expect(after.contains(owner), "the plan page shows the owner saved at version \(version + 1)")
            }
            #expect(!(try await client.execute(uri: page, method: .get).text.contains("Owner-One")))
            // The filter is part of what is kept: another owner's view is not this one's.
            let filtered = try await client.execute(uri: page + "?owner=Nobody", method: .get).text
            #expect(!filtered.contains("id=\"action-\(action)\""))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theReviewPageListsNewlyKeptResultsAndPlans(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let first = try await imported(client, "huadong-appliance")
            let organisation = try #require(
                (try await client.execute(uri: "/api/v1/assessments/\(first)", method: .get).json["assessment"]
                    as? [String: Any])?["organisation_id"] as? String)
            let second = try #require(
                try await importZip(
                    client, try exampleFolder("huadong-appliance"), query: "?organisation=\(organisation)"
                ).json["id"] as? String)
            let page = "/en/a/\(second)/review"
            #expect(
                try await client.execute(uri: page, method: .get).text.contains(
                    "The organisation has no other kept result to review against."))
            let kept = try await client.execute(uri: "/api/v1/assessments/\(first)/results", method: .post)
            #expect(kept.status == .created, "\(kept.text)")
            let result = try #require(kept.json["id"] as? String)
            let listed = try await client.execute(uri: page, method: .get).text
            #expect(listed.contains("<option value=\"\(result)\""), "the kept result is offered")
            #expect(!listed.contains("<option value=\"\(first)\""), "no assessment has a plan yet")
            for (id, expected) in [(first, [first]), (second, [first, second])] {
                let made = try await client.execute(
                    uri: "/api/v1/assessments/\(id)/plan", method: .post, headers: ifMatch("\"0\""))
                #expect(made.status == .ok, "\(made.text)")
                let shown = try await client.execute(uri: page, method: .get).text
                for planned in expected {
                    #expect(shown.contains("<option value=\"\(planned)\""), "the assessment with a plan is offered")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theHomePageListsEachOrganisationsAssessmentsAsTheyAreNow(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let first = try await imported(client, "huadong-appliance")
            let other = try await imported(client, "anmai-equipment")
            let empty = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: jsonBody(["name": "Empty Co"]))
            let emptyId = try #require(empty.json["id"] as? String)
            var home = try await client.execute(uri: "/en/", method: .get).text
            #expect(home.contains("/en/a/\(first)\"") && home.contains("/en/a/\(other)\""))
            let section = try #require(home.range(of: "/en/o/\(emptyId)\"")).upperBound
            #expect(home[section...].prefix(400).contains("No assessments yet."))
            let created = try await client.execute(
                uri: "/api/v1/assessments", method: .post, headers: jsonHeaders,
                body: jsonBody([
                    "organisation_id": emptyId, "kind": "self", "date": "2026-11-01", "catalog": "after-sales-maturity",
                ]))
            #expect(created.status == .created, "\(created.text)")
            let new = try #require((created.json["assessment"] as? [String: Any])?["id"] as? String)
            home = try await client.execute(uri: "/en/", method: .get).text
            let after = try #require(home.range(of: "/en/o/\(emptyId)\"")).upperBound
            #expect(home[after...].prefix(2000).contains("/en/a/\(new)\""), "listed under its organisation")
            #expect(!home[after...].prefix(400).contains("No assessments yet."))
            // A rename (no assessment changes) shows too.
            let renamed = try await client.execute(
                uri: "/api/v1/organisations/\(emptyId)", method: .patch, headers: ifMatch("\"1\""),
                body: jsonBody(["name": "Renamed Co"]))
            #expect(renamed.status == .ok, "\(renamed.text)")
            home = try await client.execute(uri: "/en/", method: .get).text
            #expect(home.contains(">Renamed Co</a>") && !home.contains(">Empty Co</a>"))
            // A search is its own page: the same organisations found by another search show that search.
            let searched = try await client.execute(uri: "/en/?q=renamed", method: .get).text
            #expect(searched.contains("value=\"renamed\"") && searched.contains(">Renamed Co</a>"))
            #expect(!searched.contains("/en/a/\(first)\""))
        }
    }
}
