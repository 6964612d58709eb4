import Foundation
import SQLKit

/// Client organisations and their sites.
public struct OrganisationRepository: Sendable {
    let database: any StoreDatabase

    /// Creates an organisation with its sites (names trimmed, empty or repeated ones dropped).
    public func create(name: String, sites: [String] = []) async throws -> OrganisationRecord {
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        let names = Self.distinct(sites)
        try await database.transaction { sql in
            try await Self.insert(id: id, name: name, at: now, in: sql)
            for (position, site) in names.enumerated() {
                try await Self.insertSite(site, organisation: id, position: position, in: sql)
            }
        }
        return try await get(id)
    }

    /// The organisation `id` with its sites.
    public func get(_ id: String) async throws -> OrganisationRecord {
        try await database.read { sql in try await Self.load(id, in: sql) }
    }

    static func load(_ id: String, in sql: any SQLDatabase) async throws -> OrganisationRecord {
        guard
            let row = try await sql.raw(
                "SELECT id, name, created_at, updated_at, version FROM organisations WHERE id = \(bind: id)"
            ).first()
        else { throw StoreError.notFound(kind: "organisation", id: id) }
        let sites = try await sql.raw(
            "SELECT id, name, version FROM sites WHERE organisation_id = \(bind: id) ORDER BY position, name"
        ).all().map {
            SiteRecord(
                id: try $0.decode(column: "id", as: String.self), name: try $0.decode(column: "name", as: String.self),
                version: try $0.decode(column: "version", as: Int.self))
        }
        return OrganisationRecord(
            id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
            sites: sites, createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    /// Organisations in name order, optionally only those whose name contains `search` (any case), after
    /// the name/id pair `after` (keyset paging: the last line of the previous page).
    ///
    /// A search reads the name index (``grams(_:)``) for the search's first character pair — one character
    /// when that is all it has — in name order, so a page costs its own rows, not a scan of every name; a longer
    /// search is then matched against each name that has that pair.
    public func list(search: String? = nil, after: (name: String, id: String)? = nil, limit: Int = 50)
        async throws -> [OrganisationSummary]
    {
        // No name holds NUL (the server refuses it); SQLite would cut the pattern there and match every name,
        // PostgreSQL would fail on it.
        if let search, search.unicodeScalars.contains("\u{0}") { return [] }
        let key = search.map(Self.searchKey).flatMap { $0.isEmpty ? nil : $0 }
        let limit = min(max(limit, 1), 500)
        return try await database.readOne { sql in
            var query: SQLQueryString = """
                SELECT o.id, o.name, o.version,
                (SELECT COUNT(*) FROM assessments a WHERE a.organisation_id = o.id) AS assessments
                """
            // The columns pages are ordered and continued by: the index's copy of the name when searching.
            let (name, id): (SQLQueryString, SQLQueryString)
            if let key {
                let scalars = Array(key.unicodeScalars)
                let gram = String(String.UnicodeScalarView(scalars.prefix(2)))
                query += " FROM organisation_grams g JOIN organisations o ON o.id = g.organisation_id"
                query += " WHERE g.gram = \(bind: gram)"
                if scalars.count > 2 {
                    query += " AND o.search_name LIKE \(bind: "%" + Self.escapeLike(key) + "%") ESCAPE '\\'"
                }
                (name, id) = ("g.search_name", "g.organisation_id")
            } else {
                query += " FROM organisations o WHERE 1 = 1"
                (name, id) = ("o.search_name", "o.id")
            }
            if let after {
                let key = Self.searchKey(after.name)
                query += " AND (\(name) > \(bind: key) OR (\(name) = \(bind: key) AND \(id) > \(bind: after.id)))"
            }
            query += " ORDER BY \(name), \(id) LIMIT \(literal: limit)"
            return try await sql.raw(query).all().map {
                OrganisationSummary(
                    id: try $0.decode(column: "id", as: String.self),
                    name: try $0.decode(column: "name", as: String.self),
                    assessments: try $0.decode(column: "assessments", as: Int.self),
                    version: try $0.decode(column: "version", as: Int.self))
            }
        }
    }

    /// Renames the organisation and sets its sites, if `expectedVersion` is still its version.
    public func update(_ id: String, name: String, sites: [String]?, expectedVersion: Int) async throws
        -> OrganisationRecord
    {
        let now = Timestamp.now()
        try await database.transaction { sql in
            let current = try await Self.load(id, in: sql)
            guard current.version == expectedVersion else {
                throw StoreError.versionConflict(kind: "organisation", id: id, current: current.version)
            }
            let updated = try await sql.raw(
                """
                UPDATE organisations SET name = \(bind: name), search_name = \(bind: Self.searchKey(name)),
                updated_at = \(bind: now), version = version + 1
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING version
                """
            ).first()
            guard updated != nil else {
                throw StoreError.versionConflict(kind: "organisation", id: id, current: current.version)
            }
            // By bytes: Swift takes "é" and "e" + U+0301 as one string, the index does not.
            if !Self.searchKey(name).utf8.elementsEqual(Self.searchKey(current.name).utf8) {
                try await Self.indexName(id, key: Self.searchKey(name), in: sql)
            }
            guard let sites else { return }
            let wanted = Self.distinct(sites)
            for site in current.sites where !wanted.contains(site.name) {
                try await sql.raw("DELETE FROM sites WHERE id = \(bind: site.id)").run()
            }
            for (position, name) in wanted.enumerated() {
                if let existing = current.sites.first(where: { $0.name == name }) {
                    try await sql.raw(
                        "UPDATE sites SET position = \(bind: position) WHERE id = \(bind: existing.id)"
                    ).run()
                } else {
                    try await Self.insertSite(name, organisation: id, position: position, in: sql)
                }
            }
        }
        return try await get(id)
    }

    /// Deletes the organisation and everything it holds, if `expectedVersion` is still its version.
    public func delete(_ id: String, expectedVersion: Int) async throws {
        try await database.transaction { sql in
            let current = try await Self.load(id, in: sql)
            guard current.version == expectedVersion else {
                throw StoreError.versionConflict(kind: "organisation", id: id, current: current.version)
            }
            try await sql.raw("DELETE FROM organisations WHERE id = \(bind: id)").run()
        }
    }

    /// Inserts an organisation without sites, and indexes its name for searching.
    static func insert(id: String, name: String, at now: String, in sql: any SQLDatabase) async throws {
        let key = searchKey(name)
        try await sql.raw(
            """
            INSERT INTO organisations (id, name, search_name, created_at, updated_at, version)
            VALUES (\(bind: id), \(bind: name), \(bind: key), \(bind: now), \(bind: now), 1)
            """
        ).run()
        try await insertGrams(grams(key).map { ($0, key, id) }, in: sql)
    }

    /// The pieces a name is found by: each character of its search form and each pair of neighbouring ones
    /// (Unicode scalars, as `LIKE` compares text), each once. Any search of one or more characters contains
    /// one of them (its first pair, or itself), so the index finds every name a search can match — a
    /// two-character Chinese search too, which a trigram index cannot serve.
    public static func grams(_ key: String) -> [String] {
        let scalars = Array(key.unicodeScalars)
        var seen = Set<[UInt8]>()
        var grams: [String] = []
        for (index, scalar) in scalars.enumerated() {
            var pieces = [String(scalar)]
            if index + 1 < scalars.count {
                pieces.append(String(String.UnicodeScalarView([scalar, scalars[index + 1]])))
            }
            // Compared by their bytes: Swift takes "é" and "e" + U+0301 as one string, the database does not.
            for piece in pieces where seen.insert(Array(piece.utf8)).inserted { grams.append(piece) }
        }
        return grams
    }

    /// Replaces the organisation's entries in the name index with those of `key`.
    static func indexName(_ id: String, key: String, in sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM organisation_grams WHERE organisation_id = \(bind: id)").run()
        try await insertGrams(grams(key).map { ($0, key, id) }, in: sql)
    }

    /// Index rows, 300 (900 values) a statement: well within either database's limit on parameters.
    static func insertGrams(_ rows: [(gram: String, key: String, id: String)], in sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: rows.count, by: 300) {
            var query: SQLQueryString = "INSERT INTO organisation_grams (gram, search_name, organisation_id) VALUES "
            query += rows[start..<min(start + 300, rows.count)].map {
                "(\(bind: $0.gram), \(bind: $0.key), \(bind: $0.id))" as SQLQueryString
            }.joined(separator: ", ")
            try await sql.raw(query).run()
        }
    }

    /// Indexes every organisation's name: the migration that brings the index fills it for the names already
    /// stored (into the new, empty table; rows of many organisations to a statement — a register of 100,000
    /// clients, 2.9 million rows, took 86 s on PostgreSQL).
    static func indexAllNames(in sql: any SQLDatabase) async throws {
        let rows = try await sql.raw("SELECT id, search_name FROM organisations ORDER BY id").all()
        var pending: [(gram: String, key: String, id: String)] = []
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            let key = try row.decode(column: "search_name", as: String.self)
            pending += grams(key).map { ($0, key, id) }
            if pending.count >= 3_000 {
                try await insertGrams(pending, in: sql)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try await insertGrams(pending, in: sql)
    }

    static func insertSite(_ name: String, organisation: String, position: Int, in sql: any SQLDatabase)
        async throws
    {
        try await sql.raw(
            """
            INSERT INTO sites (id, organisation_id, name, position, version)
            VALUES (\(bind: UUID().uuidString.lowercased()), \(bind: organisation), \(bind: name), \(bind: position), 1)
            """
        ).run()
    }

    static func distinct(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty && seen.insert($0).inserted
        }
    }

    /// The form names are searched and sorted by: lower-cased (ASCII and other scripts alike).
    static func searchKey(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Escapes LIKE's wildcards so a search for `50%` finds that text.
    static func escapeLike(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
