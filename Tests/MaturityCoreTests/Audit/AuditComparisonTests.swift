import Foundation
import MaturityCore
import Testing

/// Self-assessment against the auditor on a hand-checked fixture.
@Suite struct AuditComparisonTests {
    /// Domain d1: A claimed 5 / audited 3, B 2 / 3, C 4 / 4, D 3 / not audited; domain d2: E audited 2, not claimed.
    static func fixture(findings: [Finding] = []) -> (AssessmentResult, AuditComparison, Catalog) {
        let catalog = TestCatalog.catalog([
            TestCatalog.domain(
                "d1",
                [
                    TestCatalog.criterion("A", weight: 2), TestCatalog.criterion("B"),
                    TestCatalog.criterion("C", key: true), TestCatalog.criterion("D"),
                ]),
            TestCatalog.domain("d2", [TestCatalog.criterion("E")]),
        ])
        var assessment = TestCatalog.assessment(["A": 5, "B": 2, "C": 4, "D": 3], findings: findings)
        assessment.kind = .audit
        assessment.criteria["A"]?.audited = 3
        assessment.criteria["B"]?.audited = 3
        assessment.criteria["C"]?.audited = 4
        assessment.criteria["E"] = CriterionEntry(audited: 2, evidence: assessment.evidence.map(\.id))
        let result = Scorer(catalog: catalog).score(assessment)
        let comparison = AuditComparison(result: result, assessment: assessment, catalog: catalog, kpis: [])
        return (result, comparison, catalog)
    }

    @Test func calibrationCountsOnlyCriteriaWithBothLevels() throws {
        let c = Self.fixture().1.calibration
        #expect(c.applicable == 5)
        #expect(c.audited == 4)
        #expect(c.compared == 3)
        #expect((c.overClaimed, c.underClaimed, c.agreed) == (1, 1, 1))
        // (5−3) + (2−3) + (4−4) = 1 over 3 criteria; |2| + |−1| + 0 = 3 over 3.
        #expect(abs(try #require(c.meanDifference) - 1.0 / 3) < 1e-12)
        #expect(c.meanAbsoluteDifference == 1)
        #expect(abs(try #require(c.overClaimedShare) - 100.0 / 3) < 1e-12)
        #expect(abs(try #require(c.agreedShare) - 100.0 / 3) < 1e-12)
    }

    @Test func verdictsNameEachCase() {
        let lines = Dictionary(uniqueKeysWithValues: Self.fixture().1.criteria.map { ($0.id, $0) })
        #expect(lines["A"]?.verdict == .overClaimed)
        #expect(lines["A"]?.difference == 2)
        #expect(lines["B"]?.verdict == .underClaimed)
        #expect(lines["C"]?.verdict == .agreed)
        #expect(lines["D"]?.verdict == .notAudited)
        #expect(lines["E"]?.verdict == .notClaimed)
    }

    @Test func theSelfSideIsTheSameAssessmentScoredOnClaimedLevels() throws {
        let (result, comparison, _) = Self.fixture()
        let lines = Dictionary(uniqueKeysWithValues: comparison.criteria.map { ($0.id, $0) })
        #expect(lines["A"]?.selfLevel == 5)
        #expect(lines["A"]?.auditLevel == 3)
        #expect(lines["E"]?.selfLevel == 0)
        #expect(lines["E"]?.auditLevel == 2)
        // d1 on claims: (2·100 + 40 + 80 + 60) / 5 = 76; audited: (2·60 + 60 + 80 + 60) / 5 = 64.
        let d1 = try #require(comparison.domains.first { $0.id == "d1" })
        #expect(abs(try #require(d1.selfScore) - 76) < 1e-9)
        #expect(abs(try #require(d1.auditScore) - 64) < 1e-9)
        #expect(abs(try #require(d1.delta) + 12) < 1e-9)
        #expect(d1.auditScore == result.domain("d1")?.score)
        // Overall on claims: (76 + 0) / 2 = 38; the audit: (64 + 40) / 2 = 52.
        #expect(abs(try #require(comparison.selfOverall) - 38) < 1e-9)
        #expect(abs(try #require(result.overall) - 52) < 1e-9)
    }

    @Test func disagreementsListTheMostOverClaimedFirst() {
        #expect(Self.fixture().1.disagreements.map(\.id) == ["A", "B"])
    }

    @Test func strengthsAreTopLevelAndWeaknessesLowKeyOrWithFindings() {
        let finding = Finding(id: "NC-1", criterion: "C", grade: .minor, text: "x")
        let (_, comparison, _) = Self.fixture(findings: [finding])
        // Levels: A 3, B 3, C 4 (open minor finding), D 3, E 2 (≤ half of 5).
        #expect(comparison.strengths.isEmpty)
        #expect(comparison.weaknesses.map(\.criterion) == ["E", "C"])
        #expect(comparison.weaknesses.first { $0.criterion == "C" }?.reasons == [.openFinding])
        #expect(comparison.weaknesses.first { $0.criterion == "E" }?.reasons == [.lowLevel])
    }

    @Test func findingsAreGroupedByGradeWithTheCatalogDeadline() throws {
        let findings = [
            Finding(id: "M1", criterion: "A", grade: .major, text: "x"),
            Finding(id: "O1", criterion: "B", grade: .observation, text: "y", status: .closed),
            Finding(id: "M2", criterion: "B", grade: .major, text: "z", status: .closed),
        ]
        let groups = Self.fixture(findings: findings).1.findingsByGrade
        try #require(groups.map(\.grade) == [.major, .observation])
        #expect((groups[0].open, groups[0].closed, groups[0].deadlineDays) == (1, 1, 30))
        #expect(groups[0].due == TestCatalog.date.adding(days: 30))
        #expect(groups[1].deadlineDays == 180)
    }
}

@Suite struct SignOffTests {
    static let parts = [
        SignOff.Part(role: .evidence, path: "b.md", sha256: String(repeating: "b", count: 64)),
        SignOff.Part(role: .assessment, path: "assessment.yaml", sha256: String(repeating: "a", count: 64)),
        SignOff.Part(role: .catalog, path: "catalog.yaml", sha256: String(repeating: "c", count: 64)),
    ]

    static func signOff(auditor: String = "王海", parts: [SignOff.Part] = parts, result: String = "r") -> SignOff {
        SignOff(
            auditor: auditor, date: Day(iso: "2026-11-20")!, resultDigest: result, parts: parts,
            assessmentPath: "x/assessment.yaml", catalogPath: "Criteria/c")
    }

    @Test func sha256MatchesTheStandardTestVector() {
        #expect(
            SignOff.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func partsAreOrderedByRoleThenPath() {
        #expect(Self.signOff().parts.map(\.role) == [.assessment, .catalog, .evidence])
    }

    @Test func theDigestCoversEveryPartButNotTheLocators() {
        let base = Self.signOff()
        var moved = base
        moved.assessmentPath = "elsewhere/assessment.yaml"
        #expect(moved.digest == base.digest)
        #expect(Self.signOff(auditor: "李四").digest != base.digest)
        #expect(Self.signOff(result: "s").digest != base.digest)
        var parts = Self.parts
        parts[0].sha256 = String(repeating: "d", count: 64)
        #expect(Self.signOff(parts: parts).digest != base.digest)
    }

    @Test func aLineBreakInANameCannotForgeAnotherPart() {
        let forged = Self.signOff(auditor: "王海\nresult x")
        #expect(forged.manifest.split(separator: "\n").count == Self.signOff().manifest.split(separator: "\n").count)
    }
}
