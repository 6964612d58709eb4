import ArgumentParser
import Foundation
import Logging
import MaturityCore
import MaturityStore

/// `maturity registry`: the certification body's register on the data folder or database `maturity serve` uses.
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "The certification body's register: results, certificates, decisions, surveillance programme, keys.",
        discussion: """
            Works on the same data as 'maturity serve': the embedded database in --data (default ./maturity-data) \
            or a PostgreSQL database given with --database (or MATURITY_DATABASE_URL).

            A typical cycle: publish keys (registry keys add), record the client (registry client), assign the \
            audit team (registry assign; conflicts of interest are refused), the auditor seals and signs the result \
            (maturity assess/review … --format json, maturity sign), the body imports it (registry import, which \
            verifies it first), a reviewer outside the team decides (registry decide), and the due board shows \
            what each certificate needs next (registry due).
            """,
        subcommands: [
            RegistryImportCommand.self, RegistryDueCommand.self, RegistryCertificateCommand.self,
            RegistryDecideCommand.self, RegistryKeysCommand.self, RegistryClientCommand.self,
            RegistryAssignCommand.self, RegistryDeclareCommand.self, RegistryNonconformityCommand.self,
            RegistryTriggerCommand.self, RegistrySettingsCommand.self,
        ]
    )
}

/// Where the register is: the data folder or a PostgreSQL URL.
struct RegistryStoreOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder of the embedded database (default ./maturity-data).")
    var data = "maturity-data"

    @Option(
        name: .long,
        help: "Use PostgreSQL instead: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (or MATURITY_DATABASE_URL).")
    var database: String?

    func configuration(console: Console) -> StoreConfiguration {
        StoreConfiguration(
            dataDirectory: console.absolute(data), databaseURL: database ?? console.environment["MATURITY_DATABASE_URL"]
        )
    }
}

/// Runs a registry command's work on the opened store, and turns the register's refusals into diagnostics.
enum Registry {
    static func run<T: Sendable>(
        _ options: RegistryStoreOptions, console: Console, _ work: @escaping @Sendable (Store) async throws -> T
    ) throws -> T {
        let configuration = options.configuration(console: console)
        do {
            return try Blocking.run {
                var logger = Logger(label: "maturity.registry")
                logger.logLevel = .error
                let store = try await Store.open(configuration, logger: logger)
                do {
                    // Changes are recorded in the audit trail as made from the command line, by this login.
                    let who = console.environment["USER"] ?? console.environment["LOGNAME"] ?? "unknown"
                    let value = try await AuditContext.$actor.withValue(
                        AuditActor(name: "command line", via: "maturity (\(who))")
                    ) { try await work(store) }
                    try? await store.close()
                    return value
                } catch {
                    try? await store.close()
                    throw error
                }
            }
        } catch {
            throw diagnostics(for: error)
        }
    }

    /// Whether `error` refuses one thing asked (a result that does not verify, a rule of the register, something
    /// not found or already there) rather than failing the register itself (the database gone, a disk error): a
    /// command working through many results reports a refusal and goes on, and stops at anything else.
    static func isRefusal(_ error: Error) -> Bool {
        switch error {
        case is DiagnosticError, is RegisterRefusal, is StoreError, is RegisterStoreError, is RegisterSigningError:
            return true
        default: return false
        }
    }

    /// A refusal as the command line prints it: message and hint, exit status 1.
    static func diagnostics(for error: Error) -> Error {
        switch error {
        case let error as DiagnosticError: return error
        case let refusal as RegisterRefusal:
            return DiagnosticError(.error(refusal.message, at: nil, hint: refusal.hintMessage))
        case let error as StoreError:
            if case .notFound(let kind, let id) = error {
                return DiagnosticError(
                    .error(
                        .notInRegister(kind, id), at: nil, hint: kind == "certificate" ? .certificateNumbersListed : nil
                    ))
            }
            return DiagnosticError(.error(error.message, at: nil))
        case let error as RegisterStoreError:
            if case .resultImported = error {
                return DiagnosticError(.error(error.message, at: nil, hint: .eachResultImportedOnce))
            }
            return DiagnosticError(.error(error.message, at: nil))
        case let error as RegisterSigningError:
            return DiagnosticError(.error(error.message, at: nil, hint: .signWithOwnDecisionKey))
        default: return DiagnosticError(.error(.registerFailed("\(error)"), at: nil))
        }
    }
}

/// What the registry's task ended with, written once by the task and read after it signalled.
/// Text or JSON, for registry listings.
enum RegistryFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
}

extension Console {
    /// Today, unless `--as-of` says another day.
    func day(_ option: Day?) -> Day { option ?? today }
}
