import Foundation
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

    @Test func datesFollowTheLanguage() throws {
        let day = try #require(Day(iso: "2026-08-31"))
        #expect(HTML.date(day, .zh) == "2026年8月31日")
        #expect(HTML.date(day, .en) == "31 August 2026")
    }
}

/// An audit: self versus auditor, strengths and weaknesses, findings by grade, the sign-off.
@Suite struct AuditReportTests {
    /// The audit as its report shows it by default: without the improvement path (impartiality).
    static func audit(showingPath: Bool = false) throws -> ReportContextInputs {
        let (scored, catalog) = try Fixtures.scored("mini-audit.yaml")
        let result = scored.presented(showingPath: showingPath)
        let assessment = try AssessmentLoader.load(
            path: Fixtures.valid.appendingPathComponent("mini-audit.yaml").path, displayPath: "mini-audit.yaml",
            catalog: catalog
        ).value
        let comparison = AuditComparison(result: result, assessment: assessment, catalog: catalog, kpis: result.kpis)
        let signOff = SignOff(
            auditor: "王海", date: assessment.date, resultDigest: ResultJSON.resultDigest(result, audit: comparison),
            parts: [
                SignOff.Part(role: .assessment, path: "mini-audit.yaml", sha256: String(repeating: "a", count: 64)),
                SignOff.Part(role: .catalog, path: "mini-catalog.yaml", sha256: String(repeating: "c", count: 64)),
                SignOff.Part(role: .evidence, path: "docs/response.md", sha256: String(repeating: "e", count: 64)),
            ], assessmentPath: "mini-audit.yaml", catalogPath: "mini-catalog.yaml")
        return ReportContextInputs(result: result, catalog: catalog, audit: comparison, signOff: signOff)
    }

    struct ReportContextInputs {
        var result: AssessmentResult
        var catalog: Catalog
        var audit: AuditComparison
        var signOff: SignOff

        func context(_ language: Language) -> ReportContext {
            ReportContext(result: result, catalog: catalog, language: language, audit: audit, signOff: signOff)
        }
    }

    @Test(arguments: Language.allCases)
    func textReport(language: Language) throws {
        Snapshot.assert(
            TextReport(try Self.audit().context(language)).render(), named: "audit.\(language.rawValue).txt")
    }

    /// A certification body does not consult: the audit report shows the blockers and findings, not the
    /// improvement path or the catalog's actions, unless asked for (--path).
    @Test func anAuditReportLeavesOutThePathUnlessAskedFor() throws {
        let withheld = try Self.audit()
        #expect(withheld.result.pathWithheld)
        #expect(withheld.result.path.isEmpty)
        #expect(withheld.result.actions.allSatisfy { !$0.isPathStep })
        #expect(!withheld.result.blockers.isEmpty)
        for language in Language.allCases {
            let text = TextReport(withheld.context(language)).render()
            #expect(!text.contains(language == .zh ? "改进路径（" : "Improvement path to"))
            #expect(text.contains(language == .zh ? "认证机构不提供咨询" : "a certification body does not consult"))
            #expect(!text.contains("@4"))
        }
        let json = ResultJSON.render(withheld.result, audit: withheld.audit, signOff: nil)
        #expect(json.contains("\"path_withheld\": true"))
        #expect(json.contains("\"path\": []"))

        let shown = try Self.audit(showingPath: true)
        #expect(!shown.result.pathWithheld)
        #expect(!shown.result.path.isEmpty)
        #expect(TextReport(shown.context(.en)).render().contains("Improvement path to"))
        #expect(HTMLReport(shown.context(.en)).render().contains("<table id=\"path\">"))
        #expect(!HTMLReport(withheld.context(.en)).render().contains("<table id=\"path\">"))
    }

    @Test func aSelfAssessmentKeepsItsPathAndReadsAsPreliminary() throws {
        let (result, catalog) = try Fixtures.scored()
        let presented = result.presented(showingPath: false)
        #expect(!presented.pathWithheld)
        #expect(presented.path == result.path)
        let zh = TextReport(ReportContext(result: presented, catalog: catalog, language: .zh)).render()
        #expect(zh.contains("自评结果（预评）：不合格"))
        #expect(zh.contains("改进路径（达到“合格”）"))
    }

    @Test func markdownReport() throws {
        Snapshot.assert(MarkdownReport(try Self.audit().context(.en)).render(), named: "audit.en.md")
    }

    @Test func htmlReport() throws {
        Snapshot.assert(HTMLReport(try Self.audit().context(.zh)).render(), named: "audit.zh.html")
    }

    @Test func jsonResult() throws {
        let inputs = try Self.audit()
        let json = ResultJSON.render(inputs.result, audit: inputs.audit, signOff: inputs.signOff)
        Snapshot.assert(json, named: "audit.json")
        // The recorded result digest is the digest of the file without its sign-off.
        let parsed = try JSONValue.parse(Data(json.utf8))
        #expect(ResultJSON.digest(of: parsed) == inputs.signOff.resultDigest)
        guard case .success(let read) = ResultJSON.signOff(from: parsed) else {
            Issue.record("the sign-off does not read back")
            return
        }
        #expect(read.0 == inputs.signOff)
        #expect(read.digest == inputs.signOff.digest)
    }
}
