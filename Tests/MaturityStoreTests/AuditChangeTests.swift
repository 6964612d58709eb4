import Foundation
import Testing

@testable import MaturityStore

/// What the audit trail records of an update: the columns whose values changed, old and new, as sorted JSON,
/// secrets hidden. Read from the texts of the values that differ only, it must say what reading both rows whole
/// says.
@Suite struct AuditChangeTests {
    /// The answer of reading both rows whole (what the trail recorded before values were read by their text).
    static func whole(_ old: String, _ new: String) -> (String?, String?) {
        func object(_ text: String) -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        }
        let (before, after) = (object(old), object(new))
        var a: [String: Any] = [:]
        var b: [String: Any] = [:]
        for key in Set(before.keys).union(after.keys) {
            let x = before[key] as? NSObject ?? NSNull()
            let y = after[key] as? NSObject ?? NSNull()
            if !x.isEqual(y) {
                a[key] = AuditTrail.isSecret(key) ? "(hidden)" : x
                b[key] = AuditTrail.isSecret(key) ? "(hidden)" : y
            }
        }
        return a.isEmpty ? (nil, nil) : (AuditTrail.json(a), AuditTrail.json(b))
    }

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
        let expected = Self.whole(old, new)
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
