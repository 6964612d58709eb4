import MaturityCore

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
            text += colour ? "\u{1B}[1m\(location):\u{1B}[0m " : "\(location): "
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

    /// Messages quote users' text; their control characters must not reach the terminal.
    static func sanitize(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                out += "\n"
            } else if scalar.properties.generalCategory == .control || (0x80...0x9F).contains(scalar.value) {
                out += "?"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
