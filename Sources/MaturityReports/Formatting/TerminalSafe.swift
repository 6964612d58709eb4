/// Text from users' files, made safe for a terminal: control characters shown, not obeyed.
enum TerminalSafe {
    static func clean(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                out += " "
            } else if scalar.properties.generalCategory == .control || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x7F || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
            {
                out += "?"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
