import MaturityCore
import MaturityReports
import Testing

/// Every report format of the same fixture, compared with committed golden files.
@Suite struct GoldenReportTests {
    @Test(arguments: Language.allCases)
    func textReport(language: Language) throws {
        let (result, catalog) = try Fixtures.scored()
        let text = TextReport(ReportContext(result: result, catalog: catalog, language: language)).render()
        Snapshot.assert(text, named: "mini.\(language.rawValue).txt")
    }

    @Test(arguments: Language.allCases)
    func markdownReport(language: Language) throws {
        let (result, catalog) = try Fixtures.scored()
        let text = MarkdownReport(ReportContext(result: result, catalog: catalog, language: language)).render()
        Snapshot.assert(text, named: "mini.\(language.rawValue).md")
    }

    @Test func jsonResult() throws {
        let (result, _) = try Fixtures.scored()
        Snapshot.assert(ResultJSON.render(result), named: "mini.json")
    }

    @Test func jsonIsByteIdenticalForTheSameInput() throws {
        let first = ResultJSON.render(try Fixtures.scored().0)
        let second = ResultJSON.render(try Fixtures.scored().0)
        #expect(first == second)
    }

    @Test func anExplicitTargetShowsItsBlockersAndPath() throws {
        let (result, catalog) = try Fixtures.scored(target: "excellent")
        let text = TextReport(ReportContext(result: result, catalog: catalog, language: .en)).render()
        Snapshot.assert(text, named: "mini.target-excellent.en.txt")
    }
}
