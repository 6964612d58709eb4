import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

/// The `maturity` command: after-sales service management maturity assessment.
public struct MaturityCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "maturity",
        abstract: "Score after-sales service management maturity (售后服务管理成熟度) against a criteria catalog.",
        discussion: """
            Exit status: 0 success; 1 invalid input or a failed check; 64 usage error.
            Diagnostics go to standard error as path:line:column: error: message.
            With no catalog given, the catalog shipped in Criteria/ is used.
            """,
        version: "0.1.0",
        subcommands: [
            AssessCommand.self, CatalogCommand.self, InitCommand.self, PlanCommand.self, ReviewCommand.self,
            HistoryCommand.self, KPICommand.self, VerifyCommand.self, ImportCommand.self, ServeCommand.self,
            SignCommand.self, RegistryCommand.self, UsersCommand.self, AuditLogCommand.self,
        ]
    )

    public init() {}
}

/// Runs the command line with `arguments` (without the program name) and returns the exit status.
public enum MaturityMain {
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        Context.$console.withValue(console) {
            var parsed: ParsableCommand.Type?
            var language = console.language(nil)
            do {
                // A usage error found while parsing is in the locale's language (a command's `validate()`
                // switches to its `--lang`, see `inItsLanguage`).
                var command = try Context.$language.withValue(language) { try MaturityCommand.parseAsRoot(arguments) }
                parsed = type(of: command)
                language = console.diagnosticLanguage(for: command)
                try Context.$language.withValue(language) { try command.run() }
                return 0
            } catch let error as DiagnosticError {
                DiagnosticPrinter.print(error.diagnostics, console: console, language: language)
                return ExitCode.failure.rawValue
            } catch {
                let code = MaturityCommand.exitCode(for: error)
                var message = MaturityCommand.fullMessage(for: error)
                // A usage error found while running (it needed the catalog, say): show that command's usage.
                if error is ValidationError, let parsed, parsed != MaturityCommand.self {
                    let usage = MaturityCommand.usageString(for: parsed)
                    let path = usage.split(separator: " ").prefix { !"<[-".contains($0.first ?? "<") }
                    message =
                        "Error: \(MaturityCommand.message(for: error))\nUsage: \(usage)\n"
                        + "  See '\(path.joined(separator: " ")) --help' for more information."
                }
                // Values the user typed are quoted in usage errors: no terminal escapes (the parser's own
                // line breaks stay).
                message = message.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { TerminalSafe.clean(String($0)) }.joined(separator: "\n")
                if !message.isEmpty {
                    if code == .success {
                        console.write(message + "\n")
                    } else {
                        console.writeError(message + "\n")
                    }
                }
                return code.rawValue
            }
        }
    }
}

extension Language: ExpressibleByArgument {}

extension Console {
    /// `--lang` when given, else zh when the locale is Chinese, else en.
    func language(_ option: Language?) -> Language {
        if let option { return option }
        for key in ["MATURITY_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }

    /// A path as the user gave it, made absolute against the current directory.
    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : PathText.join(currentDirectory, path)
    }

    /// `path` relative to the current directory when it lies inside it, for shorter diagnostics.
    func relative(_ path: String) -> String {
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Writes `text` to `--output` (see FileOutput), or to standard output. `inputs` are the absolute
    /// paths of the files the command read: the output may not be one of them.
    func emit(_ text: String, to output: String?, inputs: [String]) throws(DiagnosticError) {
        if let output {
            try FileOutput.write(
                text, to: absolute(output), shown: output,
                inputs: inputs.map { FileOutput.Input(path: $0, shown: relative($0)) })
        } else {
            write(text)
        }
    }
}
