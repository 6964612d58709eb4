extension Schema {
    /// Plans, stored results, evidence validity fields, points-catalog fields (versions 2–5): what the API's plan, review and history routes keep.
    static let workspaceMigrations: [Migration] = [
        Migration(
            version: 2, name: "improvement plans and their actions' versions",
            statements: [
                """
                CREATE TABLE plans (
                    assessment_id TEXT PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    version BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE plan_actions (
                    assessment_id TEXT NOT NULL REFERENCES plans (assessment_id) ON DELETE CASCADE,
                    action TEXT NOT NULL,
                    version BIGINT NOT NULL,
                    PRIMARY KEY (assessment_id, action)
                )
                """,
            ]),
        Migration(
            version: 3, name: "stored results and reviews",
            statements: [
                """
                CREATE TABLE results (
                    id TEXT PRIMARY KEY,
                    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                    assessment_id TEXT REFERENCES assessments (id) ON DELETE SET NULL,
                    assessment_revision BIGINT NOT NULL,
                    kind TEXT NOT NULL,
                    assessment_kind TEXT NOT NULL,
                    date TEXT NOT NULL,
                    rating TEXT NOT NULL,
                    decision TEXT,
                    json TEXT NOT NULL,
                    created_at TEXT NOT NULL
                )
                """,
                "CREATE INDEX results_organisation ON results (organisation_id, date)",
            ]),
        Migration(
            version: 4, name: "evidence items: superseded_by and valid_until",
            statements: [
                "ALTER TABLE evidence_items ADD COLUMN superseded_by TEXT",
                "ALTER TABLE evidence_items ADD COLUMN valid_until TEXT",
            ]),
        Migration(
            version: 5, name: "points catalogs: profile, earned points and samples, adjustments",
            statements: [
                "ALTER TABLE assessments ADD COLUMN profile TEXT",
                "ALTER TABLE criterion_entries ADD COLUMN earned DOUBLE PRECISION",
                "ALTER TABLE criterion_entries ADD COLUMN audited_earned DOUBLE PRECISION",
                "ALTER TABLE criterion_entries ADD COLUMN sample_size BIGINT",
                "ALTER TABLE criterion_entries ADD COLUMN sample_conforming BIGINT",
                "ALTER TABLE criterion_entries ADD COLUMN audited_sample_size BIGINT",
                "ALTER TABLE criterion_entries ADD COLUMN audited_sample_conforming BIGINT",
                """
                CREATE TABLE adjustments (
                    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
                    adjustment TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    criterion TEXT,
                    note TEXT,
                    position BIGINT NOT NULL,
                    version BIGINT NOT NULL,
                    PRIMARY KEY (assessment_id, adjustment)
                )
                """,
            ]),
    ]
}

extension Schema {
    /// The organisation name index (versions 40–49). Numbered above every version before it, so that a
    /// binary from before it refuses the database (it compares the highest version) instead of creating
    /// organisations the index would never find.
    static let searchMigrations: [Migration] = [
        Migration(
            version: 40, name: "organisation name index: each character and pair of characters",
            statements: [
                """
                CREATE TABLE organisation_grams (
                    gram TEXT NOT NULL,
                    search_name TEXT NOT NULL,
                    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
                    PRIMARY KEY (gram, search_name, organisation_id)
                )
                """,
                "CREATE INDEX organisation_grams_organisation ON organisation_grams (organisation_id)",
            ],
            then: { sql in try await OrganisationRepository.indexAllNames(in: sql) })
    ]
}
