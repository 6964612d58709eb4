import Foundation
import Yams

/// Reads a ticket-export mapping, reporting every problem at once with its location.
public enum TicketMappingLoader {
    static let topKeys = [
        "schema", "delimiter", "time_zone", "date_format", "values", "sla", "workdays", "event_log", "columns", "note",
    ]
    static let valueKeys = ["missing", "true", "false", "urgent"]
    static let slaKeys = ["urgent_hours", "other_hours", "by_priority"]
    static let workdayKeys = ["holidays", "extra_workdays"]
    static let eventLogKeys = ["order"]
    static let columnKeys = ["column", "date_format", "take", "true", "false", "otherwise", "scores", "when"]
    static let whenKeys = ["column", "values"]

    /// Loads the mapping at `path`; `displayPath` names it in diagnostics.
    public static func load(path: String, displayPath: String? = nil, files: any FileSource = DiskFiles())
        throws(DiagnosticError) -> TicketMapping
    {
        let document = try YAMLDocument.load(path: path, displayPath: displayPath, files: files)
        return try load(document: document)
    }

    /// Loads a mapping from YAML text (tests).
    public static func load(yaml: String, file: String = "mapping.yaml") throws(DiagnosticError) -> TicketMapping {
        try load(data: Data(yaml.utf8), file: file)
    }

    /// Loads a mapping from bytes as a file holds them (fuzzing: any bytes, not only valid UTF-8).
    public static func load(data: Data, file: String = "mapping.yaml") throws(DiagnosticError) -> TicketMapping {
        try load(document: YAMLDocument.parse(data: data, file: file))
    }

    static func load(document: YAMLDocument) throws(DiagnosticError) -> TicketMapping {
        let reader = Reader(r: YAMLReader(file: document.file))
        let mapping = reader.read(document.root)
        try reader.r.bag.throwIfErrors()
        guard let mapping else { throw DiagnosticError(reader.r.bag.sorted) }
        return mapping
    }

    struct Reader {
        let r: YAMLReader

        func read(_ root: Node) -> TicketMapping? {
            guard
                let map = r.mapping(
                    root, .init(en: "the mapping", zh: "映射文件"), allowed: TicketMappingLoader.topKeys,
                    required: ["columns"])
            else { return nil }
            var mapping = TicketMapping()
            mapping.file = r.file
            if let node = map["schema"], let schema = r.integer(node, .key("schema")), schema != 1 {
                r.error(.unknownSchema(schema), at: node, hint: .readsMappingSchema1)
            }
            if let node = map["delimiter"], let text = r.string(node, .key("delimiter")) {
                if text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 10, byte != 13
                {
                    mapping.delimiter = byte
                } else {
                    r.error(.badDelimiter(text), at: node, hint: .writeDelimiter)
                }
            }
            if let node = map["time_zone"], let text = r.string(node, .key("time_zone")) {
                if let zone = TicketTimeZone(text) {
                    mapping.timeZone = zone
                } else {
                    r.error(
                        .unknownTimeZone(text), at: node,
                        hint: Suggestion.hintMessage(for: text, in: TicketTimeZone.knownNames, listUpTo: 0)
                            ?? .writeTimeZone)
                }
            }
            if let node = map["date_format"], let formats = readFormats(node) { mapping.dateFormats = formats }
            if let node = map["values"] { readValues(node, into: &mapping) }
            if let node = map["sla"] { readSLA(node, into: &mapping) }
            if let node = map["workdays"] { readWorkdays(node, into: &mapping) }
            var eventLogNode: Node?
            if let node = map["event_log"], !r.isNull(node) {
                eventLogNode = node
                readEventLog(node, into: &mapping)
            }
            if let node = map["columns"] { readColumns(node, into: &mapping, eventLog: eventLogNode) }
            return mapping
        }

        // MARK: Formats

        func readFormats(_ node: Node) -> [TimestampFormat]? {
            let items: [Node]
            if case .sequence = node {
                guard let list = r.sequence(node, .key("date_format")) else { return nil }
                items = list
            } else {
                items = [node]
            }
            var formats: [TimestampFormat] = []
            for item in items {
                guard let pattern = r.string(item, .key("date_format")) else { continue }
                do {
                    formats.append(try TimestampFormat(pattern: pattern))
                } catch {
                    var location = r.location(item)
                    if case .scalar(let scalar) = item, !pattern.contains("\n") {
                        location.column += error.offset + (scalar.style == .plain ? 0 : 1)
                    }
                    r.append(
                        .error(.dateFormatProblem(pattern, error.problem), at: location, hint: .dateFormatExamples))
                }
            }
            if items.isEmpty { r.error(.dateFormatListsNone, at: node) }
            return formats.count == items.count && !items.isEmpty ? formats : nil
        }

        // MARK: Values

        func readList(_ node: Node, _ what: Diagnostic.Message) -> [String]? {
            if case .scalar = node, !r.isNull(node) {
                return r.string(node, what).map { [$0] }
            }
            guard let items = r.sequence(node, what) else { return nil }
            var values: [String] = []
            for item in items {
                if r.isNull(item) {
                    values.append("")
                } else if let text = r.string(item, what) {
                    values.append(text)
                }
            }
            return values
        }

        func readValues(_ node: Node, into mapping: inout TicketMapping) {
            guard let map = r.mapping(node, .key("values"), allowed: TicketMappingLoader.valueKeys) else { return }
            if let node = map["missing"], let list = readList(node, .key("values.missing")) { mapping.missing = list }
            if let node = map["true"], let list = readList(node, .key("values.true")) { mapping.trueValues = list }
            if let node = map["false"], let list = readList(node, .key("values.false")) { mapping.falseValues = list }
            if let node = map["urgent"], let list = readList(node, .key("values.urgent")) { mapping.urgent = list }
            checkOverlap(mapping.trueValues, mapping.falseValues, "true", "false", at: map["false"] ?? node)
            checkOverlap(mapping.missing, mapping.trueValues, "missing", "true", at: map["missing"] ?? node)
            checkOverlap(mapping.missing, mapping.falseValues, "missing", "false", at: map["missing"] ?? node)
        }

        func checkOverlap(_ a: [String], _ b: [String], _ nameA: String, _ nameB: String, at node: Node) {
            func key(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }
            let inB = Set(b.map(key))
            // The first shared value as the user wrote it in the first list.
            if let shared = a.first(where: { inB.contains(key($0)) }) {
                r.error(.valueMeansBoth(shared, nameA, nameB), at: node, hint: .oneMeaningPerValue)
            }
        }

        func hours(_ node: Node, _ what: Diagnostic.Message) -> Double? {
            guard let value = r.number(node, what) else { return nil }
            guard value > 0 else {
                r.error(.hoursNotPositive(what, NumberText.plain(value)), at: node)
                return nil
            }
            return value
        }

        func readSLA(_ node: Node, into mapping: inout TicketMapping) {
            guard let map = r.mapping(node, .key("sla"), allowed: TicketMappingLoader.slaKeys) else { return }
            if let node = map["urgent_hours"], let value = hours(node, .key("urgent_hours")) {
                mapping.sla.urgentHours = value
            }
            if let node = map["other_hours"], let value = hours(node, .key("other_hours")) {
                mapping.sla.otherHours = value
            }
            if let node = map["by_priority"], let priorities = r.mapping(node, .key("by_priority")) {
                for entry in priorities.entries {
                    if let value = hours(
                        entry.value, .init(en: "hours of priority '\(entry.key)'", zh: "优先级 '\(entry.key)' 的小时数"))
                    {
                        mapping.sla.byPriority.append(.init(priority: entry.key, hours: value))
                    }
                }
            }
        }

        func readWorkdays(_ node: Node, into mapping: inout TicketMapping) {
            guard let map = r.mapping(node, .key("workdays"), allowed: TicketMappingLoader.workdayKeys) else { return }
            func days(_ key: String) -> [Day] {
                guard let node = map[key], !r.isNull(node), let items = r.sequence(node, .key(key)) else { return [] }
                return items.compactMap { r.day($0, .init(en: "a date in \(key)", zh: "\(key) 中的日期")) }
            }
            mapping.calendar = WorkdayCalendar(holidays: days("holidays"), extraWorkdays: days("extra_workdays"))
        }

        func readEventLog(_ node: Node, into mapping: inout TicketMapping) {
            if case .scalar = node {
                if r.bool(node, .key("event_log")) == true { mapping.eventLog = .contiguous }
                return
            }
            guard let map = r.mapping(node, .key("event_log"), allowed: TicketMappingLoader.eventLogKeys) else {
                return
            }
            mapping.eventLog = .contiguous
            if let node = map["order"], let text = r.string(node, .init(en: "event_log order", zh: "event_log 的 order"))
            {
                if let order = TicketMapping.Order(rawValue: text) {
                    mapping.eventLog = order
                } else {
                    r.error(
                        .unknownEventLogOrder(text), at: node,
                        hint: Suggestion.hintMessage(for: text, in: TicketMapping.Order.allCases.map(\.rawValue)))
                }
            }
        }

        // MARK: Columns

        func readColumns(_ node: Node, into mapping: inout TicketMapping, eventLog: Node?) {
            let fields = TicketMapping.Field.allCases.map(\.rawValue)
            guard let map = r.mapping(node, .key("columns"), allowed: fields) else { return }
            if map.entries.isEmpty {
                r.error(.columnsNamesNone, at: node, hint: .mapAtLeastOneColumn)
            }
            for entry in map.entries {
                guard let field = TicketMapping.Field(rawValue: entry.key),
                    let column = readColumn(entry, field: field, eventLog: eventLog != nil)
                else { continue }
                mapping.columns[field] = column
            }
            if map["first_response"] != nil, let both = map.entry("first_response_minutes") {
                r.error(.firstResponseTwice, at: both.keyNode)
            }
            if mapping.eventLog != nil, map["id"] == nil, let eventLog {
                r.error(.eventLogNeedsID, at: eventLog, hint: .rowsRecognisedByID)
            }
        }

        func readColumn(_ entry: YAMLEntry, field: TicketMapping.Field, eventLog: Bool) -> TicketMapping.Column? {
            let what = Diagnostic.Message(en: "column '\(field.rawValue)'", zh: "列 '\(field.rawValue)'")
            if case .scalar = entry.value {
                guard let header = r.string(entry.value, .init(en: "the header of \(what.en)", zh: "\(what.zh) 的表头"))
                else { return nil }
                return TicketMapping.Column(header, location: r.location(entry.value))
            }
            guard
                let map = r.mapping(
                    entry.value, what, allowed: TicketMappingLoader.columnKeys, required: ["column"]),
                let headerNode = map["column"],
                let header = r.string(headerNode, .init(en: "the header of \(what.en)", zh: "\(what.zh) 的表头"))
            else { return nil }
            var column = TicketMapping.Column(header, location: r.location(headerNode))
            func refuse(_ key: String, _ applies: String) {
                if let found = map.entry(key) {
                    r.error(.keyDoesNotApply(key, to: what), at: found.keyNode, hint: .keyAppliesTo(key, applies))
                }
            }
            if field.kind != .timestamp { refuse("date_format", "created, first_response and resolved") }
            if field.kind != .flag {
                for key in ["true", "false", "otherwise"] {
                    refuse(key, "sla_met, fcr, complaint, reopened and callback")
                }
            }
            if field != .csat { refuse("scores", "csat") }
            if let node = map["date_format"], field.kind == .timestamp { column.formats = readFormats(node) }
            if let node = map["true"], field.kind == .flag {
                column.trueValues = readList(node, .init(en: "true values", zh: "true 的取值"))
            }
            if let node = map["false"], field.kind == .flag {
                column.falseValues = readList(node, .init(en: "false values", zh: "false 的取值"))
            }
            if field.kind == .flag, let trueValues = column.trueValues, let falseValues = column.falseValues {
                checkOverlap(trueValues, falseValues, "true", "false", at: map["false"]!)
            }
            if let node = map["otherwise"], field.kind == .flag { column.otherwise = r.bool(node, .key("otherwise")) }
            if let node = map["scores"], field == .csat, let scores = r.mapping(node, .key("scores")) {
                for score in scores.entries {
                    guard
                        let value = r.number(
                            score.value, .init(en: "score of '\(score.key)'", zh: "'\(score.key)' 的得分"))
                    else { continue }
                    if value < 1 || value > 5 {
                        r.error(.scoreOutOfOneToFive(score.key, NumberText.plain(value)), at: score.value)
                    } else {
                        column.scores[score.key] = value
                    }
                }
            }
            if let node = map["take"], let text = r.string(node, .key("take")) {
                if !eventLog {
                    r.error(.takeOnlyForEventLogs, at: node, hint: .addEventLogTrue)
                } else if let take = TicketMapping.Take(rawValue: text) {
                    column.take = take
                } else {
                    r.error(
                        .unknownTake(text), at: node,
                        hint: Suggestion.hintMessage(for: text, in: TicketMapping.Take.allCases.map(\.rawValue)))
                }
            }
            if let node = map["when"],
                let when = r.mapping(
                    node, .key("when"), allowed: TicketMappingLoader.whenKeys, required: ["column", "values"]),
                let columnNode = when["column"],
                let name = r.string(columnNode, .init(en: "when column", zh: "when 列")),
                let valuesNode = when["values"],
                let values = readList(valuesNode, .init(en: "when values", zh: "when 的取值"))
            {
                column.when = TicketMapping.Condition(column: name, values: values, location: r.location(columnNode))
            }
            return column
        }
    }
}
