import Logging
import MaturityStore
import ServiceLifecycle

/// Keeps the store open while the server runs and closes it last, after the HTTP server has finished
/// the requests in flight (services shut down in the reverse order they were added; the server's own
/// service comes after ours).
struct StoreService: Service {
    let store: Store
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        try await store.close()
        logger.info("database closed")
    }
}
