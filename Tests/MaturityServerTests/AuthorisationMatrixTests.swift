import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MaturityStore
import MaturityStoreTesting
import Testing

@testable import MaturityServer

/// Every route of the router × every role × their own organisation and another's: the status each gets. A route
/// of the router missing here fails the test, so a new route cannot ship without a decision about who may use it.
@Suite struct AuthorisationMatrixTests {
    /// What a kind of route allows.
    enum Kind {
        case open, signedIn, staff, admin
        case orgSee, orgRead, orgEdit, orgManage, resultRead
        case read, edit, manage, review
    }

    /// The matrix: written out here, apart from AccessPolicy, so a change to either shows.
    static let matrix: [String: Kind] = [
        "GET /healthz": .open, "GET /api/v1/openapi.json": .open, "GET /certificates/:number": .open,
        "GET /register/keys": .open, "GET /register/certificates/:number/document": .open, "GET /": .open,
        "GET /:lang/login": .open, "POST /:lang/login": .open, "POST /:lang/logout": .open,
        "GET /register/due": .staff, "GET /api/v1/register/due": .staff, "GET /api/v1/organisations": .staff,
        "POST /api/v1/organisations": .admin, "DELETE /api/v1/organisations/:organisation": .admin,
        "POST /:lang/organisations": .admin,
        "GET /api/v1/catalogs": .signedIn, "GET /api/v1/catalogs/:catalog": .signedIn, "GET /:lang": .signedIn,
        "POST /api/v1/import": .orgEdit, "POST /api/v1/assessments": .signedIn, "POST /:lang/import": .signedIn,
        "POST /api/v1/import/worksheet": .orgEdit, "POST /:lang/import/worksheet": .signedIn,
        "GET /api/v1/organisations/:organisation": .orgSee, "GET /:lang/o/:organisation": .orgSee,
        "PATCH /api/v1/organisations/:organisation": .orgManage,
        "GET /api/v1/organisations/:organisation/assessments": .orgRead,
        "GET /api/v1/organisations/:organisation/results": .orgRead,
        "GET /api/v1/organisations/:organisation/history": .orgRead, "GET /:lang/o/:organisation/history": .orgRead,
        "POST /:lang/o/:organisation/assessments": .orgEdit, "GET /api/v1/results/:result": .resultRead,
        "GET /api/v1/assessments/:assessment": .read, "DELETE /api/v1/assessments/:assessment": .manage,
        "GET /api/v1/assessments/:assessment/export": .read,
        "GET /api/v1/assessments/:assessment/criteria/:criterion": .read,
        "PATCH /api/v1/assessments/:assessment/criteria/:criterion": .edit,
        "GET /api/v1/assessments/:assessment/evidence": .read,
        "GET /api/v1/assessments/:assessment/evidence/:item": .read,
        "PATCH /api/v1/assessments/:assessment/evidence/:item": .edit,
        "DELETE /api/v1/assessments/:assessment/evidence/:item": .edit,
        "GET /api/v1/assessments/:assessment/findings": .read,
        "GET /api/v1/assessments/:assessment/findings/:finding": .read,
        "PATCH /api/v1/assessments/:assessment/findings/:finding": .edit,
        "DELETE /api/v1/assessments/:assessment/findings/:finding": .edit,
        "GET /api/v1/assessments/:assessment/metrics": .read, "GET /api/v1/assessments/:assessment/metrics/:kpi": .read,
        "PATCH /api/v1/assessments/:assessment/metrics/:kpi": .edit,
        "DELETE /api/v1/assessments/:assessment/metrics/:kpi": .edit,
        "GET /api/v1/assessments/:assessment/tickets": .read, "GET /api/v1/assessments/:assessment/files": .read,
        "POST /api/v1/assessments/:assessment/files": .edit, "GET /api/v1/assessments/:assessment/file": .read,
        "GET /api/v1/assessments/:assessment/result": .read, "POST /api/v1/assessments/:assessment/results": .edit,
        "GET /api/v1/assessments/:assessment/plan": .read, "POST /api/v1/assessments/:assessment/plan": .edit,
        "GET /api/v1/assessments/:assessment/plan/actions/:action": .read,
        "PATCH /api/v1/assessments/:assessment/plan/actions/:action": .edit,
        "GET /api/v1/assessments/:assessment/review": .read, "POST /api/v1/assessments/:assessment/review": .review,
        "GET /:lang/a/:assessment": .read, "GET /:lang/a/:assessment/c/:criterion": .read,
        "POST /:lang/a/:assessment/c/:criterion": .edit, "GET /:lang/a/:assessment/evidence": .read,
        "POST /:lang/a/:assessment/evidence": .edit, "POST /:lang/a/:assessment/evidence/:item": .edit,
        "GET /:lang/a/:assessment/kpis": .read, "POST /:lang/a/:assessment/kpis": .edit,
        "POST /:lang/a/:assessment/tickets": .edit, "GET /:lang/a/:assessment/findings": .read,
        "POST /:lang/a/:assessment/findings": .edit, "POST /:lang/a/:assessment/findings/:finding": .edit,
        "GET /:lang/a/:assessment/plan": .read, "POST /:lang/a/:assessment/plan": .edit,
        "POST /:lang/a/:assessment/plan/:action": .edit, "GET /:lang/a/:assessment/review": .read,
        "POST /:lang/a/:assessment/review": .review, "POST /:lang/a/:assessment/keep": .edit,
        "GET /:lang/a/:assessment/history": .read, "GET /:lang/a/:assessment/downloads": .read,
        "GET /:lang/a/:assessment/trail": .read,
    ]

    enum Outcome: Equatable, CustomStringConvertible {
        case allowed, notFound, forbidden, signIn
        var description: String {
            switch self {
            case .allowed: "allowed"
            case .notFound: "404"
            case .forbidden: "403"
            case .signIn: "sign in"
            }
        }
    }

    /// Which object a request is about: the own organisation's audit, its self-assessment, or the other's audit.
    enum Target: CaseIterable { case ownAudit, ownSelf, otherAudit }

    static func expected(_ kind: Kind, role: String?, target: Target) -> Outcome {
        guard let role else { return kind == .open ? .allowed : .signIn }
        let own = target != .otherAudit
        let company = role == "member" || role == "companyAdmin"
        let staff = role == "reviewer" || role == "cbAdmin"
        switch kind {
        case .open, .signedIn: return .allowed
        case .staff: return staff ? .allowed : .forbidden
        case .admin: return role == "cbAdmin" ? .allowed : .forbidden
        case .orgSee: return staff || (own && (company || role == "auditor")) ? .allowed : .notFound
        case .orgRead, .resultRead: return staff || (own && company) ? .allowed : .notFound
        case .orgEdit:
            if role == "cbAdmin" || (own && company) { return .allowed }
            return role == "reviewer" ? .forbidden : .notFound
        case .orgManage:
            if role == "cbAdmin" || (own && role == "companyAdmin") { return .allowed }
            return staff || (own && company) ? .forbidden : .notFound
        case .read, .edit, .manage, .review:
            let sees = staff || (own && company) || (role == "auditor" && target == .ownAudit)
            guard sees else { return .notFound }
            switch kind {
            case .read: return .allowed
            case .edit: return role == "cbAdmin" || company || role == "auditor" ? .allowed : .forbidden
            case .manage: return role == "cbAdmin" || role == "companyAdmin" ? .allowed : .forbidden
            default: return staff ? .allowed : .forbidden
            }
        }
    }

    static func path(_ pattern: String, world: AccountsWorld, target: Target) -> String {
        let own = target != .otherAudit
        let assessment = [.ownAudit: world.ownAudit, .ownSelf: world.ownSelf, .otherAudit: world.otherAudit][target]!
        let values = [
            "lang": "en", "organisation": own ? world.own : world.other, "assessment": assessment,
            "result": own ? world.ownResult : world.otherResult, "criterion": "SP-02", "item": "E1", "finding": "F1",
            "kpi": "first_time_fix_rate", "action": "A1", "catalog": "after-sales-maturity", "number": "HX-0001",
        ]
        let parts = pattern.split(separator: "/").map { part -> String in
            part.hasPrefix(":") ? values[String(part.dropFirst())] ?? String(part) : String(part)
        }
        // The API's import names its organisation in the query; the handler decides as the guard would.
        let query =
            pattern.hasPrefix("/api/v1/import") ? "?organisation=\(own ? world.own : world.other)" : ""
        return "/" + parts.joined(separator: "/") + query
    }

    @Test func everyRouteOfTheRouterHasAnEntryAndEveryEntryARoute() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let routes = Set(buildRoutes(configuration: ServerConfiguration(), store: store).routes)
            let missing = routes.subtracting(Self.matrix.keys).sorted()
            #expect(missing.isEmpty, "routes without an entry in the authorisation matrix: \(missing)")
            let stale = Set(Self.matrix.keys).subtracting(routes).sorted()
            #expect(stale.isEmpty, "matrix entries without a route: \(stale)")
            let unguarded = routes.subtracting(AccessPolicy.rules.keys).sorted()
            #expect(unguarded.isEmpty, "routes without an access rule: \(unguarded)")
            // Routes answered without looking the caller up must be open to everyone and exist.
            let notOpen = AccessPolicy.anonymous.filter { AccessPolicy.rules[$0] != .open || !routes.contains($0) }
            #expect(
                notOpen.isEmpty, "routes answered without looking the caller up that are not open routes: \(notOpen)")
        }
    }

    @Test func everyRoleGetsTheStatusTheMatrixSays() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, store, world in
            let routes = buildRoutes(configuration: ServerConfiguration(), store: store).routes
            var wrong: [String] = []
            for route in routes.sorted() {
                let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
                guard let kind = Self.matrix[route] else { continue }
                let method = HTTPRequest.Method(rawValue: parts[0])!
                let targets: [Target] = parts[1].contains(":assessment") ? Target.allCases : [.ownAudit, .otherAudit]
                for role in [nil] + AccountsWorld.roles {
                    for target in targets {
                        var headers = world.headers(role, json: parts[1].hasPrefix("/api/"))
                        if route == "POST /:lang/logout", let role, let user = world.users[role] {
                            // Signing out ends the session: a fresh one, so the others stay.
                            let fresh = try await AccountsWorld.session(for: user, in: store)
                            headers[.cookie] = "\(Accounts.sessionCookie)=\(fresh.cookie)"
                            headers[HTTPField.Name("X-CSRF-Token")!] = fresh.csrf
                        }
                        let uri = Self.path(parts[1], world: world, target: target)
                        let response = try await client.execute(uri: uri, method: method, headers: headers)
                        let want = Self.expected(kind, role: role, target: target)
                        let got: Outcome =
                            response.asksToSignIn && route != "POST /:lang/logout"
                            ? .signIn
                            : response.status == .forbidden
                                ? .forbidden
                                : response.isGuardNotFound || response.text.contains("no organisation '")
                                    ? .notFound : .allowed
                        if got != want {
                            wrong.append(
                                "\(route) as \(role ?? "nobody") on \(target): \(got) (\(response.status.code)), expected \(want)"
                            )
                        }
                    }
                }
            }
            #expect(wrong.isEmpty, "\(wrong.count) wrong:\n\(wrong.joined(separator: "\n"))")
        }
    }
}
