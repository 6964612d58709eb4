import Foundation
import MaturityCore
import MaturitySheets

/// The improvement plan as a sheet for managers: one row per action with the criterion's name,
/// statuses in the chosen language (a drop-down), due and completion dates as real dates, and the
/// rows of pending actions past their due date (or due within 30 days) highlighted by the spreadsheet
/// itself as the days go by.
public struct PlanWorkbook: Sendable {
    public var plan: Plan
    /// The plan's catalog, for criterion and domain names (nil: ids only).
    public var catalog: Catalog?
    public var language: Language
    let words: Words

    public init(plan: Plan, catalog: Catalog?, language: Language) {
        self.plan = plan
        self.catalog = catalog
        self.language = language
        self.words = Words(language: language)
    }

    static let columns: [SheetColumn] = [
        SheetColumn("id", "编号", "ID", width: 12), SheetColumn("priority", "优先级", "Priority", width: 8),
        SheetColumn("status", "状态", "Status", width: 10), SheetColumn("criterion", "评价项", "Criterion", width: 10),
        SheetColumn("criterion_name", "评价项名称", "Criterion name", width: 24),
        SheetColumn("domain", "领域", "Domain", width: 16), SheetColumn("from", "从", "From", width: 6),
        SheetColumn("to", "到", "To", width: 6), SheetColumn("what", "措施", "What to do", width: 44),
        SheetColumn("kpi_target", "指标目标", "KPI target", width: 22), SheetColumn("owner", "负责人", "Owner", width: 14),
        SheetColumn("due", "期限", "Due", width: 12), SheetColumn("root_cause", "问题根源分析", "Root cause", width: 30),
        SheetColumn("measures", "改进措施", "Measures", width: 30), SheetColumn("progress", "进展", "Progress", width: 24),
        SheetColumn("verification", "验证方式", "Verification", width: 30),
        SheetColumn("completed", "完成日期", "Completed", width: 12),
    ]

    /// Days ahead a pending action counts as due soon.
    static let soonDays = 30
    static let headerRow = 3

    public func data() -> Data {
        XLSXWriter.data(workbook())
    }

    public func workbook() -> Workbook {
        let w = words
        let table = SheetTable(columns: Self.columns, language: language)
        var facts = [w("评估日期 ", "Assessment date ") + plan.date.description]
        if let target = plan.target {
            facts.append(w("目标 ", "Target ") + (catalog?.ratingName(target, language) ?? target))
        }
        if let reference = plan.catalog { facts.append(w("准则 ", "Catalog ") + reference) }
        let counts = PlanAction.Status.allCases.map { status in
            "\(w.status(status)) \(plan.entries.filter { $0.status == status }.count)"
        }
        facts.append(counts.joined(separator: w("，", ", ")))
        var rows: [[Cell]] = [
            [.text(w("改进计划", "Improvement plan") + " — " + plan.organisation, .title)],
            [.text(facts.joined(separator: " · "))],
            table.header(),
        ]
        for entry in plan.entries {
            rows.append(table.row(cells(entry)))
        }
        let first = Self.headerRow + 1
        let last = max(first, rows.count)
        var validations: [DataValidation] = []
        var highlights: [Highlight] = []
        if let status = table.position("status") {
            validations.append(
                DataValidation(
                    range: CellRange(rows: first...last, columns: status...status),
                    rule: .list(PlanAction.Status.allCases.map { w.status($0) }),
                    prompt: w("行动状态", "The action's status"),
                    warning: w("状态为未开始、进行中、已完成或已作废", "A status is open, in progress, done or superseded")))
        }
        for key in ["due", "completed"] {
            guard let column = table.position(key) else { continue }
            validations.append(
                DataValidation(range: CellRange(rows: first...last, columns: column...column), rule: .date))
        }
        if let status = table.position("status"), let due = table.position("due"), plan.entries.count > 0 {
            let s = "$" + CellReference.columnName(status) + "\(first)"
            let d = "$" + CellReference.columnName(due) + "\(first)"
            // Pending = neither done nor superseded, in either language (people may type either).
            let pending =
                ([PlanAction.Status.done, .superseded].flatMap { status in
                    Language.allCases.map { Words(language: $0).status(status) }
                } + ["done", "superseded"]).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                .map { "\(s)<>\"\($0)\"" }.joined(separator: ",")
            let range = CellRange(rows: first...last, columns: 1...Self.columns.count)
            highlights.append(Highlight(range: range, formula: "AND(\(d)<>\"\",\(d)<TODAY(),\(pending))", look: .alarm))
            highlights.append(
                Highlight(
                    range: range, formula: "AND(\(d)<>\"\",\(d)<=TODAY()+\(Self.soonDays),\(pending))", look: .caution))
            let done = Language.allCases.map { "\(s)=\"\(Words(language: $0).status(.done))\"" }.joined(separator: ",")
            highlights.append(Highlight(range: range, formula: "OR(\(done))", look: .good))
        }
        let sheet = Worksheet(
            name: SheetName.plan.name(language), rows: rows, columnWidths: table.widths, frozenRows: Self.headerRow,
            frozenColumns: 1, validations: validations, highlights: highlights, filterRow: Self.headerRow)
        return Workbook(sheets: [sheet])
    }

    func cells(_ entry: PlanEntry) -> [String: Cell] {
        let w = words
        var cells: [String: Cell] = [
            "id": .text(entry.id), "priority": .text(entry.priority?.rawValue ?? ""),
            "status": .text(w.status(entry.status)), "criterion": .text(entry.criterion ?? ""),
            "from": .int(entry.from), "to": .int(entry.to), "what": .text(entry.what?.text(language) ?? "", .wrap),
            "owner": .text(entry.ownerText(language) ?? w("未指定", "unassigned"), .wrap),
            "due": .date(entry.due), "root_cause": .text(entry.rootCause ?? "", .wrap),
            "measures": .text(entry.measures ?? "", .wrap), "progress": .text(entry.progress ?? "", .wrap),
            "verification": .text(entry.verification?.text(language) ?? "", .wrap), "completed": .date(entry.completed),
        ]
        if let target = entry.kpiTarget {
            let name = catalog?.kpi(target.kpi)?.name.text(language) ?? target.kpi
            cells["kpi_target"] = .text(name + " " + w.threshold(target.better, target.value), .wrap)
        }
        if let id = entry.criterion, let criterion = catalog?.criterion(id) {
            cells["criterion_name"] = .text(criterion.name.text(language), .wrap)
        }
        if let id = entry.domain {
            cells["domain"] = .text(catalog?.domain(id)?.name.text(language) ?? id, .wrap)
        }
        return cells
    }
}
