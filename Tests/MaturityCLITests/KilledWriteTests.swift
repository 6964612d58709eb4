import Foundation
import Testing

/// A `maturity` process killed while it writes its output leaves the previous file as it was: the
/// report goes to a temporary file that is renamed over the target only once complete.
@Suite(.serialized) struct KilledWriteTests {
    /// The built command line, beside the test bundle (`swift build` puts both in one folder).
    static let binary: String? = {
        let folder = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        let candidates = [folder + "/maturity", CLI.projectRoot + "/.build/debug/maturity"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// A catalog of `count` criteria in one domain, and an assessment claiming level 3 for each.
    static func makeInputs(in folder: String, count: Int) throws {
        var catalog = """
            schema: 1
            id: big
            version: "1"
            title: Big
            levels:
              - {level: 0, name: absent}
              - {level: 1, name: initial, evidence: [statement]}
              - {level: 2, name: defined, evidence: [document]}
              - {level: 3, name: deployed, evidence: [record]}
            ratings:
              - {id: pass, name: Pass, overall_min: 60}
            domains:
              - id: d
                name: Domain
                weight: 1
                criteria:

            """
        var assessment = """
            schema: 1
            catalog: big
            organisation: {name: 大型组织}
            date: 2026-11-01
            evidence:
              - {id: E1, kind: statement, title: s, date: 2026-10-01}
              - {id: E2, kind: document, title: d, date: 2026-10-01}
            criteria:

            """
        for i in 0..<count {
            let id = "C-\(i)"
            catalog +=
                "      - {id: \(id), name: 评价项 \(i) with a long name, weight: \(1 + i % 5), levels: {1: a, 2: b, 3: c}, sources: [s]}\n"
            assessment += "  \(id): {claimed: 3, evidence: [E1, E2]}\n"
        }
        try catalog.write(toFile: folder + "/catalog.yaml", atomically: true, encoding: .utf8)
        try assessment.write(toFile: folder + "/assessment.yaml", atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: binary != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
    func aKilledWriteLeavesThePreviousFileIntact() throws {
        let binary = try #require(Self.binary, "build the command line first: swift build")
        let folder = NSTemporaryDirectory() + "maturity-kill-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.makeInputs(in: folder, count: 3000)
        let output = folder + "/report.html"
        let previous = "<!-- the report people already have -->\n"
        try previous.write(toFile: output, atomically: true, encoding: .utf8)

        var killedMidWrite = 0
        var attempts = 0
        while killedMidWrite < 6, attempts < 60 {
            attempts += 1
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = [
                "assess", folder + "/assessment.yaml", "--catalog", folder + "/catalog.yaml", "--format", "html",
                "--output", output,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait for the temporary file to appear, then kill the writer a little later each attempt, so
            // the kills land at different points of the write.
            var sawTemporary = false
            while process.isRunning {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                if names.contains(where: { $0.hasPrefix(".report.html.tmp-") }) {
                    usleep(UInt32(attempts % 8) * 400)
                    sawTemporary = process.isRunning
                    kill(process.processIdentifier, SIGKILL)
                    break
                }
            }
            process.waitUntilExit()
            if sawTemporary, process.terminationReason == .uncaughtSignal { killedMidWrite += 1 }
            #expect(try String(contentsOfFile: output, encoding: .utf8) == previous, "attempt \(attempts)")
            if process.terminationReason == .exit {
                // The run finished before it could be killed: start again from the previous file.
                try previous.write(toFile: output, atomically: true, encoding: .utf8)
            }
        }
        #expect(killedMidWrite >= 1, "no run was killed while writing in \(attempts) attempts")

        // A run left alone replaces the file whole and clears what the killed writers left behind.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: binary)
        finished.arguments = [
            "assess", folder + "/assessment.yaml", "--catalog", folder + "/catalog.yaml", "--format", "html",
            "--output",
            output,
        ]
        try finished.run()
        finished.waitUntilExit()
        #expect(finished.terminationStatus == 0)
        let report = try String(contentsOfFile: output, encoding: .utf8)
        #expect(report.hasPrefix("<!DOCTYPE html>") && report.hasSuffix("</html>\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
