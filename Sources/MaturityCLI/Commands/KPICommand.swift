import ArgumentParser
import MaturityCore
import MaturityReports

/// Output formats of `kpi`.
enum KPIFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json

    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
}

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Compute service KPIs from a ticket export (CSV): response times, SLA, resolution, satisfaction, …",
        discussion: """
            Reads the export once, streaming: memory stays flat however long the file. Without --mapping the \
            file is read in the simple format (columns id, created_at, first_response_at, resolved_at, priority, \
            fcr, csat, complaint, reopened, callback; ISO 8601 times). A mapping names another export's columns, \
            date formats, time zone, values and SLA, and whether it is an event log (several rows per ticket).

            Rows that cannot be read are left out, counted and listed with their line; --strict stops at the first.

            Example: maturity kpi Examples/tickets/servicenow/incident_event_log.csv \
            --mapping Examples/tickets/servicenow/mapping.yaml
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The ticket export: CSV (or another delimiter), UTF-8, with a header row.", valueName: "TICKETS.csv"))
    var tickets: String

    @Option(
        name: .long,
        help: ArgumentHelp("Mapping (YAML) describing the export (default: the simple format).", valueName: "MAP.yaml"))
    var mapping: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: KPIFormat = .text

    @Flag(name: .long, help: "Fail on the first row that cannot be read, giving its line and column.")
    var strict = false

    @Option(name: .long, help: "Report language: zh or en (default: from LANG, else en).")
    var lang: Language?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the report to this file (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let console = Context.console
        let measurement = try console.engine.measureTickets(
            console.input(tickets), mapping: mapping.map(console.input), strict: strict)
        DiagnosticPrinter.print(measurement.warnings, console: console)
        let report = TicketKPIReport(measurement, language: console.language(lang))
        try console.emit(
            Reports.kpi, report, as: format.report, to: output,
            inputs: [console.absolute(tickets)] + (mapping.map { [console.absolute($0)] } ?? []))
    }
}
