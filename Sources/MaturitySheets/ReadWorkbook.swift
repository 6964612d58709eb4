import MaturityCore

/// What a cell holds, as read: formulas are never evaluated, their saved result is the value.
public enum CellContent: Sendable, Hashable {
    case text(String)
    case number(Double)
    /// A number with a date format: the serial number in the 1900 date system (a 1904 workbook's
    /// serials are converted), time of day as the fraction.
    case date(Double)
    case bool(Bool)
    /// An error value the spreadsheet shows: `#N/A`, `#REF!`, …
    case errorValue(String)
    /// A formula saved without its result (a file written by a program that does not calculate).
    case uncalculated
}

/// One cell read from a sheet.
public struct ReadCell: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public var content: CellContent
    /// Whether the value is a formula's saved result.
    public var isFormula: Bool
    /// Whether the cell shows its number as a percentage (0.926 shown as 92.6%).
    public var isPercent: Bool

    public init(row: Int, column: Int, content: CellContent, isFormula: Bool = false, isPercent: Bool = false) {
        self.row = row
        self.column = column
        self.content = content
        self.isFormula = isFormula
        self.isPercent = isPercent
    }
}

/// One row read from a sheet: its cells in column order, empty cells left out.
public struct ReadRow: Sendable, Hashable {
    public var number: Int
    public var cells: [ReadCell]

    public init(number: Int, cells: [ReadCell]) {
        self.number = number
        self.cells = cells
    }

    public func cell(_ column: Int) -> ReadCell? {
        cells.first { $0.column == column }
    }
}

/// One sheet read from a workbook: the rows that hold a value, in order.
public struct ReadSheet: Sendable {
    public var name: String
    public var rows: [ReadRow]
    /// The workbook file as diagnostics name it.
    public var file: String

    public init(name: String, rows: [ReadRow], file: String) {
        self.name = name
        self.rows = rows
        self.file = file
    }

    /// Where a cell of this sheet is, for diagnostics: `worksheet.xlsx!Criteria!D14`.
    public func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, sheet: name, row: row, column: column)
    }

    /// The sheet as a whole.
    public var location: SourceLocation { SourceLocation(file: file, sheet: name, row: 0, column: 0) }
}

/// The sheets read from a workbook.
public struct ReadWorkbook: Sendable {
    public var file: String
    /// Every worksheet's name, in the workbook's order (read or not).
    public var sheetNames: [String]
    public var sheets: [ReadSheet]
    /// Whether the workbook counts dates from 1904 (its serials were converted to the 1900 system).
    public var uses1904: Bool

    public init(file: String, sheetNames: [String], sheets: [ReadSheet], uses1904: Bool = false) {
        self.file = file
        self.sheetNames = sheetNames
        self.sheets = sheets
        self.uses1904 = uses1904
    }

    public func sheet(_ name: String) -> ReadSheet? {
        sheets.first { $0.name == name }
    }
}
