import ArgumentParser
import Foundation
import MaturityCore
import MaturityStore

/// `maturity registry import`: verified audit results into the register.
struct RegistryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import sealed and signed audit results into the register, each verified first.",
        discussion: """
            Each RESULT.json (assess or review --format json of an audit, surveillance or special audit that names \
            its auditor) is verified before it is accepted: the sign-off block and the result must be unchanged, no \
            file it lists may have changed (files not found are reported as not checked), and every signature must \
            hold against the register's published keys, one of them the auditor's. A result edited after signing is \
            refused, naming the file; the others are still imported. Open major and minor findings become \
            nonconformities; a follow-up audit that lists one as closed closes it. Exit status 1 when any file was \
            refused.

            Example: maturity registry import 2026-05/result.json 2026-11/result.json
            """
    )

    @Argument(help: ArgumentHelp("The result files.", valueName: "result.json"))
    var results: [String]

    @Flag(name: .long, help: "Accept a sealed result that carries no Ed25519 signature (signatures present must hold).")
    var allowUnsigned = false

    @OptionGroup var store: RegistryStoreOptions

    func validate() throws {
        if results.isEmpty { throw ValidationError(.giveAtLeastOneResult) }
    }

    func run() throws {
        let console = Context.console
        let engine = console.engine
        let inputs = results.map(console.input)
        let allowUnsigned = self.allowUnsigned
        let language = Context.language
        let refused = try Registry.run(store, console: console) { store in
            let ring = try await store.register.keyRing()
            var refused: [Diagnostic] = []
            for input in inputs {
                do {
                    let (record, warnings) = try engine.auditRecord(
                        input, keys: ring, requireSignature: !allowUnsigned, currentFolder: console.currentDirectory)
                    DiagnosticPrinter.print(warnings, console: console, language: language)
                    let sha = SignOff.sha256((try? engine.files.contents(input.path)) ?? Data())
                    let imported = try await store.register.importResult(record, fileName: input.shown, sha256: sha)
                    console.say(
                        .resultImported(input.shown, record: record, raised: imported.raised, closed: imported.closed),
                        language: language)
                } catch let error as DiagnosticError {
                    refused.append(contentsOf: error.diagnostics)
                } catch {
                    guard let diagnostics = Registry.diagnostics(for: error) as? DiagnosticError else { throw error }
                    refused.append(
                        contentsOf: diagnostics.diagnostics.map {
                            var d = $0
                            d.location = d.location ?? .start(of: input.shown)
                            return d
                        })
                }
            }
            return refused
        }
        if !refused.isEmpty { throw DiagnosticError(refused) }
    }
}
