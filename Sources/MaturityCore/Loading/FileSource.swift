import Foundation

/// What a path names in a file source.
public enum FileKind: Sendable, Equatable {
    case missing
    case regular(size: Int)
    case folder
    /// A device, pipe, socket or other special file.
    case special
}

/// Why a file could not be read, in plain words ("permission denied", "no such file").
public struct FileReadError: Error, Sendable, Equatable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}

/// Where the engine reads its inputs: a folder on disk, or a set of files held in memory (a server's
/// stored uploads). Paths are absolute and use `/`; the loaders never touch the file system directly.
public protocol FileSource: Sendable {
    /// What `path` names, after symbolic links.
    func kind(_ path: String) -> FileKind
    /// The bytes of the regular file at `path`.
    func contents(_ path: String) throws(FileReadError) -> Data
    /// The names in the folder at `path`, unsorted.
    func names(inFolder path: String) throws(FileReadError) -> [String]
    /// `path` with every symbolic link and `..` resolved, or nil when nothing is there.
    func realPath(_ path: String) -> String?
    /// The path on disk of `path`, for readers that stream a file (ticket exports); nil in memory.
    func diskPath(_ path: String) -> String?
}

/// The local file system.
public struct DiskFiles: FileSource {
    public init() {}

    public func kind(_ path: String) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(status.st_size))
        case S_IFDIR: return .folder
        default: return .special
        }
    }

    public func contents(_ path: String) throws(FileReadError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FileReadError(FileProblem.describe(error, path: path))
        }
    }

    public func names(inFolder path: String) throws(FileReadError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw FileReadError(FileProblem.describe(error, path: path))
        }
    }

    public func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func diskPath(_ path: String) -> String? { path }
}

/// Files held in memory by path, e.g. `/assessment.yaml` and `/evidence/response.pdf`; folders are
/// implied by the paths of the files in them. There are no links: a path's real path is itself.
public struct MemoryFiles: FileSource {
    public let files: [String: Data]
    let folders: Set<String>

    /// `files` by path; relative paths are taken from `/`, and `.` and `..` are resolved.
    public init(_ files: [String: Data]) {
        var normalised: [String: Data] = [:]
        var folders: Set<String> = ["/"]
        for (path, data) in files {
            let clean = MemoryFiles.normalise(path)
            normalised[clean] = data
            var folder = (clean as NSString).deletingLastPathComponent
            while folder != "/", !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        self.files = normalised
        self.folders = folders
    }

    /// An absolute path with `.`, `..` and repeated slashes resolved (never above `/`).
    public static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    public func kind(_ path: String) -> FileKind {
        let clean = MemoryFiles.normalise(path)
        if let data = files[clean] { return .regular(size: data.count) }
        return folders.contains(clean) ? .folder : .missing
    }

    public func contents(_ path: String) throws(FileReadError) -> Data {
        guard let data = files[MemoryFiles.normalise(path)] else { throw FileReadError("no such file") }
        return data
    }

    public func names(inFolder path: String) throws(FileReadError) -> [String] {
        let clean = MemoryFiles.normalise(path)
        guard folders.contains(clean) else {
            throw FileReadError(files[clean] == nil ? "no such file" : "not a folder")
        }
        let prefix = clean == "/" ? "/" : clean + "/"
        var names = Set<String>()
        for path in files.keys where path.hasPrefix(prefix) {
            names.insert(String(path.dropFirst(prefix.count).prefix { $0 != "/" }))
        }
        return Array(names)
    }

    public func realPath(_ path: String) -> String? {
        let clean = MemoryFiles.normalise(path)
        return kind(clean) == .missing ? nil : clean
    }

    public func diskPath(_ path: String) -> String? { nil }
}
