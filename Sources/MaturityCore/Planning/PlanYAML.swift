/// Writes plan files: a new plan in full, or an update spliced into the text people edited so
/// that their comments, layout and fields stay exactly as they wrote them.
public enum PlanYAML {
    public enum UpdateError: Error, Sendable, Equatable {
        /// An entry whose status must change is not written so that it can be changed in place.
        case cannotEdit(id: String, location: SourceLocation?)
        /// New actions cannot be appended to the list as written.
        case cannotAppend(location: SourceLocation?)
    }

    /// The whole plan file for `plan`.
    public static func render(_ plan: Plan) -> String {
        var out = header(plan)
        if plan.entries.isEmpty {
            out += "actions: []\n"
        } else {
            out += "actions:\n"
            for entry in plan.entries { out += block(entry, dashColumn: 3) }
        }
        return out
    }

    /// `document`'s text with `update` applied: status values changed in place (with a `status_before`
    /// line when a started action is superseded), refreshed derived fields rewritten, the header's date
    /// and target refreshed, new actions appended to the list. Nothing else changes.
    public static func apply(_ update: PlanMerge.Update, to document: PlanDocument) throws(UpdateError) -> String {
        try written(update, to: document).text
    }

    /// The updated text and the update as written: a refreshed field the file does not hold in a form
    /// that can be rewritten in place (absent, or a multi-line value) keeps its old value there.
    public struct Written: Sendable {
        public var text: String
        public var update: PlanMerge.Update
    }

    public static func written(_ update: PlanMerge.Update, to document: PlanDocument) throws(UpdateError) -> Written {
        let update = update.keeping { index, key in
            guard index < document.layout.entries.count, let layout = document.layout.entries[index].fields[key]
            else { return false }
            return layout.value != nil || layout.blockEnd != nil
        }
        let text = try splice(update, into: document, besideComments: true)
        if update.added.isEmpty || keepsEveryEntry(text, update, document) {
            return Written(text: document.written(text), update: update)
        }
        // A '#' line that looked like a comment before the next key belonged to a multi-line scalar:
        // append after the last line instead, and check again.
        let atEnd = try splice(update, into: document, besideComments: false)
        if keepsEveryEntry(atEnd, update, document) { return Written(text: document.written(atEnd), update: update) }
        throw .cannotAppend(location: document.plan.entries.last?.location)
    }

    /// Whether `text` reads back as the plan with the update applied: every existing entry unchanged but
    /// for its status and refreshed fields, then the added ones.
    static func keepsEveryEntry(_ text: String, _ update: PlanMerge.Update, _ document: PlanDocument) -> Bool {
        guard let reread = try? PlanLoader.parse(yaml: text, file: document.file) else { return false }
        let old = document.plan.entries
        guard reread.plan.entries.count == old.count + update.added.count else { return false }
        var expected = old
        for (index, status, before) in update.statusChanges where index < expected.count {
            expected[index].status = status
            expected[index].statusBefore = before
        }
        for refresh in update.refreshes where refresh.index < expected.count {
            for field in refresh.fields {
                expected[refresh.index].setDerived(field.key, from: update.plan.entries[refresh.index])
            }
        }
        func comparable(_ entry: PlanEntry) -> PlanEntry {
            var entry = entry
            entry.location = nil
            return entry
        }
        for (index, entry) in expected.enumerated() {
            if comparable(reread.plan.entries[index]) != comparable(entry) { return false }
        }
        return zip(reread.plan.entries.dropFirst(old.count), update.added).allSatisfy { $0.id == $1.id }
    }

    static func splice(_ update: PlanMerge.Update, into document: PlanDocument, besideComments: Bool)
        throws(UpdateError) -> String
    {
        var lines = document.text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Array($0.unicodeScalars)
        }
        /// Edits by line, applied from the bottom up so that earlier line numbers stay valid.
        enum Edit {
            case replace(PlanDocument.Spot, String)
            case insertAfter(line: Int, [Unicode.Scalar])
            case delete(line: Int)
            case insertBlock(before: Int, [[Unicode.Scalar]])
            case replaceEmptyList(PlanDocument.Spot, [[Unicode.Scalar]])
            case replaceLines(first: Int, last: Int, [[Unicode.Scalar]])

            var line: Int {
                switch self {
                case .replace(let spot, _), .replaceEmptyList(let spot, _): return spot.line
                case .insertAfter(let line, _), .delete(let line): return line
                case .insertBlock(let before, _): return before
                case .replaceLines(let first, _, _): return first
                }
            }
            /// On the same line: insertions after it first, then changes within it, then removal.
            var order: Int {
                switch self {
                case .insertBlock, .insertAfter: return 0
                case .replace, .replaceEmptyList, .replaceLines: return 1
                case .delete: return 2
                }
            }
        }
        var edits: [Edit] = []
        for (index, status, before) in update.statusChanges {
            let layout = index < document.layout.entries.count ? document.layout.entries[index] : nil
            guard let layout, let spot = layout.status, let column = layout.keyColumn else {
                let entry = document.plan.entries[index]
                throw .cannotEdit(id: entry.id, location: entry.location)
            }
            edits.append(.replace(spot, status.rawValue))
            if let line = layout.statusBeforeLine { edits.append(.delete(line: line)) }
            if let before {
                let text = String(repeating: " ", count: column - 1) + "status_before: " + before.rawValue
                edits.append(.insertAfter(line: spot.line, Array(text.unicodeScalars)))
            }
        }
        for refresh in update.refreshes {
            guard refresh.index < document.layout.entries.count, refresh.index < update.plan.entries.count else {
                continue
            }
            let entry = update.plan.entries[refresh.index]
            for field in refresh.fields {
                guard let layout = document.layout.entries[refresh.index].fields[field.key],
                    let edit = refreshEdit(field.key, entry, layout)
                else { continue }
                let prefix = field.key + ": "
                if let spot = layout.value, edit.lines.count == 1 {
                    // Only the value changes: a comment after it on the line stays.
                    let line = edit.lines[0].drop { $0 == " " }
                    edits.append(.replace(spot, String(line.dropFirst(prefix.count))))
                } else {
                    edits.append(
                        .replaceLines(first: edit.first, last: edit.last, edit.lines.map { Array($0.unicodeScalars) }))
                }
            }
        }
        if let spot = document.layout.date, update.plan.date != document.plan.date {
            edits.append(.replace(spot, update.plan.date.description))
        }
        if let spot = document.layout.target, let target = update.plan.target, target != document.plan.target {
            edits.append(.replace(spot, YAMLText.scalar(target)))
        }
        if !update.added.isEmpty {
            func blockLines(_ column: Int) -> [[Unicode.Scalar]] {
                update.added.map { block($0, dashColumn: column) }.joined().split(separator: "\n").map {
                    Array($0.unicodeScalars)
                }
            }
            if let column = document.layout.itemColumn {
                let before =
                    besideComments
                    ? insertionIndex(lines, before: document.layout.insertLine) + 1
                    : (document.layout.insertLine ?? lines.count + 1)
                edits.append(.insertBlock(before: before, blockLines(column)))
            } else if let spot = document.layout.emptyList {
                edits.append(.replaceEmptyList(spot, blockLines(3)))
            } else {
                throw .cannotAppend(location: document.plan.entries.first?.location)
            }
        }
        for edit in edits.sorted(by: { ($0.line, -$0.order) > ($1.line, -$1.order) }) {
            switch edit {
            case .replace(let spot, let text):
                let start = spot.column - 1
                lines[spot.line - 1].replaceSubrange(start..<start + spot.length, with: Array(text.unicodeScalars))
            case .insertAfter(let line, let text):
                lines.insert(text, at: line)
            case .delete(let line):
                lines.remove(at: line - 1)
            case .insertBlock(let before, let block):
                lines.insert(contentsOf: block, at: before - 1)
            case .replaceLines(let first, let last, let replacement):
                lines.replaceSubrange((first - 1)...(last - 1), with: replacement)
            case .replaceEmptyList(let spot, let block):
                // `actions: []` becomes `actions:` followed by the new block.
                let start = spot.column - 1
                lines[spot.line - 1].removeSubrange(start..<start + spot.length)
                while lines[spot.line - 1].last == " " { lines[spot.line - 1].removeLast() }
                lines.insert(contentsOf: block, at: spot.line)
            }
        }
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    /// Line index where appended actions go: before the next top-level key and any blank or comment
    /// lines that lead into it; else after the last line with content.
    static func insertionIndex(_ lines: [[Unicode.Scalar]], before line: Int?) -> Int {
        var index = (line.map { $0 - 1 } ?? lines.count)
        func isFiller(_ line: [Unicode.Scalar]) -> Bool {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            return trimmed.isEmpty || trimmed.first == "#"
        }
        while index > 0, isFiller(lines[index - 1]) { index -= 1 }
        return index
    }

    static func header(_ plan: Plan) -> String {
        var out = """
            # 改进计划 Improvement plan: \(YAMLText.oneLine(plan.organisation))
            # Written by 'maturity plan'. Fill in and edit freely: owner, due, status (open, in_progress,
            # done), root_cause 问题根源分析, measures 改进措施, progress 进展, completed 完成日期, or fields
            # of your own. Running 'maturity plan' again after a new assessment keeps all of it, refreshes
            # what the tool derives in pending actions (criterion, domain, from, to, kind, priority,
            # purpose, what, evidence_needed, kpi_target, verification), adds new actions at the end and
            # marks actions no longer needed 'superseded' (never deletes).

            """
        out += "schema: 1\nkind: plan\n"
        if let catalog = plan.catalog { out += "catalog: \(YAMLText.scalar(catalog))\n" }
        out += "organisation: \(YAMLText.scalar(plan.organisation))\n"
        out += "date: \(plan.date)\n"
        out += "target: \(plan.target.map(YAMLText.scalar) ?? "null")\n"
        return out
    }

    /// One action as a block list item whose `-` is at `dashColumn` (1-based).
    static func block(_ entry: PlanEntry, dashColumn: Int) -> String {
        let dash = String(repeating: " ", count: max(0, dashColumn - 1))
        let indent = dash + "  "
        var lines: [String] = []
        func add(_ key: String, _ value: String) { lines.append("\(key): \(value)") }
        add("id", YAMLText.scalar(entry.id))
        for key in [
            "criterion", "domain", "kind", "from", "to", "points", "earned", "what", "evidence_needed", "kpi_target",
        ] {
            lines += fieldLines(key, of: entry) ?? []
        }
        add("owner", entry.owner.map(YAMLText.scalar) ?? "null")
        if let role = entry.ownerRole { lines += textLines("owner_role", role) }
        add("due", entry.due?.description ?? "null")
        for key in ["priority", "purpose"] { lines += fieldLines(key, of: entry) ?? [] }
        add("status", entry.status.rawValue)
        if let before = entry.statusBefore { add("status_before", before.rawValue) }
        add("root_cause", entry.rootCause.map(YAMLText.quoted) ?? "\"\"")
        add("measures", entry.measures.map(YAMLText.quoted) ?? "\"\"")
        add("progress", entry.progress.map(YAMLText.quoted) ?? "\"\"")
        lines += fieldLines("verification", of: entry) ?? []
        add("completed", entry.completed?.description ?? "null")
        var out = ""
        for (i, line) in lines.enumerated() {
            out += (i == 0 ? dash + "- " : indent) + line + "\n"
        }
        return out
    }

    /// The lines of a derived field (`key: value`, or `key:` and its `zh:`/`en:` lines), relative to the
    /// entry's key column; nil when the entry leaves an optional field out.
    static func fieldLines(_ key: String, of entry: PlanEntry) -> [String]? {
        switch key {
        case "criterion": return entry.criterion.map { ["criterion: \(YAMLText.scalar($0))"] }
        case "domain": return entry.domain.map { ["domain: \(YAMLText.scalar($0))"] }
        case "kind": return entry.kind.map { ["kind: \(YAMLText.scalar($0))"] }
        case "from": return entry.from.map { ["from: \($0)"] }
        case "to": return entry.to.map { ["to: \($0)"] }
        case "points": return entry.points.map { ["points: \(NumberText.plain($0))"] }
        case "earned": return entry.earned.map { ["earned: \(NumberText.plain($0))"] }
        case "what": return textLines("what", entry.what)
        case "evidence_needed":
            return entry.evidenceNeeded.map {
                ["evidence_needed: [" + $0.map(YAMLText.scalar).joined(separator: ", ") + "]"]
            }
        case "kpi_target":
            return entry.kpiTarget.map { target in
                [
                    "kpi_target: {kpi: \(YAMLText.scalar(target.kpi)), better: \(target.better.rawValue), value: "
                        + "\(NumberText.plain(target.value))}"
                ]
            }
        case "priority": return entry.priority.map { ["priority: \($0.rawValue)"] }
        case "purpose": return entry.purpose.map { ["purpose: \($0.rawValue)"] }
        case "verification": return textLines("verification", entry.verification)
        default: return nil
        }
    }

    /// `key: "text"` when every language says the same, else `key:` with one line per language.
    static func textLines(_ key: String, _ text: LocalizedText?) -> [String] {
        guard let text else { return ["\(key): null"] }
        let values = Language.allCases.compactMap { language in text.values[language].map { (language, $0) } }
        if values.count > 1, Set(values.map(\.1)).count > 1 {
            return ["\(key):"] + values.map { "  \($0.0.rawValue): \(YAMLText.quoted($0.1))" }
        }
        return ["\(key): \(YAMLText.quoted(values.first?.1 ?? ""))"]
    }

    /// The new text of a refreshed field written where `layout` says it is: the value in place when both
    /// old and new fit on the key's line (comments after it stay), else the key's lines replaced; nil when
    /// the field is not written so that it can be rewritten.
    static func refreshEdit(_ key: String, _ entry: PlanEntry, _ layout: PlanDocument.FieldLayout)
        -> (first: Int, last: Int, lines: [String])?
    {
        let new = fieldLines(key, of: entry) ?? ["\(key): null"]
        let indent = String(repeating: " ", count: layout.keyColumn - 1)
        if let end = layout.blockEnd {
            return (layout.keyLine, end, new.map { indent + $0 })
        }
        guard layout.value != nil else { return nil }
        return (layout.keyLine, layout.keyLine, new.map { indent + $0 })
    }
}
