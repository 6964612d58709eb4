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
        }
    }

    /// The JSON body decoded as `T`; a body that is not JSON or not of that shape is a 422 naming the
    /// field, as `$.claimed` paths.
    func json<T: Decodable>(_ type: T.Type, context: some RequestContext) async throws -> T {
        let data = try await bytes(upTo: 1 << 20, context: context)
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
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(text) else {
            throw APIError(.badRequest, "If-Match must be an ETag this server gave, like \"3\"; found \(value)")
        }
        return version
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
}
