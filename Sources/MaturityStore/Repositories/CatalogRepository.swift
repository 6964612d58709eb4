import Foundation
import SQLKit

/// Criteria catalogs: the shipped ones, recorded at start, and uploaded ones that passed lint.
public struct CatalogRepository: Sendable {
    let database: any StoreDatabase
    let blobs: BlobStore

    /// Records a catalog's files under its id and version, unless that id and version are stored already
    /// (then the stored one is returned, unchanged: a published catalog version never changes).
    public func add(
        catalogId: String, catalogVersion: String, title: String, origin: CatalogRecord.Origin,
        files: [(path: String, data: Data)]
    ) async throws -> (record: CatalogRecord, created: Bool) {
        if let existing = try await find(catalogId: catalogId, version: catalogVersion) { return (existing, false) }
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        let blobs = self.blobs
        let created = try await database.transaction { sql -> Bool in
            let inserted = try await sql.raw(
                """
                INSERT INTO catalogs (id, catalog_id, catalog_version, title, origin, created_at)
                VALUES (\(bind: id), \(bind: catalogId), \(bind: catalogVersion), \(bind: title),
                \(bind: origin.rawValue), \(bind: now))
                ON CONFLICT (catalog_id, catalog_version) DO NOTHING RETURNING id
                """
            ).first()
            guard inserted != nil else { return false }
            for file in files {
                let sha = try await blobs.put(file.data, name: file.path, in: sql)
                try await sql.raw(
                    "INSERT INTO catalog_files (catalog, path, sha256) VALUES (\(bind: id), \(bind: file.path), \(bind: sha))"
                ).run()
            }
            return true
        }
        guard let record = try await find(catalogId: catalogId, version: catalogVersion) else {
            throw StoreError.notFound(kind: "catalog", id: "\(catalogId)@\(catalogVersion)")
        }
        return (record, created)
    }

    /// Every catalog, by id then version.
    public func list() async throws -> [CatalogRecord] {
        try await database.read { sql in
            let rows = try await sql.raw("SELECT * FROM catalogs ORDER BY catalog_id, catalog_version").all()
            var records: [CatalogRecord] = []
            for row in rows { records.append(try await Self.record(row, in: sql)) }
            return records
        }
    }

    /// The catalog with store id `id`.
    public func get(_ id: String) async throws -> CatalogRecord {
        let found = try await database.read { sql -> CatalogRecord? in
            guard let row = try await sql.raw("SELECT * FROM catalogs WHERE id = \(bind: id)").first() else {
                return nil
            }
            return try await Self.record(row, in: sql)
        }
        guard let found else { throw StoreError.notFound(kind: "catalog", id: id) }
        return found
    }

    /// The catalog `catalogId` at `version`, or its newest version (by the time it was stored) when nil.
    public func find(catalogId: String, version: String?) async throws -> CatalogRecord? {
        try await database.read { sql -> CatalogRecord? in
            let query: SQLQueryString =
                if let version {
                    "SELECT * FROM catalogs WHERE catalog_id = \(bind: catalogId) AND catalog_version = \(bind: version)"
                } else {
                    "SELECT * FROM catalogs WHERE catalog_id = \(bind: catalogId) ORDER BY created_at DESC, id LIMIT 1"
                }
            guard let row = try await sql.raw(query).first() else { return nil }
            return try await Self.record(row, in: sql)
        }
    }

    /// The bytes of every file of `catalog`, by path.
    public func files(of catalog: CatalogRecord) async throws -> [String: Data] {
        let blobs = self.blobs
        return try await database.read { sql in
            var files: [String: Data] = [:]
            for file in catalog.files { files[file.path] = try await blobs.get(file.sha256, in: sql) }
            return files
        }
    }

    static func record(_ row: any SQLRow, in sql: any SQLDatabase) async throws -> CatalogRecord {
        let id = try row.decode(column: "id", as: String.self)
        let files = try await sql.raw(
            """
            SELECT c.path, c.sha256, b.size FROM catalog_files c JOIN blobs b ON b.sha256 = c.sha256
            WHERE c.catalog = \(bind: id) ORDER BY c.path
            """
        ).all().map {
            FileRecord(
                path: try $0.decode(column: "path", as: String.self),
                sha256: try $0.decode(column: "sha256", as: String.self),
                size: try $0.decode(column: "size", as: Int.self))
        }
        return CatalogRecord(
            id: id, catalogId: try row.decode(column: "catalog_id", as: String.self),
            catalogVersion: try row.decode(column: "catalog_version", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            origin: CatalogRecord.Origin(rawValue: try row.decode(column: "origin", as: String.self)) ?? .uploaded,
            createdAt: try row.decode(column: "created_at", as: String.self), files: files)
    }
}
