import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

/// Output formats of `plan`.
enum PlanFormat: String, CaseIterable, ExpressibleByArgument {
    case yaml
    case md
    case csv
    case ics
    case html
    case text
    case json
    case xlsx

    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .yaml }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write or update the improvement plan, export it, or list the actions due.",
        discussion: """
            maturity plan ASSESSMENT --output plan.yaml
              writes the plan: one action per level step of the improvement path and per open finding, with \
            purpose (corrective or development), owner, due date, priority, status and the fields people fill in \
            (root_cause, measures, progress, verification, completed). If plan.yaml exists, every edit in it is \
            kept: new actions are added at the end, actions no longer produced are marked superseded (never \
            deleted), the fields the tool derives are refreshed in pending actions, and what changed is printed.
            maturity plan ASSESSMENT|PLAN.yaml --format md|csv|ics|html|xlsx [--output FILE]
              exports the plan (from an assessment, merged with --plan PLAN.yaml if given, or from a plan file); \
            xlsx needs --output. CSV starts with a UTF-8 byte order mark when the language is Chinese (--bom, --no-bom).
            maturity plan --due PLAN.yaml [--as-of DATE] [--within DAYS]
              lists pending actions that are overdue or due soon, grouped by owner.
            """
    )

    @Argument(help: "The assessment YAML file; with --due, or to export it, a plan file.")
    var input: String

    @Option(name: .long, help: "Catalog file or folder (default: Criteria/<the assessment's catalog id>).")
    var catalog: String?

    @Option(name: .long, help: "Rating the plan aims for (default: the next rating above the current one).")
    var target: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Format: yaml (the plan itself), md, csv, ics, html or xlsx exports; text, md or json with --due.",
            valueName: "format"))
    var format: PlanFormat?

    @Option(name: .long, help: "The plan file to write or update (yaml), or the file to export to.")
    var output: String?

    @Option(name: .long, help: "An existing plan whose edits an export from an assessment should include.")
    var plan: String?

    @Flag(name: .long, help: "List pending actions overdue or due soon, by owner (INPUT is a plan file).")
    var due = false

    @Option(name: .customLong("as-of"), help: "Date the --due list is computed for, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(name: .long, help: "Days ahead that count as due soon with --due.")
    var within = 30

    @Flag(
        inversion: .prefixedNo,
        help: "Start CSV output with a UTF-8 byte order mark, for Excel (default: with --lang zh).")
    var bom: Bool?

    @Option(name: .long, help: "Language of exports and summaries: zh or en (default: from LANG, else en).")
    var lang: Language?

    func validate() throws {
        try inItsLanguage(check)
    }

    private func check() throws {
        if due {
            if let format, ![.text, .md, .json].contains(format) {
                throw ValidationError(.dueWritesTextMdJSON(not: format.rawValue))
            }
            if within < 0 || within > Day.maximumSpanDays {
                throw ValidationError(.withinDays(maximum: Day.maximumSpanDays))
            }
        } else {
            if let format, [.text, .json].contains(format) { throw ValidationError(.planExportFormats) }
            if format == .xlsx { try WorkbookOutput.requireOutput(output) }
            if asOf != nil { throw ValidationError(.optionGoesWith("--as-of", "--due")) }
        }
        if bom == true, format != .csv { throw ValidationError(.optionGoesWith("--bom", "--format csv")) }
        if bom == false, format != .csv { throw ValidationError(.optionGoesWith("--no-bom", "--format csv")) }
    }

    func run() throws {
        let console = Context.console
        let language = console.language(lang)
        if due {
            let document = try console.loadPlan(input)
            let list = PlanDueList(
                plan: document.plan, asOf: try asOfDay(console: console), window: within, language: language)
            let report = PlanDueReport(list: list, language: language)
            let inputs = [console.absolute(input)]
            return try console.emit(Reports.planDue, report, as: (format ?? .text).report, to: output, inputs: inputs)
        }
        let engine = console.engine
        if engine.isPlanFile(console.absolute(input)) {
            let document = try console.loadPlan(input)
            return try export(
                document.plan, text: document.written(document.text), language: language,
                inputs: [console.absolute(input)], console: console,
                catalog: { () throws(DiagnosticError) in
                    try WorkbookOutput.catalog(forPlan: document.plan, option: catalog, console: console)
                })
        }
        let loaded = try console.loadAssessment(input, catalog: catalog)
        let result: AssessmentResult
        do {
            result = try engine.score(loaded, target: target, showingPath: true)
        } catch {
            throw error.usageError
        }
        let generated = engine.generatePlan(loaded, result: result)
        let format = format ?? .yaml
        if format == .yaml, let output {
            return try update(
                output, generated: generated, inputs: loaded.inputFiles, language: language, console: console)
        }
        let existing = try plan.map { try console.loadPlan($0) }
        let merged = try engine.mergePlan(existing, with: generated)
        try export(
            merged.plan, text: nil, language: language,
            inputs: loaded.inputFiles + (plan.map { [console.absolute($0)] } ?? []), console: console,
            catalog: { loaded.catalog })
        if format == .yaml, output == nil {
            // `maturity plan A.yaml > plan.yaml` would replace a plan people have edited.
            console.note(.planWentToStandardOutput, language: language)
        }
    }

    /// The plan file itself, written or updated at `path` keeping every edit; what changed is printed.
    /// Writers of one plan take turns (a lock on its folder), each reading the plan the one before wrote,
    /// and a plan saved by someone else while it was being updated is not overwritten.
    func update(_ path: String, generated: GeneratedPlan, inputs: [String], language: Language, console: Console)
        throws
    {
        let absolute = console.absolute(path)
        let engine = console.engine
        try FileOutput.locked(absolute) {
            let snapshot = FileOutput.Snapshot(absolute)
            let existing = try FileManager.default.fileExists(atPath: absolute) ? console.loadPlan(path) : nil
            let update = try engine.mergePlan(existing, with: generated)
            let write = try engine.planText(update, existing: existing, file: path)
            try FileOutput.write(
                write.text, to: absolute, shown: path,
                inputs: inputs.map { FileOutput.Input(path: $0, shown: console.relative($0)) }, unchangedSince: snapshot
            )
            console.write(PlanUpdateSummary(update: write.update, file: path, language: language).text())
        }
    }

    /// Writes `plan` in the chosen format; `catalog` gives the names of ratings, criteria and KPIs (asked for
    /// only when the format shows them). `inputs`: the files read, which the export may not replace.
    func export(
        _ plan: Plan, text: String?, language: Language, inputs: [String], console: Console,
        catalog: () throws(DiagnosticError) -> Catalog?
    ) throws {
        let format = format ?? .yaml
        if format == .yaml, let text { return try console.emit(text, to: output, inputs: inputs) }
        let names = format == .yaml ? nil : try catalog()
        if format == .xlsx, let output {
            let workbook = PlanWorkbook(plan: plan, catalog: names, language: language)
            return try WorkbookOutput.write(workbook.data(), to: output, inputs: inputs, console: console)
        }
        let exporter = PlanExport(
            plan: plan, language: language, byteOrderMark: bom ?? (language == .zh), catalog: names)
        try console.emit(Reports.plan, exporter, as: format.report, to: output, inputs: inputs)
    }

    func asOfDay(console: Console) throws -> Day {
        guard let asOf else { return console.today }
        return try DateOption.parse(asOf, option: "--as-of")
    }
}
