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

@Suite struct HTMLReportTests {
    @Test(arguments: Language.allCases)
    func htmlReport(language: Language) throws {
        let (result, catalog) = try Fixtures.scored()
        let html = HTMLReport(ReportContext(result: result, catalog: catalog, language: language)).render()
        Snapshot.assert(html, named: "mini.\(language.rawValue).html")
    }

    @Test func everyUserTextIsEscaped() throws {
        var (result, catalog) = try Fixtures.scored()
        result.organisation.name = "<script>alert('x')</script> & \"Co\""
        result.assessor = "<img src=x onerror=alert(1)>"
        let html = HTMLReport(ReportContext(result: result, catalog: catalog, language: .en)).render()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"))
    }

    @Test func datesFollowTheLanguage() {
        let day = Day(iso: "2026-08-31")!
        #expect(HTML.date(day, .zh) == "2026年8月31日")
        #expect(HTML.date(day, .en) == "31 August 2026")
    }
}
