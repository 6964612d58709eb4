import Foundation

/// Where a path named in a user's file really points, after symbolic links.
public enum PathCheck {
    enum Outcome: Equatable, Sendable {
        case ok(String)
        case missing
        case outside
        case notAFile
    }

    /// Resolves `path` against `folder` and checks that the real file lies inside the real folder.
    static func resolve(_ path: String, inside folder: String, files: any FileSource = DiskFiles()) -> Outcome {
        let joined = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        guard let realFile = files.realPath(joined) else { return .missing }
        guard let realFolder = files.realPath(folder) else { return .missing }
        let prefix = realFolder.hasSuffix("/") ? realFolder : realFolder + "/"
        guard realFile.hasPrefix(prefix) else { return .outside }
        guard case .regular = files.kind(realFile) else { return .notAFile }
        return .ok(realFile)
    }

    /// The path with every symbolic link and `..` resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        DiskFiles().realPath(path)
    }
}
