import Foundation
import Yams

/// A YAML file composed into nodes, after the checks every input gets: size, encoding,
/// a single document, no duplicate keys, and bounded alias expansion and nesting.
///
/// This is the only place, with `YAMLReader`, that knows about Yams.
struct YAMLDocument {
    /// Bytes a YAML input may have. The YAML reader (Yams) needs up to 70 times the size of a file in
    /// memory (a flow list of one-letter items, `[x,x,…]`, is the worst case; a catalog about 20 times):
    /// 12 MB keeps every file under 1 GB and a few seconds. An assessment of 50,000 criteria is about
    /// 5 MB; a catalog of 20,000 criteria is 12 MB, in one file per domain.
    static let maximumBytes = 12 << 20
    /// Aliases may expand a document to 4× its written size, and always to this many nodes.
    static let minimumExpansionBudget = 100_000
    /// Nesting of mappings and sequences.
    static let maximumDepth = 64

    let file: String
    let root: Node

    /// Reads and composes `path`; `displayPath` is how diagnostics name it.
    static func load(path: String, displayPath: String? = nil, files: any FileSource = DiskFiles())
        throws(DiagnosticError) -> YAMLDocument
    {
        let shown = displayPath ?? path
        let data = try InputFile.read(
            path, shown: shown, kind: .yamlKind, maximumBytes: maximumBytes, what: .yamlInput, files: files)
        return try parse(data: data, file: shown)
    }

    /// Composes YAML text already in memory.
    static func parse(data: Data, file: String) throws(DiagnosticError) -> YAMLDocument {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes) ?? 0
            let (line, column) = lineAndColumn(of: offset, in: bytes)
            throw DiagnosticError(
                .error(.notUTF8, at: SourceLocation(file: file, line: line, column: column), hint: .saveAsUTF8))
        }
        return try compose(text, file: file)
    }

    /// Composes YAML text already in memory as a string (one byte order mark at its start is left out, as from
    /// bytes).
    static func parse(text: String, file: String) throws(DiagnosticError) -> YAMLDocument {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return try compose(text, file: file)
    }

    /// Composes `text`, its byte order mark already left out.
    private static func compose(_ text: String, file: String) throws(DiagnosticError) -> YAMLDocument {
        var text = text
        // Windows line ends: libyaml reads CRLF as one break, the location helpers here split at LF.
        if holds(13, text) { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        if holds(0, text) {
            throw DiagnosticError(
                .error(.nulByte, at: .start(of: file)))
        }
        if onlyWhitespace(text) {
            throw DiagnosticError(.error(.fileIsEmpty, at: .start(of: file), hint: .yamlMappingExpected))
        }
        let slips = TypingSlips.fullWidthProblems(in: text, file: file)
        if !slips.isEmpty { throw DiagnosticError(slips) }
        // Yams hashes every mapping key to find duplicates; a key that aliases a large anchor would be
        // hashed at its full expanded size before any budget could be checked, so refuse alias keys first.
        if let (line, column) = aliasUsedAsKey(text) {
            throw DiagnosticError(
                .error(.aliasAsKey, at: SourceLocation(file: file, line: line, column: column), hint: .writeKeyOut))
        }
        let root: Node?
        do {
            // Scalars are read from their text (see YAMLReader), so no implicit tag resolution is needed.
            // The encoding given: Yams' default reads the environment each time (a fifth of reading one line).
            let parser = try Parser(yaml: text, resolver: .basic, constructor: constructor, encoding: .utf8)
            root = try parser.singleRoot()
            // Anchors are held weakly by nodes and strongly by the parser: keep it alive for the check.
            // Without an anchor (&name) there is nothing to expand, only nesting to bound.
            if holds(UInt8(ascii: "&"), text) {
                try withExtendedLifetime(parser) { () throws(DiagnosticError) in
                    if let root { try checkExpansion(root, file: file) }
                }
            } else if let root, indicators(text, moreThan: maximumDepth),
                let deep = nodeDeeperThan(maximumDepth, root)
            {
                throw DiagnosticError(
                    .error(
                        .nestingDeeper(than: maximumDepth), at: location(of: deep, file: file),
                        hint: .fewLevelsOfNesting))
            }
        } catch let error as DiagnosticError {
            throw error
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, file: file, text: text))
        } catch {
            throw DiagnosticError(.error(.cannotParseYAML("\(error)"), at: .start(of: file)))
        }
        guard let root else {
            throw DiagnosticError(
                .error(.fileHoldsOnlyComments, at: .start(of: file), hint: .yamlMappingExpected))
        }
        return YAMLDocument(file: file, root: root)
    }

    /// Values are never constructed from nodes here (scalars are read from their text, see `YAMLReader`): an empty
    /// constructor, made once, in place of Yams' default, whose maps are built anew for each parse (a twentieth of
    /// reading an edited line). Immutable, so shared.
    nonisolated(unsafe) private static let constructor = Constructor([:], [:], [:])

    /// Whether `text` holds more than `limit` of YAML's indicators that open a collection (`[`, `{`, `-`, `?`,
    /// `:`), anywhere — at least as many as the collections it can hold: each mapping or sequence starts at one of
    /// its own (a flow collection at its bracket, a block sequence at its first dash, a block mapping at its first
    /// key's colon, an explicit key at its question mark). A text with no more than the depth allowed cannot nest
    /// deeper, and its nodes need not be walked (reading one edited line, the walk was a tenth of the parse).
    static func indicators(_ text: String, moreThan limit: Int) -> Bool {
        var count = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                count += 1
                if count > limit { return true }
            default: continue
            }
        }
        return false
    }

    /// Whether `text` holds nothing but whitespace, as its characters say (`Character.isWhitespace`). Its bytes are
    /// looked at first: text that comes to a byte of ASCII other than whitespace before any other byte holds more
    /// (a character starting with such a byte is not whitespace, and none before it joins it), without breaking
    /// the text into characters — a sixth of reading one edited line, whose reading starts with many empty lines.
    static func onlyWhitespace(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: return text.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
    }

    /// Refuses a document whose aliases expand it far beyond what is written ('billion laughs'), or
    /// that nests too deep. Sizes are computed once per anchor, so the check is linear in the text.
    private static func checkExpansion(_ root: Node, file: String) throws(DiagnosticError) {
        var expandedSize: [ObjectIdentifier: Int] = [:]
        var expandedDepth: [ObjectIdentifier: Int] = [:]
        var seenAnchors = Set<ObjectIdentifier>()
        var written = 0

        func children(_ node: Node) -> [Node] {
            switch node {
            case .mapping(let mapping): return mapping.flatMap { [$0.key, $0.value] }
            case .sequence(let sequence): return Array(sequence)
            case .scalar, .alias: return []
            }
        }
        // Expanded size and depth, memoised by anchor (an alias yields the very node its anchor marks).
        func measure(_ node: Node) -> (size: Int, depth: Int) {
            let id = node.anchor.map(ObjectIdentifier.init)
            if let id, let size = expandedSize[id], let depth = expandedDepth[id] {
                return (size, depth)
            }
            var size = 1
            var depth = 0
            for child in children(node) {
                let (s, d) = measure(child)
                size = min(Int.max / 2, size + s)
                depth = max(depth, d)
            }
            depth += 1
            if let id {
                expandedSize[id] = size
                expandedDepth[id] = depth
            }
            return (size, depth)
        }
        // Nodes as written: an anchored node counts in full once, each alias to it as one node.
        func countWritten(_ node: Node) {
            if let anchor = node.anchor {
                if !seenAnchors.insert(ObjectIdentifier(anchor)).inserted {
                    written += 1
                    return
                }
            }
            written += 1
            for child in children(node) { countWritten(child) }
        }
        countWritten(root)
        let (size, depth) = measure(root)
        let budget = max(minimumExpansionBudget, written * 4)
        if size > budget {
            throw DiagnosticError(
                .error(.aliasesExpand(budget: budget, written: written), at: .start(of: file), hint: .aliasesMultiply))
        }
        if depth > maximumDepth {
            throw DiagnosticError(
                .error(.nestingDeeper(than: maximumDepth), at: .start(of: file), hint: .fewLevelsOfNesting))
        }
    }

    /// The first node nested deeper than `limit` levels of mappings and sequences, if there is one.
    static func nodeDeeperThan(_ limit: Int, _ root: Node) -> Node? {
        // Only mappings and sequences go on the stack: scalars, most of a document, cost nothing here.
        var stack: [(Node, Int)] = [(root, 1)]
        func push(_ node: Node, _ depth: Int) {
            switch node {
            case .mapping, .sequence: stack.append((node, depth))
            case .scalar, .alias: break
            }
        }
        while let (node, depth) = stack.popLast() {
            if depth > limit { return node }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    push(key, depth + 1)
                    push(value, depth + 1)
                }
            case .sequence(let sequence):
                for item in sequence { push(item, depth + 1) }
            case .scalar, .alias:
                break
            }
        }
        return nil
    }

    /// Whether `text` holds the byte (memchr: these checks scan whole files).
    static func holds(_ byte: UInt8, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }

    static func location(of node: Node, file: String) -> SourceLocation {
        if let mark = node.mark {
            return SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column))
        }
        return .start(of: file)
    }

    private static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                return .error(.nestingDeeper(than: 1000), at: at(mark))
            }
            if let slip = TypingSlips.emptyCollectionAboveItems(in: text, before: mark.line, file: file) {
                return slip
            }
            let message = Diagnostic.Message.yamlSyntax(problem, context: context?.text, line: context?.mark.line)
            let tab = character(at: mark, in: text) == "\t"
            return .error(message, at: at(mark), hint: tab ? .indentWithSpaces : syntaxHint(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let hint = Diagnostic.Message.keyOncePerMapping
            // Yams marks the first occurrence; point at the repeat when it can be found in a block mapping.
            if duplicates.count == 1,
                let repeatAt = repeatedKey(duplicates[0], after: context.mark, in: text)
            {
                return .error(
                    .duplicateKey(keys), at: SourceLocation(file: file, line: repeatAt.line, column: repeatAt.column),
                    hint: hint, notes: [.firstAt(at(context.mark))])
            }
            return .error(.duplicateKeyInMapping(keys), at: at(context.mark), hint: hint)
        case .reader(let problem, let offset, _, _):
            // The offset counts bytes of the text libyaml was given.
            let (line, column) = offset.map { lineAndColumn(of: $0, in: Data(text.utf8)) } ?? (1, 1)
            return .error(.cannotReadYAML(problem), at: SourceLocation(file: file, line: line, column: column))
        default:
            return .error(.cannotParseYAML("\(error)"), at: .start(of: file))
        }
    }

    static func character(at mark: Mark, in text: String) -> Character? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        guard mark.column >= 1, mark.column <= scalars.count else { return nil }
        return Character(scalars[mark.column - 1])
    }

    /// The next line after `first` that starts, at the same column, with `key:`.
    static func repeatedKey(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let firstLine = lines[first.line - 1]
        let indent = firstLine.prefix { $0 == " " || $0 == "-" }.count
        guard indent == first.column - 1 || firstLine.hasPrefix("- ") else { return nil }
        for number in first.line..<lines.count {
            let line = lines[number]
            let leading = line.prefix { $0 == " " }.count
            if leading < first.column - 1, !line.trimmingCharacters(in: .whitespaces).isEmpty,
                !line.trimmingCharacters(in: .whitespaces).hasPrefix("#")
            {
                if leading < indent { return nil }
            }
            let body = line.dropFirst(first.column - 1)
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where body.hasPrefix(candidate) {
                let rest = body.dropFirst(candidate.count).drop { $0 == " " }
                if rest.hasPrefix(":"),
                    leading == first.column - 1 || line.prefix(first.column - 1).allSatisfy({ $0 == " " || $0 == "-" })
                {
                    return (number + 1, first.column)
                }
            }
        }
        return nil
    }

    private static func syntaxHint(_ problem: String) -> Diagnostic.Message? {
        if problem.contains("tab") { return .indentWithSpaces }
        if problem.contains("mapping values are not allowed") { return .quoteValueWithColon }
        if problem.contains("did not find expected key") || problem.contains("block end") { return .checkIndentation }
        if problem.contains("undefined alias") { return .defineAnchor }
        return nil
    }

    /// Finds an alias (`*name`) used as a mapping key or inside one, outside quotes and comments: an
    /// alias followed by `:` (an implicit key) or after `? `, an alias inside a flow collection that is
    /// a key (`[*a]: x`, `{k: *a}: x`), or an alias anywhere in an explicit key (`? - *a`). Yams hashes
    /// every key at its full expanded size, so these are refused before it composes the document.
    /// Conservative: it may refuse an odd plain scalar (`a *b: c`), never miss an alias in a key.
    static func aliasUsedAsKey(_ text: String) -> (Int, Int)? {
        guard holds(UInt8(ascii: "*"), text) else { return nil }
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var i = 0
        var quote: UInt8?
        // Open flow collections: where each starts, and how many aliases came before it.
        var flows: [(line: Int, column: Int, aliasesBefore: Int)] = []
        var aliases = 0
        // An explicit key (`? `) whose value has not started: where, and its indentation.
        var explicitKey: (line: Int, column: Int, indent: Int)?
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 95
        }
        func column(_ index: Int) -> Int {
            String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
        }
        func isBlank(_ index: Int) -> Bool {
            index >= bytes.count || bytes[index] == 32 || bytes[index] == 9 || bytes[index] == 10 || bytes[index] == 13
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 10 {
                line += 1
                lineStart = i + 1
                i += 1
                // A line starting at or left of the `?` ends its key (the `:` line, or the next entry).
                if let key = explicitKey, quote == nil {
                    var j = i
                    while j < bytes.count, bytes[j] == 32 { j += 1 }
                    if j < bytes.count, bytes[j] != 10, bytes[j] != 13, bytes[j] != UInt8(ascii: "#"),
                        j - lineStart <= key.indent
                    {
                        explicitKey = nil
                    }
                }
                continue
            }
            if let q = quote {
                if q == UInt8(ascii: "\""), b == UInt8(ascii: "\\") {
                    i += 2
                    continue
                }
                if b == q { quote = nil }
                i += 1
                continue
            }
            let previous = i > lineStart ? bytes[i - 1] : UInt8(ascii: " ")
            let atTokenStart =
                previous == 32 || previous == 9 || previous == UInt8(ascii: "[")
                || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",")
            switch b {
            case UInt8(ascii: "#") where atTokenStart:
                while i < bytes.count, bytes[i] != 10 { i += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if atTokenStart { quote = b }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if atTokenStart { flows.append((line, column(i), aliases)) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard let flow = flows.popLast() else { break }
                var k = i + 1
                while k < bytes.count, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
                if k < bytes.count, bytes[k] == UInt8(ascii: ":"), aliases > flow.aliasesBefore {
                    return (flow.line, flow.column)
                }
            case UInt8(ascii: "?") where atTokenStart && isBlank(i + 1):
                if explicitKey == nil { explicitKey = (line, column(i), i - lineStart) }
            case UInt8(ascii: "*") where atTokenStart:
                var j = i + 1
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                guard j > i + 1 else { break }
                if let key = explicitKey { return (key.line, key.column) }
                var k = j
                while k < bytes.count, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
                let followedByColon = k < bytes.count && bytes[k] == UInt8(ascii: ":")
                if followedByColon { return (line, column(i)) }
                aliases += 1
                i = j
                continue
            default:
                break
            }
            i += 1
        }
        return nil
    }

    private static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    static func lineAndColumn(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
