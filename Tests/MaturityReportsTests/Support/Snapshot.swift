import Foundation
import Testing

/// Golden files: `Snapshots/<name>` at the top of this test target. A missing snapshot, or any with
/// RECORD_SNAPSHOTS=1, is written and the test fails, so nobody records by accident.
enum Snapshot {
    /// The target's `Snapshots/` folder, found from this file (`Support/Snapshot.swift`).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func assert(
        _ actual: String, named name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = folder.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); check it and run the tests again", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
            Issue.record(
                "\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n(RECORD_SNAPSHOTS=1 to re-record)",
                sourceLocation: sourceLocation)
        }
    }
}
