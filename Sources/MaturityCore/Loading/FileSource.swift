import Crypto
import Foundation

/// Why a file could not be read, in plain words ("permission denied", "no such file").
public struct FileReadError: Error, Sendable, Equatable {
    public var reason: String
    /// The file holds more than the reader's limit (a pipe or a device that does not end, say).
    public var tooLarge: Bool

    public init(_ reason: String, tooLarge: Bool = false) {
        self.reason = reason
        self.tooLarge = tooLarge
    }
}

/// Where the engine reads its inputs: a folder on disk, or a set of files held in memory (a server's
/// stored uploads). Paths are absolute and use `/`; the loaders never touch the file system directly.
public protocol FileSource: Sendable {
    /// What `path` names, after symbolic links.
    func kind(_ path: String) -> FileKind
    /// The bytes of the regular file at `path`.
    func contents(_ path: String) throws(FileReadError) -> Data
    /// The bytes at `path` read to their end — a regular file, or on disk a pipe or a terminal — stopping
    /// with a `tooLarge` error once they pass `limit`, so that even `/dev/zero` ends.
    func contents(_ path: String, limit: Int) throws(FileReadError) -> Data
    /// The hexadecimal SHA-256 of the regular file at `path`, or nil when it is missing, not a regular file
    /// or cannot be read. On disk the file is read in pieces: memory stays flat however large it is.
    func sha256(ofFile path: String) -> String?
    /// The names in the folder at `path`, unsorted.
    func names(inFolder path: String) throws(FileReadError) -> [String]
    /// `path` with every symbolic link and `..` resolved, or nil when nothing is there.
    func realPath(_ path: String) -> String?
    /// The path on disk of `path`, for readers that stream a file (ticket exports); nil in memory.
    func diskPath(_ path: String) -> String?
}

extension FileSource {
    public func contents(_ path: String, limit: Int) throws(FileReadError) -> Data {
        let data = try contents(path)
        guard data.count <= limit else { throw FileReadError("more than \(limit) bytes", tooLarge: true) }
        return data
    }

    public func sha256(ofFile path: String) -> String? {
        guard kind(path).isRegular else { return nil }
        return (try? contents(path)).map(SignOff.sha256)
    }
}

/// The local file system.
public struct DiskFiles: FileSource {
    /// How much is read at a time.
    static let pieceBytes = 1 << 20

    public init() {}

    public func kind(_ path: String) -> FileKind {
        FileKind.onDisk(path)
    }

    public func contents(_ path: String) throws(FileReadError) -> Data {
        try contents(path, limit: .max)
    }

    public func contents(_ path: String, limit: Int) throws(FileReadError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(FileProblem.describe(errno)) }
        defer { close(fd) }
        var status = stat()
        let size = fstat(fd, &status) == 0 && FileKind(status).isRegular ? Int(status.st_size) : 0
        if size > limit { throw FileReadError("more than \(limit) bytes", tooLarge: true) }
        var data = Data(capacity: size > 0 ? size : 1 << 16)
        let failure = readPieces(fd) { piece in
            guard data.count + piece.count <= limit else { return false }
            data.append(contentsOf: piece)
            return true
        }
        if let failure { throw failure }
        return data
    }

    public func sha256(ofFile path: String) -> String? {
        guard kind(path).isRegular else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hasher = SHA256()
        let failure = readPieces(fd) { piece in
            hasher.update(bufferPointer: piece)
            return true
        }
        guard failure == nil else { return nil }
        return SignOff.hex(hasher.finalize())
    }

    /// Reads `fd` to its end in pieces of `pieceBytes`, handing each to `take` (false: too large, stop).
    func readPieces(_ fd: Int32, _ take: (UnsafeRawBufferPointer) -> Bool) -> FileReadError? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.pieceBytes, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                return FileReadError(FileProblem.describe(errno))
            }
            if n == 0 { return nil }
            guard take(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) else {
                return FileReadError("more than the limit", tooLarge: true)
            }
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
            var folder = PathText.folder(of: clean)
            while folder != "/", !folder.isEmpty, folders.insert(folder).inserted {
                folder = PathText.folder(of: folder)
            }
        }
        self.files = normalised
        self.folders = folders
    }

    /// An absolute path with `.`, `..` and repeated slashes resolved (never above `/`).
    public static func normalise(_ path: String) -> String {
        if isNormal(path) { return path }
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

    /// Whether `path` is normalised already: absolute, and no part of it empty, `.` or `..` (the engine asks
    /// about the same clean paths over and over). A part starting with a non-ASCII byte is left to the slow way.
    static func isNormal(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var bytes = path.utf8.makeIterator()
        guard bytes.next() == slash else { return false }
        var length = 0
        var dots = 0
        var any = false
        var afterSlash = true
        while let byte = bytes.next() {
            any = true
            // The slow way splits at the character "/", and "/" with a combining mark after it is not one.
            if afterSlash, byte >= 0x80 { return false }
            afterSlash = byte == slash
            if byte == slash {
                if length == 0 || dots == length { return false }
                (length, dots) = (0, 0)
            } else {
                length += 1
                if byte == dot { dots += 1 }
            }
        }
        // "/" alone is normal; otherwise the last part must be a name (no trailing slash, not "." or "..").
        return !any || (length > 0 && !(dots == length && length <= 2))
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
