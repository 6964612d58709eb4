/// Paths between folders, for locators written into results.
public enum RelativePath {
    /// `target` as seen from the folder `base` (both absolute): `../Criteria/x`, `audit/assessment.yaml`.
    public static func from(_ base: String, to target: String) -> String {
        let from = components(base)
        let to = components(target)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let path = (up + to[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }

    /// The components of an absolute path, `.` and `..` resolved (without `NSString`, which traps on some
    /// one-character paths).
    static func components(_ path: String) -> [String] {
        var parts: [String] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts
    }
}
