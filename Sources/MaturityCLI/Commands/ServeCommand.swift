import ArgumentParser
import Foundation
import MaturityCore
import MaturityServer

/// `maturity serve`: the shared workspace's HTTP API over an embedded or a PostgreSQL database.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the shared workspace: an HTTP API (JSON under /api/v1) over one database.",
        discussion: """
            With no options the data goes to an embedded SQLite database in ./maturity-data (created on first \
            start) and the server listens on 127.0.0.1:8080. Stop it with Ctrl-C (or SIGTERM): requests in \
            flight are finished and the database is closed.

            Example: maturity serve --database postgres://maturity@127.0.0.1/maturity
            """,
        subcommands: [ServeBackupCommand.self]
    )

    @OptionGroup var store: ServeStoreOptions

    @Option(
        name: .long,
        help: "Address to listen on; only this machine's (loopback) until accounts exist (maturity users add).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0: any free port).")
    var port = 8080

    @Option(
        name: .long, help: "Public certificate verifications (GET /certificates/NUMBER) a client may make a minute.")
    var verificationsPerMinute = 120

    @Flag(
        name: .long,
        help: "Behind a TLS-terminating proxy: cookies are Secure, client addresses come from X-Forwarded-For.")
    var behindProxy = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(.optionRange("--port", 0...65535, found: port)) }
        guard verificationsPerMinute >= 1 else {
            throw ValidationError(.atLeastOne("--verifications-per-minute", found: verificationsPerMinute))
        }
    }

    func run() throws {
        let console = Context.console
        var configured = store.options(console: console, host: host, port: port)
        configured.verificationsPerMinute = verificationsPerMinute
        configured.behindProxy = behindProxy
        let options = configured
        let language = Context.language
        try ServeCommand.block(console: console) {
            try await Serve.run(options) { console.say($0, language: language) }
        }
    }

    /// Runs async work from this synchronous command; a refusal ends it with exit status 1 and its
    /// message (and hint) on standard error.
    /// The server runs on Swift's shared pool, every core serving requests; the program calls this from its
    /// main thread, which is not one of the pool's.
    static func block(console: Console, _ work: @escaping @Sendable () async throws -> Void) throws {
        do {
            try Blocking.run(onPrivateQueue: false, work)
        } catch var refusal as ServeError {
            refusal.language = Context.language
            throw refusal
        }
    }
}

/// `maturity serve backup`: a consistent copy of the embedded database while the server runs.
struct ServeBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the data folder's database and evidence files into one zip, consistently, while serving.",
        discussion: """
            To restore, stop the server and unzip the backup into an empty data folder. A PostgreSQL store is \
            backed up with pg_dump instead (the command says how).
            """
    )

    @OptionGroup var store: ServeStoreOptions

    @Option(name: .long, help: "The backup file to write (a zip).")
    var output: String

    func run() throws {
        let console = Context.console
        let options = store.options(console: console, host: "127.0.0.1", port: 0)
        let output = console.absolute(self.output)
        let language = Context.language
        try ServeCommand.block(console: console) {
            let backup = try await Serve.backup(options)
            // Through the one safe writer: never over the database it was made from, through a link to
            // its target, keeping a replaced file's mode.
            try FileOutput.write(
                backup.zip, to: output, shown: self.output,
                inputs: backup.sources.map { FileOutput.Input(path: $0, shown: console.relative($0)) })
            console.say(.backupWritten(output, files: backup.count), language: language)
        }
    }
}

/// Where the store is: shared by `serve` and `serve backup`.
struct ServeStoreOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder for the embedded database and evidence files (default ./maturity-data).")
    var data = "maturity-data"

    @Option(name: .long, help: "Use PostgreSQL instead: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
    var database: String?

    func options(console: Console, host: String, port: Int) -> ServeOptions {
        ServeOptions(
            dataDirectory: console.absolute(data),
            databaseURL: database ?? console.environment["MATURITY_DATABASE_URL"],
            host: host, port: port, criteriaFolders: CatalogLocator.criteriaFolders(console: console))
    }
}
