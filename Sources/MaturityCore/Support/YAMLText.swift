/// Writing YAML scalars that read back exactly as written.
public enum YAMLText {
    /// A double-quoted YAML string with every special character escaped.
    public static func quoted(_ text: String) -> String {
        // Most texts need no escape: written in one piece, not a scalar at a time (slow for a long note).
        if !text.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || mustEscape($0) }) {
            return "\"" + text + "\""
        }
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
        var previous = first
        var dashOrColon = false
        // Digits, letters and `._+-` only: what YAML readers may take for a number (`1_000`, `.inf`, `0o17`).
        var numberLike = first == "." || first == "+" || ("0"..."9").contains(first)
        while let scalar = scalars.next() {
            if mustEscape(scalar) { return false }
            // ": " starts a mapping value and " #" a comment, whatever follows them.
            if (previous == ":" && scalar == " ") || (previous == " " && scalar == "#") { return false }
            if scalar == ":" || scalar == "-" { dashOrColon = true }
            if numberLike,
                !scalar.isASCII || !(scalar.properties.isAlphabetic || "0123456789._+-".unicodeScalars.contains(scalar))
            {
                numberLike = false
            }
            count += 1
            previous = scalar
        }
        if previous == " " || previous == ":" { return false }
        // Lowercasing never shortens a string: only a short one can become a reserved word.
        if count <= 5, reserved.contains(text.lowercased()) { return false }
        if numberLike { return false }
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
