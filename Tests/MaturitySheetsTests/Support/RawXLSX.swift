import Foundation
import ZIPFoundation

/// Hand-made xlsx files for the reader's tests: any parts, any XML, as another program (or an
/// attacker) might write them.
enum RawXLSX {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A zip of `parts` (path, bytes), deflated.
    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// A zip with one entry whose bytes come from `provider` (for parts too large to hold in a test).
    static func zip(
        _ parts: [(String, Data)], large path: String, size: Int64, provider: @escaping (Int64, Int) -> Data
    )
        throws -> Data
    {
        let archive = try Archive(accessMode: .create)
        for (name, data) in parts {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: size, compressionMethod: .deflate, bufferSize: 1 << 20
        ) {
            provider($0, $1)
        }
        return archive.data ?? Data()
    }

    /// The parts of a one-sheet workbook named `sheet`, with the given sheet XML body (`<sheetData>…`),
    /// shared strings and styles; `workbookPr` and extra workbook relationships as given.
    static func parts(
        sheet: String = "Sheet1", sheetData: String, strings: [String]? = nil, styles: String? = nil,
        workbookPr: String = "<workbookPr/>", extraRelationships: String = "", extraParts: [(String, String)] = []
    ) -> [(String, Data)] {
        var list: [(String, String)] = [
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
            ),
            (
                "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
            (
                "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\">\(workbookPr)<sheets><sheet name=\"\(sheet)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId3\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>\(extraRelationships)</Relationships>"
            ),
            (
                "xl/worksheets/sheet1.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\">\(sheetData)</worksheet>"
            ),
        ]
        if let strings {
            list.append(
                (
                    "xl/sharedStrings.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\">"
                        + strings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\($0)</t></si>" }.joined()
                        + "</sst>"
                ))
        }
        if let styles {
            list.append(
                (
                    "xl/styles.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"
                ))
        }
        list += extraParts
        return list.map { ($0.0, Data($0.1.utf8)) }
    }

    static func workbook(
        sheet: String = "Sheet1", sheetData: String, strings: [String]? = nil, styles: String? = nil,
        workbookPr: String = "<workbookPr/>", extraRelationships: String = "", extraParts: [(String, String)] = []
    ) throws -> Data {
        try zip(
            parts(
                sheet: sheet, sheetData: sheetData, strings: strings, styles: styles, workbookPr: workbookPr,
                extraRelationships: extraRelationships, extraParts: extraParts))
    }

    /// Styles where cell format 1 shows a date (built-in 14) and 2 a custom yyyy-mm-dd, 3 a percentage.
    static let dateStyles =
        "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts><cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"10\"/></cellXfs>"
}
