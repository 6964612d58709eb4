import Foundation
import MaturityCore
import Testing

/// Points catalogs: each rule at its boundary, on `valid/points-catalog.yaml` (C-1 50 points checked as a
/// whole, C-2 40 by sample with a KPI threshold, C-3 10 graded; X-1 20, which the 'small' profile leaves out).
@Suite struct PointsScoringTests {
    static let catalog: Catalog = {
        // A fixture that does not load is a failure of every test below, reported by the first that runs.
        (try? CatalogLoader.load(path: Fixtures.path("valid/points-catalog.yaml")).value)
            ?? Catalog(
                id: "missing", version: "0", title: LocalizedText("missing"), levels: [], ratings: [], domains: [])
    }()

    /// An assessment of the points catalog dated 2027-01-12, with `body` after the common part.
    static func assessment(_ body: String, kind: String = "self", profile: String = "small") throws -> Assessment {
        let yaml = """
            schema: 1
            catalog: mini-points
            organisation: {name: Org}
            kind: \(kind)
            date: 2027-01-12
            profile: \(profile)
            evidence:
              - {id: D, kind: document, title: rules, date: 2026-03-01}
              - {id: R, kind: record, title: records, date: 2026-12-01}
              - {id: OLD, kind: record, title: old records, date: 2025-06-30}
            metrics: {first_response_minutes_p90: 25}

            """ + body
        return try AssessmentLoader.load(yaml: yaml, folder: Fixtures.path("valid"), catalog: catalog).value
    }

    static func score(
        _ body: String, kind: String = "self", profile: String = "small", heldSince: String? = nil,
        target: String? = nil
    ) throws -> AssessmentResult {
        let assessment = try assessment(body, kind: kind, profile: profile)
        return try Scorer(catalog: catalog, heldSince: heldSince.flatMap { Day(iso: $0) }).score(
            assessment, target: target)
    }

    /// 94.5 points of 100: C-1 50, C-2 45 of 50 conforming (36), C-3 graded 8.5.
    static let clauses945 = """
        criteria:
          C-1: {earned: 50, evidence: [D]}
          C-2: {sample: {size: 50, conforming: 45}, evidence: [R]}
          C-3: {earned: 8.5, evidence: [R]}

        """

    @Test func theFixtureCatalogLintsClean() throws {
        let loaded = try CatalogLoader.load(path: Fixtures.path("valid/points-catalog.yaml"))
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.value.isPoints)
        #expect(loaded.value.totalPoints == 120)
    }

    // MARK: Clause points

    @Test func aSampleEarnsItsShareOfThePoints() throws {
        let result = try Self.score("criteria:\n  C-2: {sample: {size: 50, conforming: 44}, evidence: [R]}\n")
        let c2 = try #require(result.criterion("C-2")?.points)
        #expect(abs(c2.earned - 35.2) < 1e-9, "44 of 50 conforming earn 88 % of 40 points")
        #expect(c2.claimed.map { abs($0 - 35.2) < 1e-9 } == true)
    }

    @Test func theAuditorsPointsReplaceTheClaim() throws {
        let result = try Self.score(
            """
            criteria:
              C-1: {earned: 50, audited_earned: 0, evidence: [D]}
              C-2: {sample: {size: 50, conforming: 45}, audited_sample: {size: 50, conforming: 40}, evidence: [R]}

            """, kind: "audit")
        #expect(result.criterion("C-1")?.points?.earned == 0)
        #expect(result.criterion("C-2")?.points?.earned == 32)
    }

    @Test func earnedWithoutValidEvidenceEarnsNothingAndSaysWhy() throws {
        let result = try Self.score(
            """
            criteria:
              C-1: {earned: 50}
              C-3: {earned: 10, evidence: [OLD]}

            """)
        let c1 = try #require(result.criterion("C-1")?.points)
        #expect(c1.judged == 50)
        #expect(c1.earned == 0)
        #expect(c1.zeroedForEvidence && c1.invalidEvidence.isEmpty, "no evidence cited at all")
        let c3 = try #require(result.criterion("C-3")?.points)
        #expect(c3.earned == 0)
        #expect(c3.invalidEvidence.map(\.id) == ["OLD"])
        #expect(
            c3.invalidEvidence.first?.validity == .stale(date: Day(iso: "2025-06-30")!, ageDays: 561, maxAgeDays: 365))
        let json = ResultJSON.render(result)
        #expect(json.contains("\"valid_evidence\": false"))
        #expect(json.contains("\"reason\": \"stale\""))
    }

    @Test func oneValidItemAmongStaleOnesIsEnough() throws {
        let result = try Self.score("criteria:\n  C-3: {earned: 10, evidence: [OLD, R]}\n")
        #expect(result.criterion("C-3")?.points?.earned == 10)
    }

    @Test func aKPIShortOfItsThresholdEarnsNothing() throws {
        var assessment = try Self.assessment("criteria:\n  C-2: {sample: {size: 50, conforming: 50}, evidence: [R]}\n")
        #expect(Scorer(catalog: Self.catalog).score(assessment).criterion("C-2")?.points?.earned == 40)
        assessment.metrics["first_response_minutes_p90"] = 30
        #expect(Scorer(catalog: Self.catalog).score(assessment).criterion("C-2")?.points?.earned == 40, "30 meets ≤ 30")
        assessment.metrics["first_response_minutes_p90"] = 30.5
        let slow = Scorer(catalog: Self.catalog).score(assessment).criterion("C-2")?.points
        #expect(slow?.earned == 0)
        #expect(slow?.metricMet == false)
        assessment.metrics = [:]
        let unmeasured = Scorer(catalog: Self.catalog).score(assessment)
        #expect(unmeasured.criterion("C-2")?.points?.earned == 40, "no value: the KPI does not limit the points")
        #expect(unmeasured.warnings.contains { $0.kind == .metricUnmeasured && $0.subject == "C-2" })
    }

    // MARK: The denominator

    @Test func excludedCriteriaLeaveTheDenominator() throws {
        let body = "criteria:\n  C-1: {earned: 50, evidence: [D]}\n"
        let small = try Self.score(body, profile: "small")
        #expect(small.points?.available == 100)
        #expect(small.overall == 50)
        #expect(small.criterion("X-1")?.applicable == false)
        #expect(small.criterion("X-1")?.points?.excludedBy == "small")
        #expect(!small.warnings.contains { $0.subject == "X-1" }, "an excluded criterion is not 'not assessed'")
        let full = try Self.score(body, profile: "full")
        #expect(full.points?.available == 120)
        #expect(abs((full.overall ?? 0) - 100 * 50 / 120) < 1e-9)
    }

    @Test func notApplicableCriteriaLeaveTheDenominator() throws {
        let result = try Self.score(
            "criteria:\n  C-1: {earned: 50, evidence: [D]}\n  C-3: {na: no culture clause here}\n")
        #expect(result.points?.available == 90)
        #expect(abs((result.overall ?? 0) - 100 * 50 / 90) < 1e-9)
    }

    @Test func domainScoresAreTheirOwnPointsWithoutAdjustments() throws {
        let result = try Self.score(Self.clauses945 + "adjustments:\n  - {kind: deduction, text: late refund}\n")
        #expect(result.domain("system")?.score == 94.5)
        #expect(result.domain("system")?.weight == 100)
        #expect(result.domain("extra")?.applicable == false, "its only clause is excluded")
        #expect(result.overall == 93.5)
    }

    // MARK: Adjustments and clamping

    @Test func ninetyFourAndAHalfPlusOneBonusIsFiveStars() throws {
        let base = try Self.score(Self.clauses945, heldSince: "2026-01-12")
        #expect(base.overall == 94.5)
        #expect(base.rating == "four")
        let bonus = try Self.score(
            Self.clauses945 + "adjustments:\n  - {kind: bonus, text: innovation}\n", heldSince: "2026-01-12")
        #expect(bonus.overall == 95.5)
        #expect(bonus.rating == "five")
        #expect(bonus.points?.base == 94.5)
    }

    @Test func aBonusBeyondBonusMaxIsIgnoredAndReported() throws {
        let result = try Self.score(
            Self.clauses945 + """
                adjustments:
                  - {kind: bonus, text: innovation}
                  - {kind: bonus, text: a second one}

                """, heldSince: "2026-01-12")
        #expect(result.overall == 95.5, "the second bonus adds nothing")
        let applied = try #require(result.points?.adjustments)
        #expect(applied.map(\.counted) == [true, false])
        #expect(applied.map(\.points) == [1, 0])
        #expect(result.points?.ignoredBonuses.map(\.id) == ["B2"])
        #expect(result.warnings.contains { $0.kind == .bonusIgnored && $0.subject == "B2" })
        #expect(ResultJSON.render(result).contains("\"counted\": false"))
    }

    @Test func aDeductionBelowZeroClampsAtZero() throws {
        let result = try Self.score(
            """
            criteria:
              C-1: {earned: 0, evidence: [D]}
            adjustments:
              - {kind: deduction, criterion: C-1, text: no rules at all}
              - {kind: deduction, text: a refund refused}

            """)
        #expect(result.points?.base == 0)
        #expect(result.overall == 0, "0 − 2 is held at 0")
        #expect(result.points?.clamped == true)
        #expect(result.rating == RatingRule.failId)
    }

    @Test func aBonusAboveAHundredClampsAtAHundred() throws {
        let result = try Self.score(
            """
            criteria:
              C-1: {earned: 50, evidence: [D]}
              C-2: {sample: {size: 10, conforming: 10}, evidence: [R]}
              C-3: {earned: 10, evidence: [R]}
            adjustments:
              - {kind: bonus, text: innovation}

            """, heldSince: "2026-01-12")
        #expect(result.overall == 100)
        #expect(result.points?.clamped == true)
        #expect(result.rating == "five")
    }

    @Test func eachDeductionIsAlsoAnOpenMinorFindingToRectify() throws {
        let result = try Self.score(
            Self.clauses945 + "adjustments:\n  - {kind: deduction, criterion: C-2, text: late refund}\n")
        let finding = try #require(result.findings.first { $0.id == "D1" })
        #expect(finding.grade == .minor)
        #expect(finding.status == .open)
        #expect(finding.criterion == "C-2")
        #expect(finding.fromDeduction)
        let action = try #require(result.action("D1"))
        #expect(action.priority == .p2)
        #expect(action.purpose == .corrective)
        #expect(action.due == Day(iso: "2027-04-12"), "a minor finding's 90 days")
    }

    // MARK: Held ratings

    @Test func heldDaysMinIsMetOnThe365thDayAndNotThe364th() throws {
        // The assessment is dated 2027-01-12; 2026-01-12 is 365 days before it, 2026-01-13 is 364.
        let met = try Self.score(Self.clauses945, kind: "surveillance", heldSince: "2026-01-12")
        #expect(met.points?.holding?.days == 365)
        #expect(met.rating == "four")
        #expect(met.points?.pending == nil)
        let short = try Self.score(Self.clauses945, kind: "surveillance", heldSince: "2026-01-13")
        #expect(short.points?.holding?.days == 364)
        #expect(short.rating == "ok")
        let pending = try #require(short.points?.pending)
        #expect(pending.rating == "four")
        #expect(pending.heldRating == "ok")
        #expect(pending.requiredDays == 365)
        #expect(pending.heldDays == 364)
        #expect(pending.grantableOn == Day(iso: "2027-01-13"))
        #expect(
            short.blockers == [
                Blocker(condition: .heldDaysMin, subject: .rating("ok"), actual: 364, required: 365)
            ], "the next rating, three stars, waits only for time")
        #expect(short.points?.path.isEmpty == true, "no points need earning")
    }

    @Test func aSelfAssessmentWithoutHistoryReportsTheRatingItWouldReach() throws {
        let result = try Self.score(Self.clauses945)
        #expect(result.rating == "ok")
        #expect(result.points?.holding == nil)
        let pending = try #require(result.points?.pending)
        #expect(pending.rating == "four")
        #expect(pending.heldDays == nil)
        #expect(pending.grantableOn == nil)
    }

    @Test func anInitialAuditStartsTheCertificateOnItsOwnDate() throws {
        let result = try Self.score(Self.clauses945, kind: "audit")
        #expect(result.points?.holding == CertificateHolding(rating: "ok", since: Day(iso: "2027-01-12")!, days: 0))
        #expect(result.rating == "ok")
        #expect(ResultJSON.render(result).contains("\"held_since\": \"2027-01-12\""))
    }

    @Test func aFailedAssessmentHoldsNothing() throws {
        let result = try Self.score("criteria:\n  C-1: {earned: 0, evidence: [D]}\n", kind: "audit")
        #expect(result.rating == RatingRule.failId)
        #expect(result.points?.holding == nil)
        #expect(ResultJSON.render(result).contains("\"held_since\": null"))
    }

    // MARK: Gap analysis and plan

    @Test func theGapsAreThePointsStillToEarnLargestFirst() throws {
        let result = try Self.score(
            """
            criteria:
              C-1: {earned: 0, evidence: [D]}
              C-2: {sample: {size: 50, conforming: 45}, evidence: [R]}
              C-3: {earned: 6, evidence: [R]}

            """, target: "ok")
        let gaps = try #require(result.points?.gaps)
        #expect(gaps.map(\.criterion) == ["C-1", "C-2", "C-3"])
        #expect(gaps.map(\.toEarn) == [50, 4, 4], "ties keep catalog order")
        // 42 of 100; 70 needs 28 more points: C-1 alone.
        #expect(result.points?.path.map(\.criterion) == ["C-1"])
        let action = try #require(result.action("C-1@50"))
        #expect(action.points == PlanAction.PointsStep(earned: 0, points: 50, needsEvidence: false))
        #expect(action.what == LocalizedText(zh: "制度成文并执行", en: "Written rules that are followed"))
        #expect(action.purpose == .corrective, "the organisation does not meet the lowest rating yet")
        #expect(action.priority == .p2)
    }

    @Test func aPathAboveTheLowestRatingIsDevelopment() throws {
        let result = try Self.score(Self.clauses945, target: "five")
        #expect(result.points?.path.map(\.criterion) == ["C-2"], "C-2 has 4 to earn, C-3 1.5")
        let action = try #require(result.action("C-2@40"))
        #expect(action.purpose == .development)
        #expect(action.priority == .p3)
        #expect(action.kpiTarget == PlanAction.KPITarget(kpi: "first_response_minutes_p90", better: .lower, value: 30))
    }

    @Test func anUnreachableTargetSaysSo() throws {
        let result = try Self.score(
            "criteria:\n  C-1: {earned: 50, evidence: [D]}\nadjustments:\n"
                + (1...10).map { "  - {kind: deduction, text: d\($0)}\n" }.joined(), target: "five")
        #expect(!result.reachable, "even 100 points less 10 deductions is 90 < 95")
    }

    // MARK: Properties

    @Test(arguments: 0..<40)
    func scoresStayWithinZeroToAHundred(seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed))
        func sample() -> (Int, Int) {
            let size = Int(generator.next() % 60) + 1
            return (size, Int(generator.next() % UInt64(size + 1)))
        }
        let (size, conforming) = sample()
        let deductions = Int(generator.next() % 6)
        let bonuses = Int(generator.next() % 4)
        var body = "criteria:\n"
        body += "  C-1: {earned: \(generator.next() % 2 == 0 ? 0 : 50), evidence: [D]}\n"
        body += "  C-2: {sample: {size: \(size), conforming: \(conforming)}, evidence: [R]}\n"
        body += "  C-3: {earned: \(Double(generator.next() % 101) / 10), evidence: [R]}\n"
        body += "adjustments:\n"
        body += (0..<deductions).map { "  - {kind: deduction, text: d\($0)}\n" }.joined()
        body += (0..<bonuses).map { "  - {kind: bonus, text: b\($0)}\n" }.joined()
        if deductions + bonuses == 0 { body = body.replacingOccurrences(of: "adjustments:\n", with: "") }
        let result = try Self.score(body, heldSince: "2025-01-01")
        let overall = try #require(result.overall)
        #expect((0...100).contains(overall))
        for domain in result.domains { #expect(domain.score.map { (0...100).contains($0) } ?? true) }
        let counted = result.points?.adjustments.filter { $0.adjustment.kind == .bonus && $0.counted }.count ?? 0
        #expect(counted == min(bonuses, 1))
    }
}
