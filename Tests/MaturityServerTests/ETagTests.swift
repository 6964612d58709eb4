import Foundation
import Testing

@testable import MaturityServer

/// The version an edit's If-Match names, read as it always was (Foundation's trimming, kept here as the oracle).
@Suite struct ETagTests {
    /// What the server read before it read a scalar at a time.
    static func trimmed(_ value: String) -> Int? {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return Int(text)
    }

    static let values = [
        "\"3\"", "W/\"3\"", "3", " \"12\" ", "\t\"7\"\t", "\u{3000}\"5\"\u{00A0}", "\"\"\"4\"\"", "W/3", "w/\"3\"",
        "\"-1\"", "\"+2\"", "\"3 \"", "\" 3\"", "\"3", "3\"", "", "\"\"", "W/", "W/\"\"", "\"x\"", "\"3\"\n",
        "\"99999999999999999999\"", "\"٣\"", "W/ \"3\"", " W/\"3\"", "\"3\" ,\"4\"", "*",
        "\u{200B}\"3\"\u{200B}", "\u{180E}3", "\u{FEFF}3", "\u{85}3", "\u{2028}3", "\u{1680}3\u{202F}", "\u{205F}3",
        "\u{2000}\u{200A}3", "\u{200C}3", "W/\u{301}\"3\"",
    ]

    @Test(arguments: values)
    func theVersionIsReadAsFoundationsTrimmingReadIt(_ value: String) {
        #expect(ETag.version(value) == Self.trimmed(value), "\(value.debugDescription)")
    }

    @Test func theFormsAnEditorSendsAreRead() {
        #expect(ETag.version("\"3\"") == 3)
        #expect(ETag.version("W/\"3\"") == 3)
        #expect(ETag.version(" 12 ") == 12)
        #expect(ETag.version(ETag.of(41)) == 41)
        #expect(ETag.version("\"x\"") == nil)
        #expect(ETag.version("*") == nil)
    }
}
