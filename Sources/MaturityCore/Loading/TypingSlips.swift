import Foundation

/// Slips people make typing YAML by hand — punctuation a Chinese input method puts where YAML wants its
/// own, and a `{}` or `[]` left in place above the items written under it — found where they are, so the
/// message names them instead of a parser error on some later line.
enum TypingSlips {
    /// A full-width character and the ASCII one YAML needs in its place.
    struct FullWidth {
        let character: Character
        let replacement: String
        let name: Diagnostic.Message
    }

    static let bracket = Diagnostic.Message(en: "full-width bracket (全角方括号)", zh: "全角方括号")
    static let brace = Diagnostic.Message(en: "full-width brace (全角花括号)", zh: "全角花括号")
    static let colon = FullWidth(
        character: "：", replacement: ":", name: .init(en: "full-width colon (全角冒号)", zh: "全角冒号"))
    static let space = FullWidth(
        character: "\u{3000}", replacement: " ", name: .init(en: "full-width space (全角空格)", zh: "全角空格"))
    static let openBracket = FullWidth(character: "【", replacement: "[", name: bracket)
    static let closeBracket = FullWidth(character: "】", replacement: "]", name: bracket)
    static let openBrace = FullWidth(character: "｛", replacement: "{", name: brace)
    static let closeBrace = FullWidth(character: "｝", replacement: "}", name: brace)
    static let comma = FullWidth(
        character: "，", replacement: ",", name: .init(en: "full-width comma (全角逗号)", zh: "全角逗号"))

    static func diagnostic(_ slip: FullWidth, line: Int, column: Int, file: String) -> Diagnostic {
        let at = SourceLocation(file: file, line: line, column: column)
        if slip.character == space.character {
            return .error(
                .fullWidthInIndentation(slip.name, slip.character), at: at, hint: .indentWithOrdinarySpaces)
        }
        return .error(
            .fullWidthWhereYAMLNeeds(slip.name, slip.character, slip.replacement), at: at,
            hint: .typeHalfWidth(slip.replacement))
    }

    /// For a number typed with full-width digits (`４`, `８５．５`): what to type instead.
    static func fullWidthDigitsHint(_ text: String) -> Diagnostic.Message? {
        let halfWidth = String(
            text.unicodeScalars.map { scalar -> Character in
                (0xFF01...0xFF5E).contains(scalar.value)
                    ? Character(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar) : Character(scalar)
            })
        guard halfWidth != text, text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) }) else {
            return nil
        }
        return .fullWidthDigits(type: halfWidth)
    }

    /// Full-width punctuation in the places where it breaks the file's structure: indentation, the colon
    /// after a key, the brackets and braces of a list or mapping, and the commas between their items.
    /// Inside quotes, comments and ordinary text values it is just text and is left alone.
    static func fullWidthProblems(in text: String, file: String) -> [Diagnostic] {
        // Only a line holding one of these characters can hold a slip; most lines of a Chinese catalog hold
        // none (their commas and full stops are text), so the others are passed over by their bytes.
        guard text.unicodeScalars.contains(where: isSlipCandidate) else { return [] }
        var found: [Diagnostic] = []
        var number = 0
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let lineText = Substring(bytes)
            guard lineText.unicodeScalars.contains(where: isSlipCandidate) else { continue }
            let line = Array(lineText)
            var position = 0
            // Indentation, and the '- ' of list items.
            while position < line.count, line[position] == " " || line[position] == "\u{3000}" || line[position] == "-"
            {
                if line[position] == "\u{3000}" {
                    found.append(diagnostic(space, line: number, column: column(position, in: line), file: file))
                    break
                }
                position += 1
            }
            guard position < line.count, line[position] != "#" else { continue }
            // A key: a plain word, then a full-width colon.
            if let colonAt = fullWidthColon(afterKeyAt: position, in: line) {
                found.append(diagnostic(colon, line: number, column: column(colonAt, in: line), file: file))
                continue
            }
            // A value that starts with a full-width bracket or brace (`evidence: 【E1】`), and the one closing it;
            // inside a value (`note: 见【服务】页`) they are text.
            var valueStart = position
            if !"{[｛【".contains(line[position]), let colonAt = line[position...].firstIndex(of: ":"),
                colonAt + 1 < line.count, line[colonAt + 1] == " "
            {
                valueStart = colonAt + 2
            }
            var atValueStart = true
            // Where a key may start: after the `{` of a flow mapping (`{claimed：5}`) or a `,` inside one.
            var atKeyStart = false
            var open: [Character] = []
            var quote: Character?
            for cursor in valueStart..<line.count {
                let character = line[cursor]
                if let opening = quote {
                    if character == opening { quote = nil }
                    continue
                }
                if character == " " { continue }
                if character == "#", cursor > 0, line[cursor - 1] == " " { break }
                let starts = atValueStart
                let keyStarts = atKeyStart
                atValueStart =
                    "[{,".contains(character)
                    || (character == ":" && cursor + 1 < line.count && line[cursor + 1] == " ")
                atKeyStart = false
                switch character {
                case "\"" where starts, "'" where starts: quote = character
                case "[" where starts, "{" where starts:
                    open.append(character)
                    atKeyStart = character == "{"
                case "]" where open.last == "[", "}" where open.last == "{": open.removeLast()
                case ",": atKeyStart = open.last == "{" || open.last == "｛"
                case "【" where starts, "｛" where starts:
                    open.append(character)
                    atValueStart = true
                    atKeyStart = character == "｛"
                    let slip = character == "【" ? openBracket : openBrace
                    found.append(diagnostic(slip, line: number, column: column(cursor, in: line), file: file))
                case "】" where open.last == "【", "｝" where open.last == "｛":
                    open.removeLast()
                    let slip = character == "】" ? closeBracket : closeBrace
                    found.append(diagnostic(slip, line: number, column: column(cursor, in: line), file: file))
                case _ where keyStarts:
                    if let colonAt = fullWidthColon(afterKeyAt: cursor, in: line) {
                        found.append(diagnostic(colon, line: number, column: column(colonAt, in: line), file: file))
                    }
                default: continue
                }
            }
        }
        return found
    }

    /// Where a plain word starting at `position` (a key: letters, digits, `_-.@`) is followed by a full-width
    /// colon, the colon's position.
    static func fullWidthColon(afterKeyAt position: Int, in line: [Character]) -> Int? {
        var end = position
        while end < line.count, line[end].isASCII,
            line[end].isLetter || line[end].isNumber || "_-.@".contains(line[end])
        {
            end += 1
        }
        var afterKey = end
        while afterKey < line.count, line[afterKey] == " " { afterKey += 1 }
        return end > position && afterKey < line.count && line[afterKey] == "：" ? afterKey : nil
    }

    /// A character `fullWidthProblems` looks at: the full-width colon, space, brackets and braces.
    static func isSlipCandidate(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "：", "\u{3000}", "【", "】", "｛", "｝": true
        default: false
        }
    }

    /// The column of `position` counted in Unicode scalars, as every location is.
    static func column(_ position: Int, in line: [Character]) -> Int {
        line[..<position].reduce(0) { $0 + $1.unicodeScalars.count } + 1
    }

    /// `key: {}` or `key: []` followed by lines indented under it: the empty collection ends the value,
    /// so the items below cannot belong to it. Returns the place of the `{}` or `[]` nearest before `line`.
    static func emptyCollectionAboveItems(in text: String, before errorLine: Int, file: String) -> Diagnostic? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var best: Diagnostic?
        for (index, line) in lines.enumerated() where index + 1 <= errorLine {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            guard let colonAt = trimmed.firstIndex(of: ":") else { continue }
            let key = trimmed[..<colonAt]
            let value = trimmed[trimmed.index(after: colonAt)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !key.hasPrefix("#"), value == "{}" || value == "[]" else { continue }
            // The next line with content, comments aside.
            guard
                let next = lines[(index + 1)...].first(where: {
                    let content = $0.drop { $0 == " " }
                    return !content.isEmpty && !content.hasPrefix("#")
                })
            else { continue }
            let nextIndent = next.prefix { $0 == " " }.count
            guard nextIndent > indent else { continue }
            let column = line.distance(from: line.startIndex, to: line.range(of: value)?.lowerBound ?? line.startIndex)
            best = .error(
                .emptyCollectionAboveItems(String(key), value),
                at: SourceLocation(file: file, line: index + 1, column: column + 1),
                hint: .removeEmptyCollection(String(key), value))
        }
        return best
    }
}
