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
