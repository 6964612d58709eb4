import Foundation
import Testing

@Suite struct PlanCommandTests {
    static let example = "Examples/huadong-appliance/assessment.yaml"

    @Test func writesThePlanThenKeepsAPersonsEditsWhenRegenerated() throws {
        let folder = try TemporaryFolder("maturity-plan")
        defer { folder.remove() }
        let plan = folder.file("plan.yaml")
        let first = CLI.run(["plan", Self.example, "--output", plan, "--lang", "en"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("\(plan): 20 added, 0 kept, 0 superseded"))
        var text = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(text.contains("- id: SP-06@4"))
        #expect(text.contains("    purpose: development\n"))
        #expect(text.contains("- id: NC-03"))
        // A person starts the first action and writes down why.
        text = text.replacingOccurrences(
            of: "    status: open\n    root_cause: \"\"",
            with: "    status: in_progress  # started\n    root_cause: \"网点人员流动大\"\n    budget: 20000", options: [],
            range: text.range(of: "    status: open\n    root_cause: \"\""))
        try text.write(toFile: plan, atomically: true, encoding: .utf8)

        // Pass is met, so aiming at it produces no path actions: the started one is superseded, remembering its
        // state.
        let narrower = CLI.run(["plan", Self.example, "--target", "pass", "--output", plan, "--lang", "en"])
        #expect(narrower.status == 0, "\(narrower.stderr)")
        #expect(narrower.stdout.contains("0 added, 2 kept, 18 superseded"))
        let superseded = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(superseded.contains("    status: superseded  # started\n    status_before: in_progress\n"))

        // Produced again: back as the person left it, edits and comment intact.
        let again = CLI.run(["plan", Self.example, "--output", plan, "--lang", "en"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("18 reopened"))
        let back = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(back == text)
    }

    /// A new assessment changes what the tool derived for an action still pending: the plan says so and the
    /// change is listed; what people wrote stays.
    @Test func regeneratingRefreshesDerivedFieldsAndListsTheChange() throws {
        let folder = try TemporaryFolder("maturity-plan")
        defer { folder.remove() }
        try FileManager.default.copyItem(
            atPath: CLI.projectRoot + "/Examples/huadong-appliance", toPath: folder.file("huadong"))
        let assessment = folder.file("huadong/assessment.yaml")
        let plan = folder.file("plan.yaml")
        #expect(CLI.run(["plan", assessment, "--output", plan]).status == 0)
        var text = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(
            text.contains(
                "    evidence_needed: [benchmark, improvement_outcome]\n    kpi_target: {kpi: spare_parts_fill_rate"))
        text = text.replacingOccurrences(
            of: "    owner: 马骏\n    due: 2027-11-01", with: "    owner: 马骏  # parts\n    due: 2027-09-30")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        // TS-02 now cites the benchmark and the improvement outcome report.
        let cited = try String(contentsOfFile: assessment, encoding: .utf8).replacingOccurrences(
            of: "    evidence: [E31, E05, E22, E12, E14, E16, E18]\n",
            with: "    evidence: [E31, E05, E22, E12, E14, E16, E18, E19, E20]\n")
        try cited.write(toFile: assessment, atomically: true, encoding: .utf8)
        let again = CLI.run(["plan", assessment, "--output", plan, "--lang", "en"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("\(plan): 0 added, 20 kept, 0 superseded, 1 refreshed\n"))
        #expect(
            again.stdout.contains("  ~ TS-02@5      refreshed: evidence_needed [benchmark, improvement_outcome] → []\n")
        )
        let after = try String(contentsOfFile: plan, encoding: .utf8)
        #expect(after.contains("    evidence_needed: []\n    kpi_target: {kpi: spare_parts_fill_rate"))
        #expect(after.contains("    owner: 马骏  # parts\n    due: 2027-09-30"))
        // That line is the only one that changed.
        let before = text.components(separatedBy: "\n")
        let now = after.components(separatedBy: "\n")
        #expect(before.count == now.count)
        let changed = zip(before, now).filter { $0 != $1 }
        #expect(changed.map(\.1) == ["    evidence_needed: []"])
    }

    @Test func aPlanThatDoesNotParseIsRefusedAndLeftAsItWas() throws {
        let folder = try TemporaryFolder("maturity-plan")
        defer { folder.remove() }
        let plan = folder.file("plan.yaml")
        #expect(CLI.run(["plan", Self.example, "--output", plan]).status == 0)
        let broken = try String(contentsOfFile: plan, encoding: .utf8).replacingOccurrences(
            of: "status: open", with: "status: finished")
        try broken.write(toFile: plan, atomically: true, encoding: .utf8)
        let run = CLI.run(["plan", Self.example, "--output", plan])
        #expect(run.status == 1)
        let line = try #require(
            broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.hasSuffix("status: finished")
            })
        #expect(run.stderr.contains("\(plan):\(line + 1):13: error: unknown status 'finished'"))
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == broken)
    }

    @Test func aPlanOfAnotherOrganisationIsRefused() throws {
        let folder = try TemporaryFolder("maturity-plan")
        defer { folder.remove() }
        let plan = folder.file("plan.yaml")
        #expect(CLI.run(["plan", Self.example, "--output", plan]).status == 0)
        let run = CLI.run(["plan", "Examples/anmai-equipment/assessment.yaml", "--output", plan])
        #expect(run.status == 1)
        #expect(run.stderr.contains("the plan is for '华东家电服务有限公司'"))
    }

    @Test func exportsFromAnAssessmentOrAPlanFile() throws {
        let folder = try TemporaryFolder("maturity-plan")
        defer { folder.remove() }
        let plan = folder.file("plan.yaml")
        #expect(CLI.run(["plan", Self.example, "--output", plan]).status == 0)
        let csv = CLI.run(["plan", plan, "--format", "csv", "--bom"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("\u{FEFF}id,priority,purpose,status"))
        #expect(csv.stdout.components(separatedBy: "\r\n").count == 22)  // header, 20 actions, final empty
        let ics = CLI.run(["plan", Self.example, "--format", "ics", "--plan", plan])
        #expect(ics.status == 0)
        #expect(ics.stdout.components(separatedBy: "BEGIN:VTODO").count - 1 == 20)
        let md = CLI.run(["plan", plan, "--format", "md", "--lang", "zh", "--output", folder.file("plan.md")])
        #expect(md.status == 0)
        #expect(try String(contentsOfFile: folder.file("plan.md"), encoding: .utf8).hasPrefix("# 改进计划 — 华东家电服务有限公司"))
    }

    @Test func theDueListGroupsOverdueAndSoonByOwner() throws {
        let folder = try TemporaryFolder("maturity-plan")
        defer { folder.remove() }
        let plan = folder.file("plan.yaml")
        #expect(CLI.run(["plan", Self.example, "--output", plan]).status == 0)
        let run = CLI.run(["plan", "--due", plan, "--as-of", "2027-02-15", "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("As of 2027-02-15: 1 overdue, 0 due in the next 30 days"))
        #expect(run.stdout.contains("赵磊\n  Overdue\n    ✗ NC-03        2027-01-30  16 days overdue  P2"))
        let json = CLI.run(["plan", "--due", plan, "--as-of", "2027-04-20", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["overdue"] as? Int == 1)
        #expect(object?["upcoming"] as? Int == 7)  // OBS-05 and six development steps, due 2027-04-30
        #expect(CLI.run(["plan", "--due", plan, "--format", "csv"]).status == 64)
    }

    @Test func assessShowsThePlanAndFlagsOverdueActions() throws {
        let folder = try TemporaryFolder("maturity-plan")
        defer { folder.remove() }
        let plan = folder.file("plan.yaml")
        #expect(CLI.run(["plan", Self.example, "--output", plan]).status == 0)
        let text = CLI.run(["assess", Self.example, "--plan", plan, "--as-of", "2027-02-15", "--lang", "en"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("20 actions: 20 open; 1 overdue"))
        #expect(text.stdout.contains("  ✗ NC-03    P2  open        2027-01-30  overdue 赵磊"))
        let json = CLI.run(["assess", Self.example, "--plan", plan, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let planObject = object?["plan"] as? [String: Any]
        #expect(planObject?["overdue"] as? Int == 0)  // as of the assessment date nothing is late yet
        #expect((planObject?["actions"] as? [Any])?.count == 20)
        let md = CLI.run(["assess", Self.example, "--plan", plan, "--as-of", "2027-02-15", "--format", "md"])
        #expect(md.stdout.contains("| NC-03 | P2 | open | 2027-01-30 **overdue** | 赵磊 |"))
    }
}
