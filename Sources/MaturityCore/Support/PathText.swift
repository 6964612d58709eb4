/// Paths as text, without Foundation's `NSString` path methods (some of which trap on a one-character
/// path on Linux): every path a user types goes through these.
public enum PathText {
    /// The folder part of `path`: `a/b` → `a`, `b` → ``, `/b` → `/`, `b/` → `` (the trailing slash is not a
    /// component), `.` → ``.
    public static func folder(of path: String) -> String {
        if let folder = asciiFolder(of: path) { return folder }
        return folderByCharacters(of: path)
    }

    /// ``folder(of:)`` by bytes, for an ASCII path (each character one byte, and `/` never part of a larger
    /// one); nil for any other. The engine asks it for every file of a folder at every scoring.
    static func asciiFolder(of path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            let slash = UInt8(ascii: "/")
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var end = bytes.count
            while end > 1, bytes[end - 1] == slash { end -= 1 }
            guard let found = bytes[..<end].lastIndex(of: slash) else { return "" }
            if found == 0 { return "/" }
            var folderEnd = found
            while folderEnd > 1, bytes[folderEnd - 1] == slash { folderEnd -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<folderEnd]), as: UTF8.self)
        }
    }

    /// ``folder(of:)`` by characters, for any path.
    static func folderByCharacters(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/"), trimmed.count > 1 { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let folder = trimmed[..<slash]
        if folder.isEmpty { return "/" }
        var end = folder
        while end.hasSuffix("/"), end.count > 1 { end = end.dropLast() }
        return String(end)
    }

    /// The last component: `a/b` → `b`, `b/` → `b`, `/` → `/`.
    public static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/"), trimmed.count > 1 { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/"), trimmed != "/" else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `name` inside `folder`, one slash between them; `folder` empty or `.` gives `name`.
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty || folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
