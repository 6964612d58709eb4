import Foundation
import SQLKit

/// Users and their role assignments. Passwords arrive hashed: the store never sees one in clear.
public struct UserRepository: Sendable {
    let database: any StoreDatabase

    /// How many users exist (none: the server keeps to loopback without sign-in).
    public func count() async throws -> Int {
        try await database.readOne { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Creates the user `name` with a password hash and roles.
    public func create(
        name: String, displayName: String, language: String, passwordHash: String, roles: [RoleAssignment]
    ) async throws -> UserRecord {
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await database.transaction { sql in
            if try await Self.row(name: name, in: sql) != nil { throw StoreError.duplicate(kind: "user", id: name) }
            try await sql.raw(
                """
                INSERT INTO users (id, name, display_name, language, disabled, password_hash, created_at, updated_at,
                version) VALUES (\(bind: id), \(bind: name), \(bind: displayName), \(bind: language), 0,
                \(bind: passwordHash), \(bind: now), \(bind: now), 1)
                """
            ).run()
            for role in roles { try await Self.insertRole(role, user: id, in: sql) }
        }
        return try await get(id)
    }

    /// The user `id` with their roles.
    public func get(_ id: String) async throws -> UserRecord {
        try await database.read { sql in
            guard let row = try await sql.raw("SELECT * FROM users WHERE id = \(bind: id)").first() else {
                throw StoreError.notFound(kind: "user", id: id)
            }
            return try await Self.user(row, in: sql)
        }
    }

    /// The user signing in as `name`, with their password hash and second-factor secret; nil when none.
    public func credentials(name: String) async throws -> (user: UserRecord, passwordHash: String, totp: String?)? {
        try await database.read { sql in
            guard let row = try await Self.row(name: name, in: sql) else { return nil }
            return (
                try await Self.user(row, in: sql), try row.decode(column: "password_hash", as: String.self),
                try row.decode(column: "totp_secret", as: String?.self)
            )
        }
    }

    /// The user called `name`.
    public func named(_ name: String) async throws -> UserRecord {
        guard let found = try await credentials(name: name) else { throw StoreError.notFound(kind: "user", id: name) }
        return found.user
    }

    /// Every user, by name.
    public func list() async throws -> [UserRecord] {
        try await database.read { sql in
            var users: [UserRecord] = []
            for row in try await sql.raw("SELECT * FROM users ORDER BY name").all() {
                users.append(try await Self.user(row, in: sql))
            }
            return users
        }
    }

    /// Disables (or enables again) the user; disabling ends their sessions and revokes their tokens.
    public func setDisabled(_ name: String, _ disabled: Bool) async throws -> UserRecord {
        let user = try await named(name)
        let now = Timestamp.now()
        try await database.transaction { sql in
            try await sql.raw(
                """
                UPDATE users SET disabled = \(bind: disabled ? 1 : 0), updated_at = \(bind: now), version = version + 1
                WHERE id = \(bind: user.id)
                """
            ).run()
            if disabled {
                try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: user.id)").run()
                try await sql.raw(
                    "UPDATE api_tokens SET revoked_at = \(bind: now) WHERE user_id = \(bind: user.id) AND revoked_at IS NULL"
                ).run()
            }
        }
        return try await get(user.id)
    }

    /// Sets a new password hash and ends every session of the user (a stolen cookie dies with the old password).
    public func setPassword(_ id: String, hash: String) async throws {
        let now = Timestamp.now()
        try await database.transaction { sql in
            try await sql.raw(
                """
                UPDATE users SET password_hash = \(bind: hash), updated_at = \(bind: now), version = version + 1
                WHERE id = \(bind: id)
                """
            ).run()
            try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: id)").run()
        }
    }

    /// Sets (or with nil removes) the user's TOTP secret.
    public func setTOTP(_ id: String, secret: String?) async throws {
        let now = Timestamp.now()
        try await database.transaction { sql in
            try await sql.raw(
                """
                UPDATE users SET totp_secret = \(bind: secret), updated_at = \(bind: now), version = version + 1
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    /// Gives the user another role (an assignment they hold already is not repeated).
    public func assign(_ name: String, _ role: RoleAssignment) async throws -> UserRecord {
        let user = try await named(name)
        if !user.roles.contains(role) {
            try await database.transaction { sql in try await Self.insertRole(role, user: user.id, in: sql) }
        }
        return try await get(user.id)
    }

    /// Takes a role away; false when the user did not hold it.
    public func unassign(_ name: String, _ role: RoleAssignment) async throws -> Bool {
        let user = try await named(name)
        guard user.roles.contains(role) else { return false }
        try await database.transaction { sql in
            var query: SQLQueryString = """
                DELETE FROM role_assignments WHERE user_id = \(bind: user.id) AND role = \(bind: role.role.rawValue)
                """
            for (column, value) in [
                ("organisation_id", role.organisationId), ("assessment_id", role.assessmentId), ("domain", role.domain),
            ] {
                if let value {
                    query += " AND \(unsafeRaw: column) = \(bind: value)"
                } else {
                    query += " AND \(unsafeRaw: column) IS NULL"
                }
            }
            try await sql.raw(query).run()
        }
        return true
    }

    static func row(name: String, in sql: any SQLDatabase) async throws -> (any SQLRow)? {
        try await sql.raw("SELECT * FROM users WHERE name = \(bind: name)").first()
    }

    static func user(_ row: any SQLRow, in sql: any SQLDatabase) async throws -> UserRecord {
        let id = try row.decode(column: "id", as: String.self)
        let roles = try await sql.raw(
            """
            SELECT role, organisation_id, assessment_id, domain FROM role_assignments WHERE user_id = \(bind: id)
            ORDER BY created_at, id
            """
        ).all().compactMap { row -> RoleAssignment? in
            guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
            return RoleAssignment(
                role: role, organisationId: try row.decode(column: "organisation_id", as: String?.self),
                assessmentId: try row.decode(column: "assessment_id", as: String?.self),
                domain: try row.decode(column: "domain", as: String?.self))
        }
        return UserRecord(
            id: id, name: try row.decode(column: "name", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            language: try row.decode(column: "language", as: String.self),
            disabled: try row.decode(column: "disabled", as: Int.self) != 0, roles: roles,
            createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    static func insertRole(_ role: RoleAssignment, user: String, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO role_assignments (id, user_id, role, organisation_id, assessment_id, domain, created_at)
            VALUES (\(bind: UUID().uuidString.lowercased()), \(bind: user), \(bind: role.role.rawValue),
            \(bind: role.organisationId), \(bind: role.assessmentId), \(bind: role.domain), \(bind: Timestamp.now()))
            """
        ).run()
    }
}
