/// The accounts' tables (schema versions 20–29): users with their role assignments, browser sessions and API
/// tokens; the audit trail (a hash-chained append-only log, and the changes staged for it by triggers).
enum AccountsSchema {
    static let migrations: [Migration] = [
        Migration(
            version: 20, name: "users, role assignments, sessions, API tokens",
            statements: [
                """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    language TEXT NOT NULL,
                    disabled BIGINT NOT NULL,
                    password_hash TEXT NOT NULL,
                    totp_secret TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    version BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE role_assignments (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    organisation_id TEXT REFERENCES organisations (id) ON DELETE CASCADE,
                    assessment_id TEXT REFERENCES assessments (id) ON DELETE CASCADE,
                    domain TEXT,
                    created_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX role_assignments_user ON role_assignments (user_id)",
                """
                CREATE TABLE sessions (
                    id_hash TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    csrf TEXT NOT NULL,
                    address TEXT,
                    created_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX sessions_user ON sessions (user_id)",
                """
                CREATE TABLE api_tokens (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL,
                    last_used_at TEXT,
                    revoked_at TEXT
                )
                """,
            ]),
        Migration(
            version: 21, name: "audit trail",
            statements: [
                """
                CREATE TABLE audit_pending (
                    id {serial},
                    object_kind TEXT NOT NULL,
                    object_id TEXT NOT NULL,
                    action TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT
                )
                """,
                """
                CREATE TABLE audit_log (
                    seq BIGINT PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    via TEXT NOT NULL,
                    action TEXT NOT NULL,
                    object_kind TEXT NOT NULL,
                    object_id TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                )
                """,
                "CREATE INDEX audit_log_object ON audit_log (object_kind, object_id, seq)",
            ]),
    ]

    /// After the register's (42).
    static let laterMigrations: [Migration] = [
        Migration(
            version: 43, name: "audit records chained after commit (PostgreSQL)",
            statements: [
                // Who made a staged change, how and when, stamped when it is made: on PostgreSQL the staged rows
                // are chained after their transaction commits, by whichever process seals next (see AuditTrail).
                "ALTER TABLE audit_pending ADD COLUMN actor TEXT",
                "ALTER TABLE audit_pending ADD COLUMN via TEXT",
                "ALTER TABLE audit_pending ADD COLUMN at TEXT",
            ]),
        Migration(
            // Nothing to change in the tables: the triggers are installed at each start. The version is raised so
            // that an older binary refuses the database instead of installing its triggers beside the newer ones
            // (every update recorded twice, until a newer server started again).
            version: 44, name: "the audit trail leaves out updates of a row's bookkeeping alone",
            statements: []),
    ]
}
