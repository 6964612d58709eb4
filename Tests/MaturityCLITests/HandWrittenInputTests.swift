import Foundation
import Testing

/// What people writing an assessment by hand run into — a Chinese input method's punctuation, an empty
/// `{}` left above the items written under it, `claimed: na` — is named where it is, with the fix.
@Suite struct HandWrittenInputTests {
    static let head = """
        schema: 1
        catalog: after-sales-maturity
        organisation: {name: 测试公司}
        kind: self
        date: 2026-11-01
        evidence:
          - {id: E1, kind: statement, title: 服务承诺（第三版）：对外公示, date: 2026-03-01}
          - {id: E2, kind: document, title: 售后服务管理制度, date: 2026-03-01}

        """

    func assess(_ body: String, _ arguments: [String] = []) throws -> CLIRun {
        let folder = try TemporaryFolder("maturity-typing")
        defer { folder.remove() }
        try (Self.head + body).write(toFile: folder.file("assessment.yaml"), atomically: true, encoding: .utf8)
        return CLI.run(["assess", folder.file("assessment.yaml"), "--format", "json"] + arguments)
    }

    /// The diagnostics with the temporary folder taken out of their paths.
    func diagnostics(_ run: CLIRun) -> [String] {
        run.stderr.split(separator: "\n").map { line in
            guard let range = line.range(of: "assessment.yaml:") else { return String(line) }
            return String(line[range.lowerBound...])
        }
    }

    @Test func aFullWidthColonAfterAKeyIsNamedOnItsOwnLine() throws {
        let run = try assess("criteria:\n  SP-01:\n    claimed：2\n    evidence: [E1]\n")
        #expect(run.status == 1)
        #expect(
            diagnostics(run) == [
                "assessment.yaml:11:12: error: full-width colon (全角冒号) '：' where YAML needs ':'",
                "  hint: type ':'; switch the input method to half-width (半角) for YAML punctuation",
            ])
    }

    @Test func aFullWidthColonAfterAKeyInsideBracesIsNamedToo() throws {
        // `{claimed：2}` would otherwise read as one key 'claimed：2' and be reported as an unknown key.
        let run = try assess("criteria:\n  SP-01: {claimed：2, evidence: [E1]}\n  SP-02: {claimed: 1, note：见附件}\n")
        #expect(run.status == 1)
        #expect(
            diagnostics(run).filter { $0.contains("error:") } == [
                "assessment.yaml:10:18: error: full-width colon (全角冒号) '：' where YAML needs ':'",
                "assessment.yaml:11:27: error: full-width colon (全角冒号) '：' where YAML needs ':'",
            ])
        #expect(!run.stderr.contains("unknown key"), "\(run.stderr)")
    }

    @Test func aFullWidthColonInAListItemsBracesIsNamed() throws {
        let list = "criteria:\n  SP-01: {claimed: 1, evidence: [E1]}\n"
        let typed = try TemporaryFolder("maturity-typing")
        defer { typed.remove() }
        let text =
            Self.head.replacingOccurrences(
                of: "  - {id: E2, kind: document,", with: "  - {id: E2, kind：document,") + list
        try text.write(toFile: typed.file("assessment.yaml"), atomically: true, encoding: .utf8)
        let slipped = CLI.run(["assess", typed.file("assessment.yaml"), "--format", "json"])
        #expect(slipped.status == 1)
        #expect(
            diagnostics(slipped).first
                == "assessment.yaml:8:18: error: full-width colon (全角冒号) '：' where YAML needs ':'")
    }

    @Test func aFullWidthColonInsideAValueInBracesIsJustText() throws {
        let run = try assess("criteria:\n  SP-01: {claimed: 1, evidence: [E1], note: 结论：已公示}\n")
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func fullWidthBracketsAndIndentationAreNamedWhereTheyAre() throws {
        let run = try assess("criteria:\n  SP-01: {claimed: 1, evidence: 【E1】}\n\u{3000}SP-02: {claimed: 1}\n")
        #expect(run.status == 1)
        #expect(
            diagnostics(run).filter { $0.contains("error:") } == [
                "assessment.yaml:10:33: error: full-width bracket (全角方括号) '【' where YAML needs '['",
                "assessment.yaml:10:36: error: full-width bracket (全角方括号) '】' where YAML needs ']'",
                "assessment.yaml:11:1: error: full-width space (全角空格) '\u{3000}' in the indentation",
            ])
    }

    @Test func fullWidthPunctuationInsideTextIsJustText() throws {
        // The evidence titles above hold a full-width colon and parentheses.
        let run = try assess("criteria:\n  SP-01: {claimed: 1, evidence: [E1], note: 已公示：见官网【服务】页}\n")
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func fullWidthDigitsGetTheNumberToType() throws {
        let run = try assess("criteria:\n  SP-01: {claimed: ２, evidence: [E1]}\n")
        #expect(run.status == 1)
        #expect(diagnostics(run).last == "  hint: full-width digits (全角数字): type '2'")
    }

    @Test func idsSeparatedByAFullWidthCommaAreReadWithAWarning() throws {
        let typed = try assess("criteria:\n  SP-01: {claimed: 2, evidence: [E1，E2]}\n")
        let plain = try assess("criteria:\n  SP-01: {claimed: 2, evidence: [E1, E2]}\n")
        #expect(typed.status == 0)
        #expect(typed.stdout == plain.stdout, "the same ids are cited")
        #expect(
            diagnostics(typed).prefix(2) == [
                "assessment.yaml:10:34: warning: full-width comma (全角逗号) between ids in evidence of 'SP-01': "
                    + "read as 'E1', 'E2'",
                "  hint: separate ids with ',' (half-width), e.g. [E1, E2]",
            ])
    }

    @Test func anEmptyMappingAboveItsItemsSaysToRemoveTheBraces() throws {
        let run = try assess("metrics: {}\n  satisfaction_rate: 90\ncriteria: {}\n")
        #expect(run.status == 1)
        #expect(
            diagnostics(run) == [
                "assessment.yaml:9:10: error: 'metrics: {}' is an empty mapping, so the indented lines below it "
                    + "cannot belong to it",
                "  hint: remove '{}' to list the values below 'metrics:'",
            ])
    }

    @Test func claimedNAShowsHowToWriteNotApplicable() throws {
        let run = try assess("criteria:\n  SP-05: {claimed: na}\n")
        #expect(run.status == 1)
        #expect(
            diagnostics(run).last
                == "  hint: a criterion that does not apply takes no level: write 'SP-05: {na: \"why it does not "
                + "apply\"}' (not on a key criterion)")
    }

    @Test func aPlanWrittenToStandardOutputSaysEditsNeedOutput() throws {
        let toTerminal = CLI.run(["plan", "Examples/huadong-appliance/assessment.yaml"])
        #expect(toTerminal.status == 0)
        #expect(toTerminal.stderr.contains("edits people make are kept only when the plan file is written and updated"))
        let folder = try TemporaryFolder("maturity-plan-note")
        defer { folder.remove() }
        let toFile = CLI.run([
            "plan", "Examples/huadong-appliance/assessment.yaml", "--output", folder.file("plan.yaml"),
        ])
        #expect(toFile.status == 0)
        #expect(!toFile.stderr.contains("standard output"))
    }
}
