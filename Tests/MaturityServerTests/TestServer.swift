import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MaturityStore
import MaturityStoreTesting
import NIOCore

@testable import MaturityServer

/// The repository's `Criteria/` folder, found from this file's place in the tree.
let criteriaFolder: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Criteria").path
}()

/// The repository's `Examples/` folder.
let examplesFolder: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Examples").path
}()

extension TestDatabase {
    /// Runs `body` against the application over a new store on this database, without opening a port.
    func withServer(
        maximumFileBytes: Int = 64 << 20,
        _ body: @escaping @Sendable (any TestClientProtocol, Store) async throws -> Void
    ) async throws {
        try await withStore(maximumFileBytes: maximumFileBytes) { store in
            let app = buildApplication(
                configuration: ServerConfiguration(criteriaFolders: [criteriaFolder]), store: store,
                logger: {
                    var l = Logger(label: "maturity.tests"); l.logLevel = .warning; return l
                }())
            try await app.test(.router) { client in try await body(client, store) }
        }
    }
}

extension TestResponse {
    /// The body parsed as a JSON object.
    var json: [String: Any] {
        guard let data = body.getData(at: body.readerIndex, length: body.readableBytes),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    var text: String { String(buffer: body) }

    var data: Data { Data(buffer: body) }
}

/// A JSON request body.
func jsonBody(_ object: Any) -> ByteBuffer {
    ByteBuffer(data: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
}

let jsonHeaders: HTTPFields = [.contentType: "application/json"]

func ifMatch(_ etag: String) -> HTTPFields { [.contentType: "application/json", .ifMatch: etag] }
