import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MaturityStore
import MaturityStoreTesting
import NIOCore
import Testing

@testable import MaturityServer

/// One password hash for every test user (bcrypt at cost 12 takes a while; it is checked only by sign-in tests).
let testPassword = "correct horse battery staple"
let testPasswordHash = Passwords.hash(testPassword)

/// Two organisations with a self-assessment and an audit each, and a user of every role (company roles and the
/// auditor in organisation A).
struct AccountsWorld: Sendable {
    var own: String
    var other: String
    var ownSelf: String
    var ownAudit: String
    var otherSelf: String
    var otherAudit: String
    var ownResult: String
    var otherResult: String
    /// Role name → session cookie value and CSRF token.
    var sessions: [String: (cookie: String, csrf: String)]
    var users: [String: UserRecord]

    static let roles = ["member", "companyAdmin", "auditor", "reviewer", "cbAdmin"]

    /// Headers of a request by `role` (nil: nobody signed in), with the CSRF token for changes.
    func headers(_ role: String?, json: Bool = false) -> HTTPFields {
        var fields: HTTPFields = json ? [.contentType: "application/json"] : [:]
        if let role, let session = sessions[role] {
            fields[.cookie] = "\(Accounts.sessionCookie)=\(session.cookie)"
            fields[HTTPField.Name("X-CSRF-Token")!] = session.csrf
        }
        return fields
    }

    static func make(_ store: Store) async throws -> AccountsWorld {
        let a = try await store.organisations.create(name: "Own Co")
        let b = try await store.organisations.create(name: "Other Co")
        let catalog = try #require(try await store.catalogs.list().first { $0.catalogId == "after-sales-maturity" })
        func assessment(_ organisation: OrganisationRecord, _ kind: String) async throws -> String {
            let record = AssessmentRecord(
                id: "", organisationId: organisation.id, organisationName: organisation.name, catalog: catalog.id,
                catalogReference: "after-sales-maturity@\(catalog.catalogVersion)", kind: kind, date: "2026-11-20",
                site: nil, assessor: nil, auditor: kind == "self" ? nil : "郑雅琴", owners: [:], ticketsFile: nil,
                ticketsMapping: nil, sourceSHA256: nil, createdAt: "", updatedAt: "", version: 0, revision: 0)
            return try await store.assessments.create(AssessmentSnapshot(assessment: record), files: [:], source: nil)
                .assessment.id
        }
        func result(_ organisation: String, _ assessment: String) async throws -> String {
            let id = UUID().uuidString.lowercased()
            try await store.database.transaction { sql in
                try await sql.raw(
                    """
                    INSERT INTO results (id, organisation_id, assessment_id, assessment_revision, kind, assessment_kind,
                    date, rating, json, created_at) VALUES (\(bind: id), \(bind: organisation), \(bind: assessment), 1,
                    'result', 'self', '2026-11-20', 'L2', '{}', '2026-11-20T00:00:00.000Z')
                    """
                ).run()
            }
            return id
        }
        let ownSelf = try await assessment(a, "self")
        let otherSelf = try await assessment(b, "self")
        var world = AccountsWorld(
            own: a.id, other: b.id, ownSelf: ownSelf, ownAudit: try await assessment(a, "audit"),
            otherSelf: otherSelf, otherAudit: try await assessment(b, "audit"),
            ownResult: try await result(a.id, ownSelf), otherResult: try await result(b.id, otherSelf),
            sessions: [:], users: [:])
        let roles: [String: RoleAssignment] = [
            "member": RoleAssignment(role: .companyMember, organisationId: a.id),
            "companyAdmin": RoleAssignment(role: .companyAdmin, organisationId: a.id),
            "auditor": RoleAssignment(role: .auditor, organisationId: a.id),
            "reviewer": RoleAssignment(role: .reviewer),
            "cbAdmin": RoleAssignment(role: .cbAdmin),
        ]
        for (name, role) in roles {
            let user = try await store.users.create(
                name: name, displayName: name, language: "en", passwordHash: testPasswordHash, roles: [role])
            world.users[name] = user
            world.sessions[name] = try await session(for: user, in: store)
        }
        return world
    }

    /// A new session of `user`, as sign-in would start it.
    static func session(for user: UserRecord, in store: Store) async throws -> (cookie: String, csrf: String) {
        let cookie = Secrets.random()
        let csrf = Secrets.random()
        try await store.sessions.create(
            idHash: Secrets.sha256(cookie), user: user.id, csrf: csrf, address: "127.0.0.1", now: Date(),
            expires: Date().addingTimeInterval(3600))
        return (cookie, csrf)
    }
}

extension TestDatabase {
    /// Like `withServer`, with accounts: fast sign-in refusals (no delay), three attempts before blocking.
    func withAccountsServer(
        _ body: @escaping @Sendable (any TestClientProtocol, Store, AccountsWorld) async throws -> Void
    ) async throws {
        try await withStore { store in
            var configuration = ServerConfiguration(criteriaFolders: [criteriaFolder])
            configuration.loginDelay = 0
            configuration.loginAttempts = 3
            let app = buildApplication(
                configuration: configuration, store: store,
                logger: {
                    var l = Logger(label: "maturity.tests"); l.logLevel = .warning; return l
                }())
            try await app.test(.router) { client in
                let world = try await AccountsWorld.make(store)
                try await body(client, store, world)
            }
        }
    }
}

extension TestResponse {
    /// A refusal by the access guard that says "not found" (the same for a missing and a forbidden object).
    var isGuardNotFound: Bool { status == .notFound && text.contains("no page or object") }

    /// Sent to the sign-in page (pages) or asked to authenticate (API).
    var asksToSignIn: Bool {
        status == .unauthorized || (status == .seeOther && (headers[.location] ?? "").contains("/login"))
    }
}
