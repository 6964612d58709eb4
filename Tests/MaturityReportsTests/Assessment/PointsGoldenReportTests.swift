import Foundation
import MaturityCore
import MaturityReports
import Testing

/// Every report format of a points self-assessment (`valid/points-assessment.yaml`: a sample, a graded
/// clause without valid evidence, a deduction, a bonus beyond bonus_max, an excluded clause), and its audit.
@Suite struct PointsGoldenReportTests {
    static func scored(target: String? = nil) throws -> (AssessmentResult, Catalog) {
        let catalog = try CatalogLoader.load(path: Fixtures.valid.appendingPathComponent("points-catalog.yaml").path)
            .value
        let loaded = try AssessmentLoader.load(
            path: Fixtures.valid.appendingPathComponent("points-assessment.yaml").path,
            displayPath: "points-assessment.yaml", catalog: catalog)
        return (try Scorer(catalog: catalog).score(loaded.value, target: target), catalog)
    }

    static func context(_ language: Language, target: String? = nil) throws -> ReportContext {
        let (result, catalog) = try scored(target: target)
        return ReportContext(result: result, catalog: catalog, language: language)
    }

    @Test(arguments: Language.allCases)
    func textReport(language: Language) throws {
        let text = try Reports.assessment.render(Self.context(language, target: "five"), as: .text) ?? ""
        Snapshot.assert(text, named: "points.\(language.rawValue).txt")
        #expect(!text.contains("level 0") && !text.contains("0 级"), "no level wording in a points report")
    }

    @Test(arguments: Language.allCases)
    func markdownReport(language: Language) throws {
        let text = try Reports.assessment.render(Self.context(language, target: "five"), as: .md) ?? ""
        Snapshot.assert(text, named: "points.\(language.rawValue).md")
    }

    @Test(arguments: Language.allCases)
    func htmlReport(language: Language) throws {
        let text = try Reports.assessment.render(Self.context(language, target: "five"), as: .html) ?? ""
        Snapshot.assert(text, named: "points.\(language.rawValue).html")
        #expect(text.contains("id=\"pending\""))
    }

    @Test func jsonResult() throws {
        let text = try Reports.assessment.render(Self.context(.en, target: "five"), as: .json) ?? ""
        Snapshot.assert(text, named: "points.json")
        // The same input gives the same bytes.
        #expect(text == (try Reports.assessment.render(Self.context(.en, target: "five"), as: .json)))
    }

    @Test(arguments: Language.allCases)
    func planExports(language: Language) throws {
        let (result, _) = try Self.scored(target: "five")
        let entries = result.actions.map { PlanEntry($0, verification: nil) }
        let plan = Plan(
            catalog: "mini-points@1", organisation: result.organisation.name, date: result.date, target: "five",
            entries: entries)
        let export = PlanExport(plan: plan, language: language)
        Snapshot.assert(export.markdown(), named: "points-plan.\(language.rawValue).md")
        #expect(export.markdown().contains(language == .zh ? "得分" : "Points"))
        #expect(!export.markdown().contains(language == .zh ? "等级" : "Levels"))
    }

    @Test(arguments: Language.allCases)
    func templateListsPointsToFillIn(language: Language) throws {
        let (_, catalog) = try Self.scored()
        let template = AssessmentTemplate(
            catalog: catalog, organisation: "Org", site: nil, assessor: nil, date: Day(iso: "2026-11-01")!,
            language: language
        ).render()
        Snapshot.assert(template, named: "points-template.\(language.rawValue).yaml")
        // The template reads back as an assessment with every clause not assessed.
        let loaded = try AssessmentLoader.load(yaml: template, folder: Fixtures.valid.path, catalog: catalog)
        #expect(loaded.value.profile == "full")
        #expect(loaded.value.criteria.values.allSatisfy { !$0.givesPoints })
    }

    @Test(arguments: Language.allCases)
    func catalogListing(language: Language) throws {
        let (_, catalog) = try Self.scored()
        let listing = CatalogListing(catalog: catalog, language: language)
        Snapshot.assert(listing.text(), named: "points-catalog.\(language.rawValue).txt")
        #expect(listing.json().contains("\"scoring\": \"points\""))
    }
}
