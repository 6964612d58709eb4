import ArgumentParser
import MaturityCore
import MaturityReports

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Check or list a criteria catalog.",
        subcommands: [Lint.self, Show.self, Import.self]
    )

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a catalog and report every problem at once (file:line:column).",
            discussion: "With no CATALOG, every catalog in Criteria/ is checked. Exit status 1 when there is an error."
        )

        @Argument(
            help:
                "Catalog file, folder holding catalog.yaml, or the id of a catalog in Criteria/ (default: every shipped catalog)."
        )
        var catalog: String?

        @Option(
            name: .long, help: "Language of the problems and the summary line: zh or en (default: from LANG, else en).")
        var lang: Language?

        func run() throws {
            let console = Context.console
            let engine = console.engine
            let inputs: [InputPath]
            if let catalog {
                inputs = [try console.catalogInput(catalog)]
            } else {
                let found = engine.library.shipped
                if found.isEmpty { _ = try engine.library.defaultCatalog() }
                inputs = found.map { InputPath($0, shown: console.relative($0)) }
            }
            var failed = false
            for input in inputs {
                let shown = input.shown
                let (catalog, diagnostics) = engine.checkCatalog(input)
                DiagnosticPrinter.print(diagnostics, console: console)
                let errors = diagnostics.filter(\.isError).count
                let warnings = diagnostics.count - errors
                if let catalog {
                    let detail: Diagnostic.Message =
                        catalog.isPoints
                        ? .totalPoints(NumberText.plain(catalog.totalPoints))
                        : .keyCriteria(catalog.criteria.filter(\.key).count)
                    console.say(
                        .catalogIsValid(
                            shown, id: catalog.id, version: catalog.version, domains: catalog.domains.count,
                            criteria: catalog.criteria.count, detail: detail, warnings: warnings))
                } else {
                    failed = true
                    console.note(.catalogHasErrors(shown, errors: errors, warnings: warnings))
                }
            }
            if failed { throw ExitCode.failure }
        }
    }

    enum ShowFormat: String, CaseIterable, ExpressibleByArgument {
        case text
        case md
        case json
        case xlsx

        var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a catalog's domains and criteria: id, weight (or points), key, metric.",
            discussion: """
                With no CATALOG and one catalog in Criteria/, that catalog is listed. With several, they are \
                listed (id, version, scoring, criteria) and 'maturity catalog show ID' shows one.
                """
        )

        @Argument(
            help:
                "Catalog file, folder holding catalog.yaml, or the id of a catalog in Criteria/ (default: the shipped one, or the list of them)."
        )
        var catalog: String?

        @Option(name: .long, help: "Output format: text, md, json, or xlsx (the layout 'catalog import' reads back).")
        var format: ShowFormat = .text

        @Option(name: .long, help: "Language of names: zh or en (default: from LANG, else en).")
        var lang: Language?

        @Option(name: .long, help: "Write to this file instead of standard output.")
        var output: String?

        func validate() throws {
            if format == .xlsx { try WorkbookOutput.requireOutput(output) }
        }

        func run() throws {
            let console = Context.console
            let shipped = console.engine.library.shipped
            if catalog == nil, shipped.count > 1 {
                let catalogs = try shipped.map { path in
                    (
                        console.relative(path),
                        try console.engine.loadCatalog(InputPath(path, shown: console.relative(path))).value
                    )
                }
                let index = CatalogIndex(entries: catalogs, language: console.language(lang))
                return try console.emit(
                    Reports.catalogIndex, index, as: format.report, to: output,
                    inputs: catalogs.flatMap { $0.1.files.map(\.path) })
            }
            let loaded = try console.engine.loadCatalog(try console.catalogInput(catalog))
            let inputs = loaded.value.files.map(\.path)
            if format == .xlsx, let output {
                try WorkbookOutput.requireLevels(loaded.value)
                let workbook = CatalogWorkbook(catalog: loaded.value, language: console.language(lang))
                return try WorkbookOutput.write(workbook.data(), to: output, inputs: inputs, console: console)
            }
            let listing = CatalogListing(catalog: loaded.value, language: console.language(lang))
            try console.emit(Reports.catalog, listing, as: format.report, to: output, inputs: inputs)
        }
    }
}
