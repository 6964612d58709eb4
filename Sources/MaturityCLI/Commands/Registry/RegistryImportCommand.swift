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
    enum Outcome: Sendable {
        case verified([Diagnostic])
        case failed(any Error)
    }

    /// A batch verified: an outcome for each file up to where it stopped, and the results to import.
    struct Verified: Sendable {
        var outcomes: [Outcome] = []
        var pending: [RegisterRepository.PendingResult] = []
        /// A file failed with something other than a refusal: the run stops there, as it would have without
        /// batches, and no later batch is verified.
        var stopped = false
    }

    /// Verifies `batch` in its order against the register's keys `ring`.
    static func verify(
        _ batch: [InputPath], engine: Engine, keys ring: KeyRing, allowUnsigned: Bool, console: Console
    ) -> Verified {
        var verified = Verified()
        for input in batch {
            do {
                let (record, warnings) = try engine.auditRecord(
                    input, keys: ring, requireSignature: !allowUnsigned, currentFolder: console.currentDirectory)
                let sha = SignOff.sha256((try? engine.files.contents(input.path)) ?? Data())
                verified.pending.append(.init(record: record, fileName: input.shown, sha256: sha))
                verified.outcomes.append(.verified(warnings))
            } catch {
                verified.outcomes.append(.failed(error))
                if !Registry.isRefusal(error) {
                    verified.stopped = true
                    break
                }
            }
        }
        return verified
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
            // The next batch is verified while this one is written, so the checks (CPU) overlap the database's
            // work instead of waiting for it.
            let batches = stride(from: 0, to: inputs.count, by: Self.batch).map {
                Array(inputs[$0..<min($0 + Self.batch, inputs.count)])
            }
            let verify: @Sendable ([InputPath]) -> Verified = { batch in
                Self.verify(batch, engine: engine, keys: ring, allowUnsigned: allowUnsigned, console: console)
            }
            var next = batches.first.map { batch in Blocking.Ahead { verify(batch) } }
            for (index, batch) in batches.enumerated() {
                guard let verifying = next else { break }
                let verified = await verifying.value
                next = nil
                if index + 1 < batches.count, !verified.stopped {
                    let following = batches[index + 1]
                    next = Blocking.Ahead { verify(following) }
                }
                var imported = try await store.register.importResults(verified.pending) {
                    Registry.isRefusal($0)
                }[...]
                for (input, outcome) in zip(batch, verified.outcomes) {
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
                    // Not a refusal of this result but a failure of the register (the database gone, say): the
                    // run stops here, the results before it imported, with everything refused so far reported.
                    if !Registry.isRefusal(failure) { return refused }
                }
            }
            return refused
        }
        if !refused.isEmpty { throw DiagnosticError(refused) }
    }
}
