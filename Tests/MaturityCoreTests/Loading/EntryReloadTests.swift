import Foundation
import MaturityCore
import Testing

/// An edit of one criterion's one-line entry is checked by reading that line again
/// (`AssessmentLoader.reloadingEntry`): whenever it answers, it must give what loading the whole changed file
/// gives; whenever the whole file is refused, it must not answer.
@Suite struct EntryReloadTests {
    static let example = Fixtures.repositoryRoot.appendingPathComponent("Examples/huadong-appliance").path

    static func catalog() throws -> Catalog {
        try CatalogLoader.load(
            path: Fixtures.repositoryRoot.appendingPathComponent("Criteria/after-sales-maturity").path
        ).value
    }

    static func load(_ text: String, catalog: Catalog) throws(DiagnosticError) -> Loaded<Assessment> {
        try AssessmentLoader.load(yaml: text, file: "assessment.yaml", folder: example, catalog: catalog)
    }

    /// The example's text and the 0-based index of `criterion`'s line.
    static func original(_ criterion: String) throws -> (lines: [String], index: Int) {
        let text = try String(contentsOfFile: example + "/assessment.yaml", encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("  \(criterion): {") })
        return (lines, index)
    }

    static let accepted = [
        "  SP-02: {claimed: 3, evidence: [E01, E02]}",
        "  SP-02: {claimed: 4, audited: 3, evidence: [E01, E02, E07], note: \"结论：已公示, \\\"quoted\\\"\"}",
        "  SP-02: {claimed: 0}",
        "  SP-02: {}",
        "  SP-02: {claimed: 5, evidence: [E01, E01, E02]}",
        "  SP-02: {claimed: 2, evidence: [E07], note: \"line one\\nline two\"}",
    ]

    @Test(arguments: accepted)
    func aChangedEntryReadsAsTheWholeChangedFile(line: String) throws {
        let catalog = try Self.catalog()
        var (lines, index) = try Self.original("SP-02")
        let before = try Self.load(lines.joined(separator: "\n"), catalog: catalog)
        lines[index] = line
        let whole = try Self.load(lines.joined(separator: "\n"), catalog: catalog)
        let quick = try #require(
            AssessmentLoader.reloadingEntry("SP-02", line: line, at: index + 1, of: before, catalog: catalog),
            "a valid entry is read on its own")
        #expect(quick.value.criteria == whole.value.criteria)
        #expect(quick.value.criteria["SP-02"]?.location == whole.value.criteria["SP-02"]?.location)
        #expect(quick.warnings == whole.warnings)
        #expect(quick.value.criteria["SP-02"] != before.value.criteria["SP-02"], "the entry read is the new one")
    }

    static let refused = [
        "  SP-02: {claimed: 9}",
        "  SP-02: {claimed: 3, evidence: [E99]}",
        "  SP-02: {claimed：3}",
        "  SP-02: {claimed: 3, colour: red}",
        "  SP-02: {claimed: three}",
        "  SP-02: {claimed: 3",
        "  SP-99: {claimed: 3}",
        "  SP-01: {claimed: 3}",
        "  SP-01: {na: \"no such service\"}",
    ]

    @Test(arguments: refused)
    func anEntryTheWholeFileRefusesIsNotReadOnItsOwn(line: String) throws {
        let catalog = try Self.catalog()
        var (lines, index) = try Self.original("SP-02")
        let before = try Self.load(lines.joined(separator: "\n"), catalog: catalog)
        lines[index] = line
        let quick = AssessmentLoader.reloadingEntry("SP-02", line: line, at: index + 1, of: before, catalog: catalog)
        #expect(quick == nil, "the whole file is checked, and reports it where it is")
        if !line.hasPrefix("  SP-01") && !line.hasPrefix("  SP-99") {
            #expect(throws: DiagnosticError.self) { try Self.load(lines.joined(separator: "\n"), catalog: catalog) }
        }
    }

    @Test func aKeyCriterionMarkedNotApplicableIsRefusedByBothWays() throws {
        let catalog = try Self.catalog()
        var (lines, index) = try Self.original("SP-01")
        let before = try Self.load(lines.joined(separator: "\n"), catalog: catalog)
        let line = "  SP-01: {na: \"no such service\"}"
        lines[index] = line
        #expect(
            AssessmentLoader.reloadingEntry("SP-01", line: line, at: index + 1, of: before, catalog: catalog) == nil)
        #expect(throws: DiagnosticError.self) { try Self.load(lines.joined(separator: "\n"), catalog: catalog) }
    }

    @Test func aCriterionWithoutAnEntryBeforeIsNotReadOnItsOwn() throws {
        let catalog = try Self.catalog()
        var (lines, index) = try Self.original("SP-02")
        lines.remove(at: index)
        let before = try Self.load(lines.joined(separator: "\n"), catalog: catalog)
        #expect(
            AssessmentLoader.reloadingEntry(
                "SP-02", line: "  SP-02: {claimed: 3}", at: index + 1, of: before, catalog: catalog) == nil,
            "a new entry adds a line, which moves every later one")
    }
}
