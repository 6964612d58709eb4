import Foundation
import MaturityStore

/// Answers sent most often, written as JSON directly — the very bytes ``JSONBody`` writes for them (keys sorted,
/// slashes unescaped), held to it by tests — when no text in them needs escaping; through ``JSONBody`` otherwise.
/// Foundation's encoder was a fifth of the server's time listing organisations and a fiftieth of saving a claim.
enum DirectJSON {
    /// Whether `text` is written between quotes as it is (`JSONText.plain`).
    static func plain(_ text: String) -> Bool { JSONText.plain(text) }

    /// Whether `text` is absent or plain.
    static func plain(_ text: String?) -> Bool { text.map(JSONText.plain) ?? true }

    /// An object's members in the order given (the caller gives them sorted), each value written already.
    struct Object {
        private var text = "{"
        private var empty = true

        mutating func member(_ key: String, _ written: String) {
            text += empty ? "\"" : ",\""
            empty = false
            text += key
            text += "\":"
            text += written
        }

        mutating func string(_ key: String, _ value: String) {
            member(key, "\"" + value + "\"")
        }

        var closed: String { text + "}" }
    }
}

extension CriterionRecord {
    /// The entry as ``JSONBody`` writes it (see ``DirectJSON``); points (`earned`) always through the encoder, whose
    /// way of writing a fraction is its own.
    var body: JSONBody {
        guard earned == nil, auditedEarned == nil, DirectJSON.plain(criterion), DirectJSON.plain(note),
            DirectJSON.plain(na)
        else { return JSONBody(self) }
        func written(_ sample: SampleRecord) -> String {
            #"{"conforming":"# + String(sample.conforming) + #","size":"# + String(sample.size) + "}"
        }
        var object = DirectJSON.Object()
        if let audited { object.member("audited", String(audited)) }
        if let auditedSample { object.member("audited_sample", written(auditedSample)) }
        if let claimed { object.member("claimed", String(claimed)) }
        object.string("criterion", criterion)
        object.member("evidence", JSONText.encode(evidence))
        if let na { object.string("na", na) }
        if let note { object.string("note", note) }
        object.member("position", String(position))
        if let sample { object.member("sample", written(sample)) }
        object.member("version", String(version))
        return JSONBody(raw: Data(object.closed.utf8))
    }
}
