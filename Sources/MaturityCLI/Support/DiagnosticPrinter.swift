import MaturityCore
import MaturityReports

/// Prints diagnostics compiler-style to standard error, in colour only on a terminal, in the user's
/// language: the command's `--lang`, else the locale (`LANG`, `LC_ALL` …: zh* is Chinese), else English.
enum DiagnosticPrinter {
    static func print(
        _ diagnostics: [Diagnostic], console: Console = Context.console, language: Language = Context.language
    ) {
        for diagnostic in diagnostics {
            console.writeError(format(diagnostic, colour: console.errorIsTerminal, language: language) + "\n")
        }
    }

    static func format(_ diagnostic: Diagnostic, colour: Bool, language: Language = .en) -> String {
        var text = ""
        if let location = diagnostic.location {
            let shown = sanitize(location.description)
            text += colour ? "\u{1B}[1m\(shown):\u{1B}[0m " : "\(shown): "
        }
        // "error: " or "错误：": the label, then its separator.
        let label = diagnostic.severity.label(in: language)
        if colour {
            let code = diagnostic.isError ? "31" : "33"
            text += "\u{1B}[1;\(code)m\(label.dropLast())\u{1B}[0m" + String(label.last ?? " ")
        } else {
            text += label
        }
        text += sanitize(diagnostic.message(in: language))
        if let hint = diagnostic.hint(in: language) {
            let hintLabel = Diagnostic.Severity.hintLabel(in: language)
            text += "\n  " + (colour ? "\u{1B}[36m\(hintLabel.dropLast())\u{1B}[0m\(hintLabel.last ?? " ")" : hintLabel)
            text += sanitize(hint)
        }
        return text
    }

    /// Messages, hints and locations quote users' text (file names, values): the terminal must not obey
    /// its control characters, and a line break in it must not start a line that looks like a diagnostic.
    static func sanitize(_ text: String) -> String {
        TerminalSafe.clean(text)
    }
}
