import ArgumentParser
import Foundation
import MaturityCore
import MaturityReports

/// `maturity registry keys`: the body's published keys.
struct RegistryKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List the published signing keys; add or revoke one.",
        discussion: """
            --format json writes the key list anyone checks signatures against ('maturity verify RESULT.json --keys \
            keys.json'). Each key has an id (the first 16 hexadecimal digits of its SHA-256), an owner, a role \
            (auditor or decision_maker), the day it is valid from and, once revoked, the day and reason: a signature \
            dated on or after the revocation does not hold.
            """,
        subcommands: [RegistryKeysListCommand.self, RegistryKeysAddCommand.self, RegistryKeysRevokeCommand.self],
        defaultSubcommand: RegistryKeysListCommand.self
    )
}

struct RegistryKeysListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the published keys.")

    @Option(name: .long, help: "Output format: text or json (the key list to publish).")
    var format: RegistryFormat = .text

    @Option(name: .long, help: "Report language: zh or en (default: from LANG, else en).")
    var lang: Language?

    @Option(name: .long, help: "Write to FILE instead of standard output (atomically).")
    var output: String?

    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let ring = try Registry.run(store, console: console) { store in try await store.register.keyRing() }
        try console.emit(
            format == .json ? ring.json.rendered() : KeyRingReport(ring, language: console.language(lang)).text(),
            to: output, inputs: [])
    }
}

struct RegistryKeysAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Make a signer's Ed25519 key pair: publish the public key, write the encrypted private key file.",
        discussion: """
            The private key is encrypted with the passphrase (scrypt and AES-GCM) and written to --output, for the \
            person to keep; with --keep the register keeps a copy too (still encrypted), for 'decide --stored-key'. \
            The passphrase comes from --passphrase-file or MATURITY_PASSPHRASE.

            Example: MATURITY_PASSPHRASE=… maturity registry keys add --owner 郑雅琴 --role auditor \\
              --output zheng-yaqin.key.json
            """
    )

    @Option(name: .long, help: "Whose key: the person's name as results and decisions name them.")
    var owner: String?

    @Option(name: .long, help: "auditor (signs results) or decision_maker (signs decisions).")
    var role: SignerRole?

    @Option(name: .long, help: "The day the key is valid from, YYYY-MM-DD (default: today).")
    var date: Day?

    @Option(name: .long, help: ArgumentHelp("Where to write the private key file.", valueName: "key.json"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Publish the public key of an existing private key file instead of making one (owner, role and date "
                + "come from the file).", valueName: "key.json"))
    var from: String?

    @Flag(name: .long, help: "Keep the encrypted private key in the register too.")
    var keep = false

    @Option(name: .long, help: ArgumentHelp("scrypt cost (power of two from 1024).", visibility: .hidden))
    var rounds = PrivateKeyFile.rounds

    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var store: RegistryStoreOptions

    func validate() throws {
        if from != nil {
            if owner != nil || role != nil || output != nil || date != nil || keep {
                throw ValidationError(.fromPublishesAsItIs)
            }
            return
        }
        guard let owner, role != nil, output != nil else { throw ValidationError(.giveOwnerRoleOutput) }
        if owner.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(.ownerMustNameSomeone) }
        if rounds < 1024 || rounds & (rounds - 1) != 0 { throw ValidationError(.roundsPowerOfTwo) }
    }

    func run() throws {
        let console = Context.console
        if let from {
            let file = try PrivateKeyFile.parse(console.engine.read(console.input(from), what: .keyFile), file: from)
            try Registry.run(store, console: console) { store in try await store.register.addKey(file.published) }
            console.say(.keyPublished(file.published.id, owner: file.owner, role: file.role, from: from))
            return
        }
        guard let owner, let role, let output else { return }
        let secret = try passphrase.passphrase(console: console)
        let target = console.absolute(output)
        if FileManager.default.fileExists(atPath: target) {
            throw DiagnosticError(.error(.keyFileNeverOverwritten(output), at: nil, hint: .chooseAnotherOutput))
        }
        let (file, _) = try PrivateKeyFile.create(
            owner: owner.trimmingCharacters(in: .whitespaces), role: role, passphrase: secret,
            created: console.day(date), rounds: rounds)
        let text = file.json.rendered()
        let keep = self.keep
        try Registry.run(store, console: console) { store in
            try await store.register.addKey(file.published, privateKey: keep ? text : nil)
        }
        try FileOutput.write(text, to: target, shown: output)
        console.say(.keyMade(file.published.id, owner: file.owner, role: role, privateKey: output))
    }
}

struct RegistryKeysRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a key from a date: signatures made on or after it no longer hold.")

    @Argument(help: "The key id (or its first digits).")
    var id: String

    @Option(name: .long, help: "The day the key stops being valid, YYYY-MM-DD (default: today).")
    var date: Day?

    @Option(name: .long, help: "Why (lost, left the body, compromised…).")
    var reason: String

    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let (id, reason, day) = (self.id, self.reason, console.day(date))
        let key = try Registry.run(store, console: console) { store in
            try await store.register.revokeKey(id, on: day, reason: reason)
        }
        console.say(.keyRevoked(key.id, owner: key.owner, from: day))
    }
}

extension SignerRole: ExpressibleByArgument {}
