import Foundation
import MaturityCore
import MaturityReports
import Testing

/// The review fixture: the mini assessment's result as a surveillance review that suspended the
/// certificate on 2026-11-03, the surveillance assessment six months later (exactly: the suspension can
/// still be lifted) and the plan people kept in between.
enum ReviewFixture {
    static let folder = Fixtures.valid.deletingLastPathComponent().appendingPathComponent("review")

    static func catalog(_ name: String = "mini-catalog.yaml", in url: URL = Fixtures.valid) throws -> Catalog {
        try CatalogLoader.load(path: url.appendingPathComponent(name).path).value
    }

    /// The previous result's JSON: the mini result as a review that suspended the certificate.
    static func previousJSON() throws -> String {
        guard case .object(var fields) = ResultJSON.value(try Fixtures.scored().0) else { return "" }
        fields["kind"] = .string("surveillance")
        fields["date"] = .string("2026-11-03")
        fields["decision"] = .string("suspend")
        fields["next_review"] = .string("2027-05-03")
        return JSONValue.object(fields).rendered()
    }

    static func previous() throws -> PreviousResult {
        try PreviousResultLoader.parse(json: try previousJSON(), file: "previous.json")
    }

    static func current(_ name: String = "surveillance.yaml", catalog: Catalog) throws -> AssessmentResult {
        let loaded = try AssessmentLoader.load(
            path: folder.appendingPathComponent(name).path, displayPath: name, catalog: catalog)
        return Scorer(catalog: catalog).score(loaded.value)
    }

    static func plan() throws -> Plan {
        try PlanLoader.load(path: folder.appendingPathComponent("plan.yaml").path, displayPath: "plan.yaml").plan
    }

    static func review() throws -> (Review, Catalog) {
        let catalog = try catalog()
        let review = Reviewer(catalog: catalog).review(
            current: try current(catalog: catalog), previous: try previous(), plan: try plan())
        return (review, catalog)
    }

    /// The same surveillance against version 2.0 of the catalog (P-03 renamed P-04, S-02 removed, S-03 added).
    static func reviewAcrossVersions() throws -> (Review, Catalog) {
        let catalog = try catalog("mini-catalog-v2.yaml", in: folder)
        let review = Reviewer(catalog: catalog).review(
            current: try current("surveillance-v2.yaml", catalog: catalog), previous: try previous(), plan: nil)
        return (review, catalog)
    }
}

@Suite struct ReviewReportTests {
    @Test func theFixtureReinstatesOverFollowUpAndUpgrade() throws {
        let (review, _) = try ReviewFixture.review()
        #expect(review.previous.rating == "fail" && review.current.rating == "pass")
        #expect(review.decision == .reinstate)
        #expect(review.liftsSuspension)
        #expect(review.outranked.map(\.rule) == [.maintainWithFollowUp, .upgrade])
        #expect(review.nextReview.description == "2027-11-03")
    }

    @Test(arguments: Language.allCases)
    func textReport(language: Language) throws {
        let (review, catalog) = try ReviewFixture.review()
        let text = ReviewTextReport(ReviewContext(review: review, catalog: catalog, language: language)).render()
        Snapshot.assert(text, named: "review.\(language.rawValue).txt")
    }

    @Test(arguments: Language.allCases)
    func markdownReport(language: Language) throws {
        let (review, catalog) = try ReviewFixture.review()
        let text = ReviewMarkdownReport(ReviewContext(review: review, catalog: catalog, language: language)).render()
        Snapshot.assert(text, named: "review.\(language.rawValue).md")
    }

    @Test func jsonResult() throws {
        let (review, _) = try ReviewFixture.review()
        Snapshot.assert(ReviewJSON.render(review), named: "review.json")
    }

    @Test(arguments: Language.allCases)
    func htmlReport(language: Language) throws {
        let (review, catalog) = try ReviewFixture.review()
        let html = ReviewHTMLReport(ReviewContext(review: review, catalog: catalog, language: language)).render()
        Snapshot.assert(html, named: "review.\(language.rawValue).html")
    }

    @Test func aReviewAcrossCatalogVersionsReportsTheChange() throws {
        let (review, catalog) = try ReviewFixture.reviewAcrossVersions()
        #expect(review.catalogChange?.renamed == [.init(from: "P-03", to: "P-04")])
        #expect(review.catalogChange?.added == ["S-03"])
        #expect(review.catalogChange?.removed == ["S-02"])
        let text = ReviewTextReport(ReviewContext(review: review, catalog: catalog, language: .en)).render()
        Snapshot.assert(text, named: "review-v2.en.txt")
        let json = ReviewJSON.render(review)
        Snapshot.assert(json, named: "review-v2.json")
    }

    @Test func jsonIsTheResultJSONPlusTheReviewAndByteIdentical() throws {
        let (review, _) = try ReviewFixture.review()
        let first = ReviewJSON.render(review)
        #expect(first == ReviewJSON.render(try ReviewFixture.review().0))
        let object = try #require(JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let assess = try #require(
            JSONSerialization.jsonObject(with: Data(ResultJSON.render(review.current).utf8)) as? [String: Any])
        for key in assess.keys { #expect(object[key] != nil, "missing \(key)") }
        for key in [
            "previous_rating", "previous", "deltas", "plan_progress", "decision", "decision_reasons", "next_review",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["previous_rating"] as? String == "fail")
        #expect(object["decision"] as? String == "reinstate")
        #expect(object["decision_is_recommendation"] as? Bool == true)
        #expect(object["next_review"] as? String == "2027-11-03")
        let reasons = try #require(object["decision_reasons"] as? [[String: Any]])
        #expect(
            reasons.first?["message"] as? String
                == "the suspension of 2026-11-03 is lifted: the rating is pass and no P1 corrective action is overdue")
        let rules = try #require(object["decision_rules"] as? [[String: Any]])
        let followUp = try #require(rules.first { $0["rule"] as? String == "maintain_with_follow_up" })
        let facts = try #require(followUp["facts"] as? [[String: Any]])
        #expect(
            facts.first?["message"] as? String
                == "P2 corrective action NC-1 due 2027-01-30 is overdue (status in_progress)")
    }

    /// A review's JSON is the next review's --previous: decision, dates and scores read back.
    @Test func aReviewOfAReviewReadsTheDecisionBack() throws {
        let (first, catalog) = try ReviewFixture.review()
        let previous = try PreviousResultLoader.parse(json: ReviewJSON.render(first), file: "review.json")
        #expect(previous.decision == .reinstate)
        #expect(previous.kind == .surveillance)
        #expect(previous.date == first.current.date)
        #expect(previous.nextReview == first.nextReview)
        #expect(previous.previousDate == first.previous.date)
        #expect(previous.overall == first.overall.current)
        #expect(previous.criteria.map(\.level) == first.current.criteria.map { $0.applicable ? $0.level : nil })
        var next = first.current
        next.date = first.nextReview
        let second = Reviewer(catalog: catalog).review(current: next, previous: previous, plan: nil)
        #expect(second.decision == .maintain)
        #expect(second.overall.delta == 0)
        #expect(second.criteria.allSatisfy { $0.levelDelta == 0 })
    }

    /// Suspended by one review, still failing at the next: withdraw — the chain carries the suspension.
    @Test func aSuspensionCarriedThroughJSONLeadsToWithdrawal() throws {
        var (base, catalog) = try ReviewFixture.review()
        base.previous.decision = nil
        base.previous.kind = .audit
        base.previous.rating = "pass"
        let overdue = Plan(
            catalog: nil, organisation: base.current.organisation.name, date: base.previous.date, target: nil,
            entries: [
                PlanEntry(
                    id: "P-01@4", criterion: "P-01", to: 4, due: base.previous.date.adding(days: 30), priority: .p1)
            ])
        let suspended = Reviewer(catalog: catalog).review(current: base.current, previous: base.previous, plan: overdue)
        #expect(suspended.decision == .suspend)
        let previous = try PreviousResultLoader.parse(json: ReviewJSON.render(suspended), file: "review.json")
        var failing = try Fixtures.scored().0
        failing.date = suspended.nextReview
        let withdrawn = Reviewer(catalog: catalog).review(current: failing, previous: previous, plan: overdue)
        #expect(withdrawn.decision == .withdraw)
        #expect(withdrawn.reasons.first == .previousSuspended(date: base.current.date))
        #expect(withdrawn.reasons.contains(.ratingFail))
    }

    @Test func everyUserTextIsEscapedInTheHTML() throws {
        var (review, catalog) = try ReviewFixture.review()
        review.current.organisation.name = "<script>alert(1)</script> & Co"
        review.current.auditor = "<img src=x onerror=alert(1)>"
        try #require(review.planProgress?.items.isEmpty == false)
        review.planProgress?.items[0].entry.id = "<b>NC</b>"
        review.planProgress?.items[0].entry.what = LocalizedText("<i>what</i>")
        let html = ReviewHTMLReport(ReviewContext(review: review, catalog: catalog, language: .en)).render()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>NC"))
        #expect(!html.contains("<i>what"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
    }
}

@Suite struct HistoryReportTests {
    static func history() throws -> (History, Catalog) {
        let (review, catalog) = try ReviewFixture.review()
        let results = [
            try PreviousResultLoader.parse(json: ReviewJSON.render(review), file: "results/2027-05.json"),
            try PreviousResultLoader.parse(json: try ReviewFixture.previousJSON(), file: "results/2026-11.json"),
        ]
        return (History(results: results), catalog)
    }

    @Test(arguments: Language.allCases)
    func textAndMarkdown(language: Language) throws {
        let (history, catalog) = try Self.history()
        let report = HistoryReport(history: history, catalog: catalog, language: language)
        Snapshot.assert(report.text(), named: "history.\(language.rawValue).txt")
        Snapshot.assert(report.markdown(), named: "history.\(language.rawValue).md")
    }

    @Test func json() throws {
        let (history, catalog) = try Self.history()
        Snapshot.assert(HistoryReport(history: history, catalog: catalog, language: .en).json(), named: "history.json")
    }

    @Test(arguments: Language.allCases)
    func html(language: Language) throws {
        let (history, catalog) = try Self.history()
        let html = HistoryHTMLReport(HistoryReport(history: history, catalog: catalog, language: language)).render()
        Snapshot.assert(html, named: "history.\(language.rawValue).html")
        #expect(html.contains("<svg class=\"trend\""))
        #expect(!html.contains("<script"))
    }

    @Test func withoutTheCatalogIdsStandIn() throws {
        let (history, _) = try Self.history()
        let text = HistoryReport(history: history, catalog: nil, language: .en).text()
        #expect(text.contains("  process "))
        #expect(text.contains("Fail"))
    }

    @Test func chartLabelsAndDatesFollowTheLanguage() throws {
        let day = try #require(Day(iso: "2027-05-11"))
        #expect(HTML.month(day, .zh) == "2027年5月")
        #expect(HTML.month(day, .en) == "May 2027")
    }
}
