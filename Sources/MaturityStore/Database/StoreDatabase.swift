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

    /// Runs `writes`, each one statement that returns a row when it writes, in this order in one transaction,
    /// committed only if every statement returned a row; false, with nothing written, if one returned none (what
    /// it would change was not there, or had changed). ``AuditedDatabase`` records each write's rows as made by
    /// its own actor.
    func writeInOrder(_ writes: [OrderedWrite]) async throws -> Bool

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

    /// In one ``transaction(_:)`` (a database without the audit trail: nothing to tell it of who makes each).
    public func writeInOrder(_ writes: [OrderedWrite]) async throws -> Bool {
        do {
            try await transaction { sql in try await OrderedWrite.run(writes, in: sql, before: { _ in }) }
            return true
        } catch is OrderedWrite.NotWritten {
            return false
        }
    }
}

/// One statement of ``StoreDatabase/writeInOrder(_:)``, with who makes it.
public struct OrderedWrite: Sendable {
    public let statement: SQLQueryString
    public let actor: AuditActor

    public init(_ statement: SQLQueryString, by actor: AuditActor) {
        self.statement = statement
        self.actor = actor
    }

    /// A statement of the writes returned no row: they are rolled back.
    struct NotWritten: Error {}

    /// Runs `writes` in `sql`'s transaction, `before` each; throws ``NotWritten`` at the first that returns no row.
    static func run(
        _ writes: [OrderedWrite], in sql: any SQLDatabase, before: (OrderedWrite) async throws -> Void
    ) async throws {
        for write in writes {
            try await before(write)
            guard try await sql.raw(write.statement).first() != nil else { throw NotWritten() }
        }
    }
}
