import Crypto
import Foundation
import Logging
import MaturityCore
import SQLKit
import Synchronization

/// Who is changing the store: a person (through a session or an API token), the command line, or the server.
public struct AuditActor: Sendable, Equatable {
    /// A user name, or `system`.
    public var name: String
    /// How: `session 1a2b3c4d` (the first characters of the session's hash), `token ID`, `command line`, `server`.
    public var via: String

    public init(name: String, via: String) {
        self.name = name
        self.via = via
    }

    public static let system = AuditActor(name: "system", via: "server")
}

/// The actor every change in the current task is recorded under.
public enum AuditContext {
    @TaskLocal public static var actor: AuditActor = .system
}

/// One record of the audit trail.
public struct AuditEntry: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case seq, at, actor, via, action
        case objectKind = "object_kind"
        case objectId = "object_id"
        case oldValue = "old"
        case newValue = "new"
        case prevHash = "prev_hash"
        case hash
    }

    public var seq: Int
    public var at: String
    public var actor: String
    public var via: String
    /// `insert`, `update`, `delete`, or an event: `login`, `login-failed`, `logout`, `export`.
    public var action: String
    /// The table changed (`criterion_entries`), or what an event is about (`user`, `assessment`).
    public var objectKind: String
    /// The row's key (`ASSESSMENT/CRITERION` for a composite one).
    public var objectId: String
    /// The changed columns before (JSON), nil for an insert.
    public var oldValue: String?
    /// The changed columns after (JSON), nil for a delete.
    public var newValue: String?
    public var prevHash: String
    public var hash: String

    /// SHA-256 (hex) of the record's content and the previous record's hash.
    public var computedHash: String {
        let fields: [String?] = [
            String(seq), at, actor, via, action, objectKind, objectId, oldValue, newValue, prevHash,
        ]
        return SignOff.sha256(Self.hashed(fields))
    }

    /// The fields as `JSONEncoder` writes an array of optional strings — the bytes every record's hash has been
    /// taken of — written directly (the encoder was a tenth of sealing an edit): `"`, `\` and `/` escaped with a
    /// backslash, the control characters with their short escape or `\u00xx`, everything else as it is.
    static func hashed(_ fields: [String?]) -> Data {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(fields.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard let field else {
                out.append(contentsOf: "null".utf8)
                continue
            }
            out.append(UInt8(ascii: "\""))
            for byte in field.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(contentsOf: [0x5C, byte])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x00..<0x20:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(contentsOf: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "]"))
        return Data(out)
    }
}

/// The append-only, hash-chained audit trail.
///
/// Triggers on every table (but the session, file-content and audit tables themselves) stage each inserted,
/// updated or deleted row in `audit_pending`, in the transaction that changes it, attributed to
/// ``AuditContext/actor``: a change and its staged record are committed together or not at all. The staged rows
/// then become records of `audit_log`, each carrying the SHA-256 of the one before — on SQLite before the
/// transaction commits; on PostgreSQL just after, by a sealer that chains what every transaction committed
/// meanwhile in one go (there, sealing in the transaction held the chain's lock until its commit, so that every
/// writer of every process waited for each other's commit). Reading the trail (`records`, `verify`) seals
/// what is staged first, and `verify` finds any record edited, removed or reordered afterwards.
public struct AuditTrail: Sendable {
    let database: any StoreDatabase

    /// The hash the first record follows.
    public static let genesis = String(repeating: "0", count: 64)

    /// Tables whose rows are not recorded: sessions (every request touches them; sign-ins are recorded as
    /// events), stored file contents (named by their digest), the name index (derived from names, which are
    /// recorded), the audit tables and the migrations table.
    static let exempt: Set<String> = [
        "sessions", "blobs", "organisation_grams", "audit_pending", "audit_log", "schema_migrations",
    ]

    /// Columns whose values never enter the trail; a change to one is recorded as `(hidden)`.
    static func isSecret(_ column: String) -> Bool {
        ["password_hash", "token_hash", "totp_secret", "csrf"].contains(column) || column.contains("private")
            || column.contains("secret")
    }

    /// Records an event (a sign-in, a failed one, an export) in its own transaction.
    public func event(_ action: String, kind: String, id: String, detail: [String: String] = [:]) async throws {
        try await database.transaction { sql in
            try await Self.stage(action, kind: kind, id: id, detail: detail, in: sql)
        }
    }

    /// Now, as PostgreSQL writes it into the trail: its transaction's start by the database's clock (the same for
    /// every process sharing the database), written as ``Timestamp`` writes times.
    static let postgresNow = #"to_char(transaction_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#

    /// Stages an event in the caller's transaction.

    public static func stage(
        _ action: String, kind: String, id: String, detail: [String: String] = [:], in sql: any SQLDatabase
    ) async throws {
        let text = detail.isEmpty ? nil : Self.json(detail)
        let actor = AuditContext.actor
        try await sql.raw(
            """
            INSERT INTO audit_pending (object_kind, object_id, action, old_value, new_value, actor, via, at)
            VALUES (\(bind: kind), \(bind: id), \(bind: action), \(bind: String?.none), \(bind: text), \
            \(bind: actor.name), \(bind: actor.via),
            """ + (sql.dialect.name == "postgresql" ? "\(unsafeRaw: Self.postgresNow))" : "\(bind: Timestamp.now()))")
        ).run()
    }

    /// The records about one object (newest last), or the last `limit` records of all.
    public func records(kind: String? = nil, id: String? = nil, limit: Int = 200) async throws -> [AuditEntry] {
        try await database.sealStagedAuditRecords()
        return try await database.read { sql in
            var query: SQLQueryString = "SELECT * FROM audit_log WHERE 1 = 1"
            if let kind { query += " AND object_kind = \(bind: kind)" }
            if let id {
                let prefix = OrganisationRepository.escapeLike(id) + "/%"
                query += " AND (object_id = \(bind: id) OR object_id LIKE \(bind: prefix) ESCAPE '\\')"
            }
            query += " ORDER BY seq DESC LIMIT \(literal: max(1, min(limit, 10_000)))"
            return try await sql.raw(query).all().map(Self.record).reversed()
        }
    }

    /// What `verify` found: how many records, the last one's hash, and each problem naming its record.
    public struct Verification: Sendable, Equatable {
        public var count: Int
        public var head: String
        public var problems: [String]
    }

    /// Walks the whole trail: every record must follow the one before (number and hash) and match its own hash.
    public func verify() async throws -> Verification {
        try await database.sealStagedAuditRecords()
        return try await database.read { sql in
            var expectedSeq = 1
            var previousHash = Self.genesis
            var problems: [String] = []
            var count = 0
            for row in try await sql.raw("SELECT * FROM audit_log ORDER BY seq").all() {
                let record = try Self.record(row)
                count += 1
                if record.seq > expectedSeq {
                    let missing =
                        record.seq - expectedSeq == 1
                        ? "record \(expectedSeq) was removed"
                        : "records \(expectedSeq) to \(record.seq - 1) were removed"
                    problems.append(missing)
                }
                if record.computedHash != record.hash {
                    problems.append("record \(record.seq) was edited: its content no longer matches its hash")
                } else if record.prevHash != previousHash {
                    problems.append(
                        "record \(record.seq) does not follow record \(record.seq - 1): "
                            + "records were reordered, or one before it was removed or replaced")
                }
                expectedSeq = record.seq + 1
                previousHash = record.hash
            }
            return Verification(count: count, head: previousHash, problems: problems)
        }
    }

    static func record(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(
            seq: try row.decode(column: "seq", as: Int.self), at: try row.decode(column: "at", as: String.self),
            actor: try row.decode(column: "actor", as: String.self),
            via: try row.decode(column: "via", as: String.self),
            action: try row.decode(column: "action", as: String.self),
            objectKind: try row.decode(column: "object_kind", as: String.self),
            objectId: try row.decode(column: "object_id", as: String.self),
            oldValue: try row.decode(column: "old_value", as: String?.self),
            newValue: try row.decode(column: "new_value", as: String?.self),
            prevHash: try row.decode(column: "prev_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }

    // MARK: Sealing

    /// The PostgreSQL advisory lock that writers of the chain take in turn.
    static let chainLock = 7_317_021

    /// Records written by one statement: at most this many (11 bound values each, well under SQLite's limit)…
    static let recordsPerStatement = 500
    /// …and about this many bytes of old and new values (a record may hold a whole stored text).
    static let bytesPerStatement = 16 << 20

    /// Who an unstamped staged row is recorded as when it is sealed after its commit: a change made outside the
    /// store (psql, a script), whose author the store cannot know.
    static let outsideTheStore = AuditActor(name: "system", via: "outside the store")

    /// Staged rows sealed a chunk at a time, so that a backlog (a sealer that waited, a process that died) is
    /// not read into memory whole.
    static let rowsPerChunk = 2_000

    /// Turns the staged rows this transaction sees into chained records (see the type's description): on SQLite
    /// those of the transaction itself (nothing else writes, and every transaction seals its own), on PostgreSQL
    /// every row committed and not yet sealed, up to `upTo` (the last staged id when the seal began: rows
    /// committed during a seal are the next one's, so that a seal under a steady stream of commits ends). A row's
    /// record is attributed to whoever it was stamped with, else to `unstamped`.
    static func seal(_ sql: any SQLDatabase, kind: DatabaseKind, unstamped: AuditActor, upTo: Int? = nil)
        async throws
    {
        // PostgreSQL: the chain is taken first, so that seals follow one another whole and each sees only what the
        // one before committed (taking rows first, a seal whose chunk was all rows another seal was deleting got
        // an empty chunk and stopped, leaving the rows after them staged). SQLite has one writer: the chain is read
        // only when rows are staged (one statement less a transaction that staged none).
        var last: (seq: Int, hash: String)? = kind == .postgres ? try await head(sql, kind: kind) : nil
        let bound: SQLQueryString = upTo.map { " WHERE id <= \(bind: $0)" } ?? ""
        while true {
            // Taken and deleted in one statement (one round trip less), then put in the order staged.
            let pending = try await sql.raw(
                """
                DELETE FROM audit_pending WHERE id IN
                (SELECT id FROM audit_pending\(bound) ORDER BY id LIMIT \(literal: rowsPerChunk))
                RETURNING id, object_kind, object_id, action, old_value, new_value, actor, via, at
                """
            ).all().map { (id: try $0.decode(column: "id", as: Int.self), row: $0) }.sorted { $0.id < $1.id }
            if pending.isEmpty { return }
            let after: (seq: Int, hash: String)
            if let last { after = last } else { after = try await head(sql, kind: kind) }
            last = try await chain(pending.map(\.row), after: after, in: sql, unstamped: unstamped)
            if upTo == nil, pending.count < rowsPerChunk { return }
        }
    }

    /// The chain's last record (number 0 and the genesis hash when it is empty). Writers append one after another:
    /// each record must follow the last one committed. On PostgreSQL the chain's lock (held until commit) is taken
    /// and the last record read in one call (`maturity_audit_head`, installed with the triggers).
    private static func head(_ sql: any SQLDatabase, kind: DatabaseKind) async throws -> (seq: Int, hash: String) {
        let row =
            try await sql.raw(
                kind == .postgres
                    ? "SELECT head_seq AS seq, head_hash AS hash FROM maturity_audit_head()"
                    : "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
            ).first()
        // No row, or (PostgreSQL, an empty chain) a row of nulls: the chain starts.
        return (
            try row.flatMap { try $0.decode(column: "seq", as: Int?.self) } ?? 0,
            try row.flatMap { try $0.decode(column: "hash", as: String?.self) } ?? genesis
        )
    }

    /// Chains `pending` (staged rows, in the order staged) after the record `last`, and returns the new last record.
    private static func chain(
        _ pending: [any SQLRow], after last: (seq: Int, hash: String), in sql: any SQLDatabase,
        unstamped: AuditActor
    ) async throws -> (seq: Int, hash: String) {
        let now = Timestamp.now()
        typealias Staged = (
            action: String, kind: String, id: String, old: String?, new: String?, by: AuditActor, at: String
        )
        var staged: [Staged] = []
        for row in pending {
            let action = try row.decode(column: "action", as: String.self)
            let (old, new) = changed(
                old: try row.decode(column: "old_value", as: String?.self),
                new: try row.decode(column: "new_value", as: String?.self), action: action)
            if action == "update" && old == nil && new == nil { continue }
            let by = try row.decode(column: "actor", as: String?.self).map { name in
                AuditActor(name: name, via: try row.decode(column: "via", as: String?.self) ?? "")
            }
            staged.append(
                (
                    action, try row.decode(column: "object_kind", as: String.self),
                    try row.decode(column: "object_id", as: String.self), old, new, by ?? unstamped,
                    try row.decode(column: "at", as: String?.self) ?? now
                ))
        }
        guard !staged.isEmpty else { return last }
        var (seq, previous) = last
        var records: [AuditEntry] = []
        for entry in staged {
            seq += 1
            var record = AuditEntry(
                seq: seq, at: entry.at, actor: entry.by.name, via: entry.by.via, action: entry.action,
                objectKind: entry.kind, objectId: entry.id, oldValue: entry.old, newValue: entry.new,
                prevHash: previous, hash: "")
            record.hash = record.computedHash
            records.append(record)
            previous = record.hash
        }
        // Several records a statement (one round trip, not one each), within the limits below.
        var start = 0
        while start < records.count {
            var end = start
            var bytes = 0
            while end < records.count, end - start < Self.recordsPerStatement,
                end == start || bytes < Self.bytesPerStatement
            {
                bytes += (records[end].oldValue?.utf8.count ?? 0) + (records[end].newValue?.utf8.count ?? 0)
                end += 1
            }
            var insert: SQLQueryString = """
                INSERT INTO audit_log (seq, at, actor, via, action, object_kind, object_id, old_value, new_value,
                prev_hash, hash) VALUES
                """
            for (index, record) in records[start..<end].enumerated() {
                insert += index == 0 ? " " : ", "
                insert += """
                    (\(bind: record.seq), \(bind: record.at), \(bind: record.actor), \(bind: record.via), \
                    \(bind: record.action), \(bind: record.objectKind), \(bind: record.objectId), \
                    \(bind: record.oldValue), \(bind: record.newValue), \(bind: record.prevHash), \(bind: record.hash))
                    """
            }
            try await sql.raw(insert).run()
            start = end
        }
        return (seq, previous)
    }

    /// The columns that changed, old and new, as sorted JSON objects (nil for an update that changed nothing);
    /// an insert or delete keeps the whole row. Secrets become `(hidden)`.
    static func changed(old: String?, new: String?, action: String) -> (String?, String?) {
        guard action == "insert" || action == "update" || action == "delete" else { return (old, new) }
        if action == "update", let old, let new,
            let changed = changedColumns(old: old, new: new) ?? changedByReadingWhole(old: old, new: new)
        {
            return changed
        }
        return (object(old).map { json(hidingSecrets($0)) }, object(new).map { json(hidingSecrets($0)) })
    }

    /// ``changed(old:new:action:)`` of an update, reading both rows whole; nil when one is not a JSON object.
    static func changedByReadingWhole(old: String, new: String) -> (String?, String?)? {
        guard let before = object(old), let after = object(new) else { return nil }
        var oldPart: [String: Any] = [:]
        var newPart: [String: Any] = [:]
        for key in Set(before.keys).union(after.keys) {
            let a = before[key] as? NSObject ?? NSNull()
            let b = after[key] as? NSObject ?? NSNull()
            if !a.isEqual(b) {
                oldPart[key] = a
                newPart[key] = b
            }
        }
        return parts(oldPart, newPart)
    }

    /// ``changed(old:new:action:)`` of an update, reading only the values whose text differs: an edit changes a
    /// few columns of a row of dozens, and reading every value of both rows was most of sealing a transaction.
    /// The same answer as ``changedByReadingWhole(old:new:)`` (values of different texts are read and compared
    /// as there); nil when a row is not a plain JSON object as the triggers write it.
    static func changedColumns(old: String, new: String) -> (String?, String?)? {
        guard let before = RawJSONObject(old), let after = RawJSONObject(new) else { return nil }
        if let changed = changedInPlace(before, after) { return changed }
        func value(_ raw: ArraySlice<UInt8>?) -> NSObject {
            guard let raw,
                let value = try? JSONSerialization.jsonObject(with: Data(raw), options: .fragmentsAllowed)
            else { return NSNull() }
            return value as? NSObject ?? NSNull()
        }
        var oldPart: [String: Any] = [:]
        var newPart: [String: Any] = [:]
        let (beforeFields, afterFields) = (before.fields, after.fields)
        for key in Set(beforeFields.keys).union(afterFields.keys) {
            let a = beforeFields[key]
            let b = afterFields[key]
            if let a, let b, a.elementsEqual(b) { continue }
            let x = value(a)
            let y = value(b)
            if !x.isEqual(y) {
                oldPart[key] = x
                newPart[key] = y
            }
        }
        return parts(oldPart, newPart)
    }

    /// ``changedColumns(old:new:)`` of two rows written by one trigger (the same columns in the same order, as
    /// they always are), when every value that differs is one whose text alone says it differs and writes as
    /// JSONSerialization would write it (``PlainJSON``): the values compared and the record written from their
    /// texts, without reading them. Nil when it cannot vouch for that: the general reading decides.
    static func changedInPlace(_ before: RawJSONObject, _ after: RawJSONObject) -> (String?, String?)? {
        guard before.members.count == after.members.count else { return nil }
        var changed: [(key: ArraySlice<UInt8>, old: ArraySlice<UInt8>, new: ArraySlice<UInt8>)] = []
        for (a, b) in zip(before.members, after.members) {
            guard a.key.elementsEqual(b.key) else { return nil }
            if a.value.elementsEqual(b.value) { continue }
            guard PlainJSON.differ(a.value, b.value), PlainJSON.isColumn(a.key) else { return nil }
            changed.append((a.key, a.value, b.value))
        }
        // A key written twice is read as its last value: the general reading keeps that rule.
        let keys = before.members.map(\.key).sorted { $0.lexicographicallyPrecedes($1) }
        guard !zip(keys, keys.dropFirst()).contains(where: { $0.elementsEqual($1) }) else { return nil }
        guard !changed.isEmpty else { return (nil, nil) }
        // Keys of lowercase letters and underscores sort by their bytes as `.sortedKeys` sorts them.
        changed.sort { $0.key.lexicographicallyPrecedes($1.key) }
        func record(_ value: (ArraySlice<UInt8>, ArraySlice<UInt8>) -> ArraySlice<UInt8>) -> String {
            var text: [UInt8] = [UInt8(ascii: "{")]
            for (index, column) in changed.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                text.append(UInt8(ascii: "\""))
                text += column.key
                text += #"":"#.utf8
                if isSecret(String(decoding: column.key, as: UTF8.self)) {
                    text += #""(hidden)""#.utf8
                } else {
                    text += value(column.old, column.new)
                }
            }
            text.append(UInt8(ascii: "}"))
            return String(decoding: text, as: UTF8.self)
        }
        return (record { old, _ in old }, record { _, new in new })
    }

    /// The changed columns, old and new, as recorded: nil for none, else sorted JSON with secrets hidden.
    private static func parts(_ old: [String: Any], _ new: [String: Any]) -> (String?, String?) {
        old.isEmpty ? (nil, nil) : (json(hidingSecrets(old)), json(hidingSecrets(new)))
    }

    private static func object(_ text: String?) -> [String: Any]? {
        guard let text, let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
        return value as? [String: Any]
    }

    private static func hidingSecrets(_ row: [String: Any]) -> [String: Any] {
        var row = row
        for key in row.keys where isSecret(key) { row[key] = "(hidden)" }
        return row
    }

    static func json(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The store's database with the audit trail sealed into every transaction: on SQLite inside it, on PostgreSQL
/// just after it commits (see ``AuditTrail``).
final class AuditedDatabase: StoreDatabase {
    let inner: any StoreDatabase
    var kind: DatabaseKind { inner.kind }
    /// PostgreSQL's sealer, nil on SQLite.
    private let sealer: AuditSealer?

    init(_ inner: any StoreDatabase, logger: Logger) {
        self.inner = inner
        sealer = inner.kind == .postgres ? AuditSealer(inner, logger: logger) : nil
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await inner.read(body)
    }

    func readOne<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await inner.readOne(body)
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let sealer else {
            return try await inner.transaction { sql in
                let value = try await body(sql)
                // Rows staged before this transaction by a writer outside the store are its own as far as SQLite can
                // tell (its triggers cannot be told who writes).
                try await AuditTrail.seal(sql, kind: .sqlite, unstamped: AuditContext.actor)
                return value
            }
        }
        // Who and how, for the triggers to stamp on every row this transaction stages: the connection's session
        // stamped (when it is not so already) before the transaction begins, on its own and committed at once, so
        // that what is remembered of each connection is what its session holds, whatever the transaction does.
        let actor = AuditContext.actor
        guard let postgres = inner as? PostgresStoreDatabase else {
            preconditionFailure("the audit trail's PostgreSQL path runs on PostgresStoreDatabase")
        }
        let value = try await postgres.transaction(first: { sql in try await stamp(actor, on: sql) }, body)
        sealer.soon()
        return value
    }

    func writeOne<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let sealer else { return try await transaction(body) }
        let actor = AuditContext.actor
        let value = try await inner.writeOne { sql in
            try await stamp(actor, on: sql)
            return try await body(sql)
        }
        sealer.soon()
        return value
    }

    /// ``StoreDatabase/writeInOrder(_:)``, each write's rows stamped with its own actor. On PostgreSQL, on the
    /// connection's event loop (it only sends statements and waits): the session is stamped with the first write's
    /// actor before the transaction, as for any other, and inside it before each write whose actor it does not
    /// hold; what it holds then is remembered once the transaction commits, before the connection goes back to the
    /// pool (a rollback takes those stamps back to the first actor's, as remembered; a connection stamped inside the
    /// transaction is forgotten all the same, in case). One write is made as ``writeOne(_:)``
    /// is, in a transaction of its own.
    func writeInOrder(_ writes: [OrderedWrite]) async throws -> Bool {
        guard let sealer, let first = writes.first else {
            // SQLite (or nothing to write): its trail gives a transaction's rows one actor, its caller's (its triggers
            // cannot be told who writes): in ``transaction(_:)``, which seals them so.
            precondition(writes.allSatisfy { $0.actor == writes.first?.actor }, "writes in order of several actors")
            do {
                try await AuditContext.$actor.withValue(writes.first?.actor ?? AuditContext.actor) {
                    try await transaction { sql in try await OrderedWrite.run(writes, in: sql, before: { _ in }) }
                }
                return true
            } catch is OrderedWrite.NotWritten {
                return false
            }
        }
        guard let postgres = inner as? PostgresStoreDatabase else {
            preconditionFailure("the audit trail's PostgreSQL path runs on PostgresStoreDatabase")
        }
        let written = try await postgres.onLoop { sql in
            try await stamp(first.actor, on: sql)
            if writes.count == 1 { return try await sql.raw(first.statement).first() != nil }
            var holds = first.actor
            do {
                try await postgres.unwrapped {
                    try await sql.connection.withTransaction(logger: sql.logger) { _ in
                        try await OrderedWrite.run(writes, in: sql) { write in
                            guard write.actor != holds else { return }
                            try await Self.setStamp(write.actor, on: sql)
                            holds = write.actor
                        }
                    }
                }
            } catch {
                if holds != first.actor { forget(sql.connection.id) }
                if error is OrderedWrite.NotWritten { return false }
                // Chosen to end a deadlock (with a transaction of another process that takes the same rows' locks in
                // another order): rolled back, nothing written; each edit is made again on its own.
                if PostgresStoreDatabase.isDeadlock(error) { return false }
                throw error
            }
            if holds != first.actor { remember(holds, for: sql.connection.id) }
            return true
        }
        if written { sealer.soon() }
        return written
    }

    /// Stamps the session of `sql`'s connection with `actor` (`set_config`, not local to a transaction: kept by
    /// the session) unless it is stamped so already, and remembers it — while the caller holds the connection,
    /// outside any transaction (a stamp made in one is taken back by its rollback). A connection the store does not
    /// know by its id is stamped every time.
    private func stamp(_ actor: AuditActor, on sql: any SQLDatabase) async throws {
        let connection = (sql as? PostgresConnectionSQL)?.connection.id
        if let connection, stamps.withLock({ $0[connection] }) == actor { return }
        if let connection { forget(connection) }
        try await Self.setStamp(actor, on: sql)
        if let connection { remember(actor, for: connection) }
    }

    /// Sets the session's actor, for the triggers (not local to a transaction).
    private static func setStamp(_ actor: AuditActor, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            SELECT set_config('maturity.actor', \(bind: actor.name), false), \
            set_config('maturity.via', \(bind: actor.via), false)
            """
        ).run()
    }

    private func remember(_ actor: AuditActor, for connection: Int) {
        stamps.withLock { stamps in
            // Connections the pool closed leave their ids behind: forgotten now and then.
            if stamps.count >= 256 { stamps.removeAll() }
            stamps[connection] = actor
        }
    }

    private func forget(_ connection: Int) { _ = stamps.withLock { $0.removeValue(forKey: connection) } }

    /// Who each PostgreSQL connection's session is stamped as, by the connection's id (the pool numbers its
    /// connections on, never twice): a change by the same actor on that connection need not stamp it again.
    /// Only ``transaction(_:)``, ``writeOne(_:)`` and ``writeInOrder(_:)`` write through the store's connections with
    /// triggers to stamp (the sealer writes the trail's own tables, which have none). A pooler between the store and PostgreSQL that
    /// hands one session to several clients (PgBouncer's transaction pooling) would mix stamps: not supported.
    private let stamps = Mutex<[Int: AuditActor]>([:])

    func sealStagedAuditRecords() async throws { try await sealer?.now() }

    func announceRegisterChanges(to cache: RegisterCache) { inner.announceRegisterChanges(to: cache) }

    func close() async throws {
        await sealer?.finish()
        try await inner.close()
    }
}

/// Seals what transactions staged (PostgreSQL), each seal in a transaction of its own: in the background soon
/// after every commit — at once after a quiet spell; one such seal at a time, a commit while one runs asking for
/// one more, which starts ``interval`` after the one before did, so that a busy server seals many transactions'
/// rows at once — and whenever the trail is read. Seals of every process take
/// the chain's lock first and so follow one another (see ``AuditTrail/seal(_:kind:unstamped:upTo:)``). What stays
/// staged (a process killed before it sealed) is sealed by the next seal of any process, at the latest when one
/// starts.
final class AuditSealer: Sendable {
    private let database: any StoreDatabase
    private let logger: Logger
    private let state = Mutex<(running: Task<Void, Never>?, again: Bool, closed: Bool)>((nil, false, false))

    /// The least time between the starts of two background seals while commits keep coming: a server under load
    /// seals the commits of that time in one seal (a transaction of six statements) — ten seals a second under 64
    /// editors.
    let interval: Duration

    init(_ database: any StoreDatabase, interval: Duration = .milliseconds(100), logger: Logger) {
        self.database = database
        self.interval = interval
        self.logger = logger
    }

    /// Seals everything staged and committed before now, and returns when it is.
    func now() async throws {
        // The last row staged and committed now (every one committed before has a lower id): the seal takes
        // the rows up to it. Most transactions of a quiet server stage nothing (a session's last use is not
        // recorded): one look instead of a transaction of four round trips. A row another seal is taking is
        // still seen here, so a reader's seal waits for that one and then sees its records.
        let top = try await database.readOne { sql in
            try await sql.raw("SELECT MAX(id) AS top FROM audit_pending").first()?.decode(column: "top", as: Int?.self)
        }
        guard let top = top ?? nil else { return }
        try await database.transaction { sql in
            // Each statement sees what was committed before it (the database's default, said here in case a
            // database is set otherwise): after the chain's lock, what the seal before this one committed.
            try await sql.raw("SET TRANSACTION ISOLATION LEVEL READ COMMITTED").run()
            try await AuditTrail.seal(sql, kind: .postgres, unstamped: AuditTrail.outsideTheStore, upTo: top)
        }
    }

    /// Asks for a seal after this moment, in the background.
    func soon() {
        state.withLock { state in
            guard !state.closed else { return }
            guard state.running == nil else {
                state.again = true
                return
            }
            // Detached: the seal is nobody's request (rows carry their own actor), and outlives the one asking.
            state.running = Task.detached { await self.run() }
        }
    }

    private func run() async {
        while true {
            let started = ContinuousClock.now
            // A failure leaves the rows staged, for the next seal (and any reader of the trail meets it).
            do {
                try await now()
            } catch {
                logger.warning("\(Diagnostic.Message.auditNotSealed(error: "\(error)").en)")
            }
            if finished() { return }
            // Commits came during the seal: the next starts `interval` after this one did, taking them all.
            try? await Task.sleep(until: started + interval)
        }
    }

    /// Ends the background seals unless a commit asked for one more while the sealer is open; then clears the
    /// asking, for the seal to come.
    private func finished() -> Bool {
        state.withLock { state in
            if state.again, !state.closed {
                state.again = false
                return false
            }
            state.running = nil
            return true
        }
    }

    /// Waits for the seal under way, then seals what is left; no seal starts afterwards. Gives up after
    /// `patience` (the chain held by another process, a database gone): what is left staged is sealed later.
    func finish(patience: Duration = .seconds(5)) async {
        let running = state.withLock { state in
            state.closed = true
            return state.running
        }
        // Unstructured, so that a seal that ignores being cancelled is left behind rather than waited for.
        let work = Task<Void, Never> {
            await running?.value
            try? await self.now()
        }
        let timer = Task<Void, Never> { try? await Task.sleep(for: patience) }
        let first = FirstToFinish()
        await withCheckedContinuation { continuation in
            first.waiting.withLock { $0 = continuation }
            for task in [work, timer] {
                Task {
                    await task.value
                    first.waiting.withLock { $0.take() }?.resume()
                }
            }
        }
        timer.cancel()
        work.cancel()
    }

    /// Who waits for the first of several tasks to finish (resumed once).
    private final class FirstToFinish: Sendable {
        let waiting = Mutex<CheckedContinuation<Void, Never>?>(nil)
    }
}

/// JSON values whose text says what they are, as the audit trail meets them in the rows its triggers write:
/// integers, strings without escapes, null.
enum PlainJSON {
    private enum Kind { case integer, asciiString, string, null }

    /// What `text` is, when it is written exactly as JSONSerialization writes the value it holds: an integer of
    /// at most 18 digits (not -0), a string of printable characters without `"`, `\` and `/` (ASCII alone, or
    /// with other UTF-8 characters too), null. Nil for anything else.
    private static func kind(_ text: ArraySlice<UInt8>) -> Kind? {
        guard let first = text.first else { return nil }
        if first == UInt8(ascii: "\"") {
            guard text.count >= 2, text.last == UInt8(ascii: "\"") else { return nil }
            var ascii = true
            for byte in text.dropFirst().dropLast() {
                if byte >= 0x80 {
                    ascii = false
                } else if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                    || byte == UInt8(ascii: "/")
                {
                    return nil
                }
            }
            return ascii ? .asciiString : .string
        }
        if text.elementsEqual("null".utf8) { return .null }
        let digits = first == UInt8(ascii: "-") ? text.dropFirst() : text
        guard (1...18).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }),
            digits.count == 1 || digits.first != 0x30, !(first == UInt8(ascii: "-") && digits.elementsEqual("0".utf8))
        else { return nil }
        return .integer
    }

    /// Whether two different texts are values that differ, and both write back as they are; false when that
    /// cannot be told from the texts (strings beyond ASCII compare by canonical equivalence, numbers of other
    /// forms by value, true by its number).
    static func differ(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        switch (kind(a), kind(b)) {
        case (.integer, .integer), (.asciiString, .asciiString), (.null, .integer), (.null, .asciiString),
            (.null, .string), (.integer, .null), (.asciiString, .null), (.string, .null), (.integer, .asciiString),
            (.asciiString, .integer), (.integer, .string), (.string, .integer):
            true
        default: false
        }
    }

    /// A column name as the schema writes them: lowercase letters and underscores.
    static func isColumn(_ key: ArraySlice<UInt8>) -> Bool {
        !key.isEmpty && key.allSatisfy { (0x61...0x7A).contains($0) || $0 == UInt8(ascii: "_") }
    }
}

/// A JSON object's members as the text of each value, keys read (without escapes) and values only delimited.
struct RawJSONObject {
    /// The members in the order written: key (its text between the quotes) and value.
    var members: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []
    /// The members by key (a key written twice: its last value).
    var fields: [String: ArraySlice<UInt8>] {
        Dictionary(members.map { (String(decoding: $0.key, as: UTF8.self), $0.value) }, uniquingKeysWith: { $1 })
    }

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        var at = 0
        func skipSpace() {
            while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
        }
        /// Moves past the string starting at `at` (its opening quote); false when it does not end.
        func skipString() -> Bool {
            at += 1
            while at < bytes.count {
                switch bytes[at] {
                case UInt8(ascii: "\\"): at += 2
                case UInt8(ascii: "\""):
                    at += 1
                    return true
                default: at += 1
                }
            }
            return false
        }
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "{") else { return nil }
        at += 1
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
            at += 1
            skipSpace()
            if at != bytes.count { return nil }
            return
        }
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            let keyStart = at + 1
            guard skipString() else { return nil }
            let key = bytes[keyStart..<(at - 1)]
            guard !key.contains(UInt8(ascii: "\\")) else { return nil }
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
            at += 1
            skipSpace()
            let valueStart = at
            var depth = 0
            scan: while at < bytes.count {
                switch bytes[at] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return nil }
                    continue scan
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { break scan }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 { break scan }
                default: break
                }
                at += 1
            }
            var valueEnd = at
            while valueEnd > valueStart, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[valueEnd - 1]) { valueEnd -= 1 }
            guard valueEnd > valueStart, at < bytes.count else { return nil }
            members.append((key, bytes[valueStart..<valueEnd]))
            if bytes[at] == UInt8(ascii: ",") {
                at += 1
                continue
            }
            guard bytes[at] == UInt8(ascii: "}") else { return nil }
            at += 1
            skipSpace()
            guard at == bytes.count else { return nil }
            return
        }
    }
}
