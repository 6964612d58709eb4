import Foundation
import Logging
import MaturityCore

/// Where the store keeps its data, as `maturity serve` was told.
public struct StoreConfiguration: Sendable {
    /// The data folder: the SQLite database and evidence files (SQLite), or nothing but a lock (PostgreSQL).
    public var dataDirectory: String
    /// A `postgres://` URL, or nil for the embedded SQLite database in the data folder.
    public var databaseURL: String?
    /// Largest evidence or catalog file accepted, in bytes (default 64 MB).
    public var maximumFileBytes: Int

    /// PostgreSQL only: the schema (search path) to use instead of `public`.
    public var postgresSchema: String?

    public init(
        dataDirectory: String, databaseURL: String? = nil, postgresSchema: String? = nil,
        maximumFileBytes: Int = 64 << 20
    ) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.postgresSchema = postgresSchema
        self.maximumFileBytes = maximumFileBytes
    }

    /// The SQLite database file in the data folder.
    public var sqlitePath: String { (dataDirectory as NSString).appendingPathComponent("maturity.sqlite") }
    /// Where evidence files go with SQLite.
    public var blobDirectory: String { (dataDirectory as NSString).appendingPathComponent("blobs") }
}

/// The store: a database brought to the current schema, stored files, and the repositories over them.
public final class Store: Sendable {
    public let configuration: StoreConfiguration
    public let database: any StoreDatabase
    public let blobs: BlobStore
    /// The register's answers kept between requests, while the database tells of every change to the register
    /// (see ``keepRegisterAnswers(log:)``).
    public let registerCache = RegisterCache()
    private let closed = Once()

    public var organisations: OrganisationRepository { OrganisationRepository(database: database) }
    public var catalogs: CatalogRepository { CatalogRepository(database: database, blobs: blobs) }
    public var assessments: AssessmentRepository {
        AssessmentRepository(database: database, blobs: blobs, turns: turns)
    }
    /// The turns this process's edits take on each assessment.
    private let turns = EditTurns()
    public var plans: PlanRepository { PlanRepository(database: database) }
    public var results: ResultRepository { ResultRepository(database: database) }
    public var users: UserRepository { UserRepository(database: database) }
    public var sessions: SessionRepository { SessionRepository(database: database) }
    public var tokens: APITokenRepository { APITokenRepository(database: database) }
    public var audit: AuditTrail { AuditTrail(database: database) }

    init(configuration: StoreConfiguration, database: any StoreDatabase, blobs: BlobStore) {
        self.configuration = configuration
        self.database = database
        self.blobs = blobs
    }

    /// `postgres://user:secret@host/db` → `postgres://user@host/db`, for printing.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.password = nil
        return components.string ?? url
    }

    /// Opens the database (creating the data folder and SQLite file when absent) and migrates it;
    /// a database with a newer schema than this build knows is refused.
    public static func open(_ configuration: StoreConfiguration, logger: Logger) async throws -> Store {
        let database: any StoreDatabase
        let blobs: BlobStore
        if let url = configuration.databaseURL {
            let postgres = try PostgresStoreDatabase.open(
                url: url, schema: configuration.postgresSchema, logger: logger)
            do {
                try await postgres.checkReachable(url: Self.redacted(url))
            } catch {
                try? await postgres.close()
                throw error
            }
            database = postgres
            blobs = BlobStore(placement: .database, maximumBytes: configuration.maximumFileBytes)
        } else {
            try FileManager.default.createDirectory(
                atPath: configuration.blobDirectory, withIntermediateDirectories: true)
            database = try await SQLiteStoreDatabase.open(path: configuration.sqlitePath, logger: logger)
            blobs = BlobStore(
                placement: .folder(configuration.blobDirectory), maximumBytes: configuration.maximumFileBytes)
        }
        // Every transaction through the store seals the changes it made into the audit trail (PostgreSQL: just
        // after its commit; the installing transaction's seal chains what a process killed before sealing left).
        let audited = AuditedDatabase(database, logger: logger)
        do {
            try await Migrator.migrate(database)
            try await AuditTriggers.install(audited)
        } catch {
            try? await database.close()
            throw error
        }
        return Store(configuration: configuration, database: audited, blobs: blobs)
    }

    /// Keeps the register's most asked answers (public verification, the due board) between requests from now
    /// on, for as long as the database can tell of every change (PostgreSQL: a notice at every commit to the
    /// register; SQLite: a look at the write-ahead log's shared index before every use), and reads every
    /// certificate's answer ahead. The server calls it; a command that reads once has no use for it.
    /// `log` hears how many certificates were read ahead, and in how long, each time they are.
    public func keepRegisterAnswers(log: @escaping @Sendable (String) -> Void = { _ in }) {
        registerCache.warm { [weak registerCache, database] in
            guard let registerCache else { return }
            let clock = ContinuousClock()
            let start = clock.now
            do {
                let kept = try await RegisterRepository(database: database, cache: registerCache).keepPublicAnswers()
                let elapsed = (clock.now - start).components
                let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
                if kept > 0 {
                    log(Diagnostic.Message.registerReadAhead(count: kept, seconds: String(format: "%.1f", seconds)).en)
                }
            } catch {
                log(Diagnostic.Message.registerNotReadAhead(error: "\(error)").en)
            }
        }
        database.announceRegisterChanges(to: registerCache)
    }

    /// Removes stored files nothing cites (see ``BlobStore/sweep(olderThan:database:)``).
    public func sweepOrphans(olderThan grace: TimeInterval = 3600) async throws -> Int {
        try await blobs.sweep(olderThan: grace, database: database)
    }

    /// Closes the database; later calls do nothing (the server's shutdown and its caller may both close).
    public func close() async throws {
        guard closed.claim() else { return }
        try await database.close()
    }
}

/// True the first time only.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func claim() -> Bool {
        lock.withLock {
            defer { done = true }
            return !done
        }
    }
}
