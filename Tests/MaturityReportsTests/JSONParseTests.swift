import Foundation
import MaturityCore
import MaturityReports
import Testing

@Suite struct JSONParseTests {
    @Test func aRenderedResultParsesBackToTheSameBytes() throws {
        let (result, _) = try Fixtures.scored()
        let text = ResultJSON.render(result)
        let parsed = try JSONValue.parse(Data(text.utf8))
        #expect(parsed.rendered() == text)
    }

    @Test func escapesAndUnicodeRoundTrip() throws {
        let value = JSONValue.object([
            "text": .string("引号\"、反斜杠\\、换行\n、制表\t、😀、\u{2028}"), "n": .number(-12.5e-3), "ok": .bool(true),
            "none": .null,
        ])
        #expect(try JSONValue.parse(Data(value.rendered().utf8)) == value)
        #expect(try JSONValue.parse(Data(#"{"s": "\ud83d\ude00"}"#.utf8))["s"]?.stringValue == "😀")
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 1, 9, "expected a key"),
        ("{\"a\": 1,\n \"a\": 2}", 2, 2, "duplicate key 'a'"),
        (#"[1, 2"#, 1, 6, "unexpected end of file; expected ']'"),
        (#"{"a": tru}"#, 1, 7, "unexpected word; expected 'true'"),
        (#""\ud800""#, 1, 8, "unpaired surrogate"),
        ("{} x", 1, 4, "unexpected text after the JSON value"),
    ])
    func malformedJSONIsLocated(text: String, line: Int, column: Int, message: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Data(text.utf8)) }
        do {
            _ = try JSONValue.parse(Data(text.utf8))
        } catch {
            #expect(error.message == message)
            #expect((error.line, error.column) == (line, column))
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Data(text.utf8)) }
    }
}

@Suite struct JSONDiffTests {
    @Test func arraysOfObjectsWithIdsAreComparedById() {
        let old = JSONValue.object([
            "overall": .number(80),
            "criteria": .array([
                .object(["id": .string("SP-01"), "level": .number(4)]),
                .object(["id": .string("SP-02"), "level": .number(3)]),
            ]),
        ])
        let new = JSONValue.object([
            "overall": .number(82.5),
            "criteria": .array([
                .object(["id": .string("SP-02"), "level": .number(3)]),
                .object(["id": .string("SP-01"), "level": .number(5)]),
            ]),
        ])
        #expect(
            JSONDiff.changes(from: old, to: new).map(\.description) == [
                "criteria[SP-01].level: 4 → 5", "overall: 80 → 82.5",
            ])
    }

    @Test func identicalDocumentsHaveNoChanges() throws {
        let (result, _) = try Fixtures.scored()
        let json = try JSONValue.parse(Data(ResultJSON.render(result).utf8))
        #expect(JSONDiff.changes(from: json, to: json).isEmpty)
    }
}
