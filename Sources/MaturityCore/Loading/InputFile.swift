import Foundation

/// Reading a user's input file: a folder, an oversized file or an unreadable one is a diagnostic,
/// checked before any byte is parsed.
enum InputFile {
    /// The bytes of `path`; `shown` names it in diagnostics, `kind` ("YAML", "JSON") says what it should
    /// be, `what` what may not exceed `maximumBytes`.
    ///
    /// A regular file is read whole after its size is checked. A pipe or a terminal (`/dev/stdin`,
    /// `<(command)`, a FIFO once a program writes to it) is read to its end, stopping with an error once
    /// it passes the limit, so that even `/dev/zero` ends. A folder, a socket or a block device is
    /// refused by its type. (Files named inside an assessment or a catalog folder must be regular files:
    /// see PathCheck.)
    static func read(
        _ path: String, shown: String, kind: Diagnostic.Message, maximumBytes: Int, what: Diagnostic.Message,
        label: Diagnostic.Message = .key(""), hint: Diagnostic.Message = .checkPathReadable,
        files: any FileSource = DiskFiles()
    ) throws(DiagnosticError) -> Data {
        let found = files.kind(path)
        switch found {
        case .missing:
            throw DiagnosticError(
                .error(.cannotRead(label, shown, reason: "no such file"), at: .file(shown), hint: hint))
        case .regular(let size) where size > maximumBytes:
            throw DiagnosticError(
                .error(.fileTooLarge(bytes: size, megabytes: maximumBytes >> 20, what: what), at: .start(of: shown)))
        case .regular, .pipe, .characterDevice:
            break
        case .folder, .blockDevice, .socket:
            throw DiagnosticError(.error(.notAFileOfKind(shown, is: found, kind: kind), at: .file(shown)))
        }
        do {
            return try files.contents(path, limit: maximumBytes)
        } catch {
            if error.tooLarge {
                throw DiagnosticError(
                    .error(.fileMoreThan(megabytes: maximumBytes >> 20, what: what), at: .start(of: shown)))
            }
            throw DiagnosticError(
                .error(.cannotRead(label, shown, reason: error.reason), at: .file(shown), hint: hint))
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
            return describe(Int32(posix.code))
        }
        if !FileManager.default.fileExists(atPath: path) { return "no such file" }
        return "\(error)"
    }

    /// An errno in the same words: "no such file", "permission denied", else the system's, in lower case.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
