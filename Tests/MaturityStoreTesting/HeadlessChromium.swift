import Foundation

/// Debian's chromium run headless by the browser tests of the reports and of the register's pages.
public enum HeadlessChromium {
    /// The installed browser, or nil (the tests are then skipped, except in CI where it must exist).
    public static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    public struct NotInstalled: Error, CustomStringConvertible {
        public var description: String { "chromium is not installed" }
    }

    /// Runs the browser with `arguments` in a profile of its own (removed after), and gives back its status
    /// and output.
    public static func run(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        guard let path else { throw NotInstalled() }
        let profile = NSTemporaryDirectory() + "maturity-chromium-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let ran = try await ChildProcess.run(
            path,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(profile)",
            ] + arguments)
        return (ran.status, String(decoding: ran.stdout, as: UTF8.self), String(decoding: ran.stderr, as: UTF8.self))
    }

    /// `/Type /Page` objects (not `/Pages`) in a PDF the browser printed.
    public static func pageCount(_ data: Data) -> Int {
        let text = String(decoding: data, as: UTF8.self)
        var count = 0
        var rest = text[...]
        while let range = rest.range(of: "/Type") {
            rest = rest[range.upperBound...]
            let after = rest.drop { $0 == " " }
            if after.hasPrefix("/Page"), !after.dropFirst(5).hasPrefix("s") { count += 1 }
        }
        return count
    }
}
