import Foundation

/// KPIs computed from ticket exports, streaming: one pass over the file, memory flat.
public enum TicketKPIs {
    /// How many row problems a measurement keeps to show; all are counted.
    public static let shownProblems = 10
    /// Bytes of a ticket export read from memory rather than streamed from disk (a server's upload).
    public static let maximumInMemoryBytes = 256 << 20

    /// Computes the KPIs of the export an assessment names, paths relative to the assessment's folder.
    /// Rows left out come back as warnings, each at its line.
    public static func compute(_ source: TicketSource, assessment: Assessment, files: any FileSource = DiskFiles())
        throws(DiagnosticError) -> Loaded<[KPIValue]>
    {
        let folder = assessment.baseDirectory ?? "."
        let shownFolder = assessment.location.map { PathText.folder(of: $0.file) } ?? ""
        func paths(_ relative: String) -> (real: String, shown: String) {
            let real = relative.hasPrefix("/") ? relative : PathText.join(folder, relative)
            let shown = relative.hasPrefix("/") ? relative : PathText.join(shownFolder, relative)
            return (real, shown)
        }
        var mapping = TicketMapping.simpleFormat
        if let mappingPath = source.mapping {
            let (real, shown) = paths(mappingPath)
            mapping = try TicketMappingLoader.load(path: real, displayPath: shown, files: files)
        }
        let (real, shown) = paths(source.file)
        let measurement: TicketMeasurement
        if let disk = files.diskPath(real) {
            measurement = try measure(path: disk, displayPath: shown, mapping: mapping)
        } else {
            let data = try InputFile.read(
                real, shown: shown, kind: .ticketExportKind, maximumBytes: maximumInMemoryBytes,
                what: .ticketExportInMemory, files: files)
            measurement = try measure(
                reader: CSVReader(bytes: [UInt8](data), delimiter: mapping.delimiter), file: shown, mapping: mapping)
        }
        return Loaded(measurement.kpiValues(file: source.file), warnings: measurement.warnings)
    }

    /// Measures the export at `path`; `displayPath` names it in diagnostics. With `strict`, the first
    /// row that cannot be used is an error.
    ///
    /// An export of one row per ticket larger than `parallelMinimumBytes` is read by `workers` threads,
    /// each from its own part of the file (split after a line break); the parts' counts add up to the
    /// same KPIs. Should a split fall inside a quoted field, the whole file is read again in one pass.
    public static func measure(
        path: String, displayPath: String, mapping: TicketMapping, strict: Bool = false,
        chunkBytes: Int = CSVReader.defaultChunkBytes, workers: Int = 2, parallelMinimumBytes: Int = 8 << 20
    ) throws(DiagnosticError) -> TicketMeasurement {
        let kind = FileKind.onDisk(path)
        switch kind {
        case .missing:
            throw DiagnosticError(
                .error(.fileDoesNotExist(.ticketExport, displayPath), at: .file(displayPath), hint: .checkThePath))
        case .regular, .pipe, .characterDevice:
            break
        case .folder, .blockDevice, .socket:
            throw DiagnosticError(
                .error(.notATicketExport(displayPath, is: kind), at: .file(displayPath)))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw DiagnosticError(
                .error(
                    .cannotRead(.key(""), displayPath, reason: FileProblem.describe(errno)), at: .file(displayPath),
                    hint: .checkPathReadable))
        }
        defer { close(fd) }
        var status = stat()
        let regular = fstat(fd, &status) == 0 && FileKind(status).isRegular
        let size = regular ? Int(status.st_size) : 0
        if !regular {
            // A pipe or a terminal (/dev/stdin): read it front to back.
            let reader = CSVReader(fileDescriptor: fd, delimiter: mapping.delimiter, chunkBytes: chunkBytes)
            return try measure(reader: reader, file: displayPath, mapping: mapping, strict: strict)
        }
        if workers > 1, mapping.eventLog == nil, size >= parallelMinimumBytes,
            let splits = splitPoints(fd: fd, size: size, parts: workers), !splits.isEmpty,
            let measurement = try measureInParts(
                fd: fd, size: size, splits: splits, file: displayPath, mapping: mapping, strict: strict,
                chunkBytes: chunkBytes)
        {
            return measurement
        }
        let reader = CSVReader(
            delimiter: mapping.delimiter, chunkBytes: chunkBytes, read: positionedRead(fd, from: 0, to: Int.max))
        return try measure(reader: reader, file: displayPath, mapping: mapping, strict: strict)
    }

    /// Measures what `reader` reads; `file` names it in diagnostics.
    public static func measure(reader: CSVReader, file: String, mapping: TicketMapping, strict: Bool = false)
        throws(DiagnosticError) -> TicketMeasurement
    {
        let header = try readHeader(reader, file: file)
        let rows = try TicketRowReader(mapping: mapping, header: header, file: file)
        var run = TicketRun(file: file, strict: strict, rules: rules(rows, mapping))
        if let order = mapping.eventLog {
            try run.readEventLog(reader, rows, TakeRules(mapping), order: order)
        } else {
            try run.readTickets(reader, rows)
        }
        return measurement(run, rows: rows, mapping: mapping)
    }

    static func rules(_ rows: TicketRowReader, _ mapping: TicketMapping) -> TicketTally.Rules {
        TicketTally.Rules(
            resolvedMapped: rows.mapped.contains(.resolved), slaFromFlag: rows.mapped.contains(.slaMet),
            calendar: mapping.calendar, zone: rows.zone)
    }

    static func measurement(_ run: TicketRun, rows: TicketRowReader, mapping: TicketMapping) -> TicketMeasurement {
        let (values, absent) = TicketMeasurement.kpis(run.tally, mapped: rows.mapped)
        return TicketMeasurement(
            file: run.file, mapping: mapping.file, timeZone: mapping.timeZone.name, eventLog: mapping.eventLog != nil,
            rows: run.rows, tickets: run.tally.tickets, rowsLeftOut: run.rowsLeftOut,
            problems: run.problems.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }, values: values,
            absent: absent)
    }

    /// The header row's names.
    static func readHeader(_ reader: CSVReader, file: String) throws(DiagnosticError) -> [String] {
        guard try TicketRun.next(reader, file: file) else {
            throw DiagnosticError(
                .error(.headerEmpty(file), at: .start(of: file), hint: .headerRowExpected))
        }
        var header: [String] = []
        for index in 0..<reader.fieldCount {
            guard let name = String(validating: reader.field(index), as: UTF8.self) else {
                let (line, column) = reader.location(ofField: index)
                throw DiagnosticError(
                    .error(
                        .headerNotUTF8, at: SourceLocation(file: file, line: line, column: column),
                        hint: .saveExportAsUTF8Iconv))
            }
            header.append(name)
        }
        return header
    }

    // MARK: Reading in parts

    /// Reads bytes `from` up to `to` of an open file with pread, so that readers of one file do not
    /// share a file position.
    static func positionedRead(_ fd: Int32, from start: Int, to end: Int) -> CSVReader.Read {
        var offset = start
        return { pointer, count in
            let wanted = min(count, end - offset)
            guard wanted > 0 else { return 0 }
            while true {
                let n = pread(fd, pointer, wanted, off_t(offset))
                if n < 0, errno == EINTR { continue }
                if n > 0 { offset += n }
                return n
            }
        }
    }

    /// Offsets just after the first line break at or after each 1/parts of the file.
    static func splitPoints(fd: Int32, size: Int, parts: Int) -> [Int]? {
        var points: [Int] = []
        var probe = [UInt8](repeating: 0, count: 1 << 16)
        for part in 1..<parts {
            let start = size / parts * part
            let n = probe.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
            guard n > 0, let newline = probe.prefix(n).firstIndex(of: 10) else { return nil }
            let point = start + newline + 1
            guard point < size, point > points.last ?? 0 else { return nil }
            points.append(point)
        }
        return points
    }

    /// Each part read on its own thread; nil when a split turned out to lie inside a quoted field.
    static func measureInParts(
        fd: Int32, size: Int, splits: [Int], file: String, mapping: TicketMapping, strict: Bool, chunkBytes: Int
    ) throws(DiagnosticError) -> TicketMeasurement? {
        let bounds = [0] + splits + [size]
        let first = CSVReader(
            delimiter: mapping.delimiter, chunkBytes: chunkBytes, read: positionedRead(fd, from: 0, to: bounds[1]))
        let header = try readHeader(first, file: file)
        let rows = try TicketRowReader(mapping: mapping, header: header, file: file)

        /// What a later part's thread hands back: its run, the lines it read, whether it ended inside quotes.
        typealias Part = (run: Result<TicketRun, DiagnosticError>, lines: Int, endedInQuotes: Bool)
        let later = ParallelResults<Part>(count: bounds.count - 2)
        let group = DispatchGroup()
        for part in 1..<(bounds.count - 1) {
            let (start, end) = (bounds[part], bounds[part + 1])
            DispatchQueue.global().async(group: group) {
                let reader = CSVReader(
                    delimiter: mapping.delimiter, chunkBytes: chunkBytes, atFileStart: false,
                    read: positionedRead(fd, from: start, to: end))
                do throws(DiagnosticError) {
                    let partRows = try TicketRowReader(mapping: mapping, header: header, file: file)
                    var run = TicketRun(file: file, strict: strict, rules: rules(partRows, mapping))
                    try run.readTickets(reader, partRows)
                    later.set(part - 1, (.success(run), reader.linesRead, reader.endedInsideQuotes))
                } catch {
                    later.set(part - 1, (.failure(error), reader.linesRead, reader.endedInsideQuotes))
                }
            }
        }
        var run = TicketRun(file: file, strict: strict, rules: rules(rows, mapping))
        var firstError: DiagnosticError?
        do {
            try run.readTickets(first, rows)
        } catch {
            firstError = error
        }
        group.wait()
        // A part is sound only if the part before it ended outside quotes, that is, at a record's end.
        var partsEndedInQuotes = first.endedInsideQuotes
        var lineOffset = first.linesRead
        for index in 0..<(bounds.count - 2) {
            if partsEndedInQuotes { return nil }
            if let firstError { throw firstError }
            guard let part = later.get(index) else { return nil }
            switch part.run {
            case .failure(let error):
                // The error is real when the part started at a record's start (checked above) and did not
                // end in a quoted field cut by the next split (its last record would be cut short).
                if part.endedInQuotes, index < bounds.count - 3 { return nil }
                throw DiagnosticError(error.diagnostics.map { $0.shifted(by: lineOffset, in: file) })
            case .success(let partRun):
                run.absorb(partRun, lineOffset: lineOffset)
            }
            lineOffset += part.lines
            partsEndedInQuotes = part.endedInQuotes
        }
        if let firstError { throw firstError }
        return measurement(run, rows: rows, mapping: mapping)
    }
}

extension Diagnostic {
    /// The same diagnostic `lines` further down `file` (for a part read from the middle of it).
    func shifted(by lines: Int, in file: String) -> Diagnostic {
        var shifted = self
        if let location, location.file == file {
            shifted.location = SourceLocation(file: file, line: location.line + lines, column: location.column)
        }
        return shifted
    }
}
