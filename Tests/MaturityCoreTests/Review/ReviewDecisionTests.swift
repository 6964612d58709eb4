import MaturityCore
import Testing

/// Every decision rule of a surveillance review, each on its own, and their precedence when several hold.
@Suite struct ReviewDecisionTests {
    typealias F = ReviewFixtures

    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var previousRating: String
        var previousOverall: Double
        var previousDecision: ReviewDecision?
        var current: [String: Int]
        var overdue: [PlanAction.Priority]
        /// The first rule that holds.
        var decision: ReviewDecision
        /// Every rule that holds, decided or outranked.
        var holding: Set<ReviewDecision>
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(
            name: "nothing changed: maintain", previousRating: "pass", previousOverall: 80, current: F.pass,
            overdue: [], decision: .maintain, holding: [.maintain]),
        Scenario(
            name: "rating rose: upgrade", previousRating: "pass", previousOverall: 80, current: F.excellent,
            overdue: [], decision: .upgrade, holding: [.upgrade]),
        Scenario(
            name: "a P2 action overdue: follow-up", previousRating: "pass", previousOverall: 80, current: F.pass,
            overdue: [.p2], decision: .maintainWithFollowUp, holding: [.maintainWithFollowUp]),
        Scenario(
            name: "overall fell by exactly 5: follow-up", previousRating: "pass", previousOverall: 85, current: F.pass,
            overdue: [], decision: .maintainWithFollowUp, holding: [.maintainWithFollowUp]),
        Scenario(
            name: "overall fell by 4.99: maintain", previousRating: "pass", previousOverall: 84.99, current: F.pass,
            overdue: [], decision: .maintain, holding: [.maintain]),
        Scenario(
            name: "a P3 action overdue changes nothing", previousRating: "pass", previousOverall: 80, current: F.pass,
            overdue: [.p3], decision: .maintain, holding: [.maintain]),
        Scenario(
            name: "follow-up outranks upgrade", previousRating: "pass", previousOverall: 80, current: F.excellent,
            overdue: [.p2], decision: .maintainWithFollowUp, holding: [.maintainWithFollowUp, .upgrade]),
        Scenario(
            name: "rating fell: downgrade outranks follow-up", previousRating: "excellent", previousOverall: 93.33,
            current: F.pass, overdue: [], decision: .downgrade, holding: [.downgrade, .maintainWithFollowUp]),
        Scenario(
            name: "rating fell by less than 5 points: downgrade alone", previousRating: "excellent",
            previousOverall: 82, current: F.pass, overdue: [], decision: .downgrade,
            holding: [.downgrade]),
        Scenario(
            name: "rating fail: suspend outranks downgrade", previousRating: "pass", previousOverall: 80,
            current: F.fail, overdue: [], decision: .suspend,
            holding: [.suspend, .downgrade, .maintainWithFollowUp]),
        Scenario(
            name: "a P1 action overdue: suspend outranks upgrade", previousRating: "pass", previousOverall: 80,
            current: F.excellent, overdue: [.p1], decision: .suspend, holding: [.suspend, .upgrade]),
        Scenario(
            name: "fail after fail: suspend", previousRating: "fail", previousOverall: 60, current: F.fail,
            overdue: [], decision: .suspend, holding: [.suspend]),
        Scenario(
            name: "suspended, still fail: withdraw", previousRating: "fail", previousOverall: 60,
            previousDecision: .suspend, current: F.fail, overdue: [], decision: .withdraw,
            holding: [.withdraw, .suspend]),
        Scenario(
            name: "suspended, P1 still overdue: withdraw", previousRating: "pass", previousOverall: 80,
            previousDecision: .suspend, current: F.pass, overdue: [.p1], decision: .withdraw,
            holding: [.withdraw, .suspend]),
        Scenario(
            name: "suspended, only a P2 overdue: reinstate, not withdraw", previousRating: "pass",
            previousOverall: 80, previousDecision: .suspend, current: F.pass, overdue: [.p2],
            decision: .reinstate, holding: [.reinstate, .maintainWithFollowUp]),
        Scenario(
            name: "suspended, recovered: reinstate", previousRating: "pass", previousOverall: 80,
            previousDecision: .suspend, current: F.pass, overdue: [], decision: .reinstate, holding: [.reinstate]),
        Scenario(
            name: "suspended, recovered and rated higher: reinstate outranks upgrade", previousRating: "pass",
            previousOverall: 80, previousDecision: .suspend, current: F.excellent, overdue: [], decision: .reinstate,
            holding: [.reinstate, .upgrade]),
        Scenario(
            name: "a follow-up before does not lead to withdraw", previousRating: "pass", previousOverall: 80,
            previousDecision: .maintainWithFollowUp, current: F.fail, overdue: [], decision: .suspend,
            holding: [.suspend, .downgrade, .maintainWithFollowUp]),
    ]

    @Test(arguments: scenarios)
    func theFirstRuleThatHoldsDecides(scenario: Scenario) {
        let review = F.review(
            F.current(scenario.current),
            F.previous(
                rating: scenario.previousRating, overall: scenario.previousOverall,
                decision: scenario.previousDecision),
            plan: F.plan(overdue: scenario.overdue))
        #expect(review.decision == scenario.decision)
        #expect(Set(review.rules.filter(\.holds).map(\.rule)) == scenario.holding)
        #expect(review.rules.map(\.rule) == ReviewDecision.allCases)
        #expect(review.rules.first(where: \.holds)?.rule == review.decision)
        #expect(!review.reasons.isEmpty)
    }

    @Test func reasonsNameTheRuleAndTheFacts() throws {
        let due = try #require(Day(iso: "2026-06-01"))
        let plan = Plan(
            catalog: nil, organisation: "Org", date: due, target: nil,
            entries: [
                PlanEntry(id: "SP-06@5", criterion: "A", due: due, priority: .p1, status: .open),
                PlanEntry(id: "NC-1", due: due, priority: .p2, status: .inProgress),
            ])
        let review = F.review(F.current(F.pass), F.previous(rating: "pass", overall: 80), plan: plan)
        #expect(review.decision == .suspend)
        #expect(
            review.reasons == [.actionOverdue(id: "SP-06@5", priority: .p1, due: due, status: .open, completed: nil)])
        #expect(
            review.reasons.map(\.message) == ["P1 corrective action SP-06@5 due 2026-06-01 is overdue (status open)"])
        #expect(review.outranked.map(\.rule) == [.maintainWithFollowUp])
        #expect(
            review.outranked.first?.facts.map(\.message) == [
                "P2 corrective action NC-1 due 2026-06-01 is overdue (status in_progress)"
            ])
    }

    @Test func factsOfEachRuleAreStated() throws {
        let fell = F.review(F.current(F.fail), F.previous(rating: "excellent", overall: 93.33, decision: .suspend))
        #expect(fell.decision == .withdraw)
        #expect(fell.reasons == [.previousSuspended(date: try #require(Day(iso: "2026-05-01"))), .ratingFail])
        #expect(
            fell.reasons.map(\.message) == [
                "the previous review (2026-05-01) suspended the certificate", "the rating is fail",
            ])
        let rules = Dictionary(uniqueKeysWithValues: fell.rules.map { ($0.rule, $0.facts) })
        #expect(rules[.downgrade] == [.ratingLowered(from: "excellent", to: "fail")])
        #expect(rules[.maintainWithFollowUp] == [.overallDropped(from: 93.33, to: 60)])
        #expect(
            ReviewFact.overallDropped(from: 93.33, to: 60).message
                == "the overall score fell by 33.33 points (93.33 → 60.00), 5 or more")
    }

    @Test func withoutAPlanOverdueActionsAreNotChecked() {
        let review = F.review(F.current(F.pass), F.previous(rating: "pass", overall: 80))
        #expect(review.planProgress == nil)
        #expect(review.reasons == [.noRuleAbove(rating: "pass", planChecked: false)])
        #expect(review.reasons.first?.message.hasSuffix("no plan was given to check overdue actions") == true)
    }

    @Test func aSuspensionIsLiftedByReinstating() {
        let lifted = F.review(F.current(F.pass), F.previous(rating: "pass", overall: 80, decision: .suspend))
        #expect(lifted.decision == .reinstate)
        #expect(lifted.liftsSuspension)
        #expect(
            lifted.reasons.map(\.message) == [
                "the suspension of 2026-05-01 is lifted: the rating is pass and no plan was given to check overdue actions"
            ])
        let still = F.review(F.current(F.fail), F.previous(rating: "pass", overall: 80, decision: .suspend))
        #expect(still.decision == .withdraw)
        #expect(!still.liftsSuspension)
        let never = F.review(F.current(F.pass), F.previous(rating: "pass", overall: 80))
        #expect(never.decision == .maintain)
        #expect(!never.liftsSuspension)
    }

    @Test func aSuspensionOfSixMonthsIsLiftedAndOfSixMonthsAndOneDayWithdrawn() throws {
        let suspended = try #require(Day(iso: "2026-05-01"))
        let previous = F.previous(rating: "pass", overall: 80, decision: .suspend, date: suspended)
        // 2026-05-01 + 6 months = 2026-11-01: on that day the suspension is exactly six months old.
        let onTheDay = F.review(F.current(F.pass, on: try #require(Day(iso: "2026-11-01"))), previous)
        #expect(onTheDay.decision == .reinstate)
        let dayAfter = F.review(F.current(F.pass, on: try #require(Day(iso: "2026-11-02"))), previous)
        #expect(dayAfter.decision == .withdraw)
        #expect(
            dayAfter.reasons == [
                .previousSuspended(date: suspended),
                .suspensionExpired(since: suspended, limit: try #require(Day(iso: "2026-11-01"))),
            ])
        #expect(
            dayAfter.reasons.last?.message
                == "the certificate has been suspended since 2026-05-01, more than 6 months (until 2026-11-01)")
        // A suspension can only end: reinstated within six months, or withdrawn.
        #expect(!dayAfter.rules.contains { $0.rule == .reinstate && $0.holds })
    }

    @Test func aDevelopmentActionOverdueForAYearDecidesNothing() throws {
        let due = F.date.adding(days: -365)
        let entries = [
            PlanEntry(
                id: "A@5", criterion: "A", kind: "key", from: 4, to: 5, due: due, priority: .p3, purpose: .development,
                status: .open),
            // A development action someone marked P1 still decides nothing.
            PlanEntry(
                id: "B@5", criterion: "B", kind: "overall", from: 4, to: 5, due: due, priority: .p1,
                purpose: .development, status: .inProgress),
        ]
        let plan = Plan(catalog: nil, organisation: "Org", date: due, target: nil, entries: entries)
        let review = F.review(F.current(F.pass), F.previous(rating: "pass", overall: 80), plan: plan)
        #expect(review.planProgress?.count(.overdue) == 2)
        #expect(review.decision == .maintain)
        #expect(review.rules.filter(\.holds).map(\.rule) == [.maintain])
        #expect(review.planProgress?.overdueNotCounted.map(\.entry.id) == ["A@5", "B@5"])
        // The same action, corrective: suspend.
        var corrective = plan
        corrective.entries[1].purpose = .corrective
        #expect(
            F.review(F.current(F.pass), F.previous(rating: "pass", overall: 80), plan: corrective).decision == .suspend)
    }

    @Test func overallIsComparedAtTheTwoDecimalsBothResultsShow() {
        // Current overall 73.333…, shown 73.33: a previous 78.33 is a drop of exactly 5.
        let review = F.review(F.current(F.lowPass), F.previous(rating: "pass", overall: 78.33))
        #expect(review.overall.current == 73.33)
        #expect(review.overall.delta == -5)
        #expect(review.decision == .maintainWithFollowUp)
        let less = F.review(F.current(F.lowPass), F.previous(rating: "pass", overall: 78.32))
        #expect(less.decision == .maintain)
    }
}
