/// The store's schema, as the list of migrations that build it.
///
/// Rules that keep it growing safely: a migration, once released, never changes (add a new one);
/// every row a person edits has `version` (optimistic concurrency: an edit names the version it saw);
/// assessments have `revision`, raised by any change to them or their parts, which keys what is
/// derived from them (results, exports).
public enum Schema {
    public static let migrations: [Migration] =
        [
            Migration(
                version: 1, name: "organisations, catalogs, assessments, evidence files",
                statements: [
                    """
                    CREATE TABLE blobs (
                        sha256 TEXT PRIMARY KEY,
                        size BIGINT NOT NULL,
                        created_at TEXT NOT NULL,
                        data {blob}
                    )
                    """,
                    """
                    CREATE TABLE organisations (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        search_name TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        version BIGINT NOT NULL
                    )
                    """,
                    "CREATE INDEX organisations_search_name ON organisations (search_name, id)",
                    """
                    CREATE TABLE sites (
                        id TEXT PRIMARY KEY,
                        organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        position BIGINT NOT NULL,
                        version BIGINT NOT NULL,
                        UNIQUE (organisation_id, name)
                    )
                    """,
                    """
                    CREATE TABLE catalogs (
                        id TEXT PRIMARY KEY,
                        catalog_id TEXT NOT NULL,
                        catalog_version TEXT NOT NULL,
                        title TEXT NOT NULL,
                        origin TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        UNIQUE (catalog_id, catalog_version)
                    )
                    """,
                    """
                    CREATE TABLE catalog_files (
                        catalog TEXT NOT NULL REFERENCES catalogs (id) ON DELETE CASCADE,
                        path TEXT NOT NULL,
                        sha256 TEXT NOT NULL REFERENCES blobs (sha256),
                        PRIMARY KEY (catalog, path)
                    )
                    """,
                    """
                    CREATE TABLE assessments (
                        id TEXT PRIMARY KEY,
                        organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                        organisation_name TEXT NOT NULL,
                        catalog TEXT NOT NULL REFERENCES catalogs (id),
                        catalog_reference TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        date TEXT NOT NULL,
                        site TEXT,
                        assessor TEXT,
                        auditor TEXT,
                        owners TEXT NOT NULL,
                        tickets_file TEXT,
                        tickets_mapping TEXT,
                        source_sha256 TEXT REFERENCES blobs (sha256),
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        version BIGINT NOT NULL,
                        revision BIGINT NOT NULL
                    )
                    """,
                    "CREATE INDEX assessments_organisation ON assessments (organisation_id, date)",
                    """
                    CREATE TABLE assessment_files (
                        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
                        path TEXT NOT NULL,
                        sha256 TEXT NOT NULL REFERENCES blobs (sha256),
                        size BIGINT NOT NULL,
                        PRIMARY KEY (assessment_id, path)
                    )
                    """,
                    "CREATE INDEX assessment_files_sha256 ON assessment_files (sha256)",
                    """
                    CREATE TABLE metrics (
                        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
                        kpi TEXT NOT NULL,
                        value DOUBLE PRECISION NOT NULL,
                        position BIGINT NOT NULL,
                        version BIGINT NOT NULL,
                        PRIMARY KEY (assessment_id, kpi)
                    )
                    """,
                    """
                    CREATE TABLE criterion_entries (
                        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
                        criterion TEXT NOT NULL,
                        claimed BIGINT,
                        audited BIGINT,
                        evidence TEXT NOT NULL,
                        note TEXT,
                        na TEXT,
                        position BIGINT NOT NULL,
                        version BIGINT NOT NULL,
                        PRIMARY KEY (assessment_id, criterion)
                    )
                    """,
                    """
                    CREATE TABLE evidence_items (
                        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
                        item TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        title TEXT NOT NULL,
                        date TEXT,
                        file TEXT,
                        position BIGINT NOT NULL,
                        version BIGINT NOT NULL,
                        PRIMARY KEY (assessment_id, item)
                    )
                    """,
                    """
                    CREATE TABLE findings (
                        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
                        finding TEXT NOT NULL,
                        criterion TEXT,
                        grade TEXT NOT NULL,
                        text TEXT NOT NULL,
                        status TEXT NOT NULL,
                        clause TEXT,
                        evidence TEXT NOT NULL,
                        due TEXT,
                        position BIGINT NOT NULL,
                        version BIGINT NOT NULL,
                        PRIMARY KEY (assessment_id, finding)
                    )
                    """,
                ])
        ] + workspaceMigrations + AccountsSchema.migrations + RegisterSchema.migrations + searchMigrations
        + RegisterSchema.laterMigrations + AccountsSchema.laterMigrations

    /// The newest schema version this build knows.
    public static var latestVersion: Int { migrations.last?.version ?? 0 }
}
