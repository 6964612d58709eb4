import Foundation
import HummingbirdTesting
import MaturityCore
import MaturityStore
import MaturityStoreTesting
import Synchronization
import Testing

@testable import MaturityServer

/// A criterion edit is checked by reading its one line again when nothing else changed; what it stores and
/// scores must be what checking the whole file gives: the command line's result for the exported folder.
@Suite struct EditCheckTests {
    static var edits: [(criterion: String, fields: [String: Any])] {
        [
            ("SP-02", ["claimed": 3]),
            ("SP-03", ["note": "结论：已公示, \"引号\" {括号} [E01]"]),
            ("SP-02", ["evidence": ["E01", "E02"]]),
            ("SS-01", ["audited": 2]),
            ("SP-03", ["note": "第一行\n第二行", "claimed": 2]),
            ("SP-02", ["claimed": 5, "evidence": ["E01", "E02", "E07", "E12", "E13", "E16", "E18"]]),
            ("SP-03", ["note": NSNull()]),
            // A change of bytes alone (é, then e and a combining accent: equal to Swift's `==`) is stored, so the
            // text checked and scored must show it.
            ("SP-03", ["note": "café"]),
            ("SP-03", ["note": "cafe\u{301}"]),
        ]
    }

    @Test(arguments: TestDatabase.allCases)
    func criterionEditsCheckedByTheirLineScoreAsTheExportedFolder(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let id = try await imported(client, "huadong-appliance")
            let whole = Mutex(0)
            let written = Mutex(0)
            // Where each line was read: on SQLite's writer thread (inside the transaction) or before it.
            let lines = Mutex<[String?]>([])
            let readingLine: @Sendable () -> Void = { lines.withLock { $0.append(Thread.current.name) } }
            try await AssessmentLoader.$readingLine.withValue(readingLine) {
                try await ServerEngine.$checkingWhole.withValue({ whole.withLock { $0 += 1 } }) {
                    try await ServerEngine.$writingWhole.withValue({ written.withLock { $0 += 1 } }) {
                        for (criterion, fields) in Self.edits {
                            let uri = "/api/v1/assessments/\(id)/criteria/\(criterion)"
                            let etag = try #require(try await client.execute(uri: uri, method: .get).headers[.eTag])
                            let edited = try await client.execute(
                                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(fields))
                            #expect(edited.status == .ok, "\(criterion) \(fields): \(edited.text.prefix(300))")
                            let result = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
                            let exported = try await client.execute(
                                uri: "/api/v1/assessments/\(id)/export", method: .get)
                            let folder = try unpackExport(exported.data)
                            defer { try? FileManager.default.removeItem(atPath: folder) }
                            let cli = try await runCLI(["assess", "assessment.yaml", "--format", "json"], in: folder)
                            #expect(cli.status == 0)
                            #expect(
                                result.text == String(decoding: cli.stdout, as: UTF8.self),
                                "after \(criterion) \(fields)")
                        }
                    }
                }
            }
            // Each edit after the first reads its line once, before waiting for the writer, and the check inside the
            // transaction takes that reading.
            #expect(lines.withLock { $0.count } == Self.edits.count - 1)
            if database == .sqlite { #expect(!lines.withLock { $0 }.contains("sqlite-writer")) }
            #expect(
                whole.withLock { $0 } == 1,
                "the first edit checks the imported text whole, each later one only its line")
            // The first edit writes the text whole to find its line; each later one writes only its line, in
            // place of the old one in the text its predecessor checked (held to the whole text in debug builds).
            #expect(written.withLock { $0 } == 1, "each edit after the first writes only its own line")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aRefusedLineIsReportedWhereTheWholeFileHasIt(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let id = try await imported(client, "huadong-appliance")
            let uri = "/api/v1/assessments/\(id)/criteria/SP-02"
            var etag = try #require(try await client.execute(uri: uri, method: .get).headers[.eTag])
            let first = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(["claimed": 3]))
            #expect(first.status == .ok)
            etag = try #require(first.headers[.eTag])
            let whole = Mutex(0)
            for (fields, words) in [(["claimed": 9], "9"), (["evidence": ["E01", "E999"]], "E999")]
                as [([String: Any], String)]
            {
                let refused = try await ServerEngine.$checkingWhole.withValue({ whole.withLock { $0 += 1 } }) {
                    try await client.execute(uri: uri, method: .patch, headers: ifMatch(etag), body: jsonBody(fields))
                }
                #expect(refused.status == .unprocessableContent)
                let problems = ((refused.json["error"] as? [String: Any])?["problems"] as? [[String: Any]]) ?? []
                #expect(problems.contains { ($0["message"] as? String)?.contains(words) == true }, "\(refused.text)")
                let exported = try await client.execute(uri: "/api/v1/assessments/\(id)/export", method: .get)
                let files = try ZipFolder.read(exported.data, limits: .init(fileBytes: 64 << 20))
                let lines = String(decoding: files["assessment.yaml"] ?? Data(), as: UTF8.self)
                    .components(separatedBy: "\n")
                let line = try #require(lines.firstIndex { $0.hasPrefix("  SP-02: {") }) + 1
                #expect(
                    problems.allSatisfy { ($0["location"] as? String)?.hasPrefix("assessment.yaml:\(line):") == true },
                    "\(problems)")
            }
            #expect(whole.withLock { $0 } == 2, "a line that reports anything is checked with the whole file")
        }
    }

    @Test func onlyAOneLineChangeOfACriterionsEntryIsReadOnItsOwn() throws {
        let before = "schema: 1\ncriteria:\n  SP-01: {claimed: 3}\n  SP-02: {claimed: 2}\n"
        let lines = before.components(separatedBy: "\n")
        #expect(lines.count == 5)
        let twoLines = "schema: 1\ncriteria:\n  SP-01: {claimed: 4}\n  SP-02: {claimed: 3}\n"
        let header = "schema: 2\ncriteria:\n  SP-01: {claimed: 3}\n  SP-02: {claimed: 2}\n"
        #expect(ServerEngine.changedLine(Data(before.utf8), Data(twoLines.utf8)) == nil)
        #expect(ServerEngine.changedLine(Data(before.utf8), Data(header.utf8))?.index == 0)
        #expect(ServerEngine.changedLine(Data(before.utf8), Data((before + "x\n").utf8)) == nil)
        let one = ServerEngine.changedLine(
            Data(before.utf8), Data("schema: 1\ncriteria:\n  SP-01: {claimed: 3}\n  SP-02: {claimed: 5}\n".utf8))
        #expect(one?.index == 3)
        #expect(one?.line == "  SP-02: {claimed: 5}")
    }
}
