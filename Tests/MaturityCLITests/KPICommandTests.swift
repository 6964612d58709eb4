import Foundation
import Testing

@Suite struct KPICommandTests {
    static let servicenow = [
        "Examples/tickets/servicenow/incident_event_log.csv", "--mapping", "Examples/tickets/servicenow/mapping.yaml",
    ]
    static let nyc = ["Examples/tickets/311/service_requests.csv", "--mapping", "Examples/tickets/311/mapping.yaml"]

    @Test func printsEachKPIWithTheTicketsItIsOver() {
        let run = CLI.run(["kpi"] + Self.servicenow + ["--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("132 rows, 30 tickets, 0 rows left out"))
        #expect(run.stdout.contains("event log (several rows per ticket)"))
        #expect(run.stdout.contains("Reopen rate                             20 %   25 resolved"))
        #expect(run.stdout.contains("fcr_rate                          needs fcr"))
    }

    @Test func readsTheSimpleFormatWithoutAMapping() {
        let run = CLI.run(["kpi", "Examples/tickets/simple/tickets.csv", "--lang", "zh"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("映射：内置简单格式 · 时区 UTC"))
        #expect(run.stdout.contains("40 行，40 张工单，0 行未采用"))
    }

    @Test func jsonIsSortedDeterministicAndComplete() throws {
        let first = CLI.run(["kpi"] + Self.nyc + ["--format", "json"])
        let second = CLI.run(["kpi"] + Self.nyc + ["--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let object = try #require(JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["tickets"] as? Int == 59)
        #expect(object["rows_left_out"] as? Int == 1)
        let kpis = try #require(object["kpis"] as? [String: [String: Any]])
        #expect(kpis["unresolved"]?["value"] as? Int == 11)
        #expect(kpis["completion_within_sla_rate"]?["over"] as? Int == 48)
        let absent = try #require(object["not_computed"] as? [String: Any])
        #expect(absent["fcr_rate"] != nil)
        // The row left out is also a located warning on standard error.
        #expect(
            first.stderr.hasPrefix(
                "Examples/tickets/311/service_requests.csv:38:33: warning: row left out: resolution (2026-03-06 05:05:09)"
            ))
    }

    @Test func strictFailsOnTheFirstUnreadableRowWithItsLine() {
        let run = CLI.run(["kpi"] + Self.nyc + ["--strict"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.hasPrefix(
                "Examples/tickets/311/service_requests.csv:38:33: error: resolution (2026-03-06 05:05:09) is before creation"
            ))
    }

    @Test func aBadMappingFailsWithLocatedDiagnostics() {
        let run = CLI.run([
            "kpi", "Examples/tickets/311/service_requests.csv", "--mapping",
            "Tests/MaturityCoreTests/Fixtures/invalid/mapping/unknown-time-zone.yaml",
        ])
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                Tests/MaturityCoreTests/Fixtures/invalid/mapping/unknown-time-zone.yaml:1:12: error: unknown time zone 'Asia/Shangai'
                  hint: did you mean 'Asia/Shanghai'?

                """)
    }

    @Test func aMappingThatDoesNotFitTheExportSaysWhichColumnIsMissing() {
        let run = CLI.run([
            "kpi", "Examples/tickets/311/service_requests.csv", "--mapping", "Examples/tickets/servicenow/mapping.yaml",
        ])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "Examples/tickets/servicenow/mapping.yaml:22:7: error: column 'number' is not in the header of Examples/tickets/311/service_requests.csv"
            ))
    }

    @Test func aMissingExportIsAnInputError() {
        let run = CLI.run(["kpi", "no/such/tickets.csv"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: ticket export 'no/such/tickets.csv' does not exist"))
    }

    @Test func writesTheReportToAFile() throws {
        let folder = try AssessCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run(["kpi"] + Self.servicenow + ["--format", "json", "--output", "\(folder)/kpi.json"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOfFile: "\(folder)/kpi.json", encoding: .utf8).contains("\"tickets\": 30"))
    }
}

/// An assessment whose KPIs come from `tickets:`.
@Suite struct AssessWithTicketsTests {
    static let catalog = CLI.projectRoot + "/" + AssessCommandTests.catalog

    /// A folder with the mini assessment, `extra` lines added, and a ticket export in the simple format.
    static func folder(extra: String, tickets: String) throws -> String {
        let folder = try AssessCommandTests.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/docs", withIntermediateDirectories: true)
        try "procedure".write(toFile: "\(folder)/docs/response.md", atomically: true, encoding: .utf8)
        let base = try String(
            contentsOfFile: CLI.projectRoot + "/" + AssessCommandTests.assessment, encoding: .utf8)
        let assessment = base.replacingOccurrences(
            of: "metrics: {first_response_minutes_p90: 25, satisfaction_rate: 88}\n", with: extra)
        try assessment.write(toFile: "\(folder)/assessment.yaml", atomically: true, encoding: .utf8)
        try tickets.write(toFile: "\(folder)/tickets.csv", atomically: true, encoding: .utf8)
        return folder
    }

    static let tickets = """
        id,created_at,first_response_at,resolved_at,csat
        1,2026-10-01T09:00:00+08:00,2026-10-01T09:04:00+08:00,2026-10-01T12:00:00+08:00,5
        2,2026-10-01T10:00:00+08:00,2026-10-01T10:08:00+08:00,2026-10-02T10:00:00+08:00,4
        3,2026-10-02T10:00:00+08:00,2026-10-02T10:40:00+08:00,,3

        """

    @Test func theReportShowsEachComputedValueWithItsFileAndTickets() throws {
        let folder = try Self.folder(
            extra: "metrics: {complaint_rate: 2}\ntickets: {file: tickets.csv}\n", tickets: Self.tickets)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run(["assess", "\(folder)/assessment.yaml", "--catalog", Self.catalog, "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("First response, 90th percentile         40 min   from tickets.csv, 3 tickets"))
        #expect(run.stdout.contains("given in the assessment"))
        let json = CLI.run(["assess", "\(folder)/assessment.yaml", "--catalog", Self.catalog, "--format", "json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sources = try #require(object["kpi_sources"] as? [String: [String: Any]])
        #expect(sources["first_response_minutes_p90"]?["file"] as? String == "tickets.csv")
        #expect(sources["first_response_minutes_p90"]?["rows"] as? Int == 3)
        #expect(sources["csat_mean"]?["rows"] as? Int == 3)
        // The p90 of 40 minutes meets level 2 (≤ 60) of P-01's metric, not 3 (≤ 30).
        let criteria = try #require(object["criteria"] as? [[String: Any]])
        #expect(criteria.first { $0["id"] as? String == "P-01" }?["metric_level"] as? Int == 2)
    }

    @Test func aKPIGivenInMetricsAndComputedFromTicketsIsAnError() throws {
        let folder = try Self.folder(
            extra: "metrics: {first_response_minutes_p90: 25}\ntickets: {file: tickets.csv}\n", tickets: Self.tickets)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run(["assess", "\(folder)/assessment.yaml", "--catalog", Self.catalog])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "assessment.yaml:14:11: error: KPI 'first_response_minutes_p90' is given in metrics and also computed from the ticket export"
            ))
    }

    @Test func rowsLeftOutOfTheExportAreLocatedWarnings() throws {
        let folder = try Self.folder(
            extra: "tickets: {file: tickets.csv}\n", tickets: Self.tickets + "4,yesterday,,,\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run(["assess", "\(folder)/assessment.yaml", "--catalog", Self.catalog])
        #expect(run.status == 0)
        #expect(
            run.stderr == """
                \(folder)/tickets.csv:5:3: warning: row left out: 'yesterday' in column 'created_at' is not a date and time in the format 'iso8601'

                """)
    }

    /// CSAT ratings of 5, 4.2 and 4 have a mean of 4.4; computed, it is 4.3999999999999995, and it still
    /// meets a threshold of 4.4 (scores and KPI values meet a threshold within 1e-9).
    @Test func aCSATMeanComputedJustUnderItsThresholdMeetsIt() throws {
        let folder = try Self.folder(
            extra: "metrics: {first_response_minutes_p90: 25}\ntickets: {file: tickets.csv}\n",
            tickets:
                "id,created_at,csat\nT1,2026-10-01T09:00:00Z,5\nT2,2026-10-02T09:00:00Z,4.2\nT3,2026-10-03T09:00:00Z,4\n"
        )
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = try String(contentsOfFile: Self.catalog, encoding: .utf8).replacingOccurrences(
            of: "metric: {kpi: satisfaction_rate, better: higher, thresholds: {2: 70, 3: 80, 4: 85, 5: 95}}",
            with: "metric: {kpi: csat_mean, better: higher, thresholds: {2: 4, 3: 4.4, 4: 4.6, 5: 4.8}}")
        try catalog.write(toFile: "\(folder)/catalog.yaml", atomically: false, encoding: .utf8)
        let run = CLI.run([
            "assess", "\(folder)/assessment.yaml", "--catalog", "\(folder)/catalog.yaml", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["kpis"] as? [String: Double])?["csat_mean"] == 4.4)
        let criteria = try #require(object["criteria"] as? [[String: Any]])
        let s01 = try #require(criteria.first { $0["id"] as? String == "S-01" })
        #expect(s01["metric_kpi"] as? String == "csat_mean")
        #expect(s01["metric_level"] as? Int == 3)
        #expect(s01["level"] as? Int == 3)
    }

    @Test func aTicketExportOutsideTheFolderIsRefused() throws {
        let folder = try Self.folder(extra: "tickets: {file: ../tickets.csv}\n", tickets: Self.tickets)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run(["assess", "\(folder)/assessment.yaml", "--catalog", Self.catalog])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: ticket export '../tickets.csv'"))
    }

    @Test func anmaiScoresItsTicketKPIsFromTheWorkOrderExport() throws {
        let run = CLI.run(["assess", "Examples/anmai-equipment/assessment.yaml", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sources = try #require(object["kpi_sources"] as? [String: [String: Any]])
        let fcr = try #require(sources["fcr_rate"])
        #expect(fcr["source"] as? String == "tickets")
        #expect(fcr["file"] as? String == "evidence/tickets/work-orders-2025-09_2026-08.csv")
        #expect(fcr["rows"] as? Int == 3900)
        #expect((object["kpis"] as? [String: Double])?["fcr_rate"] == 76.21)
        #expect((object["kpis"] as? [String: Double])?["tickets"] == 3912)
    }
}
