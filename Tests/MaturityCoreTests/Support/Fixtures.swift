import Foundation
import MaturityCore

/// Paths to this test target's fixture files, found from the source tree.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// The repository's top folder (for Examples/ and Criteria/).
    static let repositoryRoot = folder.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        folder.appendingPathComponent(relative).path
    }

    static var miniCatalog: Catalog {
        get throws { try CatalogLoader.load(path: path("valid/mini-catalog.yaml")).value }
    }
}
