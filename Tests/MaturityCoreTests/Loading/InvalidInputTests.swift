import Foundation
import MaturityCore
import Testing

/// One fixture per invalid input; each `.expected` file holds the exact diagnostics it must produce.
@Suite struct InvalidInputTests {
    static func cases(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path(folder))) ?? []
        return names.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(".expected".count)) }.sorted()
    }

    static func expected(_ folder: String, _ name: String) throws -> String {
        try String(contentsOfFile: Fixtures.path("\(folder)/\(name).expected"), encoding: .utf8)
    }

    static func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { $0.description + "\n" }.joined()
    }

    @Test(arguments: cases("invalid/catalog"))
    func invalidCatalogReportsItsExactDiagnostics(name: String) throws {
        let shown = "invalid/catalog/\(name).yaml"
        let diagnostics = CatalogLoader.lint(path: Fixtures.path(shown), displayPath: shown)
        #expect(Self.text(diagnostics) == (try Self.expected("invalid/catalog", name)))
        if !name.hasSuffix("is-a-warning") {
            #expect(diagnostics.contains { $0.isError })
        }
    }

    @Test(arguments: cases("invalid/assessment"))
    func invalidAssessmentReportsItsExactDiagnostics(name: String) throws {
        let catalog = try CatalogLoader.load(path: Fixtures.path("invalid/assessment/tiny-catalog.yaml")).value
        let shown = "invalid/assessment/\(name).yaml"
        do {
            _ = try AssessmentLoader.load(path: Fixtures.path(shown), displayPath: shown, catalog: catalog)
            Issue.record("\(name) loaded without error")
        } catch {
            #expect(Self.text(error.diagnostics) == (try Self.expected("invalid/assessment", name)))
        }
    }

    @Test func theBaseFixturesAreValid() throws {
        let catalog = try CatalogLoader.load(path: Fixtures.path("invalid/assessment/tiny-catalog.yaml"))
        #expect(catalog.warnings.isEmpty)
        let assessment = try AssessmentLoader.load(
            yaml: Self.base, folder: Fixtures.path("invalid/assessment"), catalog: catalog.value)
        #expect(assessment.warnings.isEmpty)
        #expect(assessment.value.criteria["P-01"]?.claimed == 2)
    }

    static let base = """
        schema: 1
        catalog: tiny
        organisation: {name: Org}
        date: 2026-11-01
        evidence:
          - {id: E1, kind: statement, title: s, date: 2026-01-10}
          - {id: E2, kind: document, title: d, date: 2026-03-01, file: docs/response.md}
        criteria:
          P-01: {claimed: 2, evidence: [E1, E2]}
        """

    @Test func anEvidenceSymlinkPointingOutsideTheFolderIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "maturity-symlink-\(UUID().uuidString)")
        let inside = root.appendingPathComponent("org")
        try FileManager.default.createDirectory(
            at: inside.appendingPathComponent("docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "secret".write(to: root.appendingPathComponent("outside.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: inside.appendingPathComponent("docs/response.md").path, withDestinationPath: "../../outside.md")
        let catalog = try CatalogLoader.load(path: Fixtures.path("invalid/assessment/tiny-catalog.yaml")).value
        do {
            _ = try AssessmentLoader.load(yaml: Self.base, file: "a.yaml", folder: inside.path, catalog: catalog)
            Issue.record("a symlink out of the folder was accepted")
        } catch {
            #expect(
                error.diagnostics.map(\.message) == [
                    "evidence file 'docs/response.md' resolves outside the assessment's folder"
                ])
        }
    }

    @Test func aSymlinkStayingInsideTheFolderIsAccepted() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "maturity-symlink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "procedure".write(to: root.appendingPathComponent("real.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("docs/response.md").path, withDestinationPath: "../real.md")
        let catalog = try CatalogLoader.load(path: Fixtures.path("invalid/assessment/tiny-catalog.yaml")).value
        let loaded = try AssessmentLoader.load(yaml: Self.base, file: "a.yaml", folder: root.path, catalog: catalog)
        #expect(loaded.value.evidenceItem("E2")?.file == "docs/response.md")
    }

    @Test func anAliasBombFailsFast() throws {
        // The budget check is linear in the written text; a slow check would show as a hung test.
        let diagnostics = CatalogLoader.lint(path: Fixtures.path("invalid/catalog/alias-bomb.yaml"))
        #expect(diagnostics.first?.message.hasPrefix("aliases expand the document") == true)
    }

    @Test func idsThatLookLikeNumbersOrDatesStayText() throws {
        let yaml = try String(contentsOfFile: Fixtures.path("invalid/assessment/tiny-catalog.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: P-02", with: "id: 2026-01-01")
            .replacingOccurrences(of: "id: tiny", with: "id: 0123")
        let catalog = try CatalogLoader.load(yaml: yaml).value
        #expect(catalog.id == "0123")
        #expect(catalog.criteria.map(\.id) == ["P-01", "2026-01-01", "P-10"])
    }
}

@Suite struct FolderCatalogTests {
    @Test func aFolderCatalogReadsItsDomainFilesInTheListedOrder() throws {
        let catalog = try CatalogLoader.load(path: Fixtures.path("valid/folder-catalog")).value
        #expect(catalog.id == "folder")
        #expect(catalog.domains.map(\.id) == ["process", "satisfaction"])
        #expect(catalog.criteria.map(\.id) == ["P-01", "P-02", "S-01"])
    }

    @Test func domainFilesAreDiscoveredAndIdsMustBeUniqueAcrossThem() throws {
        let diagnostics = CatalogLoader.lint(path: Fixtures.path("invalid/folder-duplicate"), displayPath: "dup")
        #expect(
            diagnostics.map(\.description) == [
                "dup/b-satisfaction.yaml:5:9: error: duplicate criterion id 'P-02' (first declared at dup/a-process.yaml:12:9)"
            ])
    }
}
