import Foundation
import Testing

@testable import MaturityCore

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

    /// The example as loaded, and its text with `criterion`'s line replaced by `line`, read both ways.
    struct Edit {
        let criterion: String
        let line: String
        let catalog: Catalog
        let before: Loaded<Assessment>
        let index: Int
        let text: String

        init(_ criterion: String, to line: String) throws {
            var (lines, index) = try EntryReloadTests.original(criterion)
            self.criterion = criterion
            self.line = line
            catalog = try EntryReloadTests.catalog()
            before = try EntryReloadTests.load(lines.joined(separator: "\n"), catalog: catalog)
            self.index = index
            lines[index] = line
            text = lines.joined(separator: "\n")
        }

        /// The changed line read on its own.
        var quick: Loaded<Assessment>? {
            AssessmentLoader.reloadingEntry(criterion, line: line, at: index + 1, of: before, catalog: catalog)
        }

        /// The changed line read ahead, as an edit reads it before it waits for the writer; `marked`: with a note
        /// that tells it from a fresh reading of the same line.
        func readAhead(marked: Bool = false) throws -> EntryReading {
            var ahead = try #require(
                AssessmentLoader.readingEntry(criterion, line: line, at: index + 1, in: before.value, catalog: catalog))
            if marked { ahead.entry.note = "read ahead" }
            return ahead
        }

        /// The whole changed file loaded.
        func whole() throws(DiagnosticError) -> Loaded<Assessment> {
            try EntryReloadTests.load(text, catalog: catalog)
        }
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
        let edit = try Edit("SP-02", to: line)
        let whole = try edit.whole()
        let quick = try #require(edit.quick, "a valid entry is read on its own")
        #expect(quick.value.criteria == whole.value.criteria)
        #expect(quick.value.criteria["SP-02"]?.location == whole.value.criteria["SP-02"]?.location)
        #expect(quick.warnings == whole.warnings)
        #expect(quick.value.criteria["SP-02"] != edit.before.value.criteria["SP-02"], "the entry read is the new one")
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
        let edit = try Edit("SP-02", to: line)
        #expect(edit.quick == nil, "the whole file is checked, and reports it where it is")
        if !line.hasPrefix("  SP-01") && !line.hasPrefix("  SP-99") {
            #expect(throws: DiagnosticError.self) { try edit.whole() }
        }
    }

    @Test func aKeyCriterionMarkedNotApplicableIsRefusedByBothWays() throws {
        let edit = try Edit("SP-01", to: "  SP-01: {na: \"no such service\"}")
        #expect(edit.quick == nil)
        #expect(throws: DiagnosticError.self) { try edit.whole() }
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

    /// An edit reads its line before it waits for the writer (`readingEntry`); the check then takes that reading
    /// only if reading the line again would give the same: same line, at the same line, with the same evidence
    /// register, profile, folder and catalog.
    @Test(arguments: accepted)
    func aLineReadAheadGivesWhatReadingItAgainGives(line: String) throws {
        let edit = try Edit("SP-02", to: line)
        let ahead = try edit.readAhead()
        let taken = try #require(
            AssessmentLoader.reloadingEntry(
                "SP-02", line: line, at: edit.index + 1, of: edit.before, catalog: edit.catalog, readAhead: ahead))
        let whole = try edit.whole()
        #expect(taken.value.criteria == whole.value.criteria)
        #expect(taken.value.criteria["SP-02"]?.location == whole.value.criteria["SP-02"]?.location)
        #expect(taken.warnings == whole.warnings)
    }

    @Test func aReadingThatMatchesIsTakenAsItIs() throws {
        let line = "  SP-02: {claimed: 3, evidence: [E01, E02]}"
        let edit = try Edit("SP-02", to: line)
        let ahead = try edit.readAhead(marked: true)
        let taken = AssessmentLoader.reloadingEntry(
            "SP-02", line: line, at: edit.index + 1, of: edit.before, catalog: edit.catalog, readAhead: ahead)
        #expect(taken?.value.criteria["SP-02"]?.note == "read ahead", "the line is not read twice")
    }

    /// A reading made against another state of the file is read again, never taken: here the evidence the line
    /// cites is no longer in the register (the whole file refuses it), another line, another line number.
    @Test func aReadingOfAnotherStateOfTheFileIsNotTaken() throws {
        let line = "  SP-02: {claimed: 2, evidence: [E07]}"
        let edit = try Edit("SP-02", to: line)
        let ahead = try edit.readAhead(marked: true)
        var withoutE07 = edit.before
        withoutE07.value.evidence.removeAll { $0.id == "E07" }
        #expect(
            AssessmentLoader.reloadingEntry(
                "SP-02", line: line, at: edit.index + 1, of: withoutE07, catalog: edit.catalog, readAhead: ahead)
                == nil, "the entry cites evidence the register no longer has")
        let other = "  SP-02: {claimed: 1, evidence: [E07]}"
        let otherLine = AssessmentLoader.reloadingEntry(
            "SP-02", line: other, at: edit.index + 1, of: edit.before, catalog: edit.catalog, readAhead: ahead)
        #expect(otherLine?.value.criteria["SP-02"]?.claimed == 1)
        #expect(otherLine?.value.criteria["SP-02"]?.note == nil)
        let moved = AssessmentLoader.reloadingEntry(
            "SP-02", line: line, at: edit.index + 2, of: edit.before, catalog: edit.catalog, readAhead: ahead)
        #expect(moved?.value.criteria["SP-02"]?.location?.line == edit.index + 2)
        #expect(moved?.value.criteria["SP-02"]?.note == nil)
        var profiled = edit.before
        profiled.value.profile = "no-such-profile"
        #expect(
            AssessmentLoader.reloadingEntry(
                "SP-02", line: line, at: edit.index + 1, of: profiled, catalog: edit.catalog, readAhead: ahead) == nil,
            "read again under the profile, which the catalog does not have")
    }
}
