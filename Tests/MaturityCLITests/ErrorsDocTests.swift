import Foundation
import Testing

/// docs/errors.md lists every diagnostic the tool can print. These tests keep it so: every diagnostic
/// message found in the sources must be in the document, and every example the document marks `console`
/// must print exactly what it shows.
///
/// What the search leaves out, each with its reason, is listed in `DiagnosticMessages`: `skippedFolders`
/// (the fuzzing harness), `forwarders` (calls that pass on a message made elsewhere) and `assembled`
/// (messages built in a variable, whose literals are checked instead).
@Suite struct ErrorsDocTests {
    // MARK: Every message is documented

    @Test func everyDiagnosticMessageIsInTheDocument() throws {
        let documentLines = try ErrorsDoc.document().components(separatedBy: "\n")
        let found = try DiagnosticMessages.inSources()
        #expect(found.messages.count > 150, "the extraction found only \(found.messages.count) messages")
        for problem in found.problems {
            Issue.record(Comment(rawValue: problem))
        }
        for message in found.messages where !DiagnosticMessages.isDocumented(message.fragments, in: documentLines) {
            Issue.record(
                """
                \(message.file):\(message.line): the message \(message.quoted) is not in docs/errors.md \
                (a line must hold \(message.fragments.map { "\"\($0)\"" }.joined(separator: ", ")) in this order)
                """)
        }
    }

    @Test func theExtractionReadsTrickySwift() {
        let text = ##"""
            // r.error("in a comment")
            /* r.error("in a block /* nested */ comment") */
            let a = "/// not a comment \" r.error(\"in a string\")"
            r.error(
                "multi-line \(call("with \"quotes\"", x)) call",
                at: node, hint: "a hint")
            bag.append(.warning("escaped \"quote\" and \\ backslash", at: nil))
            let html = """
                <p>r.error("inside a multi-line literal")</p>
                """
            r.error("""
                a multi-line message
                """, at: node)
            throw PatternError(message: flag ? "first choice" : "second choice", offset: 0)
            r.error(#"raw \(not) "interpolated" \#(value) text"#, at: node)
            switch result { case .failure(let error): break }
            func error(_ message: String) { bag.append(.error(message, at: nil)) }
            """##
        let found = DiagnosticMessages.messages(in: text, file: "Tricky.swift", shown: "Tricky.swift")
        #expect(
            found.messages.map(\.fragments) == [
                ["multi-line ", " call"], ["escaped \"quote\" and \\ backslash"], ["a multi-line message"],
                ["first choice"], ["second choice"], ["raw \\(not) \"interpolated\" ", " text"],
            ])
        #expect(found.messages.map(\.line) == [4, 7, 11, 14, 14, 15])
        #expect(found.forwarders.map(\.key) == ["Tricky.swift: message"])
    }

    @Test func everyExclusionIsStillNeeded() throws {
        let found = try DiagnosticMessages.inSources()
        for exclusion in DiagnosticMessages.forwarders where !found.usedForwarders.contains(exclusion.key) {
            Issue.record("the exclusion \(exclusion.key) matches no call any more; remove it")
        }
    }

    // MARK: The documented examples print what they show

    @Test func theDocumentHasRunnableExamples() throws {
        _ = try ErrorsDoc.document()
        #expect(ErrorsDoc.examples.count > 100, "only \(ErrorsDoc.examples.count) console examples found")
        #expect(
            ErrorsDoc.baseFiles.keys.sorted() == [
                "assessment.yaml", "catalog.yaml", "docs/response.md", "plan.yaml", "points-assessment.yaml",
                "points.yaml", "tickets.csv",
            ])
    }

    @Test(arguments: ErrorsDoc.examples)
    func documentedExamplePrintsWhatItShows(_ example: ErrorsDoc.Example) throws {
        for failure in try example.run() {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// One example per kind of input, run in-process, with the message it must produce.
    static let kinds: [(kind: String, heading: String, command: String, message: String)] = [
        ("YAML", "`duplicate key '<key>' (first at line <n>)`", "maturity catalog lint", "error: duplicate key 'id'"),
        ("catalog", "`metric of '<id>' names unknown KPI '<kpi>'`", "maturity catalog lint", "names unknown KPI"),
        ("assessment", "`unknown criterion '<id>'`", "maturity assess", "error: unknown criterion 'P-2'"),
        ("plan file", "`unknown status '<status>'`", "maturity plan --due", "error: unknown status 'finished'"),
        (
            "ticket mapping", "`unknown key '<key>' in <what>`", "maturity kpi",
            "error: unknown key 'colums' in the mapping"
        ),
        (
            "ticket export", "Rows left out: `row left out: <problem>`", "maturity kpi",
            "warning: row left out: '2026/03/02 10:10' in column 'created_at' is not a date and time"
        ),
        (
            "result JSON", "`unexpected <what>: a key in double quotes is expected`", "maturity review",
            "error: unexpected character '}': a key in double quotes is expected"
        ),
        ("sign-off", "`'<path>' <problem>`", "maturity verify", "error: 'signoff' is missing"),
        ("files", "`assessment '<path>' does not exist`", "maturity assess", "error: assessment 'assesment.yaml'"),
        ("usage", "`--bom goes with --format csv`", "maturity plan", "Error: --bom goes with --format csv"),
    ]

    @Test(arguments: ErrorsDocTests.kinds.map(\.kind))
    func oneExamplePerInputKindProducesItsMessage(kind: String) throws {
        let wanted = try #require(Self.kinds.first { $0.kind == kind })
        let example = try #require(
            ErrorsDoc.examples.first { example in
                example.heading.hasPrefix("### " + wanted.heading)
                    && example.commands.contains { $0.line.hasPrefix(wanted.command) }
            }, "docs/errors.md has no console example of \(wanted.command) under \(wanted.heading)")
        #expect(example.commands.contains { $0.expected.contains { $0.contains(wanted.message) } })
        let failures = try example.run()
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func everyEntrySaysWhatItIsAndHowToFixIt() throws {
        _ = try ErrorsDoc.document()
        for entry in ErrorsDoc.entries where entry.heading.hasPrefix("### ") {
            let kinds = ["**error**", "**warning**", "**usage error**"]
            #expect(
                entry.body.contains { line in kinds.contains { line.hasPrefix($0) } && line.contains("exit ") },
                "\(entry.heading): no line saying error or warning and the exit status")
            #expect(entry.body.contains { $0.hasPrefix("**Fix:**") }, "\(entry.heading): no **Fix:**")
        }
    }
}

// MARK: - Messages in the sources

/// The message of every diagnostic in Sources: the first string literal of the message argument of each
/// call that makes one, cut at its interpolations.
enum DiagnosticMessages {
    struct Message {
        var file: String
        var line: Int
        /// The literal's text between interpolations, each at least 4 characters.
        var fragments: [String]

        var quoted: String { "\"" + fragments.joined(separator: "…") + "\"" }
    }

    /// A call whose argument `argument` (or the argument labelled `label`) is a diagnostic's message.
    struct Pattern {
        var name: String
        var label: String? = nil
        var argument = 0
        /// Only in this file (a pattern too common to look for everywhere).
        var onlyIn: String? = nil
    }

    static let patterns: [Pattern] = [
        // Diagnostic.error(…), .warning(…), the loaders' r.error(…) / r.warning(…), JSONDocument's failure(…)
        Pattern(name: "error"), Pattern(name: "warning"), Pattern(name: "failure"),
        // swift-argument-parser's usage errors (exit 64)
        Pattern(name: "ValidationError"),
        // Diagnostic(.error, "message", …)
        Pattern(name: "Diagnostic", argument: 1),
        // rows of a ticket export left out (TicketRowReader), and TicketRun's report("…", line:column:)
        Pattern(name: "RowProblem", label: "message"), Pattern(name: "report", onlyIn: "TicketRun.swift"),
        // date_format problems, printed as "date format '<pattern>': <message>"
        Pattern(name: "PatternError", label: "message"),
        // the sign-off read errors, printed by verify as "'<path>' <problem>"
        Pattern(name: "init", label: "problem"),
        // a ticket's contradicting times: `return ("first response (…) is before creation (…)", .field)`
        Pattern(name: "return", onlyIn: "TicketFacts.swift"),
        // the named messages: `static func unknownKey(…) -> Self { Self(en: "…", zh: "…") }`
        Pattern(name: "Self", label: "en"),
    ]

    /// Folders of Sources not searched, with the reason.
    static let skippedFolders: [String: String] = [
        "MaturityFuzzing": "the fuzzing harness: not part of the maturity executable, prints no diagnostics",
        "maturity-fuzz": "the fuzzing executable's entry point",
    ]

    /// Calls whose message argument holds no string literal: they pass on a message made elsewhere, which
    /// is checked where it is made. Keyed "file: argument".
    static let forwarders: [String: String] = [
        "Diagnostic.swift: message": "Diagnostic.error/.warning build a Diagnostic from their caller's message",
        "Diagnostic+Message.swift: Message(englishOnly: message)":
            "the fallback for messages not translated yet: the callers' literals are checked",
        "RegisterRepository+Results.swift: error":
            "a batch import's Result.failure holds the refusal of one result, printed by the command as it was",
        "AssessmentRepository.swift: refusal":
            "an edit's Result.failure holds its body's refusal, thrown on as it was (made by the edit's caller)",
        "YAMLReader.swift: message": "YAMLReader.error/.warning add their caller's message at a node",
        "PreviousResultLoader.swift: message": "Reader.error adds its caller's message at a JSON node",
        "JSONDocument.swift: message": "Parser.failure adds its caller's message at the parser's place",
        "TicketRun.swift: message":
            "report(_:line:column:) makes its caller's message an error (--strict) or a warning; the callers'"
            + " literals are RowProblem's, the contradictions' and report's own",
        "TicketRun.swift: problem.message": "report(_ problem:) passes a RowProblem's message on",
        "TicketRun.swift: error": "a RowProblem caught while reading a row, passed to report",
        "GroupCommit.swift: error":
            "Result.failure handing a transaction's own error back to the caller that queued it",
        "GroupCommit.swift: broken": "Result.failure handing SQLite's error back to the callers of a broken group",
        "EditTurns.swift: error": "Result.failure holding what an edit's work threw, thrown on",
        "SharedSends.swift: error":
            "Result.failure holding what writing a shared transaction threw, thrown on to each edit among it",
        "YAMLDocument.swift: message": "the YAML syntax message, built in a variable: see `assembled`",
        "ResultJSON+Audit.swift: error": "Result.failure passing on a SignOffReadError made above",
        "Engine.swift: error": "Result.failure passing on the DiagnosticError of the assessment read in parallel",
        "TicketKPIs.swift: error": "Result.failure passing on the DiagnosticError of a part read in parallel",
        "Blocking.swift: error": "Result.failure passing on what the awaited work threw, rethrown to the command",
        "RegistryCommand.swift: refusal.message":
            "a RegisterRefusal's named message (Diagnostic+RegisterMessages.swift), printed by every registry command",
        "RegistryCommand.swift: error.message":
            "a StoreError's, RegisterStoreError's or RegisterSigningError's named message (Diagnostic+StoreMessages.swift)",
    ]

    /// Messages built in a variable before the call: the literals they are built from, by file.
    static let assembled: [(file: String, literal: String)] = [
        ("Diagnostic+FileMessages.swift", #""YAML syntax: \(problem)""#),
        ("Diagnostic+FileMessages.swift", #"" (\(context) at line \(line))""#),
    ]

    struct Found {
        var messages: [Message] = []
        var problems: [String] = []
        var usedForwarders: Set<String> = []
    }

    static func inSources() throws -> Found {
        let sources = URL(fileURLWithPath: ErrorsDoc.root).appendingPathComponent("Sources")
        guard let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: sources.path])
        }
        var paths: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = url.path.dropFirst(sources.path.count + 1)
            if let folder = relative.split(separator: "/").first, skippedFolders[String(folder)] != nil { continue }
            paths.append(url)
        }
        var found = Found()
        for url in paths.sorted(by: { $0.path < $1.path }) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let shown = "Sources/" + url.path.dropFirst(sources.path.count + 1)
            let inFile = messages(in: text, file: url.lastPathComponent, shown: shown)
            found.messages += inFile.messages
            for (key, line) in inFile.forwarders {
                if forwarders[key] != nil {
                    found.usedForwarders.insert(key)
                } else {
                    found.problems.append(
                        "\(shown):\(line): a diagnostic call without a string literal (\(key)): document the message "
                            + "it prints and add \"\(key)\" to the forwarders, with the reason")
                }
            }
            for entry in assembled where entry.file == url.lastPathComponent {
                guard let range = text.range(of: entry.literal) else {
                    found.problems.append("\(shown): the assembled literal \(entry.literal) is not there any more")
                    continue
                }
                let line = text[..<range.lowerBound].count { $0 == "\n" } + 1
                let literal = SwiftSource(entry.literal).literals.values.first
                let fragments = literal?.fragments.filter { $0.count >= 4 } ?? []
                found.messages.append(Message(file: shown, line: line, fragments: fragments))
            }
        }
        return found
    }

    /// The messages of the diagnostic calls in one file's text, and the calls that pass a message on
    /// ("file: argument", line).
    static func messages(in text: String, file: String, shown: String) -> (
        messages: [Message], forwarders: [(key: String, line: Int)]
    ) {
        let source = SwiftSource(text)
        let calls = source.calls(patterns.filter { $0.onlyIn == nil || $0.onlyIn == file })
        var messages: [Message] = []
        var passed: [(key: String, line: Int)] = []
        for call in calls {
            guard let argument = call.messageArgument else { continue }
            // A named message (`.unknownKey(key, in: what)`): checked where the factory makes it.
            var trimmed = argument.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let label = call.pattern.label, trimmed.hasPrefix(label + ":") {
                trimmed = trimmed.dropFirst(label.count + 1).trimmingCharacters(in: .whitespaces)
            }
            if trimmed.hasPrefix(".") || trimmed.hasPrefix("Diagnostic.Message.") { continue }
            // A factory that builds its text from a value (`Self(en: reason, zh: …)`): checked where it is called.
            if call.pattern.name == "Self", argument.literals.isEmpty { continue }
            if argument.literals.isEmpty {
                let written = argument.text.trimmingCharacters(in: .whitespacesAndNewlines)
                // `case .failure(let error)` binds a value; it makes no call.
                if written.hasPrefix("let ") || written.hasPrefix("var ") { continue }
                // `.failure(.init(path: …, problem: "…"))`: the message is the inner call's.
                if calls.contains(where: { $0.range != call.range && argument.range.contains($0.range.lowerBound) }) {
                    continue
                }
                passed.append(("\(file): \(written)", call.line))
                continue
            }
            // Concatenated text: the first literal is enough. A choice (`a ? "x" : "y"`): every literal.
            // A literal with no fragment of 4 characters (verify's "'\(problem.path)' \(problem.problem)") has
            // nothing to look for; its parts are checked where they are made.
            let literals = argument.isChoice ? argument.literals : [argument.literals[0]]
            for literal in literals {
                let fragments = literal.fragments.filter { $0.count >= 4 }
                if !fragments.isEmpty {
                    messages.append(Message(file: shown, line: call.line, fragments: fragments))
                }
            }
        }
        return (messages, passed)
    }

    /// Whether a line of the document holds every fragment, in order.
    static func isDocumented(_ fragments: [String], in lines: [String]) -> Bool {
        lines.contains { line in
            var rest = line[...]
            for fragment in fragments {
                guard let found = rest.range(of: fragment) else { return false }
                rest = rest[found.upperBound...]
            }
            return true
        }
    }
}

/// Swift source cut into code and string literals: comments are dropped, and each string literal is one
/// placeholder scalar in `code`, its text in `literals`.
struct SwiftSource {
    struct Literal {
        /// The text between interpolations, escapes resolved; a line break (written or `\n`) also cuts it.
        var fragments: [String]
    }

    struct Argument {
        var text = ""
        var literals: [Literal] = []
        /// A `?` … `:` choice at the argument's own level.
        var isChoice = false
        var range: Range<Int>
    }

    struct Call {
        var pattern: DiagnosticMessages.Pattern
        var line: Int
        var arguments: [Argument]
        var range: Range<Int>

        var messageArgument: Argument? {
            if let label = pattern.label {
                return arguments.first {
                    $0.text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(label + ":")
                }
            }
            return pattern.argument < arguments.count ? arguments[pattern.argument] : nil
        }
    }

    static let placeholder: Unicode.Scalar = "\u{E000}"

    private(set) var code: [Unicode.Scalar] = []
    /// The line of each scalar of `code`.
    private(set) var lines: [Int] = []
    /// Literals by their placeholder's index in `code`.
    private(set) var literals: [Int: Literal] = [:]

    init(_ text: String) {
        let s = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        while i < s.count {
            let c = s[i]
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            if c == "/", next == "/" {
                while i < s.count, s[i] != "\n" { i += 1 }
            } else if c == "/", next == "*" {
                var depth = 1
                i += 2
                while i < s.count, depth > 0 {
                    if s[i] == "/", i + 1 < s.count, s[i + 1] == "*" {
                        depth += 1
                        i += 2
                    } else if s[i] == "*", i + 1 < s.count, s[i + 1] == "/" {
                        depth -= 1
                        i += 2
                    } else {
                        if s[i] == "\n" { line += 1 }
                        i += 1
                    }
                }
                code.append(" ")
                lines.append(line)
            } else if Self.startsLiteral(s, i) {
                let start = line
                let (end, fragments) = Self.literal(s, from: i, line: &line)
                literals[code.count] = Literal(fragments: fragments)
                code.append(Self.placeholder)
                lines.append(start)
                i = end
            } else {
                code.append(c)
                lines.append(line)
                if c == "\n" { line += 1 }
                i += 1
            }
        }
    }

    /// `"`, `"""`, or a raw string's `#"`.
    static func startsLiteral(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i
        while k < s.count, s[k] == "#" { k += 1 }
        return k < s.count && s[k] == "\"" && (k == i || i == 0 || !isIdentifier(s[i - 1]))
    }

    /// Reads the literal starting at `start`; returns the index after it and its fragments.
    static func literal(_ s: [Unicode.Scalar], from start: Int, line: inout Int) -> (Int, [String]) {
        var i = start
        var hashes = 0
        while s[i] == "#" {
            hashes += 1
            i += 1
        }
        let multiLine = i + 2 < s.count && s[i + 1] == "\"" && s[i + 2] == "\""
        let quotes = multiLine ? 3 : 1
        i += quotes
        var fragments = [""]
        func matches(_ k: Int, _ text: [Unicode.Scalar]) -> Bool {
            k + text.count <= s.count && Array(s[k..<k + text.count]) == text
        }
        let closing = Array(repeating: Unicode.Scalar("\""), count: quotes) + Array(repeating: "#", count: hashes)
        let escape = [Unicode.Scalar("\\")] + Array(repeating: "#", count: hashes)
        func newFragment() { if fragments.last != "" { fragments.append("") } }
        while i < s.count {
            if matches(i, closing) { return (i + closing.count, fragments) }
            if matches(i, escape), i + escape.count < s.count {
                i += escape.count
                switch s[i] {
                case "(":
                    var depth = 1
                    i += 1
                    while i < s.count, depth > 0 {
                        if startsLiteral(s, i) {
                            i = literal(s, from: i, line: &line).0
                            continue
                        }
                        if s[i] == "(" { depth += 1 }
                        if s[i] == ")" { depth -= 1 }
                        if s[i] == "\n" { line += 1 }
                        i += 1
                    }
                    fragments.append("")
                    continue
                case "u":
                    var hex = ""
                    i += 2  // u{
                    while i < s.count, s[i] != "}" {
                        hex.unicodeScalars.append(s[i])
                        i += 1
                    }
                    if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                        fragments[fragments.count - 1].unicodeScalars.append(scalar)
                    }
                case "n", "r": newFragment()
                case "t": fragments[fragments.count - 1] += "\t"
                case "0": fragments[fragments.count - 1] += "\0"
                case "\n":  // a multi-line literal's line continuation
                    line += 1
                    i += 1
                    while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
                    continue
                default: fragments[fragments.count - 1].unicodeScalars.append(s[i])
                }
                i += 1
                continue
            }
            if s[i] == "\n" {
                line += 1
                newFragment()
                i += 1
                while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
                continue
            }
            fragments[fragments.count - 1].unicodeScalars.append(s[i])
            i += 1
        }
        return (i, fragments)
    }

    static func isIdentifier(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }

    /// Every call of one of `patterns`: `name(` not after `func`; `init` only as `.init(`.
    func calls(_ patterns: [DiagnosticMessages.Pattern]) -> [Call] {
        var calls: [Call] = []
        var k = 0
        while k < code.count {
            guard Self.isIdentifier(code[k]), k == 0 || !Self.isIdentifier(code[k - 1]) else {
                k += 1
                continue
            }
            var end = k
            while end < code.count, Self.isIdentifier(code[end]) { end += 1 }
            let name = String(String.UnicodeScalarView(code[k..<end]))
            defer { k = end }
            guard let pattern = patterns.first(where: { $0.name == name }) else { continue }
            var open = end
            if name == "return" {
                while open < code.count, code[open] == " " { open += 1 }
            }
            guard open < code.count, code[open] == "(", previousWord(before: k) != "func" else { continue }
            if name == "init", k == 0 || code[k - 1] != "." { continue }
            let (arguments, close) = self.arguments(from: open)
            calls.append(Call(pattern: pattern, line: lines[k], arguments: arguments, range: k..<close))
        }
        return calls
    }

    private func previousWord(before index: Int) -> String {
        var end = index
        while end > 0, code[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, Self.isIdentifier(code[start - 1]) { start -= 1 }
        return String(String.UnicodeScalarView(code[start..<end]))
    }

    /// The arguments of the call whose `(` is at `open`, split at commas of its own level.
    private func arguments(from open: Int) -> ([Argument], Int) {
        var arguments: [Argument] = []
        var current = Argument(range: open + 1..<open + 1)
        var depth = 0
        var k = open + 1
        while k < code.count {
            let c = code[k]
            switch c {
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                if depth == 0 {
                    current.range = current.range.lowerBound..<k
                    arguments.append(current)
                    return (arguments, k + 1)
                }
                depth -= 1
            case "," where depth == 0:
                current.range = current.range.lowerBound..<k
                arguments.append(current)
                current = Argument(range: k + 1..<k + 1)
                k += 1
                continue
            case "?" where depth == 0 && code[k - 1] == " " && k + 1 < code.count && code[k + 1] == " ":
                current.isChoice = true
            case Self.placeholder where depth == 0:
                if let literal = literals[k] { current.literals.append(literal) }
            default: break
            }
            current.text.unicodeScalars.append(c == Self.placeholder ? "\"" : c)
            k += 1
        }
        current.range = current.range.lowerBound..<k
        arguments.append(current)
        return (arguments, k)
    }
}

// MARK: - The document's examples

/// docs/errors.md read as the tests need it: its entries, the example files, and every `console` example.
///
/// Conventions: `File \`NAME\`:` before a code block gives a file of the example folder (for the
/// [example files](#example-files), the files every example starts with); `File \`NAME\`, with these
/// top-level keys replaced:` replaces only the top-level YAML keys the block has. A `console` block holds
/// commands (`$ maturity …`, `$ echo TEXT >> FILE`, `$ rm FILE`, `$ echo $?`) each followed by what it
/// prints on standard error; a line `…` stands for any lines, a line ending in ` …` for any end of line.
/// The exit status is the entry's (`exit N`), or the number after `$ echo $?`.
enum ErrorsDoc {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let path = root + "/docs/errors.md"

    static func document() throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    struct Block {
        var file: String?
        var merge = false
        var info: String
        var lines: [String]

        var content: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }
    }

    struct Entry {
        var heading: String
        /// The lines outside code blocks.
        var body: [String] = []
        var blocks: [Block] = []
    }

    struct Command: Sendable {
        var line: String
        var expected: [String]
        var status: Int?
    }

    struct Example: Sendable, CustomTestStringConvertible {
        var heading: String
        var number: Int
        var files: [String: String]
        var commands: [Command]

        var testDescription: String { "\(heading) [\(number)]" }

        /// Runs the commands in a new folder holding the files; returns what differs from the document.
        func run() throws -> [String] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errors-doc-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for (name, content) in files {
                let path = folder + "/" + name
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            }
            var failures: [String] = []
            for command in commands {
                var words = ErrorsDoc.words(command.line)
                if words.suffix(2) == [">", "/dev/null"] { words.removeLast(2) }
                switch words.first {
                case "rm" where words.count == 2:
                    try FileManager.default.removeItem(atPath: folder + "/" + words[1])
                case "echo" where words.count >= 3 && words[words.count - 2] == ">>":
                    let handle = try FileHandle(
                        forWritingTo: URL(fileURLWithPath: folder + "/" + words[words.count - 1]))
                    try handle.seekToEnd()
                    try handle.write(contentsOf: Data((words[1..<words.count - 2].joined(separator: " ") + "\n").utf8))
                    try handle.close()
                case "maturity":
                    let run = CLI.run(Array(words.dropFirst()), in: folder)
                    var printed = run.stderr.components(separatedBy: "\n")
                    if printed.last == "" { printed.removeLast() }
                    if !ErrorsDoc.matches(command.expected, printed) {
                        failures.append(
                            "$ \(command.line)\nexpected on standard error:\n\(command.expected.joined(separator: "\n"))"
                                + "\nprinted:\n\(printed.joined(separator: "\n"))")
                    }
                    if let status = command.status, Int(run.status) != status {
                        failures.append("$ \(command.line)\nexit status \(run.status), the document says \(status)")
                    }
                default:
                    failures.append("$ \(command.line): not a command the examples can run")
                }
            }
            return failures
        }
    }

    static let entries: [Entry] = {
        guard let text = try? document() else { return [] }
        var entries: [Entry] = []
        var pendingFile: (name: String, merge: Bool)?
        var block: Block?
        for line in text.components(separatedBy: "\n") {
            if var open = block {
                if line.hasPrefix("```") {
                    entries[entries.count - 1].blocks.append(open)
                    block = nil
                } else {
                    open.lines.append(line)
                    block = open
                }
                continue
            }
            if line.hasPrefix("```") {
                block = Block(
                    file: pendingFile?.name, merge: pendingFile?.merge ?? false, info: String(line.dropFirst(3)),
                    lines: [])
                pendingFile = nil
                if entries.isEmpty { entries.append(Entry(heading: "")) }
                continue
            }
            if line.hasPrefix("## ") || line.hasPrefix("### ") {
                entries.append(Entry(heading: line))
                continue
            }
            if entries.isEmpty { entries.append(Entry(heading: "")) }
            entries[entries.count - 1].body.append(line)
            for (suffix, merges) in [("`:", false), ("`, with these top-level keys replaced:", true)]
            where line.hasPrefix("File `") && line.hasSuffix(suffix) {
                pendingFile = (String(line.dropFirst("File `".count).dropLast(suffix.count)), merges)
            }
        }
        return entries
    }()

    static let baseFiles: [String: String] = {
        var files: [String: String] = [:]
        for entry in entries where entry.heading == "## Example files" {
            for block in entry.blocks { if let name = block.file { files[name] = block.content } }
        }
        return files
    }()

    static let examples: [Example] = {
        var examples: [Example] = []
        for entry in entries where entry.heading.hasPrefix("### ") {
            let status = entry.body.lazy.compactMap { line -> Int? in
                guard let range = line.range(of: #"\bexit (\d+)"#, options: .regularExpression) else { return nil }
                return Int(line[range].dropFirst("exit ".count))
            }.first
            var files = baseFiles
            var number = 0
            for block in entry.blocks {
                if let name = block.file {
                    files[name] = block.merge ? merge(files[name] ?? "", block.content) : block.content
                }
                guard block.info == "console" else { continue }
                var commands: [Command] = []
                for line in block.lines {
                    if line.hasPrefix("$ ") {
                        commands.append(Command(line: String(line.dropFirst(2)), expected: [], status: nil))
                    } else if !commands.isEmpty {
                        commands[commands.count - 1].expected.append(line)
                    }
                }
                // `$ echo $?` gives the status of the command before it; else the entry's applies to the last.
                for index in commands.indices.reversed() where commands[index].line == "echo $?" {
                    if index > 0 { commands[index - 1].status = Int(commands[index].expected.first ?? "") }
                    commands.remove(at: index)
                }
                if let last = commands.lastIndex(where: { $0.line.hasPrefix("maturity ") }),
                    commands[last].status == nil
                {
                    commands[last].status = status
                }
                number += 1
                examples.append(Example(heading: entry.heading, number: number, files: files, commands: commands))
            }
        }
        return examples
    }()

    /// `base` with the top-level keys of `fragment` replaced by the fragment's (new keys added at the end).
    static func merge(_ base: String, _ fragment: String) -> String {
        func sections(_ text: String) -> [(key: String?, lines: [String])] {
            var sections: [(key: String?, lines: [String])] = []
            for line in text.components(separatedBy: "\n") {
                let first = line.unicodeScalars.first
                if let first, !CharacterSet.whitespaces.contains(first), first != "#", first != "-",
                    let colon = line.firstIndex(of: ":")
                {
                    sections.append((String(line[..<colon]), [line]))
                } else if sections.isEmpty {
                    sections.append((nil, [line]))
                } else {
                    sections[sections.count - 1].lines.append(line)
                }
            }
            return sections
        }
        func trimmed(_ text: String) -> String {
            var text = text
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
        let replacing = sections(trimmed(fragment))
        var used = Set<String>()
        var out: [String] = []
        for section in sections(trimmed(base)) {
            if let key = section.key, let replacement = replacing.first(where: { $0.key == key }) {
                out += replacement.lines
                used.insert(key)
            } else {
                out += section.lines
            }
        }
        for section in replacing where section.key != nil && !used.contains(section.key!) { out += section.lines }
        return out.joined(separator: "\n") + "\n"
    }

    /// A command line split into words, with '…' and "…" quoting.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// Whether `printed` is `expected`, where a line `…` stands for any lines and a line ending in ` …` for
    /// any line that starts with the text before it.
    static func matches(_ expected: ArraySlice<String>, _ printed: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return printed.isEmpty }
        if first == "…" {
            return (printed.startIndex...printed.endIndex).contains { matches(expected.dropFirst(), printed[$0...]) }
        }
        guard let line = printed.first else { return false }
        let same = first.hasSuffix(" …") ? line.hasPrefix(first.dropLast(2)) : line == first
        return same && matches(expected.dropFirst(), printed.dropFirst())
    }

    static func matches(_ expected: [String], _ printed: [String]) -> Bool {
        matches(expected[...], printed[...])
    }
}
