import Foundation
import MaturityCore
import MaturityReports
import Testing

/// The `kpi` reports of the shipped example exports, compared with committed golden files.
@Suite struct TicketKPIReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let examples: [String: (csv: String, mapping: String)] = [
        "simple": ("Examples/tickets/simple/tickets.csv", "Examples/tickets/simple/mapping.yaml"),
        "servicenow": (
            "Examples/tickets/servicenow/incident_event_log.csv", "Examples/tickets/servicenow/mapping.yaml"
        ),
        "311": ("Examples/tickets/311/service_requests.csv", "Examples/tickets/311/mapping.yaml"),
        "anmai": (
            "Examples/anmai-equipment/evidence/tickets/work-orders-2025-09_2026-08.csv",
            "Examples/anmai-equipment/evidence/tickets/mapping.yaml"
        ),
    ]

    static func measure(_ name: String) throws -> TicketMeasurement {
        let (csv, mapping) = try #require(examples[name])
        return try TicketKPIs.measure(
            path: root.appendingPathComponent(csv).path, displayPath: csv,
            mapping: TicketMappingLoader.load(path: root.appendingPathComponent(mapping).path, displayPath: mapping))
    }

    @Test(arguments: [("simple", Language.en), ("servicenow", .en), ("311", .en), ("anmai", .zh)])
    func textReport(example: String, language: Language) throws {
        let text = TicketKPIReport(try Self.measure(example), language: language).text()
        Snapshot.assert(text, named: "kpi.\(example).\(language.rawValue).txt")
    }

    @Test(arguments: ["servicenow", "311"])
    func jsonReport(example: String) throws {
        Snapshot.assert(TicketKPIReport.json(try Self.measure(example)), named: "kpi.\(example).json")
    }

    @Test func jsonIsByteIdenticalForTheSameInput() throws {
        #expect(TicketKPIReport.json(try Self.measure("anmai")) == TicketKPIReport.json(try Self.measure("anmai")))
    }
}
