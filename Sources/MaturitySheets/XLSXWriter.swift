import Foundation
import MaturityCore
import ZIPFoundation

/// Writes a `Workbook` as an xlsx file (ECMA-376 SpreadsheetML in a zip): shared strings, one styles
/// part with the looks of `CellStyle` and `Highlight.Look`, one part per sheet. The same workbook
/// always gives the same bytes (fixed entry dates, no document properties with a clock).
public enum XLSXWriter {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// The xlsx bytes of `workbook`.
    public static func data(_ workbook: Workbook) -> Data {
        var strings = SharedStrings()
        var parts: [(String, String)] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            parts.append(
                ("xl/worksheets/sheet\(index + 1).xml", worksheetXML(sheet, selected: index == 0, strings: &strings)))
        }
        var files: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: workbook.sheets.count)),
            ("_rels/.rels", rootRelationships()),
            ("xl/workbook.xml", workbookXML(workbook)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: workbook.sheets.count)),
            ("xl/styles.xml", stylesXML()),
            ("xl/sharedStrings.xml", strings.xml()),
        ]
        files += parts
        return zip(files)
    }

    // MARK: Package parts

    static func contentTypes(sheetCount: Int) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 0..<sheetCount {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml +=
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        return xml + "</Types>"
    }

    static func rootRelationships() -> String {
        declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
        for index in 0..<sheetCount {
            xml +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml +=
            "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        xml +=
            "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    static func workbookXML(_ workbook: Workbook) -> String {
        var xml = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in workbook.sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        let filtered = workbook.sheets.enumerated().compactMap { index, sheet in
            filterRange(sheet).map { (index, sheet.name, $0) }
        }
        if !filtered.isEmpty {
            xml += "<definedNames>"
            for (index, name, range) in filtered {
                let first = "$" + CellReference.columnName(range.firstColumn) + "$\(range.firstRow)"
                let last = "$" + CellReference.columnName(range.lastColumn) + "$\(range.lastRow)"
                let reference = "'" + name.replacingOccurrences(of: "'", with: "''") + "'!" + first + ":" + last
                xml +=
                    "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">\(XMLText.escape(reference))</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    /// The header row and the rows below it, over the widest row's columns.
    static func filterRange(_ sheet: Worksheet) -> CellRange? {
        guard let row = sheet.filterRow, sheet.columnCount > 0 else { return nil }
        return CellRange(rows: row...max(row, sheet.rows.count), columns: 1...sheet.columnCount)
    }

    // MARK: Styles

    /// Cell formats in `CellStyle` order, conditional looks in `Highlight.Look` order.
    static func stylesXML() -> String {
        var xml = declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        xml += "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
        let font = "<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>"
        xml += "<fonts count=\"3\"><font>\(font)</font><font><b/>\(font)</font>"
        xml += "<font><b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        xml += "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill>"
        xml += "<fill><patternFill patternType=\"gray125\"/></fill>"
        for colour in ["FFDDE6F0", "FFFFF7D6"] {
            xml +=
                "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(colour)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        xml += "</fills>"
        let side = { (name: String) in "<\(name) style=\"thin\"><color rgb=\"FFB0B7C3\"/></\(name)>" }
        xml += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        xml +=
            "<border>" + side("left") + side("right") + side("top") + side("bottom") + "<diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(CellStyle.allCases.count)\">"
        for style in CellStyle.allCases {
            xml += cellFormat(style)
        }
        xml += "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "<dxfs count=\"\(Highlight.Look.allCases.count)\">"
        for look in Highlight.Look.allCases {
            let (text, fill) =
                switch look {
                case .alarm: ("FF9C0006", "FFFFC7CE")
                case .caution: ("FF9C5700", "FFFFEB9C")
                case .good: ("FF006100", "FFC6EFCE")
                }
            xml +=
                "<dxf><font><color rgb=\"\(text)\"/></font><fill><patternFill><bgColor rgb=\"\(fill)\"/></patternFill></fill></dxf>"
        }
        xml += "</dxfs>"
        return xml + "</styleSheet>"
    }

    static func cellFormat(_ style: CellStyle) -> String {
        let (format, font, fill, border, wrap): (Int, Int, Int, Int, Bool) =
            switch style {
            case .plain: (0, 0, 0, 0, false)
            case .header: (0, 1, 2, 1, true)
            case .wrap: (0, 0, 0, 0, true)
            case .date: (164, 0, 0, 0, false)
            case .title: (0, 2, 0, 0, false)
            case .input: (0, 0, 3, 1, true)
            case .inputDate: (164, 0, 3, 1, false)
            case .label: (0, 1, 0, 0, false)
            case .decimal: (2, 0, 0, 0, false)
            }
        var xml = "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
        if format != 0 { xml += " applyNumberFormat=\"1\"" }
        if font != 0 { xml += " applyFont=\"1\"" }
        if fill != 0 { xml += " applyFill=\"1\"" }
        if border != 0 { xml += " applyBorder=\"1\"" }
        let vertical = style == .header ? "center" : "top"
        xml += " applyAlignment=\"1\"><alignment vertical=\"\(vertical)\"" + (wrap ? " wrapText=\"1\"" : "") + "/></xf>"
        return xml
    }

    // MARK: Worksheets

    static func worksheetXML(_ sheet: Worksheet, selected: Bool, strings: inout SharedStrings) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        let columns = sheet.columnCount
        if columns > 0, !sheet.rows.isEmpty {
            xml += "<dimension ref=\"A1:\(CellReference(row: sheet.rows.count, column: columns))\"/>"
        }
        xml += "<sheetViews><sheetView workbookViewId=\"0\"" + (selected ? " tabSelected=\"1\"" : "") + ">"
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            let topLeft = CellReference(row: sheet.frozenRows + 1, column: sheet.frozenColumns + 1)
            let pane =
                sheet.frozenRows > 0 && sheet.frozenColumns > 0
                ? "bottomRight" : sheet.frozenRows > 0 ? "bottomLeft" : "topRight"
            xml += "<pane"
            if sheet.frozenColumns > 0 { xml += " xSplit=\"\(sheet.frozenColumns)\"" }
            if sheet.frozenRows > 0 { xml += " ySplit=\"\(sheet.frozenRows)\"" }
            xml += " topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/>"
            xml += "<selection pane=\"\(pane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if sheet.columnWidths.contains(where: { $0 > 0 }) {
            xml += "<cols>"
            for (index, width) in sheet.columnWidths.enumerated() where width > 0 {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(number(width))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let r = rowIndex + 1
            xml += "<row r=\"\(r)\">"
            for (columnIndex, cell) in row.enumerated() {
                if case .empty = cell.value, cell.style == .plain { continue }
                let reference = CellReference(row: r, column: columnIndex + 1).description
                let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case .empty:
                    xml += "<c r=\"\(reference)\"\(style)/>"
                case .text(let text):
                    xml += "<c r=\"\(reference)\"\(style) t=\"s\"><v>\(strings.index(of: text))</v></c>"
                case .number(let value):
                    xml += "<c r=\"\(reference)\"\(style)><v>\(number(value))</v></c>"
                case .date(let day):
                    xml += "<c r=\"\(reference)\"\(style)><v>\(number(SerialDate.serial(day)))</v></c>"
                case .bool(let value):
                    xml += "<c r=\"\(reference)\"\(style) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if let range = filterRange(sheet) { xml += "<autoFilter ref=\"\(range)\"/>" }
        var priority = 1
        for highlight in sheet.highlights {
            xml += "<conditionalFormatting sqref=\"\(highlight.range)\">"
            xml += "<cfRule type=\"expression\" dxfId=\"\(highlight.look.rawValue)\" priority=\"\(priority)\">"
            xml += "<formula>\(XMLText.escape(highlight.formula))</formula></cfRule></conditionalFormatting>"
            priority += 1
        }
        if !sheet.validations.isEmpty {
            xml += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations { xml += validationXML(validation) }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return xml + "</worksheet>"
    }

    static func validationXML(_ validation: DataValidation) -> String {
        var xml = "<dataValidation"
        let formula: String
        switch validation.rule {
        case .list(let values):
            xml += " type=\"list\""
            formula = "\"" + values.joined(separator: ",") + "\""
        case .date:
            xml += " type=\"date\" operator=\"greaterThanOrEqual\""
            formula = "1"
        case .decimal(let minimum):
            xml += " type=\"decimal\"" + (minimum == nil ? " operator=\"between\"" : " operator=\"greaterThanOrEqual\"")
            formula = minimum.map(number) ?? "-1E+307"
        }
        xml += " allowBlank=\"1\""
        if let prompt = validation.prompt { xml += " showInputMessage=\"1\" prompt=\"\(XMLText.escape(prompt))\"" }
        if let warning = validation.warning {
            xml += " showErrorMessage=\"1\" errorStyle=\"warning\" error=\"\(XMLText.escape(warning))\""
        }
        xml += " sqref=\"\(validation.range)\"><formula1>\(XMLText.escape(formula))</formula1>"
        if case .decimal(nil) = validation.rule { xml += "<formula2>1E+307</formula2>" }
        return xml + "</dataValidation>"
    }

    /// A number as SpreadsheetML writes it: whole numbers without a decimal point, others the shortest
    /// text that reads back as the same Double.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    // MARK: Zip

    /// 1980-01-01T00:00:00Z, the earliest date a zip entry can carry: the same bytes on every run.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    static func zip(_ files: [(String, String)]) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for (path, text) in files {
                let data = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return archive.data ?? Data()
        } catch {
            // An in-memory archive fails only when memory does; there is no input to blame.
            preconditionFailure("cannot build the xlsx archive in memory: \(error)")
        }
    }
}

/// The shared-string table: each distinct text once, in order of first use.
struct SharedStrings {
    var order: [String] = []
    var positions: [String: Int] = [:]
    var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = positions[text] { return index }
        positions[text] = order.count
        order.append(text)
        return order.count - 1
    }

    func xml() -> String {
        var xml = XLSXWriter.declaration
        xml += "<sst xmlns=\"\(XLSXWriter.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(order.count)\">"
        for text in order {
            let encoded = XMLText.encodeXstring(text)
            let preserve =
                encoded.first.map { $0.isWhitespace } == true || encoded.last.map { $0.isWhitespace } == true
                || encoded.contains("\n")
            xml += preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            XMLText.escape(encoded, into: &xml)
            xml += "</t></si>"
        }
        return xml + "</sst>"
    }
}
