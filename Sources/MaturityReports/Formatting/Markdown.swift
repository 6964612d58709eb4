import MaturityCore

/// Escaping for text from users' files placed in Markdown.
public enum Markdown {
    /// A table cell: pipes escaped, line breaks made `<br>`, HTML neutralised.
    public static func cell(_ text: String) -> String {
        inline(text)
    }

    /// Inline text: no raw HTML, no line breaks that would end a block, markup characters escaped.
    /// `<` and `&` are escaped only where they could start a tag or an entity, so "54 < 60" stays readable.
    public static func inline(_ text: String) -> String {
        let characters = Array(
            TerminalSafe.clean(
                text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\u{E000}")))
        var out = ""
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            switch character {
            case "\u{E000}": out += "<br>"
            case "<" where next.isLetter || next == "/" || next == "!" || next == "?": out += "&lt;"
            case "&" where next.isLetter || next == "#": out += "&amp;"
            case ">" where out.isEmpty: out += "&gt;"
            case "#" where out.isEmpty, "-" where out.isEmpty, "+" where out.isEmpty: out += "\\" + String(character)
            case "\\", "`", "*", "_", "[", "]", "|": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
