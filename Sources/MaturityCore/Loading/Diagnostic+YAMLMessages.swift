/// The messages of the checks every YAML key and value gets (YAMLReader), and the words they quote.
extension Diagnostic.Message {
    // MARK: What was found

    public static let aMapping = Self(en: "a mapping", zh: "映射")
    public static let aList = Self(en: "a list", zh: "列表")
    public static let anAlias = Self(en: "an alias", zh: "别名")
    public static let nothing = Self(en: "nothing", zh: "空值")

    /// A value from the user's file, in single quotes in every language.
    public static func quoted(_ value: String) -> Self {
        .key("'\(value)'")
    }

    // MARK: Structure

    static func mustBeMapping(_ what: Self, found: Self) -> Self {
        Self(en: "\(what.en) must be a mapping, found \(found.en)", zh: "\(what.zh) 应为映射，实际为 \(found.zh)")
    }

    static func keyMustBePlainWord(in what: Self, found: Self) -> Self {
        Self(
            en: "a key in \(what.en) must be a plain word, found \(found.en)",
            zh: "\(what.zh) 中的键应为普通的词，实际为 \(found.zh)")
    }

    static func unknownKey(_ key: String, in what: Self) -> Self {
        Self(en: "unknown key '\(key)' in \(what.en)", zh: "\(what.zh) 中有未知的键 '\(key)'")
    }

    static func keyHasNoValue(_ key: String, in what: Self) -> Self {
        Self(en: "'\(key)' in \(what.en) has no value", zh: "\(what.zh) 中的 '\(key)' 没有值")
    }

    static func missingKey(_ key: String, in what: Self) -> Self {
        Self(en: "\(what.en) has no '\(key)'", zh: "\(what.zh) 缺少 '\(key)'")
    }

    static func addKey(_ key: String) -> Self {
        Self(en: "add '\(key):'", zh: "添加 '\(key):'")
    }

    static func mustBeList(_ what: Self, found: Self) -> Self {
        Self(en: "\(what.en) must be a list, found \(found.en)", zh: "\(what.zh) 应为列表，实际为 \(found.zh)")
    }

    static let writeAsList = Self(
        en: "write it as '- item' lines or [a, b]", zh: "写成每行一个 '- 项目'，或写成 [a, b]")

    // MARK: Scalars

    static func mustBeText(_ what: Self, found: Self) -> Self {
        Self(en: "\(what.en) must be text, found \(found.en)", zh: "\(what.zh) 应为文本，实际为 \(found.zh)")
    }

    static func notAValidID(_ what: Self, _ text: String) -> Self {
        Self(en: "\(what.en) '\(text)' is not a valid id", zh: "\(what.zh) '\(text)' 不是有效的 id")
    }

    static let idsAreSingleWords = Self(
        en: "ids are single words such as SP-01 or service-process",
        zh: "id 是不含空格的一个词，例如 SP-01 或 service-process")

    static func mustBeWholeNumber(_ what: Self, found: Self) -> Self {
        Self(
            en: "\(what.en) must be a whole number, found \(found.en)", zh: "\(what.zh) 应为整数，实际为 \(found.zh)")
    }

    static func mustBeNumber(_ what: Self, found: Self) -> Self {
        Self(en: "\(what.en) must be a number, found \(found.en)", zh: "\(what.zh) 应为数字，实际为 \(found.zh)")
    }

    static func mustBeTrueOrFalse(_ what: Self, found: Self) -> Self {
        Self(
            en: "\(what.en) must be true or false, found \(found.en)",
            zh: "\(what.zh) 应为 true 或 false，实际为 \(found.zh)")
    }

    static let writeTrueOrFalse = Self(
        en: "write true or false (yes/no/on/off are not accepted: YAML 1.1 and 1.2 read them differently)",
        zh: "写 true 或 false（不接受 yes/no/on/off：YAML 1.1 与 1.2 对它们的解读不同）")

    static func mustBeDate(_ what: Self, found: Self) -> Self {
        Self(
            en: "\(what.en) must be a date YYYY-MM-DD, found \(found.en)",
            zh: "\(what.zh) 应为日期 YYYY-MM-DD，实际为 \(found.zh)")
    }

    static let writeCalendarDate = Self(
        en: "write the calendar date only, e.g. 2026-03-01", zh: "只写日历日期，例如 2026-03-01")

    /// "from 1900-01-01 to 2999-12-31"
    public static var dateRange: Self {
        Self(
            en: Day.inputRangeText, zh: "在 \(Day.earliestInput) 至 \(Day.latestInput) 之间")
    }

    static func dateOutOfRange(_ what: Self, found: String) -> Self {
        Self(
            en: "\(what.en) must be \(dateRange.en), found '\(found)'",
            zh: "\(what.zh) 应\(dateRange.zh)，实际为 '\(found)'")
    }

    static let datesOutsideRange = Self(
        en: "deadlines and reviews are computed from dates; outside these years they would not be valid dates",
        zh: "整改期限和复核日期由日期推算；超出这些年份，推算出的将不是有效日期")

    static func hasNoText(_ what: Self) -> Self {
        Self(en: "\(what.en) has no text", zh: "\(what.zh) 没有文本")
    }

    static let writeZhEn = Self(en: "write {zh: …, en: …}", zh: "写成 {zh: …, en: …}")

    static func mustBeTextOrZhEn(_ what: Self, found: Self) -> Self {
        Self(
            en: "\(what.en) must be text or {zh: …, en: …}, found \(found.en)",
            zh: "\(what.zh) 应为文本或 {zh: …, en: …}，实际为 \(found.zh)")
    }

    static func fullWidthCommaBetweenIDs(in what: Self, readAs parts: [String]) -> Self {
        let list = parts.map { "'\($0)'" }.joined(separator: ", ")
        return Self(
            en: "full-width comma (全角逗号) between ids in \(what.en): read as \(list)",
            zh: "\(what.zh) 中的 id 之间是全角逗号：读作 \(list)")
    }

    static func separateIDsWithComma(_ parts: [String]) -> Self {
        let list = parts.joined(separator: ", ")
        return Self(
            en: "separate ids with ',' (half-width), e.g. [\(list)]", zh: "id 之间用半角逗号 ',' 分隔，例如 [\(list)]")
    }

    static let removeQuotesAroundNumber = Self(
        en: "remove the quotes around the number", zh: "去掉数字两边的引号")

    static let spaceAfterColon = Self(
        en: "put a space after the colon ('key: value')", zh: "在冒号后加一个空格（'key: value'）")
}
