import Foundation

extension AssessmentLoader {
    /// `loaded` with the entry of `criterion` read again from `line`, the one line its entry takes at line
    /// `lineNumber` of the assessment file (`  SP-02: {claimed: 3, evidence: [E1]}`, as the workspace writes
    /// every entry), when nothing else of the file changed. The line is read by the same code as a whole file,
    /// placed at the same line, so the entry and its location are what loading the whole file would give.
    ///
    /// Nil when this cannot vouch for the outcome, and the caller loads the whole file (which reports it as
    /// the command line does): the line reports anything (an error or a warning), a warning was reported on
    /// that line before, the assessment has adjustments, or the criterion had no entry before.
    public static func reloadingEntry(
        _ criterion: String, line: String, at lineNumber: Int, of loaded: Loaded<Assessment>, catalog: Catalog,
        readAhead: EntryReading? = nil
    ) -> Loaded<Assessment>? {
        let assessment = loaded.value
        let file = assessment.location?.file ?? "assessment.yaml"
        guard lineNumber >= 2, assessment.criteria[criterion] != nil, assessment.adjustments.isEmpty,
            !loaded.warnings.contains(where: { $0.location?.file == file && $0.location?.line == lineNumber })
        else { return nil }
        let reading: EntryReading
        if let readAhead, readAhead.reads(criterion, line: line, at: lineNumber, in: assessment, catalog: catalog) {
            reading = readAhead
        } else {
            guard let read = readingEntry(criterion, line: line, at: lineNumber, in: assessment, catalog: catalog)
            else { return nil }
            reading = read
        }
        var changed = loaded
        changed.value.criteria[criterion] = reading.entry
        return changed
    }

    /// The entry of `criterion` read from `line` at line `lineNumber` of the file of `assessment`, as
    /// ``reloadingEntry(_:line:at:of:catalog:readAhead:)`` reads it — before the loaded assessment it will go into
    /// is known (an edit reads its line before waiting for the one writer). Nil when the line reports anything.
    public static func readingEntry(
        _ criterion: String, line: String, at lineNumber: Int, in assessment: Assessment, catalog: Catalog
    ) -> EntryReading? {
        let file = assessment.location?.file ?? "assessment.yaml"
        guard lineNumber >= 2 else { return nil }
        readingLine?()
        // Empty lines up to the entry's line, so every location read is the one in the whole file.
        let text = String(repeating: "\n", count: lineNumber - 2) + "criteria:\n" + line + "\n"
        guard let document = try? YAMLDocument.parse(text: text, file: file) else { return nil }
        let reader = Reader(
            catalog: catalog, r: YAMLReader(file: file), folder: assessment.baseDirectory ?? ".",
            files: MemoryFiles([:]))
        guard let map = reader.r.mapping(document.root, .init(en: "the assessment", zh: "评估")),
            let node = map["criteria"]
        else { return nil }
        let entries = reader.readCriteria(node, evidence: assessment.evidence)
        if let id = assessment.profile {
            guard let profile = catalog.profile(id) else { return nil }
            reader.checkExcluded(node, profile: profile)
        }
        guard reader.r.bag.all.isEmpty, entries.count == 1, let entry = entries[criterion] else { return nil }
        return EntryReading(
            criterion: criterion, line: line, lineNumber: lineNumber, file: file, folder: assessment.baseDirectory,
            evidence: assessment.evidence, profile: assessment.profile, catalog: (catalog.id, catalog.version),
            entry: entry)
    }
}

extension AssessmentLoader {
    /// Told each time an entry's line is read on its own (tests count where lines are read).
    @TaskLocal public static var readingLine: (@Sendable () -> Void)?
}

/// One criterion's entry line as read, with everything its reading depended on: the same line at the same line
/// number of a file with the same evidence register, profile and folder, under the same catalog, reads the same.
/// The catalog is known by its id and version: a reading is to be taken under the very catalog it was read under
/// (the workspace stores a catalog version once and never changes it).
public struct EntryReading: Sendable {
    let criterion: String
    let line: String
    let lineNumber: Int
    let file: String
    let folder: String?
    let evidence: [EvidenceItem]
    let profile: String?
    /// The catalog it was read under: its id and version.
    let catalog: (id: String, version: String)
    public internal(set) var entry: CriterionEntry

    /// Whether reading `line` for `criterion` at `lineNumber` of `assessment` under `catalog` gives this.
    func reads(_ criterion: String, line: String, at lineNumber: Int, in assessment: Assessment, catalog: Catalog)
        -> Bool
    {
        criterion == self.criterion && lineNumber == self.lineNumber && line.utf8.elementsEqual(self.line.utf8)
            && (assessment.location?.file ?? "assessment.yaml") == file && assessment.baseDirectory == folder
            && assessment.profile == profile && catalog.id == self.catalog.id
            && catalog.version == self.catalog.version && assessment.evidence == evidence
    }
}
