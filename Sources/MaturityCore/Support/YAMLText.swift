/// Writing YAML scalars that read back exactly as written.
public enum YAMLText {
    /// A double-quoted YAML string with every special character escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if mustEscape(scalar) {
                    out += "\\u" + Hex.four(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A plain scalar when it reads back as the same string, else quoted.
    public static func scalar(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        return quoted(text)
    }

    /// Whether `text` reads back as itself written plain. One pass over its scalars (a search by characters
    /// would break every long Chinese title into graphemes); the checks that need more run only when a
    /// scalar that could trip them is there.
    static func isPlainSafe(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        if "-?:,[]{}#&*!|>'\"%@` ".unicodeScalars.contains(first) || mustEscape(first) { return false }
        var count = 1
        var last = first
        var marks = first == "#"
        var dashOrColon = false
        while let scalar = scalars.next() {
            if mustEscape(scalar) { return false }
            switch scalar {
            case ":": (marks, dashOrColon) = (true, true)
            case "#": marks = true
            case "-": dashOrColon = true
            default: break
            }
            count += 1
            last = scalar
        }
        if last == " " || last == ":" { return false }
        // Lowercasing never shortens a string: only a short one can become a reserved word.
        if count <= 5, reserved.contains(text.lowercased()) { return false }
        if marks, text.contains(": ") || text.contains(" #") { return false }
        // Numbers are ASCII; `inf` and `nan` start with letters.
        if first.isASCII, Double(text) != nil || Int(text) != nil { return false }
        // Dates and times would be re-read as timestamps by other YAML tools.
        if dashOrColon, text.first?.isNumber == true { return false }
        return true
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    /// A comment block: every line prefixed with `# `, control characters and other line breaks removed.
    public static func comment(_ text: String, indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            indent + "# " + oneLine(String(line))
        }.joined(separator: "\n")
    }

    /// `text` fit for one line of YAML outside quotes (a comment): every character a YAML reader would
    /// refuse there or read as a line break becomes a space.
    public static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { mustEscape($0) || $0 == "\t" ? " " : $0 }))
    }

    /// Whether a character must be written as an escape in a double-quoted YAML string: what YAML does not
    /// count as printable (C0 and C1 controls, DEL, U+FFFE, U+FFFF), the byte order mark, and the
    /// characters YAML 1.1 readers (libyaml) take as line breaks (U+0085, U+2028, U+2029).
    public static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0..<0x20, 0x7F...0x9F: return true
        case 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
