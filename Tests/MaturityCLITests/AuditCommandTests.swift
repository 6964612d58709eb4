import Foundation
import MaturityCore
import Testing

/// The auditor's workflow end to end: worksheet from a self-assessment, the filled audit's report, the
/// signed result and `verify`.
@Suite struct AuditCommandTests {
    static let selfAssessment = "Examples/huadong-appliance/assessment.yaml"
    static let example = "Examples/huadong-appliance-audit"

    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "maturity-audit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theWorksheetCarriesTheSelfAssessmentAndCopiesItsEvidence() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run([
            "init", "--kind", "audit", "--from", Self.selfAssessment, "--auditor", "王海", "--date", "2026-11-20",
            "--output", folder, "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("45 criteria to audit, 48 evidence files copied"))
        let worksheet = try Self.read(folder + "/assessment.yaml")
        #expect(worksheet.contains("kind: audit"))
        #expect(worksheet.contains("auditor: \"王海\""))
        #expect(
            worksheet.contains(
                "  SP-06:\n    claimed: 4\n    audited:\n    evidence: [E01, E02, E07, E12, E13, E17, E18]"))
        #expect(worksheet.contains("self-assessment: claimed 4, evidence supports 3, KPI 4, scored 3"))
        #expect(worksheet.contains("- id: NC-03"))
        // The register as the self-assessment kept it: a superseded item still names its successor, and a
        // contract its end, so the audit scores their validity as the self-assessment did.
        #expect(worksheet.contains("file: \"evidence/procedures/monitoring-plan-2026.md\", superseded_by: E47}"))
        #expect(
            worksheet.contains(
                "date: 2026-10-08, file: \"evidence/records/outsourced-sites-2026.md\", valid_until: 2026-12-31}"))
        #expect(FileManager.default.fileExists(atPath: folder + "/evidence/records/complaint-log-2026.md"))
        // As written, the worksheet is a valid audit whose levels are the claims.
        let report = CLI.run(["assess", folder + "/assessment.yaml", "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let result = try Self.json(report.stdout)
        #expect(result["kind"] as? String == "audit")
        #expect(result["overall"] as? Double == 79.6)
        let calibration = try #require((result["audit"] as? [String: Any])?["calibration"] as? [String: Any])
        #expect(calibration["audited"] as? Int == 0)
        #expect(result["signoff"] != nil)
    }

    @Test func aFilledWorksheetReportsSelfAgainstAuditor() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = CLI.run([
            "init", "--kind", "audit", "--from", Self.selfAssessment, "--auditor", "Wang Hai", "--date", "2026-11-20",
            "--output", folder,
        ])
        #expect(made.status == 0, "\(made.stderr)")
        var worksheet = try Self.read(folder + "/assessment.yaml")
        worksheet = worksheet.replacingOccurrences(
            of: "  SP-04:\n    claimed: 5\n    audited:", with: "  SP-04:\n    claimed: 5\n    audited: 3")
        worksheet = worksheet.replacingOccurrences(
            of: "  CS-05:\n    claimed: 3\n    audited:", with: "  CS-05:\n    claimed: 3\n    audited: 3")
        worksheet +=
            "  - {id: NC-A1, criterion: SP-04, grade: major, text: \"late jobs without a reason\", status: open}\n"
        try worksheet.write(toFile: folder + "/assessment.yaml", atomically: true, encoding: .utf8)

        let text = CLI.run(["assess", folder + "/assessment.yaml", "--lang", "en"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Self-assessment vs audit"))
        // The auditor's major finding counts on both sides; the levels differ.
        #expect(
            text.stdout.contains("On its own levels the organisation rates Fail (79.60); the audit rates Fail (78.69)"))
        #expect(
            text.stdout.contains("2 of 44 criteria compared: 1 over-claimed (50 %), 0 under-claimed (0 %), 1 agreed"))
        #expect(text.stdout.contains("SP-04  Completion time                 5    3   5 → 3  over-claimed"))
        #expect(
            text.stdout.contains(
                "Major nonconformity: 1 open, 0 closed — corrective action within 30 days (by 2026-12-20)"))
        #expect(text.stdout.contains("Signed by Wang Hai on 2026-11-20 · SHA-256 "))

        let json = try Self.json(CLI.run(["assess", folder + "/assessment.yaml", "--format", "json"]).stdout)
        #expect(json["rating"] as? String == "fail")
        let audit = try #require(json["audit"] as? [String: Any])
        #expect((audit["self"] as? [String: Any])?["overall"] as? Double == 79.6)
        let calibration = try #require(audit["calibration"] as? [String: Any])
        #expect(calibration["mean_difference"] as? Double == 1)
        // The open finding becomes a P1 plan action due in 30 days.
        let actions = try #require(json["actions"] as? [[String: Any]])
        let action = try #require(actions.first { $0["id"] as? String == "NC-A1" })
        #expect(action["priority"] as? String == "P1")
        #expect(action["due"] as? String == "2026-12-20")
    }

    @Test func theChecklistListsEveryCriterionToPrint() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run([
            "init", "--kind", "audit", "--from", Self.selfAssessment, "--format", "md", "--date", "2026-11-20",
            "--output", folder, "--lang", "zh",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let checklist = try Self.read(folder + "/checklist.md")
        #expect(checklist.hasPrefix("# 现场审核检查表 — 华东家电服务有限公司（上海）"))
        #expect(checklist.contains("| ☐ | SP-06 | ★ 服务记录完整可追溯 | 4 | 3 | E01, E02, E07, E12, E13, E17, E18 | | |"))
        let rows = checklist.split(separator: "\n").filter { $0.hasPrefix("| ☐ | ") && !$0.contains("编号") }
        #expect(rows.count == 44)  // CS-08 does not apply: no row to check
        #expect(checklist.contains("major 严重不符合 30 天"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/assessment.yaml"))
    }

    @Test func initNeverOverwrites() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["init", "--kind", "audit", "--from", Self.selfAssessment, "--output", folder]
        #expect(CLI.run(arguments).status == 0)
        let again = CLI.run(arguments)
        #expect(again.status == 1)
        #expect(again.stderr.contains("assessment.yaml' already exists; it was not overwritten"))

        let other = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: other) }
        try FileManager.default.createDirectory(atPath: other + "/evidence/records", withIntermediateDirectories: true)
        try "mine".write(toFile: other + "/evidence/records/complaint-log-2026.md", atomically: true, encoding: .utf8)
        let clash = CLI.run(["init", "--kind", "audit", "--from", Self.selfAssessment, "--output", other])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("evidence/records/complaint-log-2026.md' already exists with other content"))
        #expect(try Self.read(other + "/evidence/records/complaint-log-2026.md") == "mine")
        #expect(!FileManager.default.fileExists(atPath: other + "/assessment.yaml"))
    }

    @Test(arguments: [
        (["init", "--kind", "audit", "--output", "x"], "--kind audit needs --from"),
        (["init", "--organisation", "X", "--from", "a.yaml", "--output", "x"], "--from goes with --kind audit"),
        (["init", "--organisation", "X", "--format", "md", "--output", "x"], "--format md writes the audit checklist"),
        (["init", "--kind", "review", "--organisation", "X", "--output", "x"], "--kind 'review' is not supported"),
        (["verify", "r.json", "--digest", "abc"], "--digest must be 64 hexadecimal digits"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) {
        let run = CLI.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message))
    }

    @Test func anAuditWithoutAnAuditorIsNotSigned() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(CLI.run(["init", "--kind", "audit", "--from", Self.selfAssessment, "--output", folder]).status == 0)
        let run = CLI.run(["assess", folder + "/assessment.yaml", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: an audit without an auditor's name is not signed"))
        #expect(try Self.json(run.stdout)["signoff"] == nil)
    }

    // MARK: The shipped example and verify

    @Test func theCommittedExampleResultIsWhatAssessWrites() throws {
        let run = CLI.run(
            ["assess", "assessment.yaml", "--format", "json"], in: CLI.projectRoot + "/" + Self.example)
        #expect(run.status == 0, "\(run.stderr)")
        let committed = try Self.read(CLI.projectRoot + "/" + Self.example + "/result.json")
        #expect(
            run.stdout == committed,
            "re-run: cd \(Self.example) && maturity assess assessment.yaml --format json --output result.json")
    }

    /// A certification body does not consult: the audit's report leaves out the improvement path unless
    /// asked for, and says so.
    @Test func theAuditReportShowsThePathOnlyWhenAskedFor() throws {
        let plain = CLI.run(["assess", Self.example + "/assessment.yaml", "--lang", "en"])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("  ✗ key criterion SP-06 'Traceable service records' is at level 2 < 3\n"))
        #expect(
            plain.stdout.contains("a certification body does not consult (ISO/IEC 17021-1 5.2). --path shows them."))
        #expect(!plain.stdout.contains("Improvement path to"))
        let asked = CLI.run(["assess", Self.example + "/assessment.yaml", "--lang", "en", "--path"])
        #expect(asked.status == 0)
        #expect(asked.stdout.contains("Improvement path to Pass\n"))
        #expect(asked.stdout.contains("        @3  P1  corrective  due 2026-12-20\n"))
        let json = try Self.json(
            CLI.run(["assess", Self.example + "/assessment.yaml", "--format", "json", "--path"]).stdout)
        #expect(json["path_withheld"] as? Bool == false)
        #expect((json["path"] as? [Any])?.count == 1)
    }

    @Test func theExampleVerifies() {
        let run = CLI.run(["verify", Self.example + "/result.json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Verified: the result and its 58 files are unchanged since sign-off."))
        #expect(run.stderr.isEmpty)
    }

    /// A signed copy of the example and of the catalog in a scratch folder, to tamper with.
    static func signedCopy() throws -> (folder: String, result: String) {
        let folder = try temporaryFolder()
        let fm = FileManager.default
        try fm.copyItem(atPath: CLI.projectRoot + "/" + example, toPath: folder + "/audit")
        try fm.copyItem(atPath: CLI.projectRoot + "/Criteria", toPath: folder + "/Criteria")
        try fm.removeItem(atPath: folder + "/audit/result.json")
        let run = CLI.run(
            ["assess", "audit/assessment.yaml", "--format", "json", "--output", "audit/result.json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, folder + "/audit/result.json")
    }

    @Test func verifyPassesOnAnUntouchedResult() throws {
        let (folder, result) = try Self.signedCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run(["verify", result])
        #expect(run.status == 0, "\(run.stderr)")
        // Found again from another folder: the locators are relative to the result.
        #expect(CLI.run(["verify", "result.json"], in: folder + "/audit").status == 0)
    }

    @Test func anEditedScoreIsNamed() throws {
        let (folder, result) = try Self.signedCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = try Self.read(result)
        let range = try #require(text.range(of: "\"overall\": 77.73"))
        text.replaceSubrange(range, with: "\"overall\": 90.5")
        try text.write(toFile: result, atomically: true, encoding: .utf8)
        let run = CLI.run(["verify", result])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "error: the result was edited after sign-off: overall is 90.5 in the result, 77.73 from its inputs"))
        #expect(run.stdout.contains("NOT verified"))
    }

    @Test func aChangedEvidenceFileIsNamed() throws {
        let (folder, result) = try Self.signedCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let evidence = folder + "/audit/audit/work-order-sample-2026-11-20.md"
        try (try Self.read(evidence) + "\n补记：全部合格。\n").write(toFile: evidence, atomically: true, encoding: .utf8)
        let run = CLI.run(["verify", result])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("error: evidence file 'audit/work-order-sample-2026-11-20.md' changed since sign-off"))
        #expect(!run.stderr.contains("result was edited"))
    }

    @Test func aChangedCatalogIsNamed() throws {
        let (folder, result) = try Self.signedCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/Criteria/after-sales-maturity/staff-skills.yaml"
        try (try Self.read(file) + "# edited\n").write(toFile: file, atomically: true, encoding: .utf8)
        let run = CLI.run(["verify", result])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: catalog file 'staff-skills.yaml' changed since sign-off"))
    }

    @Test func aChangedOrMissingAssessmentIsNamed() throws {
        let (folder, result) = try Self.signedCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/audit/assessment.yaml"
        let original = try Self.read(file)
        try original.replacingOccurrences(
            of: "audited: 3\n    evidence: [E01, E02, E07, E12, E13, E16, E18, E19, E20, A03]",
            with: "audited: 5\n    evidence: [E01, E02, E07, E12, E13, E16, E18, E19, E20, A03]"
        )
        .write(toFile: file, atomically: true, encoding: .utf8)
        let changed = CLI.run(["verify", result])
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("error: assessment file 'assessment.yaml' changed since sign-off"))
        try FileManager.default.removeItem(atPath: file)
        let missing = CLI.run(["verify", result])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: assessment file 'assessment.yaml' is missing"))
        #expect(missing.stderr.contains("hint: point to it with --assessment PATH"))
    }

    @Test func anEditedSignOffBlockOrAnotherDigestIsRefused() throws {
        let (folder, result) = try Self.signedCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try Self.read(result)
        let wrong = String(repeating: "0", count: 64)
        let other = CLI.run(["verify", result, "--digest", wrong])
        #expect(other.status == 1)
        #expect(other.stderr.contains("is not the signed digest \(wrong)"))
        try original.replacingOccurrences(
            of: "\"auditor\": \"王海\",\n    \"catalog_path\"", with: "\"auditor\": \"李四\",\n    \"catalog_path\""
        )
        .write(toFile: result, atomically: true, encoding: .utf8)
        let edited = CLI.run(["verify", result])
        #expect(edited.status == 1)
        #expect(edited.stderr.contains("error: the sign-off block was edited"))
    }

    @Test func resultsThatAreNotSignedAuditsAreRefusedWithTheReason() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let selfResult = folder + "/self.json"
        #expect(CLI.run(["assess", Self.selfAssessment, "--format", "json", "--output", selfResult]).status == 0)
        let unsigned = CLI.run(["verify", selfResult])
        #expect(unsigned.status == 1)
        #expect(unsigned.stderr.contains("error: 'signoff' is missing"))
        #expect(unsigned.stderr.contains("hint: only audit results are signed"))
        try "{\n  \"schema\": 1,\n  \"x\": [1, 2\n}".write(
            toFile: folder + "/bad.json", atomically: true, encoding: .utf8)
        let bad = CLI.run(["verify", folder + "/bad.json"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.json:4:1: error: unexpected character '}': ',' or ']' is expected"))
    }
}
