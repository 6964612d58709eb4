import Testing

@testable import MaturityCore

@Suite struct PlanMergeTests {
    let header = Plan(
        catalog: "test@1", organisation: "Org", date: TestCatalog.date, target: "pass", entries: [])

    func entry(_ id: String, _ status: PlanAction.Status = .open) -> PlanEntry {
        PlanEntry(id: id, due: Day(iso: "2026-12-01"), priority: .p1, status: status)
    }

    @Test func aNewPlanAddsEveryActionInOrder() {
        let update = PlanMerge.merge(existing: nil, generated: [entry("A@2"), entry("B@3")], header: header)
        #expect(update.plan.entries.map(\.id) == ["A@2", "B@3"])
        #expect(update.changes.map(\.change) == [.added, .added])
        #expect(update.statusChanges.isEmpty)
    }

    @Test func existingActionsKeepTheirFieldsAndOrderAndNewOnesGoAtTheEnd() throws {
        var edited = entry("B@3", .inProgress)
        edited.owner = "王五"
        edited.rootCause = "人员流动"
        edited.due = Day(iso: "2027-03-01")
        let existing = Plan(
            catalog: "test@1", organisation: "Org", date: try #require(Day(iso: "2026-05-01")), target: "pass",
            entries: [edited, entry("A@2")])
        let update = PlanMerge.merge(
            existing: existing, generated: [entry("A@2"), entry("B@3"), entry("C@1")], header: header)
        try #require(update.plan.entries.map(\.id) == ["B@3", "A@2", "C@1"])
        #expect(update.plan.entries[0] == edited)
        #expect(update.added.map(\.id) == ["C@1"])
        #expect(update.plan.date == Day(iso: "2026-11-01"))
    }

    @Test func pendingActionsNoLongerProducedAreSupersededAndComeBackAsTheyWere() throws {
        let existing = Plan(
            catalog: nil, organisation: "Org", date: header.date, target: nil,
            entries: [entry("A@2", .open), entry("B@3", .inProgress), entry("C@4", .done), entry("D@5", .superseded)])
        let first = PlanMerge.merge(existing: existing, generated: [], header: header)
        try #require(first.plan.entries.map(\.status) == [.superseded, .superseded, .done, .superseded])
        #expect(first.plan.entries[1].statusBefore == .inProgress)
        #expect(first.changes.map(\.change) == [.superseded, .superseded, .retired, .retired])
        let second = PlanMerge.merge(
            existing: first.plan, generated: ["A@2", "B@3", "C@4", "D@5"].map { entry($0) }, header: header)
        #expect(second.plan.entries.map(\.status) == [.open, .inProgress, .done, .open])
        #expect(second.changes.map(\.change) == [.reopened, .reopened, .doneButStillProduced, .reopened])
        #expect(second.plan.entries.allSatisfy { $0.statusBefore == nil })
    }

    @Test func nothingIsEverDeleted() {
        let existing = Plan(
            catalog: nil, organisation: "Org", date: header.date, target: nil, entries: (1...20).map { entry("X\($0)") }
        )
        let update = PlanMerge.merge(existing: existing, generated: [entry("Y")], header: header)
        #expect(update.plan.entries.count == 21)
        #expect(update.plan.entries.prefix(20).map(\.id) == existing.entries.map(\.id))
    }
}

@Suite struct PlanLoaderTests {
    @Test func readsEveryFieldAndKeepsUnknownFieldsByName() throws {
        let document = try PlanLoader.parse(
            yaml: """
                schema: 1
                kind: plan
                organisation: 华东
                date: 2026-11-01
                target: excellent
                actions:
                  - id: SP-01@3
                    criterion: SP-01
                    from: 2
                    to: 3
                    what: {zh: 做, en: do}
                    kpi_target: {kpi: fcr_rate, better: higher, value: 80}
                    owner: 王五
                    due: 2026-12-01
                    priority: P1
                    status: in_progress   # started
                    root_cause: [人员流动, 培训不足]
                    budget: 3000
                """)
        let entry = try #require(document.plan.entries.first)
        #expect(entry.status == .inProgress)
        #expect(entry.kpiTarget == PlanAction.KPITarget(kpi: "fcr_rate", better: .higher, value: 80))
        #expect(entry.rootCause == "人员流动\n培训不足")
        #expect(entry.extraKeys == ["budget"])
        #expect(document.layout.entries.first?.status == PlanDocument.Spot(line: 16, column: 13, length: 11))
        #expect(document.layout.itemColumn == 3)
    }

    @Test func reportsEveryProblemWithItsLocation() {
        let yaml = """
            schema: 1
            kind: plan
            organisation: Org
            date: 2026-11-01
            actions:
              - id: A@1
                status: opne
                due: 1 December
              - id: A@1
                status: open
              - id: B@2
                priority: P7
            """
        #expect(throws: DiagnosticError.self) { try PlanLoader.parse(yaml: yaml) }
        do {
            _ = try PlanLoader.parse(yaml: yaml)
        } catch {
            let lines = error.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
            #expect(
                lines == [
                    "7:13 unknown status 'opne'",
                    "8:10 due must be a date YYYY-MM-DD, found '1 December'",
                    "9:5 action id 'A@1' appears twice (first at line 6)",
                    "11:5 action 'B@2' has no status",
                    "12:15 unknown priority 'P7'",
                ])
            #expect(error.diagnostics.first?.hint == "did you mean 'open'?")
        }
    }

    @Test func anotherKindOfFileIsRefused() {
        #expect(throws: DiagnosticError.self) {
            try PlanLoader.parse(yaml: "schema: 1\nkind: assessment\norganisation: O\ndate: 2026-01-01\nactions: []\n")
        }
    }
}

@Suite struct PlanDueListTests {
    func entry(_ id: String, due: String?, owner: String?, status: PlanAction.Status = .open) -> PlanEntry {
        PlanEntry(id: id, owner: owner, due: due.flatMap { Day(iso: $0) }, status: status)
    }

    @Test func overdueAndDueSoonByOwnerInDateOrder() throws {
        let plan = Plan(
            catalog: nil, organisation: "O", date: try #require(Day(iso: "2026-11-01")), target: nil,
            entries: [
                entry("late2", due: "2026-11-20", owner: "王五"),
                entry("late1", due: "2026-11-10", owner: "王五"),
                entry("soon", due: "2026-12-31", owner: "李四"),
                entry("today", due: "2026-12-01", owner: nil),
                entry("far", due: "2027-01-01", owner: "李四"),
                entry("done", due: "2026-11-01", owner: "李四", status: .done),
                entry("gone", due: "2026-11-01", owner: "李四", status: .superseded),
                entry("undated", due: nil, owner: "李四"),
            ])
        let list = PlanDueList(plan: plan, asOf: try #require(Day(iso: "2026-12-01")), window: 30, language: .en)
        try #require(list.groups.map(\.owner) == ["李四", "王五", nil])
        #expect(list.groups[0].upcoming.map(\.id) == ["soon"])
        #expect(list.groups[1].overdue.map(\.id) == ["late1", "late2"])
        #expect(list.groups[2].upcoming.map(\.id) == ["today"])
        #expect(list.overdueCount == 2)
        #expect(list.upcomingCount == 2)
        #expect(list.undated.map(\.id) == ["undated"])
    }
}
