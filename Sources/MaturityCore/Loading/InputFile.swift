import Foundation

/// Reading a user's input file: a folder, an oversized file or an unreadable one is a diagnostic,
/// checked before any byte is parsed.
enum InputFile {
    /// The bytes of `path`; `shown` names it in diagnostics, `kind` ("YAML", "JSON") says what it should
    /// be, `what` what may not exceed `maximumBytes`.
    static func read(
        _ path: String, shown: String, kind: String, maximumBytes: Int, what: String, label: String = "",
        hint: String = "check the path and that the file is readable", files: any FileSource = DiskFiles()
    ) throws(DiagnosticError) -> Data {
        switch files.kind(path) {
        case .folder:
            throw DiagnosticError(.error("'\(shown)' is a folder, not a \(kind) file", at: nil))
        case .regular(let size) where size > maximumBytes:
            throw DiagnosticError(
                .error(
                    "file is \(size) bytes, more than the \(maximumBytes >> 20) MB \(what) may have",
                    at: .start(of: shown)))
        default:
            break
        }
        do {
            return try files.contents(path)
        } catch {
            throw DiagnosticError(.error("cannot read \(label)'\(shown)': \(error.reason)", at: nil, hint: hint))
        }
    }
}

/// Plain words for file-system errors (`localizedDescription` is empty on Linux).
public enum FileProblem {
    public static func describe(_ error: Error, path: String) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if !FileManager.default.fileExists(atPath: path) { return "no such file" }
        return "\(error)"
    }
}
