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

    func error(_ message: Diagnostic.Message, at node: Node, hint: Diagnostic.Message? = nil) {
        bag.append(.error(message, at: location(node), hint: hint))
    }

    /// An error whose message is not translated yet (English in every language).
    func error(_ message: String, at node: Node, hint: String? = nil) {
        bag.append(.error(message, at: location(node), hint: hint))
    }

    /// An error whose message is not translated yet, with a hint in every language.
    func error(_ message: String, at node: Node, hint: Diagnostic.Message?) {
        bag.append(.error(.init(englishOnly: message), at: location(node), hint: hint))
    }

    /// A warning whose message is not translated yet (English in every language).
    func warning(_ message: String, at node: Node, hint: String? = nil) {
        bag.append(.warning(message, at: location(node), hint: hint))
    }

    /// A warning whose message is not translated yet, with a hint in every language.
    func warning(_ message: String, at node: Node, hint: Diagnostic.Message?) {
        bag.append(.warning(message, at: location(node), hint: hint))
    }

    /// A duplicate found at `node`, first declared at `first`.
    func duplicate(_ message: Diagnostic.Message, at node: Node, first: SourceLocation) {
        bag.append(.error(message, at: location(node), notes: [.firstDeclared(at: first, from: file)]))
    }

    /// "line 12" for a place in this file, else the full location.
    func refer(to location: SourceLocation) -> String {
        location.file == file ? "line \(location.line)" : location.description
    }

    func warning(_ message: Diagnostic.Message, at node: Node, hint: Diagnostic.Message? = nil) {
        bag.append(.warning(message, at: location(node), hint: hint))
    }

    func append(_ diagnostic: Diagnostic) {
        bag.append(diagnostic)
    }

    // MARK: Structure

    /// A mapping, checked for non-scalar keys and, when `allowed` is given, unknown keys.
    func mapping(_ node: Node, _ what: Diagnostic.Message, allowed: [String]? = nil, required: [String] = [])
        -> YAMLMapping?
    {
        guard case .mapping(let mapping) = node else {
            error(.mustBeMapping(what, found: describe(node)), at: node, hint: mappingHint(node))
            return nil
        }
        var entries: [YAMLEntry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error(.keyMustBePlainWord(in: what, found: describe(keyNode)), at: keyNode)
                continue
            }
            entries.append(YAMLEntry(key: scalar.string, keyNode: keyNode, value: value))
        }
        let result = YAMLMapping(node: node, entries: entries)
        if let allowed {
            for entry in entries where !allowed.contains(entry.key) {
                error(
                    .unknownKey(entry.key, in: what), at: entry.keyNode,
                    hint: Suggestion.hintMessage(for: entry.key, in: allowed, listUpTo: 12))
            }
        }
        for key in required where result[key].map(isNull) ?? true {
            if let present = result.entry(key) {
                error(.keyHasNoValue(key, in: what), at: present.value)
            } else {
                error(.missingKey(key, in: what), at: node, hint: .addKey(key))
            }
        }
        return result
    }

    func sequence(_ node: Node, _ what: Diagnostic.Message) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(.mustBeList(what, found: describe(node)), at: node, hint: .writeAsList)
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func string(_ node: Node, _ what: Diagnostic.Message) -> String? {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            error(.mustBeText(what, found: describe(node)), at: node)
            return nil
        }
        return scalar.string
    }

    /// An identifier: non-empty text without spaces or control characters.
    func identifier(_ node: Node, _ what: Diagnostic.Message) -> String? {
        guard let text = string(node, what) else { return nil }
        // Most ids are printable ASCII: check the bytes first, the Unicode properties only otherwise.
        let printableASCII = !text.isEmpty && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        if !printableASCII,
            text.isEmpty || text.contains(where: { $0.isWhitespace || $0.isNewline })
                || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            error(.notAValidID(what, text), at: node, hint: .idsAreSingleWords)
            return nil
        }
        return text
    }

    /// A whole number; `otherwise` is the hint shown when the value is text (say, what to write instead).
    func integer(_ node: Node, _ what: Diagnostic.Message, otherwise: Diagnostic.Message? = nil) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, !isNull(node) else {
            error(.mustBeWholeNumber(what, found: describe(node)), at: node, hint: quotedNumberHint(node))
            return nil
        }
        let text = scalar.string.hasPrefix("+") ? String(scalar.string.dropFirst()) : scalar.string
        guard let value = Int(text) else {
            error(
                .mustBeWholeNumber(what, found: .quoted(scalar.string)), at: node,
                hint: TypingSlips.fullWidthDigitsHint(scalar.string) ?? otherwise)
            return nil
        }
        return value
    }

    func number(_ node: Node, _ what: Diagnostic.Message) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, !isNull(node) else {
            error(.mustBeNumber(what, found: describe(node)), at: node, hint: quotedNumberHint(node))
            return nil
        }
        let text = scalar.string.contains("_") ? scalar.string.filter { $0 != "_" } : scalar.string
        guard let value = Double(text), value.isFinite,
            text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true
        else {
            error(
                .mustBeNumber(what, found: .quoted(scalar.string)), at: node,
                hint: TypingSlips.fullWidthDigitsHint(scalar.string))
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ what: Diagnostic.Message) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            error(.mustBeTrueOrFalse(what, found: describe(node)), at: node)
            return nil
        }
        switch scalar.string {
        case "true": return true
        case "false": return false
        default:
            error(.mustBeTrueOrFalse(what, found: .quoted(scalar.string)), at: node, hint: .writeTrueOrFalse)
            return nil
        }
    }

    func day(_ node: Node, _ what: Diagnostic.Message) -> Day? {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            error(.mustBeDate(what, found: describe(node)), at: node)
            return nil
        }
        guard let day = Day(iso: scalar.string) else {
            error(.mustBeDate(what, found: .quoted(scalar.string)), at: node, hint: .writeCalendarDate)
            return nil
        }
        guard day.isWithinInputRange else {
            error(.dateOutOfRange(what, found: scalar.string), at: node, hint: .datesOutsideRange)
            return nil
        }
        return day
    }

    /// A localised text: `{zh: …, en: …}` or a plain string meaning the same text in every language.
    func text(_ node: Node, _ what: Diagnostic.Message) -> LocalizedText? {
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
                    let value = string(entry.value, what + .key(" (\(entry.key))"))
                else { continue }
                values[language] = value
            }
            if values.isEmpty {
                error(.hasNoText(what), at: node, hint: .writeZhEn)
                return nil
            }
            return LocalizedText(values)
        default:
            error(.mustBeTextOrZhEn(what, found: describe(node)), at: node)
            return nil
        }
    }

    /// A list of identifiers; a single scalar is accepted as a list of one.
    func identifiers(_ node: Node, _ what: Diagnostic.Message) -> [(String, Node)]? {
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
    private func splitAtFullWidthCommas(_ node: Node, _ what: Diagnostic.Message) -> [(String, Node)]? {
        guard case .scalar(let scalar) = node, scalar.style == .plain,
            scalar.string.contains(where: { $0 == "，" || $0 == "、" })
        else { return nil }
        let parts = scalar.string.split(whereSeparator: { $0 == "，" || $0 == "、" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        warning(.fullWidthCommaBetweenIDs(in: what, readAs: parts), at: node, hint: .separateIDsWithComma(parts))
        return parts.compactMap { part in
            identifier(.scalar(.init(part, .init(.str), .plain, scalar.mark)), what).map { ($0, node) }
        }
    }

    // MARK: Wording

    func describe(_ node: Node) -> Diagnostic.Message {
        switch node {
        case .mapping: return .aMapping
        case .sequence: return .aList
        case .alias: return .anAlias
        case .scalar(let scalar):
            if isNull(node) { return .nothing }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return .quoted(text)
        }
    }

    private func quotedNumberHint(_ node: Node) -> Diagnostic.Message? {
        if case .scalar(let scalar) = node, scalar.style != .plain, Double(scalar.string) != nil {
            return .removeQuotesAroundNumber
        }
        return nil
    }

    private func mappingHint(_ node: Node) -> Diagnostic.Message? {
        if case .scalar(let scalar) = node, scalar.string.contains(":") {
            return .spaceAfterColon
        }
        return nil
    }
}
