import MaturityCore
import MaturitySheets

extension AssessmentWorkbook {
    // MARK: Domains

    static let domainId = SheetColumn("id", "编号", "ID", width: 22)
    static let domainName = SheetColumn("name", "领域", "Domain", width: 24)
    static let weight = SheetColumn("weight", "权重", "Weight", width: 8)
    static let domainScore = SheetColumn("score", "得分", "Score", width: 8)
    static let applicable = SheetColumn("applicable", "适用", "Applies", width: 8)

    func domainsSheet() -> Worksheet {
        var columns = [Self.domainId, Self.domainName, Self.weight, Self.owner]
        if result != nil { columns += [Self.domainScore, Self.applicable] }
        let table = SheetTable(columns: columns, language: language)
        var rows = [table.header()]
        let inputs: Set<String> = result == nil ? ["owner"] : []
        for domain in catalog.domains {
            var cells: [String: Cell] = [
                "id": .text(domain.id), "name": .text(domain.name.text(language), .wrap),
                "weight": .number(domain.weight),
                "owner": .text(assessment.owners[domain.id] ?? "", inputs.isEmpty ? .plain : .input),
            ]
            if let scored = result?.domain(domain.id) {
                cells["score"] = .number(scored.score.map { NumberText.rounded($0) }, .decimal)
                cells["applicable"] = .text(scored.applicable ? words("是", "yes") : words("否", "no"))
            }
            rows.append(table.row(cells, inputs: inputs))
        }
        return Worksheet(
            name: SheetName.domains.name(language), rows: rows, columnWidths: table.widths, frozenRows: 1)
    }

    // MARK: Evidence register

    static let evidenceId = SheetColumn("id", "编号", "ID", width: 10)
    static let evidenceKind = SheetColumn("kind", "类型", "Kind", width: 20)
    static let evidenceTitle = SheetColumn("title", "标题", "Title", width: 44)
    static let evidenceDate = SheetColumn("date", "日期", "Date", width: 12)
    static let evidenceFile = SheetColumn("file", "文件", "File", width: 44)
    static let evidenceColumns = [evidenceId, evidenceKind, evidenceTitle, evidenceDate, evidenceFile]

    func evidenceSheet() -> Worksheet {
        let table = SheetTable(columns: Self.evidenceColumns, language: language)
        var rows = [table.header()]
        let fill = result == nil
        for item in assessment.evidence {
            rows.append(
                table.row([
                    "id": .text(item.id, fill ? .input : .plain), "kind": .text(item.kind, fill ? .input : .plain),
                    "title": .text(item.title, fill ? .input : .wrap),
                    "date": .date(item.date, fill ? .inputDate : .date),
                    "file": .text(item.file ?? "", fill ? .input : .wrap),
                ]))
        }
        if fill {
            for _ in 0..<Self.blankRows {
                rows.append(
                    table.row(["date": Cell(.empty, style: .inputDate)], inputs: ["id", "kind", "title", "file"]))
            }
        }
        let last = max(2, rows.count)
        var validations: [DataValidation] = []
        let kinds =
            catalog.knownEvidenceKinds
            + ["interview", "observation"].filter { !catalog.knownEvidenceKinds.contains($0) }
        if let column = table.position("kind"), Self.fitsList(kinds) {
            validations.append(
                DataValidation(
                    range: CellRange(rows: 2...last, columns: column...column), rule: .list(kinds),
                    prompt: words("证据类型（名称或编号均可）", "Evidence kind (its id or its name)"),
                    warning: words("不是准则要求的证据类型，它不支持任何等级", "Not a kind the catalog asks for; it supports no level")))
        }
        if let column = table.position("date") {
            validations.append(
                DataValidation(
                    range: CellRange(rows: 2...last, columns: column...column), rule: .date,
                    prompt: words("证据日期，例如 2026-03-01", "The evidence's date, e.g. 2026-03-01"),
                    warning: words("请输入日期", "Type a date")))
        }
        return Worksheet(
            name: SheetName.evidence.name(language), rows: rows, columnWidths: table.widths, frozenRows: 1,
            validations: validations, filterRow: 1)
    }

    /// Whether `values` can be an inline drop-down list (no comma or quote, 255 characters at most).
    static func fitsList(_ values: [String]) -> Bool {
        !values.isEmpty && values.joined(separator: ",").count <= 255
            && !values.contains { $0.contains(",") || $0.contains("\"") }
    }

    // MARK: KPI values

    static let kpiId = SheetColumn("id", "指标", "KPI", width: 34)
    static let kpiName = SheetColumn("name", "名称", "Name", width: 28)
    static let kpiUnit = SheetColumn("unit", "单位", "Unit", width: 8)
    static let kpiBetter = SheetColumn("better", "方向", "Better", width: 10)
    static let kpiValue = SheetColumn("value", "值", "Value", width: 10)
    static let kpiUsedBy = SheetColumn("used_by", "评价项", "Criteria", width: 18)
    static let kpiScored = SheetColumn("scored", "评分所用值", "Value scored", width: 12)
    static let kpiSource = SheetColumn("source", "来源", "Source", width: 40)

    /// KPIs the catalog's metrics use, in catalog order, then any other the assessment gives.
    var kpiIds: [String] {
        var ids: [String] = []
        for criterion in catalog.criteria { if let kpi = criterion.metric?.kpi, !ids.contains(kpi) { ids.append(kpi) } }
        for id in assessment.metrics.keys.sorted() where !ids.contains(id) { ids.append(id) }
        for value in result?.kpis ?? [] where !ids.contains(value.id) { ids.append(value.id) }
        return ids
    }

    func kpiSheet() -> Worksheet {
        var columns = [Self.kpiId, Self.kpiName, Self.kpiUnit, Self.kpiBetter, Self.kpiValue, Self.kpiUsedBy]
        if result != nil { columns += [Self.kpiScored, Self.kpiSource] }
        let table = SheetTable(columns: columns, language: language)
        var rows = [table.header()]
        for id in kpiIds {
            let definition = catalog.kpi(id)
            let users = catalog.criteria.filter { $0.metric?.kpi == id }.map(\.id)
            var cells: [String: Cell] = [
                "id": .text(id), "name": .text(definition?.name.text(language) ?? "", .wrap),
                "unit": .text(definition?.unit.rawValue ?? ""),
                "better": .text(definition.map { Self.directionName($0.better, language) } ?? ""),
                "value": .number(assessment.metrics[id], result == nil ? .input : .plain),
                "used_by": .text(users.joined(separator: ", "), .wrap),
            ]
            if let value = result?.kpis.first(where: { $0.id == id }) {
                cells["scored"] = .number(value.value)
                switch value.source {
                case .metrics: cells["source"] = .text(words("评估中给出", "given in the assessment"))
                case .tickets(let file, let rows):
                    cells["source"] = .text(words("\(file)，\(rows) 张工单", "\(file), \(rows) tickets"), .wrap)
                }
            }
            rows.append(table.row(cells))
        }
        var validations: [DataValidation] = []
        if let column = table.position("value"), rows.count > 1 {
            validations.append(
                DataValidation(
                    range: CellRange(rows: 2...rows.count, columns: column...column), rule: .decimal(minimum: nil),
                    prompt: words("指标值；比率按 0–100 填写", "The KPI's value; rates as 0–100"),
                    warning: words("请输入数字", "Type a number")))
        }
        return Worksheet(
            name: SheetName.kpis.name(language), rows: rows, columnWidths: table.widths, frozenRows: 1,
            validations: validations)
    }

    static func directionName(_ better: Direction, _ language: Language) -> String {
        switch better {
        case .lower: return language == .zh ? "越低越好" : "lower"
        case .higher: return language == .zh ? "越高越好" : "higher"
        }
    }

    // MARK: Findings

    static let findingId = SheetColumn("id", "编号", "ID", width: 10)
    static let findingCriterion = SheetColumn("criterion", "评价项", "Criterion", width: 10)
    static let findingGrade = SheetColumn("grade", "等级", "Grade", width: 14)
    static let findingClause = SheetColumn("clause", "条款", "Clause", width: 20)
    static let findingEvidence = SheetColumn("evidence", "依据", "Evidence", width: 12)
    static let findingText = SheetColumn("text", "内容", "Text", width: 50)
    static let findingStatus = SheetColumn("status", "状态", "Status", width: 10)
    static let findingDue = SheetColumn("due", "期限", "Due", width: 12)
    static let findingColumns = [
        findingId, findingCriterion, findingGrade, findingClause, findingEvidence, findingText, findingStatus,
        findingDue,
    ]

    func findingsSheet() -> Worksheet {
        let table = SheetTable(columns: Self.findingColumns, language: language)
        var rows = [table.header()]
        let fill = result == nil
        let style: CellStyle = fill ? .input : .wrap
        for finding in assessment.findings {
            rows.append(
                table.row([
                    "id": .text(finding.id, style), "criterion": .text(finding.criterion ?? "", style),
                    "grade": .text(finding.grade.name.text(language), style),
                    "clause": .text(finding.clause ?? "", style),
                    "evidence": .text(finding.evidence.joined(separator: ", "), style),
                    "text": .text(finding.text, style),
                    "status": .text(SheetValues.findingStatusName(finding.status, language), style),
                    "due": .date(finding.due, fill ? .inputDate : .date),
                ]))
        }
        if fill {
            for _ in 0..<Self.blankRows {
                rows.append(
                    table.row(
                        ["due": Cell(.empty, style: .inputDate)],
                        inputs: ["id", "criterion", "grade", "clause", "evidence", "text", "status"]))
            }
        }
        let last = max(2, rows.count)
        var validations: [DataValidation] = []
        if let column = table.position("grade") {
            let days = FindingGrade.allCases.map { "\($0.name.text(language)) \(catalog.deadline($0))" }
            validations.append(
                DataValidation(
                    range: CellRange(rows: 2...last, columns: column...column),
                    rule: .list(FindingGrade.allCases.map { $0.name.text(language) }),
                    prompt: words("整改期限（天）：", "Days to correct: ") + days.joined(separator: words("、", ", ")),
                    warning: words("等级为严重不符合、一般不符合、观察项或改进建议", "A grade is major, minor, observation or improvement")))
        }
        if let column = table.position("status") {
            validations.append(
                DataValidation(
                    range: CellRange(rows: 2...last, columns: column...column),
                    rule: .list(Finding.Status.allCases.map { SheetValues.findingStatusName($0, language) })))
        }
        if let column = table.position("due") {
            validations.append(
                DataValidation(range: CellRange(rows: 2...last, columns: column...column), rule: .date))
        }
        return Worksheet(
            name: SheetName.findings.name(language), rows: rows, columnWidths: table.widths, frozenRows: 1,
            validations: validations)
    }
}
