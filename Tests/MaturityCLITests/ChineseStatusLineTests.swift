import Foundation
import MaturityCore
import Testing

/// What the commands say besides diagnostics — the status lines ("wrote …", "imported …", a catalog's counts,
/// the note that a plan on standard output keeps no edits) and their usage errors — follows the user's
/// language as diagnostics do (`--lang`, else LANG), and stays as it was in English. The last test keeps
/// English-only prose out of the command line's output calls.
@Suite struct ChineseStatusLineTests {
    static let chinese = ["LANG": "zh_CN.UTF-8"]

    /// Runs `maturity arguments…` in a folder holding the example files of docs/errors.md.
    func run(_ arguments: [String], environment: [String: String] = [:], replacing: [String: String] = [:]) throws
        -> CLIRun
    {
        try ChineseMessagesTests().run(
            arguments, assessment: ErrorsDoc.baseFiles["assessment.yaml"] ?? "", environment: environment,
            replacing: replacing)
    }

    @Test func catalogLintCountsInChinese() throws {
        let english = try run(["catalog", "lint", "catalog.yaml"])
        let chinese = try run(["catalog", "lint", "catalog.yaml"], environment: Self.chinese)
        #expect(english.stdout.hasPrefix("catalog.yaml: tiny 1: 1 domains, 2 criteria, 1 key; no errors\n"))
        #expect(chinese.stdout.hasPrefix("catalog.yaml：tiny 1：1 个领域，2 个评价项，1 个关键项；没有错误\n"))
        #expect(chinese.status == 0)

        let broken = (ErrorsDoc.baseFiles["catalog.yaml"] ?? "").replacingOccurrences(
            of: "name: Records, weight: 1", with: "name: Records, weight: 0")
        let failed = try run(
            ["catalog", "lint", "catalog.yaml"], environment: Self.chinese, replacing: ["catalog.yaml": broken])
        let englishFailed = try run(["catalog", "lint", "catalog.yaml"], replacing: ["catalog.yaml": broken])
        #expect(englishFailed.stderr.hasSuffix("catalog.yaml: 1 error, 0 warnings\n"), "\(englishFailed.stderr)")
        #expect(failed.stderr.hasSuffix("catalog.yaml：1 个错误，0 个警告\n"), "\(failed.stderr)")
        #expect(failed.status == 1)
        #expect(failed.status == englishFailed.status)
        // --lang zh does what LANG does, and --lang en overrides a Chinese LANG.
        let chosen = try run(["catalog", "lint", "catalog.yaml", "--lang", "zh"], replacing: ["catalog.yaml": broken])
        #expect(chosen.stderr == failed.stderr)
        #expect(chosen.status == 1)
        let overridden = try run(
            ["catalog", "lint", "catalog.yaml", "--lang", "en"], environment: Self.chinese,
            replacing: ["catalog.yaml": broken])
        #expect(overridden.stderr == englishFailed.stderr)
    }

    @Test func aPlanOnStandardOutputWarnsInChinese() throws {
        let arguments = ["plan", "assessment.yaml", "--catalog", "catalog.yaml"]
        let english = try run(arguments)
        let chinese = try run(arguments, environment: Self.chinese)
        #expect(english.stderr.hasPrefix("note: the plan went to standard output; edits people make are kept only"))
        #expect(chinese.stderr.hasPrefix("注意：计划已输出到标准输出；要保留计划中的人工修改，请用 --output PLAN.yaml 写入或更新计划文件。\n"))
        #expect(chinese.status == 0)
        #expect(chinese.stdout.contains("actions:"))
    }

    @Test func initAndImportSayWhatTheyWroteInChinese() throws {
        let folder = try TemporaryFolder("zh-status")
        defer { folder.remove() }
        let catalog = folder.file("catalog.yaml")
        try Data((ErrorsDoc.baseFiles["catalog.yaml"] ?? "").utf8).write(to: URL(fileURLWithPath: catalog))
        let template = CLI.run(
            ["init", "--organisation", "华东", "--catalog", catalog, "--output", folder.file("self"), "--lang", "zh"])
        #expect(template.status == 0, "\(template.stderr)")
        #expect(template.stdout == "已写入 \(folder.file("self"))/assessment.yaml：2 个评价项待评估\n")
        let again = CLI.run(
            ["init", "--organisation", "华东", "--catalog", catalog, "--output", folder.file("self")],
            environment: Self.chinese)
        #expect(again.status == 1)
        #expect(
            again.stderr == """
                \(folder.file("self"))/assessment.yaml: 错误：'\(folder.file("self"))/assessment.yaml' 已存在；没有覆盖它
                  提示：请换一个 --output 文件夹，或把已有文件移走

                """)
    }

    @Test func usageErrorsFollowLangAndTheCommandsLangOption() throws {
        let english = try run(["plan", "assessment.yaml", "--bom"])
        let byOption = try run(["plan", "assessment.yaml", "--bom", "--lang", "zh"])
        let byLocale = try run(["plan", "assessment.yaml", "--bom"], environment: Self.chinese)
        let overridden = try run(["plan", "assessment.yaml", "--bom", "--lang", "en"], environment: Self.chinese)
        #expect(english.stderr.hasPrefix("Error: --bom goes with --format csv\nUsage: maturity plan"))
        #expect(byOption.stderr.hasPrefix("Error: --bom 只能与 --format csv 一起使用\nUsage: maturity plan"))
        #expect(byLocale.stderr == byOption.stderr)
        #expect(overridden.stderr == english.stderr)
        #expect([english.status, byOption.status, byLocale.status] == [64, 64, 64])
        // A command without --lang follows the locale; a usage error found while running does too.
        let port = try run(["serve", "--port", "70000"], environment: Self.chinese)
        #expect(port.stderr.hasPrefix("Error: --port 必须是 0 到 65535，实际为 70000\n"))
        let target = try run(
            ["assess", "assessment.yaml", "--catalog", "catalog.yaml", "--target", "god"], environment: Self.chinese)
        #expect(target.stderr.hasPrefix("Error: --target 'god' 不是准则 'tiny' 中的评级；"), "\(target.stderr)")
        #expect(target.status == 64)
    }

    @Test func registryImportAndUsersSayWhatTheyDidInChinese() throws {
        let folder = try TemporaryFolder("zh-register")
        defer { folder.remove() }
        let result = folder.file("2026-05.json")
        let x = "Examples/xinghe-hvac"
        let assessed = CLI.run(["assess", "\(x)/2026-05/assessment.yaml", "--format", "json", "--output", result])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        let data = ["--data", folder.file("data")]
        let imported = CLI.run(
            ["registry", "import", result, "--allow-unsigned"] + data, environment: Self.chinese)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("已导入 \(result)：江苏星河暖通设备有限公司 2026-05-20 的审核，评级 "), "\(imported.stdout)")
        #expect(imported.stdout.contains("（签署摘要 "))
        let settings = CLI.run(["registry", "settings"] + data, environment: Self.chinese)
        #expect(settings.stdout.hasPrefix("证书编号格式         MSC-{year}-{seq:5}\n有效期               3 年\n"))
        let english = CLI.run(["registry", "settings"] + data)
        #expect(english.stdout.hasPrefix("number pattern       MSC-{year}-{seq:5}\nvalidity             3 years\n"))
        let users = CLI.run(["users", "list"] + data, environment: Self.chinese)
        #expect(users.stdout == "还没有用户；请用 'maturity users add NAME --role cb-admin' 添加第一个\n")
        let missing = CLI.run(["registry", "certificate", "MSC-2026-99999"] + data, environment: Self.chinese)
        #expect(missing.status == 1)
        #expect(
            missing.stderr == """
                错误：注册库中没有证书 'MSC-2026-99999'
                  提示：证书编号可用 'maturity registry due' 和 'registry certificate' 查看

                """)
    }

    // MARK: The command line's own diagnostics

    @Test func outputPassphraseAndAccountProblemsAreInChinese() throws {
        let arguments = ["assess", "assessment.yaml", "--catalog", "catalog.yaml", "--output", "out/"]
        let english = try run(arguments)
        let chinese = try run(arguments, environment: Self.chinese)
        #expect(english.stderr == "out/: error: cannot write 'out/': it names a folder, not a file\n")
        #expect(chinese.stderr == "out/: 错误：无法写入 'out/'：它指向一个文件夹，而不是文件\n")
        #expect(chinese.status == english.status)
        #expect(chinese.status == 1)

        let sign = try run(["sign", "result.json", "--key", "key.json"], environment: Self.chinese)
        #expect(
            sign.stderr == """
                错误：没有私钥的口令
                  提示：请设置环境变量 MATURITY_PASSPHRASE，或给出 --passphrase-file FILE

                """)
        #expect(sign.status == 1)

        let user = try run(["users", "add", "a b", "--role", "cb-admin"], environment: Self.chinese)
        #expect(user.stderr.hasPrefix("Error: 用户名必须是 1 到 100 个字符且不含空格，实际为 'a b'\nUsage: maturity users add"))
        #expect(user.status == 64)
    }

    // MARK: No English-only prose in what the command line prints

    /// Every `write(…)`, `writeError(…)` and `print(…)` of the command line and the server's start-up prints a
    /// value, never a literal with English words in it: a status line is a named message
    /// (`Diagnostic.Message.status(en:zh:)`) printed with `console.say` or `console.note` in the user's language.
    @Test func noCommandPrintsEnglishOnlyProse() throws {
        let sources = URL(fileURLWithPath: ErrorsDoc.root).appendingPathComponent("Sources")
        var files: [URL] = [sources.appendingPathComponent("MaturityServer/Serve.swift")]
        let cli = sources.appendingPathComponent("MaturityCLI")
        if let enumerator = FileManager.default.enumerator(at: cli, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.pathExtension == "swift" { files.append(url) }
        }
        #expect(files.count > 30)
        let patterns = ["write", "writeError", "print", "say"].map { DiagnosticMessages.Pattern(name: $0) }
        // Two or more words of letters: prose, not a separator, a tab or a file name.
        let prose = try Regex(#"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}"#)
        for url in files.sorted(by: { $0.path < $1.path }) {
            let source = SwiftSource(try String(contentsOf: url, encoding: .utf8))
            for call in source.calls(patterns) {
                for argument in call.arguments {
                    for fragment in argument.literals.flatMap(\.fragments) where fragment.contains(prose) {
                        let place = "\(url.lastPathComponent):\(call.line)"
                        Issue.record(
                            Comment(
                                rawValue: "\(place): '\(fragment)' is printed in English only: make it a named message "
                                    + "(Diagnostic.Message.status(en:zh:)) and print it with console.say"))
                    }
                }
            }
        }
    }

    /// `Diagnostic.Message.key(…)` is for what reads the same in every language (an id, a file name, a column):
    /// English prose, or an error's English `description` passed through it, would print English to a Chinese
    /// user. A refusal carries a named message (`RegisterRefusal.message`, `StoreError.message`) instead.
    @Test func noEnglishIsPassedOnAsAName() throws {
        let sources = URL(fileURLWithPath: ErrorsDoc.root).appendingPathComponent("Sources")
        var files: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.pathExtension == "swift" && !url.path.contains("Fuzz") {
                files.append(url)
            }
        }
        #expect(files.count > 100)
        let prose = try Regex(#"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}"#)
        // An error or refusal printed through its English description, or interpolated as it prints itself.
        let englishOfAnError = try Regex(#"(error|refusal|problem)\.description|\\\((error|refusal|problem)\)"#)
        // Names that are descriptions but not English: a source location prints `file:line:column`.
        let exempt: Set<String> = ["Diagnostic+Message.swift: location.description"]
        for url in files.sorted(by: { $0.path < $1.path }) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let file = url.lastPathComponent
            if let range = text.range(of: "Message.key)") {
                let line = text[..<range.lowerBound].count { $0 == "\n" } + 1
                Issue.record(
                    Comment(rawValue: "\(file):\(line): English text made a Message.key: give it a named message"))
            }
            for call in SwiftSource(text).calls([DiagnosticMessages.Pattern(name: "key")]) {
                guard let argument = call.arguments.first else { continue }
                let written = argument.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if exempt.contains("\(file): \(written)") { continue }
                let place = "\(file):\(call.line)"
                if written.contains(englishOfAnError) {
                    Issue.record(
                        Comment(rawValue: "\(place): .key(\(written)) prints an error's English: use its message"))
                }
                for fragment in argument.literals.flatMap(\.fragments) where fragment.contains(prose) {
                    Issue.record(
                        Comment(rawValue: "\(place): '\(fragment)' is English prose made a Message.key: name it"))
                }
            }
        }
    }
}
