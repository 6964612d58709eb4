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

    /// Written directly or not, a list is the bytes JSONEncoder writes for it (the column compared to the byte).
    @Test(arguments: lists + [["a\u{7F}b"], ["\u{2028}", "\u{FEFF}x"], ["SP-02", "E 1", "日-3"]])
    func aListIsWrittenAsJSONEncoderWritesIt(_ list: [String]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(JSONText.encode(list) == String(decoding: try encoder.encode(list), as: UTF8.self))
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

/// Flat objects (a certificate's scope, its rating names) are read directly when they hold only strings, lists of
/// strings and null; anything else is left to the general reader (nil), never read differently from it.
@Suite struct FlatObjectTests {
    @Test func theRegistersOwnAndOtherWritersFormsAreRead() {
        let expected: [String: JSONText.FlatValue] = [
            "sites": .strings(["总部", "华东 / 仓库"]), "product_categories": .strings([]), "profile": .null,
        ]
        for text in [
            #"{"sites":["总部","华东 / 仓库"],"product_categories":[],"profile":null}"#,
            #"{"sites": ["总部", "华东 / 仓库"], "product_categories": [], "profile": null}"#,
            "{\n  \"product_categories\" : [\n  ],\n  \"profile\" : null,\n  \"sites\" : [\n    \"总部\",\n    \"华东 / 仓库\"\n  ]\n}",
        ] {
            #expect(JSONText.flatObject(text) == expected, "\(text)")
        }
        #expect(JSONText.flatObject(#"{"zh": "合格", "en": "Pass"}"#) == ["zh": .string("合格"), "en": .string("Pass")])
        #expect(JSONText.flatObject("{}") == [:])
    }

    @Test(arguments: [
        #"{"a": 1}"#, #"{"a": true}"#, #"{"a": {"b": "c"}}"#, #"{"a": ["b", 1]}"#, #"{"a": "\u0041"}"#,
        #"{"a": "x\"y"}"#, #"{"a": "b",}"#, #"{"a": "b""#, #"{"a": "b"} x"#, #"{"a": "b", "a": "c"}"#,
        #"["a"]"#, "", "null", #"{"a": nul}"#, #"{"a" "b"}"#, #"{"a": ["b",]}"#,
    ])
    func anythingElseIsLeftToTheGeneralReader(_ text: String) {
        #expect(JSONText.flatObject(text) == nil)
    }

    @Test func aScopeReadsAsTheDecoderReadsIt() throws {
        for text in [
            #"{"sites": ["总部"], "product_categories": ["空调"], "profile": null}"#,
            #"{"sites": ["总部"], "profile": "sales-service"}"#, #"{"product_categories": null}"#, "{}",
            #"{"sites": "总部"}"#, #"{"sites": ["a\"b"]}"#,
        ] {
            let decoded = try? JSONDecoder().decode(StoredScope.self, from: Data(text.utf8))
            let direct = JSONText.flatObject(text).flatMap(StoredScope.init)
            if let direct {
                #expect(direct.sites == decoded?.sites && direct.productCategories == decoded?.productCategories)
                #expect(direct.profile == decoded?.profile)
            }
            if let decoded {
                let read = StoredScope.read(text)
                #expect(read.sites == decoded.sites, "\(text)")
                #expect(read.productCategories == decoded.productCategories, "\(text)")
                #expect(read.profile == decoded.profile, "\(text)")
            }
        }
        #expect(JSONText.flatObject(#"{"sites": "总部"}"#).flatMap(StoredScope.init) == nil)
    }
}
