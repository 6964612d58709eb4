import Foundation
import Hummingbird

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 document describing every route.
struct OpenAPIController {
    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.get("openapi.json") { _, _ -> Response in
            JSONBody(raw: Data(OpenAPIDocument.json.utf8)).response(status: .ok)
        }
    }
}
