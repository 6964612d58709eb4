/// The differences between two JSON documents, as paths a person can read:
/// `overall`, `criteria[SP-01].level`, `domains[service-process].score`.
public enum JSONDiff {
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        /// nil when the member is absent on that side.
        public var old: JSONValue?
        public var new: JSONValue?

        public var description: String {
            "\(path): \(Self.show(old)) → \(Self.show(new))"
        }

        public static func show(_ value: JSONValue?) -> String {
            guard let value else { return "(absent)" }
            switch value {
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .number(let n): return NumberText.plain(n, decimals: 6)
            case .string(let s): return "'\(s.count > 60 ? String(s.prefix(60)) + "…" : s)'"
            case .array(let items): return "[\(items.count) items]"
            case .object: return "{…}"
            }
        }
    }

    /// Every leaf that differs from `old` to `new`; arrays of objects with an `id` are matched by id.
    public static func changes(from old: JSONValue, to new: JSONValue, at path: String = "") -> [Change] {
        switch (old, new) {
        case (.object(let a), .object(let b)):
            var out: [Change] = []
            for key in Set(a.keys).union(b.keys).sorted() {
                let sub = path.isEmpty ? key : path + "." + key
                switch (a[key], b[key]) {
                case (let x?, let y?): out += changes(from: x, to: y, at: sub)
                case (let x, let y): out.append(Change(path: sub, old: x, new: y))
                }
            }
            return out
        case (.array(let a), .array(let b)):
            if let ka = keyed(a), let kb = keyed(b) {
                var out: [Change] = []
                var order = ka.map(\.0)
                for (id, _) in kb where !order.contains(id) { order.append(id) }
                let da = Dictionary(ka, uniquingKeysWith: { x, _ in x })
                let db = Dictionary(kb, uniquingKeysWith: { x, _ in x })
                for id in order {
                    let sub = "\(path)[\(id)]"
                    switch (da[id], db[id]) {
                    case (let x?, let y?): out += changes(from: x, to: y, at: sub)
                    case (let x, let y): out.append(Change(path: sub, old: x, new: y))
                    }
                }
                return out
            }
            if a.count != b.count { return [Change(path: path, old: old, new: new)] }
            return zip(a, b).enumerated().flatMap { i, pair in changes(from: pair.0, to: pair.1, at: "\(path)[\(i)]") }
        default:
            return old == new ? [] : [Change(path: path, old: old, new: new)]
        }
    }

    /// The items by their `id`, when every item is an object with a distinct text id.
    static func keyed(_ items: [JSONValue]) -> [(String, JSONValue)]? {
        var out: [(String, JSONValue)] = []
        var seen = Set<String>()
        for item in items {
            guard let id = item["id"]?.stringValue, seen.insert(id).inserted else { return nil }
            out.append((id, item))
        }
        return out.isEmpty ? nil : out
    }
}
