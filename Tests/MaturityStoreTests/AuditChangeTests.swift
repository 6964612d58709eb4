import Crypto
import Foundation
import Testing

@testable import MaturityStore

/// What the audit trail records of an update: the columns whose values changed, old and new, as sorted JSON,
/// secrets hidden. Read from the texts of the values that differ only, it must say what reading both rows whole
/// says.
@Suite struct AuditChangeTests {
    static let pairs: [(String, String)] = [
        (#"{"claimed": 2, "note": "x", "version": 3}"#, #"{"claimed": 3, "note": "x", "version": 4}"#),
        (#"{"a":1,"b":"x","c":null}"#, #"{"a":1,"b":"x","c":null}"#),
        (#"{"a":1}"#, #"{"a":1.0}"#),
        (#"{"a":1}"#, #"{"a":1,"b":2}"#),
        (#"{"a":1,"b":2}"#, #"{"a":1}"#),
        (#"{"s":"a\"b,}] {[","t":1}"#, #"{"s":"a\"b,}] {[","t":2}"#),
        (#"{"s":"a\"b,}"}"#, #"{"s":"a\"c,}"}"#),
        (#"{"note":"结论：已公示\n第二行","n":null}"#, #"{"note":"结论：已公示\n第三行","n":null}"#),
        (#"{"o":{"x":[1,2],"y":"}"}}"#, #"{"o":{"x":[1,3],"y":"}"}}"#),
        (#"{"o":{"x":[1,2]}}"#, #"{ "o" : { "x" : [ 1, 2 ] } }"#),
        (#"{"password_hash":"p","name":"a"}"#, #"{"password_hash":"q","name":"b"}"#),
        (#"{"flag":true,"e":"\u00e9"}"#, #"{"flag":false,"e":"é"}"#),
        (#"{}"#, #"{"a":"1"}"#),
    ]

    @Test(arguments: pairs)
    func readingTheDifferingValuesSaysWhatReadingBothRowsSays(_ old: String, _ new: String) throws {
        let fast = try #require(AuditTrail.changedColumns(old: old, new: new), "\(old) → \(new)")
        // What the trail recorded before values were read by their text.
        let expected = try #require(AuditTrail.changedByReadingWhole(old: old, new: new))
        #expect(fast.0 == expected.0 && fast.1 == expected.1, "\(old) → \(new): \(fast) against \(expected)")
        let recorded = AuditTrail.changed(old: old, new: new, action: "update")
        #expect(recorded.0 == expected.0 && recorded.1 == expected.1)
    }

    @Test func anUpdateThatChangesOneColumnRecordsThatColumnAlone() throws {
        let (old, new) = AuditTrail.changed(
            old: #"{"claimed": 2, "note": "x", "version": 3}"#, new: #"{"claimed": 3, "note": "x", "version": 4}"#,
            action: "update")
        #expect(old == #"{"claimed":2,"version":3}"#)
        #expect(new == #"{"claimed":3,"version":4}"#)
    }

    static let columns = ["claimed", "audited", "note", "na", "sample_size", "password_hash", "e", "position", "a_b"]
    static let values = [
        "0", "1", "-1", "10", "-0", "1.0", "1e2", "2.5", "123456789012345678", "1234567890123456789", "null", "true",
        "false", #""""#, #""x""#, #""X y""#, #""a/b""#, #""a\/b""#, #""a\"b""#, #""a\nb""#, #""\u00e9""#, #""é""#,
        "\"e\u{301}\"", #""中文""#, "\"\u{2028}🧾\"", #""<>&'""#, #""1""#, #""null""#, "[1,2]", #"{"x":[1,"}"]}"#,
        #"["a/b"]"#, "[ 1 ]", "[1]",
    ]

    /// Rows as a trigger writes them (the same columns in the same order), values of every kind the texts may
    /// hold: the record written from the texts is the one reading both rows whole writes, to the byte.
    @Test func recordsWrittenFromTheTextsAreTheRecordsOfTheWholeReading() throws {
        var generator = SystemRandomNumberGenerator()
        var inPlace = 0
        for _ in 0..<3000 {
            let columns = Self.columns.shuffled(using: &generator).prefix(Int.random(in: 1...6, using: &generator))
            let old = columns.map { ($0, Self.values.randomElement(using: &generator)!) }
            let new = old.map { column, value in
                (
                    column,
                    Int.random(in: 0..<3, using: &generator) == 0
                        ? Self.values.randomElement(using: &generator)! : value
                )
            }
            func text(_ row: [(String, String)]) -> String {
                "{" + row.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
            }
            let (a, b) = (text(old), text(new))
            let expected = try #require(AuditTrail.changedByReadingWhole(old: a, new: b))
            let recorded = try #require(AuditTrail.changedColumns(old: a, new: b))
            #expect(recorded.0 == expected.0 && recorded.1 == expected.1, "\(a) → \(b)")
            let (x, y) = (try #require(RawJSONObject(a)), try #require(RawJSONObject(b)))
            if let fast = AuditTrail.changedInPlace(x, y) {
                inPlace += 1
                #expect(fast.0 == expected.0 && fast.1 == expected.1, "\(a) → \(b): \(fast) against \(expected)")
            }
        }
        // Most pairs are written from their texts (the rest are left to the whole reading).
        #expect(inPlace > 1000)
    }

    @Test func aChangeOfPlainValuesIsWrittenFromTheTexts() throws {
        let old = try #require(RawJSONObject(#"{"version":3,"note":"a","password_hash":"p","claimed":null}"#))
        let new = try #require(RawJSONObject(#"{"version":4,"note":"a","password_hash":"q","claimed":2}"#))
        let fast = try #require(AuditTrail.changedInPlace(old, new))
        #expect(fast.0 == #"{"claimed":null,"password_hash":"(hidden)","version":3}"#)
        #expect(fast.1 == #"{"claimed":2,"password_hash":"(hidden)","version":4}"#)
    }

    @Test(arguments: [#"[1]"#, #"{"a":1"#, #"{"a":}"#, #"{"a":1} x"#, #"{"a\"b":1}"#, #"{"s":"open}"#, ""])
    func textsThatAreNotPlainObjectsAreLeftToTheWholeReading(_ text: String) {
        #expect(RawJSONObject(text) == nil, "\(text)")
    }
}

/// Every record's hash is taken of its fields as `JSONEncoder` writes them; the fields are now written directly,
/// and must be the same bytes, or no record sealed before would verify.
@Suite struct AuditHashTests {
    static let alphabet: [String] =
        (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
            "\u{7f}", "\"", "\\", "/", "a", "Z", "0", " ", "{", "}", "[", "]", ",", ":", "é", "e\u{301}", "中", "文",
            "🧾", "\u{2028}", "\u{2029}", "\u{feff}", "<", ">", "&", "'", "\u{85}", "\u{a0}",
        ]

    @Test func fieldsAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let fields: [String?] = (0..<Int.random(in: 0...11, using: &generator)).map { _ in
                if Int.random(in: 0..<8, using: &generator) == 0 { return nil }
                return (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                    Self.alphabet.randomElement(using: &generator)!
                }.joined()
            }
            let expected = try JSONEncoder().encode(fields)
            #expect(AuditEntry.hashed(fields) == expected, "\(fields)")
        }
    }

    @Test func aRecordsHashIsTheDigestOfItsFields() throws {
        let record = AuditEntry(
            seq: 7, at: "2026-12-03T16:00:00Z", actor: "张三", via: "session ab12", action: "update",
            objectKind: "criterion_entries", objectId: "a/SP-02", oldValue: #"{"claimed":2}"#,
            newValue: #"{"claimed":3}"#, prevHash: AuditTrail.genesis, hash: "")
        let fields: [String?] = [
            "7", record.at, record.actor, record.via, record.action, record.objectKind, record.objectId,
            record.oldValue, record.newValue, record.prevHash,
        ]
        let digest = SHA256.hash(data: try JSONEncoder().encode(fields)).map { String(format: "%02x", $0) }.joined()
        #expect(record.computedHash == digest)
    }
}
