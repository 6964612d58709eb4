import Foundation
import Logging
import MaturityCLI
import MaturityCore
import MaturityStore
import SQLKit
import Testing

/// `maturity users` and `maturity audit-log` on a data folder, as an administrator would run them.
@Suite struct UsersCommandTests {
    static func run(_ arguments: [String], in folder: String, input: String = "") -> CLIRun {
        let out = Capture()
        let err = Capture()
        var console = Console(
            write: { out.append($0) }, writeError: { err.append($0) }, environment: ["USER": "ops"],
            currentDirectory: folder, today: Day(year: 2026, month: 11, day: 22)!)
        console.readInput = { input }
        let status = MaturityMain.run(arguments, console: console)
        return CLIRun(status: status, stdout: out.value, stderr: err.value)
    }

    /// Runs the command line on a thread of its own: it blocks until its work is done, which must not hold one
    /// of the few threads async tests share.
    static func runOffPool(_ arguments: [String], in folder: String) async -> CLIRun {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: run(arguments, in: folder)) }.start()
        }
    }

    @Test func theFirstAdministratorGetsAOneTimePasswordAndEveryChangeIsInTheTrail() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-users-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let added = Self.run(["users", "add", "admin", "--role", "cb-admin"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        let line = try #require(added.stdout.split(separator: "\n").first { $0.hasPrefix("one-time password") })
        #expect(line.split(separator: " ").last?.count == 20)
        let short = Self.run(
            ["users", "add", "li", "--role", "reviewer", "--password-stdin"], in: folder, input: "short\n")
        #expect(short.status == 1)
        #expect(short.stderr.contains("the password is refused: a password needs at least 12 characters"))
        let chosen = Self.run(
            ["users", "add", "li", "--role", "reviewer", "--password-stdin"], in: folder,
            input: "a long enough passphrase\n")
        #expect(chosen.status == 0)
        #expect(!chosen.stdout.contains("one-time"))
        let misplaced = Self.run(["users", "add", "x", "--role", "company-member"], in: folder)
        #expect(misplaced.status == 64)
        #expect(misplaced.stderr.contains("--role company-member needs --organisation"))
        let token = Self.run(["users", "token", "li", "--label", "ci"], in: folder)
        #expect(token.stdout.contains("mt_"))
        let listed = Self.run(["users", "list"], in: folder)
        #expect(listed.stdout.contains("admin\tadmin\tzh\tactive\tcb-admin"))
        #expect(listed.stdout.contains("li\tli\tzh\tactive\treviewer"))
        #expect(Self.run(["users", "disable", "li"], in: folder).status == 0)
        #expect(Self.run(["users", "token", "li", "--list"], in: folder).stdout.contains("revoked"))
        let verified = Self.run(["audit-log", "verify"], in: folder)
        #expect(verified.status == 0)
        #expect(verified.stdout.hasPrefix("audit trail intact: "))
        let shown = Self.run(["audit-log", "show"], in: folder)
        #expect(shown.stdout.contains("command line (maturity users (ops))"))
        #expect(!shown.stdout.contains("$2b$"))
    }

    @Test func verifyExitsWithTheRecordThatWasEdited() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-trail-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await Self.runOffPool(["users", "add", "admin", "--role", "cb-admin"], in: folder).status == 0)
        let store = try await Store.open(
            StoreConfiguration(dataDirectory: folder + "/maturity-data"), logger: .init(label: "test"))
        try await store.database.transaction { sql in
            try await sql.raw("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1").run()
        }
        try await store.close()
        let verified = await Self.runOffPool(["audit-log", "verify"], in: folder)
        #expect(verified.status == 1)
        #expect(verified.stderr.contains("audit trail: record 1 was edited"))
    }
}
