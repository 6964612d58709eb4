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
