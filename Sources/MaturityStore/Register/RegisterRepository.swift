import Foundation
import MaturityCore
import SQLKit

/// The certification register as stored: the rules live in MaturityCore (`CertificationRules`,
/// `AuditProgramme`); this repository loads the facts they need, calls them, and persists what they decide,
/// each change in one transaction.
public struct RegisterRepository: Sendable {
    let database: any StoreDatabase
    /// The answers kept between requests (see ``RegisterCache``); nil keeps none.
    let cache: RegisterCache?

    init(database: any StoreDatabase, cache: RegisterCache? = nil) {
        self.database = database
        self.cache = cache
    }

    /// Runs `body` in one transaction, then lets go of every answer kept — committed or not, before the caller
    /// hears of it — so that this process reads its own change at once, without waiting for the database's
    /// notice of it.
    func changing<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        defer { cache?.changed() }
        return try await database.transaction(body)
    }

    // MARK: Settings

    /// The register's policy: the stored settings over the defaults.
    public func policy() async throws -> RegisterPolicy {
        try await database.read { sql in try await Self.policy(in: sql) }
    }

    static func policy(in sql: any SQLDatabase) async throws -> RegisterPolicy {
        var policy = RegisterPolicy()
        for row in try await sql.raw("SELECT name, value FROM register_settings").all() {
            let value = try row.decode(column: "value", as: String.self)
            switch try row.decode(column: "name", as: String.self) {
            case "number_pattern": policy.numberPattern = value
            case "validity_years": policy.validityYears = Int(value) ?? policy.validityYears
            case "surveillance_months": policy.surveillanceMonths = Int(value) ?? policy.surveillanceMonths
            case "grace_days": policy.graceDays = Int(value) ?? policy.graceDays
            case "body_name": policy.bodyName = value
            default: break
            }
        }
        return policy
    }

    /// Stores the settings that differ from the defaults (a refused pattern is not stored).
    public func setPolicy(_ policy: RegisterPolicy) async throws {
        if let problem = CertificateNumberPattern.problem(policy.numberPattern) {
            throw RegisterRefusal.badPattern(problem)
        }
        let values: [(String, String)] = [
            ("number_pattern", policy.numberPattern), ("validity_years", String(policy.validityYears)),
            ("surveillance_months", String(policy.surveillanceMonths)), ("grace_days", String(policy.graceDays)),
            ("body_name", policy.bodyName),
        ]
        try await changing { sql in
            for (name, value) in values {
                try await sql.raw("DELETE FROM register_settings WHERE name = \(bind: name)").run()
                try await sql.raw("INSERT INTO register_settings (name, value) VALUES (\(bind: name), \(bind: value))")
                    .run()
            }
        }
    }

    // MARK: Keys

    /// Publishes a signer's key; `privateKey` is the encrypted key file, when the body keeps it.
    public func addKey(_ key: PublishedKey, privateKey: String? = nil) async throws {
        try await changing { sql in
            if try await sql.raw("SELECT id FROM signing_keys WHERE id = \(bind: key.id)").first() != nil {
                throw StoreError.duplicate(kind: "key", id: key.id)
            }
            try await sql.raw(
                """
                INSERT INTO signing_keys (id, owner, role, public_key, valid_from, revoked, revocation_reason,
                private_key, created_at)
                VALUES (\(bind: key.id), \(bind: key.owner), \(bind: key.role.rawValue),
                \(bind: key.publicKey.base64EncodedString()), \(bind: key.validFrom.description),
                \(bind: key.revoked?.description), \(bind: key.revocationReason), \(bind: privateKey),
                \(bind: Timestamp.now()))
                """
            ).run()
        }
    }

    /// Revokes key `id` (or the only key whose id starts with it) from `date`, with the reason.
    public func revokeKey(_ id: String, on date: Day, reason: String) async throws -> PublishedKey {
        try await changing { sql in
            let key = try await Self.key(id, in: sql)
            if let revoked = key.revoked { throw RegisterStoreError.keyRevoked(id: key.id, on: revoked) }
            try await sql.raw(
                """
                UPDATE signing_keys SET revoked = \(bind: date.description), revocation_reason = \(bind: reason)
                WHERE id = \(bind: key.id)
                """
            ).run()
            return try await Self.key(key.id, in: sql)
        }
    }

    /// The published keys.
    public func keyRing() async throws -> KeyRing {
        try await database.read { sql in try await Self.keyRing(in: sql) }
    }

    /// The encrypted private key file the body keeps for key `id`, if it keeps one.
    public func privateKey(_ id: String) async throws -> String? {
        try await database.read { sql in
            let key = try await Self.key(id, in: sql)
            return try await sql.raw("SELECT private_key FROM signing_keys WHERE id = \(bind: key.id)").first()?
                .decode(column: "private_key", as: String?.self)
        }
    }

    static func keyRing(in sql: any SQLDatabase) async throws -> KeyRing {
        KeyRing(try await sql.raw("SELECT * FROM signing_keys ORDER BY owner, id").all().map(Self.key(from:)))
    }

    static func key(_ id: String, in sql: any SQLDatabase) async throws -> PublishedKey {
        let rows = try await sql.raw(
            "SELECT * FROM signing_keys WHERE id LIKE \(bind: OrganisationRepository.escapeLike(id) + "%") ESCAPE '\\' ORDER BY id LIMIT 2"
        ).all()
        guard rows.count == 1, !id.isEmpty else {
            throw rows.isEmpty || id.isEmpty
                ? StoreError.notFound(kind: "key", id: id) : RegisterStoreError.ambiguous(kind: "key", prefix: id)
        }
        return try key(from: rows[0])
    }

    static func key(from row: any SQLRow) throws -> PublishedKey {
        PublishedKey(
            owner: try row.decode(column: "owner", as: String.self),
            role: SignerRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .auditor,
            publicKey: Data(base64Encoded: try row.decode(column: "public_key", as: String.self)) ?? Data(),
            validFrom: try day(row, "valid_from"),
            revoked: try row.decode(column: "revoked", as: String?.self).flatMap { Day(iso: $0) },
            revocationReason: try row.decode(column: "revocation_reason", as: String?.self))
    }

    // MARK: Clients

    /// The organisation named `name` (created, with `site`, when the register has none by that name).
    static func organisation(named name: String, site: String?, in sql: any SQLDatabase) async throws -> String {
        // One statement: the organisation, how many sites it has and whether `site` is one of them.
        if let row = try await sql.raw(
            """
            SELECT o.id, (SELECT COUNT(*) FROM sites s WHERE s.organisation_id = o.id) AS sites,
            (SELECT COUNT(*) FROM sites s WHERE s.organisation_id = o.id AND s.name = \(bind: site ?? "")) AS named
            FROM organisations o WHERE o.name = \(bind: name) ORDER BY o.created_at, o.id LIMIT 1
            """
        ).first() {
            let id = try row.decode(column: "id", as: String.self)
            if let site, !site.isEmpty, try row.decode(column: "named", as: Int.self) == 0 {
                let count = try row.decode(column: "sites", as: Int.self)
                try await OrganisationRepository.insertSite(site, organisation: id, position: count, in: sql)
            }
            return id
        }
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await OrganisationRepository.insert(id: id, name: name, at: now, in: sql)
        if let site, !site.isEmpty {
            try await OrganisationRepository.insertSite(site, organisation: id, position: 0, in: sql)
        }
        return id
    }

    /// Sets a client's enterprise type and scope; the organisation is found by id or exact name.
    public func setClient(_ client: ClientRecord) async throws -> ClientRecord {
        try await changing { sql in
            let id = try await Self.organisationIdCreating(client.organisation, in: sql)
            try await sql.raw("DELETE FROM register_clients WHERE organisation_id = \(bind: id)").run()
            try await sql.raw(
                """
                INSERT INTO register_clients (organisation_id, enterprise_type, product_categories, sites_covered,
                catalog_id, catalog_version, profile, version)
                VALUES (\(bind: id), \(bind: client.enterpriseType), \(bind: Columns.list(client.productCategories)),
                \(bind: Columns.list(client.sites)), \(bind: client.catalogId), \(bind: client.catalogVersion),
                \(bind: client.profile), 1)
                """
            ).run()
            for site in client.sites {
                _ = try await Self.organisation(
                    named: try await Self.organisationName(id, in: sql), site: site, in: sql)
            }
            return try await Self.client(id, in: sql)
        }
    }

    public func client(_ organisation: String) async throws -> ClientRecord {
        try await database.read { sql in
            try await Self.client(try await Self.organisationId(organisation, in: sql), in: sql)
        }
    }

    static func client(_ id: String, in sql: any SQLDatabase) async throws -> ClientRecord {
        let name = try await organisationName(id, in: sql)
        guard let row = try await sql.raw("SELECT * FROM register_clients WHERE organisation_id = \(bind: id)").first()
        else { return ClientRecord(organisationId: id, organisation: name) }
        return ClientRecord(
            organisationId: id, organisation: name,
            enterpriseType: try row.decode(column: "enterprise_type", as: String?.self),
            productCategories: Columns.list(try row.decode(column: "product_categories", as: String.self)),
            sites: Columns.list(try row.decode(column: "sites_covered", as: String.self)),
            catalogId: try row.decode(column: "catalog_id", as: String?.self),
            catalogVersion: try row.decode(column: "catalog_version", as: String?.self),
            profile: try row.decode(column: "profile", as: String?.self))
    }

    static func organisationName(_ id: String, in sql: any SQLDatabase) async throws -> String {
        guard let row = try await sql.raw("SELECT name FROM organisations WHERE id = \(bind: id)").first() else {
            throw StoreError.notFound(kind: "organisation", id: id)
        }
        return try row.decode(column: "name", as: String.self)
    }

    /// The id of the organisation given by id or exact name.
    static func organisationId(_ reference: String, in sql: any SQLDatabase) async throws -> String {
        if let row = try await sql.raw(
            "SELECT id FROM organisations WHERE id = \(bind: reference) OR name = \(bind: reference) ORDER BY created_at LIMIT 1"
        ).first() {
            return try row.decode(column: "id", as: String.self)
        }
        throw StoreError.notFound(kind: "organisation", id: reference)
    }

    /// The id of the organisation given by id or exact name, created by that name when there is none.
    static func organisationIdCreating(_ reference: String, in sql: any SQLDatabase) async throws -> String {
        if let id = try? await organisationId(reference, in: sql) { return id }
        return try await organisation(named: reference, site: nil, in: sql)
    }

    // MARK: Conflicts of interest

    /// Records that `auditor` worked for or consulted the organisation until a date (nil: still does).
    public func declareConflict(_ declaration: ConflictDeclaration) async throws {
        try await changing { sql in
            let id = try await Self.organisationIdCreating(declaration.organisationId, in: sql)
            try await sql.raw(
                """
                INSERT INTO conflict_declarations (id, auditor, organisation_id, relation, until, note, declared_at)
                VALUES (\(bind: UUID().uuidString.lowercased()), \(bind: declaration.auditor), \(bind: id),
                \(bind: declaration.relation.rawValue), \(bind: declaration.until?.description),
                \(bind: declaration.note), \(bind: Timestamp.now()))
                """
            ).run()
        }
    }

    static func declarations(for organisation: String, in sql: any SQLDatabase) async throws -> [ConflictDeclaration] {
        try await sql.raw("SELECT * FROM conflict_declarations WHERE organisation_id = \(bind: organisation)").all().map
        {
            ConflictDeclaration(
                auditor: try $0.decode(column: "auditor", as: String.self), organisationId: organisation,
                relation: ConflictDeclaration.Relation(rawValue: try $0.decode(column: "relation", as: String.self))
                    ?? .employed,
                until: try $0.decode(column: "until", as: String?.self).flatMap { Day(iso: $0) },
                note: try $0.decode(column: "note", as: String?.self))
        }
    }

    /// Assigns an audit team to an audit of the organisation on `date`, refusing an auditor with a conflict of
    /// interest (the reason says which declaration).
    public func assign(
        _ team: AuditTeam, organisation: String, kind: Assessment.Kind, date: Day
    ) async throws -> AuditTeam {
        try await changing { sql in
            let id = try await Self.organisationIdCreating(organisation, in: sql)
            let rules = CertificationRules(policy: try await Self.policy(in: sql))
            if let refusal = rules.checkAssignment(
                team, organisationId: id, date: date, declarations: try await Self.declarations(for: id, in: sql))
            {
                throw refusal
            }
            try await sql.raw(
                "DELETE FROM audit_assignments WHERE organisation_id = \(bind: id) AND date = \(bind: date.description) AND kind = \(bind: kind.rawValue)"
            ).run()
            try await sql.raw(
                """
                INSERT INTO audit_assignments (id, organisation_id, kind, date, lead, members, result_id, created_at)
                VALUES (\(bind: UUID().uuidString.lowercased()), \(bind: id), \(bind: kind.rawValue),
                \(bind: date.description), \(bind: team.lead), \(bind: Columns.list(team.members)), NULL,
                \(bind: Timestamp.now()))
                """
            ).run()
            return team
        }
    }

    static func team(organisation: String, kind: Assessment.Kind, date: Day, in sql: any SQLDatabase) async throws
        -> AuditTeam?
    {
        guard
            let row = try await sql.raw(
                """
                SELECT lead, members FROM audit_assignments WHERE organisation_id = \(bind: organisation)
                AND date = \(bind: date.description) AND kind = \(bind: kind.rawValue)
                """
            ).first()
        else { return nil }
        return AuditTeam(
            lead: try row.decode(column: "lead", as: String.self),
            members: Columns.list(try row.decode(column: "members", as: String.self)))
    }
}

/// A client organisation's details in the register: enterprise type and scope.
public struct ClientRecord: Sendable, Hashable {
    /// Empty when the client is named by `organisation` only (to set it).
    public var organisationId: String
    /// The organisation's name (or, when setting, its id or name).
    public var organisation: String
    public var enterpriseType: String?
    public var productCategories: [String]
    /// The sites the certification covers.
    public var sites: [String]
    public var catalogId: String?
    public var catalogVersion: String?
    public var profile: String?

    public init(
        organisationId: String = "", organisation: String, enterpriseType: String? = nil,
        productCategories: [String] = [], sites: [String] = [], catalogId: String? = nil,
        catalogVersion: String? = nil, profile: String? = nil
    ) {
        self.organisationId = organisationId
        self.organisation = organisation
        self.enterpriseType = enterpriseType
        self.productCategories = productCategories
        self.sites = sites
        self.catalogId = catalogId
        self.catalogVersion = catalogVersion
        self.profile = profile
    }
}

/// Refusals of the register's store beyond the certification rules.
public enum RegisterStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case keyRevoked(id: String, on: Day)
    case ambiguous(kind: String, prefix: String)
    case resultImported(id: String, file: String)
}

/// Values kept in one text column: lists as JSON arrays of strings.
enum Columns {
    static func list(_ values: [String]) -> String {
        JSONValue.array(values.map { .string($0) }).rendered().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func list(_ text: String) -> [String] {
        ((try? JSONValue.parse(Data(text.utf8)))?.arrayValue ?? []).compactMap(\.stringValue)
    }
}

func day(_ row: any SQLRow, _ column: String) throws -> Day {
    let text = try row.decode(column: column, as: String.self)
    guard let day = Day(iso: text) else { throw StoreError.notFound(kind: "date in \(column)", id: text) }
    return day
}

extension Store {
    /// The certification register.
    public var register: RegisterRepository { RegisterRepository(database: database, cache: registerCache) }
}

extension RegisterRepository {
    /// The id of the organisation given by id or exact name, created (by that name) when the register has none.
    @discardableResult
    public func ensureOrganisation(_ reference: String) async throws -> String {
        try await changing { sql in try await Self.organisationIdCreating(reference, in: sql) }
    }
}
