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

    @Test func aSyntaxErrorIsADiagnosticWithItsPlace() {
        #expect(throws: DiagnosticError.self) { try JSONValue.parse(Data("{\n  \"a\": [1, 2\n}".utf8), file: "r.json") }
        do {
            _ = try JSONValue.parse(Data("{\n  \"a\": [1, 2\n}".utf8), file: "r.json")
        } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(file: "r.json", line: 3, column: 1))
        }
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
