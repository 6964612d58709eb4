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

    /// Runs `body`, which makes one query, on a connection that sees the last committed state, without a
    /// transaction around it: one statement sees one committed state anyway, and what a page asks on every
    /// request (a revision, a version) then costs one round trip instead of three.
    func readOne<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body`, which makes one statement that writes, committed with it: on PostgreSQL in the statement's own
    /// transaction (one round trip instead of three), elsewhere in a transaction.
    func writeOne<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Starts telling `cache` of every change to the register that any process commits, for as long as the
    /// database can (see ``RegisterCache``); a database that cannot leaves the cache keeping nothing.
    func announceRegisterChanges(to cache: RegisterCache)

    /// Seals what transactions staged for the audit trail and left to be sealed after their commit (see
    /// ``AuditTrail``), before the trail is read; nothing to do for a database that seals inside them.
    func sealStagedAuditRecords() async throws

    /// Closes every connection; the database is not used afterwards.
    func close() async throws
}

extension StoreDatabase {
    public func sealStagedAuditRecords() async throws {}

    public func readOne<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await read(body)
    }

    public func writeOne<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await transaction(body)
    }
}
