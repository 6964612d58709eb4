import Foundation
import MaturityCore
import MaturityReports
import MaturityStore

/// A stored assessment scored through the engine, as `maturity assess` scores its exported folder.
struct ScoredAssessment: Sendable {
    /// The engine over the folder in memory (the assessment at `ServerEngine.folderRoot`, its catalog in
    /// `Criteria/` beside it), for anything else asked of the same inputs (plans, reviews).
    let engine: Engine
    /// The files the engine reads, by absolute path.
    let memory: [String: Data]
    let loaded: LoadedAssessment
    let result: AssessmentResult
    let seal: AuditSeal
    /// The result JSON, written when first asked for (pages and edits use `result`; an edit's re-scoring need
    /// not write JSON nobody may read) and then kept with the result.
    let rendered: Once<String>
    /// The store revision it was scored at.
    let revision: Int

    /// The result JSON: the bytes `maturity assess --format json` prints in the exported folder.
    var json: String { rendered.value }

    /// The same engine reading `extra` files too (a previous result, a plan), at paths under the folder.
    func engine(adding extra: [String: Data]) -> Engine {
        var files = memory
        for (path, data) in extra { files[ServerEngine.folderRoot + "/" + path] = data }
        let base = ServerEngine.folderRoot + "/"
        return Engine(
            files: MemoryFiles(files), catalogFolders: [base + "Criteria"],
            display: { $0.hasPrefix(base) ? String($0.dropFirst(base.count)) : $0 })
    }

    /// The report in `format` and `language`, rendered by the command line's renderers.
    func report(_ format: ReportFormat, language: Language, plan: PlanView? = nil) -> String? {
        if format == .json, plan == nil { return json }
        let context = ReportContext(
            result: result, catalog: loaded.catalog, language: language, plan: plan, audit: seal.comparison,
            signOff: seal.signOff)
        return Reports.assessment.render(context, as: format)
    }
}

/// A stored assessment's inputs at one revision, loaded through the engine's loader: what every scoring of
/// that revision starts from.
struct AssessmentInputs: Sendable {
    /// The engine over the folder laid out in memory (`StoredFiles`).
    let engine: Engine
    /// The files held in memory, by absolute path.
    let held: [String: Data]
    let loaded: LoadedAssessment
    let revision: Int
    /// The assessment file as loaded (its text, the files it could name, what it read), for the next edit.
    let file: CheckedAssessment?
}

/// Why scoring was refused: the stored inputs no longer load (a ticket export the mapping cannot read),
/// or the target is not a rating of the catalog.
enum ScoringError: Error {
    case invalid(DiagnosticError)
    case target(TargetError)
}

extension ServerEngine {
    /// Where a stored assessment's folder is laid out in memory for scoring: `assessment.yaml` and its files
    /// at the root, the catalog in `Criteria/<id>` — so the sign-off of an audit names the files as
    /// `maturity assess assessment.yaml` does when run in the unzipped export with the catalog in `Criteria/`.
    static let folderRoot = "/folder"

    /// The assessment as stored, scored aiming at `target`; cached per revision, so every process sharing the
    /// database agrees and nothing stale is served. `checked`: what an edit's check rendered and loaded of the
    /// snapshot the edit stored, so its re-scoring neither renders nor parses the text again.
    func scored(
        _ snapshot: AssessmentSnapshot, target: String? = nil, showingPath: Bool = false,
        checked: CheckedAssessment? = nil
    ) async throws -> ScoredAssessment {
        let key = RevisionKey(
            assessment: snapshot.assessment.id, revision: snapshot.assessment.revision, target: target,
            showingPath: showingPath)
        if let cached = await results.get(key) { return cached }
        // Visitors asking at once for the same revision share one scoring (a cold home page lists many).
        return try await results.shared(key) { [self] in
            let inputs = try await self.inputs(snapshot, checked: checked)
            Self.scoring?(snapshot.assessment.id)
            return try Self.score(inputs, target: target, showingPath: showingPath)
        }
    }

    /// Told the assessment id each time a stored assessment is scored (tests count scorings with it).
    @TaskLocal static var scoring: (@Sendable (String) -> Void)?

    /// The assessment's inputs at its revision, read and loaded once for every scoring of it (any target,
    /// with or without the path): the assessment file, the catalog, the plan, the ticket export and its
    /// mapping held in memory; evidence files known by the digest and size the store keeps.
    func inputs(_ snapshot: AssessmentSnapshot, checked: CheckedAssessment? = nil) async throws -> AssessmentInputs {
        let key = RevisionKey(snapshot)
        if let cached = await loadedInputs.get(key) { return cached }
        let record = try await catalogRecord(snapshot.assessment.catalog)
        let catalog = try await self.catalog(record)
        let placement = try await self.catalogPlacement(record)
        let yaml: Data
        if let checked, snapshot.assessment.revision > 1 {
            // An edit's check rendered this text from the snapshot it stored, and the store keeps every row as
            // it was given, to the byte (`StoredRow`): rendering the stored snapshot again gives the same text.
            yaml = checked.yaml
            #if DEBUG
                // Every edit of the test suites holds the store to it.
                let rendered = Data(
                    AssessmentYAMLWriter.render(snapshot, criteriaOrder: catalog.criteria.map(\.id)).utf8)
                precondition(rendered == yaml, "an edit's checked text is not the text of the snapshot it stored")
            #endif
        } else {
            yaml = try await AssessmentFolder.assessmentYAML(
                snapshot, store: store, criteriaOrder: catalog.criteria.map(\.id))
        }
        var held = placement.files
        held[Self.folderRoot + "/assessment.yaml"] = yaml
        let plan = try await store.plans.get(snapshot.assessment.id)
        if let plan { held[Self.folderRoot + "/plan.yaml"] = Data(plan.text.utf8) }
        // The files scoring reads: the ticket export and its mapping (and a plan file imported with the
        // folder when the store holds no plan for it).
        let read = [
            snapshot.assessment.ticketsFile, snapshot.assessment.ticketsMapping, plan == nil ? "plan.yaml" : nil,
        ]
        for file in snapshot.files where read.contains(file.path) {
            held[Self.folderRoot + "/" + file.path] = try await store.assessments.blob(file.sha256)
        }
        let inputs = try Self.inputs(
            held: held, records: snapshot.files, revision: snapshot.assessment.revision, catalog: catalog,
            catalogPath: placement.path, digests: placement.digests, checked: checked)
        await loadedInputs.set(key, inputs)
        if let file = inputs.file { await lastChecked.setIfAbsent(snapshot.assessment.id, file) }
        return inputs
    }

    /// Scores a folder held in memory whole (an import, a new assessment) through the engine: load against the
    /// stored catalog, gather KPIs from `metrics:` and the ticket export, score, seal an audit, write the result.
    static func score(
        folder: [String: Data], catalog: Catalog, catalogRecord: CatalogRecord, catalogFiles: [String: Data],
        target: String?, showingPath: Bool, revision: Int
    ) throws -> ScoredAssessment {
        let (catalogPath, placed) = Self.catalogLayout(catalogRecord, files: catalogFiles)
        var held = placed
        for (path, data) in folder { held[folderRoot + "/" + path] = data }
        let inputs = try Self.inputs(
            held: held, records: [], revision: revision, catalog: catalog, catalogPath: catalogPath, digests: [:],
            checked: nil)
        return try score(inputs, target: target, showingPath: showingPath)
    }

    /// Loads the assessment laid out in memory (`held`, and the stored files `records` by digest) against the
    /// stored catalog and gathers its KPIs from `metrics:` and the ticket export.
    static func inputs(
        held: [String: Data], records: [FileRecord], revision: Int, catalog: Catalog, catalogPath: String,
        digests: [String: String], checked: CheckedAssessment?
    ) throws -> AssessmentInputs {
        let files = StoredFiles(held: held, records: records, root: folderRoot, digests: digests)
        let base = folderRoot + "/"
        let engine = Engine(
            files: files, catalogFolders: [folderRoot + "/Criteria"],
            display: { $0.hasPrefix(base) ? String($0.dropFirst(base.count)) : $0 })
        let assessmentPath = folderRoot + "/assessment.yaml"
        do {
            let loadedFile: Loaded<Assessment>
            if let checked, checked.yaml == held[assessmentPath], checked.paths == Set(records.map(\.path)) {
                loadedFile = checked.loaded
            } else {
                loadedFile = try AssessmentFile.open(
                    path: assessmentPath, displayPath: "assessment.yaml", files: engine.files
                ).load(catalog: catalog)
            }
            let (kpis, ticketWarnings) = try engine.gatherKPIs(loadedFile.value, catalog: catalog)
            let file = held[assessmentPath].map {
                CheckedAssessment(yaml: $0, paths: Set(records.map(\.path)), loaded: loadedFile)
            }
            let loaded = LoadedAssessment(
                catalog: catalog, catalogPath: catalogPath, assessmentPath: assessmentPath,
                assessment: loadedFile.value, kpis: kpis, warnings: loadedFile.warnings + ticketWarnings)
            return AssessmentInputs(engine: engine, held: held, loaded: loaded, revision: revision, file: file)
        } catch {
            throw ScoringError.invalid(error)
        }
    }

    /// Scores loaded inputs through the engine: score, seal an audit, write the result JSON.
    static func score(_ inputs: AssessmentInputs, target: String?, showingPath: Bool) throws -> ScoredAssessment {
        let engine = inputs.engine
        let loaded = inputs.loaded
        do {
            let result: AssessmentResult
            do {
                result = try engine.score(loaded, target: target, showingPath: showingPath)
            } catch {
                throw ScoringError.target(error)
            }
            let seal = try engine.seal(loaded, result: result, resultFolder: folderRoot)
            // Kept with the result: the assessment and catalog files, not the evidence (what plans and reviews
            // read from here), so a cached result does not hold every uploaded file in memory.
            let kept = inputs.held.filter { path, _ in
                path == loaded.assessmentPath || path.hasPrefix(folderRoot + "/Criteria/")
                    || path == folderRoot + "/plan.yaml"
            }
            let light = Engine(
                files: MemoryFiles(kept), catalogFolders: [folderRoot + "/Criteria"], display: engine.display)
            return ScoredAssessment(
                engine: light, memory: kept, loaded: loaded, result: result, seal: seal,
                rendered: Once { light.resultJSON(loaded, result: result, seal: seal) }, revision: inputs.revision)
        } catch let error as DiagnosticError {
            throw ScoringError.invalid(error)
        }
    }

    /// Where the catalog sits in the folder laid out for scoring: `Criteria/<id>` (a folder), or
    /// `Criteria/<id>.yaml` for a one-file catalog — where the command line looks a catalog up by its id.
    static func catalogPath(_ record: CatalogRecord, files: [String: Data]) -> String {
        catalogLayout(record, files: files).path
    }

    /// The catalog's files placed at `catalogPath`, by their path in memory. The cached catalog is loaded from
    /// here too, so the files it records as read are where scoring finds them (and an audit's sign-off hashes).
    static func catalogLayout(_ record: CatalogRecord, files: [String: Data]) -> (path: String, files: [String: Data]) {
        if files.count == 1, let only = files.values.first, files["catalog.yaml"] == nil {
            let path = folderRoot + "/Criteria/" + record.catalogId + ".yaml"
            return (path, [path: only])
        }
        let path = folderRoot + "/Criteria/" + record.catalogId
        return (path, Dictionary(uniqueKeysWithValues: files.map { (path + "/" + $0.key, $0.value) }))
    }
}

/// One assessment revision (with the options it was scored with).
struct RevisionKey: Hashable, Sendable {
    var assessment: String
    var revision: Int
    var target: String?
    var showingPath: Bool
}

extension RevisionKey {
    /// The stored revision of `snapshot` itself (no target, no path).
    init(_ snapshot: AssessmentSnapshot) {
        self.init(
            assessment: snapshot.assessment.id, revision: snapshot.assessment.revision, target: nil, showingPath: false)
    }
}

/// Small per-revision facts for lists (rating name, overall), many more than full results.
actor SummaryCache {
    typealias Summary = (rating: String, overall: Double?)
    /// A nil summary: the assessment does not score at that revision.
    private var entries: [String: Summary?] = [:]

    /// The summary kept for `key`: nil when none is kept, `.some(nil)` when it is known not to score.
    func get(_ key: String) -> Summary?? { entries[key] }

    func set(_ key: String, _ value: Summary?) {
        if entries.count > 50_000 { entries.removeAll() }
        entries[key] = value
    }
}
