import Foundation
import Testing

@testable import MaturityCore

/// The shortcuts YAMLDocument takes before the general checks decide as those checks would: a YAML input of
/// whitespace alone is told apart by its bytes first, and always as its characters say; a document's nodes are
/// walked for their depth only when its indicators allow it to nest too deep.
@Suite struct YAMLDocumentShortcutsTests {
    static let texts = [
        "", " ", "\n\n\n", "\t \r\n \u{0B}\u{0C}", "\n\n\ncriteria:\n  SP-02: {claimed: 3}\n", "  x", "\u{3000}",
        "\n\u{3000}\n", "\n\u{00A0}a", " \u{301}", "\r\n\u{301}", "\u{1C}", "\n\u{85}", "\u{2028}\u{2029}", "  #",
        "\n李伟", String(repeating: "\n", count: 60) + "a",
    ]

    @Test(arguments: texts)
    func whitespaceIsWhatItsCharactersSay(_ text: String) {
        #expect(YAMLDocument.onlyWhitespace(text) == text.allSatisfy(\.isWhitespace), "\(text.debugDescription)")
    }

    @Test func aLineAfterEmptyLinesIsNotWhitespace() {
        #expect(!YAMLDocument.onlyWhitespace(String(repeating: "\n", count: 60) + "criteria:\n"))
        #expect(YAMLDocument.onlyWhitespace(" \n\t\r\n"))
        #expect(YAMLDocument.onlyWhitespace("\n\u{3000}\n"))
    }

    static let documents = [
        "a: 1\n", "criteria:\n  SP-02: {claimed: 3, evidence: [E1, E2], note: \"x\"}\n", "[[[[[]]]]]\n",
        "- - - - - x\n", "a:\n  b:\n    c:\n      d: [{e: [f]}]\n", "? [a, {b: c}]\n: - x\n  - - y\n",
        "{a: {b: {c: {d: {}}}}}\n", "- a\n- b: {c: [d, e]}\n", "x: \"no - nesting : here\"\n",
        String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\n",
        (0..<60).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " end\n",
        "[a: b]\n", "!!seq [a]\n", "{\"a\":[1]}\n", "? ? ? a\n", "- !!map {a: [b]}\n", "a: |\n  - [x\n",
    ]

    /// Never fewer indicators than the depth the document nests to.
    @Test(arguments: documents)
    func indicatorsBoundTheDepth(_ text: String) throws {
        let root = try #require(try? YAMLDocument.parse(text: text, file: "t.yaml").root)
        let depth = try #require((1...200).first { YAMLDocument.nodeDeeperThan($0, root) == nil })
        #expect(
            YAMLDocument.indicators(text, moreThan: depth - 1),
            "\(text.prefix(40).debugDescription) nests \(depth) deep")
    }

    /// At the limit: 64 nested collections are read, 65 refused, with exactly as many indicators.
    @Test func theDepthAllowedIsReadAndOneMoreRefused() {
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n"
        let deeper = String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "\n"
        #expect(!YAMLDocument.indicators(allowed, moreThan: YAMLDocument.maximumDepth))
        #expect((try? YAMLDocument.parse(text: allowed, file: "t.yaml")) != nil)
        #expect(YAMLDocument.indicators(deeper, moreThan: YAMLDocument.maximumDepth))
        #expect(throws: DiagnosticError.self) { try YAMLDocument.parse(text: deeper, file: "t.yaml") }
    }

    /// One byte order mark is left out, from bytes or from a string; a second one is text, as it always was.
    @Test func oneByteOrderMarkIsLeftOut() throws {
        let bom = "\u{FEFF}"
        let fromBytes = try YAMLDocument.parse(data: Data((bom + "a: 1\n").utf8), file: "t.yaml")
        let fromText = try YAMLDocument.parse(text: bom + "a: 1\n", file: "t.yaml")
        #expect(fromBytes.root == fromText.root && fromBytes.root.mapping?.first?.key.mark?.column == 1)
        let twice = try YAMLDocument.parse(data: Data((bom + bom + "a: 1\n").utf8), file: "t.yaml")
        #expect(twice.root.mapping?.first?.key.mark?.column == 2)
        #expect(throws: DiagnosticError.self) {
            try YAMLDocument.parse(data: Data((bom + bom + " \n").utf8), file: "t.yaml")
        }
    }

    /// Too deep is still refused, where the depth is reached by brackets, dashes or keys.
    @Test func tooDeepIsStillRefused() {
        for text in [
            String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n",
            String(repeating: "- ", count: 70) + "x\n",
            (0..<70).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " end\n",
        ] {
            #expect(throws: DiagnosticError.self) { try YAMLDocument.parse(text: text, file: "t.yaml") }
        }
    }
}
