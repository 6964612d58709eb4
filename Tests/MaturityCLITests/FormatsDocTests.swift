import Foundation
import Testing

@testable import MaturityCore

/// docs/formats describes every file `maturity` reads and writes. These tests keep it true: every
/// example marked complete loads through the real loader without a diagnostic, every key a loader
/// accepts is documented, every key of the result JSON the examples give is documented, and the
/// documents stand alone (no reference outside the repository, links that resolve).
@Suite struct FormatsDocTests {
    static let folder = CLI.projectRoot + "/docs/formats"
    static let documents = ["catalog.md", "assessment.md", "plan.md", "mapping.md", "result-json.md"]

    /// A fenced code block whose info string marks it complete: ```` ```yaml complete-catalog ````.
    struct Block: CustomStringConvertible {
        var document: String
        /// Line of the opening fence, 1-based.
        var line: Int
        var kind: String
        var text: String

        var description: String { "docs/formats/\(document):\(line)" }
    }

    static func text(_ document: String) throws -> String {
        try String(contentsOfFile: folder + "/" + document, encoding: .utf8)
    }

    /// Every complete block of `document`; `kind` is what follows `complete-` in the info string.
    static func completeBlocks(in document: String) throws -> [Block] {
        var blocks: [Block] = []
        var open: (line: Int, kind: String?, lines: [String])?
        for (index, line) in try text(document).components(separatedBy: "\n").enumerated() {
            if var current = open {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    if let kind = current.kind {
                        blocks.append(
                            Block(
                                document: document, line: current.line, kind: kind,
                                text: current.lines.joined(separator: "\n") + "\n"))
                    }
                    open = nil
                } else {
                    current.lines.append(line)
                    open = current
                }
            } else if line.hasPrefix("```") {
                let words = line.dropFirst(3).split(separator: " ")
                let kind = words.first { $0.hasPrefix("complete-") }.map { String($0.dropFirst("complete-".count)) }
                open = (index + 1, kind, [])
            }
        }
        return blocks
    }

    static func allCompleteBlocks() throws -> [Block] {
        try documents.flatMap { try completeBlocks(in: $0) }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DiagnosticError else { return "\(error)" }
        return error.diagnostics.map(\.description).joined(separator: "\n")
    }

    // MARK: Complete examples load

    @Test func everyDocumentHasItsCompleteExamples() throws {
        let kinds = try Self.allCompleteBlocks().map(\.kind)
        #expect(kinds.filter { $0 == "catalog" }.count == 2, "a levels and a points catalog")
        #expect(kinds.filter { $0 == "assessment" }.count >= 3, "levels, shipped catalog and points")
        #expect(kinds.filter { $0 == "plan" }.count >= 1)
        #expect(kinds.filter { $0 == "mapping" }.count >= 1)
        #expect(Set(kinds).isSubset(of: ["catalog", "assessment", "plan", "mapping"]), "unknown kinds: \(kinds)")
    }

    /// The catalogs of the complete catalog examples, by id.
    static func documentedCatalogs() throws -> [String: Catalog] {
        var catalogs: [String: Catalog] = [:]
        for block in try allCompleteBlocks() where block.kind == "catalog" {
            if let loaded = try? CatalogLoader.load(yaml: block.text, file: block.description) {
                catalogs[loaded.value.id] = loaded.value
            }
        }
        return catalogs
    }

    @Test func everyCompleteCatalogLoadsWithoutADiagnostic() throws {
        for block in try Self.allCompleteBlocks() where block.kind == "catalog" {
            do {
                let loaded = try CatalogLoader.load(yaml: block.text, file: block.description)
                #expect(loaded.warnings.isEmpty, "\(block): \(loaded.warnings)")
            } catch {
                Issue.record("\(block) does not load:\n\(Self.describe(error))")
            }
        }
    }

    @Test func everyCompleteAssessmentLoadsAgainstTheCatalogItNames() throws {
        let documented = try Self.documentedCatalogs()
        let blocks = try Self.allCompleteBlocks().filter { $0.kind == "assessment" }
        #expect(!blocks.isEmpty)
        for block in blocks {
            let folder = try TemporaryFolder("maturity-formats-doc")
            defer { folder.remove() }
            let path = folder.file("assessment.yaml")
            try block.text.write(toFile: path, atomically: true, encoding: .utf8)
            // The files the example names are placeholders here: the loader checks that they exist.
            for name in Self.namedFiles(in: block.text) {
                let file = folder.file(name)
                try FileManager.default.createDirectory(
                    atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data("placeholder\n".utf8).write(to: URL(fileURLWithPath: file))
            }
            do {
                let file = try AssessmentFile.open(path: path, displayPath: block.description)
                let id = try file.catalogReference().id
                let catalog = try documented[id] ?? CatalogLoader.load(path: CLI.projectRoot + "/Criteria/" + id).value
                let loaded = try file.load(catalog: catalog)
                #expect(loaded.warnings.isEmpty, "\(block): \(loaded.warnings)")
            } catch {
                Issue.record("\(block) does not load:\n\(Self.describe(error))")
            }
        }
    }

    /// Paths after `file:` and `mapping:` in an assessment.
    static func namedFiles(in text: String) -> [String] {
        let pattern = /(?:file|mapping):\s*"?([^,}\s"]+)/
        return text.matches(of: pattern).map { String($0.output.1) }
    }

    @Test func everyCompletePlanLoadsWithoutADiagnostic() throws {
        for block in try Self.allCompleteBlocks() where block.kind == "plan" {
            do {
                let document = try PlanLoader.parse(yaml: block.text, file: block.description)
                #expect(!document.plan.entries.isEmpty, "\(block)")
                // A field of one's own with a name unlike any the tool knows is kept without a warning.
                #expect(document.warnings.isEmpty, "\(block): \(document.warnings)")
            } catch {
                Issue.record("\(block) does not load:\n\(Self.describe(error))")
            }
        }
    }

    @Test func everyCompleteMappingLoads() throws {
        for block in try Self.allCompleteBlocks() where block.kind == "mapping" {
            do {
                let mapping = try TicketMappingLoader.load(yaml: block.text, file: block.description)
                #expect(!mapping.columns.isEmpty, "\(block)")
            } catch {
                Issue.record("\(block) does not load:\n\(Self.describe(error))")
            }
        }
    }

    @Test func anExampleThatStopsParsingFailsItsLoad() throws {
        // What the tests above rely on: a broken example is an error, not a silent pass.
        let block = try #require(Self.allCompleteBlocks().first { $0.kind == "catalog" })
        let broken = block.text.replacingOccurrences(of: "scoring: levels", with: "scoring: levels: [")
        #expect(throws: DiagnosticError.self) { try CatalogLoader.load(yaml: broken) }
    }

    // MARK: Every key is documented

    /// The names written in backticks in `document`.
    static func codeSpans(_ document: String) throws -> Set<String> {
        let text = try text(document)
        return Set(text.matches(of: /`([^`\n]+)`/).map { String($0.output.1) })
    }

    static func expectDocumented(_ keys: [String], in document: String, _ what: String) throws {
        let spans = try codeSpans(document)
        for key in keys where !spans.contains(key) {
            Issue.record("\(what) key '\(key)' is not documented in docs/formats/\(document)")
        }
    }

    @Test func everyKeyTheCatalogLoaderReadsIsDocumented() throws {
        let groups: [(String, [String])] = [
            ("top-level", CatalogLoader.catalogKeys), ("level", CatalogLoader.levelKeys),
            ("rating", CatalogLoader.ratingKeys), ("domain", CatalogLoader.domainKeys),
            ("criterion", CatalogLoader.criterionKeys), ("metric", CatalogLoader.metricKeys),
            ("points metric", CatalogLoader.pointsMetricKeys), ("KPI", CatalogLoader.kpiKeys),
            ("evidence kind", CatalogLoader.evidenceKindKeys), ("profile", CatalogLoader.profileKeys),
            ("adjustments", CatalogLoader.adjustmentKeys),
        ]
        for (what, keys) in groups { try Self.expectDocumented(keys, in: "catalog.md", what) }
        try Self.expectDocumented(KPIDefinition.builtIn.map(\.id), in: "catalog.md", "built-in KPI")
        try Self.expectDocumented(FindingGrade.allCases.map(\.rawValue), in: "catalog.md", "finding grade")
    }

    @Test func everyKeyTheAssessmentLoaderReadsIsDocumented() throws {
        let groups: [(String, [String])] = [
            ("top-level", AssessmentLoader.assessmentKeys), ("organisation", AssessmentLoader.organisationKeys),
            ("evidence", AssessmentLoader.evidenceKeys), ("criterion entry", AssessmentLoader.entryKeys),
            ("finding", AssessmentLoader.findingKeys), ("tickets", AssessmentLoader.ticketKeys),
            ("sample", AssessmentLoader.Reader.sampleKeys), ("adjustment", AssessmentLoader.Reader.adjustmentKeys),
            ("kind", Assessment.Kind.allCases.map(\.rawValue)),
            ("finding status", Finding.Status.allCases.map(\.rawValue)),
        ]
        for (what, keys) in groups { try Self.expectDocumented(keys, in: "assessment.md", what) }
    }

    @Test func everyKeyThePlanLoaderReadsIsDocumented() throws {
        try Self.expectDocumented(PlanLoader.topKeys, in: "plan.md", "top-level")
        try Self.expectDocumented(PlanLoader.entryKeys, in: "plan.md", "action")
        try Self.expectDocumented(PlanAction.Status.allCases.map(\.rawValue), in: "plan.md", "status")
    }

    @Test func everyKeyTheMappingLoaderReadsIsDocumented() throws {
        let groups: [(String, [String])] = [
            ("top-level", TicketMappingLoader.topKeys), ("values", TicketMappingLoader.valueKeys),
            ("sla", TicketMappingLoader.slaKeys), ("workdays", TicketMappingLoader.workdayKeys),
            ("event_log", TicketMappingLoader.eventLogKeys), ("column", TicketMappingLoader.columnKeys),
            ("when", TicketMappingLoader.whenKeys), ("field", TicketMapping.Field.allCases.map(\.rawValue)),
            ("take", TicketMapping.Take.allCases.map(\.rawValue)),
        ]
        for (what, keys) in groups { try Self.expectDocumented(keys, in: "mapping.md", what) }
    }

    /// Every key path of a JSON value, `criteria[].evidence_gaps[].level`; the members of `kpis` and
    /// `kpi_sources` are named `<kpi id>`.
    static func keyPaths(_ value: Any, _ path: String = "", into paths: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, member) in object {
                let named = path == "kpis" || path == "kpi_sources" ? "<kpi id>" : key
                let child = path.isEmpty ? named : path + "." + named
                paths.insert(child)
                keyPaths(member, child, into: &paths)
            }
        } else if let array = value as? [Any] {
            for element in array { keyPaths(element, path + "[]", into: &paths) }
        }
    }

    @Test func everyKeyOfTheExamplesResultJSONIsDocumented() throws {
        var results: [Data] = []
        let committed = try FileManager.default.subpathsOfDirectory(atPath: CLI.projectRoot + "/Examples")
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".key.json") }  // key files are not results
        for path in committed {
            results.append(try Data(contentsOf: URL(fileURLWithPath: CLI.projectRoot + "/Examples/" + path)))
        }
        // Self-assessments show the path and its actions; one with ticket KPIs; a points one; one with a plan.
        let runs: [[String]] = [
            ["assess", "Examples/huadong-appliance/assessment.yaml"],
            ["assess", "Examples/anmai-equipment/assessment.yaml"],
            ["assess", "Examples/hengxin-appliance-service/2025-12/assessment.yaml"],
            ["assess", "Examples/xinghe-hvac/2027-05/assessment.yaml", "--plan", "Examples/xinghe-hvac/plan.yaml"],
        ]
        for arguments in runs {
            let run = CLI.run(arguments + ["--format", "json"])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            results.append(Data(run.stdout.utf8))
        }
        #expect(committed.count >= 8, "the committed results: \(committed)")
        var paths: Set<String> = []
        for data in results {
            Self.keyPaths(try JSONSerialization.jsonObject(with: data), into: &paths)
        }
        for required in [
            "signoff.files[].sha256", "plan.actions[].overdue", "criteria[].evidence_gaps[].reasons[].age_days",
        ] {
            #expect(paths.contains(required), "the examples no longer give '\(required)'")
        }
        let spans = try Self.codeSpans("result-json.md")
        for path in paths.sorted() where !spans.contains(path) {
            Issue.record("result JSON key '\(path)' is not documented in docs/formats/result-json.md")
        }
    }

    // MARK: The documents stand alone

    /// The user documents: they must not point outside the repository.
    static let userDocuments = [
        "docs/formats/catalog.md", "docs/formats/assessment.md", "docs/formats/plan.md",
        "docs/formats/mapping.md", "docs/formats/result-json.md", "docs/glossary.md", "README.zh.md",
    ]

    @Test func theDocumentsPointNowhereOutsideTheRepository() throws {
        for document in Self.userDocuments {
            let text = try String(contentsOfFile: CLI.projectRoot + "/" + document, encoding: .utf8)
            for forbidden in ["SPEC", "../shared", "/work/"] {
                #expect(!text.contains(forbidden), "\(document) mentions '\(forbidden)'")
            }
        }
    }

    /// GitHub's anchor of a heading: lower case, punctuation but `-` and `_` dropped, spaces as `-`.
    static func anchor(_ heading: String) -> String {
        let kept = heading.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == " " || $0 == "-" || $0 == "_"
        }
        return String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-")
    }

    static func anchors(in path: String) throws -> Set<String> {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var inCode = false
        var anchors: Set<String> = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inCode.toggle() }
            guard !inCode, line.hasPrefix("#") else { continue }
            anchors.insert(anchor(String(line.drop { $0 == "#" }.dropFirst())))
        }
        return anchors
    }

    @Test func everyLinkOfTheDocumentsResolves() throws {
        for document in Self.userDocuments {
            let path = CLI.projectRoot + "/" + document
            let folder = (path as NSString).deletingLastPathComponent
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for match in text.matches(of: /\]\(([^)\s]+)\)/) {
                let link = String(match.output.1)
                if link.hasPrefix("http") { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].isEmpty ? path : (folder as NSString).appendingPathComponent(String(parts[0]))
                guard FileManager.default.fileExists(atPath: target) else {
                    Issue.record("\(document): link '\(link)' names a file that does not exist")
                    continue
                }
                if parts.count == 2, target.hasSuffix(".md") {
                    #expect(
                        try Self.anchors(in: target).contains(String(parts[1])),
                        "\(document): link '\(link)' names a heading that does not exist")
                }
            }
        }
    }

    // MARK: The glossary

    @Test func theGlossaryExplainsEveryTermItIsAskedFor() throws {
        let text = try String(contentsOfFile: CLI.projectRoot + "/docs/glossary.md", encoding: .utf8)
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| English") }
        let terms = rows.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        for row in terms {
            #expect(
                row.count == 3 && row.allSatisfy { !$0.isEmpty },
                "a glossary row needs English, 中文 and a meaning: \(row)")
        }
        let english = terms.compactMap(\.first).joined(separator: "; ")
        for term in [
            "evidence cap", "key criterion", "max_open", "corrective action", "development action", "stale",
            "superseded",
            "expired", "impartial audit report", "surveillance", "special audit", "held days", "profile", "deduction",
            "bonus", "not applicable", "level descriptor", "finding", "sign-off", "improvement path", "blocker",
        ] {
            #expect(english.contains(term), "the glossary has no entry for '\(term)'")
        }
        for chinese in ["证据上限", "关键项", "纠正行动", "提升行动", "超过时效", "已被取代", "已失效", "监督审核", "特殊审核", "扣分", "加分"] {
            #expect(text.contains(chinese), "the glossary does not give the Chinese term '\(chinese)'")
        }
    }

    // MARK: The Chinese guide

    @Test func theChineseGuideIsLinkedFromTheTopOfTheREADMEAndRunsTheInstalledProgram() throws {
        let readme = try String(contentsOfFile: CLI.projectRoot + "/README.md", encoding: .utf8)
        #expect(readme.components(separatedBy: "\n").prefix(5).contains { $0.contains("(README.zh.md)") })
        let guide = try String(contentsOfFile: CLI.projectRoot + "/README.zh.md", encoding: .utf8)
        #expect(!guide.contains("swift run"), "the guide runs the installed program: maturity …")
        for step in [
            "swift build -c release", "scripts/install.sh", "export PATH=", "maturity init", "maturity assess",
            "maturity plan", "maturity review", "maturity verify", "na:", "docs/formats/", "docs/errors.md",
            "docs/glossary.md",
        ] {
            #expect(guide.contains(step), "README.zh.md does not mention '\(step)'")
        }
    }
}
