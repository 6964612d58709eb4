import ArgumentParser
import MaturityCore

/// A command with a `--lang` option: its diagnostics are printed in that language.
protocol LanguageChoosing {
    var lang: Language? { get }
}

extension AssessCommand: LanguageChoosing {}
extension CatalogCommand.Lint: LanguageChoosing {}
extension CatalogCommand.Show: LanguageChoosing {}
extension HistoryCommand: LanguageChoosing {}
extension InitCommand: LanguageChoosing {}
extension KPICommand: LanguageChoosing {}
extension PlanCommand: LanguageChoosing {}
extension RegistryDueCommand: LanguageChoosing {}
extension RegistryCertificateCommand: LanguageChoosing {}
extension RegistryKeysListCommand: LanguageChoosing {}
extension ReviewCommand: LanguageChoosing {}
extension VerifyCommand: LanguageChoosing {}

extension Console {
    /// The language of diagnostics and status lines: the command's `--lang`, else the locale (LANG …).
    func diagnosticLanguage(for command: ParsableCommand?) -> Language {
        language((command as? LanguageChoosing)?.lang)
    }
}

extension ParsableCommand {
    /// Runs the command's checks (its `validate()`, called while the command line is parsed) in the
    /// language its `run()` gets: `--lang`, else the locale.
    func inItsLanguage<T>(_ checks: () throws -> T) rethrows -> T {
        try Context.$language.withValue(Context.console.diagnosticLanguage(for: self), operation: checks)
    }
}

extension ValidationError {
    /// A usage error (exit status 64, printed with the command's usage) in the user's language.
    init(_ message: Diagnostic.Message, language: Language = Context.language) {
        self.init(message.text(in: language))
    }
}

extension Console {
    /// Prints a status line (what the command did) on standard output, in the user's language.
    func say(_ line: Diagnostic.Message, language: Language = Context.language) {
        write(line.text(in: language) + "\n")
    }

    /// Prints a status line on standard error, where it does not mix with output written to standard output.
    func note(_ line: Diagnostic.Message, language: Language = Context.language) {
        writeError(line.text(in: language) + "\n")
    }
}
