/// Paths as text, without Foundation's `NSString` path methods (some of which trap on a one-character
/// path on Linux): every path a user types goes through these.
public enum PathText {
    /// The folder part of `path`: `a/b` → `a`, `b` → ``, `/b` → `/`, `b/` → `` (the trailing slash is not a
    /// component), `.` → ``.
    public static func folder(of path: String) -> String {
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
