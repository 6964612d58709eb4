import Foundation
import MaturityCore
import MaturityStore

extension ServerEngine {
    /// Refuses (422, every problem located as the command line locates it) an assessment the command line
    /// would refuse. Loading checks that each named file is there and inside the folder, not what it holds, so
    /// stand-ins keep an edit from reading every evidence file; with `tickets` the ticket export and its
    /// mapping are read too and the KPIs gathered from them (a KPI given both ways is an error).
    /// `contents` gives files not yet committed (an upload in the same transaction).
    func check(
        _ snapshot: AssessmentSnapshot, catalog: Catalog, tickets: Bool = false, contents: [String: Data] = [:]
    ) async throws {
        var folder = Dictionary(snapshot.files.map { ($0.path, Data()) }, uniquingKeysWith: { a, _ in a })
        folder["assessment.yaml"] = Data(
            AssessmentYAMLWriter.render(snapshot, criteriaOrder: catalog.criteria.map(\.id)).utf8)
        if tickets, snapshot.assessment.ticketsFile != nil {
            let named = [snapshot.assessment.ticketsFile, snapshot.assessment.ticketsMapping].compactMap { $0 }
            for file in snapshot.files where named.contains(file.path) {
                if let data = contents[file.path] {
                    folder[file.path] = data
                } else {
                    folder[file.path] = try await store.assessments.blob(file.sha256)
                }
            }
        }
        let memory = Self.memory(folder)
        do {
            let loaded = try AssessmentFile.open(
                path: Self.assessmentRoot + "/assessment.yaml", displayPath: "assessment.yaml", files: memory
            ).load(catalog: catalog)
            if tickets { _ = try Engine(files: memory).gatherKPIs(loaded.value, catalog: catalog) }
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
