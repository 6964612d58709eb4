import ArgumentParser
import MaturityCore
import MaturityReports

/// Output formats of `assess`.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case md
    case json
    case html
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

    @Option(
        name: .customLong("as-of"),
        help: "Date overdue plan actions are judged on, YYYY-MM-DD (default: the assessment's date).")
    var asOf: String?

    func validate() throws {
        if asOf != nil, plan == nil { throw ValidationError("--as-of goes with --plan") }
        if format == .xlsx { try WorkbookOutput.requireOutput(output) }
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, found '\(asOf)'")
        }
    }

    func run() throws {
        let console = Context.console
        let loaded = try Pipeline.load(assessment: assessment, catalog: catalog, console: console)
        DiagnosticPrinter.print(loaded.warnings, console: console)
        try Self.checkTarget(target, catalog: loaded.catalog)
        let result = Scorer(catalog: loaded.catalog).score(loaded.assessment, kpis: loaded.kpis, target: target)
        let language = console.language(lang)
        var planView: PlanView?
        if let plan {
            let document = try PlanCommand.loadPlan(plan, console: console)
            planView = PlanView(
                file: plan, plan: document.plan, asOf: asOf.flatMap { Day(iso: $0) } ?? loaded.assessment.date)
        }
        let seal = try AuditSeal.make(loaded, result: result, output: output, console: console)
        let context = ReportContext(
            result: result, catalog: loaded.catalog, language: language, plan: planView, audit: seal.comparison,
            signOff: seal.signOff)
        if format == .xlsx, let output {
            let workbook = AssessmentWorkbook(
                catalog: loaded.catalog, assessment: loaded.assessment, form: .result(result), language: language)
            return try WorkbookOutput.write(workbook.data(), to: output, console: console)
        }
        let text: String
        switch format {
        case .text: text = TextReport(context).render()
        case .md: text = MarkdownReport(context).render()
        case .json: text = ResultJSON.render(result, audit: seal.comparison, signOff: seal.signOff, plan: planView)
        case .html, .xlsx: text = HTMLReport(context).render()
        }
        try console.emit(text, to: output)
    }

    /// `--target` must name a rating of the catalog, or `fail`.
    static func checkTarget(_ target: String?, catalog: Catalog) throws {
        guard let target, target != RatingRule.failId, catalog.rating(target) == nil else { return }
        let ids = catalog.ratings.map(\.id)
        throw ValidationError(
            "--target '\(target)' is not a rating of catalog '\(catalog.id)'; "
                + (Suggestion.hint(for: target, in: ids) ?? "ratings: \(ids.joined(separator: ", "))"))
    }
}
