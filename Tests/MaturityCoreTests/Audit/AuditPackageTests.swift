import Foundation
import Testing

@testable import MaturityCore

/// The one rule an audit is started by, whichever front end asks (`maturity init --kind audit`, the server's
/// new audit and its checklist download).
@Suite struct AuditPackageTests {
    static func package(_ assessment: Assessment) -> AuditPackage {
        let catalog = TestCatalog.catalog([
            TestCatalog.domain("d1", [TestCatalog.criterion("A"), TestCatalog.criterion("B")])
        ])
        return AuditPackage(
            assessment: assessment, result: Scorer(catalog: catalog).score(assessment), copies: [])
    }

    @Test func anAuditCarriesTheSelfAssessmentAndLeavesTheAuditedLevelsEmpty() throws {
        let earlier = Finding(id: "NC-01", criterion: "A", grade: .minor, text: "8 月起纸质维修单未补录", evidence: ["E1"])
        var deduction = Finding(id: "D-01", criterion: "B", grade: .minor, text: "扣分项")
        deduction.fromDeduction = true
        var assessment = TestCatalog.assessment(
            ["A": 4, "B": 2], findings: [earlier, deduction], owners: ["A": "周敏"],
            extra: ["C": CriterionEntry(notApplicable: "不设外包网点")])
        assessment.assessor = "周敏"
        assessment.metrics = ["repair-tat": 36]
        assessment.criteria["A"]?.audited = 3
        assessment.criteria["A"]?.note = "见投诉台账"
        assessment.criteria["B"]?.auditedEarned = 1.5
        assessment.criteria["B"]?.auditedSample = Sample(size: 10, conforming: 9)
        assessment.evidence[0].supersededBy = "E2"
        let date = try #require(Day(iso: "2026-11-20"))

        let audit = Self.package(assessment).audit(date: date, auditor: "王海")

        #expect(audit.kind == .audit)
        #expect(audit.date == date)
        #expect(audit.auditor == "王海")
        #expect(audit.assessor == "周敏")
        #expect(audit.organisation == assessment.organisation)
        #expect(audit.owners == ["A": "周敏"])
        #expect(audit.evidence == assessment.evidence)
        #expect(audit.metrics == ["repair-tat": 36])
        #expect(audit.criteria["A"]?.claimed == 4)
        #expect(audit.criteria["A"]?.note == "见投诉台账")
        #expect(audit.criteria["C"]?.notApplicable == "不设外包网点")
        #expect(
            audit.criteria.values.allSatisfy { $0.audited == nil && $0.auditedEarned == nil && $0.auditedSample == nil }
        )
        // The earlier finding is carried; a deduction's is made again from its adjustment when the audit is read.
        #expect(audit.findings == [earlier])
    }

    @Test func aSurveillanceStartsTheSameWay() throws {
        let date = try #require(Day(iso: "2027-05-20"))
        let audit = Self.package(TestCatalog.assessment(["A": 3])).audit(kind: .surveillance, date: date, auditor: nil)
        #expect(audit.kind == .surveillance)
        #expect(audit.auditor == nil)
        #expect(audit.criteria["A"]?.claimed == 3)
    }
}
