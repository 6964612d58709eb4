import Foundation
import SQLKit

/// Browser sessions, kept in the database so that several server processes share them. A session is found by
/// the SHA-256 of its cookie value, so the table alone does not let anyone sign in.
public struct SessionRepository: Sendable {
    let database: any StoreDatabase

    /// Starts a session for `user`, ending at `expires` at the latest.
    public func create(
        idHash: String, user: String, csrf: String, address: String?, now: Date, expires: Date
    ) async throws {
        let at = Timestamp.string(now)
        try await database.transaction { sql in
            try await sql.raw(
                """
                INSERT INTO sessions (id_hash, user_id, csrf, address, created_at, last_seen_at, expires_at)
                VALUES (\(bind: idHash), \(bind: user), \(bind: csrf), \(bind: address), \(bind: at), \(bind: at),
                \(bind: Timestamp.string(expires)))
                """
            ).run()
        }
    }

    /// The session whose cookie hashes to `idHash`, if it has not expired (idle for longer than `idle`, or past its
    /// absolute end); an expired one is removed. Its last use is written at most once a minute.
    public func find(idHash: String, now: Date, idle: TimeInterval) async throws -> SessionRecord? {
        let found = try await database.readOne { sql in
            try await sql.raw(
                """
                SELECT s.user_id, s.csrf, s.created_at, s.last_seen_at, s.expires_at FROM sessions s
                JOIN users u ON u.id = s.user_id WHERE s.id_hash = \(bind: idHash) AND u.disabled = 0
                """
            ).first()
        }
        guard let found else { return nil }
        let lastSeen = try found.decode(column: "last_seen_at", as: String.self)
        let expires = try found.decode(column: "expires_at", as: String.self)
        if expires <= Timestamp.string(now) || lastSeen <= Timestamp.string(now.addingTimeInterval(-idle)) {
            try await end(idHash: idHash)
            return nil
        }
        if lastSeen <= Timestamp.string(now.addingTimeInterval(-60)) {
            let at = Timestamp.string(now)
            try await database.transaction { sql in
                try await sql.raw("UPDATE sessions SET last_seen_at = \(bind: at) WHERE id_hash = \(bind: idHash)")
                    .run()
            }
        }
        return SessionRecord(
            userId: try found.decode(column: "user_id", as: String.self),
            csrf: try found.decode(column: "csrf", as: String.self),
            createdAt: try found.decode(column: "created_at", as: String.self), expiresAt: expires)
    }

    /// Ends one session (sign-out).
    public func end(idHash: String) async throws {
        try await database.transaction { sql in
            try await sql.raw("DELETE FROM sessions WHERE id_hash = \(bind: idHash)").run()
        }
    }

    /// How many sessions `user` has open.
    public func count(user: String) async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM sessions WHERE user_id = \(bind: user)").first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
    }
}

/// API tokens for integrations: stored as the SHA-256 of the token, shown once, revocable.
public struct APITokenRepository: Sendable {
    let database: any StoreDatabase

    /// Records a token (by its hash) named `name` for `user`.
    public func create(user: String, name: String, tokenHash: String) async throws -> APITokenRecord {
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await database.transaction { sql in
            try await sql.raw(
                """
                INSERT INTO api_tokens (id, user_id, name, token_hash, created_at)
                VALUES (\(bind: id), \(bind: user), \(bind: name), \(bind: tokenHash), \(bind: now))
                """
            ).run()
        }
        return APITokenRecord(id: id, userId: user, name: name, createdAt: now, lastUsedAt: nil, revokedAt: nil)
    }

    /// The user and token id a token hashing to `tokenHash` belongs to, unless revoked or the user is disabled.
    public func find(tokenHash: String) async throws -> (user: String, token: String)? {
        let row = try await database.read { sql in
            try await sql.raw(
                """
                SELECT t.id, t.user_id FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = \(bind: tokenHash) AND t.revoked_at IS NULL AND u.disabled = 0
                """
            ).first()
        }
        guard let row else { return nil }
        return (try row.decode(column: "user_id", as: String.self), try row.decode(column: "id", as: String.self))
    }

    /// The tokens of `user`, oldest first.
    public func list(user: String) async throws -> [APITokenRecord] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens
                WHERE user_id = \(bind: user) ORDER BY created_at, id
                """
            ).all().map {
                APITokenRecord(
                    id: try $0.decode(column: "id", as: String.self),
                    userId: try $0.decode(column: "user_id", as: String.self),
                    name: try $0.decode(column: "name", as: String.self),
                    createdAt: try $0.decode(column: "created_at", as: String.self),
                    lastUsedAt: try $0.decode(column: "last_used_at", as: String?.self),
                    revokedAt: try $0.decode(column: "revoked_at", as: String?.self))
            }
        }
    }

    /// Revokes the token of `user` named `name` (or with that id); false when there is no such live token.
    public func revoke(user: String, name: String) async throws -> Bool {
        let now = Timestamp.now()
        return try await database.transaction { sql in
            try await sql.raw(
                """
                UPDATE api_tokens SET revoked_at = \(bind: now)
                WHERE user_id = \(bind: user) AND (name = \(bind: name) OR id = \(bind: name)) AND revoked_at IS NULL
                RETURNING id
                """
            ).first() != nil
        }
    }
}
