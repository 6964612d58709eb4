import MaturityCore

/// YAML text built from spreadsheet cells, remembering which cell each value came from, so that the
/// loaders' checks — the same ones a hand-written file gets — report at the cell (`Criteria!D14`)
/// instead of at a line of a file nobody wrote.
struct LocatedYAML {
    struct Line {
        var text = ""
        /// (column where a value starts, the cell it came from), in column order.
        var places: [(column: Int, place: SourceLocation)] = []
    }

    private(set) var lines: [Line] = []
    /// Where problems of the document as a whole are shown (the main sheet).
    var fallback: SourceLocation?

    init(fallback: SourceLocation?) {
        self.fallback = fallback
    }

    /// Starts a line with `text`, from `place`.
    mutating func line(_ text: String, at place: SourceLocation? = nil) {
        var line = Line(text: text)
        if let place { line.places.append((1, place)) }
        lines.append(line)
    }

    /// Adds `text` to the current line; a problem found from its first column on is shown at `place`.
    mutating func append(_ text: String, at place: SourceLocation? = nil) {
        if lines.isEmpty { lines.append(Line()) }
        if let place {
            lines[lines.count - 1].places.append((lines[lines.count - 1].text.unicodeScalars.count + 1, place))
        }
        lines[lines.count - 1].text += text
    }

    var text: String { lines.map(\.text).joined(separator: "\n") + "\n" }

    /// The cell a position of the text came from.
    func place(line: Int, column: Int) -> SourceLocation? {
        guard lines.indices.contains(line - 1) else { return fallback }
        let places = lines[line - 1].places
        return places.last { $0.column <= column }?.place ?? places.first?.place ?? fallback
    }

    /// `diagnostics` of the text (named `file`), each moved to its cell.
    func relocate(_ diagnostics: [Diagnostic], file: String) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var moved = diagnostic
            if let location = diagnostic.location, location.file == file, location.sheet == nil {
                moved.location = place(line: location.line, column: location.column)
                // "add 'kind:'" speaks of YAML; in a sheet the key is a column.
                if let hint = diagnostic.hint, hint.hasPrefix("add '"), hint.hasSuffix(":'") {
                    moved.hint = "fill in its " + hint.dropFirst(4).dropLast(2) + "' column"
                }
            }
            return moved
        }
    }

    /// A flow mapping `{key: value, …}` appended to the current line, each value from its cell.
    mutating func flow(_ fields: [(key: String, value: String, place: SourceLocation?)]) {
        append("{")
        for (index, field) in fields.enumerated() {
            append(index == 0 ? "" : ", ")
            append(field.key + ": ", at: field.place)
            append(field.value, at: field.place)
        }
        append("}")
    }
}
