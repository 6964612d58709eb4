import Hummingbird
import MaturityStore

/// `/api/v1/catalogs`: the catalogs assessments can be made against.
struct CatalogController {
    let store: Store

    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.get { _, _ -> Response in
            JSONBody(["catalogs": try await store.catalogs.list()]).response(status: .ok)
        }
        group.get(":catalog") { _, context -> Response in
            JSONBody(try await store.catalogs.get(try context.parameters.require("catalog"))).response(status: .ok)
        }
    }
}
