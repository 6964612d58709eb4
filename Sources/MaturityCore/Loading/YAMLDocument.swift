import Foundation
import Yams

/// A YAML file composed into nodes, after the checks every input gets: size, encoding,
/// a single document, no duplicate keys, and bounded alias expansion and nesting.
///
/// This is the only place, with `YAMLReader`, that knows about Yams.
struct YAMLDocument {
    /// Bytes a YAML input may have; a catalog of 20,000 criteria is about 12 MB.
    static let maximumBytes = 64 << 20
    /// Nodes the document may have once every alias is expanded ('billion laughs' guard).
    static let maximumExpandedNodes = 4_000_000
    /// Nesting of mappings and sequences.
    static let maximumDepth = 64

    let file: String
    let root: Node

    /// Reads and composes `path`; `displayPath` is how diagnostics name it.
    static func load(path: String, displayPath: String? = nil) throws(DiagnosticError) -> YAMLDocument {
        let shown = displayPath ?? path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if (attributes[.type] as? FileAttributeType) == .typeDirectory {
                throw DiagnosticError(.error("'\(shown)' is a folder, not a YAML file", at: nil))
            }
            if let size = attributes[.size] as? Int, size > maximumBytes {
                throw DiagnosticError(
                    .error(
                        "file is \(size) bytes, more than the \(maximumBytes >> 20) MB a YAML input may have",
                        at: .start(of: shown)))
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(
                .error(
                    "cannot read '\(shown)': \(FileProblem.describe(error, path: path))", at: nil,
                    hint: "check the path and that the file is readable"))
        }
        return try parse(data: data, file: shown)
    }

    /// Composes YAML text already in memory.
    static func parse(data: Data, file: String) throws(DiagnosticError) -> YAMLDocument {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            let offset = firstInvalidUTF8Offset(bytes) ?? 0
            let (line, column) = lineAndColumn(of: offset, in: bytes)
            throw DiagnosticError(
                .error(
                    "file is not valid UTF-8 text", at: SourceLocation(file: file, line: line, column: column),
                    hint: "save the file as UTF-8 (GBK or UTF-16 files must be converted first)"))
        }
        if text.contains("\u{0}") {
            throw DiagnosticError(
                .error("file contains a NUL byte; it is not a text file", at: .start(of: file)))
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw DiagnosticError(.error("file is empty", at: .start(of: file), hint: "a YAML mapping is expected"))
        }
        // Deep flow nesting ([[[[…) would recurse through the composer; refuse it before parsing.
        if let (line, column) = excessiveFlowNesting(text) {
            throw DiagnosticError(
                .error(
                    "nesting deeper than \(maximumDepth) levels",
                    at: SourceLocation(file: file, line: line, column: column)))
        }
        let root: Node?
        do {
            let parser = try Parser(yaml: text)
            root = try parser.singleRoot()
            if let root {
                try checkExpansion(root, file: file)
            }
        } catch let error as DiagnosticError {
            throw error
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, file: file))
        } catch {
            throw DiagnosticError(.error("cannot parse YAML: \(error)", at: .start(of: file)))
        }
        guard let root else {
            throw DiagnosticError(.error("file holds no YAML document", at: .start(of: file)))
        }
        return YAMLDocument(file: file, root: root)
    }

    /// Walks the tree as a reader would see it (aliases expanded) and stops once it is too big or too deep.
    private static func checkExpansion(_ root: Node, file: String) throws(DiagnosticError) {
        var count = 0
        var stack: [(Node, Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            count += 1
            if count > maximumExpandedNodes {
                throw DiagnosticError(
                    .error(
                        "document expands to more than \(maximumExpandedNodes) nodes",
                        at: location(of: node, file: file),
                        hint: "aliases (*name) that repeat large anchors multiply the document; write the content out"))
            }
            if depth > maximumDepth {
                throw DiagnosticError(
                    .error("nesting deeper than \(maximumDepth) levels", at: location(of: node, file: file)))
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))
                }
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            case .scalar, .alias:
                break
            }
        }
    }

    static func location(of node: Node, file: String) -> SourceLocation {
        if let mark = node.mark {
            return SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column))
        }
        return .start(of: file)
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return .error(message, at: at(mark), hint: syntaxHint(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                "duplicate key \(keys) in a mapping", at: at(context.mark),
                hint: "a key may appear once per mapping; keeping one value would silently lose the other")
        case .reader(let problem, _, _, _):
            return .error("cannot read YAML: \(problem)", at: .start(of: file))
        default:
            return .error("cannot parse YAML: \(error)", at: .start(of: file))
        }
    }

    private static func syntaxHint(_ problem: String) -> String? {
        if problem.contains("tab") { return "indent with spaces, not tabs" }
        if problem.contains("mapping values are not allowed") {
            return "quote a value that contains ': ', or check the indentation of the line above"
        }
        if problem.contains("did not find expected key") || problem.contains("block end") {
            return "check the indentation: items of one mapping must start in the same column"
        }
        if problem.contains("undefined alias") { return "define the anchor (&name) before using *name" }
        return nil
    }

    private static func excessiveFlowNesting(_ text: String) -> (Int, Int)? {
        var depth = 0
        var line = 1
        var column = 0
        var quote: Character?
        var comment = false
        for character in text {
            column += 1
            if character == "\n" {
                line += 1
                column = 0
                comment = false
                continue
            }
            if comment { continue }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "#": comment = true
            case "\"", "'": quote = character
            case "[", "{":
                depth += 1
                if depth > maximumDepth { return (line, column) }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
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

    private static func lineAndColumn(of offset: Int, in data: Data) -> (Int, Int) {
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

/// Plain words for file-system errors (`localizedDescription` is empty on Linux).
enum FileProblem {
    static func describe(_ error: Error, path: String) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if !FileManager.default.fileExists(atPath: path) { return "no such file" }
        return "\(error)"
    }
}
