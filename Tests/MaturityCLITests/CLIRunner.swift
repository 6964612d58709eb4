import Foundation
import MaturityCLI
import MaturityCore
import Synchronization

/// Runs the command line in-process and captures what it prints.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

final class Capture: Sendable {
    let text = Mutex("")
    func append(_ more: String) { text.withLock { $0 += more } }
    var value: String { text.withLock { $0 } }
}

enum CLI {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        .path

    /// Runs `maturity arguments…` with the project root as current directory and a fixed date.
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:])
        -> CLIRun
    {
        let out = Capture()
        let err = Capture()
        let console = Console(
            write: { out.append($0) }, writeError: { err.append($0) }, errorIsTerminal: false,
            environment: environment, currentDirectory: directory ?? projectRoot,
            today: Day(year: 2026, month: 11, day: 22)!)
        let status = MaturityMain.run(arguments, console: console)
        return CLIRun(status: status, stdout: out.value, stderr: err.value)
    }
}
