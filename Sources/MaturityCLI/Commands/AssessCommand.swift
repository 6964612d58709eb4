import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

/// Output formats of `assess`, `review` and `history`.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case md
    case json
    case html

    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
}

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Score an assessment: levels, domain and overall scores, rating, blockers and improvement path.",
        discussion: """
            Every criterion's level is min(audited or claimed level, evidence cap, metric level), and the report says \
            which evidence or KPI lowered it.

            Example: maturity assess Examples/huadong-appliance/assessment.yaml --lang zh
            """
    )

    @Argument(help: "The assessment YAML file.")
    var assessment: String

    @Option(name: .long, help: "Catalog file or folder (default: Criteria/<the assessment's catalog id>).")
    var catalog: String?

    @Option(
        name: .long,
        help: "Output format: text, md, json, html (one self-contained page) or xlsx (a workbook 'import' reads back).")
    var format: AssessFormat = .text

    @Option(name: .long, help: "Rating to aim for (default: the next rating above the current one).")
    var target: String?

    @OptionGroup var report: ReportOutputOptions
    var lang: Language? { report.lang }
    var output: String? { report.output }

    @Option(name: .long, help: "Show this improvement plan's actions in the report, overdue ones flagged.")
    var plan: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Show the improvement path and the catalog's actions in the report of an audit, surveillance or "
                + "special assessment (left out by default: a certification body does not consult)."))
    var path = false

    @Option(
        name: .customLong("as-of"),
        help: "Date overdue plan actions are judged on, YYYY-MM-DD (default: the assessment's date).")
    var asOf: String?

    func validate() throws {
        try inItsLanguage {
            if asOf != nil, plan == nil { throw ValidationError(.optionGoesWith("--as-of", "--plan")) }
            if format == .xlsx { try WorkbookOutput.requireOutput(output) }
            if let asOf { _ = try DateOption.parse(asOf, option: "--as-of") }
        }
    }

    func run() throws {
        let console = Context.console
        let engine = console.engine
        let loaded = try console.loadAssessment(assessment, catalog: catalog)
        let result: AssessmentResult
        do {
            result = try engine.score(loaded, target: target, showingPath: path)
        } catch {
            throw error.usageError
        }
        let planView = try plan.map { plan throws(DiagnosticError) in
            PlanView(
                file: plan, plan: try console.loadPlan(plan).plan,
                asOf: asOf.flatMap { Day(iso: $0) } ?? loaded.assessment.date)
        }
        let resultFolder =
            output.map { PathText.folder(of: console.absolute($0)) } ?? console.currentDirectory
        let seal = try engine.seal(loaded, result: result, resultFolder: resultFolder)
        let context = ReportContext(
            result: result, catalog: loaded.catalog, language: console.language(lang), plan: planView,
            audit: seal.comparison, signOff: seal.signOff)
        let inputs = loaded.inputFiles + (plan.map { [console.absolute($0)] } ?? [])
        if format == .xlsx, let output {
            try WorkbookOutput.requireLevels(loaded.catalog)
            let workbook = AssessmentWorkbook(
                catalog: loaded.catalog, assessment: loaded.assessment, form: .result(result),
                language: context.language)
            return try WorkbookOutput.write(workbook.data(), to: output, inputs: inputs, console: console)
        }
        try console.emit(Reports.assessment, context, as: format.report, to: output, inputs: inputs)
    }
}
