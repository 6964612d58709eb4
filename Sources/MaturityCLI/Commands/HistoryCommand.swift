import ArgumentParser
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
    var format: OutputFormat = .text

    @OptionGroup var report: ReportOutputOptions
    var lang: Language? { report.lang }
    var output: String? { report.output }

    func run() throws {
        let console = Context.console
        let engine = console.engine
        let history = try engine.history(console.input(folder))
        var loadedCatalog: Catalog?
        if let catalog {
            loadedCatalog = try engine.loadCatalog(console.input(catalog)).value
        } else if let id = history.catalogId {
            if let path = engine.library.catalog(forId: id) {
                loadedCatalog = try engine.loadCatalog(InputPath(path, shown: console.relative(path))).value
            } else {
                DiagnosticPrinter.print(
                    [
                        .warning(.noCatalogShownById(id), at: nil, hint: .passCatalogWithOption)
                    ], console: console)
            }
        }
        let report = HistoryReport(history: history, catalog: loadedCatalog, language: console.language(lang))
        let inputs = ((try? engine.resultFiles(in: console.input(folder))) ?? []).map(\.path)
        try console.emit(Reports.history, report, as: format.report, to: output, inputs: inputs)
    }
}
