import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MaturityStore
import MaturityStoreTesting
import NIOCore
import SQLKit
import Testing
import ZIPFoundation

@testable import MaturityServer

/// Small limits, so that the tests' bombs and oversized bodies stay small.
enum UploadLimits {
    /// One file (store), and one entry of a zip once unpacked.
    static let file = 256 << 10
    /// One upload's body (`POST /api/v1/import`, and a page's form with 1 MB more for its fields).
    static let upload = 512 << 10
    /// A zip's entries together once unpacked.
    static let unpacked = 1 << 20
}

/// A data folder alone inside a folder of its own: anything written outside the data folder shows up there.
struct Sandbox: Sendable {
    let root: String
    var data: String { root + "/data" }

    /// Every file and folder under the sandbox (folders with size -1), by path inside it.
    func listing() -> [String: Int] {
        var found: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + path)
            let isFolder = attributes?[.type] as? FileAttributeType == .typeDirectory
            // The database's own files change size whenever a session is touched or the journal is folded in;
            // their rows are compared instead.
            let isDatabase = (path as NSString).lastPathComponent.hasPrefix("maturity.sqlite")
            found[path] = isFolder ? -1 : isDatabase ? 0 : (attributes?[.size] as? Int ?? 0)
        }
        return found
    }

    /// Places an entry like `../x`, `a/../../b` or `/etc/passwd` would reach if it were joined to a folder of
    /// the server's: the sandbox's parent, the working directory, and the file itself. Each with its size and
    /// date, or "absent".
    func outside() -> [String: String] {
        let parent = (root as NSString).deletingLastPathComponent
        let cwd = FileManager.default.currentDirectoryPath
        var found: [String: String] = [:]
        for path in ["/etc/passwd", parent + "/x", parent + "/b", cwd + "/x", cwd + "/b", root + "/x", root + "/b"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            found[path] =
                attributes.map { "\($0[.size] ?? 0) \($0[.modificationDate] ?? "")" } ?? "absent"
        }
        return found
    }
}

/// What a refused upload must leave as it was: every table's row count, the assessments of the world, and the
/// files inside and around the sandbox.
struct StoredState: Equatable {
    var rows: [String: Int]
    var assessments: [AssessmentSnapshot]
    var files: [String: Int]
    var outside: [String: String]

    static func of(_ store: Store, _ world: AccountsWorld, _ sandbox: Sandbox) async throws -> StoredState {
        // What earlier changes staged for the audit trail is chained just after their commit (PostgreSQL), at a
        // moment of its own: chained now, so that the counts hold only what the upload did.
        try await store.database.sealStagedAuditRecords()
        let rows = try await store.database.read { sql -> [String: Int] in
            let tables =
                sql.dialect.name == "sqlite"
                ? "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema()"
            var counts: [String: Int] = [:]
            for row in try await sql.raw(SQLQueryString(tables)).all() {
                let table = try row.decode(column: "t", as: String.self)
                // Sessions are touched by every request (last seen); sign-ins are not what is tested here.
                if table == "sessions" { continue }
                let count = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
                counts[table] = try count?.decode(column: "n", as: Int.self) ?? -1
            }
            return counts
        }
        var assessments: [AssessmentSnapshot] = []
        for id in [world.ownSelf, world.ownAudit, world.otherSelf, world.otherAudit] {
            assessments.append(try await store.assessments.get(id))
        }
        return StoredState(rows: rows, assessments: assessments, files: sandbox.listing(), outside: sandbox.outside())
    }

    /// Expects each part to be as in `before`, so that a failure says which.
    func expectSame(as before: StoredState, _ comment: String = "") {
        #expect(rows == before.rows, "\(comment)")
        #expect(assessments == before.assessments, "\(comment)")
        #expect(files == before.files, "\(comment)")
        #expect(outside == before.outside, "\(comment)")
    }
}

/// A `multipart/form-data` body as a browser sends a page's form: the session's token first.
struct Multipart {
    static let boundary = "----maturity-test-7d1f0c"
    static let contentType = "multipart/form-data; boundary=\(boundary)"
    var body = Data()

    init(csrf: String) { field("_csrf", csrf) }

    mutating func field(_ name: String, _ value: String) {
        body += Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func file(_ name: String, filename: String, _ data: Data) {
        body += Data(
            ("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").utf8)
        body += data
        body += Data("\r\n".utf8)
    }

    var buffer: ByteBuffer { ByteBuffer(data: body + Data("--\(Self.boundary)--\r\n".utf8)) }
}

extension AccountsWorld {
    /// Headers of a page's form post by `role`: the session cookie only (the token is in the body).
    func formHeaders(_ role: String, type: String = Multipart.contentType) -> HTTPFields {
        [.cookie: "\(Accounts.sessionCookie)=\(sessions[role]?.cookie ?? "")", .contentType: type]
    }

    func csrf(_ role: String) -> String { sessions[role]?.csrf ?? "" }
}

extension TestDatabase {
    /// A server with accounts (every role signed in) over a store whose data folder sits alone in a sandbox,
    /// with the small ``UploadLimits``.
    func withUploadServer(
        _ body: @escaping @Sendable (any TestClientProtocol, Store, AccountsWorld, Sandbox) async throws -> Void
    ) async throws {
        let sandbox = Sandbox(
            root: FileManager.default.temporaryDirectory.appendingPathComponent("maturity-sandbox-\(UUID())").path)
        try FileManager.default.createDirectory(atPath: sandbox.root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: sandbox.root) }
        var storeConfiguration = StoreConfiguration(dataDirectory: sandbox.data, maximumFileBytes: UploadLimits.file)
        var schema: String?
        if self == .postgres {
            guard let created = try await PostgresSchemas.create() else { return }
            schema = created
            storeConfiguration.databaseURL = Self.postgresURL
            storeConfiguration.postgresSchema = created
        }
        var logger = Logger(label: "maturity.tests")
        logger.logLevel = .warning
        let store = try await Store.open(storeConfiguration, logger: logger)
        var configuration = ServerConfiguration(
            maximumUploadBytes: UploadLimits.upload, maximumUnpackedBytes: UploadLimits.unpacked,
            criteriaFolders: [criteriaFolder])
        configuration.loginDelay = 0
        do {
            let app = buildApplication(configuration: configuration, store: store, logger: logger)
            try await app.test(.router) { client in
                let world = try await AccountsWorld.make(store)
                try await body(client, store, world, sandbox)
            }
        } catch {
            try? await store.close()
            if let schema { try? await PostgresSchemas.drop(schema) }
            throw error
        }
        try await store.close()
        if let schema { try await PostgresSchemas.drop(schema) }
    }
}

/// Zips made by hand for the attacks an archiver would not make: links, lying sizes.
enum HostileZip {
    /// `files` plus a symbolic link at `path` pointing to `target`.
    static func withLink(_ files: [String: Data], path: String, target: String) throws -> Data {
        let archive = try Archive(data: try ZipFolder.write(files), accessMode: .update)
        let bytes = Data(target.utf8)
        try archive.addEntry(
            with: path, type: .symlink, uncompressedSize: Int64(bytes.count), compressionMethod: .none
        ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        return archive.data ?? Data()
    }

    /// `files` zipped, with every entry's declared unpacked size (local and central headers) rewritten to
    /// `declared` bytes: the headers lie, the deflated data is what it is.
    static func lyingSizes(_ files: [String: Data], declared: UInt32) throws -> Data {
        var zip = [UInt8](try ZipFolder.write(files))
        func put(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { zip[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        var offset = 0
        while offset + 46 <= zip.count {
            let signature = zip[offset..<offset + 4]
            if signature.elementsEqual([0x50, 0x4b, 0x03, 0x04]) {
                put(declared, at: offset + 22)  // local file header: uncompressed size
            } else if signature.elementsEqual([0x50, 0x4b, 0x01, 0x02]) {
                put(declared, at: offset + 24)  // central directory header: uncompressed size
            }
            offset += 1
        }
        return Data(zip)
    }
}

/// Uploads with hostile names, zip bombs and oversized bodies, on every upload route (the import of a zipped
/// folder by the API and by the page, a file added by the API, an evidence file and a ticket export added by
/// the pages), signed in with the roles that may upload. Each is refused with a 4xx saying why, and nothing is
/// stored: the database's rows, the assessments and the files in and around the data folder stay as they were.
@Suite struct UploadSecurityTests {
    static let hostileNames = ["../x", "/etc/passwd", "a/../../b", "evidence/../../x", "..\\x", "evidence/\0x"]

    /// The import routes as each role that may import sends to them: `(who, send)`.
    static func importers(_ client: any TestClientProtocol, _ world: AccountsWorld)
        -> [(String, @Sendable (Data) async throws -> TestResponse)]
    {
        [
            (
                "API, company admin",
                { zip in
                    try await client.execute(
                        uri: "/api/v1/import?organisation=\(world.own)", method: .post,
                        headers: world.headers("companyAdmin").merging([.contentType: "application/zip"]),
                        body: ByteBuffer(data: zip))
                }
            ),
            (
                "API, cb-admin",
                { zip in
                    try await client.execute(
                        uri: "/api/v1/import", method: .post,
                        headers: world.headers("cbAdmin").merging([.contentType: "application/zip"]),
                        body: ByteBuffer(data: zip))
                }
            ),
            (
                "page, company admin",
                { zip in
                    var form = Multipart(csrf: world.csrf("companyAdmin"))
                    form.field("organisation", world.own)
                    form.file("zip", filename: "folder.zip", zip)
                    return try await client.execute(
                        uri: "/en/import", method: .post, headers: world.formHeaders("companyAdmin"),
                        body: form.buffer)
                }
            ),
        ]
    }

    /// The refusal's words: the JSON error's message, or the page's text.
    static func said(_ response: TestResponse) -> String {
        if let message = (response.json["error"] as? [String: Any])?["message"] as? String { return message }
        return response.text
    }

    /// True when the refusal says `words`: as they are (JSON), or escaped in the page's HTML.
    static func says(_ response: TestResponse, _ words: String) -> Bool {
        let text = said(response)
        return text.contains(words) || text.contains(h(words))
    }

    @Test(arguments: TestDatabase.allCases)
    func entriesClimbingOutOfTheFolderOrLinkingAreRefusedByEveryImportRoute(_ database: TestDatabase) async throws {
        let folder = try exampleFolder("huadong-appliance")
        try await database.withUploadServer { client, store, world, sandbox in
            let before = try await StoredState.of(store, world, sandbox)
            for (who, send) in Self.importers(client, world) {
                for name in Self.hostileNames {
                    var files = folder
                    files[name] = Data("root:x:0:0\n".utf8)
                    let response = try await send(try ZipFolder.write(files))
                    #expect(response.status == .unprocessableContent, "\(who), \(name)")
                    let expected = ZipFolder.Problem.unsafePath(name).description
                    #expect(Self.says(response, expected), "\(who)")
                }
                for (link, target) in [("evidence/passwd", "/etc/passwd"), ("evidence/up", "../../..")] {
                    let response = try await send(try HostileZip.withLink(folder, path: link, target: target))
                    #expect(response.status == .unprocessableContent, "\(who), link \(link)")
                    #expect(Self.said(response).contains("is a symbolic link"), "\(who)")
                }
                try await StoredState.of(store, world, sandbox).expectSame(as: before, "\(who)")
            }
            // The same folder without the hostile entry is imported by each of them.
            for (who, send) in Self.importers(client, world) {
                let response = try await send(try ZipFolder.write(folder))
                #expect(
                    [HTTPResponse.Status.created, .seeOther].contains(response.status),
                    "\(who): \(response.text.prefix(300))")
            }
            #expect(sandbox.outside() == before.outside)
            #expect(Set(sandbox.listing().keys).allSatisfy { $0 == "data" || $0.hasPrefix("data/") })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func zipBombsStopAtTheLimitWhileUnpackingWhateverTheirHeadersSay(_ database: TestDatabase) async throws {
        let folder = try exampleFolder("huadong-appliance")
        // 16 MB of zeros deflate to about 16 KB: far past the 256 KB a file may unpack to.
        var oneBomb = folder
        oneBomb["evidence/bomb.bin"] = Data(count: 16 << 20)
        let bomb = try ZipFolder.write(oneBomb)
        #expect(bomb.count < UploadLimits.upload)
        // The same, with headers claiming 100 bytes: the size is counted while unpacking, not believed.
        let liar = try HostileZip.lyingSizes(oneBomb, declared: 100)
        // Eight files each under the file limit, together past the 1 MB the whole archive may unpack to.
        var many = folder
        for index in 0..<8 { many["evidence/part-\(index).bin"] = Data(count: 200 << 10) }
        let spread = try ZipFolder.write(many)
        try await database.withUploadServer { client, store, world, sandbox in
            let before = try await StoredState.of(store, world, sandbox)
            for (who, send) in Self.importers(client, world) {
                let one = try await send(bomb)
                #expect(one.status == .contentTooLarge, "\(who)")
                #expect(Self.says(one, "'evidence/bomb.bin' unpacks to more than \(UploadLimits.file) bytes"), "\(who)")
                let lying = try await send(liar)
                #expect([HTTPResponse.Status.contentTooLarge, .unprocessableContent].contains(lying.status), "\(who)")
                #expect(Self.said(lying).contains("evidence/bomb.bin"), "\(who): \(Self.said(lying).prefix(300))")
                let together = try await send(spread)
                #expect(together.status == .contentTooLarge, "\(who)")
                #expect(
                    Self.says(together, "the archive unpacks to more than \(UploadLimits.unpacked) bytes"), "\(who)")
            }
            try await StoredState.of(store, world, sandbox).expectSame(as: before)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func bodiesOverTheLimitAreRefusedOnEveryUploadRoute(_ database: TestDatabase) async throws {
        try await database.withUploadServer { client, store, world, sandbox in
            let before = try await StoredState.of(store, world, sandbox)
            let files = "/api/v1/assessments/\(world.ownSelf)/files"
            var refusals: [(String, TestResponse)] = []
            refusals.append(
                (
                    "API import",
                    try await client.execute(
                        uri: "/api/v1/import?organisation=\(world.own)", method: .post,
                        headers: world.headers("companyAdmin").merging([.contentType: "application/zip"]),
                        body: ByteBuffer(data: Data(count: UploadLimits.upload + 1)))
                ))
            var importForm = Multipart(csrf: world.csrf("companyAdmin"))
            importForm.field("organisation", world.own)
            importForm.file("zip", filename: "big.zip", Data(count: UploadLimits.upload + (1 << 20) + 1))
            refusals.append(
                (
                    "page import",
                    try await client.execute(
                        uri: "/en/import", method: .post, headers: world.formHeaders("companyAdmin"),
                        body: importForm.buffer)
                ))
            refusals.append(
                (
                    "API file",
                    try await client.execute(
                        uri: "\(files)?path=evidence/big.bin", method: .post, headers: world.headers("member"),
                        body: ByteBuffer(data: Data(count: UploadLimits.file + 1)))
                ))
            // An evidence file just over the file limit, in a form within the form's limit.
            var evidence = Multipart(csrf: world.csrf("member"))
            evidence.field("kind", "record")
            evidence.field("title", "big")
            evidence.field("date", "2026-11-01")
            evidence.file("file", filename: "big.bin", Data(count: UploadLimits.file + 1))
            refusals.append(
                (
                    "page evidence",
                    try await client.execute(
                        uri: "/en/a/\(world.ownSelf)/evidence", method: .post, headers: world.formHeaders("member"),
                        body: evidence.buffer)
                ))
            var tickets = Multipart(csrf: world.csrf("member"))
            tickets.field("version", "\(before.assessments[0].assessment.version)")
            tickets.file("export", filename: "tickets.csv", Data(count: UploadLimits.file + 1))
            refusals.append(
                (
                    "page tickets",
                    try await client.execute(
                        uri: "/en/a/\(world.ownSelf)/tickets", method: .post, headers: world.formHeaders("member"),
                        body: tickets.buffer)
                ))
            // A JSON edit over the 1 MB any JSON body may have.
            refusals.append(
                (
                    "API JSON edit",
                    try await client.execute(
                        uri: "/api/v1/assessments/\(world.ownSelf)/criteria/SP-01", method: .patch,
                        headers: world.headers("member", json: true).merging([.ifMatch: "\"0\""]),
                        body: jsonBody(["note": String(repeating: "a", count: 1 << 20)]))
                ))
            for (route, response) in refusals {
                #expect(response.status == .contentTooLarge, "\(route): \(response.status)")
                let words = Self.said(response)
                #expect(words.contains("larger than") || words.contains("more than"), "\(route): \(words.prefix(300))")
            }
            try await StoredState.of(store, world, sandbox).expectSame(as: before)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func fileNamesThatClimbOutAreRefusedByTheAPIAndReducedToTheirLastPartByThePages(_ database: TestDatabase)
        async throws
    {
        try await database.withUploadServer { client, store, world, sandbox in
            let before = try await StoredState.of(store, world, sandbox)
            let files = "/api/v1/assessments/\(world.ownSelf)/files"
            for name in Self.hostileNames {
                let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let response = try await client.execute(
                    uri: "\(files)?path=\(encoded)", method: .post, headers: world.headers("member"),
                    body: ByteBuffer(string: "root:x:0:0\n"))
                #expect(response.status == .unprocessableContent, "\(name)")
                #expect(Self.said(response) == ZipFolder.Problem.unsafePath(name).description)
            }
            try await StoredState.of(store, world, sandbox).expectSame(as: before)
            // A browser sends a file's own name, but a hand-made form can send any: the page keeps only the last
            // part, cleaned, under the folder's upload place.
            for (index, name) in ["../x", "/etc/passwd", "a/../../b", "..\\..\\x"].enumerated() {
                var evidence = Multipart(csrf: world.csrf("member"))
                evidence.field("kind", "record")
                evidence.field("title", "upload \(index)")
                evidence.field("date", "2026-11-01")
                evidence.file("file", filename: name, Data("content \(index)\n".utf8))
                let response = try await client.execute(
                    uri: "/en/a/\(world.ownSelf)/evidence", method: .post, headers: world.formHeaders("member"),
                    body: evidence.buffer)
                #expect(response.status == .seeOther, "\(name): \(response.text.prefix(300))")
            }
            let stored = try await store.assessments.get(world.ownSelf)
            let paths = stored.files.map(\.path).sorted()
            #expect(paths.count == 4)
            for path in paths {
                #expect(path.hasPrefix("evidence/uploads/"), "\(path)")
                #expect(ZipFolder.safePath(path) == path, "\(path)")
                #expect(!path.split(separator: "/").contains("..") && !path.contains("\\"), "\(path)")
            }
            #expect(paths.allSatisfy { $0.split(separator: "/").count == 3 }, "\(paths)")
            #expect(sandbox.outside() == before.outside)
            #expect(Set(sandbox.listing().keys).allSatisfy { $0 == "data" || $0.hasPrefix("data/") })
        }
    }
}
