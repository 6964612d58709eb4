import Foundation
import Logging
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// The embedded database: one file in the data folder, written by one connection at a time (SQLite
/// allows one writer; transactions that queue for it are committed together, see ``GroupCommit``), read by a
/// few connections at once (write-ahead log: readers see the last commit).
public final class SQLiteStoreDatabase: StoreDatabase {
    public let kind = DatabaseKind.sqlite
    /// The database file.
    public let path: String
    private let writer: GroupCommit
    private let readers: ConnectionPool<SQLiteHandle>
    private let readerCount: Int
    /// The register's cache and the WAL index it watches, once ``announceRegisterChanges(to:)`` started.
    private let watching = Mutex<(watched: (cache: RegisterCache, stamp: SQLiteWALStamp)?, closing: Bool)>((nil, false))

    private init(path: String, writer: SQLiteHandle, readers: [SQLiteHandle]) {
        self.path = path
        self.writer = GroupCommit(writer)
        self.readers = ConnectionPool(readers)
        self.readerCount = readers.count
    }

    /// Opens (creating when absent) the database file at `path`.
    public static func open(path: String, readers: Int = 4, logger: Logger) async throws -> SQLiteStoreDatabase {
        let writer = try await connect(path, logger: logger)
        // The journal mode is a property of the file; set it once from the writer before readers open.
        try await writer.store(offloading: true).raw("PRAGMA journal_mode = WAL").run()
        var pool: [SQLiteHandle] = []
        for _ in 0..<max(1, readers) { pool.append(try await connect(path, logger: logger)) }
        return SQLiteStoreDatabase(path: path, writer: writer, readers: pool)
    }

    private static func connect(_ path: String, logger: Logger) async throws -> SQLiteHandle {
        let connection = try await NIOThreadPool.singleton.runIfActive {
            try SQLiteHandle(path: path, eventLoop: MultiThreadedEventLoopGroup.singleton.any())
        }
        let sql = connection.store(offloading: true)
        // FULL: a commit is on disk before it is acknowledged, so neither a killed process nor a lost
        // machine loses an answered edit. busy_timeout: a backup in another process waits, not fails.
        for pragma in ["PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"] {
            try await sql.raw(SQLQueryString(pragma)).run()
        }
        return connection
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers.with { connection in
            let sql = connection.store(offloading: false)
            // One read transaction: every query of `body` sees the same snapshot.
            try await sql.raw("BEGIN").run()
            do {
                let value = try await body(sql)
                try await sql.raw("COMMIT").run()
                return value
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func readOne<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers.with { connection in try await body(connection.store(offloading: false)) }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(ThreadExecutor.sqliteWriter) { try await writer.transaction(body) }
    }

    /// Runs `body` on the writer outside a transaction (for statements that may not run in one, like
    /// `VACUUM INTO`).
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writer.exclusive { connection in try await body(connection.store(offloading: true)) }
    }

    /// SQLite sends no notice of a change, but every connection to the file shares its write-ahead log's index:
    /// the cache asks it at every use whether anyone committed since (see ``SQLiteWALStamp``), and lets
    /// everything go when so. Without an index to read, nothing is kept.
    public func announceRegisterChanges(to cache: RegisterCache) {
        watching.withLock { watching in
            guard watching.watched == nil, !watching.closing else { return }
            let stamp = SQLiteWALStamp(databasePath: path)
            watching.watched = (cache, stamp)
            if stamp.usable { cache.watch { stamp.changed() } }
        }
    }

    public func close() async throws {
        // The cache stops asking before the index is unmapped; the index's descriptor is closed only after the
        // connections are (closing it drops SQLite's locks on the index, see SQLiteWALStamp).
        let watched = watching.withLock { watching in
            watching.closing = true
            return watching.watched
        }
        if let (cache, stamp) = watched {
            cache.stopWatching()
            stamp.unmap()
        }
        defer { watched?.stamp.release() }
        for connection in await readers.drain(count: readerCount) { connection.close() }
        try await writer.exclusive { connection in connection.close() }
    }
}
