import Foundation
import MaturityCore
import Testing

/// Measures ticket exports written inline in a test.
enum TicketTesting {
    static func mapping(_ yaml: String?) throws(DiagnosticError) -> TicketMapping {
        guard let yaml else { return .simpleFormat }
        return try TicketMappingLoader.load(yaml: yaml)
    }

    static func measure(
        _ csv: String, mapping yaml: String? = nil, strict: Bool = false, chunkBytes: Int = CSVReader.defaultChunkBytes
    ) throws(DiagnosticError) -> TicketMeasurement {
        let mapping = try mapping(yaml)
        let reader = CSVReader(bytes: Array(csv.utf8), delimiter: mapping.delimiter, chunkBytes: chunkBytes)
        return try TicketKPIs.measure(reader: reader, file: "tickets.csv", mapping: mapping, strict: strict)
    }

    /// A file in a fresh temporary folder, removed by the caller.
    static func temporaryFile(_ contents: String, name: String = "tickets.csv") throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-kpi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return (folder, url.path)
    }
}

extension TicketMeasurement {
    /// The value of KPI `id` (nil when absent or without tickets).
    func value(_ id: String) -> Double? {
        values.first { $0.id == id }?.value
    }

    /// How many tickets KPI `id` is over.
    func over(_ id: String) -> Int? {
        values.first { $0.id == id }?.over
    }

    /// The KPI's value rounded as reports print it.
    func shown(_ id: String) -> Double? {
        value(id).map { NumberText.rounded($0) }
    }
}
