import MaturityCore

/// The messages of importing a filled workbook (SheetImportProblem, SheetGrid).
extension Diagnostic.Message {
    /// The things a sheet's rows name, in Chinese: `domain id` → 领域 id.
    static func sheetTerm(_ en: String) -> Self {
        let words = [
            "level": "等级", "rating id": "评级 id", "evidence kind id": "证据类型 id", "KPI id": "指标 id",
            "domain id": "领域 id", "domain": "领域", "criterion id": "评价项 id", "criterion": "评价项",
            "renamed id": "改名前的 id", "evidence": "证据", "evidence id": "证据 id", "KPI": "指标",
            "finding": "不符合项", "finding id": "不符合项 id",
        ]
        return Self(en: en, zh: words[en] ?? en)
    }

    static func noSheetNamed(_ file: String, zh: String, en: String) -> Self {
        Self(en: "'\(file)' has no sheet '\(zh)' or '\(en)'", zh: "'\(file)' 中没有工作表 '\(zh)' 或 '\(en)'")
    }

    static func itsSheetsAre(_ found: [String]) -> Self {
        Self(en: "its sheets are ", zh: "它的工作表有 ") + .quotedList(found)
            + Self(en: "; keep the sheet names the tool wrote (either language)", zh: "；请保留本工具写出的工作表名称（中英文均可）")
    }

    static func notACalendarDate(_ serial: String) -> Self {
        Self(
            en: "the date serial number \(serial) is not a date of the calendar", zh: "日期序号 \(serial) 不是日历上的日期")
    }

    static let typeDate = Self(en: "type the date as YYYY-MM-DD", zh: "请把日期写成 YYYY-MM-DD")

    static func cellShowsError(_ value: String) -> Self {
        Self(en: "the cell shows the error \(value)", zh: "单元格显示错误 \(value)")
    }

    static let correctFormula = Self(en: "correct the formula, or type the value", zh: "请改正公式，或直接输入值")
    static let formulaWithoutResult = Self(
        en: "the cell holds a formula saved without its result", zh: "单元格中的公式保存时没有计算结果")
    static let openAndSaveForResults = Self(
        en: "open and save the file in a spreadsheet program (formulas are never calculated here), or type the value",
        zh: "用电子表格软件打开并保存文件（本工具不计算公式），或直接输入值")

    static func dateNotNumber(_ date: String) -> Self {
        Self(en: "the cell holds the date \(date), not a number", zh: "单元格中是日期 \(date)，不是数字")
    }

    static let formatAsNumber = Self(
        en: "format the cell as a number (General) and type the value", zh: "把单元格格式设为数字（常规）并输入值")

    static func cellNotANumber(_ text: String) -> Self {
        Self(en: "'\(text)' is not a number", zh: "'\(text)' 不是数字")
    }

    static let typeNumber = Self(en: "type a number such as 92.6", zh: "请输入数字，例如 92.6")

    static func numberNotDate(_ text: String) -> Self {
        Self(en: "the cell holds the number \(text), not a date", zh: "单元格中是数字 \(text)，不是日期")
    }

    static let typeDateOrFormat = Self(
        en: "type the date as YYYY-MM-DD, or format the cell as a date", zh: "请把日期写成 YYYY-MM-DD，或把单元格格式设为日期")

    static func cellNotADate(_ text: String) -> Self {
        Self(en: "'\(text)' is not a date", zh: "'\(text)' 不是日期")
    }

    static let typeDateExample = Self(
        en: "type the date as YYYY-MM-DD, e.g. 2026-11-01", zh: "请把日期写成 YYYY-MM-DD，例如 2026-11-01")

    static func notALevel(_ text: String, maxLevel: Int) -> Self {
        Self(en: "'\(text)' is not a level of the scale 0–\(maxLevel)", zh: "'\(text)' 不是 0–\(maxLevel) 之间的等级")
    }

    static let pickLevel = Self(
        en: "pick a level from the drop-down, or type 3, 3级 or L3", zh: "从下拉列表中选择等级，或输入 3、3级 或 L3")

    static func notYesOrNo(_ text: String) -> Self {
        Self(en: "'\(text)' is neither yes nor no", zh: "'\(text)' 既不是“是”也不是“否”")
    }

    static let typeKeyMark = Self(
        en: "type ★ or 是 or yes for a key criterion, leave it empty otherwise", zh: "关键项填 ★、是 或 yes，否则留空")

    static func rowWithoutID(_ label: Self) -> Self {
        Self(en: "the row has values but no \(label.en)", zh: "此行有值，但没有\(label.zh)")
    }

    static func fillInOrClear(_ label: Self) -> Self {
        Self(en: "fill in the \(label.en), or clear the row", zh: "请填写\(label.zh)，或清空此行")
    }

    static func listedTwice(_ what: Self, _ id: String) -> Self {
        Self(en: "\(what.en) '\(id)' is listed twice", zh: "\(what.zh) '\(id)' 列出了两次")
    }

    static let keepOneRow = Self(en: "keep one row for it", zh: "只保留其中一行")

    static func noLabelAboveTable(_ label: String) -> Self {
        Self(en: "the sheet has no '\(label)' above the table", zh: "工作表的表格上方没有 '\(label)'")
    }

    static let keepLabelCells = Self(
        en: "keep the label cells the tool wrote above the header row, with the value to their right",
        zh: "请保留本工具在表头上方写出的标签单元格，并在其右侧填写值")
    static let worksheetNamesNoCatalog = Self(
        en: "the worksheet does not name its catalog", zh: "工作表没有写明所用的准则")
    static let writeCatalogID = Self(
        en:
            "write the catalog id (for example after-sales-maturity@2026.1) to the right of the catalog label, or pass --catalog",
        zh: "在“准则”标签右侧写上准则 id（例如 after-sales-maturity@2026.1），或用 --catalog 指定")

    static func criterionNamesUnlistedDomain(_ criterion: String, _ id: String) -> Self {
        Self(
            en: "criterion '\(criterion)' names domain '\(id)', which the domains sheet does not list",
            zh: "评价项 '\(criterion)' 所属的领域 '\(id)' 不在领域工作表中")
    }

    static let addDomainToSheet = Self(
        en: "add the domain to the domains sheet", zh: "请在领域工作表中添加该领域")

    static func notLevelKinds(_ text: String) -> Self {
        Self(en: "'\(text)' is not a list of 'level: kinds'", zh: "'\(text)' 不是“等级: 证据类型”的列表")
    }

    static let writeLevelKinds = Self(
        en: "write for example '3: record, deployment; 4: kpi_series'",
        zh: "例如写成 '3: record, deployment; 4: kpi_series'")

    static func notCriterionLevels(_ text: String) -> Self {
        Self(en: "'\(text)' is not a list of 'criterion: level'", zh: "'\(text)' 不是“评价项: 等级”的列表")
    }

    static let writeCriterionLevels = Self(
        en: "write for example 'MS-08: 5; MS-10: 5'", zh: "例如写成 'MS-08: 5; MS-10: 5'")

    static func neitherLowerNorHigher(_ text: String) -> Self {
        Self(en: "'\(text)' is neither lower nor higher", zh: "'\(text)' 既不是 lower 也不是 higher")
    }

    static let writeLowerOrHigher = Self(
        en: "write lower (越低越好) or higher (越高越好)", zh: "请写 lower（越低越好）或 higher（越高越好）")

    // MARK: Header rows (SheetGrid)

    static func headerColumnTwice(_ text: String, _ first: String, _ second: String) -> Self {
        Self(
            en: "column '\(text)' appears twice in the header (columns \(first) and \(second))",
            zh: "列 '\(text)' 在表头中出现了两次（第 \(first) 列和第 \(second) 列）")
    }

    static let keepOneColumn = Self(
        en: "keep one of them; the import would not know which to read", zh: "只保留其中一列；否则导入时无法知道该读哪一列")

    static func noHeaderRow(_ names: [String]) -> Self {
        let plural = names.count == 1 ? "" : "s"
        return Self(
            en: "no header row with the column\(plural) " + names.joined(separator: ", "),
            zh: "没有含以下列的表头行：" + names.joined(separator: "、"))
    }

    static let keepHeaderRow = Self(
        en: "keep the header row as the tool wrote it; columns may be moved, not renamed",
        zh: "请保留本工具写出的表头行；列可以移动，但不能改名")
}

extension Diagnostic.Note {
    /// `first at B7`: where a row was first listed.
    static func firstAtCell(_ first: SourceLocation) -> Diagnostic.Note {
        let cell = SourceLocation.columnName(first.column) + String(first.line)
        return Diagnostic.Note(Diagnostic.Message(en: "first at \(cell)", zh: "首次出现于 \(cell)"), at: first)
    }
}
