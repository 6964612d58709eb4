import MaturityCore
import MaturityReports
import Testing

@Suite struct JSONValueTests {
    @Test func sortsKeysAndEscapesStrings() {
        let value = JSONValue.object(["b": .number(1.5), "a": .string("x\"y\n\u{1}"), "c": .array([])])
        #expect(value.rendered() == "{\n  \"a\": \"x\\\"y\\n\\u0001\",\n  \"b\": 1.5,\n  \"c\": []\n}\n")
    }

    /// Keys are written in UTF-8 byte order: shorter prefixes first, capitals before small letters, and
    /// Chinese (three bytes from 0xE4) after ASCII; "Z" < "a" < "ab" < "b" < "~" < "é" < "中".
    @Test func keysAreSortedByTheirUTF8Bytes() {
        let keys = ["中", "b", "ab", "a", "é", "~", "Z", ""]
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.null) }))
        let written = value.rendered().split(separator: "\n").dropFirst().dropLast().map {
            String($0.split(separator: ":")[0].trimmingCharacters(in: .whitespaces).dropFirst().dropLast())
        }
        #expect(written == ["", "Z", "a", "ab", "b", "~", "é", "中"])
        #expect(written == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func roundsScoresToTwoDecimals() {
        #expect(JSONValue.score(66.666666).rendered() == "66.67\n")
        #expect(JSONValue.score(70).rendered() == "70\n")
        #expect(JSONValue.score(-0.0001).rendered() == "0\n")
    }
}

@Suite struct JSONLineSeparatorTests {
    @Test func lineSeparatorsAreEscaped() {
        #expect(JSONValue.string("a\u{2028}b\u{2029}c").rendered() == "\"a\\u2028b\\u2029c\"\n")
        #expect(JSONValue.string("中文").rendered() == "\"中文\"\n")
    }

    /// Strings are copied a run of plain bytes at a time: escapes at either end, next to each other, between
    /// multi-byte characters, and the other three-byte characters starting like U+2028 come out as one
    /// character at a time would write them.
    @Test func escapesWhereverTheyFall() {
        func oneAtATime(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\"\n"
        }
        let texts = [
            "", "plain", "\"", "\\\\", "\ttab first", "last\n", "\u{1}\u{7F}\u{1F}", "售后\"服务\"", "a…b€c\u{2028}",
            "\u{2029}", "混合\r\n行", "\u{1F600} emoji \\ end\\",
        ]
        for text in texts {
            #expect(JSONValue.string(text).rendered() == oneAtATime(text), "\(text.debugDescription)")
        }
    }
}
