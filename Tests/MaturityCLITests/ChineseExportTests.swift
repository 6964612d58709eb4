import Foundation
import MaturityCore
import Testing

/// Exports in Chinese are Chinese: the plan's target by its rating's name, CSV headers, statuses and
/// purposes, KPI names instead of ids, a criterion-name column; statuses typed in Chinese are read;
/// quotation marks are the mainland's “”, never 「」.
@Suite struct ChineseExportTests {
    static let plan = "Examples/xinghe-hvac/plan.yaml"

    /// CSV rows of `text` (no field of the example holds a comma or a line break inside quotes here).
    static func rows(_ text: String) -> [String] {
        text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func aChineseCSVHasChineseHeadersStatusesAndNames() throws {
        let run = CLI.run(["plan", Self.plan, "--format", "csv", "--lang", "zh", "--no-bom"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = Self.rows(run.stdout)
        #expect(
            rows.first
                == "编号,优先级,性质,状态,评价项,评价项名称,领域,原等级,目标等级,措施,指标目标,负责人,期限,问题根源分析,改进措施,进展,验证方式,完成日期")
        let ms10 = try #require(rows.first { $0.hasPrefix("MS-10@4,") })
        #expect(ms10.hasPrefix("MS-10@4,P3,提升,进行中,MS-10,员工建议与服务创新,管理体系与持续改进,3,4,"), "\(ms10)")
        let sp06 = try #require(rows.first { $0.hasPrefix("SP-06@4,") })
        #expect(sp06.contains(",服务记录完整率 ≥ 95 %,"), "the KPI by its name: \(sp06)")
        #expect(!run.stdout.contains("in_progress"))
    }

    @Test func aPlanMadeFromAnAssessmentNamesItsKPIsInChinese() throws {
        let run = CLI.run(["plan", "Examples/huadong-appliance/assessment.yaml", "--format", "csv", "--lang", "zh"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("服务记录完整率 ≥ 95 %"), "the KPI target")
        #expect(run.stdout.contains("且服务记录完整率 ≥ 95"), "the verification")
        let ids = KPIDefinition.builtIn.map(\.id) + ["service_record_completeness_rate", "call_answer_rate"]
        for id in ids { #expect(!run.stdout.contains(id), "the export names KPI '\(id)' by its id") }
    }

    @Test func anEnglishCSVKeepsThePlanFileValuesAndNamesTheCriterion() throws {
        let run = CLI.run(["plan", Self.plan, "--format", "csv", "--lang", "en"])
        let rows = Self.rows(run.stdout)
        #expect(rows.first?.hasPrefix("id,priority,purpose,status,criterion,criterion_name,domain,from,to,") == true)
        let ms10 = try #require(rows.first { $0.hasPrefix("MS-10@4,") })
        #expect(
            ms10.hasPrefix("MS-10@4,P3,development,in_progress,MS-10,Employee suggestions and service innovation,"),
            "\(ms10)")
    }

    @Test func theTargetIsTheRatingsName() throws {
        let markdown = CLI.run(["plan", Self.plan, "--format", "md", "--lang", "zh"])
        #expect(markdown.stdout.contains("目标: 优秀"), "\(markdown.stdout.prefix(300))")
        #expect(!markdown.stdout.contains("目标: excellent"))
        #expect(markdown.stdout.contains("| MS-10@4 | P3 提升 | 进行中 | MS-10 员工建议与服务创新 |"))
        let html = CLI.run(["plan", Self.plan, "--format", "html", "--lang", "zh"])
        #expect(html.stdout.contains("目标 优秀"))
        let english = CLI.run(["plan", Self.plan, "--format", "md", "--lang", "en"])
        #expect(english.stdout.contains("Target: Excellent"))
    }

    @Test func statusesTypedInChineseAreRead() throws {
        let typed = try PlanLoader.parse(
            yaml: """
                schema: 1
                organisation: 测试公司
                date: 2026-11-01
                actions:
                  - {id: A1, status: 未开始}
                  - {id: A2, status: 进行中}
                  - {id: A3, status: 已完成, completed: 2026-12-01}
                  - {id: A4, status: 已作废, status_before: 进行中}
                """)
        #expect(typed.plan.entries.map(\.status) == [.open, .inProgress, .done, .superseded])
        #expect(typed.plan.entries.last?.statusBefore == .inProgress)
        #expect(typed.warnings.isEmpty)
        #expect(throws: DiagnosticError.self) {
            try PlanLoader.parse(
                yaml: "schema: 1\norganisation: O\ndate: 2026-11-01\nactions: [{id: A1, status: 做完了}]\n")
        }
    }

    @Test func aPlanWithChineseStatusesIsUpdatedAndExported() throws {
        let folder = try TemporaryFolder("maturity-zh-status")
        defer { folder.remove() }
        var text = try String(contentsOfFile: CLI.projectRoot + "/" + Self.plan, encoding: .utf8)
        text = text.replacingOccurrences(of: "status: in_progress", with: "status: 进行中")
        text = text.replacingOccurrences(of: "status: done", with: "status: 已完成")
        try text.write(toFile: folder.file("plan.yaml"), atomically: true, encoding: .utf8)
        let due = CLI.run(["plan", "--due", folder.file("plan.yaml"), "--as-of", "2027-05-11", "--format", "json"])
        #expect(due.status == 0, "\(due.stderr)")
        let csv = CLI.run(["plan", folder.file("plan.yaml"), "--format", "csv", "--lang", "en"])
        #expect(csv.stdout.contains(",in_progress,"))
        let english = CLI.run(["plan", CLI.projectRoot + "/" + Self.plan, "--format", "csv", "--lang", "en"])
        #expect(csv.stdout == english.stdout, "the same plan, whichever way its statuses are written")
        // Updating it from an assessment keeps the Chinese statuses as written.
        let update = CLI.run([
            "plan", "Examples/xinghe-hvac/2027-05/assessment.yaml", "--output", folder.file("plan.yaml"),
        ])
        #expect(update.status == 0, "\(update.stderr)")
        let updated = try String(contentsOfFile: folder.file("plan.yaml"), encoding: .utf8)
        #expect(updated.contains("status: 已完成"))
    }

    @Test func noChineseOutputUsesCornerBrackets() throws {
        // Golden files of every report format and the committed example outputs.
        var files: [String] = []
        for folder in ["Tests/MaturityReportsTests/Snapshots", "Examples"] {
            let root = CLI.projectRoot + "/" + folder
            for path in try FileManager.default.subpathsOfDirectory(atPath: root)
            where [".txt", ".md", ".html", ".json", ".csv", ".ics"].contains(where: path.hasSuffix) {
                files.append(root + "/" + path)
            }
        }
        #expect(files.count > 40)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains("「") && !text.contains("」"), "\(file) uses 「」; Chinese output quotes with “”")
        }
        let review = CLI.run([
            "review", "Examples/hengxin-appliance-service/2026-09/assessment.yaml", "--previous",
            "Examples/hengxin-appliance-service/2026-01/result.json", "--lang", "zh",
        ])
        #expect(review.stdout.contains("“达标”"), "\(review.stdout.prefix(400))")
        #expect(!review.stdout.contains("「"))
    }
}
