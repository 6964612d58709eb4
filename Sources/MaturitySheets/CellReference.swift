import MaturityCore

/// A cell's address, `D14`: 1-based row and column.
public struct CellReference: Sendable, Hashable, CustomStringConvertible {
    /// The largest row and column a spreadsheet has (Excel's 1,048,576 rows and XFD columns).
    public static let maximumRow = 1_048_576
    public static let maximumColumn = 16_384

    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `D14` (also `$D$14`); nil when it is not a reference inside the sheet's bounds.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...Self.maximumRow).contains(row), (1...Self.maximumColumn).contains(column)
        else { return nil }
        self.row = row
        self.column = column
    }

    /// Column letters alone: 1 → A, 28 → AB.
    public static func columnName(_ column: Int) -> String {
        SourceLocation.columnName(column)
    }

    public var description: String { Self.columnName(column) + String(row) }
}
