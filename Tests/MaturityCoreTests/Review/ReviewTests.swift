import MaturityCore
import Testing

/// Deltas, plan progress, the next review date and the checks on the previous result.
@Suite struct ReviewTests {
    typealias F = ReviewFixtures

    // MARK: Deltas

    @Test func deltasCoverEveryCriterionDomainAndTheOverallScore() {
        let review = F.review(
            F.current(["A": 5, "B": 3, "C": 4]), F.previous(rating: "pass", overall: 80, levels: F.pass))
        #expect(review.basis == .reported)
        #expect(review.catalogChange == nil)
        #expect(review.criteria.map(\.id) == ["A", "B", "C"])
        #expect(review.criteria.map(\.levelDelta) == [1, -1, 0])
        #expect(review.criteria.map(\.score.delta) == [20, -20, 0])
        #expect(review.regressions.map(\.id) == ["B"])
        #expect(review.improvements.map(\.id) == ["A"])
        #expect(review.domains.map(\.score) == [ScoreDelta(previous: 80, current: 80)])
        #expect(review.overall.delta == 0)
    }

    @Test func aCriterionThatStoppedApplyingHasNoLevelDelta() throws {
        var previous = F.previous(rating: "pass", overall: 80)
        previous.criteria[2] = .init(id: "C", domain: "d", key: false, applicable: false, level: nil, score: nil)
        let review = F.review(F.current(F.pass), previous)
        let c = try #require(review.criteria.first { $0.id == "C" })
        #expect(c.previousLevel == nil && c.level == 4 && c.levelDelta == nil)
        #expect(review.applicabilityChanges.map(\.id) == ["C"])
        #expect(review.regressions.isEmpty && review.improvements.isEmpty)
    }

    // MARK: Plan progress

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var status: PlanAction.Status
        var due: Int?
        var completed: Int?
        var state: PlanProgress.State
        var testDescription: String { name }
    }

    /// Days relative to the review date.
    static let cases: [Case] = [
        Case(name: "open, due yesterday", status: .open, due: -1, state: .overdue),
        Case(name: "open, due on the review date", status: .open, due: 0, state: .onTrack),
        Case(name: "in progress, due long ago", status: .inProgress, due: -200, state: .overdue),
        Case(name: "open, no due date", status: .open, state: .onTrack),
        Case(name: "done before the review", status: .done, due: -30, completed: -40, state: .done),
        Case(name: "done late but before the review", status: .done, due: -30, completed: -1, state: .done),
        Case(name: "done on the review date", status: .done, due: -30, completed: 0, state: .done),
        Case(name: "done without a date", status: .done, due: -30, state: .done),
        Case(name: "done after the review, due before", status: .done, due: -30, completed: 10, state: .overdue),
        Case(name: "done after the review, due after", status: .done, due: 5, completed: 10, state: .onTrack),
        Case(name: "superseded, due before", status: .superseded, due: -30, state: .superseded),
    ]

    @Test(arguments: cases)
    func overdueMeansDueBeforeTheReviewDateAndNotDone(testCase: Case) {
        let day = F.date
        let entry = PlanEntry(
            id: "X", due: testCase.due.map { day.adding(days: $0) }, priority: .p1, status: testCase.status,
            completed: testCase.completed.map { day.adding(days: $0) })
        #expect(PlanProgress.state(of: entry, on: day) == testCase.state)
    }

    @Test func progressCountsEachStateAndChecksTheLevelReached() throws {
        let day = F.date
        let plan = Plan(
            catalog: nil, organisation: "Org", date: day, target: nil,
            entries: [
                PlanEntry(id: "A@5", criterion: "A", to: 5, due: day.adding(days: 30), priority: .p1, status: .open),
                PlanEntry(id: "B@4", criterion: "B", to: 4, due: day.adding(days: -5), priority: .p2, status: .done),
                PlanEntry(id: "C@5", criterion: "C", to: 5, due: day.adding(days: -5), priority: .p3, status: .done),
                PlanEntry(id: "NC-1", due: day.adding(days: -5), priority: .p2, status: .superseded),
                PlanEntry(id: "NC-2", due: day.adding(days: -5), priority: .p2, status: .inProgress),
            ])
        let review = F.review(F.current(F.pass), F.previous(rating: "pass", overall: 80), plan: plan)
        let progress = try #require(review.planProgress)
        #expect(progress.asOf == day)
        #expect(progress.count(.done) == 2)
        #expect(progress.count(.onTrack) == 1)
        #expect(progress.count(.overdue) == 1)
        #expect(progress.count(.superseded) == 1)
        #expect(progress.items.map(\.levelReached) == [false, true, false, nil, nil])
        #expect(review.decision == .maintainWithFollowUp)
    }

    // MARK: Next review

    @Test(arguments: [
        ("2026-05-20", "2026-11-20"), ("2026-08-31", "2027-02-28"), ("2027-08-31", "2028-02-29"),
        ("2099-08-31", "2100-02-28"), ("2399-08-31", "2400-02-29"), ("2026-12-31", "2027-06-30"),
        ("2027-03-31", "2027-09-30"), ("2028-02-29", "2028-08-29"), ("2027-11-30", "2028-05-30"),
    ])
    func theNextReviewIsSixMonthsAfterTheReviewDate(date: String, next: String) throws {
        let day = try #require(Day(iso: date))
        let review = F.review(
            F.current(F.pass, on: day), F.previous(rating: "pass", overall: 80, date: day.adding(days: -180)))
        #expect(review.nextReview.description == next)
    }

    // MARK: Checks

    @Test func aResultOfAnotherCatalogOrganisationOrLaterDateIsRefused() throws {
        var previous = F.previous(rating: "gold", overall: 80, date: F.date)
        previous.catalogId = "other"
        previous.organisation = Organisation(name: "Other Co")
        let at = SourceLocation(file: "previous.json", line: 3, column: 14)
        previous.locations = .init(catalog: at, organisation: at, date: at, rating: at)
        let diagnostics = Reviewer(catalog: F.catalog).check(previous: previous, current: F.current(F.pass))
        #expect(
            diagnostics.map(\.description) == [
                "previous.json:3:14: error: the previous result is for catalog 'other', the assessment for 'test'\n"
                    + "  hint: give the result of an earlier review of the same certification",
                "previous.json:3:14: error: the previous result is for 'Other Co', the assessment for 'Org'\n"
                    + "  hint: give the previous result of the same organisation",
                "previous.json:3:14: error: the previous result is dated 2026-11-01, not before the assessment (2026-11-01)\n"
                    + "  hint: --previous takes the result of the earlier audit or review",
                "previous.json:3:14: error: the previous rating 'gold' is not a rating of catalog 'test'\n"
                    + "  hint: expected one of 'fail', 'pass', 'excellent'",
            ])
    }

    /// A review needs a certificate in force or suspended: what else is given as --previous is refused, located.
    @Test func onlyACertificateInForceOrSuspendedCanBeReviewed() {
        let at = SourceLocation(file: "previous.json", line: 7, column: 11)
        func problem(_ previous: PreviousResult) -> String? {
            var previous = previous
            previous.locations = .init(rating: at, kind: at, decision: at)
            return Reviewer(catalog: F.catalog).check(previous: previous, current: F.current(F.pass))
                .first(where: \.isError)?.description
        }
        var selfAssessment = F.previous(rating: "pass", overall: 80)
        selfAssessment.kind = .selfAssessment
        #expect(
            problem(selfAssessment)
                == "previous.json:7:11: error: the previous result is a self-assessment: there is no certificate to review\n"
                + "  hint: --previous takes the result of the audit that granted the certificate, or of the last review"
        )
        #expect(
            problem(F.previous(rating: "fail", overall: 60))
                == "previous.json:7:11: error: the previous result is an audit rated fail: no certificate was granted, "
                + "so there is none to review\n"
                + "  hint: after a failed audit the organisation is audited again (kind: audit); review that result")
        #expect(
            problem(F.previous(rating: "pass", overall: 80, decision: .withdraw))
                == "previous.json:7:11: error: the previous review withdrew the certificate: there is no certificate to "
                + "review\n"
                + "  hint: a new certificate starts with an initial audit (kind: audit), scored with 'maturity assess'")
        // In force or suspended: an audit that passed, a special audit, a review that suspended even at fail.
        #expect(problem(F.previous(rating: "pass", overall: 80)) == nil)
        var special = F.previous(rating: "pass", overall: 80)
        special.kind = .special
        #expect(problem(special) == nil)
        #expect(problem(F.previous(rating: "fail", overall: 60, decision: .suspend)) == nil)
    }

    @Test func anotherCatalogVersionOrALateReviewIsAWarning() {
        var previous = F.previous(rating: "pass", overall: 80, decision: .maintain, version: "0.9")
        previous.nextReview = F.date.adding(days: -1)
        let diagnostics = Reviewer(catalog: F.catalog).check(previous: previous, current: F.current(F.pass))
        #expect(diagnostics.allSatisfy { !$0.isError })
        #expect(
            diagnostics.map(\.message) == [
                "the previous result used catalog version '0.9', this assessment version '1': criteria are matched by "
                    + "id (and the catalog's renamed: list), and only those both have are compared",
                "this review (2026-11-01) is later than the next review the previous one set (2026-10-31)",
            ])
    }

    @Test func aRatingNameIsSuggestedWhenMisspelt() {
        let diagnostics = Reviewer(catalog: F.catalog).check(
            previous: F.previous(rating: "excelent", overall: 80), current: F.current(F.pass))
        #expect(diagnostics.map(\.hint) == ["did you mean 'excellent'?"])
    }

    @Test func aPlanOfAnotherOrganisationIsRefused() {
        let plan = Plan(catalog: nil, organisation: "Other Co", date: F.date, target: nil, entries: [])
        let problem = Reviewer(catalog: F.catalog).check(plan: plan, file: "plan.yaml", current: F.current(F.pass))
        #expect(
            problem?.description
                == "plan.yaml:1:1: error: the plan is for 'Other Co', the assessment for 'Org'\n"
                + "  hint: give the improvement plan of the same organisation")
    }
}
