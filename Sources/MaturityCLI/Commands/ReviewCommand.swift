import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract:
            "Surveillance review: what moved since the previous result, plan progress, and the certificate decision.",
        discussion: """
            Scores ASSESSMENT (the surveillance assessment; its date is the review date) and compares it with \
            the previous result: per-criterion, per-domain and overall deltas, regressions and improvements, \
            and plan progress (overdue = due before the review date and not done by then).

            --previous must show a certificate in force or suspended: an audit, surveillance or special \
            result not rated fail, or a review that did not withdraw. Only corrective actions (closing a finding, \
            reaching the lowest rating) count; development actions never decide anything.

            The decision, a recommendation of the audit team, is the first rule that holds:
              withdraw: suspended last time, and still fail, a P1 corrective
                action still overdue, or suspended for more than 6 months
              suspend: the rating is fail, or a P1 corrective action is overdue
              reinstate: suspended last time, and no rule above holds
              downgrade: the rating fell
              maintain_with_follow_up: overall fell 5 points or more, or a P2
                corrective action is overdue
              upgrade: the rating rose
              maintain: otherwise
            The next review is the review date + 6 months.

            --format json writes the result JSON with the review added: the next review reads it as --previous.

            Example, in Examples/xinghe-hvac:
              maturity review 2027-05/assessment.yaml --previous 2026-11/result.json \\
                --plan plan.yaml
            """
    )

    @Argument(help: "The current (surveillance) assessment YAML file.")
    var assessment: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The previous result: JSON of 'maturity assess --format json' or of an earlier review.",
            valueName: "result.json"))
    var previous: String

    @Option(name: .long, help: "The improvement plan, to report progress and find overdue actions.")
    var plan: String?

    @Option(name: .long, help: "Catalog file or folder (default: Criteria/<the assessment's catalog id>).")
    var catalog: String?

    @Option(
        name: .long,
        help: "Output format: text, md, json (the result with the review; reads back as --previous) or html.")
    var format: OutputFormat = .text

    @Flag(
        name: .long,
        help: "Include the improvement path and the catalog's actions in the JSON of the current assessment.")
    var path = false

    @OptionGroup var report: ReportOutputOptions
    var lang: Language? { report.lang }
    var output: String? { report.output }

    func run() throws {
        let console = Context.console
        let loaded = try console.loadAssessment(assessment, catalog: catalog)
        let (review, warnings) = try console.engine.review(
            loaded, previous: console.input(previous), plan: plan.map(console.input), showingPath: path)
        DiagnosticPrinter.print(warnings, console: console)
        var context = ReviewContext(review: review, catalog: loaded.catalog, language: console.language(lang))
        let resultFolder =
            output.map { (console.absolute($0) as NSString).deletingLastPathComponent } ?? console.currentDirectory
        context.signOff = try console.engine.sealReview(
            loaded, reviewJSON: ReviewJSON.value(review), previous: console.input(previous),
            plan: plan.map(console.input), resultFolder: resultFolder)
        let inputs = loaded.inputFiles + [console.absolute(previous)] + (plan.map { [console.absolute($0)] } ?? [])
        try console.emit(Reports.review, context, as: format.report, to: output, inputs: inputs)
    }
}
