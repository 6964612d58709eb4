/// Text from users' files made safe for a terminal: control characters (C0, C1, DEL) and bidirectional
/// overrides become `?`, line breaks and tabs a space, so that no escape sequence runs and no line is forged.
public enum TerminalSafe {
    public static func clean(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar.value == 0x2028 || scalar.value == 0x2029 {
                out += " "
            } else if scalar.properties.generalCategory == .control || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x7F || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x061C || scalar.value == 0x200E
                || scalar.value == 0x200F
            {
                out += "?"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
