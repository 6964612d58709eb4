import Foundation

/// Where a path named in a user's file really points, after symbolic links.
public enum PathCheck {
    enum Outcome: Equatable, Sendable {
        case ok(String)
        case missing
        case outside
        /// A folder, a pipe, a device or a socket: only regular files are read from inside a folder.
        case notAFile
    }

    /// Resolves `path` against `folder` and checks that the real file lies inside the real folder and is
    /// a regular file (a FIFO would block the reader, a device never end).
    static func resolve(_ path: String, inside folder: String, files: any FileSource = DiskFiles()) -> Outcome {
        let joined = path.hasPrefix("/") ? path : PathText.join(folder, path)
        guard let realFile = files.realPath(joined) else { return .missing }
        guard let realFolder = files.realPath(folder) else { return .missing }
        let prefix = realFolder.hasSuffix("/") ? realFolder : realFolder + "/"
        guard realFile.hasPrefix(prefix) else { return .outside }
        guard files.kind(realFile).isRegular else { return .notAFile }
        return .ok(realFile)
    }

    /// The path with every symbolic link and `..` resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        DiskFiles().realPath(path)
    }
}
