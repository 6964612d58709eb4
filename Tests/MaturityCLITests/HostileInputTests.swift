import Foundation
import Logging
import MaturityStore
import Testing

/// Hostile input, round 2 (issue 23): one regression test per defect an adversarial probe found, run
/// through the command line in a scratch folder holding the small example files of docs/errors.md.
@Suite struct HostileInputTests {
    /// A scratch folder with the example files of docs/errors.md (catalog, assessment, evidence, plan,
    /// tickets); removed when the test ends.
    final class Scratch: Sendable {
        let path: String

        init() throws {
            path = NSTemporaryDirectory() + "maturity-hostile-\(UUID().uuidString)"
            for (name, content) in ErrorsDoc.baseFiles { try write(name, content) }
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func file(_ name: String) -> String { path + "/" + name }

        func write(_ name: String, _ content: String) throws {
            try FileManager.default.createDirectory(
                atPath: (file(name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: file(name)))
        }

        func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

        func run(_ arguments: [String]) -> CLIRun { CLI.run(arguments, in: path) }

        /// `assessment.yaml` with its top-level keys replaced by those of `fragment`.
        func assessment(_ fragment: String, as name: String = "assessment.yaml") throws {
            try write(name, ErrorsDoc.merge(ErrorsDoc.baseFiles["assessment.yaml"]!, fragment))
        }

        func catalog(_ fragment: String, as name: String = "catalog.yaml") throws {
            try write(name, ErrorsDoc.merge(ErrorsDoc.baseFiles["catalog.yaml"]!, fragment))
        }

        func mode(_ name: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: file(name))[.posixPermissions] as? Int) ?? -1
        }

    }

    static let auditKeys = "kind: audit\nauditor: Wang Hai\n"

    // MARK: 1. A signed audit seals exactly the catalog files read, and domains stay in the catalog folder

    /// A catalog folder whose domain lives in a sub-folder, and an audit signed against it.
    static func signedAuditWithDomainInSubfolder() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write(
            "cat/catalog.yaml",
            """
            schema: 1
            id: tiny
            version: "1"
            title: Tiny catalog
            levels:
              - {level: 0, name: None}
              - {level: 1, name: Stated, evidence: [statement]}
              - {level: 2, name: Documented, evidence: [document]}
            ratings:
              - {id: pass, name: Pass, overall_min: 60, key_level_min: 1}
            domains:
              - domains/process.yaml

            """)
        try scratch.write(
            "cat/domains/process.yaml",
            """
            id: process
            name: Service process
            weight: 1
            criteria:
              - {id: P-01, name: Response, weight: 2, key: true, levels: {1: a promise, 2: a procedure}, sources: [c]}
              - {id: P-02, name: Records, weight: 1, levels: {1: some, 2: all}, sources: [c]}

            """)
        try scratch.assessment(auditKeys)
        let signed = scratch.run([
            "assess", "assessment.yaml", "--catalog", "cat", "--format", "json", "--output", "r.json",
        ])
        #expect(signed.status == 0, "\(signed.stderr)")
        return scratch
    }

    @Test func aChangedDomainFileInASubFolderFailsVerification() throws {
        let scratch = try Self.signedAuditWithDomainInSubfolder()
        #expect(try scratch.read("r.json").contains("\"path\": \"domains/process.yaml\""))
        #expect(scratch.run(["verify", "r.json"]).status == 0)
        let domain = try scratch.read("cat/domains/process.yaml")
        try scratch.write("cat/domains/process.yaml", domain.replacingOccurrences(of: "weight: 2", with: "weight: 9"))
        let run = scratch.run(["verify", "r.json"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: catalog file 'domains/process.yaml' changed since sign-off"))
        #expect(run.stdout.contains("NOT verified"))
    }

    @Test func aDomainFileAddedAfterSignOffFailsVerification() throws {
        let scratch = try Scratch()
        // Without `domains:`, a catalog folder reads every YAML file beside catalog.yaml.
        try scratch.write(
            "cat/catalog.yaml", ErrorsDoc.baseFiles["catalog.yaml"]!.components(separatedBy: "domains:\n")[0])
        try scratch.write(
            "cat/process.yaml",
            "id: process\nname: Service process\nweight: 1\ncriteria:\n"
                + "  - {id: P-01, name: Response, weight: 2, key: true, levels: {1: a, 2: b}, sources: [c]}\n"
                + "  - {id: P-02, name: Records, weight: 1, levels: {1: a, 2: b}, sources: [c]}\n")
        try scratch.assessment(Self.auditKeys)
        let signed = scratch.run([
            "assess", "assessment.yaml", "--catalog", "cat", "--format", "json", "--output", "r.json",
        ])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(scratch.run(["verify", "r.json"]).status == 0)
        try scratch.write(
            "cat/extra.yaml",
            "id: extra\nname: Extra\nweight: 50\ncriteria:\n  - {id: X-01, name: X, weight: 1, levels: {1: a, 2: b}, sources: [c]}\n"
        )
        let run = scratch.run(["verify", "r.json"])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "r.json:1:1: error: catalog file 'extra.yaml' is read by the catalog now but was not signed"))
    }

    @Test func aDomainFileOutsideTheCatalogFolderIsRefusedWithoutQuotingIt() throws {
        let scratch = try Scratch()
        try scratch.write("secret.yaml", "root:x:0:0:TOP-SECRET:/root:/bin/bash\n")
        let head = ErrorsDoc.baseFiles["catalog.yaml"]!.components(separatedBy: "domains:\n")[0]
        try scratch.write("cat/catalog.yaml", head + "domains:\n  - ../secret.yaml\n  - /etc/passwd\n  - link.yaml\n")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.file("cat/link.yaml"), withDestinationPath: "../secret.yaml")
        let run = scratch.run(["catalog", "lint", "cat"])
        #expect(run.status == 1)
        #expect(!run.stderr.contains("TOP-SECRET") && !run.stderr.contains("root:x"))
        #expect(
            run.stderr.contains(
                "cat/catalog.yaml:13:5: error: domain file '../secret.yaml' resolves outside the catalog folder"))
        #expect(
            run.stderr.contains(
                "cat/catalog.yaml:14:5: error: domain file '/etc/passwd' resolves outside the catalog folder"))
        #expect(
            run.stderr.contains(
                "cat/catalog.yaml:15:5: error: domain file 'link.yaml' resolves outside the catalog folder"))
    }

    // MARK: 2. A one-character --output

    @Test(arguments: [
        ["assess", "assessment.yaml", "--catalog", "catalog.yaml"], ["kpi", "tickets.csv"],
        ["catalog", "show", "catalog.yaml"], ["plan", "plan.yaml", "--format", "md"],
    ])
    func aShortOutputPathIsWrittenOrRefusedWithoutACrash(command: [String]) throws {
        let scratch = try Scratch()
        let written = scratch.run(command + ["--output", "r"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(!(try scratch.read("r")).isEmpty)
        let dot = scratch.run(command + ["--output", "."])
        #expect(dot.status == 1)
        #expect(dot.stderr == ".: error: cannot write '.': it names a folder, not a file\n")
        let slash = scratch.run(command + ["--output", "b/"])
        #expect(slash.status == 1)
        #expect(slash.stderr == "b/: error: cannot write 'b/': it names a folder, not a file\n")
    }

    @Test func anAssessmentWithAOneCharacterNameReadsItsTicketExport() throws {
        let scratch = try Scratch()
        try scratch.assessment("tickets: {file: tickets.csv}\n", as: "a")
        let run = scratch.run(["assess", "a", "--catalog", "catalog.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    // MARK: 3. Aliases inside keys

    /// Nine anchors, each a list of nine aliases to the one before, then `key` using the last.
    static func aliasBomb(depth: Int, key: String) -> String {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...depth {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n" + key + "\n"
    }

    @Test(arguments: [
        ("[*a4]: x", 6, 1), ("{k: *a4}: x", 6, 1), ("[[y, *a4]]: x", 6, 1), ("? [*a4]\n: x", 6, 1),
        ("? - *a4\n: x", 6, 1), ("b: {[*a4]: x}", 6, 5),
    ])
    func anAliasInsideAKeyIsRefusedBeforeItIsExpanded(key: String, line: Int, column: Int) throws {
        let scratch = try Scratch()
        try scratch.write("bomb.yaml", Self.aliasBomb(depth: 4, key: key))
        let run = scratch.run(["catalog", "lint", "bomb.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("bomb.yaml:\(line):\(column): error: an alias (*name) is used as a mapping key"))
    }

    // MARK: 4. The output is an input

    @Test func anOutputThatIsAnInputIsRefused() throws {
        let scratch = try Scratch()
        let plan = try scratch.read("plan.yaml")
        let toPlan = scratch.run(["plan", "plan.yaml", "--format", "csv", "--output", "plan.yaml"])
        #expect(toPlan.status == 1)
        #expect(
            toPlan.stderr.hasPrefix(
                "plan.yaml: error: cannot write 'plan.yaml': it is the same file as the input 'plan.yaml'"))
        #expect(try scratch.read("plan.yaml") == plan)

        let assessment = try scratch.read("assessment.yaml")
        for (output, input) in [
            ("assessment.yaml", "assessment.yaml"), ("./catalog.yaml", "catalog.yaml"),
            ("docs/response.md", "docs/response.md"),
        ] {
            let run = scratch.run(["assess", "assessment.yaml", "--catalog", "catalog.yaml", "--output", output])
            #expect(run.status == 1)
            #expect(
                run.stderr.contains("error: cannot write '\(output)': it is the same file as the input"),
                "\(run.stderr)")
            #expect(run.stderr.contains(input))
        }
        #expect(try scratch.read("assessment.yaml") == assessment)

        // Through a symbolic link and a hard link: the same file all the same.
        try FileManager.default.createSymbolicLink(atPath: scratch.file("link.csv"), withDestinationPath: "tickets.csv")
        try FileManager.default.linkItem(atPath: scratch.file("tickets.csv"), toPath: scratch.file("hard.csv"))
        let tickets = try scratch.read("tickets.csv")
        for output in ["tickets.csv", "link.csv", "hard.csv"] {
            let run = scratch.run(["kpi", "tickets.csv", "--output", output])
            #expect(run.status == 1)
            #expect(run.stderr.contains("cannot write '\(output)': it is the same file as the input 'tickets.csv'"))
        }
        #expect(try scratch.read("tickets.csv") == tickets)
    }

    @Test func aWorkbookOutputThatIsAnInputIsRefused() throws {
        let scratch = try Scratch()
        let assessment = try scratch.read("assessment.yaml")
        for (command, output) in [
            (["assess", "assessment.yaml", "--catalog", "catalog.yaml"], "assessment.yaml"),
            (["catalog", "show", "catalog.yaml"], "catalog.yaml"), (["plan", "plan.yaml"], "plan.yaml"),
        ] {
            let run = scratch.run(command + ["--format", "xlsx", "--output", output])
            #expect(run.status == 1)
            #expect(
                run.stderr.hasPrefix("\(output): error: cannot write '\(output)': it is the same file as the input"),
                "\(run.stderr)")
        }
        #expect(try scratch.read("assessment.yaml") == assessment)
    }

    /// `maturity serve backup` writes through the one safe writer too: never over the database it copies.
    @Test func aBackupIsNeverWrittenOverTheDatabaseItCopies() async throws {
        let scratch = try Scratch()
        let store = try await Store.open(
            StoreConfiguration(dataDirectory: scratch.file("data")), logger: Logger(label: "maturity.tests"))
        try await store.close()
        let databaseURL = URL(fileURLWithPath: scratch.file("data/maturity.sqlite"))
        let database = try Data(contentsOf: databaseURL)
        // The backup blocks its thread while it runs: run it on a thread of its own, not the test's.
        func backup(_ output: String) async -> CLIRun {
            await withCheckedContinuation { done in
                Thread {
                    done.resume(returning: scratch.run(["serve", "backup", "--data", "data", "--output", output]))
                }
                .start()
            }
        }
        let over = await backup("data/maturity.sqlite")
        #expect(over.status == 1)
        #expect(
            over.stderr.hasPrefix(
                "data/maturity.sqlite: error: cannot write 'data/maturity.sqlite': it is the same file as the input"),
            "\(over.stderr)")
        #expect(try Data(contentsOf: databaseURL) == database)

        // A link to the shared copy is written through, not replaced.
        try scratch.write("shared/backup.zip", "old")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.file("latest.zip"), withDestinationPath: "shared/backup.zip")
        let through = await backup("latest.zip")
        #expect(through.status == 0, "\(through.stderr)")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: scratch.file("latest.zip"))
        #expect(link == "shared/backup.zip")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: scratch.file("shared/backup.zip"))).starts(with: [0x50, 0x4B]))
    }

    // MARK: 5. Symbolic links and special files as the output

    @Test func aPlanThatIsASymbolicLinkIsUpdatedThroughIt() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("shared"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: scratch.file("plan.yaml"), toPath: scratch.file("shared/plan.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: scratch.file("plan.yaml"), withDestinationPath: "shared/plan.yaml")
        try scratch.assessment("date: 2026-11-15\n")
        let run = scratch.run(["plan", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "plan.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: scratch.file("plan.yaml"))
        #expect(link == "shared/plan.yaml")
        #expect(try scratch.read("shared/plan.yaml").contains("date: 2026-11-15"))
        // No temporary file was left in either folder.
        for folder in [scratch.path, scratch.file("shared")] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            #expect(!names.contains { $0.contains(".tmp-") })
        }
    }

    @Test func aPipeAsTheOutputIsWrittenToNotReplaced() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.file("out.fifo"), 0o644) == 0)
        let reader = open(scratch.file("out.fifo"), O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let run = scratch.run(["kpi", "tickets.csv", "--format", "json", "--output", "out.fifo"])
        #expect(run.status == 0, "\(run.stderr)")
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let n = read(reader, &buffer, buffer.count)
        #expect(n > 0)
        #expect(String(decoding: buffer.prefix(max(0, n)), as: UTF8.self).contains("\"tickets\": 2"))
        var status = stat()
        #expect(lstat(scratch.file("out.fifo"), &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }

    // MARK: 6. File modes

    @Test func aRewrittenFileKeepsItsModeAndAReadOnlyOneIsRefused() throws {
        let scratch = try Scratch()
        chmod(scratch.file("plan.yaml"), 0o640)
        let run = scratch.run(["plan", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "plan.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try scratch.mode("plan.yaml") == 0o640)

        chmod(scratch.file("plan.yaml"), 0o400)
        let before = try scratch.read("plan.yaml")
        try scratch.assessment("date: 2026-11-15\n")
        let refused = scratch.run(["plan", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "plan.yaml"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("plan.yaml: error: cannot write 'plan.yaml': it is read-only"))
        #expect(try scratch.read("plan.yaml") == before)
        #expect(try scratch.mode("plan.yaml") == 0o400)
    }

    // MARK: 7. Numbers that pass lint but break reports

    @Test(arguments: [
        (
            "domains:\n  - id: process\n    name: P\n    weight: 1\n    criteria:\n      - {id: P-01, name: R, weight: 1e308, levels: {1: a, 2: b}, sources: [c]}\n",
            "catalog.yaml:17:37: error: weight of criterion 'P-01' must be at most 1000000, found 1e+308"
        ),
        (
            "deadlines: {major: 9223372036854775807}\n",
            "catalog.yaml:19:20: error: deadline for major must be at most 3650 days, found 9223372036854775807"
        ),
        (
            "deadlines: {major: 999999999999}\n",
            "catalog.yaml:19:20: error: deadline for major must be at most 3650 days"
        ),
        ("evidence_max_age_days: 99999999\n", "catalog.yaml:19:24: error: evidence_max_age_days must be at most 3650"),
        ("lead_days: {2: 99999}\n", "error: lead_days of level 2 must be at most 3650 days, found 99999"),
        (
            "evidence_kinds:\n  - {id: record, name: Record, max_age_days: 9223372036854775807}\n",
            "error: max_age_days of evidence kind 'record' must be at most 3650, found 9223372036854775807"
        ),
    ])
    func outOfRangeCatalogNumbersAreLocatedErrors(fragment: String, message: String) throws {
        let scratch = try Scratch()
        try scratch.catalog(fragment)
        let run = scratch.run(["catalog", "lint", "catalog.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test(arguments: [
        (
            "domains:\n  - id: service\n    name: Service\n    criteria:\n"
                + "      - {id: R-01, name: Rules, points: 1e308, check: all, requirement: R, sources: [c]}\n",
            "error: points of 'R-01' must be at most 1000000, found 1e+308"
        ),
        (
            "ratings:\n  - {id: compliant, name: Compliant, overall_min: 70}\n"
                + "  - {id: star, name: Star, overall_min: 90, held_days_min: 99999999}\n",
            "error: held_days_min of rating 'star' must be at most 3650, found 99999999"
        ),
        (
            "domains:\n  - id: service\n    name: Service\n    criteria:\n"
                + "      - {id: R-01, name: Rules, points: 60, check: all, requirement: R, sources: [c],"
                + " metric: {kpi: satisfaction_rate, better: higher, threshold: 150}}\n",
            "error: threshold of 'R-01' for KPI 'satisfaction_rate' must be from 0 to 100 (%), found 150"
        ),
    ])
    func outOfRangePointsCatalogNumbersAreLocatedErrors(fragment: String, message: String) throws {
        let scratch = try Scratch()
        try scratch.write("points.yaml", ErrorsDoc.merge(ErrorsDoc.baseFiles["points.yaml"]!, fragment))
        let run = scratch.run(["catalog", "lint", "points.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func aHugeWithinIsAUsageError() throws {
        let scratch = try Scratch()
        let run = scratch.run(["plan", "--due", "plan.yaml", "--within", "9223372036854775807"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --within must be 0 to 3650 days"))
    }

    // MARK: 8. Did-you-mean stays cheap

    @Test func didYouMeanIsOfferedForTheFirstTwentyUnknownIdsOnly() throws {
        let scratch = try Scratch()
        var criteria = "criteria:\n"
        for i in 0..<30 { criteria += "  P-0\(i): {claimed: 1}\n" }
        try scratch.assessment(criteria)
        let run = scratch.run(["assess", "assessment.yaml", "--catalog", "catalog.yaml"])
        #expect(run.status == 1)
        let errors = run.stderr.components(separatedBy: "\n").filter { $0.contains("error: unknown criterion") }
        #expect(errors.count == 28)
        let suggestions = run.stderr.components(separatedBy: "\n").filter { $0.contains("hint: did you mean") }
        #expect(suggestions.count == 20, "\(run.stderr)")
    }

    @Test func didYouMeanInAPointsCatalogsProfilesIsBoundedToo() throws {
        let scratch = try Scratch()
        let unknown = (0..<30).map { "R-0\($0)" }.joined(separator: ", ")
        try scratch.write(
            "points.yaml",
            ErrorsDoc.merge(
                ErrorsDoc.baseFiles["points.yaml"]!,
                "profiles:\n  - {id: maker, name: Manufacturer, excludes: [\(unknown)]}\n"))
        let run = scratch.run(["catalog", "lint", "points.yaml"])
        #expect(run.status == 1)
        let lines = run.stderr.components(separatedBy: "\n")
        #expect(lines.filter { $0.contains("excludes unknown criterion") }.count == 28)
        #expect(lines.filter { $0.contains("hint: did you mean") }.count == 20, "\(run.stderr)")
    }

    // MARK: 9. Large inputs

    @Test func aYAMLInputOverTheLimitIsRefusedBeforeItIsParsed() throws {
        let scratch = try Scratch()
        let line = "# " + String(repeating: "x", count: 1021) + "\n"
        try scratch.write("big.yaml", String(repeating: line, count: 12 * 1024 + 1))
        let run = scratch.run(["catalog", "lint", "big.yaml"])
        #expect(run.status == 1)
        #expect(
            run.stderr.hasPrefix(
                "big.yaml:1:1: error: file is 12583936 bytes, more than the 12 MB a YAML input may have"))
    }

    @Test func aResultWithMoreValuesThanAnyResultHasIsRefusedWhileParsed() throws {
        let scratch = try Scratch()
        try scratch.write("r.json", "[" + String(repeating: "0,", count: 3_000_000) + "0]\n")
        let run = scratch.run(["verify", "r.json"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("r.json:1:6000000: error: the file holds more than 3000000 values"))
    }

    // MARK: 10. Plans of valid inputs can always be written

    @Test func anOrganisationNameWithLineSeparatorsAndC1ControlsMakesAPlan() throws {
        let scratch = try Scratch()
        try scratch.assessment("organisation: \"A\\u2028B\\u0085C\\u009BD\"\n")
        try FileManager.default.removeItem(atPath: scratch.file("plan.yaml"))
        #expect(scratch.run(["assess", "assessment.yaml", "--catalog", "catalog.yaml"]).status == 0)
        let run = scratch.run(["plan", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "plan.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        let again = scratch.run(["plan", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "plan.yaml"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try scratch.read("plan.yaml").contains("organisation: \"A\\u2028B\\u0085C\\u009BD\""))
    }

    @Test func aDateThatLeavesNoRoomForDeadlinesIsALocatedError() throws {
        let scratch = try Scratch()
        try scratch.assessment("date: 9999-12-31\n")
        let run = scratch.run(["plan", "assessment.yaml", "--catalog", "catalog.yaml", "--format", "ics"])
        #expect(run.status == 1)
        #expect(
            run.stderr.hasPrefix(
                "assessment.yaml:4:7: error: date must be from 1900-01-01 to 2999-12-31, found '9999-12-31'"))
        #expect(!run.stdout.contains("DUE"))
    }

    // MARK: 11. CRLF plans

    @Test func aPlanSavedWithCRLFIsUpdatedAndKeepsCRLF() throws {
        let scratch = try Scratch()
        let plan = try scratch.read("plan.yaml").replacingOccurrences(of: "\n", with: "\r\n")
        try scratch.write("plan.yaml", plan)
        // P-02@2 is no longer produced once P-02 is at level 2: its status changes in place.
        try scratch.assessment(
            "criteria:\n  P-01: {claimed: 1, evidence: [E1]}\n  P-02: {claimed: 2, evidence: [E1, E2]}\n")
        let run = scratch.run(["plan", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "plan.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        let updated = try scratch.read("plan.yaml")
        #expect(updated.contains("    status: superseded\r\n"))
        #expect(updated.contains("- id: P-01@2\r\n"))
        #expect(!updated.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    // MARK: 12. Keys spelled differently that mean the same

    @Test func aLevelGivenTwiceUnderTwoSpellingsIsAnError() throws {
        let scratch = try Scratch()
        try scratch.catalog(
            "domains:\n  - id: process\n    name: P\n    weight: 1\n    criteria:\n"
                + "      - {id: P-01, name: R, weight: 1, levels: {01: a, 1: b, 2: c}, sources: [c]}\n")
        let run = scratch.run(["catalog", "lint", "catalog.yaml"])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("catalog.yaml:17:56: error: levels of 'P-01': level 1 is given twice ('01' and '1')"))
    }

    // MARK: 13. KPI values against their unit

    @Test func aRateOutsideZeroToHundredIsRefused() throws {
        let scratch = try Scratch()
        try scratch.assessment("metrics: {satisfaction_rate: 150, first_response_minutes_p90: -5}\n")
        let run = scratch.run(["assess", "assessment.yaml", "--catalog", "catalog.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: value of 'satisfaction_rate' must be from 0 to 100 (%), found 150"))
        #expect(
            run.stderr.contains(
                "error: value of 'first_response_minutes_p90' must be from 0 to 1000000000000 (min), found -5"))
    }

    // MARK: 14. Special files as inputs

    @Test func aPipeNamedAsTheTicketExportIsRefusedNotWaitedOn() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.file("fifo.csv"), 0o644) == 0)
        try scratch.assessment("tickets: {file: fifo.csv}\n")
        let run = scratch.run(["assess", "assessment.yaml", "--catalog", "catalog.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: ticket export 'fifo.csv' is not a regular file"))
    }

    @Test func aWorkbookIsReadByItsKindADeviceUpToTheLimit() throws {
        let scratch = try Scratch()
        let zero = scratch.run(["import", "/dev/zero", "--output", "org"])
        #expect(zero.status == 1)
        #expect(zero.stderr.hasPrefix("/dev/zero: error: '/dev/zero' is more than the 32 MB a workbook may have"))
        let folder = scratch.run(["import", "docs", "--output", "org"])
        #expect(folder.stderr == "docs: error: 'docs' is a folder, not an xlsx file\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("org")))
    }

    @Test func anEndlessDeviceAsAYAMLInputStopsAtTheLimit() throws {
        let run = CLI.run(["catalog", "lint", "/dev/zero"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("/dev/zero:1:1: error: file is more than the 12 MB a YAML input may have"))
    }

    // MARK: 15. Diagnostics print no terminal escapes and forge no lines

    @Test func fileNamesAndValuesInDiagnosticsAreSanitised() throws {
        let scratch = try Scratch()
        let name = "x\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{202E}\nFAKE.csv:1:1: error: forged.md"
        try scratch.assessment(
            "evidence:\n  - {id: E1, kind: statement, title: t, date: 2026-01-10, file: \"\(name.unicodeScalars.map { $0.value < 0x20 || $0.value > 0x7E ? String(format: "\\u%04X", $0.value) : String($0) }.joined())\"}\n"
        )
        let run = scratch.run(["assess", "assessment.yaml", "--catalog", "catalog.yaml"])
        #expect(run.status == 1)
        #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
        #expect(!run.stderr.components(separatedBy: "\n").contains { $0.hasPrefix("FAKE.csv") })
        // The file name given on the command line, too.
        let missing = scratch.run(["assess", "a\u{1B}[2J\nFAKE.yaml:1:1: error: forged"])
        #expect(!missing.stderr.contains("\u{1B}"))
        #expect(!missing.stderr.components(separatedBy: "\n").contains { $0.hasPrefix("FAKE.yaml") })
    }

    // MARK: 16. Concurrent plan writers

    @Test func concurrentPlanWritersKeepEveryUpdate() throws {
        for round in 0..<5 {
            let scratch = try Scratch()
            try FileManager.default.removeItem(atPath: scratch.file("plan.yaml"))
            // Two assessments of the same organisation, each producing an action the other does not.
            try scratch.assessment(
                "findings:\n  - {id: NC-A, criterion: P-01, grade: minor, text: a}\n", as: "a.yaml")
            try scratch.assessment(
                "findings:\n  - {id: NC-B, criterion: P-02, grade: minor, text: b}\n", as: "b.yaml")
            let runs = ParallelRuns(count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                runs.set(
                    index,
                    scratch.run([
                        "plan", index == 0 ? "a.yaml" : "b.yaml", "--catalog", "catalog.yaml", "--output", "plan.yaml",
                    ]))
            }
            #expect(runs.all.allSatisfy { $0.status == 0 }, "round \(round): \(runs.all.map(\.stderr))")
            let plan = try scratch.read("plan.yaml")
            #expect(plan.contains("- id: NC-A") && plan.contains("- id: NC-B"), "round \(round): an update was lost")
        }
    }

    final class ParallelRuns: @unchecked Sendable {
        private var runs: [CLIRun?]
        private let lock = NSLock()
        init(count: Int) { runs = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ run: CLIRun) {
            lock.lock()
            runs[index] = run
            lock.unlock()
        }
        var all: [CLIRun] {
            lock.lock()
            defer { lock.unlock() }
            return runs.compactMap { $0 }
        }
    }

    // MARK: 17. init writes only inside its folder

    @Test func initDoesNotWriteThroughASymbolicLinkLeadingOutOfItsFolder() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch.file("audit"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.file("audit/docs"), withDestinationPath: "../elsewhere")
        let run = scratch.run([
            "init", "--kind", "audit", "--from", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "audit",
        ])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("error: cannot write 'audit/docs/response.md': it leads outside the folder 'audit'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("elsewhere")).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("audit/assessment.yaml")))
    }

    // MARK: Also: file problems name the file; actions added by hand stay as written

    @Test func problemsWithAFileItselfAreLocatedAtTheFile() throws {
        let scratch = try Scratch()
        let folder = scratch.run(["review", "assessment.yaml", "--catalog", "catalog.yaml", "--previous", "docs"])
        #expect(folder.stderr.hasPrefix("docs: error: 'docs' is a folder, not a JSON file"))
        let write = scratch.run(["assess", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "no/such/r.txt"])
        #expect(
            write.stderr.hasPrefix(
                "no/such/r.txt: error: cannot write 'no/such/r.txt': folder 'no/such' does not exist"))
    }

    @Test func anActionAddedByHandIsNeverSuperseded() throws {
        let scratch = try Scratch()
        let own =
            "  - id: TRAIN-1\n    what: Train the call centre\n    owner: Li\n    due: 2027-01-31\n    status: open\n"
        try scratch.write("plan.yaml", try scratch.read("plan.yaml") + own)
        let run = scratch.run(["plan", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "plan.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 added by hand"))
        #expect(try scratch.read("plan.yaml").contains(own))
    }
}
