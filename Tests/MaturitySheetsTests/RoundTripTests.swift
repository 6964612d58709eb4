import Foundation
import MaturityCore
import Testing

@testable import MaturitySheets

/// What the writer writes, the reader reads back as the same values.
@Suite struct RoundTripTests {
    static let texts = [
        "华东家电服务有限公司", "  leading and trailing spaces  ", "line one\nline two", "tab\tinside", "_x0041_ literal",
        "a & b < c > d \"quoted\" 'single'", "=SUM(A1:A2)", "emoji 🙂 and 𠀋", "_x005F_ already",
    ]

    @Test func textNumbersDatesAndBooleansReadBack() throws {
        var rows: [[Cell]] = [[.text("header", .header), .text("number", .header), .text("date", .header)]]
        for (index, text) in Self.texts.enumerated() {
            rows.append([
                .text(text, .wrap), .number(Double(index) + 0.25), .date(Day(year: 2026, month: 1, day: index + 1)),
                Cell(.bool(index % 2 == 0)),
            ])
        }
        let workbook = Workbook(sheets: [Worksheet(name: "评价项", rows: rows, frozenRows: 1)])
        let data = XLSXWriter.data(workbook)
        let read = try XLSXReader.read(data, file: "t.xlsx")
        let sheet = try #require(read.sheet("评价项"))
        #expect(sheet.rows.count == Self.texts.count + 1)
        for (index, text) in Self.texts.enumerated() {
            let row = sheet.rows[index + 1]
            #expect(row.cell(1)?.content == .text(text))
            #expect(row.cell(2)?.content == .number(Double(index) + 0.25))
            let day = try #require(Day(year: 2026, month: 1, day: index + 1))
            #expect(row.cell(3)?.content == .date(SerialDate.serial(day)))
            #expect(row.cell(4)?.content == .bool(index % 2 == 0))
        }
    }

    @Test func partsOverTenMegabytesRead() throws {
        // 2,000 distinct texts of 6,000 characters: a 12 MB shared-strings part on one line.
        let rows = (0..<2000).map { [Cell.text(String(repeating: "评价项描述", count: 1200) + "\($0)")] }
        let data = XLSXWriter.data(Workbook(sheets: [Worksheet(name: "S", rows: rows)]))
        let sheet = try #require(try XLSXReader.read(data, file: "big.xlsx").sheets.first)
        #expect(sheet.rows.count == 2000)
        #expect(sheet.rows.last?.cell(1)?.content == .text(String(repeating: "评价项描述", count: 1200) + "1999"))
    }

    @Test func theSameWorkbookGivesTheSameBytes() {
        let workbook = Workbook(sheets: [
            Worksheet(name: "A", rows: [[.text("x"), .date(Day(year: 2026, month: 11, day: 1))]])
        ])
        #expect(XLSXWriter.data(workbook) == XLSXWriter.data(workbook))
    }

    @Test func onlyTheSheetsAskedForAreRead() throws {
        let workbook = Workbook(sheets: [
            Worksheet(name: "One", rows: [[.text("1")]]), Worksheet(name: "Two", rows: [[.text("2")]]),
        ])
        let read = try XLSXReader.read(XLSXWriter.data(workbook), file: "t.xlsx") { $0 == "Two" }
        #expect(read.sheetNames == ["One", "Two"])
        #expect(read.sheets.map(\.name) == ["Two"])
    }

    @Test func controlCharactersAreWrittenAsEscapesAndRefusedOnReading() throws {
        let workbook = Workbook(sheets: [Worksheet(name: "S", rows: [[.text("bell\u{7}")]])])
        let data = XLSXWriter.data(workbook)
        #expect(throws: DiagnosticError.self) { try XLSXReader.read(data, file: "t.xlsx") }
        do {
            _ = try XLSXReader.read(data, file: "t.xlsx")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    """
                    t.xlsx!S!A1: error: the cell holds the control character U+0007
                      hint: delete it (most spreadsheets do not show it); a cell may hold line breaks and tabs, no other controls
                    """
                ])
        }
    }

    @Test func xstringEscapesDecode() {
        #expect(XMLText.decodeXstring("a_x0009_b_x005F_x0041_") == "a\tb_x0041_")
        #expect(XMLText.encodeXstring("_x0041_\u{1}") == "_x005F_x0041__x0001_")
        #expect(XMLText.decodeXstring(XMLText.encodeXstring("_x0041_\u{1}")) == "_x0041_\u{1}")
    }
}

@Suite struct SerialDateTests {
    @Test(arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (61.0, "1900-03-01"), (46327.0, "2026-11-01"),
        (46327.75, "2026-11-01"),
        (2_958_465.0, "9999-12-31"),
    ])
    func serialsReadAsTheirDates(serial: Double, date: String) {
        #expect(SerialDate.day(serial)?.description == date)
    }

    @Test(arguments: [0.0, 60.0, -1.0, 2_958_466.0, Double.nan])
    func serialsThatAreNoDate(serial: Double) {
        #expect(SerialDate.day(serial) == nil)
    }

    @Test func everyDayOfTheseYearsRoundTrips() throws {
        var day = try #require(Day(year: 1900, month: 3, day: 1))
        while day.year < 2101 {
            #expect(SerialDate.day(SerialDate.serial(day)) == day)
            day = day.adding(days: 1)
        }
    }
}
