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
public protocol StoreDatabase: AnyObject, Sendable {
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
    /// When the write is of one row of an assessment, applied only if the assessment's revision is raised from the
    /// one expected: what it is made of, from which such writes are made fewer statements (see ``run``).
    let part: Part?

    /// A write of one row of an assessment with the raising of its revision.
    struct Part: Sendable {
        let assessment: String
        /// The revision the write expects, raised by one.
        let revision: Int
        /// The assessment's time of change it sets.
        let updatedAt: String
        /// The row: its table, the column of its key in the assessment, and the key.
        let table: String
        let key: String
        let row: String
        /// The values the write sets, its version raised too when `versioned`.
        let values: AssessmentRepository.Values
        let versioned: Bool

        /// `UPDATE <table> SET … WHERE …`, to which the condition that the revision was raised is added.
        var update: SQLQueryString {
            AssessmentRepository.updateStatement(table, key: key, id: assessment, rowKey: row, values, versioned)
        }

        /// Raises the revision by `count` (this write's and those of the assessment after it in the statements),
        /// returning a row if it was the one expected and the row is there.
        func raise(by count: Int, updatedAt: String) -> SQLQueryString {
            """
            UPDATE assessments SET updated_at = \(bind: updatedAt), revision = revision + \(literal: count) \
            WHERE id = \(bind: assessment) AND revision = \(bind: revision) AND EXISTS (SELECT 1 FROM \
            \(ident: table) WHERE assessment_id = \(bind: assessment) AND \(ident: key) = \(bind: row)) RETURNING revision
            """
        }
    }

    public init(_ statement: SQLQueryString, by actor: AuditActor) {
        self.statement = statement
        self.actor = actor
        part = nil
    }

    /// The write of one row of an assessment (`part.update`), made only if its revision is raised from the one
    /// expected.
    init(_ part: Part, by actor: AuditActor) {
        statement =
            "WITH raised AS (" + part.raise(by: 1, updatedAt: part.updatedAt) + ") " + part.update
            + " AND EXISTS (SELECT 1 FROM raised) RETURNING 1 AS written"
        self.actor = actor
        self.part = part
    }

    /// The raising of an assessment's revision by a transaction's writes: from the `revision` the first expects, by
    /// `count`, to the last one's time.
    struct Raise {
        let revision: Int
        let count: Int
        let updatedAt: String
    }

    /// A statement of the writes returned no row: they are rolled back.
    struct NotWritten: Error {}

    /// Runs `writes` in `sql`'s transaction, `before` each statement (with its first write: all of a statement's
    /// writes are of one actor); throws ``NotWritten`` at the first that returns no row.
    ///
    /// On PostgreSQL, when every write is of one row of an assessment (``Part``) and each assessment's writes expect
    /// the revisions one after another from the first's (as the writes of one run of turns do; otherwise each write is
    /// sent alone, checking its own), they are sent as few statements (see ``steps(_:byRow:)``), in runs of writes by
    /// one actor: each assessment's revision raised once, in the first statement that writes it, by as many writes as
    /// it has among them; its writes after that made as they are, under the row lock it took. Each statement is
    /// ``batched(_:raising:)`` — one text whatever the number of its writes, prepared once — holding the first write of
    /// each row, the next statement the second, and so on; for values JSON cannot carry, ``combined(_:raising:)``,
    /// one write of each assessment a statement. Sending 18 writes one at a time took 20 round trips, one after
    /// another, in the transaction every edit of the process waited for, and changed each assessment's row (checking
    /// its foreign keys again) once a write.
    static func run(
        _ writes: [OrderedWrite], in sql: any SQLDatabase, before: (OrderedWrite) async throws -> Void
    ) async throws {
        let parts = writes.compactMap(\.part)
        guard sql.dialect.name == "postgresql", writes.count > 1, parts.count == writes.count, consecutive(parts)
        else {
            for write in writes {
                try await before(write)
                guard try await sql.raw(write.statement).first() != nil else { throw NotWritten() }
            }
            return
        }
        // Each assessment's revision as its first write expects it, raised by all its writes, to its last one's time.
        var raises: [String: Raise] = [:]
        for part in parts {
            let count = (raises[part.assessment]?.count ?? 0) + 1
            raises[part.assessment] = Raise(
                revision: raises[part.assessment]?.revision ?? part.revision, count: count, updatedAt: part.updatedAt)
        }
        // Batched, an assessment's writes of different rows go in one statement; otherwise one write of each
        // assessment a statement (``combined(_:raising:)`` raises a revision once for each of its writes).
        let batching = batchable(parts)
        var raised: Set<String> = []
        for step in steps(writes, byRow: batching) {
            try await before(step[0])
            // Each assessment's revision is raised in the first statement that writes it.
            var raising: [String: Raise] = [:]
            for write in step {
                guard let assessment = write.part?.assessment, !raised.contains(assessment) else { continue }
                raising[assessment] = raises[assessment]
            }
            raised.formUnion(raising.keys)
            let statement = batching ? batched(step, raising: raising) : combined(step, raising: raising)
            guard try await sql.raw(statement).first() != nil else { throw NotWritten() }
        }
    }

    /// Whether each assessment's writes among `parts` expect the revisions one after another, from the first's: only
    /// then may the first raise the revision for all of them, the others made unchecked after it.
    static func consecutive(_ parts: [Part]) -> Bool {
        var next: [String: Int] = [:]
        for part in parts {
            if let expected = next[part.assessment], expected != part.revision { return false }
            next[part.assessment] = part.revision + 1
        }
        return true
    }

    /// The statements of writes each of one row of an assessment, in runs of writes by one actor (each stamped as
    /// its own): the first write of each assessment, then the second of each, and so on — or, `byRow`, the first
    /// write of each row, then the second of each, and so on (an assessment's writes of different rows together).
    /// No row is written twice in one statement, and each row's writes are made in their order.
    static func steps(_ writes: [OrderedWrite], byRow: Bool) -> [[OrderedWrite]] {
        var layers: [[OrderedWrite]] = []
        var counts: [String: Int] = [:]
        for write in writes {
            guard let part = write.part else { preconditionFailure("a write without its parts") }
            // The row by its assessment, table and key. (Keys Swift calls equal and the database tells apart only
            // split writes that could have gone together.)
            let key = byRow ? part.assessment + "\u{0}" + part.table + "\u{0}" + part.row : part.assessment
            let layer = counts[key, default: 0]
            counts[key] = layer + 1
            while layer >= layers.count { layers.append([]) }
            layers[layer].append(write)
        }
        var steps: [[OrderedWrite]] = []
        for layer in layers {
            var runs: [[OrderedWrite]] = []
            for write in layer {
                if let last = runs.last, last[0].actor == write.actor {
                    runs[runs.count - 1].append(write)
                } else {
                    runs.append([write])
                }
            }
            steps += runs
        }
        return steps
    }

    /// Writes of one row each, of different assessments, as one statement that returns a row when every one of them
    /// was made. Those of an assessment in `raises` are made only if its revision is raised by the count given from
    /// the one they expect (with the time given); the others follow a raising made earlier in the transaction. The
    /// statement's parts all see the same snapshot, and no row is changed twice.
    static func combined(_ writes: [OrderedWrite], raising raises: [String: Raise])
        -> SQLQueryString
    {
        // Not prepared (a comment first): its text changes with the writes, and prepared names are kept for good.
        var query: SQLQueryString = "/* writes of several assessments */ WITH "
        var counts: [String] = []
        for (index, write) in writes.enumerated() {
            guard let part = write.part else { preconditionFailure("a write combined without its parts") }
            if index > 0 { query += ", " }
            let written = "w\(index)"
            if let raise = raises[part.assessment] {
                let raised = "r\(index)"
                query += "\(unsafeRaw: raised) AS (" + part.raise(by: raise.count, updatedAt: raise.updatedAt) + "), "
                query += "\(unsafeRaw: written) AS (" + part.update
                query += " AND EXISTS (SELECT 1 FROM \(unsafeRaw: raised)) RETURNING 1)"
            } else {
                query += "\(unsafeRaw: written) AS (" + part.update + " RETURNING 1)"
            }
            counts.append("(SELECT count(*) FROM \(written))")
        }
        query += " SELECT 1 AS written WHERE \(unsafeRaw: counts.joined(separator: " + ")) = \(literal: writes.count)"
        return query
    }
}
