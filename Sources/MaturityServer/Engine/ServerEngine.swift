import Foundation
import MaturityCore
import MaturityStore

/// How the server calls the engine: the same engine the command line uses, reading the files the store
/// holds from memory (`MemoryFiles`), never from a temporary folder.
struct ServerEngine: Sendable {
    let store: Store
    let catalogs = CatalogCache()
    let results = RevisionCache<ScoredAssessment>()
    /// Each revision's inputs loaded once, whatever it is scored for.
    let loadedInputs = RevisionCache<AssessmentInputs>(capacity: 64)
    /// Each assessment's file as its last check (or a first scoring) loaded it, so an edit of one criterion's
    /// entry reads that entry again, not the whole file.
    let lastChecked = LastChecked(capacity: 512)
    let summaries = SummaryCache()
    let plans = PlanCache()
    let snapshots = SnapshotCache()
    /// Edited assessments' re-scorings, after the edit is answered.
    let rescoring = Rescoring(interval: ServerEngine.rescoringInterval)
    let pages = PageCache(capacity: 512)

    /// Where an assessment folder's files are placed in memory.
    static let assessmentRoot = "/assessment"

    /// The catalog row with store id `id`, read once per process: a stored catalog version never changes
    /// (every page read it, two queries, on every request).
    func catalogRecord(_ id: String) async throws -> CatalogRecord {
        if let cached = await catalogs.record(id) { return cached }
        let record = try await store.catalogs.get(id)
        await catalogs.setRecord(record)
        return record
    }

    /// The catalog with store id `id`, loaded once per process.
    func catalog(id: String) async throws -> Catalog {
        try await catalog(try await catalogRecord(id))
    }

    /// The catalog of a store row, loaded once per process (a stored catalog version never changes).
    func catalog(_ record: CatalogRecord) async throws -> Catalog {
        if let cached = await catalogs.get(record.id) { return cached }
        let files = try await store.catalogs.files(of: record)
        let (path, placed) = Self.catalogLayout(record, files: files)
        let catalog = try Engine(files: MemoryFiles(placed)).loadCatalog(InputPath(path, shown: record.catalogId)).value
        await catalogs.set(record.id, catalog)
        return catalog
    }

    /// The catalog's files placed where scoring finds them (`catalogLayout`) with their SHA-256 (what an
    /// audit's sign-off records), computed once per process.
    func catalogPlacement(_ record: CatalogRecord) async throws
        -> (path: String, files: [String: Data], digests: [String: String])
    {
        if let cached = await catalogs.placement(record.id) { return cached }
        let (path, files) = Self.catalogLayout(record, files: try await catalogFiles(record))
        let placement = (path, files, files.mapValues(SignOff.sha256))
        await catalogs.setPlacement(record.id, placement)
        return placement
    }

    /// A catalog's files by their path inside it, read once per process.
    func catalogFiles(_ record: CatalogRecord) async throws -> [String: Data] {
        if let cached = await catalogs.files(record.id) { return cached }
        let files = try await store.catalogs.files(of: record)
        await catalogs.setFiles(record.id, files)
        return files
    }

    /// An assessment folder's files, in memory under `assessmentRoot`.
    static func memory(_ folder: [String: Data]) -> MemoryFiles {
        MemoryFiles(Dictionary(uniqueKeysWithValues: folder.map { (assessmentRoot + "/" + $0.key, $0.value) }))
    }

    /// The `catalog:` an assessment folder's `assessment.yaml` names.
    func catalogReference(_ folder: [String: Data]) throws -> CatalogReference {
        try AssessmentFile.open(
            path: Self.assessmentRoot + "/assessment.yaml", displayPath: "assessment.yaml", files: Self.memory(folder)
        ).catalogReference()
    }

    /// The folder's assessment checked against `catalog`, with every problem located in its files.
    func load(_ folder: [String: Data], catalog: Catalog) throws -> Loaded<Assessment> {
        var loaded = try AssessmentFile.open(
            path: Self.assessmentRoot + "/assessment.yaml", displayPath: "assessment.yaml", files: Self.memory(folder)
        ).load(catalog: catalog)
        loaded.value.baseDirectory = nil
        return loaded
    }
}

/// Catalogs loaded by this process, by store id.
actor CatalogCache {
    private var loaded: [String: Catalog] = [:]

    func get(_ id: String) -> Catalog? { loaded[id] }

    func set(_ id: String, _ catalog: Catalog) { loaded[id] = catalog }

    private var records: [String: CatalogRecord] = [:]

    func record(_ id: String) -> CatalogRecord? { records[id] }

    func setRecord(_ record: CatalogRecord) { records[record.id] = record }

    private var stored: [String: [String: Data]] = [:]

    func files(_ id: String) -> [String: Data]? { stored[id] }

    func setFiles(_ id: String, _ files: [String: Data]) { stored[id] = files }

    typealias Placement = (path: String, files: [String: Data], digests: [String: String])
    private var placed: [String: Placement] = [:]

    func placement(_ id: String) -> Placement? { placed[id] }

    func setPlacement(_ id: String, _ placement: Placement) { placed[id] = placement }
}
