import Foundation
import MaturityCore
import Testing

@testable import MaturitySheets

/// Workbooks made to hurt a reader: each is refused with a located error, quickly and without holding
/// more than the limits allow.
@Suite struct HostileWorkbookTests {
    func problems(_ data: Data, limits: SheetLimits = .standard) -> [String] {
        do {
            _ = try XLSXReader.read(data, file: "w.xlsx", limits: limits)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The first line of each problem (the message without its hint).
    func messages(_ data: Data, limits: SheetLimits = .standard) -> [String] {
        problems(data, limits: limits).map { String($0.split(separator: "\n").first ?? "") }
    }

    @Test func aZipBombIsStoppedAtThePartLimitWhateverItsHeaderSays() throws {
        // 100 MB of zeros deflate to about 100 KB; the reader must stop after 64 MB.
        let parts = RawXLSX.parts(sheetData: "<sheetData/>")
        let size: Int64 = 100 << 20
        var data = try RawXLSX.zip(
            parts.filter { $0.0 != "xl/worksheets/sheet1.xml" }, large: "xl/worksheets/sheet1.xml", size: size
        ) { _, count in Data(count: count) }
        // Make the headers lie: the central directory says the part inflates to 100 bytes.
        data = Self.understateSizes(data, of: "xl/worksheets/sheet1.xml")
        let start = Date()
        #expect(
            messages(data) == [
                "w.xlsx: error: part 'xl/worksheets/sheet1.xml' of 'w.xlsx' inflates to more than 64 MB; reading stopped there"
            ])
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func manyPartsTogetherAreStoppedAtTheTotalLimit() throws {
        var parts = RawXLSX.parts(sheetData: "<sheetData/>", strings: [String(repeating: "x", count: 600_000)])
        parts = parts.map { name, data in
            name == "xl/worksheets/sheet1.xml"
                ? (name, Data((String(repeating: " ", count: 600_000) + String(decoding: data, as: UTF8.self)).utf8))
                : (name, data)
        }
        let limits = SheetLimits(partBytes: 1 << 20, totalBytes: 1 << 20)
        #expect(
            messages(try RawXLSX.zip(parts), limits: limits) == [
                "w.xlsx: error: the parts of 'w.xlsx' inflate to more than 1 MB in all; reading stopped there"
            ])
    }

    @Test func aMillionRowSheetStopsAtTheRowLimit() throws {
        // Rows without a number follow the one before: this is rows 1 to 1,000,000.
        let xml = "<sheetData>" + String(repeating: "<row><c><v>1</v></c></row>", count: 1_000_000) + "</sheetData>"
        let data = try RawXLSX.workbook(sheetData: xml)
        let start = Date()
        #expect(
            messages(data) == [
                "w.xlsx!Sheet1!A100001: error: row 100001 is beyond the 100000 rows a sheet may have; reading stopped there"
            ])
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func aRowFarDownIsRefusedWithoutReadingTheRowsBetween() throws {
        let data = try RawXLSX.workbook(
            sheetData: "<sheetData><row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row></sheetData>")
        #expect(
            messages(data) == [
                "w.xlsx!Sheet1!A1048576: error: row 1048576 is beyond the 100000 rows a sheet may have; reading stopped there"
            ])
    }

    @Test func entityExpansionIsRefusedBeforeParsing() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><sst xmlns="\(RawXLSX.main)"><si><t>&lol9;</t></si></sst>
            """
        var parts = RawXLSX.parts(
            sheetData: "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>")
        parts.append(("xl/sharedStrings.xml", Data(laughs.utf8)))
        #expect(
            messages(try RawXLSX.zip(parts)) == [
                "w.xlsx: error: part 'xl/sharedStrings.xml' of 'w.xlsx' declares a DTD or entities, which SpreadsheetML never does; it is not read"
            ])
    }

    @Test func anExternalEntityInASheetIsRefusedAtTheSheet() throws {
        let sheet = """
            <?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="\(RawXLSX.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>
            """
        var parts = RawXLSX.parts(sheetData: "")
        parts = parts.filter { $0.0 != "xl/worksheets/sheet1.xml" } + [("xl/worksheets/sheet1.xml", Data(sheet.utf8))]
        #expect(
            messages(try RawXLSX.zip(parts)) == [
                "w.xlsx!Sheet1: error: part 'xl/worksheets/sheet1.xml' of 'w.xlsx' declares a DTD or entities, which SpreadsheetML never does; it is not read"
            ])
    }

    @Test func aLinkToAnotherWorkbookIsRefusedNamingIt() throws {
        let data = try RawXLSX.workbook(
            sheetData: "<sheetData><row r=\"1\"><c r=\"A1\"><f>[1]Sheet1!A1</f><v>5</v></c></row></sheetData>",
            extraRelationships:
                "<Relationship Id=\"rId9\" Type=\"\(RawXLSX.rel)/externalLink\" Target=\"externalLinks/externalLink1.xml\"/>",
            extraParts: [
                (
                    "xl/externalLinks/externalLink1.xml",
                    "<externalLink xmlns=\"\(RawXLSX.main)\"><externalBook xmlns:r=\"\(RawXLSX.rel)\" r:id=\"rId1\"/></externalLink>"
                ),
                (
                    "xl/externalLinks/_rels/externalLink1.xml.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(RawXLSX.rel)/externalLinkPath\" Target=\"file:///C:/budget/targets.xlsx\" TargetMode=\"External\"/></Relationships>"
                ),
            ])
        #expect(
            messages(data) == [
                "w.xlsx: error: 'w.xlsx' links to another workbook ('file:///C:/budget/targets.xlsx'); linked values are not read"
            ])
    }

    @Test func formulasAreReadAsTheirSavedResultsNeverEvaluated() throws {
        let data = try RawXLSX.workbook(
            sheetData: """
                <sheetData><row r="1"><c r="A1"><f>1+1</f><v>7</v></c><c r="B1" t="str"><f>A1&amp;"x"</f><v>saved</v></c>\
                <c r="C1"><f>NOW()</f></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="b"><f>TRUE()</f><v>1</v></c></row></sheetData>
                """)
        let sheet = try #require(try XLSXReader.read(data, file: "w.xlsx").sheets.first)
        let expected: [CellContent] = [.number(7), .text("saved"), .uncalculated, .errorValue("#DIV/0!"), .bool(true)]
        #expect(sheet.rows[0].cells.map(\.content) == expected)
        #expect(sheet.rows[0].cells.allSatisfy { $0.isFormula })
    }

    @Test func aControlCharacterIsLocatedAtItsCell() throws {
        let data = try RawXLSX.workbook(
            sheetData: "<sheetData><row r=\"3\"><c r=\"D3\" t=\"s\"><v>0</v></c></row></sheetData>",
            strings: ["ok_x001B_[31m red"])
        #expect(messages(data) == ["w.xlsx!Sheet1!D3: error: the cell holds the control character U+001B"])
    }

    @Test(arguments: ["a\u{1}b", "a&#1;b", "a&#x1B;b"])
    func aControlCharacterXMLCannotHoldIsRefusedNotDropped(text: String) throws {
        let sheetData =
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(text)</t></is></c></row></sheetData>"
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(RawXLSX.main)\">" + sheetData
        let column = try #require(xml.range(of: "<t>a")).upperBound.utf16Offset(in: xml) + 1
        let scalar = text.contains("x1B") ? "001B" : "0001"
        #expect(
            messages(try RawXLSX.workbook(sheetData: sheetData)) == [
                "w.xlsx!Sheet1: error: part 'xl/worksheets/sheet1.xml' of 'w.xlsx' is not well-formed XML at line 1, "
                    + "column \(column): control character U+\(scalar) (XML cannot hold it)"
            ])
    }

    @Test func bytesThatAreNotUTF8AreRefusedBeforeTheParserSeesThem() throws {
        // Foundation's parser traps on an attribute name like this one (found by fuzzing).
        var xml = Data("<worksheet xmlns=\"\(RawXLSX.main)\"><sheetData><row r=\"1\"><c".utf8)
        xml += Data([0xE0, 0x8A]) + Data("=\"A1\"><v>1</v></c></row></sheetData></worksheet>".utf8)
        var parts = RawXLSX.parts(sheetData: "")
        parts = parts.filter { $0.0 != "xl/worksheets/sheet1.xml" } + [("xl/worksheets/sheet1.xml", xml)]
        #expect(
            messages(try RawXLSX.zip(parts)) == [
                "w.xlsx!Sheet1: error: part 'xl/worksheets/sheet1.xml' of 'w.xlsx' is not UTF-8 XML (line 1, column 102)"
            ])
    }

    @Test func aCellLongerThanASpreadsheetAllowsIsRefused() throws {
        let data = try RawXLSX.workbook(
            sheetData: "<sheetData><row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row></sheetData>",
            strings: [String(repeating: "长", count: 40_000)])
        #expect(
            messages(data) == [
                "w.xlsx!Sheet1!B2: error: the cell holds 40000 characters, more than the 32767 a cell may have"
            ])
    }

    @Test func brokenCellsAreEachLocated() throws {
        let data = try RawXLSX.workbook(
            sheetData: """
                <sheetData><row r="1"><c r="A1" t="s"><v>5</v></c><c r="B1"><v>twelve</v></c><c r="C1" t="b"><v>yes</v></c>\
                <c r="D1" t="d"><v>2026-13-01</v></c></row></sheetData>
                """,
            strings: ["only"])
        #expect(
            messages(data) == [
                "w.xlsx!Sheet1!A1: error: the cell refers to shared string '5', which is not one of the workbook's 1",
                "w.xlsx!Sheet1!B1: error: the cell's value 'twelve' is not a number",
                "w.xlsx!Sheet1!C1: error: the cell's value 'yes' is not true or false (1 or 0)",
                "w.xlsx!Sheet1!D1: error: the cell's value '2026-13-01' is not a date",
            ])
    }

    @Test func cellsOutOfOrderAreRefused() throws {
        let data = try RawXLSX.workbook(
            sheetData: "<sheetData><row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"A2\"><v>2</v></c></row></sheetData>")
        #expect(
            messages(data) == [
                "w.xlsx!Sheet1!A2: error: the cell comes after a cell below it or to its right; a sheet lists its cells in order"
            ])
    }

    @Test func aColumnBeyondTheLimitIsRefused() throws {
        let data = try RawXLSX.workbook(
            sheetData: "<sheetData><row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row></sheetData>")
        #expect(messages(data) == ["w.xlsx!Sheet1!XFD1: error: column XFD is beyond the 1024 columns a sheet may have"])
    }

    @Test func problemsStopAtTheLimit() throws {
        let cells = (1...150).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>x</v></c></row>" }.joined()
        let found = messages(try RawXLSX.workbook(sheetData: "<sheetData>\(cells)</sheetData>"))
        #expect(found.count == 101)
        #expect(found.last == "w.xlsx: error: more than 100 problems in 'w.xlsx'; reading stopped there")
    }

    @Test(arguments: [
        ("not a zip", "w.xlsx: error: 'w.xlsx' is not an xlsx workbook: it is not a zip archive"),
        (
            "\u{D0}\u{CF}\u{11}\u{E0}",
            "w.xlsx: error: 'w.xlsx' is an Excel 97–2003 workbook (.xls) or a password-protected one, not an xlsx file"
        ),
    ])
    func filesThatAreNotWorkbooks(head: String, message: String) {
        var data = Data(head.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        data += Data([0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 100))
        #expect(messages(data) == [message])
    }

    @Test func aTruncatedZipIsDamaged() throws {
        let data = try RawXLSX.workbook(sheetData: "<sheetData/>")
        #expect(messages(data.prefix(data.count / 2)) == ["w.xlsx: error: 'w.xlsx' is a damaged zip archive"])
    }

    /// A workbook part with a one-character name ("w", at the top of the zip): Foundation's path methods
    /// trap on such a path on Linux; the reader must read it like any other (issue 23, item 2's class).
    @Test(arguments: ["w", "x/w"])
    func aWorkbookPartWithAOneCharacterNameIsRead(part: String) throws {
        var parts = RawXLSX.parts(
            sheetData: "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ok</t></is></c></row></sheetData>")
        parts = parts.map { name, data in
            switch name {
            case "_rels/.rels":
                let text = String(decoding: data, as: UTF8.self)
                return (name, Data(text.replacingOccurrences(of: "xl/workbook.xml", with: part).utf8))
            case "xl/workbook.xml": return (part, data)
            case "xl/_rels/workbook.xml.rels":
                let folder = part.contains("/") ? "x/" : ""
                let text = String(decoding: data, as: UTF8.self)
                    .replacingOccurrences(of: "worksheets/sheet1.xml", with: "/xl/worksheets/sheet1.xml")
                return (folder + "_rels/w.rels", Data(text.utf8))
            default: return (name, data)
            }
        }
        let read = try XLSXReader.read(try RawXLSX.zip(parts), file: "w.xlsx")
        #expect(read.sheets.map(\.name) == ["Sheet1"])
    }

    @Test func aZipWithoutAWorkbookIsNotAnXlsxFile() throws {
        let data = try RawXLSX.zip([("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8))])
        #expect(messages(data) == ["w.xlsx: error: 'w.xlsx' has no workbook part (xl/workbook.xml)"])
    }

    @Test func aWorkbookOf1904CountsItsDatesFrom1904() throws {
        let data = try RawXLSX.workbook(
            sheetData:
                "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>44865</v></c><c r=\"B1\" s=\"2\"><v>0</v></c></row></sheetData>",
            styles: RawXLSX.dateStyles, workbookPr: "<workbookPr date1904=\"1\"/>")
        let read = try XLSXReader.read(data, file: "w.xlsx")
        #expect(read.uses1904)
        let cells = read.sheets[0].rows[0].cells.map(\.content)
        guard case .date(let first) = cells[0], case .date(let second) = cells[1] else {
            Issue.record("not dates: \(cells)")
            return
        }
        #expect(SerialDate.day(first)?.description == "2026-11-01")
        #expect(SerialDate.day(second)?.description == "1904-01-01")
    }

    @Test func stringsInEveryFormAreRead() throws {
        let data = try RawXLSX.workbook(
            sheetData: """
                <sheetData><row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>inline</t><r><t xml:space="preserve"> run</t></r></is></c>\
                <c t="s"><v>1</v></c><c r="F1" s="3"><v>0.926</v></c><c t="d"><v>2026-11-01T12:00:00</v></c></row></sheetData>
                """,
            strings: ["<r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh sb=\"0\" eb=\"1\"><t>ふ</t></rPh>", "plain"],
            styles: RawXLSX.dateStyles)
        let cells = try XLSXReader.read(data, file: "w.xlsx").sheets[0].rows[0].cells
        #expect(cells.map(\.column) == [1, 2, 3, 6, 7])
        #expect(
            cells.map(\.content) == [.text("富文本"), .text("inline run"), .text("plain"), .number(0.926), .date(46327.5)])
        #expect(cells[3].isPercent)
    }

    @Test(arguments: [
        ("yyyy\\-mm\\-dd", true), ("m/d/yy h:mm", true), ("yyyy\"年\"m\"月\"d\"日\"", true), ("General", false),
        ("0.00", false), ("h:mm:ss", false), ("[Red]0.00;\"day\"", false), ("[$-804]dddd", true), ("0%", false),
    ])
    func dateFormatsAreRecognised(code: String, isDate: Bool) {
        #expect(StylesHandler.isDateFormat(code) == isDate)
    }

    /// Rewrites the uncompressed size of `path` in its local and central headers to 100 bytes.
    static func understateSizes(_ data: Data, of path: String) -> Data {
        var bytes = [UInt8](data)
        let name = Array(path.utf8)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func write32(_ at: Int, _ value: UInt32) {
            for i in 0..<4 { bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
        }
        var index = 0
        while index + 46 < bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 {
                let length = u16(index + 28)
                if Array(bytes[(index + 46)..<(index + 46 + length)]) == name { write32(index + 24, 100) }
            }
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x03, bytes[index + 3] == 0x04 {
                let length = u16(index + 26)
                if index + 30 + length <= bytes.count, Array(bytes[(index + 30)..<(index + 30 + length)]) == name {
                    write32(index + 22, 100)
                }
            }
            index += 1
        }
        return Data(bytes)
    }
}
