import ArgumentParser
import MaturityCore
import MaturityReports

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a signed audit result and every file it rests on are unchanged since sign-off.",
        discussion: """
            An audit result (maturity assess AUDIT.yaml --format json) carries a SHA-256 digest over the result, \
            the catalog, the assessment and every evidence file it cites, with the auditor's name and date. \
            verify recomputes each part, names every file that changed, and for an edited result says which \
            scores differ from what its inputs give. With --keys (the body's key list) every Ed25519 signature \
            the result carries is checked: it must be over the sign-off's digest, by a key the body published, not \
            revoked on or before the signing date, and an auditor's must be by the auditor the sign-off names. \
            Exit status 0 when everything matches, 1 otherwise.

            Example: maturity verify Examples/huadong-appliance-audit/result.json
            """
    )

    @Argument(help: "The signed result JSON.")
    var result: String

    @Option(name: .long, help: "Where the assessment is now (default: the path recorded in the result).")
    var assessment: String?

    @Option(name: .long, help: "Where the catalog is now (default: the path recorded in the result).")
    var catalog: String?

    @Option(name: .long, help: "The digest printed on the signed report, to check the result is that one.")
    var digest: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The certification body's published key list, to check the result's signatures against.",
            valueName: "keys.json"))
    var keys: String?

    @Option(name: .long, help: "Report language: zh or en (default: from LANG, else en).")
    var lang: Language?

    func validate() throws {
        if let digest, digest.count != 64 || !digest.allSatisfy(\.isHexDigit) {
            throw inItsLanguage { ValidationError(.digestMustBeSHA256) }
        }
    }

    func run() throws {
        let console = Context.console
        let ring = try keys.map { path throws(DiagnosticError) in try console.engine.loadKeyRing(console.input(path)) }
        let verification = try console.engine.verify(
            console.input(result), assessment: assessment.map(console.absolute), catalog: catalog.map(console.absolute),
            expectedDigest: digest, keys: ring, currentFolder: console.currentDirectory)
        console.write(VerifyReport(verification, language: console.language(lang)).render())
        if !verification.verified {
            throw DiagnosticError(verification.diagnostics)
        }
    }
}
