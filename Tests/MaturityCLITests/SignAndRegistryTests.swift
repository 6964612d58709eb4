import Foundation
import Logging
import MaturityStore
import SQLKit
import Testing

/// Signatures that say who signed, and the register from the command line: keys made and published, a sealed
/// surveillance result signed by its auditor, `verify --keys` naming a mismatch, an unknown key and a revoked
/// one, `registry import` refusing an edited result by name, decisions and the due board.
@Suite(.serialized) struct SignAndRegistryTests {
    static let x = "Examples/xinghe-hvac"
    static let passphrase = ["MATURITY_PASSPHRASE": "correct horse"]

    /// A folder with a register (`data/`), the auditor's and the reviewer's keys, and the four xinghe results
    /// written there (sealed: their assessments name the auditor).
    struct Setup {
        let folder: TemporaryFolder
        var data: [String] { ["--data", folder.file("data")] }

        init() throws {
            folder = try TemporaryFolder("maturity-register")
            for (name, arguments) in [
                ("2026-05.json", ["assess", "\(x)/2026-05/assessment.yaml"]),
                (
                    "2026-11.json",
                    [
                        "review", "\(x)/2026-11/assessment.yaml", "--previous", "\(x)/2026-05/result.json", "--plan",
                        "\(x)/2026-11/plan.yaml",
                    ]
                ),
                (
                    "2027-01.json",
                    [
                        "review", "\(x)/2027-01/assessment.yaml", "--previous", "\(x)/2026-11/result.json", "--plan",
                        "\(x)/plan.yaml",
                    ]
                ),
            ] {
                let run = CLI.run(arguments + ["--format", "json", "--output", folder.file(name)])
                #expect(run.status == 0, "\(run.stderr)")
            }
            for (owner, role, file) in [("郑雅琴", "auditor", "zheng.key.json"), ("孙立", "decision_maker", "sun.key.json")]
            {
                let run = run([
                    "registry", "keys", "add", "--owner", owner, "--role", role, "--date", "2026-01-01", "--output",
                    folder.file(file), "--rounds", "1024",
                ])
                #expect(run.status == 0, "\(run.stderr)")
            }
        }

        func run(_ arguments: [String]) -> CLIRun {
            let registry = arguments.first == "registry"
            return CLI.run(arguments + (registry ? data : []), environment: passphrase)
        }

        func sign(_ name: String, date: String) -> CLIRun {
            run(["sign", folder.file(name), "--key", folder.file("zheng.key.json"), "--date", date])
        }

        func keys() throws -> String {
            let path = folder.file("keys.json")
            let run = run(["registry", "keys", "--format", "json", "--output", path])
            #expect(run.status == 0, "\(run.stderr)")
            return path
        }
    }

    @Test func aSurveillanceResultIsSealedAndSignedByItsAuditor() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let json = try String(contentsOfFile: setup.folder.file("2026-11.json"), encoding: .utf8)
        #expect(json.contains("\"signoff\": {"))
        #expect(json.contains("\"role\": \"previous\""))
        #expect(json.contains("\"role\": \"plan\""))
        let signed = setup.sign("2026-11.json", date: "2026-11-13")
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stdout.hasPrefix("signed "))
        let verify = CLI.run(["verify", setup.folder.file("2026-11.json"), "--keys", try setup.keys(), "--lang", "en"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("✓ signature 郑雅琴 (auditor, key "))
        #expect(verify.stdout.contains("valid"))
    }

    @Test func verifyNamesASignatureThatDoesNotMatchAnUnknownKeyAndARevokedOne() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        #expect(setup.sign("2026-11.json", date: "2026-11-13").status == 0)
        let file = setup.folder.file("2026-11.json")
        let keys = try setup.keys()

        // Another body's key list does not hold the key.
        let other = try TemporaryFolder("maturity-other")
        defer { other.remove() }
        let otherKeys = other.file("keys.json")
        _ = CLI.run(
            ["registry", "keys", "--format", "json", "--output", otherKeys, "--data", other.file("data")],
            environment: Self.passphrase)
        let unknown = CLI.run(["verify", file, "--keys", otherKeys])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("names a key the key list does not hold"))

        // A changed signature value does not match.
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let value = try #require(original.range(of: "\"value\": \""))
        var tampered = original
        let at = tampered.index(value.upperBound, offsetBy: 3)
        tampered.replaceSubrange(at...at, with: tampered[at] == "A" ? "B" : "A")
        try tampered.write(toFile: file, atomically: true, encoding: .utf8)
        let mismatch = CLI.run(["verify", file, "--keys", keys])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("does not match: the signed text or the signature was changed"))
        #expect(mismatch.stderr.contains("2026-11.json:"))
        try original.write(toFile: file, atomically: true, encoding: .utf8)

        // The key revoked before the signing date: the signature no longer holds.
        let zheng = try String(contentsOfFile: keys, encoding: .utf8)
        let auditorId = try #require(
            zheng.components(separatedBy: "{").first { $0.contains("郑雅琴") }?.components(separatedBy: "\"id\": \"")
                .dropFirst().first?.prefix(16))
        let revoke = setup.run([
            "registry", "keys", "revoke", String(auditorId), "--date", "2026-11-01", "--reason", "laptop stolen",
        ])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        let revoked = CLI.run(["verify", file, "--keys", try setup.keys()])
        #expect(revoked.status == 1)
        #expect(
            revoked.stderr.contains("the key was revoked on 2026-11-01 (laptop stolen), on or before the signing date"))
    }

    @Test func signRefusesAResultEditedAfterSignOffAndAKeyOfSomeoneElse() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let wrong = setup.run(["sign", setup.folder.file("2026-05.json"), "--key", setup.folder.file("sun.key.json")])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("a result is signed with an auditor's"))
        let badPassphrase = CLI.run(
            ["sign", setup.folder.file("2026-05.json"), "--key", setup.folder.file("zheng.key.json")],
            environment: ["MATURITY_PASSPHRASE": "wrong"])
        #expect(badPassphrase.status == 1)
        #expect(badPassphrase.stderr.contains("the passphrase does not open key file"))
        let file = setup.folder.file("2026-05.json")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"rating\": \"pass\"", with: "\"rating\": \"excellent\"")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let edited = setup.sign("2026-05.json", date: "2026-05-21")
        #expect(edited.status == 1)
        #expect(edited.stderr.contains("is not signed: it does not verify against its sign-off"))
    }

    @Test func theRegisterImportsVerifiedResultsAndRefusesAnEditedOneByName() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        for (name, date) in [
            ("2026-05.json", "2026-05-21"), ("2026-11.json", "2026-11-13"), ("2027-01.json", "2027-01-16"),
        ] {
            #expect(setup.sign(name, date: date).status == 0)
        }
        let edited = setup.folder.file("2027-01.json")
        let text = try String(contentsOfFile: edited, encoding: .utf8)
        try text.replacingOccurrences(of: "\"decision\": \"reinstate\"", with: "\"decision\": \"upgrade\"")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let imported = setup.run([
            "registry", "import", setup.folder.file("2026-05.json"), setup.folder.file("2026-11.json"), edited,
        ])
        #expect(imported.status == 1)
        #expect(imported.stdout.contains("imported \(setup.folder.file("2026-05.json")): audit 2026-05-20"))
        #expect(imported.stdout.contains("recommends suspend"))
        #expect(imported.stderr.contains("\(edited):"))
        #expect(imported.stderr.contains("the result was edited after sign-off"))
        #expect(imported.stderr.contains("is refused: it does not verify"))

        let sign = ["--key", setup.folder.file("sun.key.json")]
        let resultId = try #require(imported.stdout.components(separatedBy: "(sign-off ").dropFirst().first?.prefix(12))
        let grant = setup.run(
            ["registry", "decide", "grant", "--result", String(resultId), "--reviewer", "孙立", "--date", "2026-06-10"]
                + sign)
        #expect(grant.status == 0, "\(grant.stderr)")
        #expect(grant.stdout.hasPrefix("grant MSC-2026-00001 on 2026-06-10 by 孙立; audit team recommended grant"))
        // The auditor cannot decide on their own audit.
        let own = setup.run(
            ["registry", "decide", "grant", "--result", String(resultId), "--reviewer", "郑雅琴", "--date", "2026-06-10"]
                + sign)
        #expect(own.status == 1)
        #expect(own.stderr.contains("was on the audit team of 2026-05-20"))

        let due = setup.run(["registry", "due", "--as-of", "2026-12-25", "--lang", "en"])
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.contains("2026-11-20  Late — propose suspend  MSC-2026-00001  Surveillance"))
        let json = setup.run(["registry", "due", "--as-of", "2026-12-25", "--format", "json"])
        let board = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(board["items"] as? [[String: Any]])
        #expect(items.first?["status"] as? String == "late")
        #expect(items.first?["proposal"] as? String == "suspend")

        let certificate = setup.run([
            "registry", "certificate", "MSC-2026-00001", "--as-of", "2026-12-25", "--lang", "zh",
        ])
        #expect(certificate.status == 0, "\(certificate.stderr)")
        #expect(certificate.stdout.contains("评级        合格 (pass)"))
        let missing = setup.run(["registry", "certificate", "MSC-2026-99999"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: no certificate 'MSC-2026-99999' in the register"))
    }

    @Test func aFolderStandsForTheResultsInItInNameOrder() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        for (name, date) in [("2026-05.json", "2026-05-21"), ("2026-11.json", "2026-11-13")] {
            #expect(setup.sign(name, date: date).status == 0)
        }
        // The key files are JSON too: out of the folder, so that it holds the results and what else a body keeps.
        let keys = setup.folder.file("keys")
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        for key in ["zheng.key.json", "sun.key.json"] {
            try FileManager.default.moveItem(atPath: setup.folder.file(key), toPath: keys + "/" + key)
        }
        try "not a result\n".write(toFile: setup.folder.file("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: setup.folder.file("2027-01.json"))

        let imported = setup.run(["registry", "import", setup.folder.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let lines = imported.stdout.split(separator: "\n").filter { $0.hasPrefix("imported ") }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("imported \(setup.folder.path)/2026-05.json: audit 2026-05-20") == true)
        #expect(lines.last?.hasPrefix("imported \(setup.folder.path)/2026-11.json: ") == true)

        let keysOnly = setup.run(["registry", "import", keys])
        #expect(keysOnly.status == 1, "a .json file that is not a result is refused like any other")
        #expect(keysOnly.stderr.contains("\(keys)/sun.key.json"))
        let none = CLI.run(
            ["registry", "import", setup.folder.file("data")] + setup.data, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("文件夹 '\(setup.folder.file("data"))' 中没有 .json 文件"))
        #expect(none.stderr.contains("或存放它们的文件夹"))
    }

    /// More results than one batch (100): each batch is verified while the one before is written, and the
    /// output, refusals and exit status are those of one file at a time, in order.
    @Test func resultsAcrossSeveralBatchesAreImportedInOrder() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        for (name, date) in [("2026-05.json", "2026-05-21"), ("2026-11.json", "2026-11-13")] {
            #expect(setup.sign(name, date: date).status == 0)
        }
        let results = setup.folder.file("results")
        try FileManager.default.createDirectory(atPath: results, withIntermediateDirectories: true)
        // 205 copies of the initial audit (the first imported, the others refused as imported already: across
        // three batches), then the surveillance, last in name order.
        for index in 0..<205 {
            try FileManager.default.copyItem(
                atPath: setup.folder.file("2026-05.json"), toPath: results + String(format: "/a%03d.json", index))
        }
        try FileManager.default.copyItem(atPath: setup.folder.file("2026-11.json"), toPath: results + "/z.json")
        let imported = setup.run(["registry", "import", results])
        #expect(imported.status == 1)
        let lines = imported.stdout.split(separator: "\n").filter { $0.hasPrefix("imported ") }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("imported \(results)/a000.json: audit 2026-05-20") == true)
        #expect(lines.last?.hasPrefix("imported \(results)/z.json: ") == true)
        let refused = imported.stderr.split(separator: "\n").filter { $0.contains("this result was imported already") }
        #expect(refused.count == 204)
        #expect(refused.first?.hasPrefix("\(results)/a001.json:") == true)
        #expect(refused.last?.hasPrefix("\(results)/a204.json:") == true)
        #expect(refused.allSatisfy { $0.contains("from '\(results)/a000.json'") })
        let hints = imported.stderr.split(separator: "\n").filter {
            $0.contains("the register keeps each signed result once, so nothing was changed")
        }
        #expect(hints.count == 204)
    }

    /// A failure of the register itself (here its database refusing every new result, as a full disk or a lost
    /// connection would) is not a refusal of one result: the import stops at the first file it hit, reports it
    /// there, and does not go on to report every later file as refused.
    @Test func aFailureOfTheRegisterStopsTheImportWhereItHappened() async throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        for (name, date) in [("2026-05.json", "2026-05-21"), ("2026-11.json", "2026-11-13")] {
            #expect(setup.sign(name, date: date).status == 0)
        }
        let store = try await Store.open(
            StoreConfiguration(dataDirectory: setup.folder.file("data")), logger: Logger(label: "test"))
        try await store.database.transaction { sql in
            try await sql.raw(
                "CREATE TRIGGER no_results BEFORE INSERT ON audit_results BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
            ).run()
        }
        try await store.close()
        let imported = setup.run([
            "registry", "import", setup.folder.file("2026-05.json"), setup.folder.file("2026-11.json"),
        ])
        #expect(imported.status == 1)
        #expect(!imported.stdout.contains("imported "))
        let errors = imported.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(errors.count == 1, "\(imported.stderr)")
        #expect(errors.first?.hasPrefix("\(setup.folder.file("2026-05.json")):") == true)
        #expect(imported.stderr.contains("disk on fire"))
    }

    @Test func unsignedResultsNeedAllowUnsignedAndNonconformitiesAndTriggersGoThroughTheirSteps() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let initial = setup.folder.file("2026-05.json")
        let unsigned = setup.run(["registry", "import", initial])
        #expect(unsigned.status == 1)
        #expect(unsigned.stderr.contains("carries no valid signature of its auditor"))
        let allowed = setup.run(["registry", "import", initial, setup.folder.file("2026-11.json"), "--allow-unsigned"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("raised NC-02"))
        let sign = ["--key", setup.folder.file("sun.key.json"), "--reviewer", "孙立"]
        #expect(
            setup.run(["registry", "decide", "grant", "--result", initial, "--date", "2026-06-10"] + sign).status == 0)

        let organisation = "江苏星河暖通设备有限公司"
        let list = setup.run(["registry", "nc", "list", organisation, "--as-of", "2026-12-20"])
        #expect(list.stdout.contains("NC-02  major  raised 2026-11-12  deadline 2026-12-12  raised  OVERDUE"))
        let early = setup.run(["registry", "nc", "close", organisation, "NC-02", "--by", "郑雅琴", "--date", "2026-12-01"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("nonconformity NC-02 is raised; it cannot close now"))
        for step in [
            [
                "action", "--root-cause", "九家服务商仍用纸质工单", "--correction", "全部接入工单系统", "--by", "钱文博", "--date",
                "2026-12-05",
            ],
            ["verify", "--effective", "--note", "抽查 20 单全部完整", "--by", "郑雅琴", "--date", "2026-12-10"],
            ["close", "--by", "郑雅琴", "--date", "2026-12-10"],
        ] {
            let run = setup.run(["registry", "nc", step[0], organisation, "NC-02"] + step.dropFirst())
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(
            setup.run(["registry", "nc", "list", organisation]).stdout.contains(
                "NC-02  major  raised 2026-11-12  deadline 2026-12-12  closed"))

        let trigger = setup.run([
            "registry", "trigger", "MSC-2026-00001", "--kind", "misuse", "--date", "2026-12-15", "--evidence",
            "宣传册把证书用于未覆盖的无锡工厂", "--by", "孙立",
        ])
        #expect(trigger.status == 0, "\(trigger.stderr)")
        let suspend = setup.run(
            [
                "registry", "decide", "suspend", "--certificate", "MSC-2026-00001", "--trigger", "misuse", "--date",
                "2026-12-20",
            ]
                + sign)
        #expect(suspend.status == 0, "\(suspend.stderr)")
        let certificate = setup.run([
            "registry", "certificate", "MSC-2026-00001", "--as-of", "2026-12-21", "--lang", "en",
        ])
        #expect(
            certificate.stdout.contains(
                "2026-12-20  Valid → Suspended  Suspend: on misuse of the certificate or mark (孙立)"))
        let keys = setup.run(["registry", "keys", "--lang", "en"])
        #expect(keys.stdout.contains("郑雅琴"))
        #expect(keys.stdout.contains("decision-maker"))
    }

    @Test func registryOptionsAreCheckedBeforeAnythingIsDone() {
        let badWithin = CLI.run(["registry", "due", "--within", "-3"])
        #expect(badWithin.status == 64)
        let noKey = CLI.run(["registry", "decide", "grant", "--reviewer", "x", "--result", "abcdef"])
        #expect(noKey.status == 64)
        #expect(noKey.stderr.contains("give the reviewer's key"))
        let badDate = CLI.run(["registry", "due", "--as-of", "2026-13-01"])
        #expect(badDate.status == 64)
        let pattern = CLI.run(["registry", "settings", "--number-pattern", "MSC-{year}"])
        #expect(pattern.status == 64)
        #expect(pattern.stderr.contains("the pattern needs one {seq}"))
    }
}
