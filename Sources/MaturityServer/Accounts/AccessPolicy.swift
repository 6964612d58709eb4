import HTTPTypes
import Synchronization

/// Who may call each route: one table for the whole router, read by ``AccessMiddleware``. A route missing from
/// it is refused (and the authorisation matrix test fails), so no route ships unguarded.
enum AccessRule: Sendable, Equatable {
    /// Anyone, signed in or not.
    case open
    /// Anyone signed in (what they then see is filtered by the handler).
    case signedIn
    /// The certification body's staff who read everything: reviewers and cb-admins.
    case staff
    /// cb-admin only.
    case admin
    /// About the organisation in the path's `:organisation`.
    case organisation(Need)
    /// About the assessment in the path's `:assessment`.
    case assessment(Need)
    /// About the stored result in the path's `:result`.
    case result(Need)
    /// Any signed-in user; the handler decides on the organisation named in the body (creating an assessment,
    /// importing a folder), with the same ``Principal/require(_:organisation:assessment:)``.
    case decidedByHandler
}

enum AccessPolicy {
    /// The rule of each route, by method and pattern as the router knows it.
    static let rules: [String: AccessRule] = [
        // Public: health, the API's description, certificate verification and the published keys.
        "GET /healthz": .open,
        "GET /api/v1/openapi.json": .open,
        "GET /certificates/:number": .open,
        "GET /register/keys": .open,
        "GET /register/certificates/:number/document": .open,
        "GET /": .open,
        "GET /:lang/login": .open,
        "POST /:lang/login": .open,
        "POST /:lang/logout": .open,
        // The register's due board: the body's staff.
        "GET /register/due": .staff,
        "GET /api/v1/register/due": .staff,
        // Organisations.
        "GET /api/v1/organisations": .staff,
        "POST /api/v1/organisations": .admin,
        "GET /api/v1/organisations/:organisation": .organisation(.see),
        "PATCH /api/v1/organisations/:organisation": .organisation(.manage),
        "DELETE /api/v1/organisations/:organisation": .admin,
        "GET /api/v1/organisations/:organisation/assessments": .organisation(.read),
        "GET /api/v1/organisations/:organisation/results": .organisation(.read),
        "GET /api/v1/organisations/:organisation/history": .organisation(.read),
        "GET /api/v1/results/:result": .result(.read),
        // Catalogs are the same for everyone.
        "GET /api/v1/catalogs": .signedIn,
        "GET /api/v1/catalogs/:catalog": .signedIn,
        // Assessments.
        "POST /api/v1/import": .decidedByHandler,
        "POST /api/v1/import/worksheet": .decidedByHandler,
        "POST /api/v1/assessments": .decidedByHandler,
        "GET /api/v1/assessments/:assessment": .assessment(.read),
        "DELETE /api/v1/assessments/:assessment": .assessment(.manage),
        "GET /api/v1/assessments/:assessment/export": .assessment(.read),
        "GET /api/v1/assessments/:assessment/criteria/:criterion": .assessment(.read),
        "PATCH /api/v1/assessments/:assessment/criteria/:criterion": .assessment(.edit),
        "GET /api/v1/assessments/:assessment/evidence": .assessment(.read),
        "GET /api/v1/assessments/:assessment/evidence/:item": .assessment(.read),
        "PATCH /api/v1/assessments/:assessment/evidence/:item": .assessment(.edit),
        "DELETE /api/v1/assessments/:assessment/evidence/:item": .assessment(.edit),
        "GET /api/v1/assessments/:assessment/findings": .assessment(.read),
        "GET /api/v1/assessments/:assessment/findings/:finding": .assessment(.read),
        "PATCH /api/v1/assessments/:assessment/findings/:finding": .assessment(.edit),
        "DELETE /api/v1/assessments/:assessment/findings/:finding": .assessment(.edit),
        "GET /api/v1/assessments/:assessment/metrics": .assessment(.read),
        "GET /api/v1/assessments/:assessment/metrics/:kpi": .assessment(.read),
        "PATCH /api/v1/assessments/:assessment/metrics/:kpi": .assessment(.edit),
        "DELETE /api/v1/assessments/:assessment/metrics/:kpi": .assessment(.edit),
        "GET /api/v1/assessments/:assessment/tickets": .assessment(.read),
        "GET /api/v1/assessments/:assessment/files": .assessment(.read),
        "POST /api/v1/assessments/:assessment/files": .assessment(.edit),
        "GET /api/v1/assessments/:assessment/file": .assessment(.read),
        "GET /api/v1/assessments/:assessment/result": .assessment(.read),
        "POST /api/v1/assessments/:assessment/results": .assessment(.edit),
        "GET /api/v1/assessments/:assessment/plan": .assessment(.read),
        "POST /api/v1/assessments/:assessment/plan": .assessment(.edit),
        "GET /api/v1/assessments/:assessment/plan/actions/:action": .assessment(.read),
        "PATCH /api/v1/assessments/:assessment/plan/actions/:action": .assessment(.edit),
        "GET /api/v1/assessments/:assessment/review": .assessment(.read),
        "POST /api/v1/assessments/:assessment/review": .assessment(.review),
        // Pages.
        "GET /:lang": .signedIn,
        "POST /:lang/organisations": .admin,
        "POST /:lang/import": .decidedByHandler,
        "POST /:lang/import/worksheet": .decidedByHandler,
        "GET /:lang/o/:organisation": .organisation(.see),
        "POST /:lang/o/:organisation/assessments": .organisation(.edit),
        "GET /:lang/o/:organisation/history": .organisation(.read),
        "GET /:lang/a/:assessment": .assessment(.read),
        "GET /:lang/a/:assessment/c/:criterion": .assessment(.read),
        "POST /:lang/a/:assessment/c/:criterion": .assessment(.edit),
        "GET /:lang/a/:assessment/evidence": .assessment(.read),
        "POST /:lang/a/:assessment/evidence": .assessment(.edit),
        "POST /:lang/a/:assessment/evidence/:item": .assessment(.edit),
        "GET /:lang/a/:assessment/kpis": .assessment(.read),
        "POST /:lang/a/:assessment/kpis": .assessment(.edit),
        "POST /:lang/a/:assessment/tickets": .assessment(.edit),
        "GET /:lang/a/:assessment/findings": .assessment(.read),
        "POST /:lang/a/:assessment/findings": .assessment(.edit),
        "POST /:lang/a/:assessment/findings/:finding": .assessment(.edit),
        "GET /:lang/a/:assessment/plan": .assessment(.read),
        "POST /:lang/a/:assessment/plan": .assessment(.edit),
        "POST /:lang/a/:assessment/plan/:action": .assessment(.edit),
        "GET /:lang/a/:assessment/review": .assessment(.read),
        "POST /:lang/a/:assessment/review": .assessment(.review),
        "POST /:lang/a/:assessment/keep": .assessment(.edit),
        "GET /:lang/a/:assessment/history": .assessment(.read),
        "GET /:lang/a/:assessment/downloads": .assessment(.read),
        "GET /:lang/a/:assessment/trail": .assessment(.read),
    ]

    /// Open routes whose answer is the same whoever asks: the caller is not looked up (no query for a session or
    /// for whether accounts exist), so public verification costs one query.
    static let anonymous: Set<String> = [
        "GET /healthz", "GET /api/v1/openapi.json", "GET /certificates/:number", "GET /register/keys",
        "GET /register/certificates/:number/document",
    ]

    /// Routes whose successful answer is an export, recorded in the audit trail.
    static let exports: Set<String> = [
        "GET /api/v1/assessments/:assessment/export", "GET /api/v1/assessments/:assessment/file",
    ]

    /// ``key(_:_:)`` of a request's route, kept by route and method (the router's routes, a few hundred): written
    /// anew for every request it was a hundredth of a saved claim.
    static func route(_ method: HTTPRequest.Method, _ path: String) -> String {
        if let known = routes.withLock({ $0[path]?[method.rawValue] }) { return known }
        let route = key(method, path)
        routes.withLock { routes in
            if routes.count < 4_096 { routes[path, default: [:]][method.rawValue] = route }
        }
        return route
    }

    private static let routes = Mutex<[String: [String: String]]>([:])

    /// `GET /api/v1/assessments/:assessment`: the router's `{assessment}` written as routes are registered.
    static func key(_ method: HTTPRequest.Method, _ path: String) -> String {
        let pattern = path.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : part
        }
        return "\(method.rawValue) /\(pattern.joined(separator: "/"))"
    }
}
