import MaturityCore

/// The report's sentences and fragments for the workspace pages, so a page says exactly what the report says.
extension ReportContext {
    /// Why a criterion's level is what it is: what lowered it and what the next level needs.
    public func levelReasons(_ result: CriterionResult) -> [String] { reasons(result) }

    /// Each condition of the target rating not met, as the report words it.
    public var blockerLines: [String] { result.blockers.map(describe) }

    /// A rating's name in the report's language.
    public func ratingTitle(_ id: String) -> String { ratingName(id) }

    /// "Self-assessed rating (preliminary)" or "Rating".
    public var ratingCaption: String { ratingLabel }

    /// An evidence kind's name.
    public func evidenceKindTitle(_ kind: String) -> String { kindName(kind) }

    /// A KPI's name, and a value with its unit.
    public func kpiTitle(_ id: String) -> String { kpiName(id) }
    public func kpiValue(_ value: Double, kpi: String) -> String { self.value(value, kpi: kpi) }

    /// Why an evidence item does not count, as the report says it ("E06: superseded by E47 (2026-10-15)").
    public func validityText(_ id: String, _ validity: EvidenceValidity) -> String {
        words.invalidItem(EvidenceGap.Item(id: id, validity: validity))
    }

    /// The kind of assessment in words.
    public func kindTitle(_ kind: Assessment.Kind) -> String { words.kind(kind) }

    /// A score as the report prints it (two decimals, or a dash).
    public func scoreText(_ value: Double?) -> String { score(value) }
}

extension HTMLReport {
    /// The report's summary block: rating badge, overall score, what blocks the next rating.
    public var summaryFragment: String { summary() }

    /// The report's domain charts (radar and bars, inline SVG).
    public var chartsFragment: String { charts() }

    /// The self-versus-auditor section of an audit report, when there is one.
    public var auditFragment: String { context.audit.map(auditSection) ?? "" }

    /// The style sheet the report's fragments are drawn with.
    public static var style: String { HTML.style }
}
