import Foundation
import SQLKit

/// Brings a database to the newest schema this build knows, and refuses one that is newer.
public enum Migrator {
    /// Applies every migration the database lacks, in one transaction; returns the versions applied.
    @discardableResult
    public static func migrate(_ database: any StoreDatabase, migrations: [Migration] = Schema.migrations)
        async throws -> [Int]
    {
        let kind = database.kind
        return try await database.transaction { sql in
            if kind == .postgres {
                // Several server processes may start at once: one migrates, the others wait and find it done.
                try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: 7_317_001))").run()
            }
            try await sql.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """
            ).run()
            let found = try await currentVersion(sql)
            let known = migrations.last?.version ?? 0
            if found > known { throw StoreError.newerSchema(found: found, known: known) }
            // Versions come in ranges (one per piece of work), so one numbered below the highest applied may
            // still be new: apply every migration not recorded.
            let done = Set(
                try await sql.raw("SELECT version FROM schema_migrations").all().map {
                    try $0.decode(column: "version", as: Int.self)
                })
            var applied: [Int] = []
            for migration in migrations where !done.contains(migration.version) {
                for statement in migration.sql(for: kind) {
                    try await sql.raw(SQLQueryString(statement)).run()
                }
                try await migration.then?(sql)
                try await sql.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Timestamp.now()))
                    """
                ).run()
                applied.append(migration.version)
            }
            return applied
        }
    }

    /// The highest schema version recorded, 0 for a new database.
    public static func currentVersion(_ sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("SELECT MAX(version) AS version FROM schema_migrations").first()
        return try row?.decode(column: "version", as: Int?.self) ?? 0
    }
}

/// Times as stored: ISO 8601 in UTC with milliseconds, which sort as text.
enum Timestamp {
    static func now() -> String { string(Date()) }

    /// `2026-12-01T09:30:00.123Z`, as `ISO8601DateFormatter` writes it with internet date-time and fractional
    /// seconds (milliseconds cut, not rounded), written directly: making a formatter for every timestamp cost
    /// more than the rest of an edit's bookkeeping.
    static func string(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let whole = interval.rounded(.down)
        var seconds = time_t(whole)
        let millis = min(999, max(0, Int(((interval - whole) * 1000).rounded(.down))))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "1970-01-01T00:00:00.000Z" }
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(parts.tm_year + 1900, 4) + "-" + digits(parts.tm_mon + 1, 2) + "-" + digits(parts.tm_mday, 2)
            + "T" + digits(parts.tm_hour, 2) + ":" + digits(parts.tm_min, 2) + ":" + digits(parts.tm_sec, 2) + "."
            + digits(Int32(millis), 3) + "Z"
    }
}
