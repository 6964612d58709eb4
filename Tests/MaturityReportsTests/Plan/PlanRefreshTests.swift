import MaturityCore
import MaturityReports
import Testing

/// Regenerating a plan refreshes what the tool derived in pending actions (criterion, domain, from, to,
/// kind, priority, purpose, what, evidence needed, KPI target, verification) and lists the change; what
/// people own (owner, due, status, notes, fields of their own, comments) stays exactly as written.
@Suite struct PlanRefreshTests {
    static let written = """
        schema: 1
        kind: plan
        organisation: O
        date: 2026-05-01
        target: excellent
        actions:
          - id: SP-06@5
            criterion: SP-06
            domain: service-process
            kind: key   # why this step
            from: 0
            to: 5
            what:
              zh: "旧的措施"
              en: "the old measure"
            kpi_target: {kpi: service_record_completeness_rate, better: higher, value: 95}
            owner: 王五
            due: 2026-06-19
            priority: P1
            status: in_progress
            root_cause: "纸质工单事后补录"
            measures: "移动工单"
            progress: ""
            verification: "check SP-06"
            completed: null
            budget: 2 万元
          - id: SP-07@4
            criterion: SP-07
            kind: key
            from: 3
            to: 4
            what: |
              written by a person
              over two lines
            owner: null
            due: 2026-06-19
            priority: P1
            status: open
          - id: TS-07@4
            criterion: TS-07
            kind: domain
            from: 3
            to: 4
            owner: 陆明远
            due: 2026-08-18
            priority: P2
            status: done
            completed: 2026-08-01

        """

    static func generated(_ id: String, criterion: String, from: Int, kind: String) -> PlanEntry {
        PlanEntry(
            id: id, criterion: criterion, domain: "service-process", kind: kind, from: from, to: from + 1,
            what: LocalizedText(zh: "新的措施", en: "the new measure"), evidenceNeeded: ["benchmark"],
            kpiTarget: PlanAction.KPITarget(kpi: "service_record_completeness_rate", better: .higher, value: 98),
            due: Day(iso: "2027-05-01"), priority: .p3, purpose: .development,
            verification: LocalizedText("check SP-06 at level 5"))
    }

    static func update() throws -> (PlanDocument, PlanYAML.Written) {
        let document = try PlanLoader.parse(yaml: written)
        let generated = [
            generated("SP-06@5", criterion: "SP-06", from: 4, kind: "overall"),
            generated("SP-07@4", criterion: "SP-07", from: 3, kind: "overall"),
            generated("TS-07@4", criterion: "TS-07", from: 3, kind: "overall"),
        ]
        var header = document.plan
        header.date = Day(iso: "2026-11-12")!
        let update = PlanMerge.merge(existing: document.plan, generated: generated, header: header)
        return (document, try PlanYAML.written(update, to: document))
    }

    @Test func derivedFieldsOfAPendingActionAreRefreshed() throws {
        let (_, written) = try Self.update()
        let reread = try PlanLoader.parse(yaml: written.text)
        let entry = try #require(reread.plan.entry("SP-06@5"))
        #expect(entry.from == 4)
        #expect(entry.kind == "overall")
        #expect(entry.priority == .p3)
        #expect(entry.what == LocalizedText(zh: "新的措施", en: "the new measure"))
        #expect(entry.kpiTarget?.value == 98)
        #expect(entry.verification == LocalizedText("check SP-06 at level 5"))
    }

    @Test func whatPeopleOwnIsUntouched() throws {
        let (document, written) = try Self.update()
        let reread = try PlanLoader.parse(yaml: written.text)
        let before = try #require(document.plan.entry("SP-06@5"))
        let after = try #require(reread.plan.entry("SP-06@5"))
        #expect(after.owner == before.owner)
        #expect(after.due == before.due)
        #expect(after.status == .inProgress)
        #expect(after.rootCause == before.rootCause)
        #expect(after.measures == before.measures)
        #expect(after.extraKeys == ["budget"])
        #expect(written.text.contains("    kind: overall   # why this step\n"))
        #expect(written.text.contains("    budget: 2 万元\n"))
        // A field the action does not have is not added to it.
        #expect(after.purpose == nil)
        #expect(after.evidenceNeeded == nil)
    }

    @Test func aDoneActionKeepsWhatItWasDoneAgainst() throws {
        let (document, written) = try Self.update()
        let reread = try PlanLoader.parse(yaml: written.text)
        #expect(
            reread.plan.entry("TS-07@4")
                == document.plan.entry("TS-07@4").map { entry in
                    var entry = entry
                    entry.location = reread.plan.entry("TS-07@4")?.location
                    return entry
                })
        #expect(!written.update.refreshes.contains { $0.id == "TS-07@4" })
    }

    @Test func aValueWrittenAsABlockScalarIsLeftAsWritten() throws {
        let (document, written) = try Self.update()
        let reread = try PlanLoader.parse(yaml: written.text)
        #expect(reread.plan.entry("SP-07@4")?.what == document.plan.entry("SP-07@4")?.what)
        #expect(reread.plan.entry("SP-07@4")?.priority == .p3)
        let refreshed = written.update.refreshes.first { $0.id == "SP-07@4" }?.fields.map(\.key)
        #expect(refreshed == ["kind", "priority"])
    }

    @Test func theChangeIsListed() throws {
        let (_, written) = try Self.update()
        let fields = written.update.refreshes.first { $0.id == "SP-06@5" }?.fields.map(\.key)
        #expect(fields == ["kind", "from", "what", "kpi_target", "priority", "verification"])
        let summary = PlanUpdateSummary(update: written.update, file: "plan.yaml", language: .en).text()
        #expect(
            summary.hasPrefix("plan.yaml: 0 added, 2 kept, 1 done, but the gap remains, 0 superseded, 2 refreshed\n"))
        #expect(
            summary.contains(
                "  ~ SP-06@5      refreshed: kind key → overall, from 0 → 4, what, "
                    + "kpi_target service_record_completeness_rate ≥ 95 → service_record_completeness_rate ≥ 98, "
                    + "priority P1 → P3, verification\n"))
        let zh = PlanUpdateSummary(update: written.update, file: "plan.yaml", language: .zh).text()
        #expect(zh.contains("  ~ SP-07@4      更新：kind key → overall, priority P1 → P3\n"))
    }
}
