import ArgumentParser
import Foundation
import MaturityCore
import MaturityStore

/// `maturity audit-log`: the server's audit trail.
struct AuditLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-log",
        abstract: "Check or show the audit trail of every change made through the server and the command line.",
        subcommands: [AuditLogVerifyCommand.self, AuditLogShowCommand.self]
    )
}

struct AuditLogVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that no record of the audit trail was edited, removed or reordered.",
        discussion: """
            Each record carries the SHA-256 of the one before it. The check names every record that no longer \
            matches its hash or does not follow the one before, and prints the number of records and the last \
            hash: keep that line somewhere else, and a later check that shows fewer records or another hash at \
            that count means records were cut from the end. Exit status 1 when anything is wrong.
            """)

    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let result = try Registry.run(store, console: console) { store in try await store.audit.verify() }
        guard result.problems.isEmpty else {
            let found: [Diagnostic] = result.problems.map { Diagnostic.error(.auditTrailProblem($0), at: nil) }
            let summary = Diagnostic.error(.auditTrailChanged, at: nil, hint: .restoreFromBackup)
            throw DiagnosticError(found + [summary])
        }
        console.say(.auditTrailIntact(records: result.count, head: result.head))
    }
}

struct AuditLogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the newest records, or those about one object (an id).",
        discussion: """
            One record a line, tab-separated: sequence number, time (UTC), actor (and the way the change came: a \
            page, the API or the command line), action with the kind and id of what changed, and the old and new \
            value ('-' for none). The records are printed as they are stored, in every language the same: they \
            are evidence of what was done, meant to be searched and compared (grep, cut), not translated.
            """)

    @Option(name: .long, help: "Only records about this object id (an assessment id shows its parts too).")
    var object: String?

    @Option(name: .long, help: "How many records at most.") var limit = 50
    @OptionGroup var store: RegistryStoreOptions

    func run() throws {
        let console = Context.console
        let object = self.object
        let limit = self.limit
        let records = try Registry.run(store, console: console) { store in
            try await store.audit.records(id: object, limit: limit)
        }
        for record in records {
            console.write(
                "\(record.seq)\t\(record.at)\t\(record.actor) (\(record.via))\t\(record.action) \(record.objectKind) "
                    + "\(record.objectId)\t\(record.oldValue ?? "-") → \(record.newValue ?? "-")\n")
        }
    }
}
