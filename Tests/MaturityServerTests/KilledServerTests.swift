import Foundation
import MaturityStoreTesting
import Testing

@testable import MaturityServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `maturity serve` process of the built command line, on a free loopback port.
final class ServerProcess: Sendable {
    /// The built command line, beside the test bundle.
    static let binary: String? = {
        let folder = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let candidates = [folder + "/maturity", folder + "/../maturity", root.path + "/.build/debug/maturity"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    let child: ChildProcess
    let port: Int

    init(arguments: [String]) async throws {
        let binary = try #require(Self.binary, "build the command line first: swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging([
            "MATURITY_CRITERIA": criteriaFolder, "MATURITY_LANG": "en",
        ]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let child = try ChildProcess(process)
        self.child = child
        // A server that has not said where it listens within a minute is stopped, which ends its output.
        let deadline = Task {
            try await Task.sleep(for: .seconds(60))
            child.terminate()
        }
        let listening = #"listening on http://127\.0\.0\.1:(\d+)"#
        let text = await ChildProcess.read(output) { $0.range(of: listening, options: .regularExpression) != nil }
        deadline.cancel()
        guard let range = text.range(of: listening, options: .regularExpression) else {
            child.terminate()
            throw ServeError(.key("the server did not start: \(text)"), hint: nil)
        }
        port = Int(text[range].split(separator: ":").last!)!
    }

    /// Kills the server (SIGKILL) and waits for it to end.
    func kill() async {
        child.kill()
        await child.waitUntilExit()
    }

    /// Asks the server to stop (SIGTERM) and waits for it to end.
    func stop() async {
        child.terminate()
        await child.waitUntilExit()
    }

    /// Runs `body`, then stops `servers` and waits for them to end, whether `body` returned or threw (a `defer`
    /// cannot wait).
    static func stopping(_ servers: ServerProcess..., after body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            for server in servers { await server.stop() }
            throw error
        }
        for server in servers { await server.stop() }
    }

    /// One request; nil when the connection failed (the server was killed).
    func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async
        -> (status: Int, body: Data, etag: String?)?
    {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 30
        for (key, value) in headers { request.setValue(value, forHTTPHeaderField: key) }
        guard let (data, response) = try? await URLSession.shared.data(for: request),
            let http = response as? HTTPURLResponse
        else { return nil }
        return (http.statusCode, data, http.value(forHTTPHeaderField: "ETag"))
    }
}

func jsonObject(_ data: Data) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
}

/// Killing the server (SIGKILL) in the middle of uploads and edits loses nothing it acknowledged and
/// leaves nothing half-written, on both databases.
@Suite(.serialized) struct KilledServerTests {
    /// Where each database keeps a server's data: a new folder, or a new PostgreSQL database.
    static func withLocation(_ database: TestDatabase, _ body: ([String]) async throws -> Void) async throws {
        let folder = NSTemporaryDirectory() + "maturity-killed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        switch database {
        case .sqlite:
            try await body(["--data", folder])
        case .postgres:
            guard let schema = try await PostgresSchemas.create() else { return }
            try await PostgresSchemas.drop(schema)
            let name = "maturity_kill_" + schema.dropFirst(2)
            try await PostgresSchemas.run("CREATE DATABASE \(name)")
            var url = URLComponents(string: TestDatabase.postgresURL)!
            url.path = "/" + name
            do {
                try await body(["--data", folder, "--database", url.string!])
            } catch {
                try? await PostgresSchemas.run("DROP DATABASE \(name) WITH (FORCE)")
                throw error
            }
            try await PostgresSchemas.run("DROP DATABASE \(name) WITH (FORCE)")
        }
    }

    @Test(.enabled(if: ServerProcess.binary != nil || TestDatabase.inCI), arguments: TestDatabase.allCases)
    func nothingAcknowledgedIsLostWhenTheServerIsKilled(_ database: TestDatabase) async throws {
        let zip = try ZipFolder.write(try exampleFolder("huadong-appliance"))
        try await Self.withLocation(database) { arguments in
            var server = try await ServerProcess(arguments: arguments)
            let first = try #require(await server.request("POST", "/api/v1/import", body: zip))
            #expect(first.status == 201)
            let assessment = try #require(jsonObject(first.body)["id"] as? String)
            var uploads: [String] = [assessment]
            let initial = try #require(await server.request("GET", "/api/v1/assessments/\(assessment)/criteria/SP-01"))
            var version = try #require(jsonObject(initial.body)["version"] as? Int)
            var claimed = try #require(jsonObject(initial.body)["claimed"] as? Int)
            let initialVersion = version
            for round in 0..<4 {
                let running = server
                let progress = Progress()
                let start = (claimed: claimed, version: version)
                let editor = Task { () -> (claimed: Int, version: Int) in
                    var acknowledged = start
                    while !Task.isCancelled {
                        let next = acknowledged.claimed % 5 + 1
                        let body = try JSONSerialization.data(withJSONObject: ["claimed": next])
                        guard
                            let answer = await running.request(
                                "PATCH", "/api/v1/assessments/\(assessment)/criteria/SP-01", body: body,
                                headers: [
                                    "If-Match": "\"\(acknowledged.version)\"", "Content-Type": "application/json",
                                ])
                        else { break }
                        guard answer.status == 200 else { break }
                        acknowledged = (next, jsonObject(answer.body)["version"] as? Int ?? -1)
                        await progress.edited()
                    }
                    return acknowledged
                }
                let uploaders = (0..<2).map { _ in
                    Task { () -> [String] in
                        var stored: [String] = []
                        while !Task.isCancelled {
                            guard let answer = await running.request("POST", "/api/v1/import", body: zip),
                                answer.status == 201, let id = jsonObject(answer.body)["id"] as? String
                            else { break }
                            stored.append(id)
                            await progress.uploaded()
                        }
                        return stored
                    }
                }
                // Kill once work has been acknowledged this round (however loaded the machine), at a
                // different moment each round, while more uploads and edits are under way.
                let deadline = Date().addingTimeInterval(120)
                while await !progress.enough, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
                try await Task.sleep(for: .milliseconds(100 + 150 * round))
                await server.kill()
                let edited = try await editor.value
                for uploader in uploaders { uploads += await uploader.value }
                server = try await ServerProcess(arguments: arguments)
                // The last acknowledged edit is there; an edit in flight when killed is there whole or not at all.
                let read = try #require(await server.request("GET", "/api/v1/assessments/\(assessment)/criteria/SP-01"))
                let entry = jsonObject(read.body)
                let storedVersion = try #require(entry["version"] as? Int)
                #expect(storedVersion == edited.version || storedVersion == edited.version + 1)
                if storedVersion == edited.version { #expect(entry["claimed"] as? Int == edited.claimed) }
                claimed = entry["claimed"] as? Int ?? claimed
                version = storedVersion
                // Every acknowledged upload exports whole.
                for id in uploads {
                    let export = try #require(await server.request("GET", "/api/v1/assessments/\(id)/export"))
                    #expect(export.status == 200, "upload \(id) was acknowledged and is lost")
                    if id != assessment {
                        let files = try ZipFolder.read(export.body, limits: .init(fileBytes: 64 << 20))
                        #expect(files.count == (try exampleFolder("huadong-appliance")).count)
                    }
                }
            }
            // The kills came in the middle of real work.
            #expect(version > initialVersion + 3, "too few edits were made to test anything")
            #expect(uploads.count > 1, "no upload was acknowledged during the kill rounds")
            // Nothing half-written: every stored assessment (acknowledged or not) is complete.
            let page = try #require(await server.request("GET", "/api/v1/organisations"))
            let organisations = jsonObject(page.body)
            let organisationId = try #require(
                (organisations["organisations"] as? [[String: Any]])?.first?["id"] as? String)
            let list = try #require(await server.request("GET", "/api/v1/organisations/\(organisationId)/assessments"))
            let listed = jsonObject(list.body)
            for row in (listed["assessments"] as? [[String: Any]]) ?? [] {
                let id = try #require(row["id"] as? String)
                let answer = try #require(await server.request("GET", "/api/v1/assessments/\(id)"))
                let full = jsonObject(answer.body)
                #expect((full["criteria"] as? [Any])?.count == (try exampleCriteriaCount("huadong-appliance")))
                #expect((full["files"] as? [Any])?.count == (try exampleFolder("huadong-appliance")).count - 1)
            }
            await server.stop()
            // The audit trail holds together across the kills: records staged by a change whose commit a kill
            // followed before they were chained (PostgreSQL) are chained by a later seal, each after the last.
            let verify = try await ChildProcess.run(
                try #require(ServerProcess.binary), ["audit-log", "verify"] + arguments,
                environment: ProcessInfo.processInfo.environment.merging(["MATURITY_LANG": "en"]) { $1 },
                mergingErrors: true)
            let text = String(decoding: verify.stdout, as: UTF8.self)
            #expect(verify.status == 0, "\(text)")
            #expect(text.hasPrefix("audit trail intact: "), "\(text)")
        }
    }
}

/// What a kill round has had acknowledged so far.
actor Progress {
    private var edits = 0
    private var uploads = 0

    func edited() { edits += 1 }

    func uploaded() { uploads += 1 }

    var enough: Bool { edits >= 2 && uploads >= 1 }
}
