import Foundation
import MaturityCore

/// Writes files so that an existing file is never left half-written: a temporary file beside the
/// target, flushed, then renamed over it.
enum FileOutput {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `text` to the absolute `path`; `shown` is the path as the user gave it, for messages.
    static func write(_ text: String, to path: String, shown: String? = nil) throws(DiagnosticError) {
        try write(Data(text.utf8), to: path, shown: shown)
    }

    static func write(_ data: Data, to path: String, shown: String? = nil) throws(DiagnosticError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let shownPath = shown ?? path
        let shownFolder = shown.map { ($0 as NSString).deletingLastPathComponent } ?? folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(
                .error(
                    "cannot write '\(shownPath)': folder '\(shownFolder.isEmpty ? "." : shownFolder)' does not exist",
                    at: nil,
                    hint: "create the folder first"))
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DiagnosticError(.error("cannot write '\(shownPath)': it is a folder", at: nil))
        }
        removeAbandonedTemporaries(of: url.lastPathComponent, in: folder)
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw DiagnosticError(.error("cannot write '\(shownPath)': \(String(cString: strerror(errno)))", at: nil))
        }
        var ok = true
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += n
            }
        }
        let errorText = String(cString: strerror(errno))
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        if ok { pauseBeforeRenameIfTesting(temporary) }
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw DiagnosticError(.error("cannot write '\(shownPath)': \(errorText)", at: nil))
        }
    }

    /// Test hook: with `MATURITY_TEST_PAUSE_BEFORE_RENAME=1` in the environment, a writer whose temporary file
    /// is complete and flushed says so on standard error and waits 30 seconds before renaming it, so a test
    /// can kill it exactly there, every time.
    static func pauseBeforeRenameIfTesting(_ temporary: String) {
        guard ProcessInfo.processInfo.environment["MATURITY_TEST_PAUSE_BEFORE_RENAME"] == "1" else { return }
        FileHandle.standardError.write(Data("paused before rename: \(temporary)\n".utf8))
        sleep(30)
    }

    /// Temporary files a killed writer of `name` left behind (`.name.tmp-PID-N` whose process is gone).
    static func removeAbandonedTemporaries(of name: String, in folder: String) {
        let prefix = "." + name + ".tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                unlink(folder + "/" + entry)
            }
        }
    }
}
