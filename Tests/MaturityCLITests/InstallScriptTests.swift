import Foundation
import MaturityStoreTesting
import Testing

/// `scripts/install.sh` puts the program in PREFIX/bin and the shipped catalogs where the installed
/// program finds them, from any folder, and says how to put PREFIX/bin on the PATH.
@Suite struct InstallScriptTests {
    struct Ran {
        var status: Int32
        var output: String
    }

    static func run(_ executable: String, _ arguments: [String], in folder: String, environment: [String: String])
        async throws -> Ran
    {
        let ran = try await ChildProcess.run(
            executable, arguments, in: folder, environment: environment, mergingErrors: true)
        return Ran(status: ran.status, output: String(decoding: ran.stdout, as: UTF8.self))
    }

    static let script = CLI.projectRoot + "/scripts/install.sh"

    @Test(.enabled(if: KilledWriteTests.binary != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
    func theInstalledProgramFindsTheShippedCatalogsFromAnyFolder() async throws {
        let binary = try #require(KilledWriteTests.binary, "build the command line first: swift build")
        let prefix = try TemporaryFolder("maturity-install")
        let elsewhere = try TemporaryFolder("maturity-elsewhere")
        defer {
            prefix.remove()
            elsewhere.remove()
        }
        let install = try await Self.run(
            "/bin/sh", [Self.script], in: elsewhere.path,
            environment: [
                "PREFIX": prefix.path, "MATURITY_BINARY": binary, "PATH": "/usr/bin:/bin", "HOME": prefix.path,
            ])
        #expect(install.status == 0, "\(install.output)")
        #expect(install.output.contains("installed \(prefix.path)/bin/maturity"))
        #expect(
            install.output.contains("echo 'export PATH=\"\(prefix.path)/bin:$PATH\"' >> ~/.bashrc"), "\(install.output)"
        )
        #expect(
            FileManager.default.fileExists(
                atPath: prefix.file("share/maturity/Criteria/after-sales-maturity/catalog.yaml")))
        // Run from a folder without Criteria/: the catalogs are found beside the installed program.
        let shown = try await Self.run(
            prefix.file("bin/maturity"), ["catalog", "show", "gbt27922-after-sales-evaluation", "--lang", "zh"],
            in: elsewhere.path, environment: ["PATH": "/usr/bin:/bin"])
        #expect(shown.status == 0, "\(shown.output)")
        #expect(shown.output.contains("SS-01"))
        // Installing again replaces the program and the catalogs, and says nothing about PATH once it is there.
        let again = try await Self.run(
            "/bin/sh", [Self.script], in: elsewhere.path,
            environment: [
                "PREFIX": prefix.path, "MATURITY_BINARY": binary, "PATH": "\(prefix.path)/bin:/usr/bin:/bin",
            ])
        #expect(again.status == 0, "\(again.output)")
        #expect(!again.output.contains("not on your PATH"))
    }

    @Test func withoutAReleaseBuildItSaysWhatToRunFirst() async throws {
        let prefix = try TemporaryFolder("maturity-install")
        defer { prefix.remove() }
        let install = try await Self.run(
            "/bin/sh", [Self.script], in: prefix.path,
            environment: ["PREFIX": prefix.path, "MATURITY_BINARY": prefix.file("missing"), "PATH": "/usr/bin:/bin"])
        #expect(install.status == 1)
        #expect(install.output.contains("build it first with: swift build -c release"))
        #expect(!FileManager.default.fileExists(atPath: prefix.file("bin/maturity")))
    }
}
