import Foundation
import MaturityCore

/// Finds the catalog to use when none is given: the shipped `Criteria/` folder, looked for in the
/// current directory and beside the executable (so `swift run` and an installed binary both work).
enum CatalogLocator {
    /// The `Criteria/` folders to look in, most specific first.
    static func criteriaFolders(console: Console) -> [String] {
        var folders: [String] = []
        if let explicit = console.environment["MATURITY_CRITERIA"], !explicit.isEmpty {
            folders.append(explicit)
        }
        folders.append((console.currentDirectory as NSString).appendingPathComponent("Criteria"))
        if let executable = executablePath() {
            var folder = (executable as NSString).deletingLastPathComponent
            for _ in 0..<6 {
                folders.append((folder as NSString).appendingPathComponent("Criteria"))
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder { break }
                folder = parent
            }
        }
        var seen = Set<String>()
        return folders.filter { folder in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                return false
            }
            return seen.insert((folder as NSString).standardizingPath).inserted
        }
    }

    /// Every catalog in the first `Criteria/` folder found: sub-folders with catalog.yaml, and YAML files.
    static func shippedCatalogs(console: Console) -> [String] {
        guard let folder = criteriaFolders(console: console).first else { return [] }
        return catalogs(in: folder)
    }

    static func catalogs(in folder: String) -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: (folder as NSString).appendingPathComponent("catalog.yaml")) { return [folder] }
        let names = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                return fm.fileExists(atPath: (path as NSString).appendingPathComponent("catalog.yaml")) ? path : nil
            }
            return name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? path : nil
        }
    }

    /// The catalog for an assessment that names catalog `id`: `Criteria/<id>/` or `Criteria/<id>.yaml`.
    static func catalog(forId id: String, console: Console) -> String? {
        for folder in criteriaFolders(console: console) {
            for candidate in [id, id + ".yaml", id + ".yml"] {
                let path = (folder as NSString).appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        return nil
    }

    /// The one shipped catalog, for commands that are not given an assessment.
    static func defaultCatalog(console: Console) throws(DiagnosticError) -> String {
        let found = shippedCatalogs(console: console)
        if found.count == 1 { return found[0] }
        if found.isEmpty {
            throw DiagnosticError(
                .error(
                    "no catalog given and no Criteria/ folder found", at: nil,
                    hint: "pass a catalog file or folder, or run from the project folder that holds Criteria/"))
        }
        throw DiagnosticError(
            .error(
                "several catalogs in Criteria/: "
                    + found.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "),
                at: nil, hint: "name the one to use"))
    }

    static func executablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        let argument = CommandLine.arguments.first ?? ""
        return argument.contains("/") ? (argument as NSString).standardizingPath : nil
    }
}
