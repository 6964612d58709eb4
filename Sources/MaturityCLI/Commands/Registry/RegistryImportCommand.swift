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

            A folder given instead of a file stands for every .json file directly in it, in name order (a body \
            importing thousands of results at once: `maturity registry import results/`); a .json file in it that \
            is not a result is refused like any other.

            Example: maturity registry import 2026-05/result.json 2026-11/result.json
            """
    )

    @Argument(help: ArgumentHelp("The result files, or folders of them.", valueName: "result.json|folder"))
    var results: [String]

    @Flag(name: .long, help: "Accept a sealed result that carries no Ed25519 signature (signatures present must hold).")
    var allowUnsigned = false

    @OptionGroup var store: RegistryStoreOptions

    /// Results verified and imported together (one commit each batch).
    static let batch = 100

    /// What became of one result file before the batch was imported.
    enum Outcome {
        case verified([Diagnostic])
        case failed(any Error)
    }

    /// The files named: a folder stands for the .json files directly in it, in name order.
    static func files(_ arguments: [String], console: Console) throws(DiagnosticError) -> [String] {
        var files: [String] = []
        var problems: [Diagnostic] = []
        for argument in arguments {
            let input = console.input(argument)
            guard console.engine.files.kind(input.path) == .folder else {
                files.append(argument)
                continue
            }
            let names = ((try? console.engine.files.names(inFolder: input.path)) ?? [])
                .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            if names.isEmpty {
                problems.append(.error(.noResultInFolder(argument), at: nil, hint: .giveResultFiles))
            }
            let folder = argument.hasSuffix("/") ? argument : argument + "/"
            files += names.map { folder + $0 }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return files
    }

    func validate() throws {
        if results.isEmpty { throw ValidationError(.giveAtLeastOneResult) }
    }

    func run() throws {
        let console = Context.console
        let engine = console.engine
        let inputs = try Self.files(results, console: console).map(console.input)
        let allowUnsigned = self.allowUnsigned
        let language = Context.language
        let refused = try Registry.run(store, console: console) { store in
            let ring = try await store.register.keyRing()
            var refused: [Diagnostic] = []
            // Verified a batch at a time and imported in one commit per batch (one wait for the disk, not one
            // per result), each result still on its own: a refused one leaves the others, in the order given.
            for start in stride(from: 0, to: inputs.count, by: Self.batch) {
                let batch = inputs[start..<min(start + Self.batch, inputs.count)]
                var outcomes: [Outcome] = []
                var pending: [RegisterRepository.PendingResult] = []
                for input in batch {
                    do {
                        let (record, warnings) = try engine.auditRecord(
                            input, keys: ring, requireSignature: !allowUnsigned,
                            currentFolder: console.currentDirectory)
                        let sha = SignOff.sha256((try? engine.files.contents(input.path)) ?? Data())
                        pending.append(.init(record: record, fileName: input.shown, sha256: sha))
                        outcomes.append(.verified(warnings))
                    } catch {
                        outcomes.append(.failed(error))
                        // Not a refusal: the run stops at this file, as it would have without batches.
                        if !(Registry.diagnostics(for: error) is DiagnosticError) { break }
                    }
                }
                var imported = try await store.register.importResults(pending) {
                    Registry.diagnostics(for: $0) is DiagnosticError
                }[...]
                for (input, outcome) in zip(batch, outcomes) {
                    var failure: (any Error)?
                    switch outcome {
                    case .failed(let error): failure = error
                    case .verified(let warnings):
                        DiagnosticPrinter.print(warnings, console: console, language: language)
                        guard let result = imported.popFirst() else { return refused }
                        switch result {
                        case .success(let done):
                            console.say(
                                .resultImported(
                                    input.shown, record: done.record, raised: done.raised, closed: done.closed),
                                language: language)
                        case .failure(let error): failure = error
                        }
                    }
                    guard let failure else { continue }
                    guard let diagnostics = Registry.diagnostics(for: failure) as? DiagnosticError else {
                        throw failure
                    }
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
