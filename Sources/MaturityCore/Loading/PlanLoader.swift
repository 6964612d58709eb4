import Foundation
import Yams

/// A plan file as read: the plan, its text, and where things are in that text so that an update
/// can change only what it must and keep everything people wrote, comments included.
public struct PlanDocument: Sendable {
    /// A scalar's place in the text: 1-based line and column (in Unicode scalars) and its length.
    public struct Spot: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var length: Int
    }

    /// Where a field the tool derives is written, so that regeneration can refresh its value.
    public struct FieldLayout: Sendable, Hashable {
        /// Line and column of the key.
        public var keyLine: Int
        public var keyColumn: Int
        /// The value, when it is one-line text: a scalar, or a flow list or mapping on one line.
        public var value: Spot?
        /// The last line of a block mapping of one-line scalars (`what:` with `zh:` and `en:` lines).
        public var blockEnd: Int?
    }

    public struct EntryLayout: Sendable, Hashable {
        /// The `status` value, when it is a one-line scalar of a block mapping.
        public var status: Spot?
        /// The line of `status_before`, when it is a one-line entry of a block mapping.
        public var statusBeforeLine: Int?
        /// Column of the entry's keys and line of its `id` key, when the entry is a block mapping.
        public var keyColumn: Int?
        public var idLine: Int?
        /// The derived fields written in the entry, by key.
        public var fields: [String: FieldLayout] = [:]
    }

    public struct Layout: Sendable {
        public var entries: [EntryLayout]
        /// Column of the `-` of block list items, when there is one.
        public var itemColumn: Int?
        /// New actions go before this line (the next top-level key after `actions`); nil: at the end.
        public var insertLine: Int?
        /// `actions: []` written as an empty flow list.
        public var emptyList: Spot?
        public var date: Spot?
        public var target: Spot?
    }

    public let file: String
    /// The text with line feeds only: a file saved with CRLF (Windows editors) is read as LF.
    public let text: String
    public let plan: Plan
    public let layout: Layout
    public let warnings: [Diagnostic]
    /// How the file was written: with CRLF line ends, with a byte order mark.
    public var crlf = false
    public var byteOrderMark = false

    /// `text` (with line feeds) as this file writes it: its line ends and byte order mark restored.
    public func written(_ text: String) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + (crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text)
    }
}

/// Reads plan files with located diagnostics.
public enum PlanLoader {
    static let topKeys = ["schema", "kind", "catalog", "organisation", "date", "target", "actions"]
    /// The keys the tool writes in an action; any other key is a person's and is kept.
    public static let entryKeys = [
        "id", "criterion", "domain", "kind", "from", "to", "points", "earned", "what", "evidence_needed", "kpi_target",
        "owner",
        "owner_role", "due", "priority", "purpose", "status", "status_before", "root_cause", "measures", "progress",
        "verification", "completed",
    ]
    /// The fields the tool derives from an assessment, refreshed in pending actions when the plan is
    /// regenerated; the others belong to people.
    public static let derivedKeys = [
        "criterion", "domain", "kind", "from", "to", "points", "earned", "what", "evidence_needed", "kpi_target",
        "priority", "purpose",
        "verification",
    ]

    public static func load(path: String, displayPath: String? = nil, files: any FileSource = DiskFiles())
        throws(DiagnosticError) -> PlanDocument
    {
        let shown = displayPath ?? path
        let data = try InputFile.read(
            path, shown: shown, kind: .yamlKind, maximumBytes: YAMLDocument.maximumBytes, what: .yamlInput,
            label: .planLabel, hint: .checkPathOrStartNewPlan, files: files)
        return try parse(data: data, file: shown)
    }

    public static func parse(yaml: String, file: String = "plan.yaml") throws(DiagnosticError) -> PlanDocument {
        try parse(data: Data(yaml.utf8), file: file)
    }

    public static func parse(data: Data, file: String) throws(DiagnosticError) -> PlanDocument {
        let document = try YAMLDocument.parse(data: data, file: file)
        var text = String(decoding: data, as: UTF8.self)
        let byteOrderMark = text.hasPrefix("\u{FEFF}")
        if byteOrderMark { text.removeFirst() }
        let crlf = text.contains("\r\n")
        if crlf { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Array($0.unicodeScalars)
        }
        let r = YAMLReader(file: file)
        var reading = Reading(reader: r, lines: lines)
        guard let plan = reading.plan(document.root), !r.bag.hasErrors else {
            throw DiagnosticError(r.bag.sorted)
        }
        var read = PlanDocument(file: file, text: text, plan: plan, layout: reading.layout, warnings: r.bag.sorted)
        read.crlf = crlf
        read.byteOrderMark = byteOrderMark
        return read
    }

    private struct Reading {
        let reader: YAMLReader
        let lines: [[Unicode.Scalar]]
        var layout = PlanDocument.Layout(entries: [])

        init(reader: YAMLReader, lines: [[Unicode.Scalar]]) {
            self.reader = reader
            self.lines = lines
        }

        mutating func plan(_ root: Node) -> Plan? {
            let r = reader
            guard
                let map = r.mapping(
                    root, .init(en: "the plan", zh: "计划"), required: ["schema", "organisation", "date", "actions"])
            else { return nil }
            for entry in map.entries where !PlanLoader.topKeys.contains(entry.key) {
                r.warning(
                    .unknownPlanTopKey(entry.key), at: entry.keyNode,
                    hint: Suggestion.hintMessage(for: entry.key, in: PlanLoader.topKeys))
            }
            if let schema = map["schema"], let value = r.integer(schema, .key("schema")), value != 1 {
                r.error(.unknownPlanSchema(value), at: schema, hint: .readsPlanSchema1)
            }
            if let kind = map["kind"], let value = r.string(kind, .key("kind")), value != "plan" {
                r.error(.fileIsNotAPlan(value), at: kind, hint: .givePlanFile)
            }
            let catalog = map["catalog"].flatMap { r.isNull($0) ? nil : r.string($0, .key("catalog")) }
            let organisation = map["organisation"].flatMap { r.string($0, .key("organisation")) }
            let date = map["date"].flatMap { r.day($0, .key("date")) }
            layout.date = map["date"].flatMap(spot)
            var target: String?
            if let node = map["target"], !r.isNull(node) {
                target = r.string(node, .key("target"))
            }
            layout.target = map["target"].flatMap(spot)
            if let entry = map.entry("actions") {
                // The next top-level key after `actions` is where new actions are inserted.
                if let index = map.entries.firstIndex(where: { $0.key == "actions" }), index + 1 < map.entries.count {
                    layout.insertLine = map.entries[index + 1].keyNode.mark?.line
                }
                if case .sequence(let sequence) = entry.value, sequence.isEmpty, !isBlock(entry.value) {
                    layout.emptyList = flowListSpot(entry.value)
                }
            }
            var entries: [PlanEntry] = []
            if let node = map["actions"] { entries = actions(node) ?? [] }
            guard let organisation, let date else { return nil }
            return Plan(catalog: catalog, organisation: organisation, date: date, target: target, entries: entries)
        }

        mutating func actions(_ node: Node) -> [PlanEntry]? {
            if reader.isNull(node) { return [] }
            guard let items = reader.sequence(node, .key("actions")) else { return nil }
            var entries: [PlanEntry] = []
            var seen: [String: SourceLocation] = [:]
            for item in items {
                if layout.itemColumn == nil, isBlock(node), let mark = item.mark {
                    layout.itemColumn = dashColumn(beforeLine: mark.line, column: mark.column)
                }
                guard let entry = action(item) else { continue }
                if let first = seen[entry.id] {
                    reader.append(
                        .error(
                            .actionIDTwice(entry.id), at: reader.location(item), hint: .actionNeedsOwnID,
                            notes: [.firstAt(first, from: reader.file)]))
                    continue
                }
                seen[entry.id] = entry.location
                entries.append(entry)
            }
            return entries
        }

        mutating func action(_ node: Node) -> PlanEntry? {
            let r = reader
            guard let map = r.mapping(node, .init(en: "an action", zh: "行动项"), required: ["id"]) else { return nil }
            guard let idNode = map["id"], let id = r.identifier(idNode, .init(en: "action id", zh: "行动项 id")) else {
                return nil
            }
            var entry = PlanEntry(id: id, location: r.location(node))
            var entryLayout = PlanDocument.EntryLayout()
            if case .mapping = node, isBlock(node) {
                entryLayout.keyColumn = map.entries.first?.keyNode.mark?.column
                entryLayout.idLine = map.entry("id")?.keyNode.mark?.line
            }
            for field in map.entries {
                let value = field.value
                let isNull = r.isNull(value)
                switch field.key {
                case "id": break
                case "criterion": entry.criterion = isNull ? nil : r.identifier(value, .key("criterion"))
                case "domain": entry.domain = isNull ? nil : r.identifier(value, .key("domain"))
                case "kind": entry.kind = isNull ? nil : r.string(value, .key("kind"))
                case "from": entry.from = isNull ? nil : r.integer(value, .key("from"))
                case "to": entry.to = isNull ? nil : r.integer(value, .key("to"))
                case "points": entry.points = isNull ? nil : r.number(value, .key("points"))
                case "earned": entry.earned = isNull ? nil : r.number(value, .key("earned"))
                case "what": entry.what = isNull ? nil : r.text(value, .key("what"))
                case "evidence_needed":
                    entry.evidenceNeeded = isNull ? nil : r.identifiers(value, .key("evidence_needed"))?.map(\.0)
                case "kpi_target": entry.kpiTarget = isNull ? nil : kpiTarget(value)
                case "owner": entry.owner = isNull ? nil : r.string(value, .key("owner"))
                case "owner_role": entry.ownerRole = isNull ? nil : r.text(value, .key("owner_role"))
                case "due": entry.due = isNull ? nil : r.day(value, .key("due"))
                case "priority": entry.priority = isNull ? nil : priority(value)
                case "purpose": entry.purpose = isNull ? nil : purpose(value)
                case "status":
                    if let status = status(value) { entry.status = status }
                    if isBlock(node) { entryLayout.status = spot(value) }
                case "status_before":
                    entry.statusBefore = isNull ? nil : status(value)
                    if isBlock(node), spot(value) != nil { entryLayout.statusBeforeLine = field.keyNode.mark?.line }
                case "root_cause": entry.rootCause = isNull ? nil : freeText(value, .key("root_cause"))
                case "measures": entry.measures = isNull ? nil : freeText(value, .key("measures"))
                case "progress": entry.progress = isNull ? nil : freeText(value, .key("progress"))
                case "verification": entry.verification = isNull ? nil : r.text(value, .key("verification"))
                case "completed": entry.completed = isNull ? nil : r.day(value, .key("completed"))
                default:
                    entry.extraKeys.append(field.key)
                    if let near = Suggestion.closest(to: field.key, in: PlanLoader.entryKeys) {
                        r.warning(.unknownActionField(field.key), at: field.keyNode, hint: .didYouMean(near))
                    }
                }
            }
            if isBlock(node) {
                for field in map.entries where PlanLoader.derivedKeys.contains(field.key) {
                    if let layout = fieldLayout(field) { entryLayout.fields[field.key] = layout }
                }
            }
            if map["status"] == nil {
                r.error(.actionHasNoStatus(id), at: node, hint: .addStatusOpen)
            }
            layout.entries.append(entryLayout)
            return entry
        }

        func status(_ node: Node) -> PlanAction.Status? {
            guard let text = reader.string(node, .key("status")) else { return nil }
            if let status = PlanAction.Status(written: text) { return status }
            let names = PlanAction.Status.allCases.map(\.rawValue)
            reader.error(
                .unknownStatus(text), at: node,
                hint: Suggestion.hintMessage(for: text, in: names)
                    ?? .writeOneOfStatuses(names, chinese: PlanAction.Status.allCases.map(\.chineseName)))
            return nil
        }

        func purpose(_ node: Node) -> PlanAction.Purpose? {
            guard let text = reader.string(node, .key("purpose")) else { return nil }
            if let purpose = PlanAction.Purpose(rawValue: text) { return purpose }
            reader.error(.unknownPurpose(text), at: node, hint: .writeCorrectiveOrDevelopment)
            return nil
        }

        /// Where a derived field's key and value are, when the value can be rewritten in place.
        func fieldLayout(_ field: YAMLEntry) -> PlanDocument.FieldLayout? {
            guard let keyMark = field.keyNode.mark else { return nil }
            var layout = PlanDocument.FieldLayout(keyLine: keyMark.line, keyColumn: keyMark.column)
            switch field.value {
            case .scalar:
                layout.value = spot(field.value)
            case .mapping(let mapping) where isBlock(field.value):
                // Each entry a one-line scalar on its own line, right after the key's line.
                var line = keyMark.line
                for (key, value) in mapping {
                    guard case .scalar = value, let keyLine = key.mark?.line, keyLine == line + 1,
                        let valueSpot = spot(value), valueSpot.line == keyLine
                    else { return layout }
                    line = keyLine
                }
                if line > keyMark.line { layout.blockEnd = line }
            case .mapping, .sequence:
                layout.value = flowSpot(field.value)
            default:
                break
            }
            return layout
        }

        /// A flow list or mapping written on one line: from its opening to its matching closing bracket.
        func flowSpot(_ node: Node) -> PlanDocument.Spot? {
            guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return nil }
            let line = lines[mark.line - 1]
            let start = mark.column - 1
            guard start >= 0, start < line.count, line[start] == "{" || line[start] == "[" else { return nil }
            var depth = 0
            var quote: Unicode.Scalar?
            var i = start
            while i < line.count {
                let c = line[i]
                if let q = quote {
                    if q == "\"", c == "\\" {
                        i += 2
                        continue
                    }
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "{" || c == "[" {
                    depth += 1
                } else if c == "}" || c == "]" {
                    depth -= 1
                    if depth == 0 {
                        return PlanDocument.Spot(line: mark.line, column: mark.column, length: i - start + 1)
                    }
                }
                i += 1
            }
            return nil
        }

        func priority(_ node: Node) -> PlanAction.Priority? {
            guard let text = reader.string(node, .key("priority")) else { return nil }
            if let priority = PlanAction.Priority(rawValue: text.uppercased()) { return priority }
            reader.error(.unknownPriority(text), at: node, hint: .writePriority)
            return nil
        }

        func kpiTarget(_ node: Node) -> PlanAction.KPITarget? {
            let r = reader
            guard
                let map = r.mapping(
                    node, .key("kpi_target"), allowed: ["kpi", "better", "value"], required: ["kpi", "value"]),
                let kpi = map["kpi"].flatMap({ r.identifier($0, .init(en: "kpi_target kpi", zh: "kpi_target 的 kpi")) }),
                let value = map["value"].flatMap({
                    r.number($0, .init(en: "kpi_target value", zh: "kpi_target 的 value"))
                })
            else { return nil }
            var better = Direction.higher
            if let node = map["better"], let text = r.string(node, .key("better")) {
                guard let direction = Direction(rawValue: text) else {
                    r.error(.betterHigherOrLower(text), at: node)
                    return nil
                }
                better = direction
            }
            return PlanAction.KPITarget(kpi: kpi, better: better, value: value)
        }

        /// Free text a person wrote: a string, or a list of lines.
        func freeText(_ node: Node, _ what: Diagnostic.Message) -> String? {
            if case .sequence(let items) = node {
                return items.compactMap { reader.string($0, what) }.joined(separator: "\n")
            }
            return reader.string(node, what)
        }

        /// Whether a collection is written in block style. (Yams 6.2.2 reports the style of a collection's
        /// end event, so the style is read from the text: flow collections start with a bracket.)
        func isBlock(_ node: Node) -> Bool {
            guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return false }
            let line = lines[mark.line - 1]
            guard mark.column >= 1, mark.column <= line.count else { return false }
            return line[mark.column - 1] != "{" && line[mark.column - 1] != "["
        }

        /// Where a one-line scalar sits in the text.
        func spot(_ node: Node) -> PlanDocument.Spot? {
            guard case .scalar(let scalar) = node, let mark = node.mark, mark.line >= 1, mark.line <= lines.count
            else { return nil }
            let line = lines[mark.line - 1]
            let start = mark.column - 1
            guard start >= 0, start <= line.count else { return nil }
            switch scalar.style {
            case .plain:
                let written = Array(scalar.string.unicodeScalars)
                guard start + written.count <= line.count, Array(line[start..<start + written.count]) == written
                else { return nil }
                return PlanDocument.Spot(line: mark.line, column: mark.column, length: written.count)
            case .singleQuoted, .doubleQuoted:
                let quote = scalar.style == .singleQuoted ? Unicode.Scalar("'") : Unicode.Scalar("\"")
                guard start < line.count, line[start] == quote else { return nil }
                var i = start + 1
                while i < line.count {
                    if quote == "\"", line[i] == "\\" {
                        i += 2
                        continue
                    }
                    if line[i] == quote {
                        if quote == "'", i + 1 < line.count, line[i + 1] == "'" {
                            i += 2
                            continue
                        }
                        return PlanDocument.Spot(line: mark.line, column: mark.column, length: i - start + 1)
                    }
                    i += 1
                }
                return nil
            default:
                return nil
            }
        }

        /// `[]` of an empty flow list.
        func flowListSpot(_ node: Node) -> PlanDocument.Spot? {
            guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return nil }
            let line = lines[mark.line - 1]
            let start = mark.column - 1
            guard start >= 0, start < line.count, line[start] == "[" else { return nil }
            guard let close = line[start...].firstIndex(of: "]") else { return nil }
            return PlanDocument.Spot(line: mark.line, column: mark.column, length: close - start + 1)
        }

        /// The column of the `-` that starts the item whose content begins at (line, column).
        func dashColumn(beforeLine line: Int, column: Int) -> Int? {
            guard line >= 1, line <= lines.count else { return nil }
            let scalars = lines[line - 1]
            var i = min(column - 2, scalars.count - 1)
            while i >= 0 {
                if scalars[i] == "-" { return i + 1 }
                if scalars[i] != " " { return nil }
                i -= 1
            }
            return nil
        }
    }
}
