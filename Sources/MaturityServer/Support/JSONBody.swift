import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A JSON answer: keys sorted (types name them in snake_case), no escaped slashes — the same bytes for the same value.
public struct JSONBody: Sendable, ResponseGenerator {
    public let data: Data

    public init(_ value: some Encodable) {
        data = (try? Self.encoder.encode(value)) ?? Data("null".utf8)
    }

    public init(raw data: Data) {
        self.data = data
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder = JSONDecoder()

    public func response(status: HTTPResponse.Status, etag: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let etag { headers[.eTag] = etag }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(status: .ok)
    }
}
