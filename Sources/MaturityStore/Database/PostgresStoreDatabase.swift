import Foundation
import Logging
import MaturityCore
import PostgresKit
import SQLKit
import Synchronization

/// A PostgreSQL database shared by any number of server processes, through one connection pool per process.
public final class PostgresStoreDatabase: StoreDatabase {
    public let kind = DatabaseKind.postgres
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let logger: Logger
    /// How a connection of its own is opened, for listening to the register's changes.
    private let connection: PostgresConnection.Configuration
    /// The listening to the register's changes, once started, and its connection while open.
    private let listening = Mutex<(task: Task<Void, Never>?, connection: PostgresConnection?, closed: Bool)>(
        (nil, nil, false))

    private init(client: PostgresClient, connection: PostgresConnection.Configuration, logger: Logger) {
        self.client = client
        self.connection = connection
        self.logger = logger
        running = Task { await client.run() }
    }

    /// Connects to the database a `postgres://user:password@host:port/database` URL names; `schema` sets
    /// the search path (tests give each run a schema of its own).
    public static func open(url: String, schema: String? = nil, connections: Int = 8, logger: Logger) throws
        -> PostgresStoreDatabase
    {
        // Another scheme (mysql://…) or a malformed URL: say what is expected rather than NSURLErrorDomain -1000.
        guard let configuration = try? SQLPostgresConfiguration(url: url) else {
            throw StoreError.invalidDatabaseURL(url)
        }
        let core = configuration.coreConfiguration
        var client: PostgresClient.Configuration
        if let host = core.host, let port = core.port {
            client = PostgresClient.Configuration(
                host: host, port: port, username: core.username, password: core.password, database: core.database,
                tls: .disable)
        } else if let socket = core.unixSocketPath {
            client = PostgresClient.Configuration(
                unixSocketPath: socket, username: core.username, password: core.password, database: core.database)
        } else {
            throw StoreError.invalidDatabaseURL(url)
        }
        client.options.maximumConnections = connections
        if let schema { client.options.additionalStartupParameters = [("search_path", schema)] }
        var listener = core
        listener.tls = .disable
        if let schema { listener.options.additionalStartupParameters = [("search_path", schema)] }
        return PostgresStoreDatabase(
            client: PostgresClient(configuration: client), connection: listener, logger: logger)
    }

    /// Connects once, on a connection of its own, and closes it: a store that cannot reach its database says why
    /// at once (the pool would try again for ever, every statement waiting for a connection — a wrong password
    /// left `maturity serve` silent). `url` is how to name the database in the refusal.
    func checkReachable(url: String) async throws {
        let opened: PostgresConnection
        do {
            opened = try await PostgresConnection.connect(configuration: connection, id: 0, logger: logger)
        } catch {
            throw StoreError.databaseUnreachable(url: url, reason: Self.reason(error))
        }
        try? await opened.close()
    }

    /// Whether `error` is PostgreSQL's ending a deadlock by rolling back the transaction that got it.
    static func isDeadlock(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "40P01"
    }

    /// What the server said (a wrong password, a database that does not exist), or why there was no server to say
    /// it (connection refused, no such host), in the driver's words.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return String(describing: underlying) }
        return String(describing: error.code)
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await unwrapped {
            try await client.withTransaction(logger: logger) { connection in
                let sql = PostgresConnectionSQL(connection: connection, logger: logger)
                // Every query of `body` sees the same snapshot, and the read cannot write.
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
                return try await body(sql)
            }
        }
    }

    public func readOne<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(PostgresConnectionSQL(connection: connection, logger: logger))
        }
    }

    public func writeOne<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(PostgresConnectionSQL(connection: connection, logger: logger))
        }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await transaction(first: { _ in }, body)
    }

    /// Runs `body` on a connection of the pool with its jobs on the connection's event loop: for work that only
    /// sends statements and waits for their answers, each answer then resuming it at once rather than after the
    /// jobs of every request (work that computes would hold up the loop's other connections).
    func onLoop<T: Sendable>(_ body: @Sendable (PostgresConnectionSQL) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await withTaskExecutorPreference(EventLoopExecutor(connection.eventLoop)) {
                try await body(PostgresConnectionSQL(connection: connection, logger: logger))
            }
        }
    }

    /// ``transaction(_:)``, with `first` run on the same connection before the transaction begins (its own
    /// statements each committed at once).
    func transaction<T: Sendable>(
        first: @Sendable (any SQLDatabase) async throws -> Void, _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await client.withConnection { connection in
            try await first(PostgresConnectionSQL(connection: connection, logger: logger))
            return try await unwrapped {
                try await connection.withTransaction(logger: logger) { connection in
                    try await body(PostgresConnectionSQL(connection: connection, logger: logger))
                }
            }
        }
    }

    /// The error the caller's closure threw, rather than the driver's wrapper around it (the rollback
    /// having succeeded); a failed rollback or commit stays the driver's error.
    func unwrapped<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError, error.rollbackError == nil { throw inner }
            throw error
        }
    }

    /// Listens to ``RegisterCache/channel`` on a connection of its own, telling `cache` of every notice; the
    /// cache keeps answers only from the moment the listening is confirmed until its connection fails, and a
    /// failed connection is opened again (after 1 s, then twice as long each time it fails, up to 30 s). Later
    /// calls do nothing.
    public func announceRegisterChanges(to cache: RegisterCache) {
        listening.withLock { state in
            guard state.task == nil, !state.closed else { return }
            state.task = Task { await self.listen(to: cache) }
        }
    }

    private func listen(to cache: RegisterCache) async {
        var wait = 1
        while !Task.isCancelled {
            do {
                let opened = try await PostgresConnection.connect(configuration: connection, id: 0, logger: logger)
                let closed = listening.withLock { state in
                    if !state.closed { state.connection = opened }
                    return state.closed
                }
                if closed {
                    try? await opened.close()
                    return
                }
                // Notices name the schema of the table that changed (the triggers' TG_TABLE_SCHEMA); those of
                // other schemas are someone else's.
                let schema =
                    try await opened.query(
                        """
                        SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.oid = 'certificates'::regclass
                        """, logger: logger
                    ).collect().first?.decode(String.self) ?? "public"
                try await opened.listen(on: RegisterCache.channel) { notices in
                    try await Self.follow(notices, on: opened, schema: schema, cache: cache, logger: logger)
                }
            } catch {
                // Said once a failure, not at each retry; after a time of listening the retries start again at 1 s.
                if cache.isListening { wait = 1 }
                if !Task.isCancelled, wait == 1 {
                    logger.warning("\(Diagnostic.Message.registerNotListening(error: "\(error)").en)")
                }
            }
            cache.listening(false)
            let opened = listening.withLock { state in
                defer { state.connection = nil }
                return state.connection
            }
            try? await opened?.close()
            try? await Task.sleep(for: .seconds(wait))
            wait = min(wait * 2, 30)
        }
    }

    /// The heartbeats heard back and not yet looked for.
    private final class Heard: Sendable {
        let beats = Mutex<Set<String>>([])
    }

    /// Notices that stopped: a heartbeat not back within 5 s, or the connection's notices ended.
    struct HeartbeatLost: Error, CustomStringConvertible {
        var description: String { "the database's notices stopped (a heartbeat not back within 5 s)" }
    }

    /// Tells `cache` of every notice of `schema`, and proves every ten seconds that notices still arrive: a
    /// notice sent on the connection must come back on it within five seconds (a connection that died without a
    /// word — a dropped route, a paused machine — would otherwise leave the cache trusting silence). The cache
    /// keeps answers only from the first heartbeat back; a lost one ends the listening (the caller reconnects).
    private static func follow(
        _ notices: PostgresNotificationSequence, on connection: PostgresConnection, schema: String,
        cache: RegisterCache, logger: Logger
    ) async throws {
        let heard = Heard()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await notice in notices {
                    let payload = notice.payload
                    if payload.hasPrefix("~") {
                        heard.beats.withLock { _ = $0.insert(payload) }
                    } else if payload == schema {
                        cache.changed()
                    } else if payload == schema + "\nboards" {
                        cache.changedBoards()
                    } else if payload.hasPrefix(schema + " ") {
                        cache.changed(String(payload.dropFirst(schema.count + 1)))
                    }
                }
                throw HeartbeatLost()
            }
            group.addTask {
                var first = true
                while true {
                    let beat = "~" + UUID().uuidString
                    _ = try await connection.query(
                        "SELECT pg_notify(\(RegisterCache.channel), \(beat))", logger: logger
                    ).collect()
                    var back = false
                    for _ in 0..<100 where !back {
                        back = heard.beats.withLock { $0.remove(beat) != nil }
                        if !back { try await Task.sleep(for: .milliseconds(50)) }
                    }
                    guard back else { throw HeartbeatLost() }
                    if first {
                        first = false
                        cache.listening(true)
                    }
                    try await Task.sleep(for: .seconds(10))
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    public func close() async throws {
        let (task, opened) = listening.withLock { state in
            state.closed = true
            return (state.task, state.connection)
        }
        task?.cancel()
        try? await opened?.close()
        await task?.value
        running.cancel()
        await running.value
    }
}
