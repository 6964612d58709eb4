import Foundation
import HummingbirdTesting
import MaturityStore
import MaturityStoreTesting
import Testing

@testable import MaturityCore
@testable import MaturityServer

/// A GB/T 27922 points assessment in the workspace: everything it says is stored (profile, points and samples
/// per clause, deductions and bonuses), so an edit changes its result only by what was edited.
@Suite struct PointsAssessmentTests {
    static let folders = ["hengxin-appliance-service/2025-12", "hengxin-appliance-service/2026-01"]
    static let catalog = "gbt27922-after-sales-evaluation"

    /// The result JSON without the sign-off, whose digests name the bytes of `assessment.yaml` (rewritten from
    /// the stored values after the first edit).
    static func scored(_ text: String) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        object["signoff"] = nil
        return object as NSDictionary
    }

    @Test(arguments: TestDatabase.allCases, folders)
    func aNoteEditLeavesThePointsResultAsTheCommandLineScoresTheOriginal(
        _ database: TestDatabase, example: String
    ) async throws {
        let original = try exampleFolder(example)
        let originalFolder = try unpackExport(try ZipFolder.write(original), catalog: Self.catalog)
        defer { try? FileManager.default.removeItem(atPath: originalFolder) }
        let cli = try await runCLI(["assess", "assessment.yaml", "--format", "json"], in: originalFolder)
        #expect(cli.status == 0)
        let expected = String(decoding: cli.stdout, as: UTF8.self)
        #expect(expected.contains("\"scoring\":\"points\"") || expected.contains("\"points\""))
        try await database.withServer { client, store in
            let created = try await importZip(client, original)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let stored = try await store.assessments.get(id)
            #expect(stored.assessment.profile == "sales-service")
            #expect(stored.criteria.contains { $0.sample != nil })
            let imported = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            #expect(imported.text == expected)

            let uri = "/api/v1/assessments/\(id)/criteria/SS-03"
            let etag = try #require(try await client.execute(uri: uri, method: .get).headers[.eTag])
            let edited = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["note": "现场复核：台账完整"]))
            #expect(edited.status == .ok)
            #expect(edited.json["note"] as? String == "现场复核：台账完整")
            let after = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            #expect(after.status == .ok)
            // A note changes no score: the result is the original folder's, sign-off digests aside.
            #expect(try Self.scored(after.text) == Self.scored(expected))
            if example.hasSuffix("2025-12") {
                // The audit's worksheet from the self-assessment keeps its profile and claimed points.
                let organisation = stored.assessment.organisationId
                let audit = try await client.execute(
                    uri: "/api/v1/assessments", method: .post, headers: jsonHeaders,
                    body: jsonBody([
                        "organisation_id": organisation, "kind": "audit", "date": "2026-01-12", "from": id,
                        "auditor": "郑雅琴",
                    ]))
                #expect(audit.status == .created)
                let header = try #require(audit.json["assessment"] as? [String: Any])
                let worksheet = try await store.assessments.get(try #require(header["id"] as? String))
                #expect(worksheet.assessment.profile == "sales-service")
                #expect(worksheet.criterion("PS-04")?.sample == SampleRecord(size: 50, conforming: 44))
            }
            if example.hasSuffix("2026-01") {
                #expect(after.text.contains("\"signoff\""), "the audit is still signed")
                #expect(try await store.assessments.get(id).adjustments.map(\.adjustment) == ["D1"])
            }

            // The export scores to the served bytes, and importing it again gives the same result.
            let exported = try await client.execute(uri: "/api/v1/assessments/\(id)/export", method: .get)
            let folder = try unpackExport(exported.data, catalog: Self.catalog)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let again = try await runCLI(["assess", "assessment.yaml", "--format", "json"], in: folder)
            #expect(String(decoding: again.stdout, as: UTF8.self) == after.text)
            let reimported = try await client.execute(
                uri: "/api/v1/import", method: .post, headers: [.contentType: "application/zip"],
                body: .init(data: exported.data))
            #expect(reimported.status == .created)
            let second = try #require(reimported.json["id"] as? String)
            let secondResult = try await client.execute(uri: "/api/v1/assessments/\(second)/result", method: .get)
            #expect(secondResult.text == after.text)
            var a = try await store.assessments.get(id)
            var b = try await store.assessments.get(second)
            for index in a.criteria.indices { a.criteria[index].version = 1 }
            for index in b.criteria.indices { b.criteria[index].version = 1 }
            #expect(a.criteria == b.criteria)
            #expect(a.adjustments == b.adjustments)
            #expect(a.assessment.profile == b.assessment.profile)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func pointsAreEditedAndCheckedByTheLoader(_ database: TestDatabase) async throws {
        try await database.withServer { client, store in
            let created = try await importZip(client, try exampleFolder("hengxin-appliance-service/2026-01"))
            let id = try #require(created.json["id"] as? String)
            let uri = "/api/v1/assessments/\(id)/criteria/SS-02"
            let etag = try #require(try await client.execute(uri: uri, method: .get).headers[.eTag])

            // Above the clause's 6 points: the loader's words, and nothing stored.
            let above = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["earned": 7]))
            #expect(above.status == .unprocessableContent)
            let messages = problems(above).compactMap { $0["message"] as? String }
            #expect(
                messages == [Diagnostic.Message.earnedMoreThanPoints("earned", "7", of: "SS-02", points: "6").en])
            #expect(try await store.assessments.get(id).assessment.revision == 1)

            let sampleURI = "/api/v1/assessments/\(id)/criteria/PS-04"
            let sampleTag = try #require(try await client.execute(uri: sampleURI, method: .get).headers[.eTag])
            let badSample = try await client.execute(
                uri: sampleURI, method: .patch, headers: ifMatch(sampleTag),
                body: jsonBody(["audited_sample": ["size": 50, "conforming": 51]]))
            #expect(badSample.status == .unprocessableContent)
            let what = Diagnostic.Message(en: "audited_sample of 'PS-04'", zh: "'PS-04' 的 audited_sample")
            #expect(
                problems(badSample).compactMap { $0["message"] as? String }
                    == [Diagnostic.Message.conformingMoreThanSize(what, 51, 50).en])

            // Accepted edits are stored, scored and versioned like any other.
            let before = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            let lowered = try await client.execute(
                uri: sampleURI, method: .patch, headers: ifMatch(sampleTag),
                body: jsonBody(["audited_sample": ["size": 50, "conforming": 30]]))
            #expect(lowered.status == .ok)
            #expect((lowered.json["audited_sample"] as? [String: Int]) == ["size": 50, "conforming": 30])
            let after = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            let overall = { (text: String) in
                ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]).map {
                    "\(($0["points"] as? [String: Any])?["overall"] ?? $0["overall"] ?? "")"
                }
            }
            #expect(overall(after.text) != overall(before.text), "fewer conforming samples earn fewer points")
            let earned = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["audited_earned": 5]))
            #expect(earned.status == .ok)
            #expect(earned.json["audited_earned"] as? Double == 5)

            // A stale edit: 412 with the current value.
            let stale = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["audited_earned": 3]))
            #expect(stale.status == .preconditionFailed)
            let current = (stale.json["error"] as? [String: Any])?["current"] as? [String: Any]
            #expect(current?["audited_earned"] as? Double == 5)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func earnedIsTheCompanysAndAuditedEarnedTheAuditors(_ database: TestDatabase) async throws {
        try await database.withAccountsServer { client, store, world in
            var importHeaders = world.headers("cbAdmin")
            importHeaders[.contentType] = "application/zip"
            let created = try await client.execute(
                uri: "/api/v1/import?organisation=\(world.own)", method: .post, headers: importHeaders,
                body: .init(data: try ZipFolder.write(try exampleFolder("hengxin-appliance-service/2026-01"))))
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let uri = "/api/v1/assessments/\(id)/criteria/SS-02"
            func patch(_ role: String, _ fields: [String: Any]) async throws -> TestResponse {
                let version = try await store.assessments.get(id).criterion("SS-02")?.version ?? 0
                var headers = world.headers(role, json: true)
                headers[.ifMatch] = "\"\(version)\""
                return try await client.execute(uri: uri, method: .patch, headers: headers, body: jsonBody(fields))
            }
            let auditorClaims = try await patch("auditor", ["earned": 6])
            #expect(auditorClaims.status == .forbidden)
            #expect(auditorClaims.text.contains("what the company claimed for 'SS-02'"))
            let auditorSamples = try await client.execute(
                uri: "/api/v1/assessments/\(id)/criteria/PS-04", method: .patch,
                headers: {
                    var h = world.headers("auditor", json: true); h[.ifMatch] = "\"1\""; return h
                }(), body: jsonBody(["sample": ["size": 50, "conforming": 50]]))
            #expect(auditorSamples.status == .forbidden)
            let memberAwards = try await patch("member", ["audited_earned": 6])
            #expect(memberAwards.status == .forbidden)
            #expect(memberAwards.text.contains("the audited points of 'SS-02'"))
            #expect(try await store.assessments.get(id).assessment.revision == 1, "nothing refused was stored")
            // Each their own part: accepted.
            #expect(try await patch("member", ["earned": 6]).status == .ok)
            #expect(try await patch("auditor", ["audited_earned": 5]).status == .ok)
            let entry = try await store.assessments.get(id).criterion("SS-02")
            #expect(entry?.earned == 6)
            #expect(entry?.auditedEarned == 5)
        }
    }
}
