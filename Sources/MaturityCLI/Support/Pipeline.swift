import Foundation
import MaturityCore

/// An assessment with its catalog and the KPI values it is scored with.
struct LoadedAssessment {
    var catalog: Catalog
    /// Absolute paths of the catalog (file or folder) and of the assessment file.
    var catalogPath: String
    var assessmentPath: String
    var assessment: Assessment
    var kpis: [KPIValue]
    var warnings: [Diagnostic]
}

/// The steps every command that reads an assessment shares: find and load the catalog, load and
/// check the assessment, gather its KPI values.
enum Pipeline {
    static func load(assessment path: String, catalog catalogOption: String?, console: Console)
        throws(DiagnosticError) -> LoadedAssessment
    {
        let absolute = console.absolute(path)
        guard FileManager.default.fileExists(atPath: absolute) else {
            throw DiagnosticError(
                .error(
                    "assessment '\(path)' does not exist", at: .file(path), hint: "run 'maturity init' to make one"))
        }
        let catalogPath: String
        let catalogDisplay: String
        let file: AssessmentFile
        let catalog: Catalog
        if let catalogOption {
            // Both files are known: parse them side by side.
            catalogPath = console.absolute(catalogOption)
            catalogDisplay = catalogOption
            let opened = ParallelResults<Result<AssessmentFile, DiagnosticError>>(count: 1)
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                do throws(DiagnosticError) {
                    opened.set(0, .success(try AssessmentFile.open(path: absolute, displayPath: path)))
                } catch {
                    opened.set(0, .failure(error))
                }
            }
            let loadedCatalog = Result { () throws(DiagnosticError) in
                try CatalogLoader.load(path: catalogPath, displayPath: catalogDisplay).value
            }
            group.wait()
            file = try opened.get(0)!.get()
            catalog = try loadedCatalog.get()
        } else {
            file = try AssessmentFile.open(path: absolute, displayPath: path)
            let reference = try file.catalogReference()
            guard let found = CatalogLocator.catalog(forId: reference.id, console: console) else {
                throw DiagnosticError(
                    .error(
                        "no catalog '\(reference.id)' found in Criteria/", at: reference.location,
                        hint: "pass the catalog with --catalog PATH"))
            }
            catalogPath = found
            catalogDisplay = console.relative(found)
            catalog = try CatalogLoader.load(path: catalogPath, displayPath: catalogDisplay).value
        }
        let loaded = try file.load(catalog: catalog)
        let assessment = loaded.value
        let (kpis, ticketWarnings) = try gatherKPIs(assessment, catalog: catalog)
        return LoadedAssessment(
            catalog: catalog, catalogPath: catalogPath, assessmentPath: absolute, assessment: assessment, kpis: kpis,
            warnings: loaded.warnings + ticketWarnings)
    }

    /// KPI values given in `metrics:`, plus those computed from `tickets:` (with the rows it left out).
    static func gatherKPIs(_ assessment: Assessment, catalog: Catalog) throws(DiagnosticError)
        -> (values: [KPIValue], warnings: [Diagnostic])
    {
        var warnings: [Diagnostic] = []
        var values = assessment.metrics.keys.sorted().map {
            KPIValue(id: $0, value: assessment.metrics[$0]!, source: .metrics)
        }
        if let tickets = assessment.tickets {
            let loaded = try TicketKPIs.compute(tickets, assessment: assessment)
            let computed = loaded.value
            warnings = loaded.warnings
            var bag = DiagnosticBag()
            for value in computed {
                if let location = assessment.metricLocations[value.id] {
                    bag.append(
                        .error(
                            "KPI '\(value.id)' is given in metrics and also computed from the ticket export",
                            at: location, hint: "remove it from 'metrics:' or unmap its columns in the ticket mapping"))
                }
            }
            try bag.throwIfErrors()
            values += computed
        }
        return (values.sorted { $0.id < $1.id }, warnings)
    }
}
