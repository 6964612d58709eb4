import Foundation
import MaturityCore

/// Reads a worksheet part's `sheetData`: rows and cells in order, each value typed by its cell type
/// and style; formulas are skipped and their saved results kept. Stops at the end of `sheetData`, at
/// the row limit, or when the problems reach the limit.
final class SheetHandler: XMLPartHandler {
    let name: String
    let file: String
    let limits: SheetLimits
    let strings: [String]
    let dateStyles: [Bool]
    let percentStyles: [Bool]
    let uses1904: Bool
    var problems: [Diagnostic] = []
    /// Set when a problem means the rest of the sheet cannot be read (the row limit).
    var fatal = false

    var rows: [ReadRow] = []
    var rowNumber = 0
    var cells: [ReadCell] = []
    var lastColumn = 0

    // The cell being read.
    var inSheetData = false
    var inCell = false
    var cellRow = 0
    var cellColumn = 0
    var cellType = "n"
    var cellStyle = 0
    var hasFormula = false
    var value: String?
    var inline: String?
    var collecting: Collecting?
    var phonetic = 0

    enum Collecting {
        case value
        case inlineText
    }

    init(
        name: String, file: String, limits: SheetLimits, strings: [String], dateStyles: [Bool],
        percentStyles: [Bool], uses1904: Bool
    ) {
        self.name = name
        self.file = file
        self.limits = limits
        self.strings = strings
        self.dateStyles = dateStyles
        self.percentStyles = percentStyles
        self.uses1904 = uses1904
    }

    func location(_ row: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, sheet: name, row: row, column: column)
    }

    /// Records a problem; false when the problems reached the limit and reading must stop.
    func note(_ diagnostic: Diagnostic) -> Bool {
        problems.append(diagnostic)
        return problems.count < limits.problems
    }

    func start(_ element: String, _ attributes: [String: String]) -> Bool {
        switch element {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            let number = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            if number <= rowNumber || number < 1 {
                fatal = true
                problems.append(SheetProblem.outOfOrder(at: location(max(1, number), 1)))
                return false
            }
            if number > limits.rows {
                fatal = true
                problems.append(SheetProblem.tooManyRows(at: location(number, 1), limit: limits.rows))
                return false
            }
            rowNumber = number
            cells = []
            lastColumn = 0
        case "c" where inSheetData:
            inCell = true
            hasFormula = false
            value = nil
            inline = nil
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            cellRow = rowNumber
            if let reference = attributes["r"] {
                guard let parsed = CellReference(reference) else {
                    cellColumn = 0
                    return note(SheetProblem.badReference(reference, at: location(rowNumber, 0)))
                }
                if parsed.row != rowNumber || parsed.column <= lastColumn {
                    fatal = true
                    problems.append(SheetProblem.outOfOrder(at: location(parsed.row, parsed.column)))
                    return false
                }
                cellColumn = parsed.column
            } else {
                cellColumn = lastColumn + 1
            }
            if cellColumn > limits.columns {
                let stop = note(
                    SheetProblem.tooManyColumns(at: location(rowNumber, cellColumn), limit: limits.columns))
                cellColumn = 0
                return stop
            }
            lastColumn = cellColumn
        case "v" where inCell:
            collecting = .value
            value = ""
        case "f" where inCell:
            hasFormula = true
        case "is" where inCell:
            inline = ""
        case "rPh" where inCell:
            phonetic += 1
        case "t" where inCell && inline != nil && phonetic == 0:
            collecting = .inlineText
        default:
            break
        }
        return true
    }

    func end(_ element: String) -> Bool {
        switch element {
        case "v", "t":
            collecting = nil
        case "rPh" where inCell:
            phonetic -= 1
        case "c" where inCell:
            inCell = false
            guard cellColumn > 0 else { return true }
            return finishCell()
        case "row" where inSheetData:
            if !cells.isEmpty { rows.append(ReadRow(number: rowNumber, cells: cells)) }
        case "sheetData":
            // Nothing after the cells is needed: stop here.
            inSheetData = false
            return false
        default:
            break
        }
        return true
    }

    func text(_ text: String) {
        switch collecting {
        case .value: value = (value ?? "") + text
        case .inlineText: inline = (inline ?? "") + text
        case nil: break
        }
    }

    /// Types the cell just read and keeps it; false when reading must stop.
    func finishCell() -> Bool {
        let here = location(cellRow, cellColumn)
        var content: CellContent?
        switch cellType {
        case "s":
            guard let value else { break }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                return note(SheetProblem.badSharedString(value, count: strings.count, at: here))
            }
            content = .text(strings[index])
        case "inlineStr":
            if let inline {
                content = .text(XMLText.decodeXstring(inline))
            } else if let value {
                content = .text(value)
            }
        case "str":
            if let value { content = .text(XMLText.decodeXstring(value)) }
        case "b":
            guard let value else { break }
            switch value.trimmingCharacters(in: .whitespaces).lowercased() {
            case "1", "true": content = .bool(true)
            case "0", "false": content = .bool(false)
            default: return note(SheetProblem.badValue(value, type: .trueOrFalseValue, at: here))
            }
        case "e":
            if let value { content = .errorValue(value) }
        case "d":
            guard let value else { break }
            guard let serial = SheetHandler.isoSerial(value) else {
                return note(SheetProblem.badValue(value, type: .dateValue, at: here))
            }
            content = .date(serial)
        default:
            guard let value else { break }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard let number = Double(trimmed), number.isFinite else {
                return note(SheetProblem.badValue(value, type: .numberValue, at: here))
            }
            if dateStyles.indices.contains(cellStyle), dateStyles[cellStyle] {
                content = .date(uses1904 ? number + SerialDate.offset1904 : number)
            } else {
                content = .number(number)
            }
        }
        if content == nil, hasFormula { content = .uncalculated }
        guard let content else { return true }
        if case .text(let text) = content {
            if let control = text.unicodeScalars.first(where: SheetHandler.isForbiddenControl) {
                return note(SheetProblem.controlCharacter(control, at: here))
            }
            let count = text.count
            if count > limits.cellCharacters {
                return note(SheetProblem.cellTooLong(count, limit: limits.cellCharacters, at: here))
            }
            if text.isEmpty, !hasFormula { return true }
        }
        let percent = percentStyles.indices.contains(cellStyle) && percentStyles[cellStyle]
        cells.append(
            ReadCell(row: cellRow, column: cellColumn, content: content, isFormula: hasFormula, isPercent: percent))
        return true
    }

    /// Control characters a cell may not hold: all but tab, line feed and carriage return.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// A `t="d"` cell's ISO 8601 date (`2026-11-01`, optionally with `T…` time) as a 1900 serial.
    static func isoSerial(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 10, let day = Day(iso: trimmed.prefix(10)) else { return nil }
        var serial = SerialDate.serial(day)
        let rest = trimmed.dropFirst(10)
        if rest.first == "T" {
            let parts = rest.dropFirst().prefix(8).split(separator: ":").compactMap { Double($0) }
            if parts.count >= 2 {
                serial += (parts[0] * 3600 + parts[1] * 60 + (parts.count > 2 ? parts[2] : 0)) / 86400
            }
        }
        return serial
    }
}
