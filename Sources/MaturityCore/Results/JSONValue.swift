/// A JSON document built in memory and written with sorted keys, so the same input gives the same bytes.
// Not `indirect`: arrays and dictionaries are on the heap already; a box per value doubles the memory.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A score or rate: rounded to 2 decimals as the rules ask.
    public static func score(_ value: Double?) -> JSONValue {
        value.map { .number(NumberText.rounded($0)) } ?? .null
    }

    public static func int(_ value: Int?) -> JSONValue {
        value.map { .number(Double($0)) } ?? .null
    }

    public static func text(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func newline(_ out: inout [UInt8], indent: Int) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(indent * 2) { out.append(UInt8(ascii: " ")) }
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): out.append(contentsOf: JSONValue.numberText(value).utf8)
        case .string(let value): JSONValue.writeString(value, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                JSONValue.newline(&out, indent: indent + 1)
                item.write(into: &out, indent: indent + 1)
                if index < items.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            JSONValue.newline(&out, indent: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                JSONValue.newline(&out, indent: indent + 1)
                JSONValue.writeString(member.key, into: &out)
                out.append(contentsOf: ": ".utf8)
                member.value.write(into: &out, indent: indent + 1)
                if index < sorted.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            JSONValue.newline(&out, indent: indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole.
            var run = 0
            var i = 0
            func flush(to end: Int) {
                if run < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<end])) }
            }
            while i < bytes.count {
                let byte = bytes[i]
                var escaped: String?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escaped = "\\\""
                case UInt8(ascii: "\\"): escaped = "\\\\"
                case UInt8(ascii: "\n"): escaped = "\\n"
                case UInt8(ascii: "\r"): escaped = "\\r"
                case UInt8(ascii: "\t"): escaped = "\\t"
                case 0..<0x20, 0x7F:
                    let hex = String(byte, radix: 16)
                    escaped = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2
                where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 and U+2029 are valid JSON but end lines in JavaScript; escape them too.
                    escaped = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: break
                }
                if let escaped {
                    flush(to: i)
                    out.append(contentsOf: escaped.utf8)
                    run = i + width
                }
                i += width
            }
            flush(to: bytes.count)
        }
        out.append(UInt8(ascii: "\""))
    }
}
