/// The messages of reading ticket exports: date formats (TimestampFormat), rows, facts and KPIs.
extension Diagnostic.Message {
    // MARK: Date formats

    static func patternHasNo(_ field: String, _ letters: String) -> Self {
        let zh = ["year": "年", "month": "月", "day": "日"][field] ?? field
        return Self(en: "the pattern has no \(field) (\(letters))", zh: "格式中没有\(zh)（\(letters)）")
    }

    static let hour12NeedsAmPm = Self(
        en: "'h' is an hour 1–12 and needs 'a' (AM/PM); use 'H' for an hour 0–23",
        zh: "'h' 是 1–12 的小时，需要配合 'a'（上午/下午）；0–23 的小时请用 'H'")
    static let amPmNeedsHour12 = Self(
        en: "'a' (AM/PM) goes with 'h' (hour 1–12), not 'H'", zh: "'a'（上午/下午）要配合 'h'（1–12 的小时），不能配合 'H'")
    static let closingBracketWithoutOpening = Self(en: "']' without '['", zh: "有 ']' 却没有 '['")
    static let quotedLiteralNotClosed = Self(
        en: "a quoted literal is not closed", zh: "引号括起的文字没有闭合")
    static let openingBracketWithoutClosing = Self(en: "'[' without ']'", zh: "有 '[' 却没有 ']'")

    static func notADateField(_ letters: String) -> Self {
        Self(en: "'\(letters)' is not a date or time field", zh: "'\(letters)' 不是日期或时间字段")
    }
}

extension Diagnostic.Message {
    // MARK: The export's header

    static func columnRepeated(_ name: String, times: Int, in file: String, columns: [Int]) -> Self {
        let list = columns.map(String.init)
        return Self(
            en: "column '\(name)' appears \(times) times in the header of \(file) (columns "
                + list.joined(separator: ", ") + ")",
            zh: "列 '\(name)' 在 \(file) 的表头中出现了 \(times) 次（第 " + list.joined(separator: "、") + " 列）")
    }

    static let renameColumnsUnique = Self(
        en: "rename the columns in the export so that each is unique", zh: "在导出文件中给列改名，使每列名称唯一")

    static func headerHas(_ names: [String]) -> Self {
        Self(en: "the header has: ", zh: "表头中有：") + .quotedList(names)
    }

    static func columnNotInHeader(_ name: String, of file: String) -> Self {
        Self(en: "column '\(name)' is not in the header of \(file)", zh: "列 '\(name)' 不在 \(file) 的表头中")
    }

    static func noSimpleFormatColumns(_ file: String) -> Self {
        Self(
            en: "the header of \(file) has none of the simple format's columns", zh: "\(file) 的表头中没有简单格式的任何一列")
    }

    static func nameSimpleColumns(_ headers: [String]) -> Self {
        Self(
            en: "name the columns " + headers.joined(separator: ", ")
                + ", or pass a mapping (--mapping MAP.yaml) that names the export's own",
            zh: "把列命名为 " + headers.joined(separator: "、") + "，或用 --mapping MAP.yaml 给出写明导出文件自身列名的映射文件")
    }

    static let eventLogNeedsIDColumn = Self(
        en: "an event log needs the ticket id column", zh: "事件日志需要工单编号列")

    static func headerEmpty(_ file: String) -> Self {
        Self(en: "'\(file)' is empty", zh: "'\(file)' 是空的")
    }

    static let headerRowExpected = Self(
        en: "a header row naming the columns is expected", zh: "第一行应为写明各列名称的表头")
    static let headerNotUTF8 = Self(en: "the header is not UTF-8 text", zh: "表头不是 UTF-8 文本")
    static let saveExportAsUTF8Iconv = Self(
        en: "save the export as UTF-8 (a GBK export can be converted: iconv -f GBK -t UTF-8)",
        zh: "把导出文件另存为 UTF-8（GBK 文件可以转换：iconv -f GBK -t UTF-8）")

    // MARK: Rows

    static func notADateTime(_ value: String, column: String, formats: [String]) -> Self {
        let quoted = formats.map { "'\($0)'" }
        return Self(
            en: "'\(value)' in column '\(column)' is not a date and time in the format "
                + quoted.joined(separator: " or "),
            zh: "列 '\(column)' 中的 '\(value)' 不是格式为 " + quoted.joined(separator: " 或 ") + " 的日期时间")
    }

    static func neitherTrueNorFalse(_ value: String, column: String) -> Self {
        Self(
            en: "'\(value)' in column '\(column)' is neither a true nor a false value",
            zh: "列 '\(column)' 中的 '\(value)' 既不是 true 的取值，也不是 false 的取值")
    }

    static let quotedFieldNotClosed = Self(
        en: "a quoted field is not closed before the end of the file", zh: "引号括起的字段到文件结尾都没有闭合")
    static let textAfterClosingQuote = Self(
        en: "text follows the closing quote of a field", zh: "字段的结束引号之后还有文字")

    static func rowFieldCount(_ count: Int, header: Int) -> Self {
        Self(
            en: "the row has \(count) fields where the header has \(header)", zh: "此行有 \(count) 个字段，而表头有 \(header) 个")
    }

    static func notMinutes(_ value: String, column: String) -> Self {
        Self(
            en: "'\(value)' in column '\(column)' is not a number of minutes", zh: "列 '\(column)' 中的 '\(value)' 不是分钟数")
    }

    static func notARating(_ value: String, column: String) -> Self {
        Self(en: "'\(value)' in column '\(column)' is not a rating 1–5", zh: "列 '\(column)' 中的 '\(value)' 不是 1–5 的评分")
    }

    static func ratingOutside(_ value: String, column: String) -> Self {
        Self(
            en: "rating '\(value)' in column '\(column)' is outside 1–5", zh: "列 '\(column)' 中的评分 '\(value)' 超出 1–5")
    }

    // MARK: A ticket's times

    static func responseBeforeCreation(_ response: String, _ created: String) -> Self {
        Self(
            en: "first response (\(response)) is before creation (\(created))",
            zh: "首次响应时间（\(response)）早于创建时间（\(created)）")
    }

    static func resolutionBeforeCreation(_ resolved: String, _ created: String) -> Self {
        Self(
            en: "resolution (\(resolved)) is before creation (\(created))", zh: "解决时间（\(resolved)）早于创建时间（\(created)）")
    }

    static let responseTimeNegative = Self(en: "first response time is negative", zh: "首次响应时长为负数")

    static func ticketContradiction(_ id: String, rows: Int, _ problem: Self) -> Self {
        Self(en: "ticket '\(id)' (\(rows) rows): \(problem.en)", zh: "工单 '\(id)'（\(rows) 行）：\(problem.zh)")
    }

    // MARK: The run

    static let withoutStrict = Self(
        en: "without --strict, such rows are left out, counted and listed", zh: "不加 --strict 时，这样的行会被略去、计数并列出")

    static func rowLongerThan(megabytes: Int) -> Self {
        Self(en: "a row longer than \(megabytes) MB starts here", zh: "从这里开始的一行超过 \(megabytes) MB")
    }

    static let unclosedQuoteMakesOneField = Self(
        en: "a quote that is never closed makes the rest of the file one field; check the quoting",
        zh: "没有闭合的引号会让文件的其余部分成为一个字段；请检查引号")

    static func rowWithMoreFields(than limit: Int) -> Self {
        Self(en: "a row with more than \(limit) fields starts here", zh: "从这里开始的一行超过 \(limit) 个字段")
    }

    static let checkDelimiter = Self(
        en: "check the delimiter: a ticket export has tens of columns", zh: "请检查分隔符：工单导出通常有几十列")
    static let fileIsUTF16 = Self(en: "the file is UTF-16 text", zh: "文件是 UTF-16 文本")
    static let saveExportAsUTF8 = Self(
        en: "save the export as UTF-8 (CSV UTF-8 in Excel)", zh: "把导出文件另存为 UTF-8（Excel 中选择“CSV UTF-8”）")

    static func noTicketID(inColumn header: String) -> Self {
        Self(en: "no ticket id in column '\(header)'", zh: "列 '\(header)' 中没有工单编号")
    }

    static func ticketRowsNotTogether(_ id: String) -> Self {
        Self(
            en: "rows of ticket '\(id)' are not together: it appears here again after other tickets",
            zh: "工单 '\(id)' 的各行没有排在一起：在其他工单之后又出现在这里")
    }

    static let sortExportByTicket = Self(
        en: "sort the export by ticket (then time), or set 'event_log: {order: any}' "
            + "in the mapping, which holds every ticket in memory",
        zh: "按工单（再按时间）排序导出文件，或在映射文件中设置 'event_log: {order: any}'（会把所有工单放在内存中）")

    // MARK: The measurement

    static let rowLeftOut = Self(en: "row left out: ", zh: "已略去此行：")

    static func rowsLeftOutInAll(_ count: Int, of file: String, shown: Int) -> Self {
        Self(
            en: "\(count) rows of \(file) left out in all; the first \(shown) problems are shown",
            zh: "\(file) 共略去 \(count) 行；只列出了前 \(shown) 个问题")
    }

    static let kpiListsThem = Self(
        en: "'maturity kpi' on the export lists them; with --strict it stops at the first",
        zh: "对导出文件运行 'maturity kpi' 可以列出全部问题；加 --strict 时在第一个问题处停止")

    static let checkThePath = Self(en: "check the path", zh: "请检查路径")

    static func notATicketExport(_ shown: String, is kind: FileKind) -> Self {
        Self(en: "'\(shown)' is \(kind.phrase), not a ticket export", zh: "'\(shown)' 是\(kind.phraseZh)，不是工单导出文件")
    }
}
