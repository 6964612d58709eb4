/// The messages of reading a ticket mapping (TicketMappingLoader).
extension Diagnostic.Message {

    static let readsMappingSchema1 = Self(
        en: "this version of maturity reads mapping schema 1", zh: "此版本的 maturity 读取 schema 1 的映射文件")

    static func badDelimiter(_ text: String) -> Self {
        Self(
            en: "delimiter '\(text)' must be one ASCII character other than a quote or a line break",
            zh: "分隔符 '\(text)' 必须是一个 ASCII 字符，且不能是引号或换行")
    }

    static let writeDelimiter = Self(
        en: "write \",\", \";\", \"|\" or \"\\t\" (a tab, in double quotes)",
        zh: "请写 \",\"、\";\"、\"|\" 或 \"\\t\"（制表符，须加双引号）")

    static func unknownTimeZone(_ text: String) -> Self {
        Self(en: "unknown time zone '\(text)'", zh: "未知的时区 '\(text)'")
    }

    static let writeTimeZone = Self(
        en: "write an IANA name such as Asia/Shanghai, or an offset such as +08:00",
        zh: "请写 IANA 时区名（如 Asia/Shanghai），或时差（如 +08:00）")

    static func dateFormatProblem(_ pattern: String, _ problem: Self) -> Self {
        Self(en: "date format '\(pattern)': \(problem.en)", zh: "日期格式 '\(pattern)'：\(problem.zh)")
    }

    static let dateFormatExamples = Self(
        en: "e.g. iso8601, yyyy-MM-dd HH:mm:ss or d/M/yyyy HH:mm", zh: "例如 iso8601、yyyy-MM-dd HH:mm:ss 或 d/M/yyyy HH:mm"
    )
    static let dateFormatListsNone = Self(en: "date_format lists no format", zh: "date_format 中没有任何格式")

    static func valueMeansBoth(_ value: String, _ a: String, _ b: String) -> Self {
        Self(
            en: "value '\(value)' means both \(a) and \(b)", zh: "取值 '\(value)' 既表示 \(a) 又表示 \(b)")
    }

    static let oneMeaningPerValue = Self(
        en: "a value may have one meaning; remove it from one of the lists", zh: "一个取值只能有一种含义；请从其中一个列表中删去它")

    static func hoursNotPositive(_ what: Self, _ value: String) -> Self {
        Self(
            en: "\(what.en) must be more than 0 hours, found \(value)", zh: "\(what.zh)必须大于 0 小时，实际为 \(value)")
    }

    static func unknownEventLogOrder(_ text: String) -> Self {
        Self(en: "unknown event log order '\(text)'", zh: "未知的事件日志顺序 '\(text)'")
    }

    static let columnsNamesNone = Self(en: "columns names no column", zh: "columns 中没有任何列")
    static let mapAtLeastOneColumn = Self(
        en: "map at least one, e.g. 'created: 创建时间'", zh: "至少对应一列，例如 'created: 创建时间'")
    static let firstResponseTwice = Self(
        en: "map either first_response (a time) or first_response_minutes (a duration), not both",
        zh: "first_response（时间）和 first_response_minutes（时长）只能对应其一，不能同时写")
    static let eventLogNeedsID = Self(
        en: "an event log needs the ticket id: map 'id' under columns", zh: "事件日志需要工单编号：请在 columns 下对应 'id'")
    static let rowsRecognisedByID = Self(
        en: "the rows of one ticket are recognised by it", zh: "同一工单的各行靠它识别")

    static func keyDoesNotApply(_ key: String, to what: Self) -> Self {
        Self(en: "'\(key)' does not apply to \(what.en)", zh: "'\(key)' 不适用于\(what.zh)")
    }

    static func keyAppliesTo(_ key: String, _ applies: String) -> Self {
        Self(en: "'\(key)' applies to \(applies)", zh: "'\(key)' 只适用于 \(applies)")
    }

    static func scoreOutOfOneToFive(_ key: String, _ value: String) -> Self {
        Self(en: "score of '\(key)' must be 1–5, found \(value)", zh: "'\(key)' 的得分应为 1–5，实际为 \(value)")
    }

    static let takeOnlyForEventLogs = Self(
        en: "'take' applies to event logs only", zh: "'take' 只适用于事件日志")
    static let addEventLogTrue = Self(
        en: "add 'event_log: true' when the export has several rows per ticket", zh: "导出中每个工单有多行时，添加 'event_log: true'")

    static func unknownTake(_ text: String) -> Self {
        Self(en: "unknown take '\(text)'", zh: "未知的 take '\(text)'")
    }
}
