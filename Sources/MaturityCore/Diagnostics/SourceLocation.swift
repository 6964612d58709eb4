/// A position in a file a user wrote: 1-based line and column (0 and 0 for the file as a whole), or a
/// cell of a spreadsheet.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// Set for a place in a spreadsheet: the sheet's name, with `line` the row and `column` the column
    /// number (1 = A). Printed `file!sheet!D14`, or `file!sheet` for the sheet as a whole (row 0).
    public var sheet: String?

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = nil
    }

    /// A cell of a spreadsheet (row and column 1-based), or the sheet as a whole when `row` is 0.
    public init(file: String, sheet: String, row: Int, column: Int) {
        self.file = file
        self.line = row
        self.column = column
        self.sheet = sheet
    }

    /// The start of a file, for problems that concern the file as a whole.
    public static func start(of file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    /// The file alone (line and column 0), for problems with the file itself rather than its content:
    /// it cannot be read or written, it is a folder. Printed `path: error: …`.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 0, column: 0)
    }

    public var description: String {
        guard let sheet else { return line == 0 ? file : "\(file):\(line):\(column)" }
        let name = SourceLocation.sheetReference(sheet)
        return line > 0 ? "\(file)!\(name)!\(SourceLocation.columnName(column))\(line)" : "\(file)!\(name)"
    }

    /// A sheet name as a cell reference writes it: quoted when it holds anything but letters, digits or `_`.
    public static func sheetReference(_ name: String) -> String {
        let plain =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Column letters: 1 → A, 26 → Z, 27 → AA.
    public static func columnName(_ column: Int) -> String {
        var n = max(1, column)
        var letters: [Character] = []
        while n > 0 {
            let rest = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + rest))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
    }
}
