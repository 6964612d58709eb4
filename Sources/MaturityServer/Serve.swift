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

/// A refusal to start, in words for the person who typed the command, in their language.
public struct ServeError: Error, CustomStringConvertible {
    public var message: Diagnostic.Message
    public var hint: Diagnostic.Message?
    /// The language `description` is in; the command line sets the user's.
    public var language = Language.en

    public init(_ message: Diagnostic.Message, hint: Diagnostic.Message?) {
        self.message = message
        self.hint = hint
    }

    public var description: String {
        message.text(in: language)
            + (hint.map { "\n  " + Diagnostic.Severity.hintLabel(in: language) + $0.text(in: language) } ?? "")
    }
}

/// `maturity serve` and `maturity serve backup`, for the command line to call.
public enum Serve {
    /// Opens the store, serves until SIGTERM or SIGINT, then finishes the requests in flight and closes
    /// the database. `say` prints the lines a person starting the server needs (where data is, the URL), in
    /// the language the caller chooses.
    public static func run(_ options: ServeOptions, say: @escaping @Sendable (Diagnostic.Message) -> Void)
        async throws
    {
        var logger = Logger(label: "maturity.serve") { ServerLogHandler(label: $0) }
        logger.logLevel = .notice
        if let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) {
            logger.logLevel = level
        }
        if let url = options.databaseURL {
            say(.usingPostgreSQL(Store.redacted(url)))
        } else {
            let existed = FileManager.default.fileExists(atPath: options.store.sqlitePath)
            say(.dataFolder(options.dataDirectory, created: !existed))
        }
        let store: Store
        do {
            store = try await Store.open(options.store, logger: logger)
        } catch let error as StoreError {
            throw ServeError(error.message, hint: nil)
        }
        if !ServerConfiguration.isLoopback(options.host), try await store.users.count() == 0 {
            try? await store.close()
            throw ServeError(.refusingToListen(options.host), hint: .createFirstAdministrator)
        }
        var configuration = ServerConfiguration(
            host: options.host, port: options.port, criteriaFolders: options.criteriaFolders)
        configuration.verificationsPerMinute = options.verificationsPerMinute
        configuration.behindProxy = options.behindProxy
        let app = buildApplication(configuration: configuration, store: store, logger: logger) { port in
            say(.listening(host: options.host, port: port))
        }
        try await app.runService()
    }

    /// A consistent backup of a SQLite store (running or not) as a zip, and the paths of the files it was
    /// made from (the database with its journal files, and every stored file), which the command line's
    /// writer refuses to replace with it.
    public static func backup(_ options: ServeOptions) async throws -> (zip: Data, count: Int, sources: [String]) {
        let files: [String: Data]
        do {
            files = try await Backup.sqliteFiles(options.store)
        } catch let problem as Backup.Problem {
            throw ServeError(problem.message, hint: nil)
        }
        let store = options.store
        let sources =
            files.keys.sorted().map { PathText.join(store.dataDirectory, $0) }
            + [store.sqlitePath + "-wal", store.sqlitePath + "-shm"]
        return (try ZipFolder.write(files), files.count, sources)
    }
}
