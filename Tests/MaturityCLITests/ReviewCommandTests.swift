import Foundation
import Testing

/// `maturity review` and `maturity history` end to end: options, errors and exit codes, output files,
/// a previous result of another catalog version.
@Suite struct ReviewCommandTests {
    static let valid = "Tests/MaturityCoreTests/Fixtures/valid"
    static let fixtures = "Tests/MaturityCoreTests/Fixtures/review"
    static let catalog = "\(valid)/mini-catalog.yaml"
    static let surveillance = "\(fixtures)/surveillance.yaml"

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "maturity-review-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The mini assessment's result JSON as a surveillance review that suspended the certificate on
    /// 2026-11-03 (edited within its lines, so every line keeps its number), written to `folder`.
    static func previous(in folder: String) throws -> String {
        let path = folder + "/previous.json"
        let run = CLI.run(["assess", "\(valid)/mini-assessment.yaml", "--catalog", catalog, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let suspended = run.stdout.replacingOccurrences(
            of: "  \"kind\": \"self\",", with: "  \"kind\": \"surveillance\","
        )
        .replacingOccurrences(
            of: "  \"date\": \"2026-11-01\",",
            with: "  \"date\": \"2026-11-03\", \"decision\": \"suspend\", \"next_review\": \"2027-05-03\",")
        try suspended.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func reviewsWithThePlanAndPrintsTheDecisionFirst() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run([
            "review", Self.surveillance, "--previous", try Self.previous(in: folder), "--plan",
            "\(Self.fixtures)/plan.yaml",
            "--catalog", Self.catalog, "--lang", "en",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count > 9, "\(run.stdout)")
        #expect(lines[6] == "Decision: Reinstate")
        #expect(
            lines[8]
                == "  · the suspension of 2026-11-03 can be lifted: the rating is Pass and no P1 corrective action is overdue"
        )
        #expect(
            lines[9]
                == "  (also holds, outranked: maintain with follow-up — P2 corrective action NC-1 due 2027-01-30 is overdue "
                + "(status in progress))")
        #expect(run.stdout.contains("Next review: 2027-11-03"))
    }

    /// The text without the sign-off's lines of locators (JSON); other formats as they are.
    static func withoutSignOff(_ text: String) -> String {
        text.split(separator: "\n").filter { !$0.contains("\"assessment_path\"") && !$0.contains("\"catalog_path\"") }
            .joined(separator: "\n")
    }

    @Test func writesEveryFormatToAFileAtomically() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = try Self.previous(in: folder)
        for format in ["text", "md", "json", "html"] {
            let output = folder + "/review.\(format)"
            try "old".write(toFile: output, atomically: true, encoding: .utf8)
            let arguments = [
                "review", Self.surveillance, "--previous", previous, "--catalog", Self.catalog, "--format", format,
            ]
            let run = CLI.run(arguments + ["--output", output])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.isEmpty)
            let written = try String(contentsOfFile: output, encoding: .utf8)
            // A sealed result records where its inputs are from the folder it is written in.
            #expect(Self.withoutSignOff(written) == Self.withoutSignOff(CLI.run(arguments).stdout))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func aPreviousResultOfAnotherCatalogVersionIsComparedOnWhatBothHave() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = try Self.previous(in: folder)
        let run = CLI.run([
            "review", "\(Self.fixtures)/surveillance-v2.yaml", "--previous", previous, "--catalog",
            "\(Self.fixtures)/mini-catalog-v2.yaml", "--format", "json",
        ])
        #expect(run.status == 0)
        #expect(
            run.stderr.hasPrefix(
                "\(previous):63:14: warning: the previous result used catalog version '1.0', this assessment version '2.0'"
            ))
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let deltas = try #require(object["deltas"] as? [String: Any])
        #expect(deltas["basis"] as? String == "common_criteria")
        let change = try #require(deltas["catalog_change"] as? [String: Any])
        #expect(change["added"] as? [String] == ["S-03"])
        #expect(change["removed"] as? [String] == ["S-02"])
        #expect((change["renamed"] as? [[String: String]]) == [["from": "P-03", "to": "P-04"]])
        let criteria = try #require(deltas["criteria"] as? [[String: Any]])
        #expect(criteria.map { $0["id"] as? String } == ["P-01", "P-02", "P-04", "S-01"])
        #expect(criteria.map { $0["previous_id"] as? String } == [nil, nil, "P-03", nil])
    }

    @Test(arguments: [
        ["review", "x.yaml"],
        ["review", "x.yaml", "--previous", "p.json", "--format", "pdf"],
        ["review", "x.yaml", "--previous", "p.json", "--lang", "fr"],
        ["history"],
        ["history", "dir", "--format", "csv"],
    ])
    func aUsageErrorExits64(arguments: [String]) {
        let run = CLI.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.isEmpty)
    }

    @Test func aBrokenPreviousResultIsLocatedAndExits1() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let broken = folder + "/previous.json"
        try String(contentsOfFile: try Self.previous(in: folder), encoding: .utf8)
            .replacingOccurrences(of: "\"rating\": \"fail\"", with: "\"rating\": 0")
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let run = CLI.run(["review", Self.surveillance, "--previous", broken, "--catalog", Self.catalog])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "\(broken):281:13: error: 'rating' must be a non-empty string, found a number 0\n")
    }

    @Test func aForeignOrMissingPreviousFileIsNamed() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let foreign = folder + "/due.json"
        let due = CLI.run(["plan", "--due", "\(Self.fixtures)/plan.yaml", "--format", "json", "--as-of", "2027-05-01"])
        try due.stdout.write(toFile: foreign, atomically: true, encoding: .utf8)
        let run = CLI.run(["review", Self.surveillance, "--previous", foreign, "--catalog", Self.catalog])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(foreign):1:1: error: '\(foreign)' is not a maturity result\n  hint: "))
        let missing = CLI.run(["review", Self.surveillance, "--previous", "nowhere.json", "--catalog", Self.catalog])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("nowhere.json: error: cannot read 'nowhere.json': no such file"))
    }

    @Test func aPreviousResultOfAnotherOrganisationOrALaterDateIsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = try Self.previous(in: folder)
        let text = try String(contentsOfFile: previous, encoding: .utf8)
        try text.replacingOccurrences(of: "华东家电服务有限公司", with: "苏南家电服务有限公司")
            .replacingOccurrences(of: "\"date\": \"2026-11-03\"", with: "\"date\": \"2027-06-01\"")
            .write(toFile: previous, atomically: true, encoding: .utf8)
        let run = CLI.run(["review", Self.surveillance, "--previous", previous, "--catalog", Self.catalog])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "error: the previous result is for '苏南家电服务有限公司', the assessment for '华东家电服务有限公司'"))
        #expect(
            run.stderr.contains(
                "error: the previous result is dated 2027-06-01, not before the assessment (2027-05-03)"))
    }

    @Test func aPlanOfAnotherOrganisationIsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run([
            "review", Self.surveillance, "--previous", try Self.previous(in: folder), "--catalog", Self.catalog,
            "--plan", "Examples/xinghe-hvac/plan.yaml",
        ])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "Examples/xinghe-hvac/plan.yaml:1:1: error: the plan is for '江苏星河暖通设备有限公司', the assessment for '华东家电服务有限公司'"
            ))
    }

    // MARK: history

    @Test func historyOfAnEmptyOrMissingFolderExits1() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = CLI.run(["history", folder])
        #expect(empty.status == 1)
        #expect(empty.stderr.hasPrefix("\(folder): error: no result files (*.json) in '\(folder)'"))
        let missing = CLI.run(["history", folder + "/nothing"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "\(folder)/nothing: error: folder '\(folder)/nothing' does not exist\n")
        let file = CLI.run(["history", "README.md"])
        #expect(file.status == 1)
        #expect(file.stderr.hasPrefix("README.md: error: 'README.md' is not a folder"))
    }

    @Test func historyNamesEveryUnreadableFileAtOnce() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Self.previous(in: folder)
        try "{\"schema\": 1,".write(toFile: folder + "/broken.json", atomically: true, encoding: .utf8)
        try "[]".write(toFile: folder + "/list.json", atomically: true, encoding: .utf8)
        let run = CLI.run(["history", folder, "--catalog", Self.catalog])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr == """
                \(folder)/broken.json:1:14: error: unexpected end of file: a key in double quotes is expected
                \(folder)/list.json:1:1: error: '\(folder)/list.json' is not a maturity result
                  hint: give the JSON that 'maturity assess --format json' or 'maturity review --format json' wrote

                """)
    }

    @Test func historyRefusesResultsOfAnotherOrganisation() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(
            atPath: CLI.projectRoot + "/Examples/xinghe-hvac/2026-05/result.json", toPath: folder + "/a.json")
        _ = try Self.previous(in: folder)
        let run = CLI.run(["history", folder])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: '\(folder)/previous.json' is scored against catalog 'mini'"))
        #expect(
            run.stderr.contains(
                "previous.json:267:19: error: '\(folder)/previous.json' is for '华东家电服务有限公司', '\(folder)/a.json' "
                    + "for '江苏星河暖通设备有限公司'"))
    }

    @Test func historyWithoutItsCatalogShowsIdsAndWarns() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Self.previous(in: folder)
        let run = CLI.run(["history", folder, "--lang", "en"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("warning: no catalog 'mini' found in Criteria/"))
        #expect(run.stdout.contains("  process "))
    }

    @Test(arguments: [["review", "--help"], ["history", "--help"], ["help", "review"]])
    func reviewAndHistoryHaveHelp(arguments: [String]) {
        let run = CLI.run(arguments)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
        #expect(run.stdout.contains("--format"))
        #expect(run.stdout.contains("--lang"))
    }
}
