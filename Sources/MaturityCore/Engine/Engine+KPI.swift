extension Engine {
    /// KPIs of the ticket export at `export`, read as `mapping` describes (nil: the simple format). With
    /// `strict`, the first row that cannot be used is an error; otherwise rows left out are warnings.
    public func measureTickets(_ export: InputPath, mapping: InputPath? = nil, strict: Bool = false)
        throws(DiagnosticError) -> TicketMeasurement
    {
        var ticketMapping = TicketMapping.simpleFormat
        if let mapping {
            ticketMapping = try TicketMappingLoader.load(path: mapping.path, displayPath: mapping.shown, files: files)
        }
        if let disk = files.diskPath(export.path) {
            return try TicketKPIs.measure(path: disk, displayPath: export.shown, mapping: ticketMapping, strict: strict)
        }
        let data = try InputFile.read(
            export.path, shown: export.shown, kind: .ticketExportKind, maximumBytes: TicketKPIs.maximumInMemoryBytes,
            what: .ticketExportInMemory, files: files)
        return try TicketKPIs.measure(
            reader: CSVReader(bytes: [UInt8](data), delimiter: ticketMapping.delimiter), file: export.shown,
            mapping: ticketMapping, strict: strict)
    }
}
