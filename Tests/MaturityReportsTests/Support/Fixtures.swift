import Foundation
import MaturityCore

/// The core tests' valid fixtures, shared by the report tests.
enum Fixtures {
    static let valid = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("MaturityCoreTests/Fixtures/valid")

    static func scored(_ assessment: String = "mini-assessment.yaml", target: String? = nil) throws -> (
        AssessmentResult, Catalog
    ) {
        let catalog = try CatalogLoader.load(path: valid.appendingPathComponent("mini-catalog.yaml").path).value
        let loaded = try AssessmentLoader.load(
            path: valid.appendingPathComponent(assessment).path, displayPath: assessment, catalog: catalog)
        return (try Scorer(catalog: catalog).score(loaded.value, target: target), catalog)
    }
}
