import Foundation
import Synchronization

/// A process the tests start (the browser, LibreOffice, the built command line), waited for by suspending.
/// Tests run on Swift's cooperative threads, only as many as the machine has cores: a test that blocked one
/// while LibreOffice took its 20 s (`waitUntilExit`, reading a pipe to its end) could leave the tests that
/// wait for tasks of their own with no thread to run them on, and fail them.
public final class ChildProcess: Sendable {
    /// The process, running from `init` on.
    public let process: Process
    private let end = End()

    /// Runs `process`, set up and not yet started.
    public init(_ process: Process) throws {
        self.process = process
        // Set before the process starts: set later, it is not called for a process that has already ended.
        process.terminationHandler = { [end] _ in end.reached() }
        // A child starts with the signals of the thread that starts it blocked, and Swift's threads block
        // nearly all: started from one as it is, the child would never see `terminate()`'s SIGTERM. It is
        // started with none blocked, as from a shell.
        var none = sigset_t()
        var blocked = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &blocked)
        defer { pthread_sigmask(SIG_SETMASK, &blocked, nil) }
        try process.run()
    }

    /// Suspends until the process has ended; its `terminationStatus` and `terminationReason` are then set.
    public func waitUntilExit() async {
        await end.wait()
    }

    /// Asks the process to stop (SIGTERM), if it still runs.
    public func terminate() {
        if process.isRunning { process.terminate() }
    }

    /// Sends SIGKILL to the process, if it still runs.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// The status a process run to its end by `run` exited with, and what it printed.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: Data
        /// Empty when the errors were merged into `stdout`.
        public var stderr: Data
    }

    /// Runs `executable` with `arguments` to its end. Its errors go to `stdout` with its output when
    /// `mergingErrors` (in the order it wrote them), to `stderr` otherwise. Given a `timeout`, the process is
    /// asked to stop (SIGTERM) once it has run that long.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil,
        environment: [String: String]? = nil, mergingErrors: Bool = false, timeout: Duration? = nil
    ) async throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = mergingErrors ? out : Pipe()
        process.standardOutput = out
        process.standardError = err
        let child = try ChildProcess(process)
        // Both pipes are read while the process runs, so neither fills up and stops it.
        async let stdout = read(out)
        async let stderr = mergingErrors ? Data() : read(err)
        let timer = timeout.map { timeout in
            Task {
                try await Task.sleep(for: timeout)
                child.terminate()
            }
        }
        await child.waitUntilExit()
        timer?.cancel()
        return Output(status: process.terminationStatus, stdout: await stdout, stderr: await stderr)
    }

    /// All that `pipe` carries, up to its end.
    public static func read(_ pipe: Pipe) async -> Data {
        await blocking { pipe.fileHandleForReading.readDataToEndOfFile() }
    }

    /// What `pipe` carries up to the first read after which `enough` holds for the text read so far, or to
    /// its end.
    public static func read(_ pipe: Pipe, until enough: @escaping @Sendable (String) -> Bool) async -> String {
        await blocking {
            var text = ""
            while !enough(text) {
                let data = pipe.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
    }

    /// `body`'s result, `body` run on a thread of its own, since it blocks (reading a pipe), while the
    /// caller suspends.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    /// The end of a process, awaited by any number of callers, before or after it comes.
    private final class End: Sendable {
        private enum State {
            case running(waiting: [CheckedContinuation<Void, Never>])
            case ended
        }

        private let state = Mutex(State.running(waiting: []))

        func wait() async {
            await withCheckedContinuation { continuation in
                let ended = state.withLock { state in
                    guard case .running(var waiting) = state else { return true }
                    waiting.append(continuation)
                    state = .running(waiting: waiting)
                    return false
                }
                if ended { continuation.resume() }
            }
        }

        func reached() {
            let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                defer { state = .ended }
                guard case .running(let waiting) = state else { return [] }
                return waiting
            }
            for continuation in waiting { continuation.resume() }
        }
    }
}
