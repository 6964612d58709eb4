import Foundation
import SQLKit

/// A consistent copy of a running SQLite store: the database as of one moment (`VACUUM INTO`, which
/// reads in one transaction while the server goes on writing), and every stored file it cites.
public enum Backup {
    /// Why a backup was not made.
    public enum Problem: Error, CustomStringConvertible {
        case postgres(url: String)
        case noDatabase(String)
    }

    /// The files of the backup: `maturity.sqlite` and `blobs/ab/<sha256>` for every file it cites.
    public static func sqliteFiles(_ configuration: StoreConfiguration) async throws -> [String: Data] {
        if let url = configuration.databaseURL { throw Problem.postgres(url: url) }
        guard FileManager.default.fileExists(atPath: configuration.sqlitePath) else {
            throw Problem.noDatabase(configuration.sqlitePath)
        }
        let copy = NSTemporaryDirectory() + "maturity-backup-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let database = try await SQLiteStoreDatabase.open(
            path: configuration.sqlitePath, readers: 1, logger: .init(label: "maturity.backup"))
        do {
            try await database.write { sql in try await sql.raw("VACUUM INTO \(bind: copy)").run() }
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
        var files = ["maturity.sqlite": try Data(contentsOf: URL(fileURLWithPath: copy))]
        let snapshot = try await SQLiteStoreDatabase.open(
            path: copy, readers: 1, logger: .init(label: "maturity.backup"))
        let cited = try await snapshot.read { sql in
            try await sql.raw("SELECT sha256 FROM blobs ORDER BY sha256").all().map {
                try $0.decode(column: "sha256", as: String.self)
            }
        }
        try await snapshot.close()
        for sha in cited {
            let path = BlobStore.path(of: sha, in: configuration.blobDirectory)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StoreError.blobMissing(sha256: sha)
            }
            files["blobs/\(sha.prefix(2))/\(sha)"] = data
        }
        return files
    }
}
