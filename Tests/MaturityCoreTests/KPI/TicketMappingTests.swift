import Foundation
import MaturityCore
import Testing

/// Every feature of a mapping, each on a small export.
@Suite struct TicketMappingTests {
    @Test func namesColumnsByAnyHeaderTextAndReadsLocalTimesInTheZone() throws {
        let csv = """
            工单编号;创建时间;完成时间;首次响应
            A-1;2026-03-06 17:00:00;2026-03-06 19:30:00;2026/3/6 17:05
            A-2;2026-03-07 09:00:00;;2026/3/7 9:02

            """
        let m = try TicketTesting.measure(
            csv,
            mapping: """
                delimiter: ";"
                time_zone: Asia/Shanghai
                date_format: yyyy-MM-dd HH:mm:ss
                columns:
                  id: 工单编号
                  created: 创建时间
                  resolved: 完成时间
                  first_response: {column: 首次响应, date_format: "yyyy/M/d H:mm"}
                """)
        #expect(m.value("tickets") == 2)
        #expect(m.value("first_response_minutes_p90") == 5)
        #expect(m.value("unresolved") == 1)
        #expect(m.value("completion_within_sla_rate") == 100)
        #expect(m.timeZone == "Asia/Shanghai")
    }

    @Test func triesEachDateFormatInTurn() throws {
        let csv = "created,resolved\n2026-03-02 09:00,2026-03-02T10:00:00Z\n02/03/2026 09:00,2026-03-02 10:30\n"
        let m = try TicketTesting.measure(
            csv,
            mapping: """
                date_format: [iso8601, yyyy-MM-dd HH:mm, dd/MM/yyyy HH:mm]
                columns: {created: created, resolved: resolved}
                """)
        #expect(m.rowsLeftOut == 0)
        #expect(m.value("completion_within_sla_rate") == 100)
    }

    @Test func valueListsSayWhatMeansMissingTrueAndUrgent() throws {
        let csv = """
            created,resolved,level,solved,survey,kind
            2026-03-02T09:00:00Z,2026-03-02T15:00:00Z,P1,Y,非常满意,投诉
            2026-03-02T09:00:00Z,2026-03-02T15:00:00Z,P3,N,满意,咨询
            2026-03-02T09:00:00Z,2026-03-02T15:00:00Z,?,?,一般,报修
            2026-03-02T09:00:00Z,2026-03-02T15:00:00Z,P2,y,4.5,?

            """
        let m = try TicketTesting.measure(
            csv,
            mapping: """
                values:
                  missing: ["?"]
                  true: [Y]
                  false: [N]
                  urgent: [P1, P2]
                columns:
                  created: created
                  resolved: resolved
                  priority: level
                  fcr: solved
                  csat: {column: survey, scores: {非常满意: 5, 满意: 4, 一般: 3}}
                  complaint: {column: kind, true: [投诉], otherwise: false}
                """)
        // 6 h: the urgent P1 and P2 miss 4 h, P3 meets 48 h, '?' has no priority.
        #expect(m.over("completion_within_sla_rate") == 3)
        #expect(m.shown("completion_within_sla_rate") == 33.33)
        #expect(m.shown("fcr_rate") == 66.67)  // Y, N, y (any case)
        #expect(m.value("csat_mean") == 4.125)  // 5, 4, 3, 4.5
        #expect(m.shown("complaint_rate") == 33.33)  // 投诉; 咨询 and 报修 are otherwise false; '?' is missing
    }

    @Test func eachPriorityCanHaveItsOwnHours() throws {
        let csv = """
            created,resolved,priority
            2026-03-02T09:00:00Z,2026-03-02T19:00:00Z,2 - High
            2026-03-02T09:00:00Z,2026-03-02T12:00:00Z,1 - Critical
            2026-03-02T09:00:00Z,2026-03-06T09:00:00Z,4 - Low
            2026-03-02T09:00:00Z,2026-03-04T09:00:00Z,3 - Moderate

            """
        let m = try TicketTesting.measure(
            csv,
            mapping: """
                values: {urgent: ["1 - Critical"]}
                sla: {urgent_hours: 4, other_hours: 48, by_priority: {"2 - High": 8, "4 - Low": 120}}
                columns: {created: created, resolved: resolved, priority: priority}
                """)
        // High 10 h > 8 h: missed (48 h would have met it). Critical 3 h, Low 96 h ≤ 120 h, Moderate 48 h: met.
        #expect(m.value("completion_within_sla_rate") == 75)
    }

    @Test func theExportsOwnSLAVerdictCanBeUsed() throws {
        let csv =
            "created,resolved,made_sla\n2026-03-02T09:00:00Z,2026-03-09T09:00:00Z,true\n"
            + "2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,false\n2026-03-02T09:00:00Z,,true\n"
        let m = try TicketTesting.measure(
            csv, mapping: "columns: {created: created, resolved: resolved, sla_met: made_sla}")
        #expect(m.value("completion_within_sla_rate") == 50)
        #expect(m.over("completion_within_sla_rate") == 2)
    }

    @Test func aFirstResponseCanBeGivenInMinutes() throws {
        let csv = "id,first reply (min)\n1,1.5\n2,12\n3,\n4,3\n"
        let m = try TicketTesting.measure(csv, mapping: "columns: {first_response_minutes: first reply (min)}")
        #expect(m.value("first_response_minutes_p50") == 3)
        #expect(m.value("first_response_minutes_p90") == 12)
        #expect(m.shown("response_within_10min_rate") == 66.67)
    }

    @Test func holidaysAndWorkedWeekendsChangeWorkingDays() throws {
        // 30 Sep → 9 Oct 2026: seven weekdays, five of them National Day holidays: 2 working days.
        let csv = "created,resolved\n2026-09-30T10:00:00+08:00,2026-10-12T10:00:00+08:00\n"
        let plain = try TicketTesting.measure(
            csv, mapping: "time_zone: +08:00\ncolumns: {created: created, resolved: resolved}")
        #expect(plain.value("resolution_within_5_workdays_rate") == 0)  // 8 weekdays
        let holidays = try TicketTesting.measure(
            csv,
            mapping: """
                time_zone: +08:00
                workdays:
                  holidays: [2026-10-01, 2026-10-02, 2026-10-05, 2026-10-06, 2026-10-07]
                  extra_workdays: [2026-10-10]
                columns: {created: created, resolved: resolved}
                """)
        #expect(holidays.value("resolution_within_5_workdays_rate") == 100)  // 8 − 5 + 1 = 4
    }

    // MARK: Event logs

    static let log = """
        number,state,updated,resolved,priority,reopen_count
        INC1,New,2026-03-02T09:00:00Z,,3 - Moderate,0
        INC1,Active,2026-03-02T09:20:00Z,,3 - Moderate,0
        INC1,Resolved,2026-03-02T11:00:00Z,2026-03-02T11:00:00Z,3 - Moderate,0
        INC1,Active,2026-03-03T09:00:00Z,,2 - High,1
        INC1,Resolved,2026-03-03T10:00:00Z,2026-03-03T10:00:00Z,2 - High,1
        INC2,New,2026-03-02T10:00:00Z,,1 - Critical,0
        INC2,Resolved,2026-03-02T10:30:00Z,2026-03-02T10:30:00Z,1 - Critical,0
        INC2,Active,2026-03-02T12:00:00Z,?,1 - Critical,1
        INC3,New,2026-03-04T08:00:00Z,,3 - Moderate,0

        """

    static func logMapping(resolvedTake: String = "last", order: String = "contiguous") -> String {
        """
        event_log: {order: \(order)}
        values: {missing: ["?"], urgent: ["1 - Critical"]}
        columns:
          id: number
          created: {column: updated, take: first}
          first_response: {column: updated, take: first_present, when: {column: state, values: [Active]}}
          resolved: {column: resolved, take: \(resolvedTake)}
          priority: {column: priority, take: first}
          reopened: reopen_count
        """
    }

    @Test func theLastRowOfATicketWins() throws {
        let m = try TicketTesting.measure(Self.log, mapping: Self.logMapping())
        #expect(m.value("tickets") == 3)
        #expect(m.rows == 9)
        // INC1 resolved again on its last row; INC2's last row has no resolution; INC3 never resolved.
        #expect(m.value("unresolved") == 2)
        #expect(m.value("reopen_rate") == 100)  // INC1, reopened, over the one resolved ticket
        // INC1: created 2 Mar 09:00 (first row), resolved 3 Mar 10:00: 25 h ≤ 48 h (first priority, Moderate).
        #expect(m.value("completion_within_sla_rate") == 100)
        // First response: the first Active row. INC1 after 20 min, INC2 after 2 h; INC3 was never Active.
        #expect(m.over("first_response_minutes_p50") == 2)
        #expect(m.value("first_response_minutes_p50") == 20)
        #expect(m.value("first_response_minutes_p90") == 120)
    }

    @Test func theFirstOrLastRowWithAValueCanWinInstead() throws {
        let lastPresent = try TicketTesting.measure(Self.log, mapping: Self.logMapping(resolvedTake: "last_present"))
        #expect(lastPresent.value("unresolved") == 1)  // INC2 keeps its 10:30 resolution
        let firstPresent = try TicketTesting.measure(Self.log, mapping: Self.logMapping(resolvedTake: "first_present"))
        #expect(firstPresent.value("unresolved") == 1)
        // INC1 now resolved at its first resolution, 2 h after creation; INC2 (critical) after 30 min.
        #expect(firstPresent.value("completion_within_sla_rate") == 100)
        #expect(firstPresent.over("completion_within_sla_rate") == 2)
    }

    @Test func rowsOfATicketApartAreAnErrorUnlessTheOrderIsAny() throws {
        let shuffled = """
            number,state,updated,resolved,priority,reopen_count
            INC1,New,2026-03-02T09:00:00Z,,3 - Moderate,0
            INC2,New,2026-03-02T10:00:00Z,,1 - Critical,0
            INC1,Resolved,2026-03-02T11:00:00Z,2026-03-02T11:00:00Z,3 - Moderate,0

            """
        #expect {
            _ = try TicketTesting.measure(shuffled, mapping: Self.logMapping())
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.description == """
                tickets.csv:4:1: error: rows of ticket 'INC1' are not together: it appears here again after other tickets
                  hint: sort the export by ticket (then time), or set 'event_log: {order: any}' in the mapping, which holds every ticket in memory
                """
        }
        let any = try TicketTesting.measure(shuffled, mapping: Self.logMapping(order: "any"))
        #expect(any.value("tickets") == 2)
        #expect(any.value("unresolved") == 1)
    }

    // MARK: The header

    @Test func aMappedColumnMissingFromTheHeaderIsLocatedInTheMapping() throws {
        do {
            _ = try TicketTesting.measure(
                "Created,Resolved\n", mapping: "columns:\n  created: Created\n  resolved: Resolved at\n")
            Issue.record("a missing column was accepted")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    """
                    mapping.yaml:3:13: error: column 'Resolved at' is not in the header of tickets.csv
                      hint: did you mean 'Resolved'?
                    """
                ])
        }
    }

    @Test func theSimpleFormatNeedsAtLeastOneOfItsColumns() throws {
        #expect(throws: DiagnosticError.self) { _ = try TicketTesting.measure("a,b\n1,2\n") }
    }
}

/// One fixture per invalid mapping; each `.expected` file holds the exact diagnostics.
@Suite struct InvalidMappingTests {
    @Test(arguments: InvalidInputTests.cases("invalid/mapping"))
    func invalidMappingReportsItsExactDiagnostics(name: String) throws {
        let shown = "invalid/mapping/\(name).yaml"
        do {
            _ = try TicketMappingLoader.load(path: Fixtures.path(shown), displayPath: shown)
            Issue.record("\(name) loaded without error")
        } catch {
            #expect(
                InvalidInputTests.text(error.diagnostics) == (try InvalidInputTests.expected("invalid/mapping", name)))
        }
    }

    @Test func everyShippedMappingLoads() throws {
        let root = Fixtures.repositoryRoot
        for path in [
            "Examples/tickets/simple/mapping.yaml", "Examples/tickets/servicenow/mapping.yaml",
            "Examples/tickets/311/mapping.yaml", "Examples/anmai-equipment/evidence/tickets/mapping.yaml",
        ] {
            let mapping = try TicketMappingLoader.load(path: root.appendingPathComponent(path).path)
            #expect(!mapping.columns.isEmpty, "\(path)")
        }
    }
}
