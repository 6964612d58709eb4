import Hummingbird
import MaturityStore

/// The routes that complete the assessment API: results and reports, edits of every part of an
/// assessment, plans, reviews and history. Registered in one place so the router setup stays small.
enum WorkspaceRoutes {
    static func add(
        to api: RouterGroup<MaturityRequestContext>, store: Store, engine: ServerEngine,
        configuration: ServerConfiguration
    ) {
        let assessments = api.group("assessments")
        AssessmentCreation(store: store, engine: engine).addRoutes(to: assessments)
        ResultController(store: store, engine: engine).addRoutes(to: assessments)
        PartsController(store: store, engine: engine).addRoutes(to: assessments)
        PlanController(store: store, engine: engine).addRoutes(to: assessments)
        ReviewController(store: store, engine: engine).addRoutes(assessments: assessments, api: api)
        WorkbookController(store: store, engine: engine, configuration: configuration).addRoutes(to: api)
    }
}
