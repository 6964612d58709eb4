import Foundation
import MaturityCore
import MaturityStore

/// An assessment as an edit's check loaded it: the text written for it and the files it names, so the
/// re-scoring of the stored revision can take the loaded assessment instead of parsing the same text again.
struct CheckedAssessment: Sendable {
    let yaml: Data
    let paths: Set<String>
    let loaded: Loaded<Assessment>
    /// The snapshot `yaml` was written from, when known.
    var source: AssessmentSnapshot? = nil
}

extension ServerEngine {
    /// Refuses (422, every problem located as the command line locates it) an assessment the command line
    /// would refuse. Loading checks that each named file is there and inside the folder, not what it holds, so
    /// the folder's files are known by their stored digest and size and an edit does not read every evidence
    /// file; with `tickets` the ticket export and its mapping are read too and the KPIs gathered from them (a
    /// KPI given both ways is an error). `contents` gives files not yet committed (an upload in the same
    /// transaction). The assessment is laid out where scoring lays it out, so what is checked is what scores.
    ///
    /// `changing`: the stored assessment the snapshot is an edit of. When the text its last check in this process
    /// loaded (kept by assessment, set inside the transaction, so the next edit queued behind it finds it) differs
    /// from the new text in one criterion's entry only, that line alone is read again
    /// (`AssessmentLoader.reloadingEntry`), not the whole file; anything it cannot vouch for is checked whole. The
    /// kept text need not be what is stored: a check of a transaction rolled back leaves its text kept, and
    /// reading the one changed line against it still gives what loading the whole new text gives.
    ///
    /// `readAhead`: the changed entry's line as ``readingAhead(_:of:catalog:)`` read it before the edit waited for
    /// the writer, taken when it is still what reading the line would give.
    @discardableResult
    func check(
        _ snapshot: AssessmentSnapshot, catalog: Catalog, tickets: Bool = false, contents: [String: Data] = [:],
        changing current: AssessmentSnapshot? = nil, readAhead: EntryReading? = nil
    ) async throws -> CheckedAssessment {
        var before: CheckedAssessment?
        if let current, !tickets { before = await lastChecked.get(current.assessment.id) }
        if let before,
            let checked = Self.splicingOneEntry(before, into: snapshot, catalog: catalog, readAhead: readAhead)
        {
            await lastChecked.set(snapshot.assessment.id, checked)
            return checked
        }
        Self.writingWhole?()
        let yaml = Data(AssessmentYAMLWriter.render(snapshot, criteriaOrder: catalog.criteria.map(\.id)).utf8)
        if let before,
            var checked = Self.changingOneEntry(
                before, to: yaml, paths: Set(snapshot.files.map(\.path)), catalog: catalog)
        {
            checked.source = snapshot
            await lastChecked.set(snapshot.assessment.id, checked)
            return checked
        }
        Self.checkingWhole?()
        let assessmentPath = Self.folderRoot + "/assessment.yaml"
        var held = [assessmentPath: yaml]
        if tickets, snapshot.assessment.ticketsFile != nil {
            let named = [snapshot.assessment.ticketsFile, snapshot.assessment.ticketsMapping].compactMap { $0 }
            for file in snapshot.files where named.contains(file.path) {
                if let data = contents[file.path] {
                    held[Self.folderRoot + "/" + file.path] = data
                } else {
                    held[Self.folderRoot + "/" + file.path] = try await store.assessments.blob(file.sha256)
                }
            }
        }
        let files = StoredFiles(held: held, records: snapshot.files, root: Self.folderRoot)
        do {
            let loaded = try AssessmentFile.open(path: assessmentPath, displayPath: "assessment.yaml", files: files)
                .load(catalog: catalog)
            if tickets { _ = try Engine(files: files).gatherKPIs(loaded.value, catalog: catalog) }
            let checked = CheckedAssessment(
                yaml: yaml, paths: Set(snapshot.files.map(\.path)), loaded: loaded, source: snapshot)
            await lastChecked.set(snapshot.assessment.id, checked)
            return checked
        } catch {
            throw ImportController.invalid(error)
        }
    }
}

extension ServerEngine {
    /// Told each time an assessment file is checked whole (tests count them).
    @TaskLocal static var checkingWhole: (@Sendable () -> Void)?
    /// Told each time a check writes the assessment's whole text rather than one entry's line (tests count them).
    @TaskLocal static var writingWhole: (@Sendable () -> Void)?

    /// The edit of `before` into `yaml` checked by reading again the one line that changed, when that is all
    /// that changed: the same files, the same text but for one criterion's entry (each takes one line as the
    /// workspace writes it). Nil when anything else changed or the entry reports anything: check it whole.
    static func changingOneEntry(
        _ before: CheckedAssessment, to yaml: Data, paths: Set<String>, catalog: Catalog
    ) -> CheckedAssessment? {
        guard paths == before.paths else { return nil }
        if yaml == before.yaml { return CheckedAssessment(yaml: yaml, paths: paths, loaded: before.loaded) }
        guard let changed = changedLine(before.yaml, yaml),
            let criterion = catalog.criteria.first(where: { changed.line.hasPrefix(entryStart($0.id)) })?.id,
            changed.was.starts(with: Data(entryStart(criterion).utf8)),
            let loaded = AssessmentLoader.reloadingEntry(
                criterion, line: changed.line, at: changed.index + 1, of: before.loaded, catalog: catalog)
        else { return nil }
        return CheckedAssessment(yaml: yaml, paths: paths, loaded: loaded)
    }

    /// The edit of `before`'s snapshot into `snapshot` checked without writing the whole text again, when all
    /// that changed is one criterion's entry: its line written anew in place of the old one, and read again
    /// alone. Nil when anything else changed (or the line reports anything): check as ``changingOneEntry``
    /// does, or whole.
    static func splicingOneEntry(
        _ before: CheckedAssessment, into snapshot: AssessmentSnapshot, catalog: Catalog,
        readAhead: EntryReading? = nil
    ) -> CheckedAssessment? {
        guard let source = before.source, snapshot.sameOutsideCriteria(as: source),
            snapshot.criteria.count == source.criteria.count
        else { return nil }
        var changed: CriterionRecord?
        // By index, each row read in place (a pair of rows taken out of the arrays was a copy of both).
        let (news, olds) = (snapshot.criteria, source.criteria)
        for index in news.indices {
            guard news[index].criterion == olds[index].criterion, news[index].position == olds[index].position
            else { return nil }
            // To the byte: the store writes a change of bytes alone (see `StoredRow`), so the text must show it.
            if !news[index].sameContent(as: olds[index]) {
                guard changed == nil else { return nil }
                changed = news[index]
            }
        }
        guard let changed else {
            return CheckedAssessment(yaml: before.yaml, paths: before.paths, loaded: before.loaded, source: snapshot)
        }
        let yaml = before.yaml
        let line = entryText(changed)
        guard let old = entryLine(entryStart(changed.criterion), in: yaml),
            let loaded = AssessmentLoader.reloadingEntry(
                changed.criterion, line: line, at: old.index + 1, of: before.loaded, catalog: catalog,
                readAhead: readAhead)
        else { return nil }
        var spliced = Data()
        yaml.withUnsafeBytes { bytes in
            spliced.reserveCapacity(bytes.count + line.utf8.count - (old.end - old.start))
            spliced.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<old.start]))
            spliced.append(contentsOf: line.utf8)
            spliced.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[old.end...]))
        }
        #if DEBUG
            // Every edit of the test suites holds the spliced text to the whole text written anew.
            let whole = Data(AssessmentYAMLWriter.render(snapshot, criteriaOrder: catalog.criteria.map(\.id)).utf8)
            precondition(spliced == whole, "a spliced assessment text differs from the text written whole")
        #endif
        return CheckedAssessment(yaml: spliced, paths: before.paths, loaded: loaded, source: snapshot)
    }

    /// The line `entry` takes in the assessment's text.
    static func entryText(_ entry: CriterionRecord) -> String {
        entryStart(entry.criterion) + AssessmentYAMLWriter.criterionFields(entry) + "}"
    }

    /// `entry`'s line read as an edit's check will read it, ahead of the writer: at its line in the text the
    /// assessment's last check loaded (the check takes it only while that line and what its reading depends on
    /// are unchanged). Reading the line was the check's largest part, and everything done holding SQLite's one
    /// writer holds up every other edit. Nil when the assessment has not been checked in this process.
    func readingAhead(_ entry: CriterionRecord, of id: String, catalog: Catalog) async -> EntryReading? {
        guard let before = await lastChecked.get(id),
            let old = Self.entryLine(Self.entryStart(entry.criterion), in: before.yaml)
        else { return nil }
        return AssessmentLoader.readingEntry(
            entry.criterion, line: Self.entryText(entry), at: old.index + 1, in: before.loaded.value, catalog: catalog)
    }

    /// Where the entry line starting `start` is in the criteria of `yaml`: its byte offsets (the line break after
    /// it excluded) and its 0-based line number.
    static func entryLine(_ start: String, in yaml: Data) -> (start: Int, end: Int, index: Int)? {
        yaml.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var index = 0
            var inCriteria = false
            while lineStart < bytes.count {
                // The line's end found by memchr (a byte at a time, an edit's two searches were nearly 2 % of its time).
                let end =
                    memchr(bytes.baseAddress! + lineStart, Int32(newline), bytes.count - lineStart)
                    .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! }
                    ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                if inCriteria {
                    if line.starts(with: start.utf8) { return (lineStart, end, index) }
                } else if line.elementsEqual("criteria:".utf8) {
                    inCriteria = true
                }
                lineStart = end + 1
                index += 1
            }
            return nil
        }
    }

    private static let newline = UInt8(ascii: "\n")

    /// How a criterion's entry line starts as `AssessmentYAMLWriter` writes it.
    private static func entryStart(_ criterion: String) -> String {
        "  " + AssessmentYAMLWriter.s(criterion) + ": {"
    }

    /// The one line in which `new` differs from `old`: its 0-based index, as it was and as it is now; nil when
    /// they differ in more lines than one, or not at all. Compares bytes from both ends: the changed bytes (and
    /// what replaced them) must hold no line break.
    static func changedLine(_ old: Data, _ new: Data) -> (index: Int, was: Data, line: String)? {
        let a = [UInt8](old)
        let b = [UInt8](new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        guard prefix < a.count || prefix < b.count else { return nil }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        guard !a[prefix..<(a.count - suffix)].contains(newline), !b[prefix..<(b.count - suffix)].contains(newline)
        else { return nil }
        // The line around the change: from after the break before it to the break after it (or the end).
        let start = a[..<prefix].lastIndex(of: newline).map { $0 + 1 } ?? 0
        let endA = a[(a.count - suffix)...].firstIndex(of: newline) ?? a.count
        let endB = b[(b.count - suffix)...].firstIndex(of: newline) ?? b.count
        guard let line = String(bytes: b[start..<endB], encoding: .utf8) else { return nil }
        let index = a[..<start].reduce(0) { $0 + ($1 == newline ? 1 : 0) }
        return (index, Data(a[start..<endA]), line)
    }
}

extension ServerEngine {
    /// The KPIs of the assessment's ticket export read with its mapping, as `maturity kpi` reads them.
    func measureTickets(_ snapshot: AssessmentSnapshot) async throws -> TicketMeasurement {
        guard let export = snapshot.assessment.ticketsFile else {
            throw APIError.notFound("the assessment has no ticket export ('tickets:')")
        }
        var folder: [String: Data] = [:]
        for file in snapshot.files where [export, snapshot.assessment.ticketsMapping].contains(file.path) {
            folder[file.path] = try await store.assessments.blob(file.sha256)
        }
        let engine = Engine(files: Self.memory(folder))
        do {
            return try engine.measureTickets(
                InputPath(Self.assessmentRoot + "/" + export, shown: export),
                mapping: snapshot.assessment.ticketsMapping.map {
                    InputPath(Self.assessmentRoot + "/" + $0, shown: $0)
                })
        } catch {
            throw ImportController.invalid(error)
        }
    }
}

/// The assessment file each assessment's last check loaded, by assessment id.
typealias LastChecked = BoundedCache<String, CheckedAssessment>
