import Foundation
import Hummingbird
import MaturityCore
import MaturityStore

/// `/api/v1/assessments/{assessment}`: an assessment, its folder as a zip, and edits of its criteria.
struct AssessmentController {
    let store: Store
    let engine: ServerEngine

    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.get(":assessment", use: get)
        group.delete(":assessment", use: delete)
        group.get(":assessment/export", use: export)
        group.get(":assessment/criteria/:criterion", use: criterion)
        group.patch(":assessment/criteria/:criterion", use: patchCriterion)
    }

    @Sendable func get(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        return JSONBody(snapshot).response(status: .ok, etag: ETag.of(snapshot.assessment.revision))
    }

    @Sendable func delete(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let expected = try request.expectedVersion()
        do {
            try await store.assessments.delete(id, expectedRevision: expected)
        } catch StoreError.versionConflict {
            let current = try await store.assessments.get(id)
            throw APIError(
                .preconditionFailed, "assessment '\(id)' was changed by someone else; here it is as it is now",
                current: JSONBody(current), headers: [.eTag: ETag.of(current.assessment.revision)])
        }
        return Response(status: .noContent)
    }

    /// The folder as a zip: importing it again gives the same assessment and the same result. With
    /// `format=xlsx&sheet=…`, one of its workbooks (``WorkbookController``).
    @Sendable func export(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        switch request.uri.queryParameters["format"].map(String.init) {
        case nil, "zip"?: break
        case "xlsx"?:
            return try await WorkbookController(store: store, engine: engine, configuration: ServerConfiguration())
                .export(request, snapshot: snapshot)
        case let other?: throw APIError(.badRequest, "format '\(other)' is not one of zip, xlsx")
        }
        let catalog = try await engine.catalog(id: snapshot.assessment.catalog)
        let files = try await AssessmentFolder.files(
            snapshot, store: store, criteriaOrder: catalog.criteria.map(\.id))
        let zip = try ZipFolder.write(files)
        let name = "assessment-\(snapshot.assessment.date)-\(snapshot.assessment.id.prefix(8)).zip"
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/zip", .contentDisposition: "attachment; filename=\"\(name)\"",
                .eTag: ETag.of(snapshot.assessment.revision),
            ],
            body: .init(byteBuffer: ByteBuffer(data: zip)))
    }

    @Sendable func criterion(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        let id = try context.parameters.require("criterion")
        let entry = try await entryOrNew(id, in: snapshot)
        return JSONBody(entry).response(status: .ok, etag: ETag.of(entry.version))
    }

    /// What a PATCH of a criterion may change; a field left out stays, `null` clears it. Levels catalogs take
    /// `claimed`/`audited`, points catalogs `earned`/`audited_earned` or `sample`/`audited_sample`: the engine's
    /// loader refuses the wrong kind with its own words.
    struct CriterionPatch: Decodable, Sendable {
        var claimed: PatchField<Int> = .unchanged
        var audited: PatchField<Int> = .unchanged
        var evidence: PatchField<[String]> = .unchanged
        var note: PatchField<String> = .unchanged
        var na: PatchField<String> = .unchanged
        var earned: PatchField<Double> = .unchanged
        var auditedEarned: PatchField<Double> = .unchanged
        var sample: PatchField<SampleRecord> = .unchanged
        var auditedSample: PatchField<SampleRecord> = .unchanged

        enum CodingKeys: String, CodingKey, CaseIterable {
            case claimed, audited, evidence, note, na, earned, sample
            case auditedEarned = "audited_earned"
            case auditedSample = "audited_sample"
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            claimed = try container.patch(Int.self, forKey: .claimed)
            audited = try container.patch(Int.self, forKey: .audited)
            evidence = try container.patch([String].self, forKey: .evidence)
            note = try container.patch(String.self, forKey: .note)
            na = try container.patch(String.self, forKey: .na)
            earned = try container.patch(Double.self, forKey: .earned)
            auditedEarned = try container.patch(Double.self, forKey: .auditedEarned)
            sample = try container.patch(SampleRecord.self, forKey: .sample)
            auditedSample = try container.patch(SampleRecord.self, forKey: .auditedSample)
        }

        func apply(to entry: inout CriterionRecord) {
            claimed.apply(to: &entry.claimed)
            audited.apply(to: &entry.audited)
            var list: [String]? = entry.evidence
            evidence.apply(to: &list)
            entry.evidence = list ?? []
            note.apply(to: &entry.note)
            na.apply(to: &entry.na)
            earned.apply(to: &entry.earned)
            auditedEarned.apply(to: &entry.auditedEarned)
            sample.apply(to: &entry.sample)
            auditedSample.apply(to: &entry.auditedSample)
        }
    }

    /// Changes what the assessment says about one criterion, if the editor saw its current version
    /// (`If-Match`; an assessment that does not mention the criterion yet has version 0). The changed
    /// assessment is checked as the command line checks it before anything is stored.
    @Sendable func patchCriterion(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("assessment")
        let criterion = try context.parameters.require("criterion")
        let expected = try request.expectedVersion()
        let patch = try await request.json(CriterionPatch.self, context: context)
        let current = try await engine.snapshotForEdit(id)
        let catalog = try await engine.catalog(id: current.assessment.catalog)
        guard catalog.criteria.contains(where: { $0.id == criterion }) else {
            throw APIError.notFound(
                "catalog '\(catalog.id)' has no criterion '\(criterion)'"
                    + (Suggestion.hint(for: criterion, in: catalog.criteria.map(\.id)).map { "; \($0)" } ?? ""))
        }
        let store = self.store
        let engine = self.engine
        // The edited entry's line read now, while others hold the writer (taken by the check if still valid).
        let readAhead: EntryReading?
        if var entry = current.criterion(criterion), entry.version == expected {
            patch.apply(to: &entry)
            readAhead = await engine.readingAhead(entry, of: id, catalog: catalog)
        } else {
            readAhead = nil
        }
        do {
            // The newest snapshot this process stored or read: edits committed while this one waited for the writer.
            let newest: @Sendable () async -> AssessmentSnapshot? = { await engine.snapshots.get(id) }
            let (stored, checked) = try await store.assessments.edit(id, known: current, newest: newest) {
                snapshot, _ in
                var next = snapshot
                var entry =
                    snapshot.criterion(criterion)
                    ?? CriterionRecord(
                        criterion: criterion, position: (snapshot.criteria.map(\.position).max() ?? -1) + 1, version: 0)
                guard entry.version == expected else {
                    throw StoreError.versionConflict(kind: "criterion", id: criterion, current: entry.version)
                }
                patch.apply(to: &entry)
                if let index = next.criteria.firstIndex(where: { $0.criterion == criterion }) {
                    next.criteria[index] = entry
                } else {
                    next.criteria.append(entry)
                }
                return (
                    next, try await engine.check(next, catalog: catalog, changing: snapshot, readAhead: readAhead)
                )
            }
            await engine.keep(stored, checked: checked)
            let entry = try await entryOrNew(criterion, in: stored)
            return entry.body.response(status: .ok, etag: ETag.of(entry.version))
        } catch StoreError.versionConflict {
            let now = try await entryOrNew(criterion, in: try await store.assessments.get(id))
            throw APIError(
                .preconditionFailed,
                "criterion '\(criterion)' was changed by someone else since version \(expected); here it is as it is now",
                current: JSONBody(now), headers: [.eTag: ETag.of(now.version)])
        }
    }

    /// The criterion's entry, or an empty one at version 0 when the assessment does not mention it.
    func entryOrNew(_ criterion: String, in snapshot: AssessmentSnapshot) async throws -> CriterionRecord {
        if let entry = snapshot.criterion(criterion) { return entry }
        let catalog = try await engine.catalog(id: snapshot.assessment.catalog)
        guard catalog.criteria.contains(where: { $0.id == criterion }) else {
            throw APIError.notFound("catalog '\(catalog.id)' has no criterion '\(criterion)'")
        }
        return CriterionRecord(criterion: criterion, position: 0, version: 0)
    }
}
