import MaturityCore
import MaturityReports

/// Prints diagnostics compiler-style to standard error, in colour only on a terminal.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic], console: Console = Context.console) {
        for diagnostic in diagnostics {
            console.writeError(format(diagnostic, colour: console.errorIsTerminal) + "\n")
        }
    }

    static func format(_ diagnostic: Diagnostic, colour: Bool) -> String {
        var text = ""
        if let location = diagnostic.location {
            let shown = sanitize(location.description)
            text += colour ? "\u{1B}[1m\(shown):\u{1B}[0m " : "\(shown): "
        }
        let label = diagnostic.severity.rawValue + ":"
        if colour {
            let code = diagnostic.isError ? "31" : "33"
            text += "\u{1B}[1;\(code)m\(label)\u{1B}[0m "
        } else {
            text += label + " "
        }
        text += sanitize(diagnostic.message)
        if let hint = diagnostic.hint {
            text += "\n  " + (colour ? "\u{1B}[36mhint:\u{1B}[0m " : "hint: ") + sanitize(hint)
        }
        return text
    }

    /// Messages, hints and locations quote users' text (file names, values): the terminal must not obey
    /// its control characters, and a line break in it must not start a line that looks like a diagnostic.
    static func sanitize(_ text: String) -> String {
        TerminalSafe.clean(text)
    }
}
