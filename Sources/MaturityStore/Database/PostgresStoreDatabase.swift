import Foundation
import Logging
import PostgresKit
import SQLKit

/// A PostgreSQL database shared by any number of server processes, through one connection pool per process.
public final class PostgresStoreDatabase: StoreDatabase {
    public let kind = DatabaseKind.postgres
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let logger: Logger

    private init(client: PostgresClient, logger: Logger) {
        self.client = client
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
        return PostgresStoreDatabase(client: PostgresClient(configuration: client), logger: logger)
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

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await unwrapped {
            try await client.withTransaction(logger: logger) { connection in
                try await body(PostgresConnectionSQL(connection: connection, logger: logger))
            }
        }
    }

    /// The error the caller's closure threw, rather than the driver's wrapper around it (the rollback
    /// having succeeded); a failed rollback or commit stays the driver's error.
    private func unwrapped<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError, error.rollbackError == nil { throw inner }
            throw error
        }
    }

    public func close() async throws {
        running.cancel()
        await running.value
    }
}
