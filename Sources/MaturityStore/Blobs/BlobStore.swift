import Foundation
import MaturityCore
import SQLKit

/// Files stored by their SHA-256 (the digest the audit sign-off uses), each once however often cited.
///
/// With SQLite the bytes are files in the data folder (`blobs/ab/abcd…`), written and flushed before the
/// row that cites them is committed; with PostgreSQL they are in the `blobs` table, so every server
/// process sharing the database sees them. A row in `blobs` exists for every stored file either way.
public struct BlobStore: Sendable {
    /// Where the bytes go: a folder (SQLite), or the database itself (PostgreSQL).
    public enum Placement: Sendable {
        case folder(String)
        case database
    }

    public let placement: Placement
    /// Largest file accepted, in bytes.
    public let maximumBytes: Int

    public init(placement: Placement, maximumBytes: Int) {
        self.placement = placement
        self.maximumBytes = maximumBytes
    }

    /// The lower-case hex SHA-256 of `data`.
    public static func digest(_ data: Data) -> String {
        SignOff.sha256(data)
    }

    /// Checks the size limit; `name` says which file in the error.
    public func check(_ data: Data, name: String) throws {
        if data.count > maximumBytes {
            throw StoreError.fileTooLarge(name: name, size: data.count, limit: maximumBytes)
        }
    }

    /// Stores `data` within the caller's transaction and returns its digest: the bytes first, then the row.
    public func put(_ data: Data, name: String, in sql: any SQLDatabase) async throws -> String {
        try check(data, name: name)
        let sha = Self.digest(data)
        let now = Timestamp.now()
        switch placement {
        case .folder(let folder):
            try writeFile(data, sha: sha, folder: folder)
            try await sql.raw(
                """
                INSERT INTO blobs (sha256, size, created_at) VALUES (\(bind: sha), \(bind: data.count), \(bind: now))
                ON CONFLICT (sha256) DO NOTHING
                """
            ).run()
        case .database:
            try await sql.raw(
                """
                INSERT INTO blobs (sha256, size, created_at, data)
                VALUES (\(bind: sha), \(bind: data.count), \(bind: now), \(bind: data))
                ON CONFLICT (sha256) DO NOTHING
                """
            ).run()
        }
        return sha
    }

    /// The bytes stored under `sha`.
    public func get(_ sha: String, in sql: any SQLDatabase) async throws -> Data {
        switch placement {
        case .folder(let folder):
            guard let data = FileManager.default.contents(atPath: Self.path(of: sha, in: folder)) else {
                throw StoreError.blobMissing(sha256: sha)
            }
            return data
        case .database:
            let row = try await sql.raw("SELECT data FROM blobs WHERE sha256 = \(bind: sha)").first()
            guard let row, let data = try row.decode(column: "data", as: Data?.self) else {
                throw StoreError.blobMissing(sha256: sha)
            }
            return data
        }
    }

    static func path(of sha: String, in folder: String) -> String {
        "\(folder)/\(sha.prefix(2))/\(sha)"
    }

    /// Writes the file beside its final name, flushes it, and renames it into place, so a killed process
    /// leaves either no file or the whole file.
    private func writeFile(_ data: Data, sha: String, folder: String) throws {
        let target = Self.path(of: sha, in: folder)
        let fm = FileManager.default
        if fm.fileExists(atPath: target) { return }
        let directory = (target as NSString).deletingLastPathComponent
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = "\(directory)/.\(sha).\(UUID().uuidString).tmp"
        guard fm.createFile(atPath: temporary, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? fm.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            try? fm.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
        Self.syncDirectory(directory)
    }

    /// Makes a rename durable: the directory entry is flushed too.
    static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }

    /// Removes stored files that nothing cites any more and that are older than `grace` seconds (so a file
    /// stored by an upload still in progress is kept); with a folder, also files without a row (left by a
    /// process killed between writing the file and committing). Returns how many were removed.
    public func sweep(olderThan grace: TimeInterval, database: any StoreDatabase) async throws -> Int {
        let cutoff = Timestamp.string(Date().addingTimeInterval(-grace))
        let removed = try await database.transaction { sql in
            try await sql.raw(
                """
                DELETE FROM blobs WHERE created_at < \(bind: cutoff)
                AND NOT EXISTS (SELECT 1 FROM assessment_files f WHERE f.sha256 = blobs.sha256)
                AND NOT EXISTS (SELECT 1 FROM catalog_files c WHERE c.sha256 = blobs.sha256)
                AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.source_sha256 = blobs.sha256)
                RETURNING sha256
                """
            ).all().map { try $0.decode(column: "sha256", as: String.self) }
        }
        guard case .folder(let folder) = placement else { return removed.count }
        let fm = FileManager.default
        for sha in removed { try? fm.removeItem(atPath: Self.path(of: sha, in: folder)) }
        // Files without a row: read the rows after listing the files, so a file committed meanwhile is kept.
        var candidates: [(sha: String, path: String)] = []
        let oldest = Date().addingTimeInterval(-grace)
        for shard in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] {
            let directory = "\(folder)/\(shard)"
            for name in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] {
                let path = "\(directory)/\(name)"
                let modified = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
                if modified < oldest { candidates.append((name, path)) }
            }
        }
        guard !candidates.isEmpty else { return removed.count }
        let known = Set(
            try await database.read { sql in
                try await sql.raw("SELECT sha256 FROM blobs").all().map {
                    try $0.decode(column: "sha256", as: String.self)
                }
            })
        var strays = 0
        for candidate in candidates where !known.contains(candidate.sha) {
            try? fm.removeItem(atPath: candidate.path)
            strays += 1
        }
        return removed.count + strays
    }
}
