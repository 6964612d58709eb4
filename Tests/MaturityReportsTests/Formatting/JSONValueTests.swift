import MaturityCore
import MaturityReports
import Testing

@Suite struct JSONValueTests {
    @Test func sortsKeysAndEscapesStrings() {
        let value = JSONValue.object(["b": .number(1.5), "a": .string("x\"y\n\u{1}"), "c": .array([])])
        #expect(value.rendered() == "{\n  \"a\": \"x\\\"y\\n\\u0001\",\n  \"b\": 1.5,\n  \"c\": []\n}\n")
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
}
