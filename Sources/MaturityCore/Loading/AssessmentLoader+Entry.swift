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
        _ criterion: String, line: String, at lineNumber: Int, of loaded: Loaded<Assessment>, catalog: Catalog
    ) -> Loaded<Assessment>? {
        let assessment = loaded.value
        let file = assessment.location?.file ?? "assessment.yaml"
        guard lineNumber >= 2, assessment.criteria[criterion] != nil, assessment.adjustments.isEmpty,
            !loaded.warnings.contains(where: { $0.location?.file == file && $0.location?.line == lineNumber })
        else { return nil }
        // Empty lines up to the entry's line, so every location read is the one in the whole file.
        let text = String(repeating: "\n", count: lineNumber - 2) + "criteria:\n" + line + "\n"
        guard let document = try? YAMLDocument.parse(data: Data(text.utf8), file: file) else { return nil }
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
        var changed = loaded
        changed.value.criteria[criterion] = entry
        return changed
    }
}
