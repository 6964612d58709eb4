import Foundation
import MaturityCore
import Testing

/// The JSON reader behind result files: RFC 8259 values, and the line and column of each.
@Suite struct JSONDocumentTests {
    func parse(_ text: String) throws -> JSONDocument.Node {
        try JSONDocument.parse(data: Data(text.utf8), file: "x.json").root
    }

    func error(_ text: String) -> String {
        do {
            _ = try JSONDocument.parse(data: Data(text.utf8), file: "x.json")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func readsEveryKindOfValue() throws {
        let root = try parse(#"{"a": [1, -2.5, 3e2, 0.125E-1], "b": true, "c": false, "d": null, "e": "x"}"#)
        guard case .array(let numbers)? = root["a"]?.value else {
            Issue.record("not an array")
            return
        }
        #expect(numbers.map(\.value) == [.number(1), .number(-2.5), .number(300), .number(0.0125)])
        #expect(root["b"]?.value == .bool(true))
        #expect(root["c"]?.value == .bool(false))
        #expect(root["d"]?.value == .null)
        #expect(root["e"]?.value == .string("x"))
        #expect(root["f"] == nil)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let root = try parse(#"{"s": "q\"b\\s\/n\nt\tu\u00e9\u4e2d\ud83d\ude00"}"#)
        #expect(root["s"]?.value == .string("q\"b\\s/n\nt\tué中😀"))
    }

    @Test func locatesValuesByLineAndColumnInCharacters() throws {
        let root = try parse("{\n  \"名称\": \"华东\",\n  \"n\": 5\n}")
        #expect(root.location == SourceLocation(file: "x.json", line: 1, column: 1))
        #expect(root["名称"]?.location == SourceLocation(file: "x.json", line: 2, column: 9))
        #expect(root["n"]?.location == SourceLocation(file: "x.json", line: 3, column: 8))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "x.json:1:9: error: unexpected character '}': a key in double quotes is expected"),
        ("[1, 2", "x.json:1:6: error: unexpected end of file: ']' is expected"),
        ("{\"a\": 01}", "x.json:1:8: error: unexpected character '1': ',' or '}' is expected"),
        ("{\"a\": -}", "x.json:1:7: error: invalid number"),
        ("{\"a\": 1.}", "x.json:1:7: error: invalid number"),
        ("{\"a\": tru}", "x.json:1:7: error: unexpected character 't': a JSON value is expected"),
        ("{\"a\": \"\\ud800\"}", "x.json:1:14: error: invalid \\u escape: a high surrogate without its low surrogate"),
        ("{} {}", "x.json:1:4: error: unexpected character '{' after the JSON value"),
        ("  \n ", "x.json:1:1: error: file is empty\n  hint: a JSON object is expected"),
        ("{\"a\": 1e999}", "x.json:1:7: error: invalid number"),
    ])
    func refusesWhatIsNotJSON(text: String, message: String) {
        #expect(error(text) == message)
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error(deep) == "x.json:1:65: error: nesting deeper than 64 levels")
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(error(fine) == "no error")
    }
}
