import Foundation
import MaturityCLI
import MaturityCore
import Testing

/// Every diagnostic is shown in Chinese as well as English. The messages are made by named factories
/// (`Diagnostic.Message.unknownKey(_:in:)`, each `Self(en: …, zh: …)`); these tests hold every factory
/// to both languages, keep docs/errors.zh.md (the Chinese of every message) in step with them, and list
/// the files whose messages are still English only, so the gap is visible.
@Suite struct ChineseMessagesTests {
    // MARK: Both languages in every factory

    @Test func everyMessageHasChineseThatIsNotItsEnglish() throws {
        let pairs = try Translations.inSources()
        #expect(pairs.count > 100, "only \(pairs.count) messages in two languages found")
        for pair in pairs {
            guard let zh = pair.zh else {
                Issue.record("\(pair.file):\(pair.line): the message \(pair.en) has no zh")
                continue
            }
            if zh == pair.en {
                Issue.record("\(pair.file):\(pair.line): the zh of \(pair.en) is the English text")
            }
            if !zh.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
                Issue.record("\(pair.file):\(pair.line): the zh of \(pair.en) holds no Chinese: \(zh)")
            }
        }
    }

    /// The files that still make messages in English only (a string literal where a named message
    /// belongs). The list is exact: converting a file means taking it off the list.
    static let englishOnly: Set<String> = []

    @Test func theFilesStillInEnglishOnlyAreListed() throws {
        let found = try DiagnosticMessages.inSources()
        let files = Set(
            found.messages.filter { !$0.file.contains("Diagnostic+") }.map {
                String($0.file.dropFirst("Sources/".count))
            })
        for file in files.subtracting(Self.englishOnly).sorted() {
            Issue.record("\(file) makes English-only messages: make them named messages in zh and en")
        }
        for file in Self.englishOnly.subtracting(files).sorted() {
            Issue.record("\(file) makes no English-only message any more: take it off the list")
        }
    }

    // MARK: docs/errors.zh.md

    @Test func theChineseListHoldsEveryMessage() throws {
        let expected = try Translations.document()
        let path = ErrorsDoc.root + "/docs/errors.zh.md"
        let current = try? String(contentsOfFile: path, encoding: .utf8)
        if current != expected {
            if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" || current == nil {
                try Data(expected.utf8).write(to: URL(fileURLWithPath: path))
                Issue.record("docs/errors.zh.md recorded; run the tests again")
            } else {
                Issue.record(
                    "docs/errors.zh.md is not the list of the messages in Sources: run the tests with RECORD_SNAPSHOTS=1"
                )
            }
        }
    }

    // MARK: Printed in the user's language

    /// The example files of docs/errors.md, with an unknown criterion (P-2) at line 10.
    static let catalog = ErrorsDoc.baseFiles["catalog.yaml"] ?? ""
    static let assessment = ErrorsDoc.merge(
        ErrorsDoc.baseFiles["assessment.yaml"] ?? "",
        "criteria:\n  P-01: {claimed: 2, evidence: [E1, E2]}\n  P-2: {claimed: 1, evidence: [E1]}\n")

    /// Runs `maturity arguments…` in a folder holding the catalog and `assessment`.
    func run(
        _ arguments: [String], assessment: String = Self.assessment, environment: [String: String] = [:],
        replacing replaced: [String: String] = [:]
    ) throws -> CLIRun {
        let folder = try TemporaryFolder("zh")
        defer { folder.remove() }
        var files = ErrorsDoc.baseFiles
        files["assessment.yaml"] = assessment
        files.merge(replaced) { _, new in new }
        for (name, content) in files {
            try FileManager.default.createDirectory(
                atPath: (folder.file(name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: folder.file(name)))
        }
        return CLI.run(arguments, in: folder.path, environment: environment)
    }

    @Test func anAssessmentErrorIsInChineseWithLangZh() throws {
        let english = try run(["assess", "assessment.yaml", "--catalog", "catalog.yaml"])
        let chinese = try run([
            "assess", "assessment.yaml", "--catalog", "catalog.yaml", "--lang", "zh", "--format", "json",
        ])
        #expect(
            english.stderr == "assessment.yaml:10:3: error: unknown criterion 'P-2'\n  hint: did you mean 'P-02'?\n")
        #expect(chinese.stderr == "assessment.yaml:10:3: 错误：未知的评价项 'P-2'\n  提示：是否应为 'P-02'？\n")
        #expect(chinese.status == english.status)
        #expect(chinese.status == 1)
    }

    @Test func aYAMLErrorIsInChineseWithLangEnvironment() throws {
        let broken = Self.assessment + "owners: [x\n"
        let english = try run(["assess", "assessment.yaml", "--catalog", "catalog.yaml"], assessment: broken)
        let chinese = try run(
            ["assess", "assessment.yaml", "--catalog", "catalog.yaml"], assessment: broken,
            environment: ["LANG": "zh_CN.UTF-8"])
        let englishLines = english.stderr.split(separator: "\n")
        let chineseLines = chinese.stderr.split(separator: "\n")
        #expect(englishLines.first?.contains(": error: YAML syntax: ") == true)
        #expect(chineseLines.first?.contains(": 错误：YAML 语法错误：") == true)
        // The same place in both languages.
        #expect(englishLines.first?.split(separator: " ").first == chineseLines.first?.split(separator: " ").first)
        #expect(chinese.status == english.status)
    }
}

extension ChineseMessagesTests {
    /// Runs `arguments` in English and with LANG=zh_CN.UTF-8 over the example files with `replaced`.
    func both(_ arguments: [String], replacing replaced: [String: String]) throws -> (en: CLIRun, zh: CLIRun) {
        let english = try run(arguments, replacing: replaced)
        let chinese = try run(arguments, environment: ["LANG": "zh_CN.UTF-8"], replacing: replaced)
        return (english, chinese)
    }

    // MARK: Catalogs

    @Test func aCatalogErrorIsInChineseWithItsNote() throws {
        let catalog = ErrorsDoc.merge(
            Self.catalog,
            """
            domains:
              - id: process
                name: Service process
                weight: 1
                criteria:
                  - {id: P-01, name: Response, weight: 2, key: true, levels: {1: a promise, 2: a procedure}, sources: [clause 1]}
                  - {id: P-01, name: Records, weight: 1, levels: {1: some, 2: all}, sources: [clause 2]}
                  - {id: P-03, name: Rules, weight: 0, levels: {1: some, 2: all}, sources: [clause 3]}

            """)
        let run = try both(["catalog", "lint", "catalog.yaml"], replacing: ["catalog.yaml": catalog])
        #expect(
            run.en.stderr.hasPrefix(
                """
                catalog.yaml:18:14: error: duplicate criterion id 'P-01' (first declared at line 17)
                catalog.yaml:19:41: error: weight of criterion 'P-03' must be more than 0, found 0
                  hint: use a positive number

                """))
        #expect(
            run.zh.stderr.hasPrefix(
                """
                catalog.yaml:18:14: 错误：重复的评价项 id 'P-01'（首次声明于第 17 行）
                catalog.yaml:19:41: 错误：评价项 'P-03' 的权重必须大于 0，实际为 0
                  提示：请使用正数

                """))
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }

    @Test func aPointsAssessmentErrorIsInChinese() throws {
        let assessment = ErrorsDoc.merge(
            ErrorsDoc.baseFiles["points-assessment.yaml"] ?? "",
            "profile: maker\ncriteria:\n  R-01: {earned: 70, audited_earned: -1, evidence: [E1]}\n"
                + "  R-02: {earned: 5, evidence: [E1]}\n")
        let run = try both(
            ["assess", "points-assessment.yaml", "--catalog", "points.yaml"],
            replacing: ["points-assessment.yaml": assessment])
        #expect(
            run.en.stderr == """
                points-assessment.yaml:9:18: error: earned 70 of 'R-01' is more than its 60 points
                  hint: a clause earns at most its points; deductions beyond it are 'adjustments:'
                points-assessment.yaml:9:38: error: audited_earned of 'R-01' must be 0 or more, found -1
                points-assessment.yaml:10:18: error: 'R-02' is checked as a whole (check: all): it earns its 10 points or 0, found 5
                  hint: give 0 or 10; partial points need check: graded or sample in the catalog

                """)
        #expect(
            run.zh.stderr == """
                points-assessment.yaml:9:18: 错误：'R-01' 的 earned 70 超过了它的分值 60
                  提示：条款的得分最多为其分值；超出的扣分写在 'adjustments:' 中
                points-assessment.yaml:9:38: 错误：'R-01' 的 audited_earned 必须大于或等于 0，实际为 -1
                points-assessment.yaml:10:18: 错误：'R-02' 整体核查（check: all）：得分只能是 10 或 0，实际为 5
                  提示：请给 0 或 10；要给部分得分，准则中须为 check: graded 或 sample

                """)
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }

    // MARK: Plans

    @Test func aPlanErrorIsInChineseWithLangZh() throws {
        let plan = ErrorsDoc.merge(
            ErrorsDoc.baseFiles["plan.yaml"] ?? "",
            """
            actions:
              - {id: P-02@2, criterion: P-02, priority: high, purpose: urgent, status: finished}
              - {id: P-02@2, criterion: P-02, status: done}

            """)
        let english = try run(["plan", "--due", "plan.yaml"], replacing: ["plan.yaml": plan])
        let chinese = try run(["plan", "--due", "plan.yaml", "--lang", "zh"], replacing: ["plan.yaml": plan])
        #expect(
            english.stderr == """
                plan.yaml:8:45: error: unknown priority 'high'
                  hint: write P1, P2 or P3
                plan.yaml:8:60: error: unknown purpose 'urgent'
                  hint: write corrective or development
                plan.yaml:8:76: error: unknown status 'finished'
                  hint: expected one of 'open', 'in_progress', 'done', 'superseded'
                plan.yaml:9:5: error: action id 'P-02@2' appears twice (first at line 8)
                  hint: each action needs its own id; rename or remove one

                """)
        #expect(
            chinese.stderr == """
                plan.yaml:8:45: 错误：未知的优先级 'high'
                  提示：请写 P1、P2 或 P3
                plan.yaml:8:60: 错误：未知的目的 'urgent'
                  提示：请写 corrective（纠正行动）或 development（提升行动）
                plan.yaml:8:76: 错误：未知的状态 'finished'
                  提示：应为以下之一：'open', 'in_progress', 'done', 'superseded'
                plan.yaml:9:5: 错误：行动项 id 'P-02@2' 出现了两次（首次出现于第 8 行）
                  提示：每个行动项都要有自己的 id；请改名或删去其中一个

                """)
        #expect(chinese.status == english.status)
        #expect(chinese.status == 1)
    }

    // MARK: Ticket mappings

    @Test func aMappingErrorIsInChineseWithLangZh() throws {
        let mapping = """
            date_format: "yyyy-MM-dd HH:mm:sss"
            columns:
              created: created_at
              resolved: {column: resolved_at, date_format: "yyyy/MM/dd hh:mm"}

            """
        let arguments = ["kpi", "tickets.csv", "--mapping", "mapping.yaml"]
        let english = try run(arguments, replacing: ["mapping.yaml": mapping])
        let chinese = try run(arguments + ["--lang", "zh"], replacing: ["mapping.yaml": mapping])
        #expect(
            english.stderr == """
                mapping.yaml:1:32: error: date format 'yyyy-MM-dd HH:mm:sss': 'sss' is not a date or time field
                  hint: e.g. iso8601, yyyy-MM-dd HH:mm:ss or d/M/yyyy HH:mm
                mapping.yaml:4:49: error: date format 'yyyy/MM/dd hh:mm': 'h' is an hour 1–12 and needs 'a' (AM/PM); use 'H' for an hour 0–23
                  hint: e.g. iso8601, yyyy-MM-dd HH:mm:ss or d/M/yyyy HH:mm

                """)
        #expect(
            chinese.stderr == """
                mapping.yaml:1:32: 错误：日期格式 'yyyy-MM-dd HH:mm:sss'：'sss' 不是日期或时间字段
                  提示：例如 iso8601、yyyy-MM-dd HH:mm:ss 或 d/M/yyyy HH:mm
                mapping.yaml:4:49: 错误：日期格式 'yyyy/MM/dd hh:mm'：'h' 是 1–12 的小时，需要配合 'a'（上午/下午）；0–23 的小时请用 'H'
                  提示：例如 iso8601、yyyy-MM-dd HH:mm:ss 或 d/M/yyyy HH:mm

                """)
        #expect(chinese.status == english.status)
        #expect(chinese.status == 1)
    }

    // MARK: Result files (JSON)

    @Test func aJSONErrorIsInChinese() throws {
        let arguments = ["review", "assessment.yaml", "--catalog", "catalog.yaml", "--previous", "previous.json"]
        let run = try both(
            arguments,
            replacing: [
                "previous.json": "{\"schema\": tru}\n", "assessment.yaml": ErrorsDoc.baseFiles["assessment.yaml"] ?? "",
            ])
        #expect(run.en.stderr == "previous.json:1:12: error: unexpected character 't': a JSON value is expected\n")
        #expect(run.zh.stderr == "previous.json:1:12: 错误：意外的字符 't'：这里应为一个 JSON 值\n")
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }

    // MARK: Ticket exports

    @Test func aRowLeftOutIsInChinese() throws {
        let tickets =
            "id,created_at,resolved_at\nT-1,2026-03-02 09:00,2026-03-02 15:30\nT-2,2026/03/02 10:10,2026-03-04 11:00\n"
        let run = try both(["kpi", "tickets.csv"], replacing: ["tickets.csv": tickets])
        #expect(
            run.en.stderr.hasPrefix(
                "tickets.csv:3:5: warning: row left out: '2026/03/02 10:10' in column 'created_at' is not a date and"
                    + " time in the format 'iso8601'\n"))
        #expect(
            run.zh.stderr.hasPrefix(
                "tickets.csv:3:5: 警告：已略去此行：列 'created_at' 中的 '2026/03/02 10:10' 不是格式为 'iso8601' 的日期时间\n"))
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 0)
        let strict = try both(["kpi", "tickets.csv", "--strict"], replacing: ["tickets.csv": tickets])
        #expect(
            strict.zh.stderr == """
                tickets.csv:3:5: 错误：列 'created_at' 中的 '2026/03/02 10:10' 不是格式为 'iso8601' 的日期时间
                  提示：不加 --strict 时，这样的行会被略去、计数并列出

                """)
        #expect(strict.zh.status == strict.en.status)
        #expect(strict.zh.status == 1)
    }

    // MARK: Workbooks (xlsx)

    @Test func aWorkbookErrorIsInChinese() throws {
        let run = try both(["import", "assessment.yaml", "--output", "org"], replacing: [:])
        #expect(
            run.en.stderr == """
                assessment.yaml: error: 'assessment.yaml' is not an xlsx workbook: it is not a zip archive
                  hint: save the sheet as Excel Workbook (.xlsx); CSV, .xls and .et files are not read

                """)
        #expect(
            run.zh.stderr == """
                assessment.yaml: 错误：'assessment.yaml' 不是 xlsx 工作簿：它不是 zip 压缩包
                  提示：把表格另存为“Excel 工作簿（.xlsx）”；不读取 CSV、.xls 和 .et 文件

                """)
        #expect(run.zh.status == run.en.status)
        #expect(run.zh.status == 1)
    }
}

/// The messages in two languages in Sources: each `Self(en:zh:)`, `Message(en:zh:)` and `.init(en:zh:)`.
enum Translations {
    struct Pair {
        var file: String
        var line: Int
        var en: String
        var zh: String?
    }

    static func inSources() throws -> [Pair] {
        let sources = URL(fileURLWithPath: ErrorsDoc.root).appendingPathComponent("Sources")
        guard let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            return []
        }
        var urls: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" { urls.append(url) }
        var pairs: [Pair] = []
        for url in urls.sorted(by: { $0.path < $1.path }) {
            let content = try String(contentsOf: url, encoding: .utf8)
            guard content.contains("en: \"") else { continue }
            let shown = "Sources/" + url.path.dropFirst(sources.path.count + 1)
            let source = SwiftSource(content)
            let patterns = ["Self", "Message", "init", "status"].map {
                DiagnosticMessages.Pattern(name: $0, label: "en")
            }
            for call in source.calls(patterns) {
                guard let en = call.messageArgument, let first = en.literals.first else { continue }
                let zh = call.arguments.first {
                    $0.text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("zh:")
                }
                pairs.append(
                    Pair(
                        file: shown, line: call.line, en: text(en.literals),
                        zh: zh.flatMap { $0.literals.isEmpty ? nil : text($0.literals) }))
                _ = first
            }
        }
        return pairs
    }

    /// A literal's text, `…` where it interpolates a value.
    static func text(_ literals: [SwiftSource.Literal]) -> String {
        literals.map { $0.fragments.joined(separator: "…") }.joined(separator: "…")
    }

    /// docs/errors.zh.md: every message, in English and Chinese, by the file that makes it.
    static func document() throws -> String {
        var text = """
            # 诊断信息中文对照 (every message in Chinese)

            `maturity` 的每条错误、警告、提示和状态行（如“已写入 …”）都有中文和英文两种说法。命令带 `--lang zh`，或环境变量
            `LANG`（`LC_ALL`、`LC_MESSAGES`、`MATURITY_LANG`）以 `zh` 开头时，诊断信息以中文打印：

            ```text
            assessment.yaml:9:3: 错误：未知的评价项 'P-2'
              提示：是否应为 'P-02'？
            ```

            位置（文件:行:列）、退出状态和引号中的 id、键、文件名与英文输出完全相同。每条信息的含义和
            修改方法见 [errors.md](errors.md)（英文）；下表按产生信息的源文件列出每条信息的英文和中文，
            `…` 处是运行时填入的值。本文件由测试根据源代码生成（`RECORD_SNAPSHOTS=1 swift test --filter
            ChineseMessages`），请勿手工修改。

            """
        var byFile: [(String, [Translations.Pair])] = []
        for pair in try inSources() {
            if byFile.last?.0 == pair.file {
                byFile[byFile.count - 1].1.append(pair)
            } else {
                byFile.append((pair.file, [pair]))
            }
        }
        for (file, pairs) in byFile {
            text += "\n## `\(file)`\n\n| English | 中文 |\n|---|---|\n"
            var seen = Set<String>()
            for pair in pairs where seen.insert(pair.en).inserted {
                text += "| \(cell(pair.en)) | \(cell(pair.zh ?? "")) |\n"
            }
        }
        return text
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
