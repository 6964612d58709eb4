/// An assessment with its catalog and the KPI values it is scored with.
public struct LoadedAssessment: Sendable {
    public var catalog: Catalog
    /// Paths of the catalog (file or folder) and of the assessment file, in the source they came from.
    public var catalogPath: String
    public var assessmentPath: String
    public var assessment: Assessment
    public var kpis: [KPIValue]
    public var warnings: [Diagnostic]

    public init(
        catalog: Catalog, catalogPath: String, assessmentPath: String, assessment: Assessment, kpis: [KPIValue],
        warnings: [Diagnostic]
    ) {
        self.catalog = catalog
        self.catalogPath = catalogPath
        self.assessmentPath = assessmentPath
        self.assessment = assessment
        self.kpis = kpis
        self.warnings = warnings
    }
}

/// A path in a file source together with how diagnostics name it (as the user typed it).
public struct InputPath: Sendable, Hashable {
    public var path: String
    public var shown: String

    public init(_ path: String, shown: String? = nil) {
        self.path = path
        self.shown = shown ?? path
    }
}
