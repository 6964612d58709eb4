import Foundation
import MaturityCore
import MaturityReports
import MaturitySheets
import ZIPFoundation

extension FuzzTarget {
    /// Any bytes as an xlsx file: read with the standard limits; a workbook that reads is imported.
    func runWorkbook(_ data: Data) -> Outcome {
        var workbook: ReadWorkbook?
        let result = outcome { () throws(DiagnosticError) in
            workbook = try XLSXReader.read(data, file: "w.xlsx", sheets: WorksheetImport.reads)
        }
        guard let workbook else { return result }
        return importAndRoundTrip(workbook)
    }

    /// The bytes as the criteria sheet of a workbook whose other parts are sound, with shared strings
    /// the fuzzer can point at (header labels, ids, levels as people type them).
    func runSheet(_ data: Data) -> Outcome {
        let strings = [
            "编号", "自评等级", "审核等级", "证据编号", "说明", "不适用原因", "组织", "日期", "准则", "fuzz@1", "SP-01", "SP-02",
            "CS-01", "3级", "L2", "三级", "Org", "2026-11-01", "类型", "audit", "_x001B_", "E1",
        ]
        let parts = Self.workbookParts(sheet: data, strings: strings)
        var workbook: ReadWorkbook?
        let result = outcome { () throws(DiagnosticError) in
            workbook = try XLSXReader.read(Self.zip(parts), file: "w.xlsx", sheets: WorksheetImport.reads)
        }
        guard let workbook else { return result }
        return importAndRoundTrip(workbook)
    }

    /// Imports a workbook; an assessment that imports, written as a result workbook and imported
    /// again, scores to the same result.
    func importAndRoundTrip(_ workbook: ReadWorkbook) -> Outcome {
        var imported: WorksheetImport.Imported?
        let result = outcome { () throws(DiagnosticError) in
            imported = try WorksheetImport.read(workbook, catalog: Self.fixedCatalog, folder: Self.folder)
        }
        guard let imported else { return result }
        let scored = Scorer(catalog: Self.fixedCatalog).score(imported.assessment)
        Self.checkScores(scored)
        let exported = AssessmentWorkbook(
            catalog: Self.fixedCatalog, assessment: imported.assessment, form: .result(scored), language: .zh
        ).data()
        do {
            let again = try WorksheetImport.read(
                XLSXReader.read(exported, file: "w.xlsx", sheets: WorksheetImport.reads), catalog: Self.fixedCatalog,
                folder: Self.folder)
            let first = ResultJSON.render(scored, audit: nil, signOff: nil)
            let second = ResultJSON.render(
                Scorer(catalog: Self.fixedCatalog).score(again.assessment), audit: nil, signOff: nil)
            precondition(
                first == second, "an imported assessment does not round-trip:\n\(imported.yaml)\n---\n\(again.yaml)")
        } catch {
            fatalError("an imported assessment, exported, does not import again: \(error)\n\(imported.yaml)")
        }
        return result
    }

    static func workbookParts(sheet: Data, strings: [String]) -> [(String, Data)] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let texts: [(String, String)] = [
            (
                "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"评价项\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"
            ),
            (
                "xl/sharedStrings.xml",
                "<sst xmlns=\"\(main)\">" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
            ),
            (
                "xl/styles.xml",
                "<styleSheet xmlns=\"\(main)\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"10\"/></cellXfs></styleSheet>"
            ),
        ]
        return texts.map { ($0.0, Data($0.1.utf8)) } + [("xl/worksheets/sheet1.xml", sheet)]
    }

    /// The parts as a zip, stored (no compression: the fuzzer's bytes go in as they are).
    static func zip(_ parts: [(String, Data)]) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for (path, data) in parts {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none
                ) {
                    data.subdata(in: Int($0)..<Int($0) + $1)
                }
            }
            return archive.data ?? Data()
        } catch {
            fatalError("cannot build the fuzzing workbook in memory: \(error)")
        }
    }
}
