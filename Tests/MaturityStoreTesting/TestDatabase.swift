import Foundation
import Logging
import MaturityStore
import PostgresKit

/// The databases the storage tests run against: every test that takes one runs on both.
public enum TestDatabase: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The PostgreSQL server the tests use: `MATURITY_TEST_POSTGRES_URL`, else a local default that
    /// `.ci/run` creates.
    public static var postgresURL: String {
        ProcessInfo.processInfo.environment["MATURITY_TEST_POSTGRES_URL"]
            ?? "postgres://maturity:maturity@127.0.0.1:5432/maturity_test"
    }

    /// True when running in CI, where PostgreSQL must be there.
    public static var inCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !value.isEmpty && value != "false" && value != "0"
    }

    /// Opens a new, empty store on this database for one test, and removes it afterwards. Returns false
    /// (after printing why) when PostgreSQL is not reachable outside CI; in CI that is an error.
    public func withStore(
        maximumFileBytes: Int = 64 << 20, _ body: (Store) async throws -> Void
    ) async throws {
        let logger = Logger(label: "maturity.tests")
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "maturity-store-\(UUID().uuidString)"
            ).path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let store = try await Store.open(
                StoreConfiguration(dataDirectory: folder, maximumFileBytes: maximumFileBytes), logger: logger)
            do {
                try await body(store)
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
        case .postgres:
            guard let schema = try await PostgresSchemas.create() else { return }
            let store = try await Store.open(
                StoreConfiguration(
                    dataDirectory: NSTemporaryDirectory(), databaseURL: Self.postgresURL, postgresSchema: schema,
                    maximumFileBytes: maximumFileBytes), logger: logger)
            do {
                try await body(store)
            } catch {
                try? await store.close()
                try? await PostgresSchemas.drop(schema)
                throw error
            }
            try await store.close()
            try await PostgresSchemas.drop(schema)
        }
    }
}

/// A schema per test on the shared test database, so tests run in parallel without seeing each other.
public enum PostgresSchemas {
    /// Creates a new schema and returns its name, or nil (after printing why) when no server answers and
    /// this is not CI.
    public static func create() async throws -> String? {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        do {
            try await run("CREATE SCHEMA \(name)")
            return name
        } catch {
            if TestDatabase.inCI { throw error }
            Unavailable.report("PostgreSQL tests skipped: no server at \(TestDatabase.postgresURL) (\(error))")
            return nil
        }
    }

    public static func drop(_ name: String) async throws {
        try await run("DROP SCHEMA \(name) CASCADE")
    }

    /// Runs one statement on its own connection.
    public static func run(_ statement: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: TestDatabase.postgresURL)
        var core = configuration.coreConfiguration
        core.options.connectTimeout = .seconds(3)
        let connection = try await PostgresConnection.connect(
            configuration: core, id: 1, logger: Logger(label: "maturity.tests"))
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: connection.logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// Says once per run why PostgreSQL tests did not run.
enum Unavailable {
    nonisolated(unsafe) static var said = false
    static let lock = NSLock()

    static func report(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        if said { return }
        said = true
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
