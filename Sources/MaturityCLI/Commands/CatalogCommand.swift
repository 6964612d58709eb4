import ArgumentParser
import Foundation
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

        @Argument(help: "Catalog file, or folder holding catalog.yaml (default: the shipped catalogs).")
        var catalog: String?

        func run() throws {
            let console = Context.console
            let paths: [(real: String, shown: String)]
            if let catalog {
                paths = [(console.absolute(catalog), catalog)]
            } else {
                let found = CatalogLocator.shippedCatalogs(console: console)
                if found.isEmpty { _ = try CatalogLocator.defaultCatalog(console: console) }
                paths = found.map { ($0, console.relative($0)) }
            }
            var failed = false
            for (real, shown) in paths {
                let (catalog, diagnostics) = CatalogLoader.check(path: real, displayPath: shown)
                DiagnosticPrinter.print(diagnostics, console: console)
                let errors = diagnostics.filter(\.isError).count
                let warnings = diagnostics.count - errors
                func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
                if let catalog {
                    console.write(
                        "\(shown): \(catalog.id) \(catalog.version): \(catalog.domains.count) domains, "
                            + "\(catalog.criteria.count) criteria, \(catalog.criteria.filter(\.key).count) key; no errors"
                            + (warnings > 0 ? ", " + count(warnings, "warning") : "") + "\n")
                } else {
                    failed = true
                    console.writeError("\(shown): \(count(errors, "error")), \(count(warnings, "warning"))\n")
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
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a catalog's domains and criteria: id, weight, key, metric."
        )

        @Argument(help: "Catalog file, or folder holding catalog.yaml (default: the shipped catalog).")
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
            let path = try catalog.map(console.absolute) ?? CatalogLocator.defaultCatalog(console: console)
            let loaded = try CatalogLoader.load(path: path, displayPath: catalog ?? console.relative(path))
            if format == .xlsx, let output {
                let workbook = CatalogWorkbook(catalog: loaded.value, language: console.language(lang))
                return try WorkbookOutput.write(workbook.data(), to: output, console: console)
            }
            let listing = CatalogListing(catalog: loaded.value, language: console.language(lang))
            let text: String
            switch format {
            case .text: text = listing.text()
            case .md: text = listing.markdown()
            case .json, .xlsx: text = listing.json()
            }
            try console.emit(text, to: output)
        }
    }
}
