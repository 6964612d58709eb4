import Foundation
import MaturityCore
import MaturityReports

/// One reader or engine driven with arbitrary bytes. Each run must end normally — with a value or a
/// diagnostic — and keep the invariants checked here; a crash, hang or unbounded memory is a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case catalog
    case assessment
    case plan
    /// An assessment scored and rendered in every format.
    case scorer
    /// A ticket mapping, then a small export measured with it.
    case mapping
    /// A ticket export measured with a one-row-per-ticket mapping and with an event-log mapping.
    case tickets
    /// Any bytes as an xlsx file, read and, when it reads, imported as a worksheet.
    case workbook
    /// Any bytes as the criteria sheet's XML of an otherwise sound workbook, imported as a worksheet.
    case sheet

    /// The catalog assessments are read against: small, with every feature the scorer uses.
    static let fixedCatalog: Catalog = {
        let yaml = """
            schema: 1
            id: fuzz
            version: "1"
            title: {zh: 模糊测试, en: Fuzz}
            levels:
              - {level: 0, name: {zh: 缺失, en: Absent}}
              - {level: 1, name: {zh: 初始, en: Initial}, evidence: [statement]}
              - {level: 2, name: {zh: 规范, en: Defined}, evidence: [document, record]}
              - {level: 3, name: {zh: 实施, en: Deployed}, evidence: [deployment]}
            ratings:
              - {id: pass, name: {zh: 合格, en: Pass}, overall_min: 60, domain_min: 50, key_level_min: 2, max_open: {major: 0}}
              - {id: excellent, name: {zh: 优秀, en: Excellent}, overall_min: 90, domain_min: 80, key_level_min: 3, max_open: {major: 0, minor: 0}}
            deadlines: {major: 30, minor: 90, observation: 180, improvement: 180}
            evidence_max_age_days: 365
            domains:
              - id: sp
                name: {zh: 服务流程, en: Service process}
                weight: 2
                criteria:
                  - id: SP-01
                    name: {zh: 响应, en: Response}
                    weight: 2
                    key: true
                    owner: {zh: 经理, en: Manager}
                    levels: {1: a, 2: b, 3: c}
                    metric: {kpi: first_response_minutes_p90, better: lower, thresholds: {1: 240, 2: 60, 3: 10}}
                    sources: ["x"]
                  - id: SP-02
                    name: {zh: 记录, en: Records}
                    weight: 1
                    levels: {1: a, 2: b, 3: c}
                    sources: ["x"]
              - id: cs
                name: {zh: 满意, en: Satisfaction}
                weight: 1
                criteria:
                  - id: CS-01
                    name: {zh: 调查, en: Surveys}
                    weight: 1
                    levels: {1: a, 2: b, 3: c}
                    metric: {kpi: satisfaction_rate, better: higher, thresholds: {1: 60, 2: 80, 3: 90}}
                    sources: ["x"]
            """
        do {
            return try CatalogLoader.load(yaml: yaml).value
        } catch {
            fatalError("the fuzzing catalog does not load: \(error)")
        }
    }()

    /// How a run ended.
    public enum Outcome: Equatable, Sendable {
        /// The input was read (and, for the scorer, scored and rendered).
        case accepted
        /// The input was refused with this many error diagnostics.
        case rejected(errors: Int)
    }

    /// Runs the target on `data`. It returns unless an invariant broke; then it traps, which is a finding.
    @discardableResult
    public func run(_ data: Data) -> Outcome {
        switch self {
        case .catalog: return runCatalog(data)
        case .assessment:
            return outcome { () throws(DiagnosticError) in
                try AssessmentLoader.load(data: data, folder: Self.folder, catalog: Self.fixedCatalog)
            }
        case .plan: return runPlan(data)
        case .scorer: return runScorer(data)
        case .mapping: return runMapping(data)
        case .tickets: return runTickets(data)
        case .workbook: return runWorkbook(data)
        case .sheet: return runSheet(data)
        }
    }

    /// An event-log mapping in the shape of a ServiceNow incident export.
    static let eventLogMapping: TicketMapping = {
        let yaml = """
            schema: 1
            event_log: true
            time_zone: Europe/Lisbon
            date_format: d/M/yyyy HH:mm
            values: {missing: ["?"], urgent: ["1 - Critical"]}
            sla: {urgent_hours: 4, other_hours: 48, by_priority: {"2 - High": 8}}
            columns:
              id: number
              created: {column: opened_at, take: first_present}
              first_response: {column: sys_updated_at, take: first_present, when: {column: incident_state, values: [Active]}}
              resolved: resolved_at
              priority: priority
              reopened: reopen_count
            """
        do {
            return try TicketMappingLoader.load(yaml: yaml)
        } catch {
            fatalError("the fuzzing mapping does not load: \(error)")
        }
    }()

    static let sampleExport = Array(
        """
        id,created_at,first_response_at,resolved_at,priority,fcr,csat,complaint,reopened,callback
        A,2026-03-02T09:00:00Z,2026-03-02T09:05:00Z,2026-03-02T12:00:00Z,urgent,true,5,false,false,true
        B,2026-03-06T17:00:00+08:00,,2026-03-13T09:00:00+08:00,normal,false,3,true,1,false

        """.utf8)

    /// A mapping that reads must measure an export without crashing, whatever its columns.
    func runMapping(_ data: Data) -> Outcome {
        var mapping: TicketMapping?
        let result = outcome { () throws(DiagnosticError) in mapping = try TicketMappingLoader.load(data: data) }
        if let mapping {
            _ = try? TicketKPIs.measure(
                reader: CSVReader(bytes: Self.sampleExport, delimiter: mapping.delimiter), file: "t.csv",
                mapping: mapping)
        }
        return result
    }

    /// Any bytes as an export: the same outcome whether read in one chunk or in tiny ones, rates in
    /// 0–100, every row counted.
    func runTickets(_ data: Data) -> Outcome {
        let bytes = Array(data)
        var last = Outcome.accepted
        for mapping in [TicketMapping.simpleFormat, Self.eventLogMapping] {
            func measure(_ chunk: Int) -> Result<TicketMeasurement, DiagnosticError> {
                Result { () throws(DiagnosticError) in
                    try TicketKPIs.measure(
                        reader: CSVReader(bytes: bytes, delimiter: mapping.delimiter, chunkBytes: chunk), file: "t.csv",
                        mapping: mapping)
                }
            }
            // Inputs are at most 64 KB (run.sh -max_len): one chunk of that size reads them whole.
            let whole = measure(1 << 16)
            let pieces = measure(1 + bytes.count % 13)
            switch (whole, pieces) {
            case (.success(let a), .success(let b)):
                precondition(a.rows == b.rows && a.tickets == b.tickets && a.rowsLeftOut == b.rowsLeftOut, "chunking")
                precondition(a.values == b.values, "KPIs differ by chunk size")
                precondition(a.problems == b.problems, "problems differ by chunk size")
                precondition(a.rowsLeftOut <= a.rows, "more rows left out than read")
                for value in a.values {
                    guard let v = value.value else { continue }
                    precondition(v.isFinite && v >= 0, "KPI \(value.id) = \(v)")
                    if value.id.hasSuffix("_rate") { precondition(v <= 100 + 1e-9, "rate \(value.id) = \(v)") }
                }
                last = .accepted
            case (.failure(let a), .failure(let b)):
                precondition(a.diagnostics == b.diagnostics, "errors differ by chunk size")
                last = outcome { () throws(DiagnosticError) in throw a }
            default:
                preconditionFailure("one chunk size read the export, the other refused it")
            }
        }
        return last
    }

    /// Relative files named by a fuzzed assessment resolve here (an empty folder).
    static let folder = NSTemporaryDirectory() + "maturity-fuzz-empty"

    /// A refusal must say why: at least one error, each with a message.
    func outcome<T>(_ body: () throws(DiagnosticError) -> T) -> Outcome {
        do {
            _ = try body()
            return .accepted
        } catch {
            let errors = error.diagnostics.filter(\.isError)
            precondition(!errors.isEmpty, "refused without an error diagnostic")
            precondition(errors.allSatisfy { !$0.message.isEmpty }, "an error without a message")
            return .rejected(errors: errors.count)
        }
    }

    /// A catalog that reads must score: every criterion at the top claimed, without evidence, stays in 0–100.
    func runCatalog(_ data: Data) -> Outcome {
        var catalog: Catalog?
        let result = outcome { () throws(DiagnosticError) in catalog = try CatalogLoader.load(data: data).value }
        guard let catalog, let day = Day(iso: "2026-11-01") else { return result }
        var entries: [String: CriterionEntry] = [:]
        for criterion in catalog.criteria { entries[criterion.id] = CriterionEntry(claimed: catalog.maxLevel) }
        let assessment = Assessment(
            catalogId: catalog.id, organisation: Organisation(name: "x"), date: day, criteria: entries)
        let scored = Scorer(catalog: catalog).score(assessment)
        Self.checkScores(scored)
        // Every number that passes the catalog's checks must render (a weight of 1e308 stopped the text report).
        _ = TextReport(ReportContext(result: scored, catalog: catalog, language: .en)).render()
        if !scored.criteria.filter(\.applicable).isEmpty {
            precondition(scored.overall?.isFinite == true, "no overall score over applicable criteria")
        }
        Self.checkPlan(scored, assessment: assessment, catalog: catalog)
        return result
    }

    /// The plan of a result that scored is written and reads back with every action and due date (an
    /// organisation with U+2028 in its name, or a due date past 9999, once made an unreadable plan).
    static func checkPlan(_ result: AssessmentResult, assessment: Assessment, catalog: Catalog) {
        let builder = ActionBuilder(catalog: catalog)
        let entries = builder.actions(for: result, assessment: assessment).map {
            PlanEntry($0, verification: builder.verification(for: $0))
        }
        let plan = Plan(
            catalog: "\(catalog.id)@\(catalog.version)", organisation: assessment.organisation.name,
            date: assessment.date, target: result.target, entries: entries)
        let text = PlanYAML.render(plan)
        let reread: PlanDocument
        do {
            reread = try PlanLoader.parse(yaml: text)
        } catch {
            fatalError("a generated plan does not read back: \(error)\n---\n\(text)")
        }
        precondition(reread.plan.organisation == plan.organisation, "the organisation changed on the way")
        precondition(reread.plan.entries.map(\.id) == entries.map(\.id), "actions changed on the way")
        precondition(reread.plan.entries.map(\.due) == entries.map(\.due), "due dates changed on the way")
    }

    static func checkScores(_ result: AssessmentResult) {
        for c in result.criteria where c.applicable {
            precondition((0...100).contains(c.score), "criterion score \(c.score) outside 0–100")
            precondition(c.level <= c.judged && c.level <= c.evidenceCap, "a level above its judgement or evidence")
        }
        if let overall = result.overall {
            precondition(overall >= -1e-9 && overall <= 100 + 1e-9, "overall \(overall)")
        }
    }
    /// A plan that reads must survive an update, and the updated text must read back with the same ids first.
    func runPlan(_ data: Data) -> Outcome {
        var parsed: PlanDocument?
        let result = outcome { () throws(DiagnosticError) in
            parsed = try PlanLoader.parse(data: data, file: "plan.yaml")
        }
        guard let document = parsed else { return result }
        let generated = document.plan.entries.prefix(2).map { PlanEntry(id: $0.id + "-new", status: .open) }
        var header = document.plan
        header.entries = []
        let update = PlanMerge.merge(existing: document.plan, generated: Array(generated), header: header)
        guard let text = try? PlanYAML.apply(update, to: document) else { return result }
        let reread: PlanDocument
        do {
            reread = try PlanLoader.parse(yaml: text)
        } catch {
            fatalError("an updated plan does not read back: \(error)\n---\n\(text)")
        }
        let ids = reread.plan.entries.map(\.id)
        precondition(Array(ids.prefix(document.plan.entries.count)) == document.plan.entries.map(\.id))
        // The same plan saved with CRLF line ends (Windows editors) updates the same way and keeps CRLF.
        let text8 = String(decoding: data, as: UTF8.self)
        if !text8.contains("\r"),
            let crlf = try? PlanLoader.parse(
                data: Data(text8.replacingOccurrences(of: "\n", with: "\r\n").utf8), file: "plan.yaml")
        {
            guard let updated = try? PlanYAML.apply(update, to: crlf) else {
                fatalError("a plan updates with LF line ends but not with CRLF")
            }
            precondition(
                updated == text.replacingOccurrences(of: "\n", with: "\r\n"), "the CRLF plan updated differently")
        }
        return result
    }

    /// Scores an assessment that reads and renders it in every format; scores stay in range, JSON is
    /// deterministic and reads back to the same bytes.
    func runScorer(_ data: Data) -> Outcome {
        var read: Loaded<Assessment>?
        let outcome = outcome { () throws(DiagnosticError) in
            read = try AssessmentLoader.load(data: data, folder: Self.folder, catalog: Self.fixedCatalog)
        }
        guard let loaded = read else { return outcome }
        Self.checkPlan(
            Scorer(catalog: Self.fixedCatalog).score(loaded.value), assessment: loaded.value,
            catalog: Self.fixedCatalog)
        let kpis = loaded.value.metrics.keys.sorted().map {
            KPIValue(id: $0, value: loaded.value.metrics[$0]!, source: .metrics)
        }
        for target in [nil, "pass", "excellent"] {
            // The targets are the fixed catalog's own ratings.
            guard let result = try? Scorer(catalog: Self.fixedCatalog).score(loaded.value, kpis: kpis, target: target)
            else { fatalError("a rating of the fixed catalog was refused as a target") }
            Self.checkScores(result)
            let audit = AuditComparison(
                result: result, assessment: loaded.value, catalog: Self.fixedCatalog, kpis: kpis)
            let json = ResultJSON.render(result, audit: audit, signOff: nil)
            precondition(json == ResultJSON.render(result, audit: audit, signOff: nil), "JSON is not deterministic")
            guard let parsed = try? JSONValue.parse(Data(json.utf8)) else { fatalError("result JSON does not parse") }
            precondition(parsed.rendered() == json, "result JSON does not read back to the same bytes")
            for language in Language.allCases {
                let context = ReportContext(
                    result: result, catalog: Self.fixedCatalog, language: language, audit: audit)
                let text = TextReport(context).render()
                precondition(
                    !text.unicodeScalars.contains {
                        ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
                    }, "a control character reached the terminal report")
                _ = MarkdownReport(context).render()
                let html = HTMLReport(context).render()
                precondition(!html.contains("<script"), "a script element reached the HTML")
            }
        }
        return outcome
    }
}
