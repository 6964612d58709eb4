import Foundation

/// The engine every front end calls — the command line, the HTTP server, spreadsheet import: catalogs
/// and assessments read from a `FileSource` (disk or memory), KPIs gathered, scores, plans, sign-offs,
/// verification and reviews. Deterministic: dates come in with the inputs, never from a clock.
public struct Engine: Sendable {
    /// Where assessments, plans, results and their files are read.
    public var files: any FileSource
    /// Where a catalog named by id is looked for when none is given.
    public var library: CatalogLibrary
    /// How diagnostics name a path the engine found by itself (a catalog in the library, say); the command
    /// line shows it relative to the current folder.
    public var display: @Sendable (String) -> String

    public init(
        files: any FileSource = DiskFiles(), catalogFolders: [String] = [],
        display: @escaping @Sendable (String) -> String = { $0 }
    ) {
        self.files = files
        self.library = CatalogLibrary(folders: catalogFolders, files: files)
        self.display = display
    }

    // MARK: Catalogs

    /// Loads and checks the catalog (file, or folder with catalog.yaml); every error at once.
    public func loadCatalog(_ input: InputPath) throws(DiagnosticError) -> Loaded<Catalog> {
        try CatalogLoader.load(path: input.path, displayPath: input.shown, files: files)
    }

    /// The catalog when it has no error, and every problem found, in file order (`catalog lint`).
    public func checkCatalog(_ input: InputPath) -> (catalog: Catalog?, diagnostics: [Diagnostic]) {
        CatalogLoader.check(path: input.path, displayPath: input.shown, files: files)
    }

    // MARK: Assessments

    /// Loads the assessment at `input`, checked against `catalog` when given, else against the catalog its
    /// `catalog:` names (looked up in the library), and gathers its KPI values.
    public func loadAssessment(_ input: InputPath, catalog: InputPath? = nil) throws(DiagnosticError)
        -> LoadedAssessment
    {
        guard files.kind(input.path) != .missing else {
            throw DiagnosticError(
                .error(
                    .fileDoesNotExist(.assessmentLabel, input.shown), at: .file(input.shown), hint: .runInitToMakeOne))
        }
        let file: AssessmentFile
        let catalogInput: InputPath
        let loadedCatalog: Catalog
        if let catalog {
            // Both files are known: parse them side by side.
            catalogInput = catalog
            let opened = ParallelResults<Result<AssessmentFile, DiagnosticError>>(count: 1)
            let group = DispatchGroup()
            let files = self.files
            DispatchQueue.global().async(group: group) {
                do throws(DiagnosticError) {
                    opened.set(
                        0, .success(try AssessmentFile.open(path: input.path, displayPath: input.shown, files: files)))
                } catch {
                    opened.set(0, .failure(error))
                }
            }
            let result = Result { () throws(DiagnosticError) in try loadCatalog(catalog).value }
            group.wait()
            // The worker always sets its slot before the group is left.
            file = try opened.get(0)!.get()
            loadedCatalog = try result.get()
        } else {
            file = try AssessmentFile.open(path: input.path, displayPath: input.shown, files: files)
            let reference = try file.catalogReference()
            guard let found = library.catalog(forId: reference.id) else {
                throw DiagnosticError(
                    .error(
                        .noCatalogInCriteria(reference.id), at: reference.location, hint: .passCatalogWithOption))
            }
            catalogInput = InputPath(found, shown: display(found))
            loadedCatalog = try loadCatalog(catalogInput).value
        }
        let loaded = try file.load(catalog: loadedCatalog)
        let (kpis, ticketWarnings) = try gatherKPIs(loaded.value, catalog: loadedCatalog)
        return LoadedAssessment(
            catalog: loadedCatalog, catalogPath: catalogInput.path, assessmentPath: input.path,
            assessment: loaded.value, kpis: kpis, warnings: loaded.warnings + ticketWarnings)
    }

    /// KPI values given in `metrics:`, plus those computed from `tickets:` (with the rows it left out); a
    /// KPI given both ways is an error at its `metrics:` entry.
    public func gatherKPIs(_ assessment: Assessment, catalog: Catalog) throws(DiagnosticError)
        -> (values: [KPIValue], warnings: [Diagnostic])
    {
        var warnings: [Diagnostic] = []
        var values = assessment.metrics.sorted { $0.key < $1.key }.map {
            KPIValue(id: $0.key, value: $0.value, source: .metrics)
        }
        if let tickets = assessment.tickets {
            let loaded = try TicketKPIs.compute(tickets, assessment: assessment, files: files)
            warnings = loaded.warnings
            var bag = DiagnosticBag()
            for value in loaded.value {
                if let location = assessment.metricLocations[value.id] {
                    bag.append(.error(.kpiGivenTwice(value.id), at: location, hint: .removeFromMetricsOrUnmap))
                }
            }
            try bag.throwIfErrors()
            values += loaded.value
        }
        return (values.sorted { $0.id < $1.id }, warnings)
    }

    // MARK: Scoring

    /// Scores a loaded assessment aiming at `target` (nil: the next rating above the current one). A
    /// certification body does not consult: an audit's, surveillance's or special audit's result leaves out
    /// the improvement path and the catalog's actions unless `showingPath` (findings' actions stay).
    public func score(_ loaded: LoadedAssessment, target: String? = nil, showingPath: Bool = false)
        throws(TargetError) -> AssessmentResult
    {
        try Scorer(catalog: loaded.catalog).score(loaded.assessment, kpis: loaded.kpis, target: target)
            .presented(showingPath: showingPath)
    }
}
