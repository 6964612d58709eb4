import Foundation
import Hummingbird
import MaturityCore
import MaturityStore

/// `POST /api/v1/import`: a zipped assessment folder becomes a stored assessment, or a 422 naming
/// every problem where the command line would (`assessment.yaml:12:5`).
struct ImportController {
    let store: Store
    let engine: ServerEngine
    let configuration: ServerConfiguration

    struct Created: Encodable {
        var id: String
        var organisationId: String
        var revision: Int
        var warnings: [APIError.Problem]

        enum CodingKeys: String, CodingKey {
            case id
            case organisationId = "organisation_id"
            case revision
            case warnings
        }
    }

    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.post("import", use: importFolder)
    }

    @Sendable func importFolder(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let organisationId = request.uri.queryParameters["organisation"].map(String.init)
        if let organisationId {
            try Principal.current.require(.edit, organisation: organisationId)
            _ = try await store.organisations.get(organisationId)
        }
        let body = try await request.bytes(upTo: configuration.maximumUploadBytes, context: context)
        let created = try await importArchive(body, organisationId: organisationId)
        var response = JSONBody(created).response(status: .created, etag: ETag.of(created.revision))
        response.headers[.location] = "/api/v1/assessments/\(created.id)"
        return response
    }

    /// Stores the zipped folder `body` as a new assessment, or refuses it with every problem located.
    func importArchive(_ body: Data, organisationId: String?) async throws -> Created {
        // Into an organisation the user may edit; a folder naming its own organisation is for cb-admin only.
        if let organisationId {
            try Principal.current.require(.edit, organisation: organisationId)
        } else if !Principal.current.isAdmin {
            throw APIError(.forbidden, "say which organisation to import into (?organisation=ID)")
        }
        if let organisationId { _ = try await store.organisations.get(organisationId) }
        let folder: [String: Data]
        do {
            folder = try ZipFolder.read(
                body,
                limits: .init(
                    fileBytes: store.configuration.maximumFileBytes, totalBytes: configuration.maximumUnpackedBytes))
        } catch {
            let status: HTTPResponse.Status =
                switch error {
                case .fileTooLarge, .totalTooLarge: .contentTooLarge
                default: .unprocessableContent
                }
            throw APIError(status, error.description)
        }
        return try await create(from: folder, organisationId: organisationId)
    }

    /// Stores an assessment folder held in memory as a new assessment, or refuses it with every problem
    /// located; the caller has checked that the user may import into `organisationId`.
    func create(from folder: [String: Data], organisationId: String?) async throws -> Created {
        guard folder["assessment.yaml"] != nil else {
            throw APIError(
                .unprocessableContent, "the archive has no assessment.yaml",
                problems: [
                    .init(
                        location: nil, message: "no assessment.yaml at the top of the folder",
                        hint: "zip the assessment's folder (assessment.yaml and its evidence/)")
                ])
        }
        let reference: CatalogReference
        do {
            reference = try engine.catalogReference(folder)
        } catch let error as DiagnosticError {
            throw Self.invalid(error)
        }
        guard let catalogRecord = try await store.catalogs.find(catalogId: reference.id, version: reference.version)
        else {
            throw APIError(
                .unprocessableContent, "this server has no catalog '\(reference.description)'",
                problems: [
                    .init(
                        location: reference.location.description,
                        message: "no catalog '\(reference.description)' on this server",
                        hint: "upload the catalog first, or name one of GET /api/v1/catalogs")
                ])
        }
        let catalog = try await engine.catalog(catalogRecord)
        let loaded: Loaded<Assessment>
        do {
            loaded = try engine.load(folder, catalog: catalog)
        } catch let error as DiagnosticError {
            throw Self.invalid(error)
        }
        // KPIs gathered from the ticket export with its mapping, as the command line does: a problem there
        // refuses the import like any other.
        let checked: ScoredAssessment
        do {
            checked = try ServerEngine.score(
                folder: folder, catalog: catalog, catalogRecord: catalogRecord,
                catalogFiles: try await engine.catalogFiles(catalogRecord), target: nil, showingPath: false, revision: 1
            )
        } catch ScoringError.invalid(let error) {
            throw Self.invalid(error)
        }
        let plan = try Self.plan(in: folder)
        let organisation =
            if let organisationId { try await store.organisations.get(organisationId) } else {
                try await findOrCreate(loaded.value.organisation)
            }
        var snapshot = AssessmentRecords.snapshot(
            of: loaded.value, organisationId: organisation.id, catalog: catalogRecord,
            catalogReference: reference.description)
        snapshot.assessment.organisationName = loaded.value.organisation.name
        var files = folder
        let source = files.removeValue(forKey: "assessment.yaml")
        if plan != nil { files["plan.yaml"] = nil }
        let stored = try await store.assessments.create(snapshot, files: files, source: source, plan: plan)
        return Created(
            id: stored.assessment.id, organisationId: organisation.id, revision: stored.assessment.revision,
            warnings: checked.loaded.warnings.map(APIError.Problem.init))
    }

    /// The organisation of that exact name (the first one, by name order), or a new one with its site.
    func findOrCreate(_ organisation: Organisation) async throws -> OrganisationRecord {
        let candidates = try await store.organisations.list(search: organisation.name, limit: 500)
        if let match = candidates.first(where: { $0.name == organisation.name }) {
            return try await store.organisations.get(match.id)
        }
        return try await store.organisations.create(
            name: organisation.name, sites: organisation.site.map { [$0] } ?? [])
    }

    /// The folder's `plan.yaml`, when it is a plan file, read by the engine's plan loader (its problems are
    /// the import's); kept as the assessment's plan.
    static func plan(in folder: [String: Data]) throws -> (text: String, actions: [String])? {
        guard let data = folder["plan.yaml"] else { return nil }
        let engine = Engine(files: ServerEngine.memory(["plan.yaml": data]))
        let path = ServerEngine.assessmentRoot + "/plan.yaml"
        guard engine.isPlanFile(path) else { return nil }
        do {
            let document = try engine.loadPlan(InputPath(path, shown: "plan.yaml"))
            return (document.text, document.plan.entries.map(\.id))
        } catch {
            throw invalid(error)
        }
    }

    /// A 422 carrying every problem the engine found.
    static func invalid(_ error: DiagnosticError) -> APIError {
        let problems = error.diagnostics.map(APIError.Problem.init)
        let count = problems.filter { $0.severity == "error" }.count
        return APIError(
            .unprocessableContent, count == 1 ? "the assessment has 1 problem" : "the assessment has \(count) problems",
            problems: problems)
    }
}
