import SQLKit

/// The triggers that stage every change for the audit trail, installed on every table at each start (inside the
/// migration lock), so a table or column added by any later migration is recorded without anyone remembering to.
enum AuditTriggers {
    /// Creates (or re-creates) the triggers on every table but the exempt ones.
    static func install(_ database: any StoreDatabase) async throws {
        let kind = database.kind
        try await database.transaction { sql in
            guard try await hasTrail(sql, kind: kind) else { return }
            switch kind {
            case .sqlite: try await installSQLite(sql)
            case .postgres: try await installPostgres(sql)
            }
        }
    }

    static func hasTrail(_ sql: any SQLDatabase, kind: DatabaseKind) async throws -> Bool {
        let query: SQLQueryString =
            kind == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_pending'"
            : """
            SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_name = 'audit_pending'
            """
        return try await sql.raw(query).first() != nil
    }

    /// Table and column names come from the database's own catalog; anything but plain identifiers is skipped
    /// rather than spliced into SQL.
    static func isIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && !(name.first?.isNumber ?? true)
    }

    /// A row's bookkeeping: its revision, version and time of last change. They change with every change of the
    /// row (or of its parts) and say nothing of it beyond that it was made, which the change's own record says, with
    /// who made it: an update of these alone is not recorded. An edit of one criterion was recorded twice, the
    /// criterion's row and the assessment's raised revision, and the second record cost as much as the first.
    static func isBookkeeping(_ column: String) -> Bool {
        ["revision", "version", "updated_at"].contains(column)
    }

    static func audited(_ tables: [String]) -> [String] {
        tables.filter { isIdentifier($0) && !AuditTrail.exempt.contains($0) && !$0.hasPrefix("sqlite_") }.sorted()
    }

    static func installSQLite(_ sql: any SQLDatabase) async throws {
        let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map {
            try $0.decode(column: "name", as: String.self)
        }
        for table in audited(tables) {
            let info = try await sql.raw("PRAGMA table_info(\(unsafeRaw: table))").all()
            var columns: [String] = []
            var compared: [String] = []
            var bookkeeping = false
            var keys: [(Int, String)] = []
            for row in info {
                let name = try row.decode(column: "name", as: String.self)
                guard isIdentifier(name) else { continue }
                if isBookkeeping(name) { bookkeeping = true } else { compared.append(name) }
                let type = try row.decode(column: "type", as: String.self).uppercased()
                if type == "BLOB" { continue }
                columns.append(name)
                let pk = try row.decode(column: "pk", as: Int.self)
                if pk > 0 { keys.append((pk, name)) }
            }
            func object(_ row: String) -> String {
                "json_object(" + columns.map { "'\($0)', \(row).\"\($0)\"" }.joined(separator: ", ") + ")"
            }
            func key(_ row: String) -> String {
                let parts = keys.sorted { $0.0 < $1.0 }.map { "COALESCE(CAST(\(row).\"\($0.1)\" AS TEXT), '')" }
                return parts.isEmpty ? "''" : parts.joined(separator: " || '/' || ")
            }
            for (event, old, new, row) in [
                ("insert", "NULL", object("NEW"), "NEW"), ("update", object("OLD"), object("NEW"), "NEW"),
                ("delete", object("OLD"), "NULL", "OLD"),
            ] {
                let trigger = "maturity_audit_\(table)_\(event)"
                // An update of the row's bookkeeping alone is not recorded (see `isBookkeeping`).
                let when =
                    event == "update" && bookkeeping && !compared.isEmpty
                    ? " WHEN " + compared.map { "OLD.\"\($0)\" IS NOT NEW.\"\($0)\"" }.joined(separator: " OR ") : ""
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)").run()
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: trigger) AFTER \(unsafeRaw: event.uppercased()) ON \(unsafeRaw: table)\
                    \(unsafeRaw: when)
                    BEGIN INSERT INTO audit_pending (object_kind, object_id, action, old_value, new_value)
                    VALUES ('\(unsafeRaw: table)', \(unsafeRaw: key(row)), '\(unsafeRaw: event)', \(unsafeRaw: old),
                    \(unsafeRaw: new)); END
                    """
                ).run()
            }
        }
    }

    static func installPostgres(_ sql: any SQLDatabase) async throws {
        // Servers starting at once take turns, as they do for migrations.
        try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: 7_317_001))").run()
        // Each staged row carries who changed it and how (`AuditedDatabase` stamps its connection's session with
        // them; a change made outside the store leaves them null: `AuditTrail.outsideTheStore`), and when: its
        // transaction's start by the database's clock (a `maturity.at` set by an earlier version of the store is
        // taken instead), so that it can be chained after its transaction commits.
        try await sql.raw(
            """
            CREATE OR REPLACE FUNCTION maturity_audit_stage() RETURNS trigger AS $body$
            DECLARE
                o jsonb; n jsonb; r jsonb; k text := '';
            BEGIN
                IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
                IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
                r := COALESCE(n, o);
                FOR i IN 0 .. TG_NARGS - 1 LOOP
                    IF i > 0 THEN k := k || '/'; END IF;
                    k := k || COALESCE(r ->> TG_ARGV[i], '');
                END LOOP;
                INSERT INTO audit_pending (object_kind, object_id, action, old_value, new_value, actor, via, at)
                VALUES (TG_TABLE_NAME, k, lower(TG_OP), o::text, n::text,
                    NULLIF(current_setting('maturity.actor', true), ''),
                    NULLIF(current_setting('maturity.via', true), ''),
                    COALESCE(NULLIF(current_setting('maturity.at', true), ''), \(unsafeRaw: AuditTrail.postgresNow)));
                RETURN NULL;
            END
            $body$ LANGUAGE plpgsql
            """
        ).run()
        // The chain taken and its last record read in one round trip (`AuditTrail.seal`): in a volatile function
        // each statement sees what was committed before it began, so the read after the lock sees the record of
        // the transaction that held the chain before.
        try await sql.raw(
            """
            CREATE OR REPLACE FUNCTION maturity_audit_head(OUT head_seq bigint, OUT head_hash text) AS $body$
            BEGIN
                PERFORM pg_advisory_xact_lock(\(unsafeRaw: String(AuditTrail.chainLock)));
                SELECT a.seq, a.hash INTO head_seq, head_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
            END
            $body$ LANGUAGE plpgsql VOLATILE
            """
        ).run()
        let tables = try await sql.raw(
            """
            SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """
        ).all().map { try $0.decode(column: "name", as: String.self) }
        for table in audited(tables) {
            let keys = try await sql.raw(
                """
                SELECT a.attname AS name FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = \(bind: table)::regclass AND i.indisprimary
                ORDER BY array_position(i.indkey::int2[], a.attnum)
                """
            ).all().map { try $0.decode(column: "name", as: String.self) }.filter(isIdentifier)
            let arguments = keys.map { "'\($0)'" }.joined(separator: ", ")
            let columns = try await sql.raw(
                """
                SELECT column_name AS name, data_type AS type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
                """
            ).all().map {
                (try $0.decode(column: "name", as: String.self), try $0.decode(column: "type", as: String.self))
            }
            let compared = columns.filter { isIdentifier($0.0) && !isBookkeeping($0.0) }
            try await sql.raw("DROP TRIGGER IF EXISTS maturity_audit ON \(unsafeRaw: table)").run()
            try await sql.raw("DROP TRIGGER IF EXISTS maturity_audit_update ON \(unsafeRaw: table)").run()
            guard columns.contains(where: { isBookkeeping($0.0) }), !compared.isEmpty else {
                try await sql.raw(
                    """
                    CREATE TRIGGER maturity_audit AFTER INSERT OR UPDATE OR DELETE ON \(unsafeRaw: table)
                    FOR EACH ROW EXECUTE FUNCTION maturity_audit_stage(\(unsafeRaw: arguments))
                    """
                ).run()
                continue
            }
            // An update of the row's bookkeeping alone is not recorded (see `isBookkeeping`). Column by column, the
            // first that differs enough (an edit's own column is met early); what is not text compared as text, to
            // the byte (-0 and 0 differ, as they do in the store).
            let changed = compared.map { (name, type) -> String in
                let cast = ["text", "bigint", "integer"].contains(type) ? "" : "::text"
                return "OLD.\"\(name)\"\(cast) IS DISTINCT FROM NEW.\"\(name)\"\(cast)"
            }.joined(separator: " OR ")
            try await sql.raw(
                """
                CREATE TRIGGER maturity_audit AFTER INSERT OR DELETE ON \(unsafeRaw: table)
                FOR EACH ROW EXECUTE FUNCTION maturity_audit_stage(\(unsafeRaw: arguments))
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER maturity_audit_update AFTER UPDATE ON \(unsafeRaw: table) FOR EACH ROW
                WHEN (\(unsafeRaw: changed))
                EXECUTE FUNCTION maturity_audit_stage(\(unsafeRaw: arguments))
                """
            ).run()
        }
    }
}
