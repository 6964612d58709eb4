import Foundation

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

    static func components(_ path: String) -> [String] {
        (path as NSString).standardizingPath.split(separator: "/").map(String.init)
    }
}
