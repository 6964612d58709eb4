import Foundation

/// What kind of file system object a path names, following symbolic links: readers take regular files
/// (and, given on the command line, pipes and terminals), writers refuse what they cannot replace.
public enum FileKind: String, Sendable, Equatable {
    case regular
    case folder
    case pipe
    case characterDevice
    case blockDevice
    case socket
    case symbolicLink
    case missing

    /// The kind of `path` after symbolic links (a dangling link is `missing`).
    public static func of(_ path: String) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return kind(status.st_mode)
    }

    /// The kind a `stat` mode gives.
    public static func kind(_ mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFIFO: return .pipe
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFSOCK: return .socket
        case S_IFLNK: return .symbolicLink
        default: return .missing
        }
    }

    /// "a folder", "a pipe (FIFO)", … for messages.
    public var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .folder: return "a folder"
        case .pipe: return "a pipe (FIFO)"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        case .missing: return "missing"
        }
    }
}
