import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

/// Writing xlsx workbooks: to a file only, never to a terminal or a pipe of text.
enum WorkbookOutput {
    /// The usage error for `--format xlsx` without `--output`.
    static func requireOutput(_ output: String?) throws {
        guard output == nil else { return }
        throw ValidationError(.xlsxNeedsOutput)
    }

    /// Workbooks lay out a catalog scored in levels (a level per criterion, descriptors as drop-downs);
    /// a catalog scored in points is written in YAML.
    static func requireLevels(_ catalog: Catalog) throws(DiagnosticError) {
        guard catalog.isPoints else { return }
        throw DiagnosticError(
            .error(.workbookNeedsLevels(catalog.id), at: nil, hint: .writeAssessmentInYAML(catalog.id)))
    }

    /// Writes `data` to `output` (as the user typed it) through the one safe writer; `inputs` are the
    /// absolute paths of the files the command read, which the workbook may not replace.
    static func write(_ data: Data, to output: String, inputs: [String], console: Console) throws(DiagnosticError) {
        try FileOutput.write(
            data, to: console.absolute(output), shown: output,
            inputs: inputs.map { FileOutput.Input(path: $0, shown: console.relative($0)) })
    }

    /// The catalog named by a plan's `catalog: id@version`, for names in a plan export; nil when it is
    /// not found (the export then shows ids).
    static func catalog(forPlan plan: Plan, option: String?, console: Console) throws(DiagnosticError) -> Catalog? {
        let engine = console.engine
        if let option { return try engine.loadCatalog(console.input(option)).value }
        guard let reference = plan.catalog, let id = reference.split(separator: "@").first,
            let path = engine.library.catalog(forId: String(id))
        else { return nil }
        return try? engine.loadCatalog(InputPath(path, shown: console.relative(path))).value
    }
}

/// Output formats of `assess`: the report formats, and a workbook.
enum AssessFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case md
    case json
    case html
    case xlsx

    /// The report format; a workbook is written before a report would be, so `xlsx` never reaches here.
    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
}
