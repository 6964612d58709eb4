import Foundation

/// What a path names in a file source, after symbolic links: readers take regular files (and, given on
/// the command line, pipes and terminals), writers refuse what they cannot replace.
public enum FileKind: Sendable, Equatable {
    case missing
    case regular(size: Int)
    case folder
    case pipe
    case characterDevice
    case blockDevice
    case socket

    /// The kind a `stat` gives.
    public init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular(size: Int(status.st_size))
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .pipe
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .missing
        }
    }

    /// The kind of `path` on disk, after symbolic links (a dangling link is `missing`).
    public static func onDisk(_ path: String) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return FileKind(status)
    }

    public var isRegular: Bool {
        if case .regular = self { return true }
        return false
    }

    /// A pipe or a terminal: read to its end, written to directly.
    public var isStream: Bool { self == .pipe || self == .characterDevice }

    /// "a folder", "a pipe (FIFO)", … for messages.
    public var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .folder: return "a folder"
        case .pipe: return "a pipe (FIFO)"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .missing: return "missing"
        }
    }
}
