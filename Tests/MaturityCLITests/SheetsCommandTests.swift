import Foundation
import MaturityCore
import MaturitySheets
import Testing

/// Workbooks end to end through the command line: what `init`, `assess`, `plan` and `catalog show`
/// write as xlsx, what `import` and `catalog import` read back, and every problem of a filled sheet at
/// its cell.
@Suite struct SheetsCommandTests {
    static let examples = [
        "huadong-appliance", "anmai-equipment", "meichu-small-appliances", "huadong-appliance-audit",
        "xinghe-hvac/2026-05", "xinghe-hvac/2026-11", "xinghe-hvac/2027-05",
    ]

    // MARK: Round trips

    @Test(arguments: examples)
    func everyExampleRoundTripsThroughAWorkbookToTheSameResult(example: String) throws {
        let folder = try SheetTesting.exampleFolder(example)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = CLI.run(["assess", "Examples/\(example)/assessment.yaml", "--format", "json"])
        #expect(original.status == 0, "\(original.stderr)")
        for lang in ["zh", "en"] {
            let exported = CLI.run([
                "assess", "Examples/\(example)/assessment.yaml", "--format", "xlsx", "--lang", lang, "--output",
                folder + "/result-\(lang).xlsx",
            ])
            #expect(exported.status == 0, "\(exported.stderr)")
            let imported = CLI.run(["import", "result-\(lang).xlsx", "--output", ".", "--overwrite"], in: folder)
            #expect(imported.status == 0, "\(imported.stderr)")
            let again = CLI.run(["assess", "assessment.yaml", "--format", "json"], in: folder)
            #expect(again.status == 0, "\(again.stderr)")
            if original.stdout.contains("\"signoff\"") {
                #expect(try SheetTesting.withoutSignOff(again.stdout) == SheetTesting.withoutSignOff(original.stdout))
            } else {
                #expect(again.stdout == original.stdout)
            }
        }
    }

    @Test func theShippedCatalogRoundTripsThroughAWorkbook() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shown = CLI.run([
            "catalog", "show", "after-sales-maturity", "--format", "xlsx", "--lang", "zh", "--output",
            folder + "/c.xlsx",
        ])
        #expect(shown.status == 0, "\(shown.stderr)")
        let imported = CLI.run(["catalog", "import", folder + "/c.xlsx", "--output", folder + "/catalog"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix("after-sales-maturity 2026.2, 5 domains, 45 criteria, 6 key\n"))
        let lint = CLI.run(["catalog", "lint", folder + "/catalog"])
        #expect(lint.status == 0 && lint.stderr.isEmpty, "\(lint.stderr)")
        #expect(
            CLI.run(["catalog", "show", folder + "/catalog", "--format", "json"]).stdout
                == CLI.run(["catalog", "show", "after-sales-maturity", "--format", "json"]).stdout)
        for example in ["huadong-appliance", "huadong-appliance-audit"] {
            let path = "Examples/\(example)/assessment.yaml"
            let mine = CLI.run(["assess", path, "--catalog", folder + "/catalog", "--format", "json"])
            #expect(mine.status == 0, "\(mine.stderr)")
            let shipped = CLI.run(["assess", path, "--format", "json"])
            #expect(try SheetTesting.withoutSignOff(mine.stdout) == SheetTesting.withoutSignOff(shipped.stdout))
        }
    }

    @Test func theAuditChecklistImportsAsTheAuditWorksheetDoes() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = [
            "init", "--kind", "audit", "--from", "Examples/huadong-appliance/assessment.yaml", "--auditor", "王海",
            "--date", "2026-11-20",
        ]
        let yaml = CLI.run(base + ["--output", folder + "/yaml"])
        #expect(yaml.status == 0, "\(yaml.stderr)")
        let xlsx = CLI.run(base + ["--format", "xlsx", "--lang", "zh", "--output", folder + "/xlsx"])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        // --lang zh: the workbook and the status line are in Chinese.
        #expect(xlsx.stdout.contains("checklist.xlsx：45 个评价项待审核，已复制 48 个证据文件"))
        let imported = CLI.run(["import", "checklist.xlsx", "--output", "."], in: folder + "/xlsx")
        #expect(imported.status == 0, "\(imported.stderr)")
        let a = CLI.run(["assess", "assessment.yaml", "--format", "json"], in: folder + "/yaml")
        let b = CLI.run(["assess", "assessment.yaml", "--format", "json"], in: folder + "/xlsx")
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        #expect(try SheetTesting.withoutSignOff(a.stdout) == SheetTesting.withoutSignOff(b.stdout))
    }

    // MARK: What the workbooks hold

    @Test func theWorksheetHasItsSheetsDropDownsAndRealDates() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run([
            "init", "--catalog", "after-sales-maturity", "--organisation", "华东家电", "--date", "2026-11-01", "--format",
            "xlsx", "--lang", "zh", "--output",
            folder,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let workbook = try XLSXReader.read(path: folder + "/worksheet.xlsx", shown: "worksheet.xlsx")
        #expect(workbook.sheetNames == ["说明", "评价项", "领域", "证据", "指标", "审核发现"])
        let criteria = try #require(workbook.sheet("评价项"))
        #expect(criteria.rows.first { $0.number == 2 }?.cell(2)?.content == .text("华东家电"))
        #expect(criteria.rows.first { $0.number == 3 }?.cell(2)?.content == .date(46327))
        #expect(criteria.rows.filter { $0.number > 5 }.count == 45)
        let xml = try Self.part("xl/worksheets/sheet2.xml", of: folder + "/worksheet.xlsx")
        #expect(xml.contains("<dataValidation type=\"list\""))
        #expect(xml.contains("<formula1>&quot;0,1,2,3,4,5&quot;</formula1>"))
        #expect(
            xml.contains(
                "<pane xSplit=\"2\" ySplit=\"5\" topLeftCell=\"C6\" activePane=\"bottomRight\" state=\"frozen\"/>"))
        // Existing files are never overwritten.
        let again = CLI.run([
            "init", "--catalog", "after-sales-maturity", "--organisation", "x", "--format", "xlsx", "--output", folder,
        ])
        #expect(again.status == 1)
        #expect(again.stderr.contains("worksheet.xlsx' already exists; it was not overwritten"))
    }

    @Test func thePlanWorkbookHasStatusesInTheLanguageDatesAndOverdueHighlights() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run([
            "plan", "Examples/meichu-small-appliances/assessment.yaml", "--format", "xlsx", "--lang", "zh", "--output",
            folder + "/plan.xlsx",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let sheet = try #require(try XLSXReader.read(path: folder + "/plan.xlsx", shown: "plan.xlsx").sheet("改进计划"))
        let header = try #require(sheet.rows.first { $0.number == 3 })
        #expect(
            header.cells.map(\.content).prefix(5) == [
                .text("编号"), .text("优先级"), .text("状态"), .text("评价项"), .text("评价项名称"),
            ])
        let first = try #require(sheet.rows.first { $0.number == 4 })
        #expect(first.cell(3)?.content == .text("未开始"))
        if case .date = first.cell(12)?.content {
        } else {
            Issue.record("due is not a date: \(String(describing: first.cell(12)))")
        }
        if case .text(let name) = first.cell(5)?.content {
            #expect(!name.isEmpty)
        } else {
            Issue.record("no criterion name")
        }
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: folder + "/plan.xlsx")
        #expect(
            xml.contains(
                "<cfRule type=\"expression\" dxfId=\"0\" priority=\"1\"><formula>AND($L4&lt;&gt;&quot;&quot;,$L4&lt;TODAY()"
            ))
        #expect(xml.contains("&quot;未开始,进行中,已完成,已作废&quot;"))
    }

    @Test func theCatalogWorkbookKeepsLeadTimesValidityPerKindAndCriteriaARatingRequires() throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            CLI.run([
                "catalog", "show", "after-sales-maturity", "--format", "xlsx", "--lang", "en", "--output",
                folder + "/c.xlsx",
            ]).status == 0)
        let book = try XLSXReader.read(path: folder + "/c.xlsx", shown: "c.xlsx")
        let kinds = try #require(book.sheet("Evidence kinds"))
        let document = try #require(kinds.rows.first { $0.cell(1)?.content == .text("document") })
        #expect(document.cell(4)?.content == .text("unlimited"))
        let record = try #require(kinds.rows.first { $0.cell(1)?.content == .text("record") })
        #expect(record.cell(4)?.content == .number(365))
        let ratings = try #require(book.sheet("Ratings"))
        #expect(ratings.rows.contains { $0.cells.contains { $0.content == .text("MS-08: 5; MS-10: 5") } })
        let imported = CLI.run(["catalog", "import", folder + "/c.xlsx", "--output", folder + "/catalog"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let yaml = try String(contentsOfFile: folder + "/catalog/catalog.yaml", encoding: .utf8)
        #expect(yaml.contains("lead_days: {4: 180, 5: 365}"))
        #expect(yaml.contains("criterion_min: {MS-08: 5, MS-10: 5}"))
        #expect(yaml.contains("{id: document, name: {zh: \"成文文件\", en: \"Document\"}, max_age_days: null}"))
    }

    @Test(arguments: [
        ["init", "--catalog", "gbt27922-after-sales-evaluation", "--organisation", "x", "--format", "xlsx"],
        ["catalog", "show", "gbt27922-after-sales-evaluation", "--format", "xlsx"],
        ["assess", "Examples/hengxin-appliance-service/2026-01/assessment.yaml", "--format", "xlsx"],
    ])
    func aPointsCatalogIsNotLaidOutAsAWorkbook(arguments: [String]) throws {
        let folder = try SheetTesting.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = CLI.run(arguments + ["--output", folder + (arguments[0] == "init" ? "/out" : "/out.xlsx")])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: catalog 'gbt27922-after-sales-evaluation' is scored in points"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.xlsx"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/worksheet.xlsx"))
    }

    // MARK: Usage

    @Test(arguments: [
        ["assess", "Examples/huadong-appliance/assessment.yaml", "--format", "xlsx"],
        ["plan", "Examples/huadong-appliance/assessment.yaml", "--format", "xlsx"],
        ["catalog", "show", "after-sales-maturity", "--format", "xlsx"],
    ])
    func aWorkbookIsNeverWrittenToATerminal(arguments: [String]) {
        let run = CLI.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.hasPrefix(
                "Error: --format xlsx writes a workbook, which is never written to a terminal: give --output FILE.xlsx")
        )
    }

    @Test func csvStartsWithAByteOrderMarkInChineseUnlessAskedNotTo() {
        let path = "Examples/huadong-appliance/assessment.yaml"
        let bom = "\u{FEFF}"
        #expect(CLI.run(["plan", path, "--format", "csv", "--lang", "zh"]).stdout.hasPrefix(bom))
        #expect(!CLI.run(["plan", path, "--format", "csv", "--lang", "zh", "--no-bom"]).stdout.hasPrefix(bom))
        #expect(!CLI.run(["plan", path, "--format", "csv", "--lang", "en"]).stdout.hasPrefix(bom))
        #expect(CLI.run(["plan", path, "--format", "csv", "--lang", "en", "--bom"]).stdout.hasPrefix(bom))
        let misplaced = CLI.run(["plan", path, "--format", "md", "--no-bom"])
        #expect(misplaced.status == 64)
        #expect(misplaced.stderr.hasPrefix("Error: --no-bom goes with --format csv"))
    }

    static func part(_ name: String, of path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try RawZip.text(of: name, in: data)
    }
}
