import ArgumentParser
import MaturityCore

/// A command with a `--lang` option: its diagnostics are printed in that language.
protocol LanguageChoosing {
    var lang: Language? { get }
}

extension AssessCommand: LanguageChoosing {}
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
