import Foundation

/// A problem with one row: which field (nil: the whole record) and what is wrong.
struct RowProblem: Error {
    var field: Int?
    var message: Diagnostic.Message
}

/// A mapping applied to one export's header: where each mapped column is, and its value lists as
/// bytes, so that a row becomes `TicketFacts` without making a String.
final class TicketRowReader {
    final class Slot {
        let index: Int
        let header: String
        let formats: [TimestampFormat]
        let isoOnly: Bool
        let trueValues: ValueSet
        let falseValues: ValueSet
        let otherwise: Bool?
        let scoreWords: ValueSet
        let scores: [Int64]
        let whenIndex: Int
        let whenValues: ValueSet

        init(
            index: Int, header: String, formats: [TimestampFormat], isoOnly: Bool, trueValues: ValueSet,
            falseValues: ValueSet, otherwise: Bool?, scoreWords: ValueSet, scores: [Int64], whenIndex: Int,
            whenValues: ValueSet
        ) {
            self.index = index
            self.header = header
            self.formats = formats
            self.isoOnly = isoOnly
            self.trueValues = trueValues
            self.falseValues = falseValues
            self.otherwise = otherwise
            self.scoreWords = scoreWords
            self.scores = scores
            self.whenIndex = whenIndex
            self.whenValues = whenValues
        }
    }

    let headerCount: Int
    let missing: ValueSet
    let zone: ZoneClock
    let mapped: Set<TicketMapping.Field>

    let id: Slot?
    let created: Slot?
    let firstResponse: Slot?
    let responseMinutes: Slot?
    let resolved: Slot?
    let priority: Slot?
    let slaMet: Slot?
    let fcr: Slot?
    let csat: Slot?
    let complaint: Slot?
    let reopened: Slot?
    let callback: Slot?

    let priorityWords: ValueSet
    let priorityDeadlines: [Int64]
    let urgent: ValueSet
    let urgentDeadline: Int64
    let otherDeadline: Int64

    /// Finds the mapped columns in `header`; problems are located in the mapping, or in `file` for
    /// the built-in simple format.
    init(mapping: TicketMapping, header: [String], file: String) throws(DiagnosticError) {
        headerCount = header.count
        missing = ValueSet(mapping.missing)
        zone = ZoneClock(mapping.timeZone)
        var bag = DiagnosticBag()
        let trimmedHeader = header.map { $0.trimmingCharacters(in: .whitespaces) }

        func position(of name: String, at location: SourceLocation?) -> Int? {
            let wanted = name.trimmingCharacters(in: .whitespaces)
            let found = trimmedHeader.indices.filter { trimmedHeader[$0] == wanted }
            if found.count > 1 {
                bag.append(
                    .error(
                        .columnRepeated(name, times: found.count, in: file, columns: found.map { $0 + 1 }),
                        at: location ?? .start(of: file), hint: .renameColumnsUnique))
                return nil
            }
            if let index = found.first { return index }
            if mapping.columnsOptional { return nil }
            let hint =
                Suggestion.hintMessage(for: wanted, in: trimmedHeader, listUpTo: 0)
                ?? .headerHas(Array(trimmedHeader.prefix(40)))
            bag.append(.error(.columnNotInHeader(name, of: file), at: location, hint: hint))
            return nil
        }

        var slots: [TicketMapping.Field: Slot] = [:]
        for field in TicketMapping.Field.allCases {
            guard let column = mapping.columns[field],
                let index = position(of: column.header, at: column.location)
            else { continue }
            var whenIndex = -1
            var whenValues = ValueSet([])
            if let when = column.when {
                guard let found = position(of: when.column, at: when.location ?? column.location) else { continue }
                whenIndex = found
                whenValues = ValueSet(when.values)
            }
            let words = column.scores.keys.sorted()
            slots[field] = Slot(
                index: index, header: column.header, formats: column.formats ?? mapping.dateFormats,
                isoOnly: (column.formats ?? mapping.dateFormats).allSatisfy(\.isISO8601),
                trueValues: ValueSet(column.trueValues ?? mapping.trueValues),
                falseValues: ValueSet(column.falseValues ?? mapping.falseValues), otherwise: column.otherwise,
                scoreWords: ValueSet(words),
                scores: words.map { Int64((column.scores[$0, default: 0] * 1000).rounded()) },
                whenIndex: whenIndex, whenValues: whenValues)
        }
        if mapping.columnsOptional, slots.isEmpty, bag.all.isEmpty {
            bag.append(
                .error(
                    .noSimpleFormatColumns(file), at: .start(of: file),
                    hint: .nameSimpleColumns(TicketMapping.simpleFormatHeaders.map(\.1))))
        }
        if mapping.eventLog != nil, slots[.id] == nil, bag.all.isEmpty {
            bag.append(.error(.eventLogNeedsIDColumn, at: .start(of: mapping.file ?? file)))
        }
        try bag.throwIfErrors()

        id = slots[.id]
        created = slots[.created]
        firstResponse = slots[.firstResponse]
        responseMinutes = slots[.firstResponseMinutes]
        resolved = slots[.resolved]
        priority = slots[.priority]
        slaMet = slots[.slaMet]
        fcr = slots[.fcr]
        csat = slots[.csat]
        complaint = slots[.complaint]
        reopened = slots[.reopened]
        callback = slots[.callback]
        mapped = Set(slots.keys)

        func milliseconds(_ hours: Double) -> Int64 { Int64((hours * 3_600_000).rounded()) }
        priorityWords = ValueSet(mapping.sla.byPriority.map(\.priority))
        priorityDeadlines = mapping.sla.byPriority.map { milliseconds($0.hours) }
        urgent = ValueSet(mapping.urgent)
        urgentDeadline = milliseconds(mapping.sla.urgentHours)
        otherDeadline = milliseconds(mapping.sla.otherHours)
    }

    // MARK: Reading a row

    /// The trimmed value of a slot's field, or nil when it is missing (or its condition does not hold).
    @inline(__always)
    private func value(_ slot: Slot, _ r: CSVReader) -> UnsafeBufferPointer<UInt8>? {
        if slot.whenIndex >= 0, !slot.whenValues.contains(ValueSet.trim(r.field(slot.whenIndex))) { return nil }
        let v = ValueSet.trim(r.field(slot.index))
        if v.isEmpty || (!missing.isEmpty && missing.contains(v)) { return nil }
        return v
    }

    @inline(__always)
    private func timestamp(_ slot: Slot?, _ r: CSVReader) throws(RowProblem) -> Int64? {
        guard let slot, let v = value(slot, r) else { return nil }
        if slot.isoOnly, let written = TimestampFormat.parseISO(v) {
            if let offset = written.offsetSeconds { return written.milliseconds - Int64(offset) * 1000 }
            return zone.utc(fromLocal: written.milliseconds)
        }
        for format in slot.formats where !slot.isoOnly {
            if let written = format.parse(v) {
                if let offset = written.offsetSeconds { return written.milliseconds - Int64(offset) * 1000 }
                return zone.utc(fromLocal: written.milliseconds)
            }
        }
        throw RowProblem(
            field: slot.index,
            message: .notADateTime(Self.text(v), column: slot.header, formats: slot.formats.map(\.pattern)))
    }

    @inline(__always)
    private func flag(_ slot: Slot?, _ r: CSVReader, counts: Bool = false) throws(RowProblem) -> Bool? {
        guard let slot, let v = value(slot, r) else { return nil }
        if slot.trueValues.contains(v) { return true }
        if slot.falseValues.contains(v) { return false }
        if counts, let n = ValueSet.thousandths(v), n >= 0, n % 1000 == 0 { return n > 0 }
        if let otherwise = slot.otherwise { return otherwise }
        throw RowProblem(
            field: slot.index,
            message: .neitherTrueNorFalse(Self.text(v), column: slot.header))
    }

    /// Reads one record into `facts`; a problem leaves the row out.
    @inline(__always)
    func read(_ r: CSVReader, into facts: inout TicketFacts) throws(RowProblem) {
        if let problem = r.problem {
            switch problem {
            case .unterminatedQuote(let field):
                throw RowProblem(field: field, message: .quotedFieldNotClosed)
            case .textAfterClosingQuote(let field):
                throw RowProblem(field: field, message: .textAfterClosingQuote)
            }
        }
        guard r.fieldCount == headerCount else {
            throw RowProblem(field: nil, message: .rowFieldCount(r.fieldCount, header: headerCount))
        }
        facts.created = try timestamp(created, r)
        facts.firstResponse = try timestamp(firstResponse, r)
        facts.resolved = try timestamp(resolved, r)
        if let slot = responseMinutes, let v = value(slot, r) {
            guard let thousandths = ValueSet.thousandths(v) else {
                throw RowProblem(
                    field: slot.index,
                    message: .notMinutes(Self.text(v), column: slot.header))
            }
            facts.responseTime = thousandths * 60
        } else {
            facts.responseTime = nil
        }
        if let slot = priority {
            if let v = value(slot, r) {
                if !priorityWords.isEmpty, let index = priorityWords.index(of: v) {
                    facts.deadline = priorityDeadlines[index]
                } else {
                    facts.deadline = urgent.contains(v) ? urgentDeadline : otherDeadline
                }
            } else {
                facts.deadline = nil
            }
        } else {
            facts.deadline = otherDeadline
        }
        facts.slaMet = try flag(slaMet, r)
        facts.fcr = try flag(fcr, r)
        facts.complaint = try flag(complaint, r)
        facts.reopened = try flag(reopened, r, counts: true)
        facts.callback = try flag(callback, r)
        if let slot = csat, let v = value(slot, r) {
            var score: Int64?
            if !slot.scoreWords.isEmpty, let index = slot.scoreWords.index(of: v) { score = slot.scores[index] }
            if score == nil { score = ValueSet.thousandths(v) }
            guard let score else {
                throw RowProblem(
                    field: slot.index, message: .notARating(Self.text(v), column: slot.header))
            }
            guard score >= 1000, score <= 5000 else {
                throw RowProblem(
                    field: slot.index, message: .ratingOutside(Self.text(v), column: slot.header))
            }
            facts.csat = score
        } else {
            facts.csat = nil
        }
    }

    /// The ticket id of the current record (trimmed), nil when missing.
    @inline(__always)
    func ticketId(_ r: CSVReader) -> UnsafeBufferPointer<UInt8>? {
        guard let id else { return nil }
        return value(id, r)
    }

    var idHeader: String { id?.header ?? "id" }

    /// Where a field's column is in the row.
    func column(of field: TicketMapping.Field) -> Int? {
        switch field {
        case .created: created?.index
        case .firstResponse: firstResponse?.index
        case .firstResponseMinutes: responseMinutes?.index
        case .resolved: resolved?.index
        default: nil
        }
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
