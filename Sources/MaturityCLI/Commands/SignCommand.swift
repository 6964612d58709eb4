import ArgumentParser
import MaturityCore

/// `maturity sign`: the auditor's Ed25519 signature on a sealed result.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a sealed audit result with the auditor's private key (Ed25519).",
        discussion: """
            The sign-off (written by assess or review when the assessment names its auditor) proves that the \
            result and its files did not change; the signature proves who vouches for it. sign first verifies \
            the result against its sign-off (as 'maturity verify' does) and refuses one that does not verify, \
            then signs the sign-off's digest with the key and adds the signature to the result's 'signatures' \
            (replacing an earlier one by the same key). The key's owner must be the auditor the sign-off names. \
            Anyone checks it with 'maturity verify RESULT.json --keys KEYS.json' against the body's key list.

            The key file is the one 'maturity registry keys add' wrote; its passphrase comes from \
            --passphrase-file or the MATURITY_PASSPHRASE environment variable.

            Example: MATURITY_PASSPHRASE=… maturity sign 2026-11/result.json --key zheng-yaqin.key.json
            """
    )

    @Argument(help: "The sealed result JSON (assess or review --format json of an audit naming its auditor).")
    var result: String

    @Option(name: .long, help: ArgumentHelp("The auditor's private key file.", valueName: "key.json"))
    var key: String

    @OptionGroup var passphrase: PassphraseOptions

    @Option(name: .long, help: "The signing date, YYYY-MM-DD (default: today).")
    var date: Day?

    @Option(name: .long, help: "Write the signed result here instead of over RESULT.")
    var output: String?

    func run() throws {
        let console = Context.console
        let engine = console.engine
        let (file, privateKey) = try engine.openPrivateKey(
            console.input(key), passphrase: passphrase.passphrase(console: console))
        let signed = try engine.sign(
            console.input(result), keyFile: file, key: privateKey, date: date ?? console.today,
            currentFolder: console.currentDirectory)
        let target = output ?? result
        try FileOutput.write(signed.text, to: console.absolute(target), shown: target)
        console.say(
            .signed(
                target, signer: signed.signature.signer, keyId: signed.signature.keyId,
                date: signed.signature.date.description))
    }
}
