import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension Request {
    /// The body as bytes, refusing one larger than `limit` with 413.
    func bytes(upTo limit: Int, context: some RequestContext) async throws -> Data {
        do {
            var request = self
            let buffer = try await request.collectBody(upTo: limit)
            return Data(buffer: buffer)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the upload is larger than the \(limit) bytes accepted")
        } catch is NIOTooManyBytesError {
            // What collectBody(upTo:) throws: without this the answer was a 413 with no words.
            throw APIError(.contentTooLarge, "the upload is larger than the \(limit) bytes accepted")
        }
    }

    /// The JSON body decoded as `T`; a body that is not JSON or not of that shape is a 422 naming the
    /// field, as `$.claimed` paths.
    func json<T: Decodable>(_ type: T.Type, context: some RequestContext) async throws -> T {
        let data = try await bytes(upTo: 1 << 20, context: context)
        try TextInput.refuseNUL(inJSON: data)
        do {
            return try JSONBody.decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw APIError(
                .unprocessableContent, "the request body is not what this route takes",
                problems: [Self.problem(error)])
        } catch {
            throw APIError(.badRequest, "the request body is not JSON")
        }
    }

    static func problem(_ error: DecodingError) -> APIError.Problem {
        func path(_ keys: [any CodingKey]) -> String {
            "$" + keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .typeMismatch(let type, let context):
            return .init(location: path(context.codingPath), message: "expected \(JSONTypeName.of(type))")
        case .valueNotFound(let type, let context):
            return .init(location: path(context.codingPath), message: "expected \(JSONTypeName.of(type)), found null")
        case .keyNotFound(let key, let context):
            return .init(location: path(context.codingPath + [key]), message: "'\(key.stringValue)' is required")
        case .dataCorrupted(let context):
            return .init(location: path(context.codingPath), message: "not valid JSON")
        @unknown default:
            return .init(location: nil, message: "not valid")
        }
    }

    /// The version an edit was made from: `If-Match: "3"` (a weak `W/"3"` is read the same).
    func expectedVersion() throws -> Int {
        guard let value = headers[.ifMatch] else {
            throw APIError(
                .preconditionRequired,
                "an edit must say which version it changes: send If-Match with the ETag you read")
        }
        guard let version = ETag.version(value) else {
            throw APIError(.badRequest, "If-Match must be an ETag this server gave, like \"3\"; found \(value)")
        }
        return version
    }
}

/// Text people write: no field may hold the NUL character (PostgreSQL's text cannot, and it would be cut off or
/// refused further on), so a request carrying one is refused where it comes in, naming the field.
enum TextInput {
    static let nulMessage = "text may not hold the NUL character (U+0000)"

    /// Refuses a JSON body holding `\u0000` in a string or a key (a raw NUL byte is not JSON at all).
    static func refuseNUL(inJSON data: Data) throws {
        let backslash = UInt8(ascii: "\\")
        let escape = Array("u0000".utf8)
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var index = 1
            while index + escape.count <= bytes.count {
                defer { index += 1 }
                guard bytes[index] == escape[0], bytes[index - 1] == backslash,
                    bytes[index..<index + escape.count].elementsEqual(escape)
                else { continue }
                // An odd run of backslashes before it makes it an escape; an even one is the text "\\u0000".
                var run = 0
                while index - 1 - run >= 0, bytes[index - 1 - run] == backslash { run += 1 }
                if run % 2 == 1 {
                    throw APIError(
                        .unprocessableContent, nulMessage,
                        problems: [
                            .init(location: "$", message: "a string holds \\u0000", hint: "remove the character")
                        ])
                }
            }
        }
    }

    /// Refuses a form whose field holds the NUL character, naming the field.
    static func refuseNUL(in form: FormData) throws {
        guard let field = form.fields.first(where: { $0.value.unicodeScalars.contains("\u{0}") }) else { return }
        throw APIError(
            .unprocessableContent, nulMessage,
            problems: [.init(location: field.name, message: "'\(field.name)' holds the NUL character")])
    }
}

/// JSON's names for Swift types, for messages.
enum JSONTypeName {
    static func of(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is String?.Type: return "a string"
        case is Int.Type, is Int?.Type: return "an integer"
        case is Double.Type, is Double?.Type: return "a number"
        case is Bool.Type, is Bool?.Type: return "true or false"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") || name.hasPrefix("[") ? "a list" : "an object"
        }
    }
}

/// ETags as this server writes them: the row's version, quoted.
enum ETag {
    static func of(_ version: Int) -> String { "\"\(version)\"" }

    /// The version an If-Match value names: `"3"`, a weak `W/"3"` or a bare `3`, with whitespace around it (what
    /// Foundation's `.whitespaces` trims: the tab, the space separators and U+200B) and any number of quotes
    /// about the number; nil when it names none. Read a scalar at a time: trimming by Foundation's character sets
    /// was 1.5 % of the server's time under a load of edits.
    static func version(_ value: String) -> Int? {
        var text = Substring(value).unicodeScalars
        func trim(_ text: inout Substring.UnicodeScalarView, _ drop: (Unicode.Scalar) -> Bool) {
            while let first = text.first, drop(first) { text.removeFirst() }
            while let last = text.last, drop(last) { text.removeLast() }
        }
        // CoreFoundation's whitespace: 0x20, 0x09, 0xA0, 0x1680, 0x2000–0x200B, 0x202F, 0x205F, 0x3000.
        trim(&text) {
            switch $0.value {
            case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            default: false
            }
        }
        if text.starts(with: "W/".unicodeScalars) { text.removeFirst(2) }
        trim(&text) { $0 == "\"" }
        return Int(Substring(text))
    }
}
