import Foundation
import MaturityCore
import MaturitySheets

/// A sheet read back for import: its header row found by the columns it must have, then each row's
/// cells by column key, turned into text, numbers, dates and levels with a located problem for every
/// cell that cannot be used.
struct SheetGrid {
    let sheet: ReadSheet
    /// Row number of the header.
    let headerRow: Int
    /// Column key → column number.
    let columns: [String: Int]

    /// Finds the header among the first 30 rows: the first row holding every column of `required`.
    /// Columns of `known` in that row are mapped; other headers are left alone.
    static func find(
        in sheet: ReadSheet, required: [SheetColumn], known: [SheetColumn], bag: inout DiagnosticBag
    ) -> SheetGrid? {
        for row in sheet.rows.prefix(30) {
            var found: [String: Int] = [:]
            var firstAt: [String: Int] = [:]
            for cell in row.cells {
                guard case .text(let text) = cell.content else { continue }
                guard let column = known.first(where: { $0.matches(text) }) else { continue }
                if let first = firstAt[column.key] {
                    bag.append(
                        .error(
                            .headerColumnTwice(
                                text, SourceLocation.columnName(first), SourceLocation.columnName(cell.column)),
                            at: sheet.location(row: row.number, column: cell.column), hint: .keepOneColumn))
                    continue
                }
                firstAt[column.key] = cell.column
                found[column.key] = cell.column
            }
            if required.allSatisfy({ found[$0.key] != nil }) {
                return SheetGrid(sheet: sheet, headerRow: row.number, columns: found)
            }
        }
        let names = required.map { "'\($0.zh)' / '\($0.en)'" }
        bag.append(.error(.noHeaderRow(names), at: sheet.location, hint: .keepHeaderRow))
        return nil
    }

    /// The rows below the header that hold a value in a column the import reads.
    var dataRows: [ReadRow] {
        let used = Set(columns.values)
        return sheet.rows.filter { $0.number > headerRow && $0.cells.contains { used.contains($0.column) } }
    }

    func cell(_ row: ReadRow, _ key: String) -> ReadCell? {
        columns[key].flatMap { row.cell($0) }
    }

    func location(_ row: ReadRow, _ key: String) -> SourceLocation {
        sheet.location(row: row.number, column: columns[key] ?? 1)
    }

    func location(of cell: ReadCell) -> SourceLocation {
        sheet.location(row: cell.row, column: cell.column)
    }

    // MARK: Typed values

    /// The cell as text: numbers as written (`12`, `1.5`), dates as YYYY-MM-DD, booleans as true/false;
    /// nil for an empty cell. Line breaks are normalised to `\n`; surrounding spaces kept unless `trim`.
    func text(_ row: ReadRow, _ key: String, trim: Bool = true, bag: inout DiagnosticBag) -> String? {
        guard let cell = cell(row, key) else { return nil }
        let text: String
        switch cell.content {
        case .text(let value):
            text = value.utf8.contains(UInt8(ascii: "\r")) ? value.replacingOccurrences(of: "\r\n", with: "\n") : value
        case .number(let value): text = SheetGrid.numberText(value)
        case .date(let serial):
            guard let day = SerialDate.day(serial) else {
                bag.append(SheetImportProblem.notACalendarDate(serial, at: location(of: cell)))
                return nil
            }
            text = day.description
        case .bool(let value): text = value ? "true" : "false"
        case .errorValue(let value):
            bag.append(SheetImportProblem.errorValue(value, at: location(of: cell)))
            return nil
        case .uncalculated:
            bag.append(SheetImportProblem.uncalculated(at: location(of: cell)))
            return nil
        }
        let result = trim ? SheetGrid.trimmed(text) : text
        return result.isEmpty ? nil : result
    }

    /// The cell as a number: a number cell (a percentage-formatted one as its percent), or text that
    /// reads as one (`92.6`, `92.6%`).
    func number(_ row: ReadRow, _ key: String, bag: inout DiagnosticBag) -> Double? {
        guard let cell = cell(row, key) else { return nil }
        switch cell.content {
        case .number(let value):
            // 0.926 shown as 92.6% is 92.6, not 92.60000000000001.
            return cell.isPercent ? Double(String(format: "%.12g", value * 100)) ?? value * 100 : value
        case .date(let serial):
            bag.append(
                SheetImportProblem.dateNotNumber(
                    SerialDate.day(serial)?.description ?? "\(serial)", at: location(of: cell)))
            return nil
        default:
            guard let text = text(row, key, bag: &bag) else { return nil }
            if let value = SheetGrid.parseNumber(text) { return value }
            bag.append(SheetImportProblem.notANumber(text, at: location(of: cell)))
            return nil
        }
    }

    /// The cell as a date: a date cell, or text in a form people type (2026-11-01, 2026/11/1,
    /// 2026.11.1, 2026年11月1日).
    func day(_ row: ReadRow, _ key: String, bag: inout DiagnosticBag) -> Day? {
        guard let cell = cell(row, key) else { return nil }
        switch cell.content {
        case .date(let serial):
            guard let day = SerialDate.day(serial) else {
                bag.append(SheetImportProblem.notACalendarDate(serial, at: location(of: cell)))
                return nil
            }
            return day
        case .number(let value):
            bag.append(SheetImportProblem.numberNotDate(SheetGrid.numberText(value), at: location(of: cell)))
            return nil
        default:
            guard let text = text(row, key, bag: &bag) else { return nil }
            if let day = SheetGrid.parseDay(text) { return day }
            bag.append(SheetImportProblem.notADate(text, at: location(of: cell)))
            return nil
        }
    }

    /// A list of ids in one cell: separated by commas (also full-width), 、, semicolons or line breaks;
    /// each id once.
    func list(_ row: ReadRow, _ key: String, bag: inout DiagnosticBag) -> [String] {
        guard let text = text(row, key, bag: &bag) else { return [] }
        var ids: [String] = []
        for id in SheetGrid.splitList(text) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// `text` without surrounding white space; the same string when there is none (the common case,
    /// without Foundation's slower trimming).
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func splitList(_ text: String) -> [String] {
        text.split { ",，、;；\n\t".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    // MARK: Parsing what people type

    /// A number as text: the shortest form that reads back the same (`3`, `92.6`).
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func parseNumber(_ text: String) -> Double? {
        var plain = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        if plain.hasSuffix("%") || plain.hasSuffix("％") {
            plain = String(plain.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard let value = Double(plain), value.isFinite else { return nil }
        return value
    }

    static func parseDay(_ text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = Day(iso: trimmed) { return day }
        let parts = trimmed.split { "-/.年月日 ".contains($0) }
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2])
        else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
