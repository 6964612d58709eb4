import Foundation
import MaturityCore
import MaturitySheets

/// An assessment as a workbook to fill in or to read: the self-assessment worksheet, the auditor's
/// checklist, or a scored result. Every form has the same sheets — criteria (one row per criterion,
/// with the assessment's header above the table), domains, evidence register, KPI values, findings —
/// so any of them imports back into the assessment it shows (`maturity import`).
public struct AssessmentWorkbook: Sendable {
    public enum Form: Sendable {
        /// The self-assessment worksheet: claimed levels to fill in.
        case worksheet
        /// The auditor's checklist: the claims and the level their evidence supported in the
        /// self-assessment (`selfResult`), audited levels to fill in.
        case audit(selfResult: AssessmentResult)
        /// The assessment with its result: levels, scores and the rating beside what was claimed.
        case result(AssessmentResult)
    }

    public var catalog: Catalog
    public var assessment: Assessment
    public var form: Form
    public var language: Language
    let words: Words

    public init(catalog: Catalog, assessment: Assessment, form: Form, language: Language) {
        self.catalog = catalog
        self.assessment = assessment
        self.form = form
        self.language = language
        self.words = Words(language: language)
    }

    /// Empty rows offered for the evidence register and findings of a worksheet to fill in.
    static let blankRows = 30

    public func workbook() -> Workbook {
        var sheets: [Worksheet] = []
        if case .result(let result) = form {
            sheets.append(summarySheet(result))
        } else {
            sheets.append(instructionsSheet())
        }
        sheets += [criteriaSheet(), domainsSheet(), evidenceSheet(), kpiSheet(), findingsSheet()]
        return Workbook(sheets: sheets)
    }

    public func data() -> Data {
        XLSXWriter.data(workbook())
    }

    var result: AssessmentResult? {
        if case .result(let result) = form { return result }
        return nil
    }

    var isWorksheet: Bool {
        if case .worksheet = form { return true }
        return false
    }

    /// Whether the criteria sheet has an audited column: an audit, or an assessment that has one.
    var hasAudited: Bool {
        switch form {
        case .audit: return true
        case .worksheet: return false
        case .result:
            return assessment.kind != .selfAssessment || assessment.criteria.values.contains { $0.audited != nil }
        }
    }

    // MARK: The assessment's header, above the criteria table

    /// The fields above the criteria table: label and value, three pairs a row.
    static let headerFields: [SheetColumn] = [
        SheetColumn("organisation", "组织", "Organisation"), SheetColumn("site", "场所", "Site"),
        SheetColumn("kind", "类型", "Kind"), SheetColumn("date", "日期", "Date"),
        SheetColumn("assessor", "评估人", "Assessor"), SheetColumn("auditor", "审核员", "Auditor"),
        SheetColumn("catalog", "准则", "Catalog"), SheetColumn("tickets", "工单导出", "Ticket export"),
        SheetColumn("mapping", "工单映射", "Ticket mapping"),
    ]

    /// Columns (1-based) of the label of each header pair; the value is the next column.
    static let headerLabelColumns = [1, 5, 7]
    /// The criteria table's header row.
    static let criteriaHeaderRow = 5

    func headerRows(width: Int) -> [[Cell]] {
        let a = assessment
        let fill: CellStyle = isWorksheet ? .input : .plain
        var values: [String: Cell] = [
            "organisation": .text(a.organisation.name, fill), "site": .text(a.organisation.site ?? "", fill),
            "kind": .text(SheetValues.kindName(a.kind, language), fill),
            "date": .date(a.date, isWorksheet ? .inputDate : .date),
            "assessor": .text(a.assessor ?? "", fill), "auditor": .text(a.auditor ?? "", fill),
            "catalog": .text("\(catalog.id)@\(catalog.version)"),
            "tickets": .text(a.tickets?.file ?? "", fill), "mapping": .text(a.tickets?.mapping ?? "", fill),
        ]
        if case .audit = form { values["auditor"] = .text(a.auditor ?? "", .input) }
        var rows: [[Cell]] = []
        for start in stride(from: 0, to: Self.headerFields.count, by: 3) {
            var row = [Cell](repeating: .empty, count: width)
            for (offset, field) in Self.headerFields[start..<min(start + 3, Self.headerFields.count)].enumerated() {
                let column = Self.headerLabelColumns[offset]
                row[column - 1] = .text(field.label(language), .label)
                row[column] = values[field.key] ?? .empty
            }
            rows.append(row)
        }
        return rows
    }

    // MARK: Criteria

    static let id = SheetColumn("id", "编号", "ID", width: 10)
    static let name = SheetColumn("name", "评价项", "Criterion", width: 28)
    static let domain = SheetColumn("domain", "领域", "Domain", width: 14)
    static let key = SheetColumn("key", "关键项", "Key", width: 7)
    static let metric = SheetColumn("metric", "指标要求", "KPI thresholds", width: 22)
    static let owner = SheetColumn("owner", "负责人", "Owner", width: 12)
    static let claimed = SheetColumn("claimed", "自评等级", "Claimed level", width: 10)
    static let selfCap = SheetColumn("self_cap", "自评证据支持", "Self: evidence supports", width: 11)
    static let audited = SheetColumn("audited", "审核等级", "Audited level", width: 10)
    static let evidence = SheetColumn("evidence", "证据编号", "Evidence ids", width: 16)
    static let note = SheetColumn("note", "说明", "Note", width: 30)
    static let notApplicable = SheetColumn("na", "不适用原因", "Not applicable because", width: 22)
    static let cap = SheetColumn("evidence_cap", "证据支持等级", "Evidence supports", width: 10)
    static let metricLevel = SheetColumn("metric_level", "指标等级", "KPI level", width: 9)
    static let level = SheetColumn("level", "等级", "Level", width: 8)
    static let score = SheetColumn("score", "得分", "Score", width: 8)
    static let missing = SheetColumn("missing_evidence", "缺少的证据", "Evidence missing", width: 22)

    /// The criteria columns an import reads.
    static let criteriaInputs = [id, owner, claimed, audited, evidence, note, notApplicable]

    func criteriaColumns() -> [SheetColumn] {
        var columns = [Self.id, Self.name, Self.domain, Self.key]
        for level in 1...max(1, catalog.maxLevel) {
            let name = catalog.level(level)?.name
            columns.append(
                SheetColumn(
                    "level\(level)", "\(level) " + (name?.text(.zh) ?? ""), "\(level) " + (name?.text(.en) ?? ""),
                    width: 30))
        }
        columns += [Self.metric, Self.owner, Self.claimed]
        if case .audit = form { columns.append(Self.selfCap) }
        if hasAudited { columns.append(Self.audited) }
        columns += [Self.evidence, Self.note, Self.notApplicable]
        if result != nil { columns += [Self.cap, Self.metricLevel, Self.level, Self.score, Self.missing] }
        return columns
    }

    func criteriaSheet() -> Worksheet {
        let table = SheetTable(columns: criteriaColumns(), language: language)
        let w = words
        let title: String
        switch form {
        case .worksheet: title = w("售后服务管理成熟度自评表", "After-sales service maturity self-assessment")
        case .audit: title = w("售后服务管理成熟度现场审核检查表", "After-sales service maturity audit checklist")
        case .result: title = w("售后服务管理成熟度评估结果", "After-sales service maturity assessment result")
        }
        var rows: [[Cell]] = [[.text(title + " — " + assessment.organisation.name, .title)]]
        rows += headerRows(width: table.columns.count)
        rows.append(table.header())
        var inputs: Set<String> = ["owner", "evidence", "note", "na"]
        switch form {
        case .worksheet: inputs.insert("claimed")
        case .audit: inputs.insert("audited")
        case .result: break
        }
        if case .result = form { inputs = [] }
        for domain in catalog.domains {
            for criterion in domain.criteria {
                rows.append(table.row(criterionCells(criterion, domain: domain, inputs: inputs), inputs: inputs))
            }
        }
        let first = Self.criteriaHeaderRow + 1
        let last = max(first, rows.count)
        var validations: [DataValidation] = []
        let levels = (0...catalog.maxLevel).map(String.init)
        for key in ["claimed", "audited"] {
            guard let column = table.position(key) else { continue }
            validations.append(
                DataValidation(
                    range: CellRange(rows: first...last, columns: column...column), rule: .list(levels),
                    prompt: w(
                        "等级 0–\(catalog.maxLevel)；只计到证据支持的等级",
                        "Level 0–\(catalog.maxLevel); it counts only as far as its evidence supports"),
                    warning: w("等级应为 0–\(catalog.maxLevel)", "A level is 0–\(catalog.maxLevel)")))
        }
        return Worksheet(
            name: SheetName.criteria.name(language), rows: rows, columnWidths: table.widths,
            frozenRows: Self.criteriaHeaderRow, frozenColumns: 2, validations: validations,
            filterRow: Self.criteriaHeaderRow)
    }

    func criterionCells(_ criterion: Criterion, domain: Domain, inputs: Set<String>) -> [String: Cell] {
        let entry = assessment.criteria[criterion.id]
        func input(_ key: String) -> CellStyle { inputs.contains(key) ? .input : .wrap }
        var cells: [String: Cell] = [
            "id": .text(criterion.id), "name": .text(criterion.name.text(language), .wrap),
            "domain": .text(domain.name.text(language), .wrap), "key": .text(criterion.key ? "★" : ""),
            "metric": .text(CatalogWorkbook.metricText(criterion.metric), .wrap),
            "owner": .text(assessment.owners[criterion.id] ?? "", input("owner")),
            "claimed": .int(entry?.claimed, inputs.contains("claimed") ? .input : .plain),
            "audited": .int(entry?.audited, inputs.contains("audited") ? .input : .plain),
            "evidence": .text((entry?.evidence ?? []).joined(separator: ", "), input("evidence")),
            "note": .text(entry?.note ?? "", input("note")),
            "na": .text(entry?.notApplicable ?? "", input("na")),
        ]
        for level in 1...max(1, catalog.maxLevel) {
            cells["level\(level)"] = .text(criterion.levels[level]?.text(language) ?? "", .wrap)
        }
        if case .audit(let selfResult) = form, let scored = selfResult.criterion(criterion.id), scored.applicable {
            cells["self_cap"] = .int(scored.evidenceCap)
        }
        if let scored = result?.criterion(criterion.id), scored.applicable {
            cells["evidence_cap"] = .int(scored.evidenceCap)
            cells["metric_level"] = .int(scored.metricLevel)
            cells["level"] = .int(scored.level)
            cells["score"] = .number(NumberText.rounded(scored.score), .decimal)
            cells["missing_evidence"] = .text(
                scored.missingEvidence.map { catalog.evidenceKindName($0, language) }.joined(
                    separator: words.listSeparator),
                .wrap)
        }
        return cells
    }
}
