import Foundation
import Hummingbird
import MaturityCore
import MaturityReports
import MaturityStore

/// Results kept as produced, surveillance reviews against a kept result (`Engine.review`), and an
/// organisation's history (`Engine.history`) — each the command line's JSON and reports.
struct ReviewController {
    let store: Store
    let engine: ServerEngine

    func addRoutes(assessments: RouterGroup<MaturityRequestContext>, api: RouterGroup<MaturityRequestContext>) {
        assessments.post(":assessment/results", use: keep)
        assessments.get(":assessment/review", use: preview)
        assessments.post(":assessment/review", use: record)
        api.get("organisations/:organisation/results", use: list)
        api.get("organisations/:organisation/history", use: history)
        api.get("results/:result", use: get)
    }

    /// Keeps the assessment's result as it is now (for an audit, the signed result), to be the previous result
    /// of a later review and a point of the organisation's history.
    @Sendable func keep(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let stored = try await keepResult(snapshot)
        var response = JSONBody(stored).response(status: .created)
        response.headers[.location] = "/api/v1/results/\(stored.id)"
        return response
    }

    func keepResult(_ snapshot: AssessmentSnapshot) async throws -> StoredResult {
        let scored = try await engine.scoredOrRefused(snapshot)
        return try await store.results.add(
            StoredResult(
                organisationId: snapshot.assessment.organisationId, assessmentId: snapshot.assessment.id,
                assessmentRevision: snapshot.assessment.revision, kind: "result",
                assessmentKind: snapshot.assessment.kind, date: snapshot.assessment.date,
                rating: scored.result.rating, json: scored.json))
    }

    struct ReviewInput: Decodable, Sendable {
        /// The kept result the review compares with.
        var previous: String
        /// The assessment whose plan reports progress (default: that of the previous result's assessment,
        /// when it has a plan).
        var plan: String?
    }

    /// The review, computed and not kept: `?previous=RESULT&plan=ASSESSMENT&format=json|html|md|text`.
    @Sendable func preview(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let options = try ReportOptions(request)
        guard let previous = request.uri.queryParameters["previous"].map(String.init) else {
            throw APIError(.badRequest, "say which kept result to compare with: ?previous=RESULT_ID")
        }
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let input = ReviewInput(previous: previous, plan: request.uri.queryParameters["plan"].map(String.init))
        let reviewed = try await self.review(snapshot, input: input)
        var context = ReviewContext(review: reviewed.review, catalog: reviewed.catalog, language: options.language)
        context.signOff = reviewed.signOff
        let text = Reports.review.render(context, as: options.format) ?? ""
        return ReportOptions.response(text, format: options.format)
    }

    /// The review, kept as a result: it is the previous result of the next review.
    @Sendable func record(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let input = try await request.json(ReviewInput.self, context: context)
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let stored = try await recordReview(snapshot, input: input)
        var response = JSONBody(stored).response(status: .created)
        response.headers[.location] = "/api/v1/results/\(stored.id)"
        return response
    }

    func recordReview(_ snapshot: AssessmentSnapshot, input: ReviewInput) async throws -> StoredResult {
        let reviewed = try await self.review(snapshot, input: input)
        let review = reviewed.review
        return try await store.results.add(
            StoredResult(
                organisationId: snapshot.assessment.organisationId, assessmentId: snapshot.assessment.id,
                assessmentRevision: snapshot.assessment.revision, kind: "review",
                assessmentKind: snapshot.assessment.kind, date: snapshot.assessment.date,
                rating: review.current.rating, decision: review.decision.rawValue,
                json: ReviewJSON.render(review, signOff: reviewed.signOff)))
    }

    /// A review of a stored assessment, with the sign-off of a surveillance or special audit naming its auditor.
    struct Reviewed {
        var review: Review
        var catalog: Catalog
        var warnings: [Diagnostic]
        var signOff: SignOff?
    }

    /// `Engine.review` of the stored assessment against a kept result, with the plan's progress, sealed as
    /// `maturity review` seals it in the exported folder with the kept result beside it as `previous.json`
    /// and the plan as `plan.yaml`.
    func review(_ snapshot: AssessmentSnapshot, input: ReviewInput) async throws -> Reviewed {
        let previous = try await store.results.get(input.previous)
        guard previous.organisationId == snapshot.assessment.organisationId else {
            throw APIError(
                .unprocessableContent, "result '\(previous.id)' is of another organisation",
                problems: [.init(location: "$.previous", message: "pick a result of the same organisation")])
        }
        let planAssessment = input.plan ?? previous.assessmentId
        let plan = try await planAssessment.asyncMap { try await store.plans.get($0) } ?? nil
        if input.plan != nil, plan == nil {
            throw APIError(
                .unprocessableContent, "assessment '\(input.plan ?? "")' has no plan",
                problems: [.init(location: "$.plan", message: "pick an assessment that has a plan")])
        }
        let scored = try await engine.scoredOrRefused(snapshot)
        var extra: [String: Data] = [:]
        let assessment = scored.loaded.assessment
        if assessment.kind.isAudit, !(assessment.auditor ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            // The sign-off hashes the evidence too, which the cached scoring does not keep in memory.
            extra = try await AssessmentFolder.files(
                snapshot, store: store, criteriaOrder: scored.loaded.catalog.criteria.map(\.id))
        }
        extra["previous.json"] = Data(previous.json.utf8)
        if let plan { extra["plan.yaml"] = Data(plan.text.utf8) }
        let reviewing = scored.engine(adding: extra)
        let root = ServerEngine.folderRoot
        let previousInput = InputPath(root + "/previous.json", shown: "previous.json")
        let planInput = plan.map { _ in InputPath(root + "/plan.yaml", shown: "plan.yaml") }
        do {
            let (review, warnings) = try reviewing.review(scored.loaded, previous: previousInput, plan: planInput)
            let signOff = try reviewing.sealReview(
                scored.loaded, reviewJSON: ReviewJSON.value(review), previous: previousInput, plan: planInput,
                resultFolder: root)
            return Reviewed(review: review, catalog: scored.loaded.catalog, warnings: warnings, signOff: signOff)
        } catch {
            throw ImportController.invalid(error)
        }
    }

    @Sendable func list(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("organisation")
        _ = try await store.organisations.get(id)
        return JSONBody(["results": try await store.results.list(organisation: id)]).response(status: .ok)
    }

    @Sendable func get(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let result = try await store.results.get(try context.parameters.require("result"))
        return JSONBody(raw: Data(result.json.utf8)).response(status: .ok)
    }

    /// The organisation's kept results over time: `maturity history` of a folder holding them.
    @Sendable func history(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let options = try ReportOptions(request)
        let id = try context.parameters.require("organisation")
        _ = try await store.organisations.get(id)
        let report = try await historyReport(organisation: id, language: options.language)
        return ReportOptions.response(Reports.history.render(report, as: options.format) ?? "", format: options.format)
    }

    func historyReport(organisation id: String, language: Language) async throws -> HistoryReport {
        let results = try await store.results.list(organisation: id, json: true)
        guard !results.isEmpty else {
            throw APIError.notFound("the organisation has no kept results yet; keep a result or record a review first")
        }
        var files: [String: Data] = [:]
        for (index, result) in results.enumerated() {
            files["/results/\(String(format: "%04d", index + 1))-\(result.date)-\(result.kind).json"] = Data(
                result.json.utf8)
        }
        let history: History
        do {
            history = try Engine(files: MemoryFiles(files)).history(InputPath("/results", shown: "results"))
        } catch {
            throw ImportController.invalid(error)
        }
        var catalog: Catalog?
        if let assessment = results.last?.assessmentId,
            let snapshot = try? await store.assessments.get(assessment)
        {
            catalog = try await engine.catalog(id: snapshot.assessment.catalog)
        }
        return HistoryReport(history: history, catalog: catalog, language: language)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
