import Foundation
import MaturityCore
import MaturitySheets
import Testing
import ZIPFoundation

/// Helpers for tests of workbooks: a temporary folder, and a workbook read back as a grid of cells
/// that a test edits the way a person would in a spreadsheet, then saves.
enum SheetTesting {
    static func folder(_ name: String = "sheets") throws -> String {
        let folder = NSTemporaryDirectory() + "maturity-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Copies an example's folder without its assessment.yaml (evidence files stay, for the import).
    static func exampleFolder(_ example: String) throws -> String {
        let folder = try self.folder("example")
        let source = CLI.projectRoot + "/Examples/" + example
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name != "assessment.yaml" {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/" + name)
        }
        return folder
    }

    /// `text` of a JSON result without its `signoff`: the sign-off hashes the assessment file and its
    /// path, which an imported copy cannot share; everything else must be the same.
    static func withoutSignOff(_ text: String) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        object["signoff"] = nil
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

/// A workbook as a grid of values, edited cell by cell and saved again (styles are not kept: the
/// import reads values only).
struct EditableWorkbook {
    var sheets: [(name: String, rows: [[Cell.Value]])]

    init(path: String) throws {
        let read = try XLSXReader.read(path: path, shown: (path as NSString).lastPathComponent)
        sheets = read.sheets.map { sheet in
            var rows: [[Cell.Value]] = []
            for row in sheet.rows {
                while rows.count < row.number { rows.append([]) }
                for cell in row.cells {
                    while rows[row.number - 1].count < cell.column { rows[row.number - 1].append(.empty) }
                    rows[row.number - 1][cell.column - 1] = EditableWorkbook.value(cell.content)
                }
            }
            return (sheet.name, rows)
        }
    }

    static func value(_ content: CellContent) -> Cell.Value {
        switch content {
        case .text(let text): return .text(text)
        case .number(let value): return .number(value)
        case .date(let serial): return SerialDate.day(serial).map(Cell.Value.date) ?? .number(serial)
        case .bool(let value): return .bool(value)
        case .errorValue(let text): return .text(text)
        case .uncalculated: return .empty
        }
    }

    func index(_ sheet: String) -> Int? { sheets.firstIndex { $0.name == sheet } }

    /// The 1-based column whose header in `row` is `label`.
    func column(_ label: String, sheet: String, headerRow: Int) -> Int? {
        guard let s = index(sheet), sheets[s].rows.count >= headerRow else { return nil }
        return sheets[s].rows[headerRow - 1].firstIndex { $0 == .text(label) }.map { $0 + 1 }
    }

    /// The 1-based row whose first cell is `text`.
    func row(starting text: String, sheet: String) -> Int? {
        guard let s = index(sheet) else { return nil }
        return sheets[s].rows.firstIndex { $0.first == .text(text) }.map { $0 + 1 }
    }

    mutating func set(_ sheet: String, row: Int, column: Int, _ value: Cell.Value) {
        guard let s = index(sheet) else { return }
        while sheets[s].rows.count < row { sheets[s].rows.append([]) }
        while sheets[s].rows[row - 1].count < column { sheets[s].rows[row - 1].append(.empty) }
        sheets[s].rows[row - 1][column - 1] = value
    }

    func data() -> Data {
        XLSXWriter.data(
            Workbook(
                sheets: sheets.map { sheet in
                    Worksheet(
                        name: sheet.name,
                        rows: sheet.rows.map { row in
                            row.map { value in
                                if case .date = value { return Cell(value, style: .date) }
                                return Cell(value)
                            }
                        })
                }))
    }

    func save(to path: String) throws {
        try data().write(to: URL(fileURLWithPath: path))
    }
}

/// One part of an xlsx zip, as text (to look at the XML the tool wrote).
enum RawZip {
    struct Missing: Error {}

    static func text(of part: String, in data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        guard let entry = archive[part] else { throw Missing() }
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }
}
