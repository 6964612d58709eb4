import MaturityCore
import MaturitySheets

/// A column of a sheet the tool writes and reads: the key the importer knows it by, its header in
/// each language, its width. Headers are matched in either language, so a Chinese worksheet imports
/// on an English system and the other way round.
struct SheetColumn: Sendable, Hashable {
    let key: String
    let zh: String
    let en: String
    let width: Double

    init(_ key: String, _ zh: String, _ en: String, width: Double = 12) {
        self.key = key
        self.zh = zh
        self.en = en
        self.width = width
    }

    func label(_ language: Language) -> String {
        language == .zh ? zh : en
    }

    /// Whether a header cell's text names this column (either language, or the key itself).
    func matches(_ header: String) -> Bool {
        let text = SheetColumn.normalise(header)
        return text == SheetColumn.normalise(zh) || text == SheetColumn.normalise(en) || text == key
    }

    /// Lower case, spaces and full-width parentheses folded, so `Claimed level` = `claimed  level`.
    static func normalise(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            let mapped: Unicode.Scalar =
                switch scalar {
                case "（": "("
                case "）": ")"
                case "：": ":"
                default: scalar
                }
            if mapped.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out += " " }
            space = false
            out.unicodeScalars.append(mapped)
        }
        return out
    }
}

/// A sheet's name in each language; the importer finds it by either.
struct SheetName: Sendable, Hashable {
    let zh: String
    let en: String

    func name(_ language: Language) -> String {
        language == .zh ? zh : en
    }

    func matches(_ name: String) -> Bool {
        let text = SheetColumn.normalise(name)
        return text == SheetColumn.normalise(zh) || text == SheetColumn.normalise(en)
    }

    /// Both names, for messages: `评价项 / Criteria`.
    var both: String { zh + " / " + en }

    static let instructions = SheetName(zh: "说明", en: "Instructions")
    static let summary = SheetName(zh: "结果", en: "Summary")
    static let criteria = SheetName(zh: "评价项", en: "Criteria")
    static let domains = SheetName(zh: "领域", en: "Domains")
    static let evidence = SheetName(zh: "证据", en: "Evidence")
    static let kpis = SheetName(zh: "指标", en: "KPIs")
    static let findings = SheetName(zh: "审核发现", en: "Findings")
    static let plan = SheetName(zh: "改进计划", en: "Plan")
    static let catalog = SheetName(zh: "准则", en: "Catalog")
    static let levels = SheetName(zh: "等级", en: "Levels")
    static let ratings = SheetName(zh: "评级", en: "Ratings")
    static let evidenceKinds = SheetName(zh: "证据类型", en: "Evidence kinds")
    static let renamed = SheetName(zh: "更名", en: "Renamed")
}

/// Sheet rows as the builders make them: a header row from columns, cells by column key.
struct SheetTable {
    var columns: [SheetColumn]
    var language: Language

    func header() -> [Cell] {
        columns.map { .text($0.label(language), .header) }
    }

    /// One row with the cells given by key; the others empty (styled `input` when listed there).
    func row(_ values: [String: Cell], inputs: Set<String> = []) -> [Cell] {
        columns.map { values[$0.key] ?? (inputs.contains($0.key) ? Cell(.empty, style: .input) : .empty) }
    }

    /// 1-based position of the column with `key`.
    func position(_ key: String) -> Int? {
        columns.firstIndex { $0.key == key }.map { $0 + 1 }
    }

    var widths: [Double] { columns.map(\.width) }
}
