import Yams

/// One entry of a YAML mapping, with its key's position.
struct YAMLEntry {
    let key: String
    let keyNode: Node
    let value: Node
}

/// A YAML mapping as the loaders read it: entries in file order and a record of which keys were used.
struct YAMLMapping {
    let node: Node
    let entries: [YAMLEntry]

    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    func entry(_ key: String) -> YAMLEntry? {
        entries.first { $0.key == key }
    }

    var keys: [String] { entries.map(\.key) }
}

/// Reads typed values out of composed YAML nodes, collecting a diagnostic for every problem.
///
/// Scalars are read from their text, not from YAML 1.1 tag resolution: ids stay strings even
/// when they look like numbers or dates, and only `true`/`false` are booleans.
final class YAMLReader {
    let file: String
    private(set) var bag = DiagnosticBag()

    init(file: String) {
        self.file = file
    }

    // MARK: Diagnostics

    func location(_ node: Node) -> SourceLocation {
        YAMLDocument.location(of: node, file: file)
    }

    func error(_ message: String, at node: Node, hint: String? = nil) {
        bag.append(.error(message, at: location(node), hint: hint))
    }

    /// "line 12" for a place in this file, else the full location.
    func refer(to location: SourceLocation) -> String {
        location.file == file ? "line \(location.line)" : location.description
    }

    func warning(_ message: String, at node: Node, hint: String? = nil) {
        bag.append(.warning(message, at: location(node), hint: hint))
    }

    func append(_ diagnostic: Diagnostic) {
        bag.append(diagnostic)
    }

    // MARK: Structure

    /// A mapping, checked for non-scalar keys and, when `allowed` is given, unknown keys.
    func mapping(_ node: Node, _ what: String, allowed: [String]? = nil, required: [String] = []) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping, found \(describe(node))", at: node, hint: mappingHint(node))
            return nil
        }
        var entries: [YAMLEntry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error("a key in \(what) must be a plain word, found \(describe(keyNode))", at: keyNode)
                continue
            }
            entries.append(YAMLEntry(key: scalar.string, keyNode: keyNode, value: value))
        }
        let result = YAMLMapping(node: node, entries: entries)
        if let allowed {
            for entry in entries where !allowed.contains(entry.key) {
                error(
                    "unknown key '\(entry.key)' in \(what)", at: entry.keyNode,
                    hint: Suggestion.hint(for: entry.key, in: allowed, listUpTo: 12))
            }
        }
        for key in required where result[key].map(isNull) ?? true {
            if let present = result.entry(key) {
                error("'\(key)' in \(what) has no value", at: present.value)
            } else {
                error("\(what) has no '\(key)'", at: node, hint: "add '\(key):'")
            }
        }
        return result
    }

    func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(
                "\(what) must be a list, found \(describe(node))", at: node,
                hint: "write it as '- item' lines or [a, b]")
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            error("\(what) must be text, found \(describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    /// An identifier: non-empty text without spaces or control characters.
    func identifier(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        // Most ids are printable ASCII: check the bytes first, the Unicode properties only otherwise.
        let printableASCII = !text.isEmpty && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        if !printableASCII,
            text.isEmpty || text.contains(where: { $0.isWhitespace || $0.isNewline })
                || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            error(
                "\(what) '\(text)' is not a valid id", at: node,
                hint: "ids are single words such as SP-01 or service-process")
            return nil
        }
        return text
    }

    /// A whole number; `otherwise` is the hint shown when the value is text (say, what to write instead).
    func integer(_ node: Node, _ what: String, otherwise: String? = nil) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, !isNull(node) else {
            error("\(what) must be a whole number, found \(describe(node))", at: node, hint: quotedNumberHint(node))
            return nil
        }
        let text = scalar.string.hasPrefix("+") ? String(scalar.string.dropFirst()) : scalar.string
        guard let value = Int(text) else {
            error(
                "\(what) must be a whole number, found '\(scalar.string)'", at: node,
                hint: TypingSlips.fullWidthDigitsHint(scalar.string) ?? otherwise)
            return nil
        }
        return value
    }

    func number(_ node: Node, _ what: String) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, !isNull(node) else {
            error("\(what) must be a number, found \(describe(node))", at: node, hint: quotedNumberHint(node))
            return nil
        }
        let text = scalar.string.contains("_") ? scalar.string.filter { $0 != "_" } : scalar.string
        guard let value = Double(text), value.isFinite,
            text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true
        else {
            error(
                "\(what) must be a number, found '\(scalar.string)'", at: node,
                hint: TypingSlips.fullWidthDigitsHint(scalar.string))
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            error("\(what) must be true or false, found \(describe(node))", at: node)
            return nil
        }
        switch scalar.string {
        case "true": return true
        case "false": return false
        default:
            error(
                "\(what) must be true or false, found '\(scalar.string)'", at: node,
                hint: "write true or false (yes/no/on/off are not accepted: YAML 1.1 and 1.2 read them differently)")
            return nil
        }
    }

    func day(_ node: Node, _ what: String) -> Day? {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            error("\(what) must be a date YYYY-MM-DD, found \(describe(node))", at: node)
            return nil
        }
        guard let day = Day(iso: scalar.string) else {
            error(
                "\(what) must be a date YYYY-MM-DD, found '\(scalar.string)'", at: node,
                hint: "write the calendar date only, e.g. 2026-03-01")
            return nil
        }
        guard day.isWithinInputRange else {
            error(
                "\(what) must be \(Day.inputRangeText), found '\(scalar.string)'", at: node,
                hint: "deadlines and reviews are computed from dates; outside these years they would not be valid dates"
            )
            return nil
        }
        return day
    }

    /// A localised text: `{zh: …, en: …}` or a plain string meaning the same text in every language.
    func text(_ node: Node, _ what: String) -> LocalizedText? {
        switch node {
        case .scalar:
            guard let plain = string(node, what) else { return nil }
            return LocalizedText(plain)
        case .mapping:
            let languages = Language.allCases.map(\.rawValue)
            guard let map = mapping(node, what, allowed: languages) else { return nil }
            var values: [Language: String] = [:]
            for entry in map.entries {
                guard let language = Language(rawValue: entry.key),
                    let value = string(entry.value, "\(what) (\(entry.key))")
                else { continue }
                values[language] = value
            }
            if values.isEmpty {
                error("\(what) has no text", at: node, hint: "write {zh: …, en: …}")
                return nil
            }
            return LocalizedText(values)
        default:
            error("\(what) must be text or {zh: …, en: …}, found \(describe(node))", at: node)
            return nil
        }
    }

    /// A list of identifiers; a single scalar is accepted as a list of one.
    func identifiers(_ node: Node, _ what: String) -> [(String, Node)]? {
        if case .scalar = node, !isNull(node) {
            return splitAtFullWidthCommas(node, what) ?? identifier(node, what).map { [($0, node)] }
        }
        guard let items = sequence(node, what) else { return nil }
        return items.flatMap { item in
            splitAtFullWidthCommas(item, what) ?? identifier(item, what).map { [($0, item)] } ?? []
        }
    }

    /// Ids typed with a Chinese input method's comma (`E1，E2`, `E1、E2`): the meaning is plain, so they are
    /// read as separate ids, with a warning.
    private func splitAtFullWidthCommas(_ node: Node, _ what: String) -> [(String, Node)]? {
        guard case .scalar(let scalar) = node, scalar.style == .plain,
            scalar.string.contains(where: { $0 == "，" || $0 == "、" })
        else { return nil }
        let parts = scalar.string.split(whereSeparator: { $0 == "，" || $0 == "、" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        warning(
            "full-width comma (全角逗号) between ids in \(what): read as "
                + parts.map { "'\($0)'" }.joined(separator: ", "), at: node,
            hint: "separate ids with ',' (half-width), e.g. [\(parts.joined(separator: ", "))]")
        return parts.compactMap { part in
            identifier(.scalar(.init(part, .init(.str), .plain, scalar.mark)), what).map { ($0, node) }
        }
    }

    // MARK: Wording

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(text)'"
        }
    }

    private func quotedNumberHint(_ node: Node) -> String? {
        if case .scalar(let scalar) = node, scalar.style != .plain, Double(scalar.string) != nil {
            return "remove the quotes around the number"
        }
        return nil
    }

    private func mappingHint(_ node: Node) -> String? {
        if case .scalar(let scalar) = node, scalar.string.contains(":") {
            return "put a space after the colon ('key: value')"
        }
        return nil
    }
}
