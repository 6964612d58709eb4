import Foundation
import MaturityCore
import MaturityStore

/// How the server calls the engine: the same loaders the command line uses, fed with the files the
/// store holds. (Until the engine reads in-memory files, the folder is laid out in a private temporary
/// folder for the call and removed afterwards; nothing else here depends on that.)
struct ServerEngine: Sendable {
    let store: Store
    let catalogs = CatalogCache()

    /// The catalog of a store row, loaded once per process (a stored catalog version never changes).
    func catalog(_ record: CatalogRecord) async throws -> Catalog {
        if let cached = await catalogs.get(record.id) { return cached }
        let files = try await store.catalogs.files(of: record)
        let catalog = try Self.withFolder(files) { folder throws(DiagnosticError) -> Catalog in
            let path = files.count == 1 && files["catalog.yaml"] == nil ? folder + "/" + files.keys.first! : folder
            return try CatalogLoader.load(path: path, displayPath: record.catalogId).value
        }
        await catalogs.set(record.id, catalog)
        return catalog
    }

    /// The `catalog:` an assessment folder's `assessment.yaml` names.
    func catalogReference(_ folder: [String: Data]) throws -> CatalogReference {
        try Self.withFolder(folder) { root throws(DiagnosticError) -> CatalogReference in
            try AssessmentFile.open(path: root + "/assessment.yaml", displayPath: "assessment.yaml").catalogReference()
        }
    }

    /// The folder's assessment checked against `catalog`, with every problem located in its files.
    func load(_ folder: [String: Data], catalog: Catalog) throws -> Loaded<Assessment> {
        try Self.withFolder(folder) { root throws(DiagnosticError) -> Loaded<Assessment> in
            var loaded = try AssessmentFile.open(path: root + "/assessment.yaml", displayPath: "assessment.yaml")
                .load(catalog: catalog)
            loaded.value.baseDirectory = nil
            return loaded
        }
    }

    /// Lays `files` out under a new private folder, runs `body` on it, and removes it.
    static func withFolder<T>(_ files: [String: Data], _ body: (String) throws(DiagnosticError) -> T) throws -> T {
        let root = NSTemporaryDirectory() + "maturity-serve-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? fm.removeItem(atPath: root) }
        for (path, data) in files {
            let target = root + "/" + path
            try fm.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard fm.createFile(atPath: target, contents: data) else { throw CocoaError(.fileWriteUnknown) }
        }
        return try body(root)
    }
}

/// Catalogs loaded by this process, by store id.
actor CatalogCache {
    private var loaded: [String: Catalog] = [:]

    func get(_ id: String) -> Catalog? { loaded[id] }

    func set(_ id: String, _ catalog: Catalog) { loaded[id] = catalog }
}
