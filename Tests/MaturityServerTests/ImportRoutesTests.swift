import Foundation
import HTTPTypes
import HummingbirdTesting
import MaturityCore
import MaturityStore
import MaturityStoreTesting
import NIOCore
import Testing

@testable import MaturityServer

/// Every file of an example folder, by path inside it.
func exampleFolder(_ name: String) throws -> [String: Data] {
    let root = examplesFolder + "/" + name
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue
        {
            files[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
        }
    }
    return files
}

/// The number of criteria the example's assessment gives, read by the command line's loader.
func exampleCriteriaCount(_ name: String) throws -> Int {
    let engine = Engine(files: DiskFiles(), catalogFolders: [examplesFolder + "/../Criteria"])
    let loaded = try engine.loadAssessment(InputPath(examplesFolder + "/" + name + "/assessment.yaml"))
    return loaded.assessment.criteria.count
}

func importZip(_ client: any TestClientProtocol, _ files: [String: Data], query: String = "") async throws
    -> TestResponse
{
    try await client.execute(
        uri: "/api/v1/import" + query, method: .post, headers: [.contentType: "application/zip"],
        body: ByteBuffer(data: try ZipFolder.write(files)))
}

func problems(_ response: TestResponse) -> [[String: Any]] {
    ((response.json["error"] as? [String: Any])?["problems"] as? [[String: Any]]) ?? []
}

@Suite struct ImportRoutesTests {
    @Test(arguments: TestDatabase.allCases)
    func anImportedFolderExportsAsItWasImported(_ database: TestDatabase) async throws {
        let folder = try exampleFolder("huadong-appliance")
        try await database.withServer { client, _ in
            let created = try await importZip(client, folder)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let assessment = try await client.execute(uri: "/api/v1/assessments/\(id)", method: .get)
            #expect(assessment.status == .ok)
            #expect((assessment.json["criteria"] as? [Any])?.count == (try exampleCriteriaCount("huadong-appliance")))
            let record = try #require(assessment.json["assessment"] as? [String: Any])
            #expect(record["organisation_name"] as? String == "华东家电服务有限公司")
            let organisation = try await client.execute(
                uri: "/api/v1/organisations/\(try #require(record["organisation_id"] as? String))", method: .get)
            #expect(organisation.json["name"] as? String == "华东家电服务有限公司")
            let exported = try await client.execute(uri: "/api/v1/assessments/\(id)/export", method: .get)
            #expect(exported.status == .ok)
            #expect(exported.headers[.contentType] == "application/zip")
            let files = try ZipFolder.read(exported.data, limits: .init(fileBytes: 64 << 20))
            #expect(files == folder)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anInvalidAssessmentGets422WithEveryProblemLocatedAndStoresNothing(_ database: TestDatabase) async throws {
        var folder = try exampleFolder("huadong-appliance")
        var text = String(decoding: folder["assessment.yaml"]!, as: UTF8.self)
        text = text.replacingOccurrences(of: "\n  SP-01:", with: "\n  SP-1:")
        text = text.replacingOccurrences(of: "evidence: [E01", with: "evidence: [E99")
        folder["assessment.yaml"] = Data(text.utf8)
        let invalid = folder
        try await database.withServer { client, _ in
            let response = try await importZip(client, invalid)
            #expect(response.status == .unprocessableContent)
            let found = problems(response)
            #expect(found.count >= 2)
            #expect(found.allSatisfy { ($0["location"] as? String)?.hasPrefix("assessment.yaml:") == true })
            #expect(found.contains { ($0["message"] as? String)?.contains("'SP-1'") == true })
            #expect(found.contains { ($0["message"] as? String)?.contains("E99") == true })
            let listed = try await client.execute(uri: "/api/v1/organisations", method: .get)
            #expect((listed.json["organisations"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func hostileArchivesAreRefused(_ database: TestDatabase) async throws {
        try await database.withServer(maximumFileBytes: 1 << 20) { client, _ in
            let notZip = try await client.execute(
                uri: "/api/v1/import", method: .post, body: ByteBuffer(string: "not a zip"))
            #expect(notZip.status == .unprocessableContent)
            let traversal = try await importZip(client, ["assessment.yaml": Data("x".utf8), "../../etc/x": Data()])
            #expect(traversal.status == .unprocessableContent)
            #expect(
                (traversal.json["error"] as? [String: Any])?["message"] as? String
                    == ZipFolder.Problem.unsafePath("../../etc/x").description)
            // 8 MB of zeros deflate to a few kilobytes: refused at the 1 MB limit while unpacking.
            let bomb = try await importZip(client, ["assessment.yaml": Data(repeating: 0x20, count: 8 << 20)])
            #expect(bomb.status == .contentTooLarge)
            let missing = try await importZip(client, ["readme.txt": Data("x".utf8)])
            #expect(missing.status == .unprocessableContent)
        }
    }
}

@Suite struct CriterionEditTests {
    @Test(arguments: TestDatabase.allCases)
    func anEditIsStoredAndAStaleOneGets412WithTheCurrentValue(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let created = try await importZip(client, try exampleFolder("huadong-appliance"))
            let id = try #require(created.json["id"] as? String)
            let uri = "/api/v1/assessments/\(id)/criteria/SP-01"
            let before = try await client.execute(uri: uri, method: .get)
            let etag = try #require(before.headers[.eTag])
            let first = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["claimed": 2, "note": "降级 \"复核\""]))
            #expect(first.status == .ok)
            #expect(first.json["claimed"] as? Int == 2)
            #expect(first.json["note"] as? String == "降级 \"复核\"")
            let second = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["claimed": 5]))
            #expect(second.status == .preconditionFailed)
            let current = (second.json["error"] as? [String: Any])?["current"] as? [String: Any]
            #expect(current?["claimed"] as? Int == 2)
            #expect(second.headers[.eTag] == first.headers[.eTag])
            let cleared = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(try #require(first.headers[.eTag])),
                body: jsonBody(["note": NSNull()]))
            #expect(cleared.status == .ok)
            #expect(cleared.json["note"] == nil)
            #expect(cleared.json["claimed"] as? Int == 2)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anInvalidEditGets422AsTheCommandLineSaysItAndChangesNothing(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let created = try await importZip(client, try exampleFolder("huadong-appliance"))
            let id = try #require(created.json["id"] as? String)
            let uri = "/api/v1/assessments/\(id)/criteria/SP-01"
            let etag = try #require(try await client.execute(uri: uri, method: .get).headers[.eTag])
            let level = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["claimed": 9]))
            #expect(level.status == .unprocessableContent)
            #expect(problems(level).contains { ($0["message"] as? String)?.contains("9") == true })
            let evidence = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["evidence": ["E01", "NOPE"]]))
            #expect(evidence.status == .unprocessableContent)
            #expect(problems(evidence).contains { ($0["message"] as? String)?.contains("NOPE") == true })
            let wrongType = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["claimed": "three"]))
            #expect(wrongType.status == .unprocessableContent)
            #expect(problems(wrongType).first?["location"] as? String == "$.claimed")
            let unknown = try await client.execute(
                uri: "/api/v1/assessments/\(id)/criteria/SP-99", method: .patch, headers: ifMatch("\"0\""),
                body: jsonBody(["claimed": 1]))
            #expect(unknown.status == .notFound)
            let after = try await client.execute(uri: uri, method: .get)
            #expect(after.headers[.eTag] == etag)
            let assessment = try await client.execute(uri: "/api/v1/assessments/\(id)", method: .get)
            #expect((assessment.json["assessment"] as? [String: Any])?["revision"] as? Int == 1)
        }
    }

    /// Edits are checked before their transaction, on the assessment as read then, and checked again when
    /// another edit changed it meanwhile: editors saving at once in one assessment each get their edit stored
    /// (or the loader's refusal) as if they had saved one after the other.
    @Test(arguments: TestDatabase.allCases)
    func editsSavedAtOnceInOneAssessmentAreAllStoredOrRefusedAsAlone(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let created = try await importZip(client, try exampleFolder("huadong-appliance"))
            let id = try #require(created.json["id"] as? String)
            let assessment = try await client.execute(uri: "/api/v1/assessments/\(id)", method: .get)
            let criteria = ((assessment.json["criteria"] as? [[String: Any]]) ?? []).filter { $0["na"] == nil }
                .compactMap { $0["criterion"] as? String }.prefix(12)
            #expect(criteria.count == 12)
            let answers = try await withThrowingTaskGroup(of: (String, String?, TestResponse).self) { group in
                for (index, criterion) in criteria.enumerated() {
                    group.addTask {
                        let uri = "/api/v1/assessments/\(id)/criteria/\(criterion)"
                        let etag = try #require(try await client.execute(uri: uri, method: .get).headers[.eTag])
                        // Every fourth claims a level the catalog does not have; the others change the note.
                        let note = "并发 \(index)"
                        let body = index % 4 == 3 ? jsonBody(["claimed": 9]) : jsonBody(["note": note])
                        let answer = try await client.execute(
                            uri: uri, method: .patch, headers: ifMatch(etag), body: body)
                        return (criterion, index % 4 == 3 ? nil : note, answer)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for (criterion, note, answer) in answers {
                if note == nil {
                    #expect(answer.status == .unprocessableContent, "\(criterion): \(answer.text.prefix(200))")
                    #expect(problems(answer).contains { ($0["message"] as? String)?.contains("9") == true })
                } else {
                    #expect(answer.status == .ok, "\(criterion): \(answer.text.prefix(200))")
                    #expect(answer.json["note"] as? String == note)
                }
            }
            let after = try await client.execute(uri: "/api/v1/assessments/\(id)", method: .get)
            #expect((after.json["assessment"] as? [String: Any])?["revision"] as? Int == 1 + 9)
            let stored = Dictionary(
                uniqueKeysWithValues: ((after.json["criteria"] as? [[String: Any]]) ?? []).compactMap { row in
                    (row["criterion"] as? String).map { ($0, row["note"] as? String) }
                })
            for (criterion, note, answer) in answers where note != nil {
                #expect(stored[criterion] == note, "\(criterion)")
                #expect(answer.headers[.eTag] == "\"2\"", "\(criterion): one edit each")
            }
            let result = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            #expect(result.status == .ok)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anEditedAssessmentExportsAndImportsAgainToTheSameValues(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let created = try await importZip(client, try exampleFolder("huadong-appliance-audit"))
            let id = try #require(created.json["id"] as? String)
            let uri = "/api/v1/assessments/\(id)/criteria/SP-02"
            let etag = try #require(try await client.execute(uri: uri, method: .get).headers[.eTag])
            let edited = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag),
                body: jsonBody(["audited": 2, "note": "key: value, [brackets] # not a comment\nsecond line"]))
            #expect(edited.status == .ok)
            let exported = try await client.execute(uri: "/api/v1/assessments/\(id)/export", method: .get)
            let files = try ZipFolder.read(exported.data, limits: .init(fileBytes: 64 << 20))
            let again = try await importZip(client, files)
            #expect(again.status == .created)
            let first = try await client.execute(uri: "/api/v1/assessments/\(id)", method: .get).json
            let second = try await client.execute(
                uri: "/api/v1/assessments/\(try #require(again.json["id"] as? String))", method: .get
            ).json
            func values(_ json: [String: Any], _ key: String) -> [String] {
                ((json[key] as? [[String: Any]]) ?? []).map { row in
                    row.filter { !["position", "version"].contains($0.key) }.map { "\($0.key)=\($0.value)" }.sorted()
                        .joined(separator: ";")
                }.sorted()
            }
            for key in ["criteria", "evidence", "findings", "metrics", "files"] {
                #expect(values(first, key) == values(second, key), "\(key) differ")
            }
        }
    }
}
