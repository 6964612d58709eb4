import Foundation
import MaturityCore

/// Where a command writes and what it knows about its surroundings; tests swap it for a recorder.
public struct Console: Sendable {
    public var write: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    /// Whether standard error is a terminal (colour diagnostics only then).
    public var errorIsTerminal: Bool
    public var environment: [String: String]
    public var currentDirectory: String
    /// Today's date, for `init` templates and `--as-of` defaults; never read inside scoring.
    public var today: Day
    /// Reads standard input to its end (`--password-stdin`); tests give the text.
    public var readInput: @Sendable () -> String = {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    public init(
        write: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
        errorIsTerminal: Bool = false, environment: [String: String] = [:], currentDirectory: String,
        today: Day
    ) {
        self.write = write
        self.writeError = writeError
        self.errorIsTerminal = errorIsTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.today = today
    }

    /// The process's standard output and error.
    public static var standard: Console {
        let now = Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let today =
            Day(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(daysSinceEpoch: 0)
        return Console(
            write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
            errorIsTerminal: isatty(STDERR_FILENO) == 1,
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            today: today)
    }
}

enum Context {
    @TaskLocal static var console: Console = .standard
    /// The language diagnostics are printed in, chosen once the command line is parsed.
    @TaskLocal static var language: Language = .en
}
