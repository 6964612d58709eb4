import Foundation
import Hummingbird
import MaturityCore
import MaturityReports
import MaturityStore

/// `/api/v1/assessments/{assessment}/evidence`, `/findings`, `/metrics` and `/files`: the evidence register,
/// audit findings, KPI values and the folder's files, each edited on its own with the version the editor saw
/// (`If-Match`; `"0"` adds a part that is not there yet), checked by the engine's loader before it is stored.
struct PartsController {
    let store: Store
    let engine: ServerEngine
    var edits: PartEdit { PartEdit(store: store, engine: engine) }

    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.get(":assessment/evidence", use: listEvidence)
        group.get(":assessment/evidence/:item", use: getEvidence)
        group.patch(":assessment/evidence/:item", use: patchEvidence)
        group.delete(":assessment/evidence/:item", use: deleteEvidence)
        group.get(":assessment/findings", use: listFindings)
        group.get(":assessment/findings/:finding", use: getFinding)
        group.patch(":assessment/findings/:finding", use: patchFinding)
        group.delete(":assessment/findings/:finding", use: deleteFinding)
        group.get(":assessment/metrics", use: listMetrics)
        group.get(":assessment/metrics/:kpi", use: getMetric)
        group.patch(":assessment/metrics/:kpi", use: patchMetric)
        group.delete(":assessment/metrics/:kpi", use: deleteMetric)
        group.get(":assessment/tickets", use: tickets)
        group.get(":assessment/files", use: listFiles)
        group.post(":assessment/files", use: uploadFile)
        group.get(":assessment/file", use: downloadFile)
    }

    // MARK: Evidence register

    @Sendable func listEvidence(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        return JSONBody(["evidence": snapshot.evidence]).response(status: .ok)
    }

    @Sendable func getEvidence(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let key = try context.parameters.require("item")
        guard let item = snapshot.evidenceItem(key) else { throw APIError.notFound("no evidence item '\(key)'") }
        return JSONBody(item).response(status: .ok, etag: ETag.of(item.version))
    }

    /// What a PATCH of an evidence item may change; adding one (version 0) needs `kind` and `title`.
    struct EvidencePatch: Decodable, Sendable {
        var kind: PatchField<String> = .unchanged
        var title: PatchField<String> = .unchanged
        var date: PatchField<String> = .unchanged
        var file: PatchField<String> = .unchanged
        var supersededBy: PatchField<String> = .unchanged
        var validUntil: PatchField<String> = .unchanged

        enum CodingKeys: String, CodingKey {
            case kind, title, date, file
            case supersededBy = "superseded_by"
            case validUntil = "valid_until"
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.patch(String.self, forKey: .kind)
            title = try container.patch(String.self, forKey: .title)
            date = try container.patch(String.self, forKey: .date)
            file = try container.patch(String.self, forKey: .file)
            supersededBy = try container.patch(String.self, forKey: .supersededBy)
            validUntil = try container.patch(String.self, forKey: .validUntil)
        }

        init(kind: String, title: String, date: String?, file: String?) {
            self.kind = .set(kind)
            self.title = .set(title)
            self.date = date.map { .set($0) } ?? .unchanged
            self.file = file.map { .set($0) } ?? .unchanged
        }

        func apply(to current: EvidenceRecord?, key: String) throws -> EvidenceRecord {
            var row = current ?? EvidenceRecord(item: key, kind: "", title: "", version: 0)
            var kind: String? = row.kind
            var title: String? = row.title
            self.kind.apply(to: &kind)
            self.title.apply(to: &title)
            var problems: [APIError.Problem] = []
            if (kind ?? "").isEmpty { problems.append(.init(location: "$.kind", message: "'kind' is required")) }
            if (title ?? "").isEmpty { problems.append(.init(location: "$.title", message: "'title' is required")) }
            if !problems.isEmpty {
                throw APIError(.unprocessableContent, "an evidence item needs a kind and a title", problems: problems)
            }
            row.kind = kind ?? ""
            row.title = title ?? ""
            date.apply(to: &row.date)
            file.apply(to: &row.file)
            supersededBy.apply(to: &row.supersededBy)
            validUntil.apply(to: &row.validUntil)
            return row
        }
    }

    @Sendable func patchEvidence(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let key = try context.parameters.require("item")
        let expected = try request.expectedVersion()
        let patch = try await request.json(EvidencePatch.self, context: context)
        let row = try await edits.edit(.evidence, assessment: id, key: key, expected: expected) { current, _ in
            try patch.apply(to: current, key: key)
        }
        return PartEdit.response(row, version: \.version)
    }

    @Sendable func deleteEvidence(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let key = try context.parameters.require("item")
        let expected = try request.expectedVersion()
        guard try await store.assessments.get(id).evidenceItem(key) != nil else {
            throw APIError.notFound("no evidence item '\(key)'")
        }
        _ = try await edits.edit(.evidence, assessment: id, key: key, expected: expected) { _, _ in nil }
        return Response(status: .noContent)
    }

    // MARK: Findings

    @Sendable func listFindings(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        return JSONBody(["findings": snapshot.findings]).response(status: .ok)
    }

    @Sendable func getFinding(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let key = try context.parameters.require("finding")
        guard let finding = snapshot.finding(key) else { throw APIError.notFound("no finding '\(key)'") }
        return JSONBody(finding).response(status: .ok, etag: ETag.of(finding.version))
    }

    /// What a PATCH of a finding may change; adding one (version 0) needs `grade` and `text`.
    struct FindingPatch: Decodable, Sendable {
        var criterion: PatchField<String> = .unchanged
        var grade: PatchField<String> = .unchanged
        var text: PatchField<String> = .unchanged
        var status: PatchField<String> = .unchanged
        var clause: PatchField<String> = .unchanged
        var evidence: PatchField<[String]> = .unchanged
        var due: PatchField<String> = .unchanged

        enum CodingKeys: String, CodingKey {
            case criterion, grade, text, status, clause, evidence, due
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            criterion = try container.patch(String.self, forKey: .criterion)
            grade = try container.patch(String.self, forKey: .grade)
            text = try container.patch(String.self, forKey: .text)
            status = try container.patch(String.self, forKey: .status)
            clause = try container.patch(String.self, forKey: .clause)
            evidence = try container.patch([String].self, forKey: .evidence)
            due = try container.patch(String.self, forKey: .due)
        }

        init() {}

        func apply(to current: FindingRecord?, key: String) throws -> FindingRecord {
            var row = current ?? FindingRecord(finding: key, grade: "", text: "", version: 0)
            var grade: String? = row.grade
            var text: String? = row.text
            var status: String? = row.status
            var list: [String]? = row.evidence
            self.grade.apply(to: &grade)
            self.text.apply(to: &text)
            self.status.apply(to: &status)
            evidence.apply(to: &list)
            var problems: [APIError.Problem] = []
            if (grade ?? "").isEmpty { problems.append(.init(location: "$.grade", message: "'grade' is required")) }
            if (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append(.init(location: "$.text", message: "'text' is required"))
            }
            if !problems.isEmpty {
                throw APIError(.unprocessableContent, "a finding needs a grade and a text", problems: problems)
            }
            row.grade = grade ?? ""
            row.text = text ?? ""
            row.status = (status ?? "").isEmpty ? "open" : status ?? "open"
            row.evidence = list ?? []
            criterion.apply(to: &row.criterion)
            clause.apply(to: &row.clause)
            due.apply(to: &row.due)
            return row
        }
    }

    @Sendable func patchFinding(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let key = try context.parameters.require("finding")
        let expected = try request.expectedVersion()
        let patch = try await request.json(FindingPatch.self, context: context)
        let row = try await edits.edit(.finding, assessment: id, key: key, expected: expected) { current, _ in
            try patch.apply(to: current, key: key)
        }
        return PartEdit.response(row, version: \.version)
    }

    @Sendable func deleteFinding(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let key = try context.parameters.require("finding")
        let expected = try request.expectedVersion()
        guard try await store.assessments.get(id).finding(key) != nil else {
            throw APIError.notFound("no finding '\(key)'")
        }
        _ = try await edits.edit(.finding, assessment: id, key: key, expected: expected) { _, _ in nil }
        return Response(status: .noContent)
    }

    // MARK: KPI values

    /// A KPI value as the engine uses it: typed in `metrics:` (with its version) or computed from the ticket export.
    struct KPIEntry: Encodable {
        var kpi: String
        var value: Double
        /// `metrics` or `tickets`.
        var source: String
        var version: Int?
    }

    @Sendable func listMetrics(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let scored = try await engine.scoredOrRefused(snapshot)
        let versions = Dictionary(snapshot.metrics.map { ($0.kpi, $0.version) }, uniquingKeysWith: { a, _ in a })
        let entries = scored.loaded.kpis.map { value -> KPIEntry in
            let source: String = if case .metrics = value.source { "metrics" } else { "tickets" }
            return KPIEntry(kpi: value.id, value: value.value, source: source, version: versions[value.id])
        }
        return JSONBody(["kpis": entries]).response(status: .ok)
    }

    @Sendable func getMetric(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let key = try context.parameters.require("kpi")
        guard let metric = snapshot.metrics.first(where: { $0.kpi == key }) else {
            throw APIError.notFound("no KPI value '\(key)' in metrics")
        }
        return JSONBody(metric).response(status: .ok, etag: ETag.of(metric.version))
    }

    struct MetricPatch: Decodable, Sendable {
        var value: Double
    }

    @Sendable func patchMetric(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let key = try context.parameters.require("kpi")
        let expected = try request.expectedVersion()
        let patch = try await request.json(MetricPatch.self, context: context)
        guard patch.value.isFinite else {
            throw APIError(
                .unprocessableContent, "a KPI value must be a finite number",
                problems: [.init(location: "$.value", message: "expected a finite number")])
        }
        let row = try await edits.edit(.metric, assessment: id, key: key, expected: expected, checkTickets: true) {
            current, _ in
            var row = current ?? MetricRecord(kpi: key, value: patch.value, version: 0)
            row.value = patch.value
            return row
        }
        return PartEdit.response(row, version: \.version)
    }

    @Sendable func deleteMetric(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let key = try context.parameters.require("kpi")
        let expected = try request.expectedVersion()
        guard try await store.assessments.get(id).metrics.contains(where: { $0.kpi == key }) else {
            throw APIError.notFound("no KPI value '\(key)' in metrics")
        }
        _ = try await edits.edit(.metric, assessment: id, key: key, expected: expected) { _, _ in nil }
        return Response(status: .noContent)
    }

    /// The KPIs of the assessment's ticket export as `maturity kpi --format json` gives them: values with
    /// their counts, and the rows left out with the reason.
    @Sendable func tickets(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let measurement = try await engine.measureTickets(snapshot)
        return JSONBody(raw: Data(TicketKPIReport.json(measurement).utf8)).response(status: .ok)
    }

    // MARK: Files

    @Sendable func listFiles(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        return JSONBody(["files": snapshot.files]).response(status: .ok)
    }

    /// Stores the body as the folder's file `?path=` (by its SHA-256), for an evidence item to cite.
    @Sendable func uploadFile(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let path = try FileUpload.checkedPath(request.uri.queryParameters["path"].map(String.init))
        let data = try await request.bytes(upTo: store.configuration.maximumFileBytes, context: context)
        let file = try await FileUpload(store: store).store(data, at: path, in: id)
        return JSONBody(file).response(status: .created)
    }

    @Sendable func downloadFile(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let path = request.uri.queryParameters["path"].map(String.init) ?? ""
        guard let file = snapshot.files.first(where: { $0.path == path }) else {
            throw APIError.notFound("the assessment has no file '\(path)'")
        }
        let data = try await store.assessments.blob(file.sha256)
        let name = (path as NSString).lastPathComponent.replacingOccurrences(of: "\"", with: "")
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/octet-stream", .contentDisposition: "attachment; filename=\"\(name)\"",
                .eTag: "\"\(file.sha256)\"",
            ],
            body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}

/// A file added to an assessment's folder: stored by its SHA-256 before the row that lists it.
struct FileUpload {
    let store: Store

    /// `path` when it is a relative path inside the folder that is not one of the folder's own files.
    static func checkedPath(_ path: String?) throws -> String {
        guard let path, !path.isEmpty else {
            throw APIError(.badRequest, "say where the file goes in the folder: ?path=evidence/NAME")
        }
        guard let clean = ZipFolder.safePath(path), !clean.isEmpty, path.count <= 500 else {
            throw APIError(
                .unprocessableContent, ZipFolder.Problem.unsafePath(path).description,
                problems: [
                    .init(location: "path", message: "a relative path inside the folder, like evidence/report.pdf")
                ])
        }
        guard !["assessment.yaml", "plan.yaml"].contains(clean) else {
            throw APIError(.conflict, "'\(clean)' is the folder's own file; upload evidence under evidence/")
        }
        return clean
    }

    /// Stores `data` at `path`; the same bytes at the same path again change nothing, other bytes at a path
    /// in use are refused (409) so that no cited file changes under an evidence item.
    func store(_ data: Data, at path: String, in id: String) async throws -> FileRecord {
        let digest = BlobStore.digest(data)
        if let existing = try await store.assessments.get(id).files.first(where: { $0.path == path }) {
            if existing.sha256 == digest { return existing }
            throw APIError(.conflict, "the folder has a different file at '\(path)'; upload under another name")
        }
        let (stored, _) = try await store.assessments.edit(id, newFiles: [(path, data)]) { snapshot, files in
            if let existing = snapshot.files.first(where: { $0.path == path }), existing.sha256 != digest {
                throw APIError(.conflict, "the folder has a different file at '\(path)'; upload under another name")
            }
            var next = snapshot
            next.files += files.filter { file in !snapshot.files.contains { $0.path == file.path } }
            return (next, ())
        }
        return stored.files.first { $0.path == path } ?? FileRecord(path: path, sha256: digest, size: data.count)
    }
}
