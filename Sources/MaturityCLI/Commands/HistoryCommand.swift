import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "An organisation's results over time: stage in the certificate cycle, rating, scores, decisions.",
        discussion: """
            Reads every *.json result in DIR (JSON of 'maturity assess --format json' or 'maturity review \
            --format json'), orders them by date, and shows each one's stage, rating, overall score and change, \
            decision and certificate, then every domain's score over time (--format html draws trend lines).

            Stage: a self-assessment is outside the cycle; an audit is the initial audit when no certificate is \
            in force before it (none yet, or the last decision withdrew it), else a recertification, and starts \
            a new cycle; a surveillance result is a review of the current cycle.
            All results must be of one organisation and one catalog id (versions may differ).

            Example: maturity history Examples/xinghe-hvac/results --lang zh
            """
    )

    @Argument(help: "The folder holding the result JSON files.")
    var folder: String

    @Option(
        name: .long,
        help: "Catalog file or folder, for domain and rating names (default: Criteria/<the results' catalog id>).")
    var catalog: String?

    @Option(name: .long, help: "Output format: text, md, json or html (trend lines as inline SVG).")
    var format: ReportFormat = .text

    @OptionGroup var report: ReportOutputOptions
    var lang: Language? { report.lang }
    var output: String? { report.output }

    func run() throws {
        let console = Context.console
        let results = try Self.loadResults(folder, console: console)
        var problems = DiagnosticBag()
        problems.append(contentsOf: History.check(results))
        try problems.throwIfErrors()
        let history = History(results: results)
        var loadedCatalog: Catalog?
        if let catalog {
            loadedCatalog = try CatalogLoader.load(path: console.absolute(catalog), displayPath: catalog).value
        } else if let id = history.catalogId {
            if let path = CatalogLocator.catalog(forId: id, console: console) {
                loadedCatalog = try CatalogLoader.load(path: path, displayPath: console.relative(path)).value
            } else {
                DiagnosticPrinter.print(
                    [
                        .warning(
                            "no catalog '\(id)' found in Criteria/: domains and ratings are shown by id", at: nil,
                            hint: "pass the catalog with --catalog PATH")
                    ], console: console)
            }
        }
        let report = HistoryReport(history: history, catalog: loadedCatalog, language: console.language(lang))
        let text: String
        switch format {
        case .text: text = report.text()
        case .md: text = report.markdown()
        case .json: text = report.json()
        case .html: text = HistoryHTMLReport(report).render()
        }
        let absolute = console.absolute(folder)
        let inputs = ((try? Self.resultNames(in: absolute)) ?? []).map { PathText.join(absolute, $0) }
        try console.emit(text, to: output, inputs: inputs)
    }

    /// The names of the result files in the folder `absolute`: `*.json`, not hidden, sorted.
    static func resultNames(in absolute: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: absolute).filter {
            $0.lowercased().hasSuffix(".json") && !$0.hasPrefix(".")
        }.sorted()
    }

    /// Every `*.json` in `folder`, read as results; all problems of all files at once.
    static func loadResults(_ folder: String, console: Console) throws(DiagnosticError) -> [PreviousResult] {
        let absolute = console.absolute(folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            throw DiagnosticError(.error("folder '\(folder)' does not exist", at: .file(folder)))
        }
        guard isDirectory.boolValue else {
            throw DiagnosticError(
                .error(
                    "'\(folder)' is not a folder", at: .file(folder),
                    hint: "give the folder that holds the result JSON files"))
        }
        let names: [String]
        do {
            names = try resultNames(in: absolute)
        } catch {
            throw DiagnosticError(
                .error(
                    "cannot read folder '\(folder)': \(FileProblem.describe(error, path: absolute))", at: .file(folder))
            )
        }
        guard !names.isEmpty else {
            throw DiagnosticError(
                .error(
                    "no result files (*.json) in '\(folder)'", at: .file(folder),
                    hint: "save results there with 'maturity assess … --format json --output' or 'maturity review …'"))
        }
        var bag = DiagnosticBag()
        var results: [PreviousResult] = []
        for name in names {
            let shown = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            do {
                results.append(
                    try PreviousResultLoader.load(
                        path: PathText.join(absolute, name), displayPath: shown))
            } catch {
                bag.append(contentsOf: error.diagnostics)
            }
        }
        try bag.throwIfErrors()
        return results
    }
}
