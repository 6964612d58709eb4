import Foundation
import Hummingbird
import Logging
import MaturityStore

/// The `maturity serve` application: every route, over an opened store, which it closes at shutdown.
///
/// Tests call this too, and drive it through HummingbirdTesting without opening a port.
/// `onServerRunning` is told the port actually bound (port 0 picks a free one).
public func buildApplication(
    configuration: ServerConfiguration, store: Store, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(configuration: configuration, store: store)
    var app = Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "maturity"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
    app.addServices(StoreService(store: store, logger: logger))
    // Public verification and the due board answer from memory between changes, where the database announces them.
    store.keepRegisterAnswers { logger.notice("\($0)") }
    app.beforeServerStarts {
        try await ShippedCatalogs.register(folders: configuration.criteriaFolders, store: store, logger: logger)
        let swept = try await store.sweepOrphans()
        if swept > 0 { logger.info("removed \(swept) stored files nothing cites") }
    }
    return app
}

/// Every route of the server.
func buildRouter(configuration: ServerConfiguration, store: Store) -> Router<MaturityRequestContext> {
    buildRoutes(configuration: configuration, store: store).router
}

/// The router and the list of its routes (`GET /api/v1/…` patterns), which the authorisation matrix test reads.
func buildRoutes(configuration: ServerConfiguration, store: Store) -> RouteRecorder<MaturityRequestContext> {
    let router = RouteRecorder(Router(context: MaturityRequestContext.self))
    router.add(middleware: StoreErrorMiddleware())
    let engine = ServerEngine(store: store)
    // Before every route: who is asking, and whether they may (see AccessPolicy).
    let accounts = Accounts(store: store, configuration: configuration)
    router.add(middleware: AccessMiddleware(accounts: accounts, engine: engine))
    HealthController(store: store).addRoutes(to: router)
    let api = router.group("api/v1")
    OpenAPIController().addRoutes(to: api)
    OrganisationController(store: store).addRoutes(to: api.group("organisations"))
    CatalogController(store: store).addRoutes(to: api.group("catalogs"))
    ImportController(store: store, engine: engine, configuration: configuration).addRoutes(to: api)
    AssessmentController(store: store, engine: engine).addRoutes(to: api.group("assessments"))
    WorkspaceRoutes.add(to: api, store: store, engine: engine, configuration: configuration)
    PagesController(store: store, engine: engine, configuration: configuration).addRoutes(to: router)
    AccountPages(accounts: accounts).addRoutes(to: router)
    RegisterController(store: store, verificationsPerMinute: configuration.verificationsPerMinute)
        .addRoutes(to: router)
    return router
}
