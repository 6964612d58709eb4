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
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write or update the improvement plan, export it, or list the actions due.",
        discussion: """
            maturity plan ASSESSMENT --output plan.yaml
              writes the plan: one action per improvement-path step and per open finding, with owner, due date, \
            priority, status and the fields people fill in (root_cause, measures, progress, verification, \
            completed). If plan.yaml exists, every edit in it is kept: new actions are added at the end, actions \
            no longer produced are marked superseded (never deleted), and what changed is printed.
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
        if due {
            if let format, ![.text, .md, .json].contains(format) {
                throw ValidationError("--due writes text, md or json, not \(format.rawValue)")
            }
            if within < 0 { throw ValidationError("--within must be 0 or more days") }
        } else {
            if let format, [.text, .json].contains(format) {
                throw ValidationError("plan exports are yaml, md, csv, ics or html; text and json go with --due")
            }
            if format == .xlsx { try WorkbookOutput.requireOutput(output) }
            if asOf != nil { throw ValidationError("--as-of goes with --due") }
        }
        if bom == true, format != .csv { throw ValidationError("--bom goes with --format csv") }
        if bom == false, format != .csv { throw ValidationError("--no-bom goes with --format csv") }
    }

    func run() throws {
        let console = Context.console
        let language = console.language(lang)
        if due {
            let document = try Self.loadPlan(input, console: console)
            let day = try asOfDay(console: console)
            let list = PlanDueList(plan: document.plan, asOf: day, window: within, language: language)
            let report = PlanDueReport(list: list, language: language)
            let text: String =
                switch format ?? .text {
                case .md: report.markdown()
                case .json: report.json()
                default: report.text()
                }
            return try console.emit(text, to: output)
        }
        if Self.isPlanFile(console.absolute(input)) {
            let document = try Self.loadPlan(input, console: console)
            return try export(document.plan, text: document.text, language: language, console: console)
        }
        let generated = try generate(console: console)
        let format = format ?? .yaml
        if format == .yaml, let output {
            return try update(output, generated: generated, language: language, console: console)
        }
        var existing: PlanDocument?
        if let plan { existing = try Self.loadPlan(plan, console: console) }
        try checkOrganisation(existing, generated.header)
        let merged = PlanMerge.merge(existing: existing?.plan, generated: generated.entries, header: generated.header)
        try export(merged.plan, text: nil, language: language, console: console)
    }

    /// The actions an assessment produces, as plan entries, and the plan header.
    func generate(console: Console) throws -> (header: Plan, entries: [PlanEntry]) {
        let loaded = try Pipeline.load(assessment: input, catalog: catalog, console: console)
        DiagnosticPrinter.print(loaded.warnings, console: console)
        try AssessCommand.checkTarget(target, catalog: loaded.catalog)
        let result = Scorer(catalog: loaded.catalog).score(loaded.assessment, kpis: loaded.kpis, target: target)
        let builder = ActionBuilder(catalog: loaded.catalog)
        let entries = result.actions.map { PlanEntry($0, verification: builder.verification(for: $0)) }
        let header = Plan(
            catalog: "\(loaded.catalog.id)@\(loaded.catalog.version)",
            organisation: loaded.assessment.organisation.name,
            date: loaded.assessment.date, target: result.target, entries: [])
        return (header, entries)
    }

    /// Writes or updates the plan file at `path`, keeping every edit, and prints what changed.
    func update(_ path: String, generated: (header: Plan, entries: [PlanEntry]), language: Language, console: Console)
        throws
    {
        let absolute = console.absolute(path)
        var existing: PlanDocument?
        if FileManager.default.fileExists(atPath: absolute) {
            existing = try Self.loadPlan(path, console: console)
        }
        try checkOrganisation(existing, generated.header)
        let update = PlanMerge.merge(existing: existing?.plan, generated: generated.entries, header: generated.header)
        let text: String
        if let existing {
            do {
                text = try PlanYAML.apply(update, to: existing)
            } catch {
                switch error {
                case .cannotEdit(let id, let location):
                    throw DiagnosticError(
                        .error(
                            "cannot change the status of action '\(id)' in place: it is not written as a block mapping "
                                + "with a one-line status", at: location,
                            hint: "write the action as 'key: value' lines, as 'maturity plan' writes them; "
                                + "the plan was not changed"))
                case .cannotAppend(let location):
                    throw DiagnosticError(
                        .error(
                            "cannot add actions to 'actions:' as it is written", at: location,
                            hint: "write 'actions:' as a '- id: …' list; the plan was not changed"))
                }
            }
        } else {
            text = PlanYAML.render(update.plan)
        }
        // Never write a plan that would not read back.
        do {
            _ = try PlanLoader.parse(yaml: text, file: path)
        } catch {
            throw DiagnosticError(
                .error(
                    "internal error: the updated plan would not read back; '\(path)' was not changed", at: nil,
                    hint: error.diagnostics.first?.description))
        }
        try FileOutput.write(text, to: absolute, shown: path)
        console.write(PlanUpdateSummary(update: update, file: path, language: language).text())
    }

    func export(_ plan: Plan, text: String?, language: Language, console: Console) throws {
        if format == .xlsx, let output {
            let names = try WorkbookOutput.catalog(forPlan: plan, option: catalog, console: console)
            let workbook = PlanWorkbook(plan: plan, catalog: names, language: language)
            return try WorkbookOutput.write(workbook.data(), to: output, console: console)
        }
        let exporter = PlanExport(plan: plan, language: language)
        let out: String
        switch format ?? .yaml {
        case .md: out = exporter.markdown()
        case .csv: out = exporter.csv(byteOrderMark: bom ?? (language == .zh))
        case .ics: out = exporter.ics()
        case .html: out = exporter.html()
        default: out = text ?? PlanYAML.render(plan)
        }
        try console.emit(out, to: output)
    }

    static func loadPlan(_ path: String, console: Console) throws(DiagnosticError) -> PlanDocument {
        let absolute = console.absolute(path)
        guard FileManager.default.fileExists(atPath: absolute) else {
            throw DiagnosticError(
                .error(
                    "plan '\(path)' does not exist", at: nil,
                    hint: "write one with 'maturity plan ASSESSMENT --output \(path)'"))
        }
        let document = try PlanLoader.load(path: absolute, displayPath: path)
        DiagnosticPrinter.print(document.warnings, console: console)
        return document
    }

    func checkOrganisation(_ existing: PlanDocument?, _ header: Plan) throws(DiagnosticError) {
        guard let existing, existing.plan.organisation != header.organisation else { return }
        throw DiagnosticError(
            .error(
                "the plan is for '\(existing.plan.organisation)', the assessment for '\(header.organisation)'",
                at: .start(of: existing.file), hint: "give the plan of the same organisation, or a new file name"))
    }

    func asOfDay(console: Console) throws -> Day {
        guard let asOf else { return console.today }
        guard let day = Day(iso: asOf) else {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, found '\(asOf)'")
        }
        return day
    }

    /// A plan file says `kind: plan` at the top level.
    static func isPlanFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64 << 10)) ?? Data()
        return String(decoding: head, as: UTF8.self).split(whereSeparator: \.isNewline).contains {
            $0.hasPrefix("kind:") && $0.dropFirst(5).trimmingCharacters(in: .whitespaces) == "plan"
        }
    }
}
