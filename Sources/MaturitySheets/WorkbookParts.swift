/// Readers of the small parts that say where the sheets are and how to read their cells.

/// A relationships part (`*.rels`): id → type, target, and whether the target is outside the package.
final class RelationshipsHandler: XMLPartHandler {
    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    var relationships: [Relationship] = []

    func start(_ name: String, _ attributes: [String: String]) -> Bool {
        if name == "Relationship" {
            relationships.append(
                Relationship(
                    id: attributes["Id"] ?? "", type: attributes["Type"] ?? "", target: attributes["Target"] ?? "",
                    external: attributes["TargetMode"]?.lowercased() == "external"))
        }
        return true
    }

    func end(_ name: String) -> Bool { true }
    func text(_ text: String) {}
}

/// `xl/workbook.xml`: the sheets in order and the date system.
final class WorkbookHandler: XMLPartHandler {
    struct SheetEntry {
        var name: String
        var relationship: String
    }

    var sheets: [SheetEntry] = []
    var uses1904 = false

    func start(_ name: String, _ attributes: [String: String]) -> Bool {
        switch name {
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            uses1904 = value == "1" || value == "true"
        case "sheet":
            sheets.append(SheetEntry(name: attributes["name"] ?? "", relationship: attributes["id"] ?? ""))
        default:
            break
        }
        return true
    }

    func end(_ name: String) -> Bool { true }
    func text(_ text: String) {}
}

/// `xl/styles.xml`: which cell formats show a number as a date.
final class StylesHandler: XMLPartHandler {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    var inCellFormats = false

    func start(_ name: String, _ attributes: [String: String]) -> Bool {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }) {
                customFormats[id] = attributes["formatCode"] ?? ""
            }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default:
            break
        }
        return true
    }

    func end(_ name: String) -> Bool {
        if name == "cellXfs" { inCellFormats = false }
        return true
    }

    func text(_ text: String) {}

    /// Per cell format index: whether it shows a date.
    var dateStyles: [Bool] {
        cellFormats.map { id in
            if let code = customFormats[id] { return StylesHandler.isDateFormat(code) }
            return StylesHandler.builtInDateFormats.contains(id)
        }
    }

    /// Per cell format index: whether it shows a percentage (the value 0.926 shown as 92.6%).
    var percentStyles: [Bool] {
        cellFormats.map { id in
            if let code = customFormats[id] { return StylesHandler.plainPart(code).contains("%") }
            return id == 9 || id == 10
        }
    }

    /// Built-in number formats that show a date (with or without a time): ECMA-376 §18.8.30, with the
    /// East Asian ones (27–36, 50–58) as Chinese Excel and WPS use them.
    static let builtInDateFormats: Set<Int> = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]

    /// Whether a format code shows a date: after quoted text, escaped characters and `[…]` sections
    /// are removed, it still has a year or day token (`y`, `d`) and no digit placeholder.
    static func isDateFormat(_ code: String) -> Bool {
        let plain = plainPart(code)
        let lower = plain.lowercased()
        // A number format with a date-looking section (`0.00;[Red]-0.00`) has no y or d left.
        return lower != "general" && lower.contains { $0 == "y" || $0 == "d" } && !plain.contains("0")
            && !plain.contains("#")
    }

    /// A format code without its quoted text, escaped characters and `[…]` sections.
    static func plainPart(_ code: String) -> String {
        var plain = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            if quoted {
                if character == "\"" { quoted = false }
                continue
            }
            if bracket {
                if character == "]" { bracket = false }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": escaped = true
            default: plain.append(character)
            }
        }
        return plain
    }
}

/// `xl/sharedStrings.xml`: the text of every string item; phonetic runs (`rPh`) left out.
final class SharedStringsHandler: XMLPartHandler {
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var phonetic = 0

    func start(_ name: String, _ attributes: [String: String]) -> Bool {
        switch name {
        case "si":
            inItem = true
            current = ""
        case "rPh":
            phonetic += 1
        case "t" where inItem && phonetic == 0:
            inText = true
        default:
            break
        }
        return true
    }

    func end(_ name: String) -> Bool {
        switch name {
        case "si":
            strings.append(XMLText.decodeXstring(current))
            inItem = false
        case "rPh":
            phonetic -= 1
        case "t":
            inText = false
        default:
            break
        }
        return true
    }

    func text(_ text: String) {
        if inText { current += text }
    }
}
