import Foundation
import Hummingbird
import Logging
import MaturityCore
import MaturityStore

/// What `maturity serve` was asked for.
public struct ServeOptions: Sendable {
    public var dataDirectory: String
    public var databaseURL: String?
    public var host: String
    public var port: Int
    public var criteriaFolders: [String]
    public var maximumFileBytes: Int
    /// Public certificate verifications a client may make a minute.
    public var verificationsPerMinute = 120
    /// Behind a TLS-terminating proxy: Secure cookies, client addresses from X-Forwarded-For.
    public var behindProxy = false

    public init(
        dataDirectory: String, databaseURL: String?, host: String, port: Int, criteriaFolders: [String],
        maximumFileBytes: Int = 64 << 20
    ) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.host = host
        self.port = port
        self.criteriaFolders = criteriaFolders
        self.maximumFileBytes = maximumFileBytes
    }

    var store: StoreConfiguration {
        StoreConfiguration(dataDirectory: dataDirectory, databaseURL: databaseURL, maximumFileBytes: maximumFileBytes)
    }
}

/// A refusal to start, in words for the person who typed the command.
public struct ServeError: Error, CustomStringConvertible {
    public var message: String
    public var hint: String?

    public init(description: String, hint: String?) {
        message = description
        self.hint = hint
    }

    public var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }
}

/// `maturity serve` and `maturity serve backup`, for the command line to call.
public enum Serve {
    /// Opens the store, serves until SIGTERM or SIGINT, then finishes the requests in flight and closes
    /// the database. `say` prints the lines a person starting the server needs (where data is, the URL).
    public static func run(_ options: ServeOptions, say: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "maturity.serve")
        logger.logLevel = .notice
        if let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) {
            logger.logLevel = level
        }
        if let url = options.databaseURL {
            say("database: PostgreSQL \(redacted(url))")
        } else {
            let existed = FileManager.default.fileExists(atPath: options.store.sqlitePath)
            say(
                (existed ? "data: " : "data: created ") + options.dataDirectory
                    + " (SQLite database maturity.sqlite, evidence files in blobs/)")
        }
        let store: Store
        do {
            store = try await Store.open(options.store, logger: logger)
        } catch let error as StoreError {
            throw ServeError(description: error.description, hint: nil)
        }
        if !ServerConfiguration.isLoopback(options.host), try await store.users.count() == 0 {
            try? await store.close()
            throw ServeError(
                description: "refusing to listen on '\(options.host)': no user account exists, and without accounts "
                    + "the server answers anyone who can reach it, so it listens on this machine only",
                hint: "create the first administrator with 'maturity users add NAME --role cb-admin' (same --data or "
                    + "--database), or use --host 127.0.0.1 (the default)")
        }
        var configuration = ServerConfiguration(
            host: options.host, port: options.port, criteriaFolders: options.criteriaFolders)
        configuration.verificationsPerMinute = options.verificationsPerMinute
        configuration.behindProxy = options.behindProxy
        let app = buildApplication(configuration: configuration, store: store, logger: logger) { port in
            say("listening on http://\(options.host):\(port) (API under /api/v1, stop with Ctrl-C)")
        }
        try await app.runService()
    }

    /// `postgres://user:secret@host/db` → `postgres://user@host/db`, for printing.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.password = nil
        return components.string ?? url
    }

    /// A consistent backup of a SQLite store (running or not) as a zip, and the paths of the files it was
    /// made from (the database with its journal files, and every stored file), which the command line's
    /// writer refuses to replace with it.
    public static func backup(_ options: ServeOptions) async throws -> (zip: Data, count: Int, sources: [String]) {
        let files: [String: Data]
        do {
            files = try await Backup.sqliteFiles(options.store)
        } catch let problem as Backup.Problem {
            throw ServeError(description: problem.description, hint: nil)
        }
        let store = options.store
        let sources =
            files.keys.sorted().map { PathText.join(store.dataDirectory, $0) }
            + [store.sqlitePath + "-wal", store.sqlitePath + "-shm"]
        return (try ZipFolder.write(files), files.count, sources)
    }
}
