import SQLKit

/// Which database engine a store runs on; SQL that differs between them asks this.
public enum DatabaseKind: String, Sendable {
    case sqlite
    case postgres
}

/// A connection to the store's database: reads, and transactions that commit whole or not at all.
///
/// Every query goes through SQLKit with bound parameters; the two implementations differ only in how
/// they hand out connections (SQLite: one writer and a few readers in one process; PostgreSQL: a pool
/// shared by any number of server processes).
public protocol StoreDatabase: Sendable {
    var kind: DatabaseKind { get }

    /// Runs `body` on a connection that sees the last committed state.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body`, which reads with ONE statement, outside an explicit transaction — a statement sees one
    /// snapshot on its own — so that PostgreSQL answers in one round trip instead of four (BEGIN, SET
    /// TRANSACTION, the query, COMMIT). A body of several statements that must agree uses `read`.
    func readStatement<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Closes every connection; the database is not used afterwards.
    func close() async throws
}
