import Foundation

/// The state of one pass over an export.
struct TicketRun {
    let file: String
    let strict: Bool
    var tally: TicketTally
    var rows = 0
    var rowsLeftOut = 0
    var problems: [Diagnostic] = []

    init(file: String, strict: Bool, rules: TicketTally.Rules) {
        self.file = file
        self.strict = strict
        tally = TicketTally(rules)
    }

    /// Adds the counts of a run over a later part of the file, whose lines start after `lineOffset`.
    mutating func absorb(_ later: TicketRun, lineOffset: Int) {
        tally.merge(later.tally)
        rows += later.rows
        rowsLeftOut += later.rowsLeftOut
        for problem in later.problems where problems.count < TicketKPIs.shownProblems {
            problems.append(problem.shifted(by: lineOffset, in: file))
        }
    }

    /// Counts a problem, keeps the first ones, and stops the run when strict.
    mutating func report(_ message: Diagnostic.Message, line: Int, column: Int, rows leftOut: Int = 1)
        throws(DiagnosticError)
    {
        rowsLeftOut += leftOut
        let location = SourceLocation(file: file, line: line, column: column)
        if strict {
            throw DiagnosticError(
                .error(message, at: location, hint: .withoutStrict))
        }
        if problems.count < TicketKPIs.shownProblems {
            problems.append(.warning(message, at: location))
        }
    }

    mutating func report(_ problem: RowProblem, _ reader: CSVReader) throws(DiagnosticError) {
        let (line, column) = problem.field.map { reader.location(ofField: $0) } ?? (reader.line, 1)
        try report(problem.message, line: line, column: column)
    }

    static func diagnostic(for failure: CSVReader.Failure, file: String) -> Diagnostic {
        switch failure {
        case .unreadable(let reason):
            return .error(.cannotRead(.key(""), file, reason: reason), at: .file(file))
        case .recordTooLong(let line, let bytes):
            return .error(
                .rowLongerThan(megabytes: bytes >> 20), at: SourceLocation(file: file, line: line, column: 1),
                hint: .unclosedQuoteMakesOneField)
        case .tooManyFields(let line, let limit):
            return .error(
                .rowWithMoreFields(than: limit), at: SourceLocation(file: file, line: line, column: 1),
                hint: .checkDelimiter)
        case .utf16:
            return .error(.fileIsUTF16, at: .start(of: file), hint: .saveExportAsUTF8)
        }
    }

    /// The next record, read errors made diagnostics.
    @inline(__always)
    static func next(_ reader: CSVReader, file: String) throws(DiagnosticError) -> Bool {
        do {
            return try reader.next()
        } catch {
            throw DiagnosticError(diagnostic(for: error, file: file))
        }
    }

    @inline(__always)
    func next(_ reader: CSVReader) throws(DiagnosticError) -> Bool {
        try TicketRun.next(reader, file: file)
    }

    @inline(__always)
    static func isBlank(_ reader: CSVReader) -> Bool {
        reader.fieldCount == 1 && reader.problem == nil && reader.field(0).isEmpty && !reader.isQuoted(0)
    }

    /// Reads the next row with content into `facts`; false at the end of the file. A row that cannot be
    /// read is reported (or, with --strict, stops the run) and skipped.
    @inline(__always)
    mutating func nextRow(_ reader: CSVReader, _ rowReader: TicketRowReader, into facts: inout TicketFacts)
        throws(DiagnosticError) -> Bool
    {
        while try next(reader) {
            if TicketRun.isBlank(reader) { continue }
            rows += 1
            do throws(RowProblem) {
                try rowReader.read(reader, into: &facts)
                return true
            } catch {
                try report(error, reader)
            }
        }
        return false
    }

    /// One row per ticket.
    mutating func readTickets(_ reader: CSVReader, _ rowReader: TicketRowReader) throws(DiagnosticError) {
        var facts = TicketFacts()
        while try nextRow(reader, rowReader, into: &facts) {
            if let (message, field) = tally.contradiction(facts) {
                let column = rowReader.column(of: field).map { reader.location(ofField: $0) }
                try report(message, line: column?.line ?? reader.line, column: column?.column ?? 1)
                continue
            }
            tally.add(facts)
        }
    }

    /// Several rows per ticket, collapsed by ticket id.
    mutating func readEventLog(
        _ reader: CSVReader, _ rowReader: TicketRowReader, _ take: TakeRules, order: TicketMapping.Order
    ) throws(DiagnosticError) {
        var collapser = EventLogCollapser(order: order, take: take)
        var facts = TicketFacts()
        while try nextRow(reader, rowReader, into: &facts) {
            guard let id = rowReader.ticketId(reader) else {
                try report(.noTicketID(inColumn: rowReader.idHeader), line: reader.line, column: 1)
                continue
            }
            if let finished = collapser.add(id: id, facts: facts, line: reader.line) {
                try finish(finished)
            }
            if let reappeared = collapser.reappeared {
                throw DiagnosticError(
                    .error(
                        .ticketRowsNotTogether(reappeared.id),
                        at: SourceLocation(file: file, line: reappeared.line, column: 1), hint: .sortExportByTicket))
            }
        }
        for ticket in collapser.finishAll() { try finish(ticket) }
    }

    mutating func finish(_ ticket: EventLogCollapser.Ticket) throws(DiagnosticError) {
        if let (message, _) = tally.contradiction(ticket.facts) {
            try report(
                .ticketContradiction(ticket.id, rows: ticket.rows, message), line: ticket.lastLine, column: 1,
                rows: ticket.rows)
            return
        }
        tally.add(ticket.facts)
    }
}
