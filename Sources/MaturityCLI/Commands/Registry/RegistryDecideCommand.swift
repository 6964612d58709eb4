import ArgumentParser
import Foundation
import MaturityCore
import MaturityStore

/// `maturity registry decide`: a certification decision by a reviewer outside the audit team, signed.
struct RegistryDecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract:
            "Take a certification decision (grant, maintain, suspend, reinstate, withdraw, upgrade, downgrade, refuse).",
        discussion: """
            The audit team's review only recommends; this decision changes the certificate. It is refused when the \
            reviewer was on the audit team, when it differs from the recommendation without --reason, when a grant \
            meets an open major nonconformity past its deadline, when a reinstatement has no follow-up audit since \
            the suspension, or when the certificate is not in a state the decision applies to. A suspension older \
            than 6 months becomes withdrawal when next decided. The decision is signed with the reviewer's \
            decision-maker key (--key FILE, or --stored-key ID for a key the register keeps), which must be \
            published and not revoked on the date.

            Examples:
              maturity registry decide grant --result 3f2a9c --reviewer 孙立 --key sunli.key.json
              maturity registry decide suspend --certificate MSC-2026-00001 --trigger misuse --reviewer 孙立 \\
                --reason "宣传材料冒用证书" --key sunli.key.json
            """
    )

    @Argument(help: "The decision: grant, maintain, suspend, reinstate, withdraw, upgrade, downgrade or refuse.")
    var decision: DecisionKind

    @Option(name: .long, help: "The reviewer taking the decision (not on the audit team).")
    var reviewer: String

    @Option(
        name: .long,
        help: "The imported result it rests on: the result file, or its sign-off digest (at least its first 6 digits).")
    var result: String?

    @Option(name: .long, help: "The certificate (default: the organisation's current one).")
    var certificate: String?

    @Option(name: .long, help: "The organisation, by id or exact name, when no result or certificate names it.")
    var organisation: String?

    @Option(name: .long, help: "Why: required when the decision differs from the audit team's recommendation.")
    var reason: String?

    @Option(
        name: .long,
        help:
            "A recorded suspension trigger it rests on: serious_complaint, surveillance_refused, surveillance_late, misuse or major_nc_overdue."
    )
    var trigger: SuspensionTrigger.Kind?

    @Option(name: .long, help: "The decision date, YYYY-MM-DD (default: today).")
    var date: Day?

    @Option(name: .long, help: ArgumentHelp("The reviewer's private key file.", valueName: "key.json"))
    var key: String?

    @Option(name: .long, help: "The id of a private key the register keeps, instead of --key.")
    var storedKey: String?

    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var store: RegistryStoreOptions

    func validate() throws {
        if (key == nil) == (storedKey == nil) { throw ValidationError(.giveReviewerKey) }
        if result == nil, certificate == nil, organisation == nil { throw ValidationError(.nameWhatIsDecided) }
    }

    func run() throws {
        let console = Context.console
        let engine = console.engine
        let secret = try passphrase.passphrase(console: console)
        let keyFile = try key.map { path throws(DiagnosticError) in
            let (file, key) = try engine.openPrivateKey(console.input(path), passphrase: secret)
            return SigningKey(file: file, key: key)
        }
        var resultId = result
        if let result, engine.files.kind(console.absolute(result)) != .missing {
            resultId = try engine.signOffDigest(console.input(result))
        }
        let input = DecisionInput(
            kind: decision, date: console.day(date), reviewer: reviewer, reason: reason, resultId: resultId,
            certificate: certificate, organisation: organisation, trigger: trigger)
        let storedKey = self.storedKey
        let language = Context.language
        let outcome = try Registry.run(store, console: console) { store in
            var opened = keyFile
            if let storedKey {
                guard let text = try await store.register.privateKey(storedKey) else {
                    throw DiagnosticError(.error(.noStoredPrivateKey(storedKey), at: nil, hint: .giveKeyFileWithKey))
                }
                let file = try PrivateKeyFile.parse(Data(text.utf8), file: "key \(storedKey)")
                guard let key = try? file.open(passphrase: secret) else {
                    throw DiagnosticError(.error(.passphraseDoesNotOpenStoredKey(storedKey), at: nil))
                }
                opened = SigningKey(file: file, key: key)
            }
            guard let signingKey = opened else {
                throw ValidationError(.giveReviewerKey, language: language)
            }
            let scale = try await store.register.ratingScale(engine: engine, input: input)
            return try await store.register.decide(input, ratingOrder: scale?.order ?? [], ratingName: scale?.name) {
                decision in try signingKey.sign(decision.digest, date: decision.date)
            }
        }
        for note in outcome.notes { console.note(.registerNote(note)) }
        console.say(.decisionTaken(outcome))
    }
}

extension DecisionKind: ExpressibleByArgument {}
extension SuspensionTrigger.Kind: ExpressibleByArgument {}

extension RegisterRepository {
    /// The rating scale of the catalog the decision's certificate or result is on, from the catalog folders.
    func ratingScale(engine: Engine, input: DecisionInput) async throws
        -> (order: [String], name: @Sendable (String) -> LocalizedText)?
    {
        var catalogId: String?
        if let id = input.resultId { catalogId = try await result(id).record.catalogId }
        if catalogId == nil, let number = input.certificate {
            catalogId = try await certificate(number).certificate.scope.catalogId
        }
        return catalogId.flatMap { engine.ratingScale(catalogId: $0) }
    }
}
