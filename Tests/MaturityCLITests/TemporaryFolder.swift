import Foundation

/// A fresh folder in the system temporary directory for one test. Call `remove()` in a `defer` right
/// after creating it: the folder goes with everything in it, so a run leaves nothing behind.
struct TemporaryFolder {
    let path: String

    init(_ prefix: String) throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` in the folder.
    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
