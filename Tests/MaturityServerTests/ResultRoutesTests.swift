import Foundation
import HummingbirdTesting
import MaturityStore
import MaturityStoreTesting
import Testing

@testable import MaturityServer

/// The built command line run in `folder`, finding catalogs in `folder/Criteria` only.
func runCLI(_ arguments: [String], in folder: String) async throws -> (status: Int32, stdout: Data) {
    let binary = try #require(ServerProcess.binary, "build the command line first: swift build")
    var environment = ProcessInfo.processInfo.environment
    environment["MATURITY_CRITERIA"] = folder + "/Criteria"
    environment["MATURITY_LANG"] = "en"
    let ran = try await ChildProcess.run(binary, arguments, in: folder, environment: environment)
    return (ran.status, ran.stdout)
}

/// An exported zip unpacked into a new folder, with the shipped catalog copied into its `Criteria/`: the
/// folder a person gets from the download, next to the catalogs the command line ships with.
func unpackExport(_ zip: Data, catalog: String = "after-sales-maturity") throws -> String {
    let folder = NSTemporaryDirectory() + "maturity-export-" + UUID().uuidString
    let files = try ZipFolder.read(zip, limits: .init(fileBytes: 64 << 20))
    let fm = FileManager.default
    for (path, data) in files {
        let target = folder + "/" + path
        try fm.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: target))
    }
    try fm.createDirectory(atPath: folder + "/Criteria", withIntermediateDirectories: true)
    try fm.copyItem(atPath: criteriaFolder + "/" + catalog, toPath: folder + "/Criteria/" + catalog)
    return folder
}

@Suite struct ResultRoutesTests {
    static let examples = [
        "huadong-appliance", "huadong-appliance-audit", "anmai-equipment", "meichu-small-appliances",
    ]

    @Test(arguments: examples)
    func theResultIsTheCommandLinesJSONForTheExportedFolder(example: String) async throws {
        try await TestDatabase.sqlite.withServer { client, _ in
            let created = try await importZip(client, try exampleFolder(example))
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let result = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            #expect(result.status == .ok)
            #expect(result.headers[.contentType] == "application/json; charset=utf-8")
            let exported = try await client.execute(uri: "/api/v1/assessments/\(id)/export", method: .get)
            let folder = try unpackExport(exported.data)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let cli = try await runCLI(["assess", "assessment.yaml", "--format", "json"], in: folder)
            #expect(cli.status == 0)
            #expect(result.text == String(decoding: cli.stdout, as: UTF8.self))
            if example == "huadong-appliance-audit" {
                #expect(result.text.contains("\"signoff\""), "the audit is signed as on disk")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anEditedAssessmentScoresAsItsExportAndEveryFormatIsTheCommandLines(_ database: TestDatabase)
        async throws
    {
        try await database.withServer { client, _ in
            let created = try await importZip(client, try exampleFolder("huadong-appliance-audit"))
            let id = try #require(created.json["id"] as? String)
            let before = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            let uri = "/api/v1/assessments/\(id)/criteria/SP-02"
            let etag = try #require(try await client.execute(uri: uri, method: .get).headers[.eTag])
            let edited = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["audited": 1, "note": "复核：降级"]))
            #expect(edited.status == .ok)
            let after = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            #expect(after.text != before.text, "the edit is scored at once")
            let exported = try await client.execute(uri: "/api/v1/assessments/\(id)/export", method: .get)
            let folder = try unpackExport(exported.data)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for (format, lang) in [("json", "en"), ("html", "zh"), ("md", "en"), ("text", "zh")] {
                let served = try await client.execute(
                    uri: "/api/v1/assessments/\(id)/result?format=\(format)&lang=\(lang)", method: .get)
                #expect(served.status == .ok)
                let cli = try await runCLI(
                    ["assess", "assessment.yaml", "--format", format, "--lang", lang], in: folder)
                #expect(served.text == String(decoding: cli.stdout, as: UTF8.self), "\(format) \(lang)")
            }
        }
    }

    @Test func badReportOptionsAreRefusedWithTheReason() async throws {
        try await TestDatabase.sqlite.withServer { client, _ in
            let created = try await importZip(client, try exampleFolder("huadong-appliance"))
            let id = try #require(created.json["id"] as? String)
            let format = try await client.execute(uri: "/api/v1/assessments/\(id)/result?format=pdf", method: .get)
            #expect(format.status == .badRequest)
            let target = try await client.execute(
                uri: "/api/v1/assessments/\(id)/result?target=excelent", method: .get)
            #expect(target.status == .badRequest)
            #expect(
                ((target.json["error"] as? [String: Any])?["message"] as? String)?.contains(
                    "did you mean 'excellent'?") == true)
            let missing = try await client.execute(uri: "/api/v1/assessments/nope/result", method: .get)
            #expect(missing.status == .notFound)
        }
    }
}
