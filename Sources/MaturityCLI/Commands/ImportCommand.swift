import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports
import MaturitySheets

/// `maturity import`: a filled worksheet (xlsx) into an assessment folder.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a filled worksheet (xlsx) into DIR/assessment.yaml.",
        discussion: """
            WORKSHEET is a workbook 'maturity init --format xlsx' (self-assessment), 'init --kind audit --format xlsx' \
            (audit checklist) or 'assess --format xlsx' (a result) wrote, filled in Excel, WPS or LibreOffice. Its cells \
            get every check a hand-written assessment gets, and each problem names its sheet and cell \
            (worksheet.xlsx!Criteria!K14). Levels may be typed 3, 3级 or L3; grades, statuses and sheet names in \
            Chinese or English. Evidence files are looked for in DIR. Nothing is written when there is an error; an \
            existing DIR/assessment.yaml is replaced only with --overwrite.

            Example: maturity import my-org/worksheet.xlsx --output my-org
            """
    )

    @Argument(help: ArgumentHelp("The filled worksheet.", valueName: "WORKSHEET.xlsx"))
    var worksheet: String

    @Option(
        name: .long,
        help: "Folder to write assessment.yaml into (created if missing); evidence files are looked for here.")
    var output: String

    @Option(name: .long, help: "Catalog file or folder (default: Criteria/<the catalog the worksheet names>).")
    var catalog: String?

    @Flag(name: .long, help: "Replace an existing DIR/assessment.yaml.")
    var overwrite = false

    func run() throws {
        let console = Context.console
        let workbook = try Self.readWorkbook(worksheet, console: console, sheets: WorksheetImport.reads)
        let loadedCatalog: Catalog
        if let catalog {
            loadedCatalog = try console.engine.loadCatalog(console.input(catalog)).value
        } else {
            let (reference, location) = try WorksheetImport.catalogReference(workbook)
            let id = String(reference.split(separator: "@").first ?? "")
            guard let path = console.engine.library.catalog(forId: id) else {
                throw DiagnosticError(.error(.noCatalogInCriteria(id), at: location, hint: .passCatalogWithOption))
            }
            loadedCatalog = try console.engine.loadCatalog(InputPath(path, shown: console.relative(path))).value
        }
        let folder = console.absolute(output)
        try WorkbookOutput.requireLevels(loadedCatalog)
        let imported = try WorksheetImport.read(workbook, catalog: loadedCatalog, folder: folder)
        DiagnosticPrinter.print(imported.warnings, console: console)
        let shown = PathText.join(output, "assessment.yaml")
        try FileOutput.prepareFolder(
            folder, output: output, file: "assessment.yaml", overwrite: overwrite, hint: Self.overwriteHint)
        try FileOutput.write(
            imported.yaml, to: PathText.join(folder, "assessment.yaml"), shown: shown,
            inputs: [FileOutput.Input(path: console.absolute(worksheet), shown: worksheet)])
        let a = imported.assessment
        let assessed = a.criteria.values.filter { $0.claimed != nil || $0.audited != nil || $0.notApplicable != nil }
            .count
        console.say(
            .wroteImport(
                shown, assessed: assessed, of: loadedCatalog.criteria.count, evidence: a.evidence.count,
                metrics: a.metrics.count, findings: a.findings.count))
    }

    /// The workbook at `path`, with the sheets `sheets` accepts read.
    static func readWorkbook(_ path: String, console: Console, sheets: (String) -> Bool) throws(DiagnosticError)
        -> ReadWorkbook
    {
        let absolute = console.absolute(path)
        guard FileManager.default.fileExists(atPath: absolute) else {
            throw DiagnosticError(.error(.workbookDoesNotExist(path), at: .file(path)))
        }
        return try XLSXReader.read(path: absolute, shown: path, sheets: sheets)
    }

    /// The hint when the imported file exists already.
    static let overwriteHint = Diagnostic.Message.addOverwriteOrChooseAnother
}
