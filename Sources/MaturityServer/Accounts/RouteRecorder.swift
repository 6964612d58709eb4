import HTTPTypes
import Hummingbird

/// The router's routes as they are added: `buildRouter` registers every route through this, so the authorisation
/// matrix test can list them all (Hummingbird's router does not list its routes).
final class RouteRecorder<Context: RequestContext>: RouterMethods, @unchecked Sendable {
    let router: Router<Context>
    private(set) var routes: [String] = []

    init(_ router: Router<Context>) {
        self.router = router
    }

    @discardableResult func on<Responder: HTTPResponder>(
        _ path: RouterPath, method: HTTPRequest.Method, responder: Responder
    ) -> Self where Responder.Context == Context {
        routes.append(AccessPolicy.key(method, path.description))
        router.on(path, method: method, responder: responder)
        return self
    }

    @discardableResult func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        router.add(middleware: middleware)
        return self
    }
}
