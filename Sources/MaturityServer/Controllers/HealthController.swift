import Hummingbird
import MaturityStore

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
struct HealthController {
    let store: Store

    func addRoutes(to router: some RouterMethods<MaturityRequestContext>) {
        router.get("healthz") { _, _ -> Response in
            do {
                _ = try await store.database.read { sql in try await Migrator.currentVersion(sql) }
                return JSONBody(["status": "ok", "database": store.database.kind.rawValue]).response(status: .ok)
            } catch {
                return JSONBody(["status": "unavailable", "database": store.database.kind.rawValue])
                    .response(status: .serviceUnavailable)
            }
        }
    }
}
