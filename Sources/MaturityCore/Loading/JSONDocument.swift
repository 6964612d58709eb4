import Foundation

/// A JSON file parsed into nodes that know their line and column, so that a wrong value in a
/// result file is reported where it is, like every YAML input (Foundation's parsers give a value
/// no position, and give the position of a syntax error only in free text).
///
/// Strict RFC 8259: one value, no comments, no trailing commas; a duplicate key is an error
/// (keeping one value silently loses the other), nesting is bounded.
public struct JSONDocument: Sendable {
    /// Bytes a result file may have: a result of 20,000 criteria is 15 MB, of 50,000 (the most a
    /// catalog may have) about 37 MB.
    public static let maximumBytes = 48 << 20
    /// Values (numbers, strings, arrays, …) a result file may hold: a result has about 35 per criterion,
    /// so 1.75 million for 50,000 criteria. Each costs about 80 bytes in memory, so the bound keeps any
    /// file under 350 MB, whatever its shape (`[0,0,…]` has a value every two bytes).
    public static let maximumValues = 3_000_000
    /// Nesting of arrays and objects.
    public static let maximumDepth = 64

    // Not `indirect`: arrays and objects hold their nodes on the heap already, and a box per number or
    // string would double the memory of a large result.
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Node])
        case object([Member])
    }

    public struct Member: Sendable, Hashable {
        public var key: String
        public var keyLocation: SourceLocation
        public var node: Node
    }

    public struct Node: Sendable, Hashable {
        public var value: Value
        public var location: SourceLocation

        /// The member named `key`, when this is an object that has it.
        public subscript(key: String) -> Node? {
            guard case .object(let members) = value else { return nil }
            return members.first { $0.key == key }?.node
        }

        /// What the value is, for messages: "a string", "an object", "null", …
        public var kindName: String {
            switch value {
            case .null: return "null"
            case .bool: return "a boolean"
            case .number: return "a number"
            case .string: return "a string"
            case .array: return "an array"
            case .object: return "an object"
            }
        }
    }

    public let file: String
    public let root: Node

    /// Reads and parses `path`; `displayPath` is how diagnostics name it.
    public static func load(path: String, displayPath: String? = nil, files: any FileSource = DiskFiles())
        throws(DiagnosticError) -> JSONDocument
    {
        let shown = displayPath ?? path
        let data = try InputFile.read(
            path, shown: shown, kind: .jsonKind, maximumBytes: maximumBytes, what: .resultFile, files: files)
        return try parse(data: data, file: shown)
    }

    public static func parse(data: Data, file: String) throws(DiagnosticError) -> JSONDocument {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw DiagnosticError(
                .error(.notUTF8, at: firstInvalidUTF8(bytes, file: file), hint: .resultIsUTF8JSON))
        }
        var parser = Parser(bytes: bytes, file: file)
        parser.skipWhitespace()
        guard parser.offset < bytes.count else {
            throw DiagnosticError(.error(.fileIsEmpty, at: .start(of: file), hint: .jsonObjectExpected))
        }
        let root = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.offset < bytes.count {
            throw parser.failure(.unexpectedAfterValue(parser.describeCurrent()))
        }
        return JSONDocument(file: file, root: root)
    }

    /// Where the first byte that is not UTF-8 is (columns in Unicode scalars).
    static func firstInvalidUTF8(_ bytes: [UInt8], file: String) -> SourceLocation {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error: break loop
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    struct Parser {
        let bytes: [UInt8]
        let file: String
        var offset = 0
        var line = 1
        var column = 1
        var values = 0

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

        func failure(_ message: Diagnostic.Message, hint: Diagnostic.Message? = nil) -> DiagnosticError {
            DiagnosticError(.error(message, at: location, hint: hint))
        }

        func describeCurrent() -> Diagnostic.Message {
            guard offset < bytes.count else { return .endOfFile }
            let byte = bytes[offset]
            if byte >= 0x21, byte < 0x7F { return .character(String(Character(Unicode.Scalar(byte)))) }
            var end = offset + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let text = String(decoding: bytes[offset..<end], as: UTF8.self)
            return byte < 0x80 ? .controlCharacter : .character(text)
        }

        /// Moves one byte on, counting lines, and columns in Unicode scalars.
        mutating func advance() {
            let byte = bytes[offset]
            offset += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        mutating func skipWhitespace() {
            while offset < bytes.count {
                switch bytes[offset] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): advance()
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(DiagnosticError) -> Node {
            values += 1
            if values > JSONDocument.maximumValues {
                throw failure(.tooManyJSONValues(JSONDocument.maximumValues), hint: .notAResultFile)
            }
            skipWhitespace()
            guard offset < bytes.count else { throw failure(.unexpectedEndValue) }
            let start = location
            switch bytes[offset] {
            case UInt8(ascii: "{"):
                guard depth < JSONDocument.maximumDepth else {
                    throw failure(.nestingDeeper(than: JSONDocument.maximumDepth))
                }
                return Node(value: .object(try object(depth: depth + 1)), location: start)
            case UInt8(ascii: "["):
                guard depth < JSONDocument.maximumDepth else {
                    throw failure(.nestingDeeper(than: JSONDocument.maximumDepth))
                }
                return Node(value: .array(try array(depth: depth + 1)), location: start)
            case UInt8(ascii: "\""):
                return Node(value: .string(try string()), location: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return Node(value: .number(try number()), location: start)
            case UInt8(ascii: "t"):
                try literal("true")
                return Node(value: .bool(true), location: start)
            case UInt8(ascii: "f"):
                try literal("false")
                return Node(value: .bool(false), location: start)
            case UInt8(ascii: "n"):
                try literal("null")
                return Node(value: .null, location: start)
            default:
                throw failure(.unexpectedWhereValue(describeCurrent()))
            }
        }

        mutating func literal(_ word: String) throws(DiagnosticError) {
            let expected = Array(word.utf8)
            guard offset + expected.count <= bytes.count, Array(bytes[offset..<offset + expected.count]) == expected
            else {
                throw failure(.unexpectedWhereValue(describeCurrent()))
            }
            for _ in expected { advance() }
        }

        mutating func object(depth: Int) throws(DiagnosticError) -> [Member] {
            advance()  // {
            var members: [Member] = []
            var seen: [String: SourceLocation] = [:]
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
                advance()
                return members
            }
            while true {
                skipWhitespace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                    throw failure(.unexpectedWhereKey(describeCurrent()))
                }
                let keyLocation = location
                let key = try string()
                if let first = seen[key] {
                    throw DiagnosticError(
                        .error(
                            .duplicateKey("'\(key)'"), at: keyLocation, hint: .keepOneOfTheTwo,
                            notes: [.firstAt(first)]))
                }
                seen[key] = keyLocation
                skipWhitespace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                    throw failure(.unexpectedWhereColon(describeCurrent(), key: key))
                }
                advance()
                let node = try value(depth: depth)
                members.append(Member(key: key, keyLocation: keyLocation, node: node))
                skipWhitespace()
                guard offset < bytes.count else { throw failure(.unexpectedEnd(expecting: "}")) }
                if bytes[offset] == UInt8(ascii: ",") {
                    advance()
                    continue
                }
                if bytes[offset] == UInt8(ascii: "}") {
                    advance()
                    return members
                }
                throw failure(.unexpectedWhereCommaOr(describeCurrent(), "}"))
            }
        }

        mutating func array(depth: Int) throws(DiagnosticError) -> [Node] {
            advance()  // [
            var items: [Node] = []
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
                advance()
                return items
            }
            while true {
                items.append(try value(depth: depth))
                skipWhitespace()
                guard offset < bytes.count else { throw failure(.unexpectedEnd(expecting: "]")) }
                if bytes[offset] == UInt8(ascii: ",") {
                    advance()
                    continue
                }
                if bytes[offset] == UInt8(ascii: "]") {
                    advance()
                    return items
                }
                throw failure(.unexpectedWhereCommaOr(describeCurrent(), "]"))
            }
        }

        mutating func string() throws(DiagnosticError) -> String {
            advance()  // "
            var out: [UInt8] = []
            while true {
                guard offset < bytes.count else { throw failure(.unterminatedString) }
                let byte = bytes[offset]
                switch byte {
                case UInt8(ascii: "\""):
                    advance()
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    advance()
                    guard offset < bytes.count else { throw failure(.unterminatedString) }
                    let escape = bytes[offset]
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        let scalar = try unicodeEscape()
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                        continue
                    default:
                        throw failure(.invalidEscape(Character(Unicode.Scalar(escape))))
                    }
                    advance()
                case UInt8(ascii: "\n"):
                    throw failure(.lineEndsInString)
                case 0..<0x20:
                    throw failure(.controlCharacterInString, hint: .writeAsEscape)
                default:
                    out.append(byte)
                    advance()
                }
            }
        }

        /// `\uXXXX` (the `u` is current), joining a surrogate pair into one scalar.
        mutating func unicodeEscape() throws(DiagnosticError) -> Unicode.Scalar {
            func hex4(_ parser: inout Parser) throws(DiagnosticError) -> UInt32 {
                parser.advance()  // u
                var value: UInt32 = 0
                for _ in 0..<4 {
                    guard parser.offset < parser.bytes.count,
                        let digit = Character(Unicode.Scalar(parser.bytes[parser.offset])).hexDigitValue
                    else {
                        throw parser.failure(.uEscapeNeedsFourDigits)
                    }
                    value = value * 16 + UInt32(digit)
                    parser.advance()
                }
                return value
            }
            let high = try hex4(&self)
            if (0xD800...0xDBFF).contains(high) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                    bytes[offset + 1] == UInt8(ascii: "u")
                else {
                    throw failure(.highSurrogateAlone)
                }
                advance()
                let low = try hex4(&self)
                guard (0xDC00...0xDFFF).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else {
                    throw failure(.highSurrogateAlone)
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw failure(.lowSurrogateAlone)
            }
            return scalar
        }

        mutating func number() throws(DiagnosticError) -> Double {
            let start = offset
            let startLocation = location
            func digits(_ parser: inout Parser) -> Int {
                var count = 0
                while parser.offset < parser.bytes.count,
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.offset])
                {
                    parser.advance()
                    count += 1
                }
                return count
            }
            func invalid() -> DiagnosticError {
                DiagnosticError(.error(.invalidNumber, at: startLocation))
            }
            if bytes[offset] == UInt8(ascii: "-") { advance() }
            guard offset < bytes.count else { throw invalid() }
            if bytes[offset] == UInt8(ascii: "0") {
                advance()
            } else if digits(&self) == 0 {
                throw invalid()
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                advance()
                if digits(&self) == 0 { throw invalid() }
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
                advance()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                    advance()
                }
                if digits(&self) == 0 { throw invalid() }
            }
            guard let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)), value.isFinite else {
                throw invalid()
            }
            return value
        }
    }
}
