import Foundation
import MaturityCore
import Testing

/// The files `maturity init` writes cannot trip the person who fills them in: every commented example
/// (a line whose `#` is followed by text or by two spaces) becomes valid YAML in place when its `#` is
/// removed, alone or together with all the others, and the file then loads without an error.
@Suite struct TemplateExamplesTests {
    struct Written {
        var name: String
        var folder: TemporaryFolder
        var text: String
        var catalog: Catalog
    }

    /// A comment for people reads `# text`; an example is the YAML line behind a `#` in the first column.
    static func isExample(_ line: String) -> Bool {
        line.hasPrefix("#") && line.count > 1 && (!line.hasPrefix("# ") || line.hasPrefix("#  "))
    }

    static func catalog(_ id: String) throws -> Catalog {
        try CatalogLoader.load(path: CLI.projectRoot + "/Criteria/" + id).value
    }

    /// The self-assessment template of `catalog` in `language`.
    static func template(_ catalogId: String, _ language: String) throws -> Written {
        let folder = try TemporaryFolder("maturity-template")
        let run = CLI.run([
            "init", "--organisation", "测试公司", "--catalog", catalogId, "--output", folder.path, "--lang", language,
            "--date", "2026-11-01",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: folder.file("assessment.yaml"), encoding: .utf8)
        return Written(
            name: "\(catalogId) template (\(language))", folder: folder, text: text, catalog: try catalog(catalogId))
    }

    /// The audit worksheet made from `source` in `language` (its evidence files are copied beside it).
    static func worksheet(_ source: String, _ catalogId: String, _ language: String) throws -> Written {
        let folder = try TemporaryFolder("maturity-worksheet")
        let run = CLI.run([
            "init", "--kind", "audit", "--from", source, "--auditor", "王海", "--output", folder.path, "--lang", language,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: folder.file("assessment.yaml"), encoding: .utf8)
        return Written(
            name: "audit worksheet of \(source) (\(language))", folder: folder, text: text,
            catalog: try catalog(catalogId))
    }

    /// Every template and worksheet `init` writes for the shipped catalogs, in both languages.
    static func everyFile() throws -> [Written] {
        var files: [Written] = []
        for language in ["zh", "en"] {
            files.append(try template("after-sales-maturity", language))
            files.append(try template("gbt27922-after-sales-evaluation", language))
            files.append(try worksheet("Examples/huadong-appliance/assessment.yaml", "after-sales-maturity", language))
            files.append(
                try worksheet(
                    "Examples/hengxin-appliance-service/2025-12/assessment.yaml", "gbt27922-after-sales-evaluation",
                    language))
        }
        return files
    }

    /// Errors of `text` loaded as the assessment in `written`'s folder.
    static func errors(_ text: String, in written: Written) throws -> [Diagnostic] {
        let path = written.folder.file("assessment.yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try AssessmentFile.open(path: path, displayPath: "assessment.yaml").load(catalog: written.catalog)
            return []
        } catch {
            return error.diagnostics.filter(\.isError)
        }
    }

    /// Placeholders for the files the examples name (`file:`, `mapping:`): the loader checks they exist.
    static func createNamedFiles(_ lines: [String], in folder: TemporaryFolder) throws {
        for line in lines {
            for match in line.matches(of: /(?:file|mapping):\s*"?([^,}\s"]+)/) {
                let file = folder.file(String(match.output.1))
                guard !FileManager.default.fileExists(atPath: file) else { continue }
                try FileManager.default.createDirectory(
                    atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data("placeholder\n".utf8).write(to: URL(fileURLWithPath: file))
            }
        }
    }

    @Test func everyFileLoadsAsWritten() throws {
        for written in try Self.everyFile() {
            defer { written.folder.remove() }
            #expect(try Self.errors(written.text, in: written).isEmpty, "\(written.name)")
        }
    }

    @Test func everyExampleLoadsWhenItsHashIsRemovedAloneOrWithAllOthers() throws {
        for written in try Self.everyFile() {
            defer { written.folder.remove() }
            let lines = written.text.components(separatedBy: "\n")
            let examples = lines.indices.filter { Self.isExample(lines[$0]) }
            #expect(examples.count >= 3, "\(written.name) has only \(examples.count) examples")
            try Self.createNamedFiles(examples.map { lines[$0] }, in: written.folder)
            for index in examples {
                var edited = lines
                edited[index].removeFirst()
                let errors = try Self.errors(edited.joined(separator: "\n"), in: written)
                #expect(
                    errors.isEmpty,
                    "\(written.name), line \(index + 1) uncommented: '\(edited[index])' gives \(errors)")
            }
            var all = lines
            for index in examples { all[index].removeFirst() }
            let errors = try Self.errors(all.joined(separator: "\n"), in: written)
            #expect(errors.isEmpty, "\(written.name), every example uncommented: \(errors)")
        }
    }

    @Test func theTemplateHasAnExampleForEachPartToFillIn() throws {
        let written = try Self.template("after-sales-maturity", "zh")
        defer { written.folder.remove() }
        let examples = written.text.components(separatedBy: "\n").filter(Self.isExample)
        for expected in [
            "#  - {id: E1, kind: document, title: 售后服务管理制度 v2, date: 2026-11-01, file: evidence/policy-v2.pdf}",
            "#  - {id: E3, kind: document, title: 外包服务协议, date: 2026-11-01, valid_until: 2027-11-01}",
            "#  - {id: E2, kind: record, title: 工单记录抽样, date: 2026-11-01}",
            "#tickets: {file: evidence/tickets.csv, mapping: evidence/mapping.yaml}",
            "#    na: 写明不适用的原因",
            "#  - {id: NC-01, criterion: SP-01, grade: minor, text: 发现的问题, status: open}",
        ] {
            #expect(examples.contains(expected), "no example '\(expected)'")
        }
        #expect(examples.contains { $0.hasPrefix("#  call_answer_rate:") && $0.hasSuffix("# 热线接通率（%）") })
        // Key criteria and criteria a rating requires always apply: no na example under them.
        let lines = written.text.components(separatedBy: "\n")
        for id in ["SP-01", "MS-08", "MS-10"] {
            let entry = try #require(lines.firstIndex(of: "  \(id):"))
            #expect(!lines[entry + 1...entry + 3].contains("#    na: 写明不适用的原因"), "\(id) is offered na")
        }
    }

    @Test func theTemplateSaysWhatEachEvidenceKindIsAndHowLongItCounts() throws {
        let zh = try Self.template("after-sales-maturity", "zh")
        let en = try Self.template("after-sales-maturity", "en")
        let points = try Self.template("gbt27922-after-sales-evaluation", "zh")
        defer { [zh, en, points].forEach { $0.folder.remove() } }
        for line in [
            "# - statement 声明或承诺：对外公布的服务承诺、方针或管理层表态；被新版取代或过了 valid_until 之前一直有效",
            "# - record 记录：工单、台账、表单等执行留下的记录；自日期起 365 天内有效",
            "# - observation 现场观察：审核员在现场、仓库或系统中亲眼看到的情况；自日期起 365 天内有效",
            "# 第 4 级 量化管理级：kpi_series, management_review",
        ] {
            #expect(zh.text.contains(line + "\n"), "the zh template lacks '\(line)'")
        }
        #expect(
            en.text.contains(
                "# - kpi_series (KPI series): Indicator values tracked weekly, monthly or quarterly; counts 365 days "
                    + "from its date\n"))
        #expect(
            en.text.contains(
                "# - document (Document): Approved procedure, standard, rule or plan; counts until replaced"))
        #expect(points.text.contains("# - sample 抽样检查：评价时抽取的记录及逐条核查结果；自日期起 365 天内有效\n"))
    }
}
