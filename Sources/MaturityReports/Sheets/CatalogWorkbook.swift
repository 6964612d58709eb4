import Foundation
import MaturityCore
import MaturitySheets

/// A catalog as a workbook, laid out so that `maturity catalog import` reads it back into the same
/// catalog: every text in both languages side by side, one sheet per part (catalog facts, levels,
/// ratings, evidence kinds, KPIs, domains, criteria, renamed ids).
public struct CatalogWorkbook: Sendable {
    public var catalog: Catalog
    public var language: Language
    let words: Words

    public init(catalog: Catalog, language: Language) {
        self.catalog = catalog
        self.language = language
        self.words = Words(language: language)
    }

    /// `first_response_minutes_p90 ≤ 1:240 2:60 …`, as the catalog listing shows a metric.
    static func metricText(_ metric: Metric?) -> String {
        guard let metric else { return "" }
        let steps = metric.thresholds.keys.sorted().map {
            "\($0):\(NumberText.plain(metric.thresholds[$0]!, decimals: 6))"
        }
        return "\(metric.kpi) \(metric.better == .lower ? "≤" : "≥") " + steps.joined(separator: " ")
    }

    public func data() -> Data {
        XLSXWriter.data(workbook())
    }

    // MARK: Columns (every text column comes in zh and en)

    static func pair(_ key: String, _ zh: String, _ en: String, width: Double = 24) -> [SheetColumn] {
        [
            SheetColumn(key + "_zh", zh + "（中文）", en + " (zh)", width: width),
            SheetColumn(key + "_en", zh + "（英文）", en + " (en)", width: width),
        ]
    }

    static let facts: [SheetColumn] =
        [
            SheetColumn("id", "编号", "ID"), SheetColumn("version", "版本", "Version"),
        ] + pair("title", "标题", "Title") + [
            SheetColumn("evidence_max_age_days", "证据有效期（天）", "Evidence valid for (days)"),
            SheetColumn("deadline_major", "严重不符合整改期限（天）", "Days to correct a major finding"),
            SheetColumn("deadline_minor", "一般不符合整改期限（天）", "Days to correct a minor finding"),
            SheetColumn("deadline_observation", "观察项期限（天）", "Days for an observation"),
            SheetColumn("deadline_improvement", "改进建议期限（天）", "Days for an improvement"),
        ]

    static let levelColumns: [SheetColumn] =
        [SheetColumn("level", "等级", "Level", width: 8)] + pair("name", "名称", "Name", width: 16)
        + [SheetColumn("evidence", "所需证据类型", "Evidence kinds needed", width: 30)]
        + pair("description", "说明", "Description", width: 50)
        + [SheetColumn("lead_days", "计划前置期（天）", "Lead time in plans (days)", width: 12)]

    static let ratingColumns: [SheetColumn] =
        [SheetColumn("id", "编号", "ID", width: 12)] + pair("name", "名称", "Name", width: 14) + [
            SheetColumn("overall_min", "总分不低于", "Overall at least"),
            SheetColumn("domain_min", "各领域不低于", "Every domain at least"),
            SheetColumn("key_level_min", "关键项等级不低于", "Key criteria at least"),
        ]
        + FindingGrade.allCases.map {
            SheetColumn("max_open_\($0.rawValue)", "未关闭\($0.name.text(.zh))上限", "Open \($0.rawValue) findings at most")
        } + [SheetColumn("criterion_min", "评价项等级要求", "Criteria at a level of their own", width: 24)]

    static let kindColumns: [SheetColumn] =
        [SheetColumn("id", "编号", "ID", width: 22)] + pair("name", "名称", "Name", width: 24)
        + [SheetColumn("max_age_days", "有效期（天）", "Valid for (days)", width: 14)]

    /// How an evidence kind without an age limit is written in its validity cell.
    static let unlimitedAge = ["不限", "unlimited"]

    static let kpiColumns: [SheetColumn] =
        [SheetColumn("id", "编号", "ID", width: 30)] + pair("name", "名称", "Name", width: 28) + [
            SheetColumn("unit", "单位", "Unit", width: 8), SheetColumn("better", "方向", "Better", width: 10),
        ]

    static let domainColumns: [SheetColumn] =
        [SheetColumn("id", "编号", "ID", width: 24)] + pair("name", "名称", "Name", width: 24)
        + [SheetColumn("weight", "权重", "Weight", width: 8)] + pair("owner", "负责人", "Owner", width: 24)

    func criterionColumns() -> [SheetColumn] {
        var columns = [
            SheetColumn("domain", "领域", "Domain", width: 20), SheetColumn("id", "编号", "ID", width: 10),
        ]
        columns += Self.pair("name", "名称", "Name", width: 26)
        columns += [SheetColumn("weight", "权重", "Weight", width: 8), SheetColumn("key", "关键项", "Key", width: 7)]
        columns +=
            Self.pair("owner", "负责人", "Owner", width: 18) + Self.pair("description", "说明", "Description", width: 30)
        for level in 1...max(1, catalog.maxLevel) {
            columns += Self.pair("level\(level)", "\(level)级描述", "Level \(level)", width: 34)
        }
        columns += [
            SheetColumn("kpi", "指标", "KPI", width: 28), SheetColumn("better", "方向", "Better", width: 10),
        ]
        for level in 1...max(1, catalog.maxLevel) {
            columns.append(SheetColumn("threshold\(level)", "\(level)级阈值", "Level \(level) threshold", width: 10))
        }
        for level in 1...max(1, catalog.maxLevel) {
            columns += Self.pair("action\(level)", "达到\(level)级的措施", "Action for level \(level)", width: 30)
        }
        columns += [
            SheetColumn("evidence", "证据要求（覆盖）", "Evidence kinds (override)", width: 26),
            SheetColumn("sources", "依据", "Sources", width: 40),
        ]
        return columns
    }

    static let renamedColumns = [
        SheetColumn("old", "原编号", "Old ID", width: 14), SheetColumn("new", "新编号", "New ID", width: 14),
    ]

    // MARK: Sheets

    func texts(_ key: String, _ text: LocalizedText?, into cells: inout [String: Cell], style: CellStyle = .wrap) {
        cells[key + "_zh"] = .text(text?.values[.zh] ?? "", style)
        cells[key + "_en"] = .text(text?.values[.en] ?? "", style)
    }

    public func workbook() -> Workbook {
        var sheets: [Worksheet] = []
        func sheet(_ name: SheetName, _ columns: [SheetColumn], _ rows: [[String: Cell]], frozenColumns: Int = 1) {
            let table = SheetTable(columns: columns, language: language)
            sheets.append(
                Worksheet(
                    name: name.name(language), rows: [table.header()] + rows.map { table.row($0) },
                    columnWidths: table.widths, frozenRows: 1, frozenColumns: frozenColumns))
        }
        var fact: [String: Cell] = [
            "id": .text(catalog.id), "version": .text(catalog.version),
            "evidence_max_age_days": .int(catalog.evidenceMaxAgeDays),
        ]
        texts("title", catalog.title, into: &fact)
        for grade in FindingGrade.allCases { fact["deadline_\(grade.rawValue)"] = .int(catalog.deadline(grade)) }
        sheets.append(factsSheet(fact))

        sheet(
            .levels, Self.levelColumns,
            catalog.levels.map { scale in
                var cells: [String: Cell] = [
                    "level": .int(scale.level), "evidence": .text(scale.evidence.joined(separator: ", ")),
                ]
                texts("name", scale.name, into: &cells)
                texts("description", scale.description, into: &cells)
                if let days = catalog.leadDays[scale.level] { cells["lead_days"] = .int(days) }
                return cells
            })
        sheet(
            .ratings, Self.ratingColumns,
            catalog.ratings.map { rating in
                var cells: [String: Cell] = [
                    "id": .text(rating.id), "overall_min": .number(rating.overallMin),
                    "domain_min": .number(rating.domainMin),
                    "key_level_min": .int(rating.keyLevelMin),
                ]
                texts("name", rating.name, into: &cells)
                for (grade, limit) in rating.maxOpen { cells["max_open_\(grade.rawValue)"] = .int(limit) }
                let required = rating.criterionMin.keys.sorted().map { "\($0): \(rating.criterionMin[$0] ?? 0)" }
                cells["criterion_min"] = .text(required.joined(separator: "; "))
                return cells
            })
        sheet(
            .evidenceKinds, Self.kindColumns,
            catalog.evidenceKinds.map { kind in
                var cells: [String: Cell] = ["id": .text(kind.id)]
                texts("name", kind.name, into: &cells)
                switch kind.maxAge {
                case .days(let days): cells["max_age_days"] = .int(days)
                case .unlimited: cells["max_age_days"] = .text(words(Self.unlimitedAge[0], Self.unlimitedAge[1]))
                case nil: break
                }
                return cells
            })
        sheet(
            .kpis, Self.kpiColumns,
            catalog.kpis.map { kpi in
                var cells: [String: Cell] = [
                    "id": .text(kpi.id), "unit": .text(kpi.unit.rawValue), "better": .text(kpi.better.rawValue),
                ]
                texts("name", kpi.name, into: &cells)
                return cells
            })
        sheet(
            .domains, Self.domainColumns,
            catalog.domains.map { domain in
                var cells: [String: Cell] = ["id": .text(domain.id), "weight": .number(domain.weight)]
                texts("name", domain.name, into: &cells)
                texts("owner", domain.owner, into: &cells)
                return cells
            })
        var criteria: [[String: Cell]] = []
        for domain in catalog.domains {
            for criterion in domain.criteria { criteria.append(criterionCells(criterion, domain: domain)) }
        }
        sheet(.criteria, criterionColumns(), criteria, frozenColumns: 2)
        sheet(
            .renamed, Self.renamedColumns,
            catalog.renamed.keys.sorted().map { old in
                ["old": .text(old), "new": .text(catalog.renamed[old] ?? "")]
            })
        return Workbook(sheets: sheets)
    }

    /// The catalog's facts as label–value rows, so the sheet reads top to bottom.
    func factsSheet(_ values: [String: Cell]) -> Worksheet {
        var rows: [[Cell]] = [[.text(words("标题", "Field"), .header), .text(words("值", "Value"), .header)]]
        for column in Self.facts { rows.append([.text(column.label(language), .label), values[column.key] ?? .empty]) }
        return Worksheet(name: SheetName.catalog.name(language), rows: rows, columnWidths: [36, 48], frozenRows: 1)
    }

    func criterionCells(_ criterion: Criterion, domain: Domain) -> [String: Cell] {
        var cells: [String: Cell] = [
            "domain": .text(domain.id), "id": .text(criterion.id), "weight": .number(criterion.weight),
            "key": .text(criterion.key ? "★" : ""), "sources": .text(criterion.sources.joined(separator: "\n"), .wrap),
        ]
        texts("name", criterion.name, into: &cells)
        texts("owner", criterion.owner, into: &cells)
        texts("description", criterion.description, into: &cells)
        for level in 1...max(1, catalog.maxLevel) {
            texts("level\(level)", criterion.levels[level], into: &cells)
            texts("action\(level)", criterion.actions[level], into: &cells)
        }
        if let metric = criterion.metric {
            cells["kpi"] = .text(metric.kpi)
            cells["better"] = .text(metric.better.rawValue)
            for (level, value) in metric.thresholds { cells["threshold\(level)"] = .number(value) }
        }
        let overrides = criterion.evidence.keys.sorted().map {
            "\($0): " + (criterion.evidence[$0] ?? []).joined(separator: ", ")
        }
        cells["evidence"] = .text(overrides.joined(separator: "; "))
        return cells
    }
}
