import Foundation
import MaturityCore
import MaturityStore

/// An assessment as an edit's check loaded it: the text written for it and the files it names, so the
/// re-scoring of the stored revision can take the loaded assessment instead of parsing the same text again.
struct CheckedAssessment: Sendable {
    let yaml: Data
    let paths: Set<String>
    let loaded: Loaded<Assessment>
}

extension ServerEngine {
    /// Refuses (422, every problem located as the command line locates it) an assessment the command line
    /// would refuse. Loading checks that each named file is there and inside the folder, not what it holds, so
    /// the folder's files are known by their stored digest and size and an edit does not read every evidence
    /// file; with `tickets` the ticket export and its mapping are read too and the KPIs gathered from them (a
    /// KPI given both ways is an error). `contents` gives files not yet committed (an upload in the same
    /// transaction). The assessment is laid out where scoring lays it out, so what is checked is what scores.
    @discardableResult
    func check(
        _ snapshot: AssessmentSnapshot, catalog: Catalog, tickets: Bool = false, contents: [String: Data] = [:]
    ) async throws -> CheckedAssessment {
        let yaml = Data(AssessmentYAMLWriter.render(snapshot, criteriaOrder: catalog.criteria.map(\.id)).utf8)
        let assessmentPath = Self.folderRoot + "/assessment.yaml"
        var held = [assessmentPath: yaml]
        if tickets, snapshot.assessment.ticketsFile != nil {
            let named = [snapshot.assessment.ticketsFile, snapshot.assessment.ticketsMapping].compactMap { $0 }
            for file in snapshot.files where named.contains(file.path) {
                if let data = contents[file.path] {
                    held[Self.folderRoot + "/" + file.path] = data
                } else {
                    held[Self.folderRoot + "/" + file.path] = try await store.assessments.blob(file.sha256)
                }
            }
        }
        let files = StoredFiles(held: held, records: snapshot.files, root: Self.folderRoot)
        do {
            let loaded = try AssessmentFile.open(path: assessmentPath, displayPath: "assessment.yaml", files: files)
                .load(catalog: catalog)
            if tickets { _ = try Engine(files: files).gatherKPIs(loaded.value, catalog: catalog) }
            return CheckedAssessment(yaml: yaml, paths: Set(snapshot.files.map(\.path)), loaded: loaded)
        } catch {
            throw ImportController.invalid(error)
        }
    }
}

extension ServerEngine {
    /// The KPIs of the assessment's ticket export read with its mapping, as `maturity kpi` reads them.
    func measureTickets(_ snapshot: AssessmentSnapshot) async throws -> TicketMeasurement {
        guard let export = snapshot.assessment.ticketsFile else {
            throw APIError.notFound("the assessment has no ticket export ('tickets:')")
        }
        var folder: [String: Data] = [:]
        for file in snapshot.files where [export, snapshot.assessment.ticketsMapping].contains(file.path) {
            folder[file.path] = try await store.assessments.blob(file.sha256)
        }
        let engine = Engine(files: Self.memory(folder))
        do {
            return try engine.measureTickets(
                InputPath(Self.assessmentRoot + "/" + export, shown: export),
                mapping: snapshot.assessment.ticketsMapping.map {
                    InputPath(Self.assessmentRoot + "/" + $0, shown: $0)
                })
        } catch {
            throw ImportController.invalid(error)
        }
    }
}
