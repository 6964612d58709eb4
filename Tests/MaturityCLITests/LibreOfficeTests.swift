import Foundation
import MaturityCore
import MaturitySheets
import MaturityStoreTesting
import Testing

/// The workbooks checked with a real spreadsheet program: LibreOffice (Debian's
/// libreoffice-calc-nogui, headless) reads every xlsx the tool writes and shows the values the tool
/// meant; workbooks LibreOffice saved — our own re-saved, and a CSV filled by the test — import into the
/// same assessment. Skipped (with the reason printed) when LibreOffice is missing, except in CI
/// (CI=true), where it must be there. LibreOffice starts slowly, so each test makes one call that
/// converts all its files, with a private profile.
@Suite struct LibreOfficeTests {
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let available = soffice != nil || inCI
    static let skipped = "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"

    @Test func libreOfficeIsThereInCI() {
        if Self.inCI { #expect(Self.soffice != nil, "CI must install libreoffice-calc-nogui (.ci/run)") }
    }

    /// Every workbook the tool writes, by name, and the command that writes it into `folder`.
    static func writeAll(into folder: String) throws -> [String] {
        let x = "Examples"
        let runs: [(String, [String])] = [
            (
                "worksheet-zh",
                [
                    "init", "--catalog", "after-sales-maturity", "--organisation", "华东家电服务有限公司", "--date", "2026-11-01",
                    "--format", "xlsx", "--lang", "zh",
                ]
            ),
            (
                "worksheet-en",
                [
                    "init", "--catalog", "after-sales-maturity", "--organisation", "Huadong Appliance Service",
                    "--date", "2026-11-01", "--format", "xlsx",
                    "--lang", "en",
                ]
            ),
            (
                "checklist-zh",
                [
                    "init", "--kind", "audit", "--from", "\(x)/huadong-appliance/assessment.yaml", "--auditor", "王海",
                    "--date", "2026-11-20", "--format", "xlsx", "--lang", "zh",
                ]
            ),
        ]
        var names: [String] = []
        for (name, arguments) in runs {
            let run = CLI.run(arguments + ["--output", folder + "/" + name])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let file = arguments.contains("audit") ? "checklist.xlsx" : "worksheet.xlsx"
            try FileManager.default.moveItem(atPath: folder + "/\(name)/\(file)", toPath: folder + "/\(name).xlsx")
            names.append(name)
        }
        let direct: [(String, [String])] = [
            (
                "result-huadong-zh",
                ["assess", "\(x)/huadong-appliance/assessment.yaml", "--format", "xlsx", "--lang", "zh"]
            ),
            (
                "result-audit-en",
                ["assess", "\(x)/huadong-appliance-audit/assessment.yaml", "--format", "xlsx", "--lang", "en"]
            ),
            (
                "result-anmai-zh",
                ["assess", "\(x)/anmai-equipment/assessment.yaml", "--format", "xlsx", "--lang", "zh"]
            ),
            (
                "plan-meichu-zh",
                ["plan", "\(x)/meichu-small-appliances/assessment.yaml", "--format", "xlsx", "--lang", "zh"]
            ),
            ("plan-xinghe-en", ["plan", "\(x)/xinghe-hvac/plan.yaml", "--format", "xlsx", "--lang", "en"]),
            ("catalog-zh", ["catalog", "show", "after-sales-maturity", "--format", "xlsx", "--lang", "zh"]),
            ("catalog-en", ["catalog", "show", "after-sales-maturity", "--format", "xlsx", "--lang", "en"]),
        ]
        for (name, arguments) in direct {
            let run = CLI.run(arguments + ["--output", folder + "/\(name).xlsx"])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            names.append(name)
        }
        return names
    }

    @Test(.enabled(if: available, Comment(rawValue: skipped)))
    func libreOfficeShowsEveryValueTheToolWrote() async throws {
        let folder = try SheetTesting.folder("lo-read")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try Self.writeAll(into: folder)
        // One call: every sheet of every workbook to its own CSV, `<name>-<sheet>.csv`, UTF-8.
        try await Self.convert(
            names.map { folder + "/\($0).xlsx" },
            to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            into: folder + "/csv")
        var compared = 0
        for name in names {
            let workbook = try XLSXReader.read(path: folder + "/\(name).xlsx", shown: name)
            for sheet in workbook.sheets {
                let path = folder + "/csv/\(name)-\(sheet.name).csv"
                let csv = try CSVText.parse(String(contentsOfFile: path, encoding: .utf8))
                compared += Self.compare(sheet, csv, name: "\(name)-\(sheet.name)")
            }
        }
        #expect(compared > 5_000, "only \(compared) cells compared")
        // What a reader sees first, in each language.
        let zh = try CSVText.parse(String(contentsOfFile: folder + "/csv/worksheet-zh-评价项.csv", encoding: .utf8))
        #expect(zh[1].prefix(2) == ["组织", "华东家电服务有限公司"])
        #expect(zh[2].prefix(2) == ["日期", "2026-11-01"])
        let summary = try CSVText.parse(
            String(contentsOfFile: folder + "/csv/result-huadong-zh-结果.csv", encoding: .utf8))
        #expect(summary.contains { $0.prefix(2) == ["评级", "合格"] })
        #expect(summary.contains { $0.prefix(2) == ["总分", "79.6"] })
        let plan = try CSVText.parse(String(contentsOfFile: folder + "/csv/plan-meichu-zh-改进计划.csv", encoding: .utf8))
        #expect(plan[2].prefix(3) == ["编号", "优先级", "状态"])
        #expect(plan[3][2] == "未开始")
        #expect(plan[3][11].count == 10 && Day(iso: plan[3][11]) != nil, "due \(plan[3][11]) is not shown as a date")
        // Drop-downs are in the sheets LibreOffice read.
        for (name, part, list) in [
            ("worksheet-zh", "xl/worksheets/sheet2.xml", "&quot;0,1,2,3,4,5&quot;"),
            ("checklist-zh", "xl/worksheets/sheet2.xml", "&quot;0,1,2,3,4,5&quot;"),
            ("plan-meichu-zh", "xl/worksheets/sheet1.xml", "&quot;未开始,进行中,已完成,已作废&quot;"),
        ] {
            let xml = try RawZip.text(of: part, in: Data(contentsOf: URL(fileURLWithPath: folder + "/\(name).xlsx")))
            #expect(
                xml.contains("<dataValidation type=\"list\"") && xml.contains("<formula1>\(list)</formula1>"), "\(name)"
            )
        }
    }

    /// Compares a sheet as the tool's reader reads it with the CSV LibreOffice wrote of it; returns
    /// the number of cells compared.
    static func compare(_ sheet: ReadSheet, _ csv: [[String]], name: String) -> Int {
        var compared = 0
        var seen = Set<String>()
        for row in sheet.rows {
            for cell in row.cells {
                let shown =
                    csv.indices.contains(row.number - 1) && csv[row.number - 1].indices.contains(cell.column - 1)
                    ? csv[row.number - 1][cell.column - 1] : ""
                let place = "\(name)!\(CellReference(row: row.number, column: cell.column))"
                seen.insert(place)
                compared += 1
                switch cell.content {
                case .text(let text): #expect(shown == text, "\(place)")
                case .number(let value):
                    // LibreOffice shows 15 significant digits in General format.
                    let read = Double(shown) ?? .nan
                    #expect(abs(read - value) <= 1e-13 * max(1, abs(value)), "\(place): \(shown) for \(value)")
                case .date(let serial): #expect(shown == SerialDate.day(serial)?.description, "\(place): \(shown)")
                case .bool(let value): #expect(shown == (value ? "TRUE" : "FALSE"), "\(place)")
                default: Issue.record("\(place): \(cell.content)")
                }
            }
        }
        // Nothing LibreOffice shows that the tool did not write.
        for (r, row) in csv.enumerated() {
            for (c, value) in row.enumerated() where !value.isEmpty {
                let place = "\(name)!\(CellReference(row: r + 1, column: c + 1))"
                #expect(seen.contains(place), "\(place): '\(value)' is not in the workbook")
            }
        }
        return compared
    }

    @Test(.enabled(if: available, Comment(rawValue: skipped)))
    func workbooksLibreOfficeSavedImportToTheSameAssessment() async throws {
        let folder = try SheetTesting.folder("lo-save")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let examples = ["huadong-appliance", "anmai-equipment", "huadong-appliance-audit"]
        var files: [String] = []
        for (index, example) in examples.enumerated() {
            let path = folder + "/result\(index).xlsx"
            let run = CLI.run([
                "assess", "Examples/\(example)/assessment.yaml", "--format", "xlsx", "--lang", "zh", "--output", path,
            ])
            #expect(run.status == 0, "\(run.stderr)")
            files.append(path)
        }
        try await Self.convert(files, to: "xlsx", into: folder + "/saved")
        for (index, example) in examples.enumerated() {
            let target = try SheetTesting.exampleFolder(example)
            defer { try? FileManager.default.removeItem(atPath: target) }
            let saved = folder + "/saved/result\(index).xlsx"
            // LibreOffice writes its own xlsx: its styles, its shared strings.
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: saved))
                    != Data(contentsOf: URL(fileURLWithPath: files[index])))
            let imported = CLI.run(["import", saved, "--output", target])
            #expect(imported.status == 0, "\(example): \(imported.stderr)")
            let original = CLI.run(["assess", "Examples/\(example)/assessment.yaml", "--format", "json"])
            let again = CLI.run(["assess", "assessment.yaml", "--format", "json"], in: target)
            #expect(again.status == 0, "\(again.stderr)")
            if original.stdout.contains("\"signoff\"") {
                #expect(try SheetTesting.withoutSignOff(again.stdout) == SheetTesting.withoutSignOff(original.stdout))
            } else {
                #expect(again.stdout == original.stdout, "\(example)")
            }
        }
    }

    static let yaml = """
        schema: 1
        catalog: after-sales-maturity@2026.2
        organisation: {name: "华东家电服务有限公司", site: "上海"}
        kind: self
        date: 2026-11-01
        assessor: "李伟"
        criteria:
          SP-01: {claimed: 3, note: "承诺已在全部网点公示"}
          SP-02: {claimed: 2}
          SP-03: {claimed: 3}
          SP-04: {claimed: 1, note: "第一行\\n第二行"}
          TS-04: {na: "无现场服务：软件产品"}

        """

    @Test(.enabled(if: available, Comment(rawValue: skipped)))
    func aSheetFilledAsCSVAndSavedByLibreOfficeImportsAsTheYAMLReads() async throws {
        let folder = try SheetTesting.folder("lo-fill")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/yaml", withIntermediateDirectories: true)
        try Self.yaml.write(toFile: folder + "/yaml/assessment.yaml", atomically: true, encoding: .utf8)
        let made = CLI.run([
            "init", "--catalog", "after-sales-maturity", "--organisation", "华东家电服务有限公司", "--site", "上海", "--assessor",
            "李伟", "--date", "2026-11-01",
            "--format", "xlsx", "--lang", "zh", "--output", folder + "/sheet",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        try await Self.convert(
            [folder + "/sheet/worksheet.xlsx"],
            to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            into: folder + "/csv")
        var rows = try CSVText.parse(String(contentsOfFile: folder + "/csv/worksheet-评价项.csv", encoding: .utf8))
        let header = try #require(rows.firstIndex { $0.first == "编号" })
        func column(_ label: String) throws -> Int { try #require(rows[header].firstIndex(of: label)) }
        let (claimed, note, na) = (try column("自评等级"), try column("说明"), try column("不适用原因"))
        // Typed as people type: a level with 级, L3, a formula LibreOffice calculates, a line break.
        let filled: [String: [Int: String]] = [
            "SP-01": [claimed: "3级", note: "承诺已在全部网点公示"], "SP-02": [claimed: "=1+1"], "SP-03": [claimed: "L3"],
            "SP-04": [claimed: "1", note: "第一行\n第二行"], "TS-04": [na: "无现场服务：软件产品"],
        ]
        for index in rows.indices where index > header {
            guard let values = filled[rows[index].first ?? ""] else { continue }
            for (column, value) in values { rows[index][column] = value }
        }
        try FileManager.default.createDirectory(atPath: folder + "/filled", withIntermediateDirectories: true)
        // The file's name becomes the sheet's name.
        try CSVText.write(rows).write(toFile: folder + "/filled/评价项.csv", atomically: true, encoding: .utf8)
        try await Self.convert(
            [folder + "/filled/评价项.csv"], to: "xlsx", into: folder + "/saved",
            infilter: "CSV:44,34,76,1,,0,false,true,false,false,false,-1,true")
        let imported = CLI.run(["import", folder + "/saved/评价项.xlsx", "--output", folder + "/imported"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix("5 of 45 criteria assessed, 0 evidence items, 0 KPI values, 0 findings\n"))
        let fromYAML = CLI.run(["assess", folder + "/yaml/assessment.yaml", "--format", "json"])
        let fromSheet = CLI.run(["assess", folder + "/imported/assessment.yaml", "--format", "json"])
        #expect(fromYAML.status == 0 && fromSheet.status == 0, "\(fromYAML.stderr)\(fromSheet.stderr)")
        #expect(fromSheet.stdout == fromYAML.stdout)
        // The formula's saved result was read, never the formula.
        let saved = try RawZip.text(
            of: "xl/worksheets/sheet1.xml", in: Data(contentsOf: URL(fileURLWithPath: folder + "/saved/评价项.xlsx")))
        #expect(saved.contains("1+1</f><v>2</v>"))
    }

    // MARK: Running LibreOffice

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// `soffice --headless --convert-to FILTER --outdir OUT FILES…` with a private profile, stopped after
    /// three minutes.
    static func convert(_ files: [String], to filter: String, into outdir: String, infilter: String? = nil)
        async throws
    {
        let soffice = try #require(Self.soffice, "LibreOffice is required here")
        let profile = NSTemporaryDirectory() + "maturity-lo-profile-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let ran = try await ChildProcess.run(
            soffice,
            ["-env:UserInstallation=file://\(profile)", "--headless", "--norestore"]
                + (infilter.map { ["--infilter=\($0)"] } ?? []) + ["--convert-to", filter, "--outdir", outdir] + files,
            mergingErrors: true, timeout: .seconds(180))
        guard ran.status == 0 else {
            throw Failed(description: "soffice exited \(ran.status): \(String(decoding: ran.stdout, as: UTF8.self))")
        }
    }
}

/// CSV as LibreOffice writes and reads it (RFC 4180: quotes doubled, line breaks inside quotes).
enum CSVText {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return scalars.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            pending = after
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", let after = next(), after != "\n" { pending = after }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    static func write(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { value in
                value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                    ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}
