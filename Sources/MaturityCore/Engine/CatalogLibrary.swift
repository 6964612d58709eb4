import Foundation

/// The folders where catalogs named by id are found (`Criteria/`), and the catalogs in them.
public struct CatalogLibrary: Sendable {
    /// Folders to look in, most specific first; only existing folders are kept.
    public let folders: [String]
    let files: any FileSource

    public init(folders: [String], files: any FileSource = DiskFiles()) {
        var seen = Set<String>()
        self.folders = folders.filter { folder in
            // One folder has no other to repeat (standardising a path is not cheap: the server makes an engine
            // per scoring).
            files.kind(folder) == .folder
                && (folders.count == 1 || seen.insert((folder as NSString).standardizingPath).inserted)
        }
        self.files = files
    }

    /// Every catalog in the first folder: sub-folders holding catalog.yaml, and YAML files.
    public var shipped: [String] {
        guard let folder = folders.first else { return [] }
        return catalogs(in: folder)
    }

    /// The catalogs in `folder`: the folder itself when it holds catalog.yaml, else its catalog sub-folders
    /// and YAML files, in name order.
    public func catalogs(in folder: String) -> [String] {
        if files.kind(PathText.join(folder, "catalog.yaml")) != .missing { return [folder] }
        return ((try? files.names(inFolder: folder)) ?? []).sorted().compactMap { name in
            let path = PathText.join(folder, name)
            if files.kind(path) == .folder {
                return files.kind(PathText.join(path, "catalog.yaml")) != .missing ? path : nil
            }
            return name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? path : nil
        }
    }

    /// The catalog for an assessment that names catalog `id`: `<folder>/<id>/` or `<folder>/<id>.yaml`.
    public func catalog(forId id: String) -> String? {
        for folder in folders {
            for candidate in [id, id + ".yaml", id + ".yml"] {
                let path = PathText.join(folder, candidate)
                if files.kind(path) != .missing { return path }
            }
        }
        return nil
    }

    /// The one shipped catalog, for commands not given an assessment or a catalog.
    public func defaultCatalog() throws(DiagnosticError) -> String {
        let found = shipped
        if found.count == 1 { return found[0] }
        if found.isEmpty {
            throw DiagnosticError(.error(.noCatalogAndNoCriteriaFolder, at: nil, hint: .passCatalogOrRunInProject))
        }
        throw DiagnosticError(
            .error(
                .severalCatalogs(found.map { PathText.lastComponent(of: $0) }), at: nil, hint: .nameCatalogToUse))
    }
}
