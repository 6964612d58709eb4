import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

extension CatalogCommand {
    /// `maturity catalog import`: a catalog kept in a spreadsheet into DIR/catalog.yaml.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a catalog kept in a spreadsheet (xlsx) into DIR/catalog.yaml.",
            discussion: """
                The workbook is laid out as 'maturity catalog show --format xlsx' writes it: sheets for the catalog's \
                facts, levels, ratings, evidence kinds, KPIs, domains, criteria and renamed ids, every text in Chinese \
                and English columns. The result passes 'maturity catalog lint', or every problem is reported at its \
                sheet and cell and nothing is written.

                Example: maturity catalog import criteria.xlsx --output Criteria/my-scheme
                """
        )

        @Argument(help: ArgumentHelp("The catalog workbook.", valueName: "CATALOG.xlsx"))
        var workbook: String

        @Option(name: .long, help: "Folder to write catalog.yaml into (created if missing).")
        var output: String

        @Flag(name: .long, help: "Replace an existing DIR/catalog.yaml.")
        var overwrite = false

        func run() throws {
            let console = Context.console
            let read = try ImportCommand.readWorkbook(workbook, console: console, sheets: CatalogImport.reads)
            let imported = try CatalogImport.read(read)
            DiagnosticPrinter.print(imported.warnings, console: console)
            let folder = console.absolute(output)
            let shown = PathText.join(output, "catalog.yaml")
            try FileOutput.prepareFolder(
                folder, output: output, file: "catalog.yaml", overwrite: overwrite, hint: ImportCommand.overwriteHint)
            try FileOutput.write(
                imported.yaml, to: PathText.join(folder, "catalog.yaml"), shown: shown,
                inputs: [FileOutput.Input(path: console.absolute(workbook), shown: workbook)])
            let c = imported.catalog
            console.say(
                .wroteCatalog(
                    shown, id: c.id, version: c.version, domains: c.domains.count, criteria: c.criteria.count,
                    key: c.criteria.filter(\.key).count))
        }
    }
}
