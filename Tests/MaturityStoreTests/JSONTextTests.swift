import Foundation
import Testing

@testable import MaturityStore

/// Lists of ids are read from their column without `JSONDecoder` when they are in the form `encode` writes; what
/// is read must be what `JSONDecoder` reads, for every list and for text that is not one.
@Suite struct JSONTextTests {
    static let lists: [[String]] = [
        [], [""], ["E01"], ["E01", "E02", "E03"], ["a\"b"], ["back\\slash"], ["中文", "x"], ["a,b", "]", "[", "\""],
        ["line\nbreak", "tab\t", "\u{1}"], ["/path/to"], ["emoji 🙂", "é"],
    ]

    @Test(arguments: lists) func whatEncodeWritesReadsBack(_ list: [String]) throws {
        let text = JSONText.encode(list)
        #expect(try JSONText.strings(text) == list)
        #expect(try JSONText.strings(text) == JSONDecoder().decode([String].self, from: Data(text.utf8)))
    }

    static let texts = [
        "[\"a\",\"b\"]", "[ \"a\" ]", "[\"a\",]", "[\"a\"", "\"a\"]", "[,]", "[\"a\"\"b\"]", "[\"a\",,\"b\"]", "[1]",
        "[\"\\u0041\"]", "[\"a\" , \"b\"]", "[]", "[\"]", "", "null",
    ]

    @Test(arguments: texts) func otherTextIsReadAsJSONDecoderReadsIt(_ text: String) {
        let expected = try? JSONDecoder().decode([String].self, from: Data(text.utf8))
        #expect((try? JSONText.strings(text)) == expected)
    }
}
