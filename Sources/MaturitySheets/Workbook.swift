import MaturityCore

/// A workbook to write: sheets of typed cells, with the few features our sheets use — column widths,
/// frozen header rows, drop-down lists and date checks, conditional highlights, a filter on the header.
public struct Workbook: Sendable {
    public var sheets: [Worksheet]

    public init(sheets: [Worksheet] = []) {
        self.sheets = sheets
    }
}

/// One sheet of a workbook to write; rows start at row 1.
public struct Worksheet: Sendable {
    public var name: String
    public var rows: [[Cell]]
    /// Widths in characters, by column (index 0 is column A); 0 leaves a column at the default width.
    public var columnWidths: [Double]
    /// Rows and columns kept in view when scrolling (a frozen header row, the id column).
    public var frozenRows: Int
    public var frozenColumns: Int
    public var validations: [DataValidation]
    public var highlights: [Highlight]
    /// The header row a filter is put on (1-based), over the columns of the widest row.
    public var filterRow: Int?

    public init(
        name: String, rows: [[Cell]] = [], columnWidths: [Double] = [], frozenRows: Int = 0, frozenColumns: Int = 0,
        validations: [DataValidation] = [], highlights: [Highlight] = [], filterRow: Int? = nil
    ) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.frozenColumns = frozenColumns
        self.validations = validations
        self.highlights = highlights
        self.filterRow = filterRow
    }

    /// The number of columns of the widest row.
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }
}

/// A cell to write: a value and how it looks.
public struct Cell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case empty
        case text(String)
        case number(Double)
        /// A calendar date, written as a serial number with a date format (a real date to the spreadsheet).
        case date(Day)
        case bool(Bool)
    }

    public var value: Value
    public var style: CellStyle

    public init(_ value: Value, style: CellStyle = .plain) {
        self.value = value
        self.style = style
    }

    public static let empty = Cell(.empty)

    public static func text(_ text: String, _ style: CellStyle = .plain) -> Cell {
        Cell(text.isEmpty ? .empty : .text(text), style: style)
    }

    public static func number(_ value: Double?, _ style: CellStyle = .plain) -> Cell {
        Cell(value.map(Value.number) ?? .empty, style: style)
    }

    public static func int(_ value: Int?, _ style: CellStyle = .plain) -> Cell {
        Cell(value.map { .number(Double($0)) } ?? .empty, style: style)
    }

    public static func date(_ day: Day?, _ style: CellStyle = .date) -> Cell {
        Cell(day.map(Value.date) ?? .empty, style: style)
    }
}

/// The looks a cell can have; the writer's styles part lists them in this order.
public enum CellStyle: Int, Sendable, Hashable, CaseIterable {
    case plain
    /// Bold on a tinted background, wrapped, with a border: a table's header row.
    case header
    /// Text wrapped, aligned to the top: descriptors and notes.
    case wrap
    /// A date shown as yyyy-mm-dd.
    case date
    /// A sheet's title: bold and larger.
    case title
    /// A cell to fill in: a light yellow background with a border.
    case input
    /// A date to fill in.
    case inputDate
    /// A bold label (the left side of a label–value pair).
    case label
    /// A number shown with two decimals (scores).
    case decimal
}

/// A rectangle of cells, 1-based and inclusive.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.firstRow = rows.lowerBound
        self.lastRow = rows.upperBound
        self.firstColumn = columns.lowerBound
        self.lastColumn = columns.upperBound
    }

    /// `B4:B43`, or `B4` for one cell.
    public var description: String {
        let first = CellReference(row: firstRow, column: firstColumn).description
        if firstRow == lastRow, firstColumn == lastColumn { return first }
        return first + ":" + CellReference(row: lastRow, column: lastColumn).description
    }
}

/// What a range of cells accepts; spreadsheets show a drop-down for a list and warn on other input.
public struct DataValidation: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// One of these values, offered in a drop-down.
        case list([String])
        /// A date.
        case date
        /// A number, at least `minimum` when given.
        case decimal(minimum: Double?)
    }

    public var range: CellRange
    public var rule: Rule
    /// Shown when the cell is selected.
    public var prompt: String?
    /// Shown when the input does not fit; the spreadsheet warns and lets the person keep it, so that
    /// what people type (`3级`, `已完成`) still reaches the import, which reads either language.
    public var warning: String?

    public init(range: CellRange, rule: Rule, prompt: String? = nil, warning: String? = nil) {
        self.range = range
        self.rule = rule
        self.prompt = prompt
        self.warning = warning
    }
}

/// A conditional format: cells of `range` take `look` while `formula` (written for the range's first
/// cell, relative references) holds. The spreadsheet evaluates it; the tool never does.
public struct Highlight: Sendable, Hashable {
    public enum Look: Int, Sendable, Hashable, CaseIterable {
        /// Dark red text on light red: overdue.
        case alarm
        /// Dark yellow text on light yellow: due soon.
        case caution
        /// Dark green text on light green: done.
        case good
    }

    public var range: CellRange
    public var formula: String
    public var look: Look

    public init(range: CellRange, formula: String, look: Look) {
        self.range = range
        self.formula = formula
        self.look = look
    }
}
