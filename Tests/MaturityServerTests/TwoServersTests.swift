import Foundation
import MaturityStoreTesting
import Testing

@testable import MaturityServer

/// Two server processes on different ports sharing one PostgreSQL database, as behind a load balancer.
@Suite(.serialized) struct TwoServersTests {
    @Test(.enabled(if: ServerProcess.binary != nil || TestDatabase.inCI))
    func serversSharingADatabaseSeeEachOthersEditsAndResolveConflictsByVersion() async throws {
        let zip = try ZipFolder.write(try exampleFolder("huadong-appliance"))
        try await KilledServerTests.withLocation(.postgres) { arguments in
            let one = try await ServerProcess(arguments: arguments)
            let two = try await ServerProcess(arguments: arguments)
            try await ServerProcess.stopping(one, two) {
                #expect(one.port != two.port)
                let created = try #require(await one.request("POST", "/api/v1/import", body: zip))
                let id = try #require(jsonObject(created.body)["id"] as? String)
                let path = "/api/v1/assessments/\(id)/criteria/SP-02"
                // An edit through one is seen by the other, evidence files included.
                let read = try #require(await two.request("GET", path))
                #expect(read.status == 200)
                let etag = try #require(read.etag)
                let edit = try #require(
                    await one.request(
                        "PATCH", path, body: Data(#"{"claimed": 1}"#.utf8),
                        headers: ["If-Match": etag, "Content-Type": "application/json"]))
                #expect(edit.status == 200)
                let seen = try #require(await two.request("GET", path))
                #expect(jsonObject(seen.body)["claimed"] as? Int == 1)
                #expect(seen.etag == edit.etag)
                let export = try #require(await two.request("GET", "/api/v1/assessments/\(id)/export"))
                #expect(export.status == 200)
                // The same criterion edited through both at once, from the same version: one wins, the other
                // gets 412 with the winner's value.
                var version = try #require(edit.etag)
                for round in 0..<5 {
                    let headers = ["If-Match": version, "Content-Type": "application/json"]
                    async let a = one.request(
                        "PATCH", path, body: Data(#"{"note": "one \#(round)"}"#.utf8), headers: headers)
                    async let b = two.request(
                        "PATCH", path, body: Data(#"{"note": "two \#(round)"}"#.utf8), headers: headers)
                    let answers = [try #require(await a), try #require(await b)]
                    #expect(answers.map(\.status).sorted() == [200, 412], "round \(round): \(answers.map(\.status))")
                    let winner = try #require(answers.first { $0.status == 200 })
                    let loser = try #require(answers.first { $0.status == 412 })
                    let shown = (jsonObject(loser.body)["error"] as? [String: Any])?["current"] as? [String: Any]
                    #expect(shown?["note"] as? String == jsonObject(winner.body)["note"] as? String)
                    version = try #require(winner.etag)
                }
            }
        }
    }
}
