/// The certification register's tables (schema versions 30–39): settings, published keys, client details,
/// imported audit results, audit teams and conflict declarations, certificates with every state change,
/// decisions, nonconformities and suspension triggers.
enum RegisterSchema {
    static let migrations: [Migration] = [
        Migration(
            version: 30, name: "certification register",
            statements: [
                "CREATE TABLE register_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
                """
                CREATE TABLE signing_keys (
                    id TEXT PRIMARY KEY,
                    owner TEXT NOT NULL,
                    role TEXT NOT NULL,
                    public_key TEXT NOT NULL,
                    valid_from TEXT NOT NULL,
                    revoked TEXT,
                    revocation_reason TEXT,
                    private_key TEXT,
                    created_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE register_clients (
                    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
                    enterprise_type TEXT,
                    product_categories TEXT NOT NULL,
                    sites_covered TEXT NOT NULL,
                    catalog_id TEXT,
                    catalog_version TEXT,
                    profile TEXT,
                    version BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE audit_results (
                    id TEXT PRIMARY KEY,
                    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                    organisation_name TEXT NOT NULL,
                    site TEXT,
                    kind TEXT NOT NULL,
                    date TEXT NOT NULL,
                    catalog_id TEXT NOT NULL,
                    catalog_version TEXT NOT NULL,
                    profile TEXT,
                    rating TEXT NOT NULL,
                    overall DOUBLE PRECISION,
                    review_decision TEXT,
                    auditor TEXT NOT NULL,
                    signed_by TEXT NOT NULL,
                    findings TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    result_sha256 TEXT NOT NULL,
                    imported_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX audit_results_organisation ON audit_results (organisation_id, date)",
                """
                CREATE TABLE audit_assignments (
                    id TEXT PRIMARY KEY,
                    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    date TEXT NOT NULL,
                    lead TEXT NOT NULL,
                    members TEXT NOT NULL,
                    result_id TEXT,
                    created_at TEXT NOT NULL,
                    UNIQUE (organisation_id, date, kind)
                )
                """,
                """
                CREATE TABLE conflict_declarations (
                    id TEXT PRIMARY KEY,
                    auditor TEXT NOT NULL,
                    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                    relation TEXT NOT NULL,
                    until TEXT,
                    note TEXT,
                    declared_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX conflict_declarations_organisation ON conflict_declarations (organisation_id)",
                """
                CREATE TABLE certificates (
                    number TEXT PRIMARY KEY,
                    organisation_id TEXT NOT NULL REFERENCES organisations (id),
                    organisation_name TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    catalog_id TEXT NOT NULL,
                    catalog_version TEXT NOT NULL,
                    rating TEXT NOT NULL,
                    rating_name TEXT NOT NULL,
                    issued TEXT NOT NULL,
                    expires TEXT NOT NULL,
                    state TEXT NOT NULL,
                    suspended_since TEXT,
                    last_audit TEXT NOT NULL,
                    next_due TEXT,
                    verification_code TEXT NOT NULL,
                    version BIGINT NOT NULL
                )
                """,
                "CREATE INDEX certificates_next_due ON certificates (next_due)",
                "CREATE INDEX certificates_organisation ON certificates (organisation_id)",
                """
                CREATE TABLE certificate_changes (
                    certificate TEXT NOT NULL REFERENCES certificates (number) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    date TEXT NOT NULL,
                    from_state TEXT,
                    to_state TEXT NOT NULL,
                    decision TEXT,
                    reason TEXT NOT NULL,
                    by_name TEXT NOT NULL,
                    PRIMARY KEY (certificate, position)
                )
                """,
                """
                CREATE TABLE certificate_counters (
                    series TEXT PRIMARY KEY,
                    next BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE decisions (
                    digest TEXT PRIMARY KEY,
                    certificate TEXT NOT NULL,
                    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                    organisation_name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    requested TEXT NOT NULL,
                    recommendation TEXT,
                    date TEXT NOT NULL,
                    reviewer TEXT NOT NULL,
                    reason TEXT,
                    audit_id TEXT,
                    trigger_kind TEXT,
                    rating TEXT,
                    signature TEXT,
                    recorded_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX decisions_certificate ON decisions (certificate, date)",
                """
                CREATE TABLE nonconformities (
                    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                    audit_id TEXT NOT NULL,
                    id TEXT NOT NULL,
                    grade TEXT NOT NULL,
                    site TEXT,
                    criterion TEXT,
                    text TEXT NOT NULL,
                    raised TEXT NOT NULL,
                    deadline TEXT NOT NULL,
                    state TEXT NOT NULL,
                    events TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    PRIMARY KEY (organisation_id, id)
                )
                """,
                """
                CREATE TABLE suspension_triggers (
                    id TEXT PRIMARY KEY,
                    certificate TEXT NOT NULL REFERENCES certificates (number) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    date TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                )
                """,
            ]),
        Migration(
            version: 31, name: "due board and client lookup indexes",
            statements: [
                // The due board's count and first page read this index alone, in its order (next due, then
                // number), without a sort or a visit to each certificate's row to compare its expiry.
                "CREATE INDEX certificates_due_board ON certificates (next_due, number, expires)",
                // Each imported result finds its client by name (the first one made): without this every import
                // read every organisation.
                "CREATE INDEX organisations_name ON organisations (name, created_at, id)",
            ]),
    ]

    /// After the name index (40), so an older binary refuses the database: byte order (41), changes announced (42).
    static let laterMigrations: [Migration] = [
        Migration(
            version: 41, name: "certificate dates compared byte by byte (PostgreSQL)", statements: [],
            then: { sql in
                // Dates are ISO text, ordered as their bytes are. PostgreSQL compared them by the database's
                // collation (a locale's rules, several times slower), across the ~20,000 index entries the due
                // board counts at every request of 100,000 certificates. SQLite compares bytes already.
                guard sql.dialect.name == "postgresql" else { return }
                try await sql.raw(
                    """
                    ALTER TABLE certificates ALTER COLUMN next_due TYPE TEXT COLLATE "C",
                    ALTER COLUMN expires TYPE TEXT COLLATE "C"
                    """
                ).run()
                // A column's new type drops its statistics; the due board is planned by them.
                try await sql.raw("ANALYZE certificates").run()
            }),
        Migration(
            version: 42, name: "register changes announced to every process (PostgreSQL)", statements: [],
            then: { sql in
                // Whoever commits a change to a register table — a server, `maturity registry`, psql — notifies
                // every process listening, at its commit (see RegisterCache), naming the table's schema (processes
                // on other schemas of the database ignore it) and what changed: `<schema> <number>` for a change of
                // one certificate or of its history (row triggers), `<schema>` + newline + `boards` for a change of
                // anything only the due boards read (statement triggers), `<schema>` alone when the certificates
                // or their history were emptied at once. PostgreSQL sends one notice per distinct payload a
                // transaction. SQLite has no notices (see SQLiteWALStamp).
                guard sql.dialect.name == "postgresql" else { return }
                let channel = RegisterCache.channel
                try await sql.raw(
                    """
                    CREATE OR REPLACE FUNCTION maturity_register_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                    IF TG_ARGV[0] = 'boards' THEN PERFORM pg_notify('\(unsafeRaw: channel)', TG_TABLE_SCHEMA || E'\\nboards');
                    ELSE PERFORM pg_notify('\(unsafeRaw: channel)', TG_TABLE_SCHEMA); END IF;
                    RETURN NULL;
                    END $$
                    """
                ).run()
                for (function, column) in [
                    ("maturity_certificate_changed", "number"), ("maturity_certificate_history_changed", "certificate"),
                ] {
                    try await sql.raw(
                        """
                        CREATE OR REPLACE FUNCTION \(unsafeRaw: function)() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                        IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('\(unsafeRaw: channel)', TG_TABLE_SCHEMA || ' ' || OLD.\(unsafeRaw: column)); END IF;
                        IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('\(unsafeRaw: channel)', TG_TABLE_SCHEMA || ' ' || NEW.\(unsafeRaw: column)); END IF;
                        RETURN NULL;
                        END $$
                        """
                    ).run()
                }
                for table in tables {
                    for trigger in ["maturity_register_changed", "maturity_register_emptied"] {
                        try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger) ON \(unsafeRaw: table)").run()
                    }
                    let function =
                        switch table {
                        case "certificates": "maturity_certificate_changed"
                        case "certificate_changes": "maturity_certificate_history_changed"
                        default: ""
                        }
                    if function.isEmpty {
                        try await sql.raw(
                            """
                            CREATE TRIGGER maturity_register_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
                            ON \(unsafeRaw: table) FOR EACH STATEMENT EXECUTE FUNCTION maturity_register_changed('boards')
                            """
                        ).run()
                    } else {
                        try await sql.raw(
                            """
                            CREATE TRIGGER maturity_register_changed AFTER INSERT OR UPDATE OR DELETE
                            ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: function)()
                            """
                        ).run()
                        // Emptying the table in one go changes every certificate.
                        try await sql.raw(
                            """
                            CREATE TRIGGER maturity_register_emptied AFTER TRUNCATE ON \(unsafeRaw: table)
                            FOR EACH STATEMENT EXECUTE FUNCTION maturity_register_changed('all')
                            """
                        ).run()
                    }
                }
            }),
    ]

    /// Every table of the register: a change to any of them is announced (migration 42).
    static let tables = [
        "register_settings", "signing_keys", "register_clients", "audit_results", "audit_assignments",
        "conflict_declarations", "certificates", "certificate_changes", "certificate_counters", "decisions",
        "nonconformities", "suspension_triggers",
    ]
}
