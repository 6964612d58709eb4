import Foundation
import MaturityStore

/// A stored assessment as the folder the command line reads: `assessment.yaml` and its files.
enum AssessmentFolder {
    /// The folder's files by path. Until the assessment is first edited its `assessment.yaml` is the one
    /// imported, byte for byte (comments and all); afterwards it is written from the stored values.
    static func files(_ snapshot: AssessmentSnapshot, store: Store, criteriaOrder: [String]) async throws
        -> [String: Data]
    {
        var files = try await store.assessments.files(of: snapshot)
        files["assessment.yaml"] = try await assessmentYAML(snapshot, store: store, criteriaOrder: criteriaOrder)
        if let plan = try await store.plans.get(snapshot.assessment.id) { files["plan.yaml"] = Data(plan.text.utf8) }
        return files
    }

    static func assessmentYAML(_ snapshot: AssessmentSnapshot, store: Store, criteriaOrder: [String]) async throws
        -> Data
    {
        if snapshot.assessment.revision == 1, let source = snapshot.assessment.sourceSHA256 {
            return try await store.assessments.blob(source)
        }
        return Data(AssessmentYAMLWriter.render(snapshot, criteriaOrder: criteriaOrder).utf8)
    }
}
