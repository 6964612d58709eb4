import ArgumentParser
import Foundation
import MaturityCore

/// Where a private key's passphrase comes from: a file, or the MATURITY_PASSPHRASE environment variable
/// (never an argument, which other users of the machine could read).
struct PassphraseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A file whose first line is the key's passphrase (default: the MATURITY_PASSPHRASE environment variable).",
            valueName: "file"))
    var passphraseFile: String?

    func passphrase(console: Console) throws(DiagnosticError) -> String {
        if let passphraseFile {
            let path = console.absolute(passphraseFile)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DiagnosticError(.error(.cannotReadPassphraseFile(passphraseFile), at: nil))
            }
            let line =
                String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .first.map(String.init) ?? ""
            let passphrase = line.hasSuffix("\r") ? String(line.dropLast()) : line
            guard !passphrase.isEmpty else {
                throw DiagnosticError(.error(.passphraseFileIsEmpty(passphraseFile), at: nil))
            }
            return passphrase
        }
        guard let passphrase = console.environment["MATURITY_PASSPHRASE"], !passphrase.isEmpty else {
            throw DiagnosticError(.error(.noPassphrase, at: nil, hint: .givePassphrase))
        }
        return passphrase
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
