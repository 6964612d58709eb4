import Foundation
import Testing
import Yams

@testable import MaturityCore

/// `YAMLText.scalar` writes a text plain only when a YAML reader gives the same text back, and quoted otherwise;
/// either way the value read back is the text.
@Suite struct YAMLTextTests {
    static let plain = [
        "plain text", "SP-02", "E01", "华东家电服务有限公司", "李伟", "record", "a:b", "a#b", "x-1", "Übung", "日-3",
        "零件", "note. done", "path/to/file.pdf",
    ]
    static let quoted = [
        "", "yes", "No", "TRUE", "off", "~", "y", "null", "2026-01-01", "12:30", "1-2", "42", "-5", "0x1F", ".5", "1e3",
        "nan", "inf", "Infinity", "a: b", "a #b", "x:", "trailing ", " leading", "-dash", "?q", ":c", "#c", "&a", "*a",
        "!t", "|l", ">f", "'s", "\"d", "%p", "@a", "`b", "[x", "{x", ",x", "line\nbreak", "tab\there", "a\u{2028}b",
        "b\u{FEFF}om", "c1\u{85}", "del\u{7F}", ".inf", "+1", "0o17", "1_000", "0x_1", "5S", "a: \u{301}b",
        "a #\u{301}c",
    ]

    /// The value `key: <written>` holds when read back by the loader's YAML reader.
    static func readBack(_ written: String) throws -> String? {
        let document = try YAMLDocument.parse(data: Data("key: \(written)\n".utf8), file: "t.yaml")
        return document.root.mapping?.first(where: { $0.key.string == "key" })?.value.string
    }

    @Test(arguments: plain) func safeTextIsWrittenPlainAndReadsBack(_ text: String) throws {
        #expect(YAMLText.scalar(text) == text)
        #expect(try Self.readBack(YAMLText.scalar(text)) == text)
    }

    @Test(arguments: quoted) func otherTextIsQuotedAndReadsBack(_ text: String) throws {
        let written = YAMLText.scalar(text)
        #expect(written.hasPrefix("\"") && written.hasSuffix("\""), "\(written)")
        // (A byte order mark is escaped anywhere; the YAML reader drops one that starts a value, so none does here.)
        #expect(try Self.readBack(written) == text)
    }
}
