import Foundation
import Logging
import MaturityCore
import MaturityStore

/// Records the catalogs of the `Criteria/` folders in the store at start, so assessments can name them.
enum ShippedCatalogs {
    static func register(folders: [String], store: Store, logger: Logger) async throws {
        for folder in folders {
            for path in catalogPaths(in: folder) {
                let catalog: Catalog
                do {
                    catalog = try CatalogLoader.load(path: path).value
                } catch {
                    logger.log(
                        level: .warning, "shipped catalog at \(path) skipped: \(error.diagnostics.first?.message ?? "")"
                    )
                    continue
                }
                let files = try readFiles(path)
                let (record, created) = try await store.catalogs.add(
                    catalogId: catalog.id, catalogVersion: catalog.version, title: catalog.title.text(.en),
                    origin: .shipped, files: files)
                if created { logger.info("catalog \(record.catalogId)@\(record.catalogVersion) recorded") }
            }
        }
    }

    /// Catalog folders (holding catalog.yaml) and single-file catalogs in `folder`.
    static func catalogPaths(in folder: String) -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder + "/catalog.yaml") { return [folder] }
        let names = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { name in
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { return fm.fileExists(atPath: path + "/catalog.yaml") ? path : nil }
            return name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? path : nil
        }
    }

    /// The YAML files of a catalog, by their path inside it.
    static func readFiles(_ path: String) throws -> [(path: String, data: Data)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [((path as NSString).lastPathComponent, try Data(contentsOf: URL(fileURLWithPath: path)))]
        }
        return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { ($0, try Data(contentsOf: URL(fileURLWithPath: path + "/" + $0))) }
    }
}
