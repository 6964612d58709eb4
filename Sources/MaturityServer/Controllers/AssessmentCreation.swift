import Foundation
import Hummingbird
import MaturityCore
import MaturityStore

/// `POST /api/v1/assessments`: a new assessment of an organisation against a catalog — empty, or, for an
/// audit, the auditor's worksheet made from a self-assessment by the engine's rule that `maturity init --kind audit`
/// follows too (`AuditPackage.audit`: its claims, evidence register, KPI values, findings and files; the audited
/// levels left for the auditor). Checked by the engine before it is stored.
struct AssessmentCreation {
    let store: Store
    let engine: ServerEngine

    struct Input: Decodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case organisationId = "organisation_id"
            case catalog, kind, date, assessor, auditor, site, from
        }

        var organisationId: String
        /// A catalog id (its newest version), `id@version`, or a store catalog id.
        var catalog: String?
        var kind: String
        var date: String
        var assessor: String?
        var auditor: String?
        var site: String?
        /// The assessment to start from (a self-assessment, for an audit's worksheet).
        var from: String?
    }

    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.post(use: create)
    }

    @Sendable func create(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let input = try await request.json(Input.self, context: context)
        let created = try await create(input)
        var response = JSONBody(created).response(status: .created, etag: ETag.of(created.assessment.revision))
        response.headers[.location] = "/api/v1/assessments/\(created.assessment.id)"
        return response
    }

    func create(_ input: Input) async throws -> AssessmentSnapshot {
        try Principal.current.require(.edit, organisation: input.organisationId)
        let organisation = try await store.organisations.get(input.organisationId)
        var problems: [APIError.Problem] = []
        let kind = Assessment.Kind(rawValue: input.kind)
        let date = Day(iso: input.date)
        if kind == nil {
            problems.append(
                .init(
                    location: "$.kind", message: "unknown kind '\(input.kind)'",
                    hint: "write one of: " + Assessment.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        if date == nil {
            problems.append(.init(location: "$.date", message: "expected a date YYYY-MM-DD, found '\(input.date)'"))
        }
        let source = try await input.from.asyncMap { try await store.assessments.get($0) }
        if let source, source.assessment.organisationId != organisation.id {
            problems.append(
                .init(location: "$.from", message: "assessment '\(source.assessment.id)' is of another organisation"))
        }
        let record: CatalogRecord? = try await {
            if let source { return try await store.catalogs.get(source.assessment.catalog) }
            guard let name = input.catalog, !name.isEmpty else { return nil }
            if let byId = try? await store.catalogs.get(name) { return byId }
            let parts = name.split(separator: "@", maxSplits: 1).map(String.init)
            return try await store.catalogs.find(catalogId: parts[0], version: parts.count > 1 ? parts[1] : nil)
        }()
        if record == nil {
            problems.append(
                .init(
                    location: "$.catalog", message: "no catalog '\(input.catalog ?? "")' on this server",
                    hint: "name one of GET /api/v1/catalogs"))
        }
        guard problems.isEmpty, let record, let kind, let date else {
            throw APIError(.unprocessableContent, "the new assessment is not valid", problems: problems)
        }
        var snapshot: AssessmentSnapshot
        var files: [String: Data] = [:]
        if let source {
            // The worksheet, by the engine's one rule (as `maturity init --kind audit --from` makes it): what the
            // organisation claimed, with its evidence, KPI values and earlier findings; the auditor's levels empty.
            let scored = try await engine.scoredOrRefused(source)
            let audit = scored.engine.auditPackage(scored.loaded).audit(kind: kind, date: date, auditor: input.auditor)
            snapshot = AssessmentRecords.snapshot(
                of: audit, organisationId: organisation.id, catalog: record,
                catalogReference: source.assessment.catalogReference)
            snapshot.assessment.organisationName = organisation.name
            snapshot.assessment.site = input.site ?? audit.organisation.site ?? organisation.sites.first?.name
            snapshot.assessment.assessor = input.assessor ?? audit.assessor
            files = try await store.assessments.files(of: source)
        } else {
            snapshot = AssessmentSnapshot(
                assessment: AssessmentRecord(
                    id: "", organisationId: organisation.id, organisationName: organisation.name, catalog: record.id,
                    catalogReference: record.catalogId, kind: kind.rawValue, date: date.description,
                    site: input.site ?? organisation.sites.first?.name, assessor: input.assessor,
                    auditor: input.auditor))
        }
        let catalog = try await engine.catalog(record)
        var folder = files
        folder["assessment.yaml"] = Data(
            AssessmentYAMLWriter.render(snapshot, criteriaOrder: catalog.criteria.map(\.id)).utf8)
        do {
            _ = try ServerEngine.score(
                folder: folder, catalog: catalog, catalogRecord: record,
                catalogFiles: try await engine.catalogFiles(record),
                target: nil, showingPath: false, revision: 1)
        } catch ScoringError.invalid(let error) {
            throw ImportController.invalid(error)
        }
        return try await store.assessments.create(snapshot, files: files, source: nil)
    }
}
