import Foundation
import MaturityCore
import MaturitySheets
import Testing

/// Filled worksheets and catalog workbooks with mistakes: every problem is reported at once, at its
/// sheet and cell, and nothing is written.
@Suite struct ImportProblemTests {
    /// A fresh Chinese worksheet for 华东家电, dated 2026-11-01, in `folder`, opened for editing.
    static func worksheet(in folder: String, lang: String = "zh") throws -> EditableWorkbook {
        let run = CLI.run([
            "init", "--catalog", "after-sales-maturity", "--organisation", "华东家电", "--date", "2026-11-01", "--format",
            "xlsx", "--lang", lang, "--output",
            folder,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        return try EditableWorkbook(path: folder + "/worksheet.xlsx")
    }

    @Test func aWorksheetsProblemsAreInChineseAtTheSameCells() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = try Self.worksheet(in: folder)
        let claimed = try #require(book.column("自评等级", sheet: "评价项", headerRow: 5))
        let sp01 = try #require(book.row(starting: "SP-01", sheet: "评价项"))
        book.set("评价项", row: sp01 + 1, column: claimed, .text("abc"))
        book.set("证据", row: 2, column: 1, .text("E1"))
        book.set("证据", row: 2, column: 2, .text("文件"))
        book.set("证据", row: 2, column: 3, .text("服务手册"))
        book.set("证据", row: 2, column: 4, .text("2026-01-01"))
        book.set("证据", row: 3, column: 1, .text("E1"))
        book.set("指标", row: 2, column: 5, .text("很快"))
        try book.save(to: folder + "/worksheet.xlsx")
        let english = CLI.run(["import", "worksheet.xlsx", "--output", "."], in: folder)
        let chinese = CLI.run(
            ["import", "worksheet.xlsx", "--output", "."], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
        let cell = "worksheet.xlsx!评价项!" + CellReference(row: sp01 + 1, column: claimed).description
        #expect(
            english.stderr == """
                \(cell): error: 'abc' is not a level of the scale 0–5
                  hint: pick a level from the drop-down, or type 3, 3级 or L3
                worksheet.xlsx!证据!A3: error: evidence 'E1' is listed twice (first at A2)
                  hint: keep one row for it
                worksheet.xlsx!指标!E2: error: '很快' is not a number
                  hint: type a number such as 92.6

                """)
        #expect(
            chinese.stderr == """
                \(cell): 错误：'abc' 不是 0–5 之间的等级
                  提示：从下拉列表中选择等级，或输入 3、3级 或 L3
                worksheet.xlsx!证据!A3: 错误：证据 'E1' 列出了两次（首次出现于 A2）
                  提示：只保留其中一行
                worksheet.xlsx!指标!E2: 错误：'很快' 不是数字
                  提示：请输入数字，例如 92.6

                """)
        #expect(chinese.status == english.status)
        #expect(chinese.status == 1)
    }

    @Test func everyProblemOfAFilledWorksheetIsAtItsCellAndNothingIsWritten() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = try Self.worksheet(in: folder)
        let sheet = "评价项"
        let claimed = try #require(book.column("自评等级", sheet: sheet, headerRow: 5))
        let evidence = try #require(book.column("证据编号", sheet: sheet, headerRow: 5))
        let na = try #require(book.column("不适用原因", sheet: sheet, headerRow: 5))
        let sp01 = try #require(book.row(starting: "SP-01", sheet: sheet))
        book.set(sheet, row: sp01, column: claimed, .number(7))
        book.set(sheet, row: sp01, column: na, .text("没有热线"))
        book.set(sheet, row: sp01 + 1, column: claimed, .text("abc"))
        book.set(sheet, row: sp01 + 2, column: claimed, .number(2))
        book.set(sheet, row: sp01 + 2, column: evidence, .text("E1、E9"))
        book.set(sheet, row: sp01 + 3, column: 1, .text("SP-4"))
        book.set(sheet, row: sp01 + 3, column: claimed, .number(1))
        book.set("证据", row: 2, column: 1, .text("E1"))
        book.set("证据", row: 2, column: 2, .text("文件"))
        book.set("证据", row: 2, column: 3, .text("服务手册"))
        book.set("证据", row: 2, column: 4, .text("2027-01-01"))
        book.set("证据", row: 3, column: 1, .text("E1"))
        book.set("证据", row: 4, column: 1, .text("E2"))
        book.set("证据", row: 4, column: 4, .number(12))
        book.set("指标", row: 2, column: 5, .text("很快"))
        try book.save(to: folder + "/worksheet.xlsx")
        let run = CLI.run(["import", "worksheet.xlsx", "--output", "."], in: folder)
        #expect(run.status == 1)
        let c = { (column: Int, row: Int) in "worksheet.xlsx!评价项!" + CellReference(row: row, column: column).description
        }
        #expect(
            run.stderr == """
                \(c(claimed, sp01)): error: claimed level 7 of 'SP-01' is outside the scale 0–5
                  hint: give a whole level from 0 to 5; 'maturity catalog show' says what each level of 'SP-01' asks
                \(c(na, sp01)): error: key criterion 'SP-01' cannot be not applicable
                  hint: a key criterion applies to every organisation; assess it (level 0 if absent)
                \(c(claimed, sp01 + 1)): error: 'abc' is not a level of the scale 0–5
                  hint: pick a level from the drop-down, or type 3, 3级 or L3
                \(c(evidence, sp01 + 2)): error: criterion 'SP-03' cites evidence 'E9', which is not declared
                  hint: did you mean 'E1'?
                \(c(1, sp01 + 3)): error: unknown criterion 'SP-4'
                  hint: did you mean 'SP-04'?
                worksheet.xlsx!证据!D2: error: evidence 'E1' is dated 2027-01-01, after the assessment date 2026-11-01
                  hint: evidence must exist when the assessment is made; correct the date
                worksheet.xlsx!证据!A3: error: evidence 'E1' is listed twice (first at A2)
                  hint: keep one row for it
                worksheet.xlsx!证据!A4: error: an evidence item has no 'kind'
                  hint: fill in its 'kind' column
                worksheet.xlsx!证据!A4: error: an evidence item has no 'title'
                  hint: fill in its 'title' column
                worksheet.xlsx!证据!D4: error: the cell holds the number 12, not a date
                  hint: type the date as YYYY-MM-DD, or format the cell as a date
                worksheet.xlsx!指标!E2: error: '很快' is not a number
                  hint: type a number such as 92.6

                """)
        #expect(!FileManager.default.fileExists(atPath: folder + "/assessment.yaml"))
    }

    @Test func levelsStatusesAndDatesAreReadAsPeopleTypeThem() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = try Self.worksheet(in: folder)
        let sheet = "评价项"
        let claimed = try #require(book.column("自评等级", sheet: sheet, headerRow: 5))
        let first = try #require(book.row(starting: "SP-01", sheet: sheet))
        let typed = ["3级", "L3", "三级", "实施级", "3 实施级", "Deployed", "level 3"]
        for (offset, text) in typed.enumerated() { book.set(sheet, row: first + offset, column: claimed, .text(text)) }
        book.set("证据", row: 2, column: 1, .text("E1"))
        book.set("证据", row: 2, column: 2, .text("成文文件"))
        book.set("证据", row: 2, column: 3, .text("服务手册"))
        book.set("证据", row: 2, column: 4, .text("2026/3/1"))
        book.set("审核发现", row: 2, column: 1, .text("NC-01"))
        book.set("审核发现", row: 2, column: 3, .text("一般不符合"))
        book.set("审核发现", row: 2, column: 6, .text("回访记录不全"))
        book.set("审核发现", row: 2, column: 7, .text("已完成"))
        book.set("审核发现", row: 3, column: 1, .text("NC-02"))
        book.set("审核发现", row: 3, column: 3, .text("观察项"))
        book.set("审核发现", row: 3, column: 6, .text("备件台账"))
        book.set("审核发现", row: 3, column: 7, .text("进行中"))
        try book.save(to: folder + "/worksheet.xlsx")
        let run = CLI.run(["import", "worksheet.xlsx", "--output", "."], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let yaml = try String(contentsOfFile: folder + "/assessment.yaml", encoding: .utf8)
        for id in ["SP-01", "SP-02", "SP-03", "SP-04", "SP-05", "SP-06", "SP-07"] {
            #expect(yaml.contains("  \(id): {claimed: 3}"), "\(id)")
        }
        #expect(yaml.contains("  - {id: E1, kind: document, title: \"服务手册\", date: 2026-03-01}"))
        #expect(yaml.contains("  - {id: NC-01, grade: minor, text: \"回访记录不全\", status: closed}"))
        #expect(yaml.contains("  - {id: NC-02, grade: observation, text: \"备件台账\", status: open}"))
        // The assessment reads as any other.
        #expect(CLI.run(["assess", "assessment.yaml"], in: folder).status == 0)
    }

    @Test func anExistingAssessmentIsReplacedOnlyWhenAsked() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Self.worksheet(in: folder, lang: "en")
        try Data("kept".utf8).write(to: URL(fileURLWithPath: folder + "/assessment.yaml"))
        let refused = CLI.run(["import", "worksheet.xlsx", "--output", "."], in: folder)
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "assessment.yaml: error: 'assessment.yaml' already exists; it was not overwritten\n  hint: add --overwrite to replace it, or choose another --output folder\n"
        )
        #expect(try String(contentsOfFile: folder + "/assessment.yaml", encoding: .utf8) == "kept")
        let replaced = CLI.run(["import", "worksheet.xlsx", "--output", ".", "--overwrite"], in: folder)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try String(contentsOfFile: folder + "/assessment.yaml", encoding: .utf8).contains("kind: self"))
    }

    @Test func aWorksheetWithoutItsHeaderOrItsSheetsIsRefused() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var book = try Self.worksheet(in: folder, lang: "en")
        book.set("Criteria", row: 2, column: 2, .empty)
        try book.save(to: folder + "/no-name.xlsx")
        let noName = CLI.run(["import", "no-name.xlsx", "--output", "."], in: folder)
        #expect(noName.status == 1)
        #expect(
            noName.stderr.hasPrefix(
                "no-name.xlsx!Criteria!B2: error: the sheet has no '组织 / Organisation' above the table\n"))
        book.sheets.removeAll { $0.name == "Criteria" }
        try book.save(to: folder + "/no-criteria.xlsx")
        let noSheet = CLI.run(["import", "no-criteria.xlsx", "--output", "."], in: folder)
        #expect(noSheet.status == 1)
        #expect(
            noSheet.stderr.hasPrefix("no-criteria.xlsx: error: 'no-criteria.xlsx' has no sheet '评价项' or 'Criteria'\n"))
        let notXLSX = CLI.run(["import", "Examples/huadong-appliance/assessment.yaml", "--output", folder])
        #expect(notXLSX.status == 1)
        #expect(
            notXLSX.stderr.hasPrefix(
                "Examples/huadong-appliance/assessment.yaml: error: 'Examples/huadong-appliance/assessment.yaml' is not an xlsx workbook: it is not a zip archive\n"
            ))
        let missing = CLI.run(["import", "nowhere.xlsx", "--output", folder])
        #expect(missing.stderr == "nowhere.xlsx: error: workbook 'nowhere.xlsx' does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/assessment.yaml"))
    }

    @Test func everyProblemOfACatalogWorkbookIsAtItsCell() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shown = CLI.run([
            "catalog", "show", "after-sales-maturity", "--format", "xlsx", "--lang", "en", "--output",
            folder + "/c.xlsx",
        ])
        #expect(shown.status == 0, "\(shown.stderr)")
        var book = try EditableWorkbook(path: folder + "/c.xlsx")
        let weight = try #require(book.column("Weight", sheet: "Criteria", headerRow: 1))
        let kpi = try #require(book.column("KPI", sheet: "Criteria", headerRow: 1))
        let threshold2 = try #require(book.column("Level 2 threshold", sheet: "Criteria", headerRow: 1))
        let criteriaSheet = try #require(book.index("Criteria"))
        let sp01 =
            try #require(book.sheets[criteriaSheet].rows.firstIndex { $0.count > 1 && $0[1] == .text("SP-01") }) + 1
        book.set("Criteria", row: sp01, column: weight, .text("heavy"))
        // SP-03 measures first_response_minutes_p90, lower is better: level 2 asking more than level 1 is wrong.
        let sp03 = sp01 + 2
        book.set("Criteria", row: sp03, column: threshold2, .number(500))
        book.set("Criteria", row: sp03 + 1, column: kpi, .text("first_respons_minutes_p90"))
        book.set("Criteria", row: sp03 + 2, column: 2, .text("SP-01"))
        book.set("Criteria", row: sp03 + 3, column: 1, .text("service-proces"))
        try book.save(to: folder + "/c.xlsx")
        let run = CLI.run(["catalog", "import", "c.xlsx", "--output", "catalog"], in: folder)
        #expect(run.status == 1)
        let c = { (column: Int, row: Int) in "c.xlsx!Criteria!" + CellReference(row: row, column: column).description }
        let lines = run.stderr.split(separator: "\n").filter { !$0.hasPrefix("  hint:") }.map(String.init)
        #expect(
            lines == [
                "\(c(weight, sp01)): error: 'heavy' is not a number",
                "\(c(2, sp03 + 2)): error: criterion 'SP-01' is listed twice (first at B\(sp01))",
                "\(c(1, sp03 + 3)): error: criterion 'SP-06' names domain 'service-proces', which the domains sheet does not list",
            ])
        // Once those are fixed, the loader's own checks speak, at the cells too.
        book.set("Criteria", row: sp01, column: weight, .number(3))
        book.set("Criteria", row: sp03 + 2, column: 2, .text("SP-05"))
        book.set("Criteria", row: sp03 + 3, column: 1, .text("service-process"))
        try book.save(to: folder + "/c.xlsx")
        let second = CLI.run(["catalog", "import", "c.xlsx", "--output", "catalog"], in: folder)
        let secondLines = second.stderr.split(separator: "\n").filter { !$0.hasPrefix("  hint:") }.map(String.init)
        #expect(
            secondLines == [
                "\(c(threshold2, sp03)): error: thresholds of 'SP-03' are not monotone: level 2 asks 500, more than level 1 (60)",
                "\(c(kpi, sp03 + 1)): error: metric of 'SP-04' names unknown KPI 'first_respons_minutes_p90'",
            ])
        #expect(!FileManager.default.fileExists(atPath: folder + "/catalog/catalog.yaml"))
    }
}
