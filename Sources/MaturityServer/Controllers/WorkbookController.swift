import Foundation
import HTTPTypes
import Hummingbird
import MaturityCore
import MaturityReports
import MaturitySheets
import MaturityStore

/// Workbooks (xlsx) in and out, as the command line writes and reads them: `GET …/export?format=xlsx&sheet=…`
/// gives the self-assessment worksheet (`maturity init --format xlsx`), the audit checklist (`init --kind audit
/// --format xlsx`), the plan (`plan --format xlsx`) or the result (`assess --format xlsx`) of a stored assessment;
/// `POST /api/v1/import/worksheet` reads a filled one into a new assessment (`maturity import`), every problem
/// located at its cell and nothing stored when there is one.
struct WorkbookController {
    let store: Store
    let engine: ServerEngine
    let configuration: ServerConfiguration

    /// The workbooks an assessment can be downloaded as.
    enum Sheet: String, CaseIterable, Sendable {
        case worksheet, checklist, plan, result

        /// The file name the command line writes it under.
        var filename: String { rawValue + ".xlsx" }
    }

    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    /// The name a worksheet uploaded without one is shown under in its problems.
    static let defaultName = "worksheet.xlsx"

    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.post("import/worksheet", use: importWorksheet)
    }

    // MARK: Out

    /// The workbook `sheet` of the assessment `snapshot`, in `language`.
    func workbook(_ snapshot: AssessmentSnapshot, sheet: Sheet, language: Language) async throws -> Data {
        let kind = Assessment.Kind(rawValue: snapshot.assessment.kind) ?? .selfAssessment
        switch sheet {
        case .worksheet where kind != .selfAssessment:
            throw APIError(
                .badRequest, "a worksheet is the form of a self-assessment; this is an audit: ask for sheet=checklist")
        case .checklist where kind == .selfAssessment:
            throw APIError(
                .badRequest,
                "a checklist is the form of an audit; make an audit from this self-assessment, or ask for sheet=worksheet"
            )
        default: break
        }
        let scored = try await engine.scoredOrRefused(snapshot)
        let catalog = scored.loaded.catalog
        guard !catalog.isPoints else {
            throw APIError(
                .unprocessableContent,
                "catalog '\(catalog.id)' is scored in points; workbooks are made for catalogs scored in levels")
        }
        let assessment = scored.loaded.assessment
        let form: AssessmentWorkbook.Form
        switch sheet {
        case .worksheet:
            form = .worksheet
        case .checklist:
            // What the self-assessment's evidence supported: the claims as they were carried over, scored as the
            // self-assessment they came from (as `init --kind audit` scores its --from).
            var claims = scored.loaded
            claims.assessment.kind = .selfAssessment
            for id in claims.assessment.criteria.keys { claims.assessment.criteria[id]?.audited = nil }
            form = .audit(selfResult: scored.engine.auditPackage(claims).result)
        case .result:
            form = .result(scored.result)
        case .plan:
            let (_, document) = try await PlanController(store: store, engine: engine).stored(snapshot.assessment.id)
            return PlanWorkbook(plan: document.plan, catalog: catalog, language: language).data()
        }
        return AssessmentWorkbook(catalog: catalog, assessment: assessment, form: form, language: language).data()
    }

    /// `export?format=xlsx&sheet=…&lang=…`: the workbook as a download.
    func export(_ request: Request, snapshot: AssessmentSnapshot) async throws -> Response {
        let name = request.uri.queryParameters["sheet"].map(String.init) ?? ""
        guard let sheet = Sheet(rawValue: name) else {
            throw APIError(
                .badRequest,
                "sheet '\(name)' is not one of " + Sheet.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let data = try await workbook(snapshot, sheet: sheet, language: try ReportOptions.language(request))
        return Response(
            status: .ok,
            headers: [
                .contentType: Self.contentType,
                .contentDisposition: "attachment; filename=\"\(sheet.filename)\"",
                .eTag: ETag.of(snapshot.assessment.revision),
            ],
            body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    // MARK: In

    @Sendable func importWorksheet(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let organisationId = request.uri.queryParameters["organisation"].map(String.init)
        if let organisationId {
            try Principal.current.require(.edit, organisation: organisationId)
            _ = try await store.organisations.get(organisationId)
        }
        let body = try await request.bytes(upTo: configuration.maximumUploadBytes, context: context)
        let name = request.uri.queryParameters["name"].map { EvidencePages.safeName(String($0)) } ?? Self.defaultName
        let created = try await importWorkbook(
            body, named: name, organisationId: organisationId, language: try ReportOptions.language(request))
        var response = JSONBody(created).response(status: .created, etag: ETag.of(created.revision))
        response.headers[.location] = "/api/v1/assessments/\(created.id)"
        return response
    }

    /// Reads the filled worksheet `data` (shown as `name` in its problems, which are in `language`) as
    /// `maturity import` reads it, then stores it as the zip import stores a folder: a new assessment, or a 422
    /// with every problem at its cell (`worksheet.xlsx!Criteria!D14`) and nothing stored.
    func importWorkbook(_ data: Data, named name: String, organisationId: String?, language: Language)
        async throws -> ImportController.Created
    {
        let importer = ImportController(store: store, engine: engine, configuration: configuration)
        if let organisationId {
            try Principal.current.require(.edit, organisation: organisationId)
        } else if !Principal.current.isAdmin {
            throw APIError(.forbidden, "say which organisation to import into (?organisation=ID)")
        }
        func located<T>(_ step: () throws(DiagnosticError) -> T) throws -> T {
            do {
                return try step()
            } catch {
                throw Self.invalid(error, language: language)
            }
        }
        var limits = SheetLimits.standard
        limits.fileBytes = min(limits.fileBytes, configuration.maximumUploadBytes)
        let workbook = try located { () throws(DiagnosticError) in
            try XLSXReader.read(data, file: name, limits: limits, sheets: WorksheetImport.reads)
        }
        let (reference, location) = try located { () throws(DiagnosticError) in
            try WorksheetImport.catalogReference(workbook)
        }
        let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
        let t = PageText(language: language)
        guard
            let record = try await store.catalogs.find(
                catalogId: parts.first ?? "", version: parts.count > 1 ? parts[1] : nil)
        else {
            throw APIError(
                .unprocessableContent, t("本服务器没有工作表所用的目录", "this server has no catalog the worksheet names"),
                problems: [
                    .init(
                        location: location.description,
                        message: t("本服务器没有目录 '\(reference)'", "this server has no catalog '\(reference)'"),
                        hint: t(
                            "请先上传该目录，或填写 GET /api/v1/catalogs 中的目录",
                            "upload the catalog first, or name one of GET /api/v1/catalogs"))
                ])
        }
        let catalog = try await engine.catalog(record)
        guard !catalog.isPoints else {
            throw APIError(
                .unprocessableContent,
                t(
                    "目录 '\(catalog.id)' 按分值评分；工作簿只用于按等级评分的目录",
                    "catalog '\(catalog.id)' is scored in points; workbooks are made for catalogs scored in levels"))
        }
        // Files the worksheet names are looked for in the new folder, which holds nothing but the worksheet:
        // never on the server's disk.
        let yaml = try located { () throws(DiagnosticError) in
            try WorksheetImport.read(
                workbook, catalog: catalog, folder: ServerEngine.assessmentRoot, files: ServerEngine.memory([:])
            ).yaml
        }
        return try await importer.create(from: ["assessment.yaml": Data(yaml.utf8)], organisationId: organisationId)
    }

    /// A 422 carrying every problem of the workbook, in `language`.
    static func invalid(_ error: DiagnosticError, language: Language) -> APIError {
        let problems = error.diagnostics.map { APIError.Problem($0, language: language) }
        let count = problems.filter { $0.severity == "error" }.count
        let message =
            language == .zh
            ? "工作表有 \(count) 个问题，未导入任何内容"
            : count == 1
                ? "the worksheet has 1 problem; nothing was imported"
                : "the worksheet has \(count) problems; nothing was imported"
        return APIError(.unprocessableContent, message, problems: problems)
    }
}

extension APIError.Problem {
    /// A diagnostic of the engine in `language`, located as the command line prints it.
    init(_ diagnostic: Diagnostic, language: Language) {
        self.init(
            location: diagnostic.location?.description, message: diagnostic.message(in: language),
            hint: diagnostic.hint(in: language), severity: diagnostic.severity.rawValue)
    }
}
