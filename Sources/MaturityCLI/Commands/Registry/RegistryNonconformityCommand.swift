import ArgumentParser
import MaturityCore
import MaturityStore

/// `maturity registry nc`: the nonconformity lifecycle.
struct RegistryNonconformityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nc",
        abstract: "Nonconformities: list them; record a corrective action, its verification, the closing.",
        discussion: """
            A nonconformity is raised when a result listing an open major or minor finding is imported (deadline \
            from the grade: major 30 days, minor 90, unless the finding gives one). Then: the company submits a \
            corrective action (root cause, correction, evidence) → the auditor verifies it (effective, or not: it \
            goes back to raised) → closed. A major one open past its deadline blocks a grant and proposes \
            suspension on the due board.
            """,
        subcommands: [
            RegistryNCListCommand.self, RegistryNCActionCommand.self, RegistryNCVerifyCommand.self,
            RegistryNCCloseCommand.self,
        ],
        defaultSubcommand: RegistryNCListCommand.self
    )
}

/// The organisation and nonconformity a step applies to, when, and by whom.
struct NCStepOptions: ParsableArguments {
    @Argument(help: "The organisation, by name or id.")
    var organisation: String

    @Argument(help: "The nonconformity id, e.g. NC-02.")
    var id: String

    @Option(name: .long, help: "Who takes the step.")
    var by: String

    @Option(name: .long, help: "The day of the step, YYYY-MM-DD (default: today).")
    var date: Day?

    @OptionGroup var store: RegistryStoreOptions

    func take(_ step: Nonconformity.Step) throws {
        let console = Context.console
        let (organisation, id, by, day) = (self.organisation, self.id, self.by, console.day(date))
        let nc = try Registry.run(store, console: console) { store in
            try await store.register.advance(organisation: organisation, nonconformity: id, step, on: day, by: by)
        }
        console.say(.nonconformityChanged(nc, day: day, by: by))
    }
}

struct RegistryNCListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List an organisation's nonconformities.")

    @Argument(help: "The organisation, by name or id.")
    var organisation: String

    @Option(name: .customLong("as-of"), help: "The day overdue is judged on, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let organisation = self.organisation
        let ncs = try Registry.run(store, console: console) { store in
            try await store.register.nonconformities(organisation: organisation)
        }
        let day = console.day(asOf)
        if ncs.isEmpty { console.say(.noNonconformities) }
        for nc in ncs {
            console.say(.nonconformityListed(nc, overdue: nc.isOverdue(on: day)))
        }
    }
}

struct RegistryNCActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Record the company's corrective action for a nonconformity.")

    @OptionGroup var step: NCStepOptions

    @Option(name: .long, help: "The root cause found.")
    var rootCause: String

    @Option(name: .long, help: "The correction made.")
    var correction: String

    @Option(name: .long, help: "The evidence of it (a document, a record).")
    var evidence: String?

    func run() throws {
        try step.take(.submitAction(rootCause: rootCause, correction: correction, evidence: evidence))
    }
}

struct RegistryNCVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Record the auditor's verification of a corrective action.")

    @OptionGroup var step: NCStepOptions

    @Flag(
        name: .long, inversion: .prefixedNo,
        help: "Whether the correction was effective (--no-effective sends it back).")
    var effective: Bool

    @Option(name: .long, help: "The evidence checked.")
    var evidence: String?

    @Option(name: .long, help: "What the auditor found.")
    var note: String

    func run() throws {
        try step.take(.verify(effective: effective, evidence: evidence, note: note))
    }
}

struct RegistryNCCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a verified nonconformity.")

    @OptionGroup var step: NCStepOptions

    func run() throws {
        try step.take(.close)
    }
}

/// `maturity registry trigger`: a suspension trigger beyond the score.
struct RegistryTriggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger",
        abstract:
            "Record a suspension trigger on a certificate: a serious complaint, a refused or late surveillance, misuse.",
        discussion: """
            The trigger is evidence a suspension can rest on: 'registry decide suspend --certificate N --trigger KIND'.
            """
    )

    @Argument(help: "The certificate number.")
    var certificate: String

    @Option(
        name: .long, help: "serious_complaint, surveillance_refused, surveillance_late, misuse or major_nc_overdue.")
    var kind: SuspensionTrigger.Kind

    @Option(name: .long, help: "The day it happened, YYYY-MM-DD (default: today).")
    var date: Day?

    @Option(name: .long, help: "The evidence (what was found, where it is kept).")
    var evidence: String

    @Option(name: .long, help: "Who records it.")
    var by: String

    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let trigger = SuspensionTrigger(
            certificate: certificate, kind: kind, date: console.day(date), evidence: evidence, recordedBy: by)
        try Registry.run(store, console: console) { store in _ = try await store.register.recordTrigger(trigger) }
        console.say(.triggerRecorded(kind, certificate: certificate, date: trigger.date))
    }
}
