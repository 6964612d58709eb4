import Foundation
import Logging
import MaturityStore
import MaturityStoreTesting
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestDatabase.allCases)
    func aNewDatabaseIsBroughtToTheLatestSchemaOnce(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let version = try await store.database.read { try await Migrator.currentVersion($0) }
            #expect(version == Schema.latestVersion)
            let appliedAgain = try await Migrator.migrate(store.database)
            #expect(appliedAgain.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aDatabaseWithANewerSchemaIsRefused(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let newer = Schema.latestVersion + 1
            try await store.database.transaction { sql in
                try await sql.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: newer), 'future', 'now')"
                ).run()
            }
            await #expect(throws: StoreError.newerSchema(found: newer, known: Schema.latestVersion)) {
                try await Migrator.migrate(store.database)
            }
            let message = StoreError.newerSchema(found: newer, known: Schema.latestVersion).description
            #expect(message.contains("schema version \(newer)"))
            #expect(message.contains("use a newer maturity"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func certificateDatesCompareAsBytesOnPostgreSQL(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let applied = try await store.database.read { sql in
                try await sql.raw("SELECT version FROM schema_migrations WHERE version = 41").first()
            }
            #expect(applied != nil)
            guard store.database.kind == .postgres else { return }
            let collations = try await store.database.read { sql in
                try await sql.raw(
                    """
                    SELECT column_name, collation_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'certificates'
                    AND column_name IN ('next_due', 'expires') ORDER BY column_name
                    """
                ).all().map {
                    "\(try $0.decode(column: "column_name", as: String.self))=\(try $0.decode(column: "collation_name", as: String?.self) ?? "-")"
                }
            }
            #expect(collations == ["expires=C", "next_due=C"])
        }
    }

    @Test func migrationsAreNumberedInOrderFromOne() {
        // Each piece of work has its own range of versions (the register's are 30–39, the name index's 40–49), so numbers may skip.
        let versions = Schema.migrations.map(\.version)
        #expect(versions.first == 1)
        #expect(zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func aFailedMigrationLeavesTheDatabaseAsItWas() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-mig-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try await Store.open(StoreConfiguration(dataDirectory: folder), logger: Logger(label: "t"))
        let broken =
            Schema.migrations + [
                Migration(
                    version: Schema.latestVersion + 1, name: "half",
                    statements: ["CREATE TABLE half_done (id TEXT)", "THIS IS NOT SQL"])
            ]
        await #expect(throws: (any Error).self) { try await Migrator.migrate(store.database, migrations: broken) }
        let tables = try await store.database.read { sql in
            try await sql.raw("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()
        }
        #expect(tables.isEmpty)
        let version = try await store.database.read { try await Migrator.currentVersion($0) }
        #expect(version == Schema.latestVersion)
        try await store.close()
    }
}
