import Foundation
import MaturityCore
import MaturityReports
import MaturityStore

/// What every page of one assessment shows: the stored assessment, its catalog, the engine's result of it and
/// the report's sentences in the page's language.
struct AssessmentPageData: Sendable {
    let snapshot: AssessmentSnapshot
    let catalog: Catalog
    let scored: ScoredAssessment
    let context: ReportContext
    let t: PageText

    var id: String { snapshot.assessment.id }
    var result: AssessmentResult { scored.result }
    var kind: Assessment.Kind { scored.loaded.assessment.kind }
    var isAudit: Bool { kind.isCertificationAudit }
    /// `/zh/a/ID`: where this assessment's pages are.
    var base: String { "/\(t.language.rawValue)/a/\(id)" }

    static func load(_ id: String, language: Language, store: Store, engine: ServerEngine) async throws
        -> AssessmentPageData
    {
        let snapshot = try await engine.snapshot(id)
        let catalog = try await engine.catalog(id: snapshot.assessment.catalog)
        // Pages show the path to the next rating for every kind: the people filling it in need it.
        let scored = try await engine.scoredOrRefused(snapshot, showingPath: true)
        let context = ReportContext(
            result: scored.result, catalog: catalog, language: language, audit: scored.seal.comparison,
            signOff: scored.seal.signOff)
        return AssessmentPageData(
            snapshot: snapshot, catalog: catalog, scored: scored, context: context, t: PageText(language: language))
    }

    /// "华东家电服务有限公司 — 自评 2026-11-01".
    var title: String {
        snapshot.assessment.organisationName + " — " + context.kindTitle(kind) + " " + snapshot.assessment.date
    }

    var crumbs: [PageShell.Crumb] {
        [
            .init(title: t("首页", "Home"), href: "/\(t.language.rawValue)/"),
            .init(
                title: snapshot.assessment.organisationName,
                href: "/\(t.language.rawValue)/o/\(snapshot.assessment.organisationId)"),
        ]
    }

    func tabs(_ current: String) -> String { PageShell.tabs(base, current: current, t: t, isAudit: isAudit) }

    /// Whether the assessment says something about the criterion: a level, or not applicable.
    func isFilled(_ id: String) -> Bool {
        guard let entry = snapshot.criterion(id) else { return false }
        if entry.na != nil { return true }
        return isAudit ? entry.audited != nil || entry.claimed != nil : entry.claimed != nil
    }

    /// Each evidence item's validity on the assessment date, as the engine judges it.
    var validity: [String: EvidenceValidity] {
        let rules = EvidenceRules(catalog: catalog, assessment: scored.loaded.assessment)
        var out: [String: EvidenceValidity] = [:]
        for item in scored.loaded.assessment.evidence { out[item.id] = rules.validity(of: item) }
        return out
    }

    /// A validity as a short badge: "valid", or the report's reason.
    func validityBadge(_ item: String, _ validity: EvidenceValidity?) -> String {
        guard let validity else { return "" }
        if validity.isValid { return "<span class=\"pill valid\">\(h(t("有效", "valid")))</span>" }
        return "<span class=\"pill invalid\">\(h(context.validityText(item, validity)))</span>"
    }
}
