/// The messages of reading a JSON file, such as a result file (JSONDocument).
extension Diagnostic.Message {
    static let resultIsUTF8JSON = Self(
        en: "a result file is the UTF-8 JSON that 'maturity assess --format json' writes",
        zh: "结果文件是 'maturity assess --format json' 写出的 UTF-8 JSON")
    static let jsonObjectExpected = Self(en: "a JSON object is expected", zh: "这里应为一个 JSON 对象")

    static func unexpectedAfterValue(_ found: Self) -> Self {
        Self(en: "unexpected \(found.en) after the JSON value", zh: "JSON 值之后出现了多余的\(found.zh)")
    }

    static func tooManyJSONValues(_ maximum: Int) -> Self {
        Self(en: "the file holds more than \(maximum) values", zh: "文件中的值超过 \(maximum) 个")
    }

    static let notAResultFile = Self(
        en: "a result of 50,000 criteria holds under 2 million; this is not a result file",
        zh: "即使有 50,000 个评价项，结果也不到 200 万个值；这不是结果文件")
    static let unexpectedEndValue = Self(
        en: "unexpected end of file: a value is expected", zh: "文件意外结束：这里应有一个值")

    static func unexpectedWhereValue(_ found: Self) -> Self {
        Self(en: "unexpected \(found.en): a JSON value is expected", zh: "意外的\(found.zh)：这里应为一个 JSON 值")
    }

    static func unexpectedWhereKey(_ found: Self) -> Self {
        Self(
            en: "unexpected \(found.en): a key in double quotes is expected", zh: "意外的\(found.zh)：这里应为双引号括起的键")
    }

    static let keepOneOfTheTwo = Self(en: "keep one of the two", zh: "只保留其中一个")

    static func unexpectedWhereColon(_ found: Self, key: String) -> Self {
        Self(
            en: "unexpected \(found.en): ':' is expected after key '\(key)'", zh: "意外的\(found.zh)：键 '\(key)' 之后应为 ':'")
    }

    static func unexpectedEnd(expecting bracket: String) -> Self {
        Self(en: "unexpected end of file: '\(bracket)' is expected", zh: "文件意外结束：这里应为 '\(bracket)'")
    }

    static func unexpectedWhereCommaOr(_ found: Self, _ bracket: String) -> Self {
        Self(
            en: "unexpected \(found.en): ',' or '\(bracket)' is expected", zh: "意外的\(found.zh)：这里应为 ',' 或 '\(bracket)'")
    }

    static let unterminatedString = Self(en: "unterminated string", zh: "字符串没有结束")
    static let lineEndsInString = Self(
        en: "unterminated string: a line ends before its closing quote", zh: "字符串没有结束：在结束引号之前就换行了")

    static func invalidEscape(_ escape: Character) -> Self {
        Self(en: "invalid escape '\\\(escape)' in a string", zh: "字符串中有无效的转义 '\\\(escape)'")
    }

    static let controlCharacterInString = Self(
        en: "control character in a string", zh: "字符串中有控制字符")
    static let writeAsEscape = Self(en: "write it as an escape such as \\t", zh: "请写成转义形式，例如 \\t")
    static let uEscapeNeedsFourDigits = Self(
        en: "invalid \\u escape: four hexadecimal digits are expected", zh: "无效的 \\u 转义：应有四位十六进制数字")
    static let highSurrogateAlone = Self(
        en: "invalid \\u escape: a high surrogate without its low surrogate", zh: "无效的 \\u 转义：高代理项后面没有低代理项")
    static let lowSurrogateAlone = Self(
        en: "invalid \\u escape: a lone low surrogate", zh: "无效的 \\u 转义：单独的低代理项")
    static let invalidNumber = Self(en: "invalid number", zh: "无效的数字")

    // What the parser found where it expected something else.
    static let endOfFile = Self(en: "end of file", zh: "文件结尾")
    static let controlCharacter = Self(en: "control character", zh: "控制字符")

    static func character(_ text: String) -> Self {
        Self(en: "character '\(text)'", zh: "字符 '\(text)'")
    }
}
