import Foundation
import MaturityStoreTesting
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

    /// Starts `maturity assess … --format html --output OUTPUT` on the inputs in `folder`. Given a pipe for
    /// its standard error, the writer stops between flushing its temporary file and renaming it
    /// (`MATURITY_TEST_PAUSE_BEFORE_RENAME`) and says so there.
    static func start(_ binary: String, in folder: String, output: String, pausingWith pipe: Pipe? = nil) throws
        -> ChildProcess
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "assess", folder + "/assessment.yaml", "--catalog", folder + "/catalog.yaml", "--format", "html",
            "--output", output,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let pipe {
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["MATURITY_TEST_PAUSE_BEFORE_RENAME": "1"], uniquingKeysWith: { _, new in new })
            process.standardError = pipe
        }
        return try ChildProcess(process)
    }

    static var enabled: Bool { binary != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The writer is stopped after its report is complete and flushed but before the rename, then killed:
    /// the file people already have must still be there, untouched. A writer that wrote in place would
    /// already have replaced it (or left it half-written) at that point, every time.
    @Test(.enabled(if: enabled))
    func aKilledWriteLeavesThePreviousFileIntact() async throws {
        let binary = try #require(Self.binary, "build the command line first: swift build")
        let folder = try TemporaryFolder("maturity-kill")
        defer { folder.remove() }
        try Self.makeInputs(in: folder.path, count: 300)
        let output = folder.file("report.html")
        let previous = "<!-- the report people already have -->\n"
        try previous.write(toFile: output, atomically: false, encoding: .utf8)

        let standardError = Pipe()
        let writer = try Self.start(binary, in: folder.path, output: output, pausingWith: standardError)
        defer { writer.kill() }
        let said = await ChildProcess.read(standardError) { $0.contains("paused before rename: ") }
        try #require(said.contains("paused before rename: "), "the writer never paused before its rename: \(said)")
        #expect(writer.process.isRunning)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == previous, "changed before the rename")
        let temporaries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix(".report.html.tmp-")
        }
        try #require(temporaries.count == 1, "\(temporaries)")
        let complete = try String(contentsOfFile: folder.file(temporaries[0]), encoding: .utf8)
        #expect(complete.hasPrefix("<!DOCTYPE html>") && complete.hasSuffix("</html>\n"))

        writer.kill()
        await writer.waitUntilExit()
        #expect(writer.process.terminationReason == .uncaughtSignal)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == previous, "changed by the killed writer")

        // A run left alone replaces the file whole and clears what the killed writer left behind.
        let finished = try Self.start(binary, in: folder.path, output: output)
        await finished.waitUntilExit()
        #expect(finished.process.terminationStatus == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == complete)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains(".tmp-")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// The shipped writer, without the test hook, killed at the first sign of writing (a new file in the
    /// folder, or the report changing size) and a little later each attempt: wherever the kill lands, the
    /// file holds the previous content or the whole new report, never a part.
    @Test(.enabled(if: enabled))
    func aWriterKilledAtAnyMomentLeavesTheOldFileOrTheNewOneNeverAPart() async throws {
        let binary = try #require(Self.binary, "build the command line first: swift build")
        let folder = try TemporaryFolder("maturity-kill")
        defer { folder.remove() }
        try Self.makeInputs(in: folder.path, count: 2000)
        let reference = try Self.start(binary, in: folder.path, output: folder.file("whole.html"))
        await reference.waitUntilExit()
        let whole = try String(contentsOfFile: folder.file("whole.html"), encoding: .utf8)
        #expect(whole.hasSuffix("</html>\n"))
        let output = folder.file("report.html")
        let previous = "<!-- the report people already have -->\n"

        for attempt in 0..<5 {
            try previous.write(toFile: output, atomically: false, encoding: .utf8)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            let writer = try Self.start(binary, in: folder.path, output: output)
            while writer.process.isRunning {
                let now = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? names
                let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
                if now != names || size != previous.utf8.count {
                    try await Task.sleep(for: .microseconds(300 * attempt))
                    writer.kill()
                    break
                }
                try await Task.sleep(for: .microseconds(50))
            }
            await writer.waitUntilExit()
            let content = try String(contentsOfFile: output, encoding: .utf8)
            #expect(content == previous || content == whole, "attempt \(attempt): \(content.utf8.count) bytes")
        }
    }
}
