import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

/// Where the command line looks for the shipped `Criteria/` folder: `$MATURITY_CRITERIA`, the current
/// folder, `share/maturity/Criteria` of the prefix the executable is installed in (`scripts/install.sh`),
/// and beside the executable and its parents (so `swift run` and a build run in place both work).
enum CatalogLocator {
    /// The `Criteria/` folders to look in, most specific first (missing ones are dropped by the library).
    static func criteriaFolders(console: Console, executable: String? = executablePath()) -> [String] {
        var folders: [String] = []
        if let explicit = console.environment["MATURITY_CRITERIA"], !explicit.isEmpty {
            folders.append(explicit)
        }
        folders.append(PathText.join(console.currentDirectory, "Criteria"))
        if let executable {
            var folder = PathText.folder(of: executable)
            folders.append(PathText.join(PathText.folder(of: folder), "share/maturity/Criteria"))
            for _ in 0..<6 {
                folders.append(PathText.join(folder, "Criteria"))
                let parent = PathText.folder(of: folder)
                if parent == folder { break }
                folder = parent
            }
        }
        return folders
    }

    static func executablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        let argument = CommandLine.arguments.first ?? ""
        return argument.contains("/") ? (argument as NSString).standardizingPath : nil
    }
}

extension Console {
    /// The engine on the local file system, finding catalogs in the `Criteria/` folders and naming the paths
    /// it finds relative to the current folder.
    var engine: Engine {
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        return Engine(
            files: DiskFiles(), catalogFolders: CatalogLocator.criteriaFolders(console: self),
            display: { $0.hasPrefix(base) ? String($0.dropFirst(base.count)) : $0 })
    }

    /// A path the user typed, for the engine: absolute, and shown as typed.
    func input(_ path: String) -> InputPath {
        InputPath(absolute(path), shown: path)
    }

    /// The catalog the user named (a path, or the id of a catalog in Criteria/), or else the one shipped catalog.
    func catalogInput(_ option: String?) throws(DiagnosticError) -> InputPath {
        if let option {
            let given = input(option)
            if engine.files.kind(given.path) == .missing, let found = engine.library.catalog(forId: option) {
                return InputPath(found, shown: relative(found))
            }
            return given
        }
        let found = try engine.library.defaultCatalog()
        return InputPath(found, shown: relative(found))
    }

    /// The assessment at `path` with its catalog (`--catalog`, or the one it names), its warnings printed.
    func loadAssessment(_ path: String, catalog: String?) throws(DiagnosticError) -> LoadedAssessment {
        let loaded = try engine.loadAssessment(input(path), catalog: catalog.map(input))
        DiagnosticPrinter.print(loaded.warnings, console: self)
        return loaded
    }

    /// The plan at `path`, its warnings printed.
    func loadPlan(_ path: String) throws(DiagnosticError) -> PlanDocument {
        let document = try engine.loadPlan(input(path))
        DiagnosticPrinter.print(document.warnings, console: self)
        return document
    }
}

extension Console {
    /// Renders `context` with the subject's renderer for `format` and writes it to `--output` or standard output.
    /// `inputs`: the absolute paths of the files the command read, which the output may not replace.
    func emit<Context>(
        _ table: RendererTable<Context>, _ context: Context, as format: ReportFormat, to output: String?,
        inputs: [String]
    ) throws {
        guard let text = table.render(context, as: format) else {
            throw ValidationError(.formatNotAvailable(format.rawValue, use: table.formats.map(\.rawValue)))
        }
        try emit(text, to: output, inputs: inputs)
    }
}

extension TargetError {
    /// A wrong `--target` is a usage error, shown with the command's usage.
    var usageError: ValidationError {
        ValidationError(
            .targetIsNotARating(
                target, catalog: catalogId,
                hint: Suggestion.hintMessage(for: target, in: ratings) ?? .ratingsAre(ratings)))
    }
}
