/// The self-assessment set against the auditor's judgement: per criterion and per domain, calibration
/// figures, strengths and weaknesses, and findings by grade with their corrective-action deadlines.
///
/// The self side is the same assessment scored without the auditor's levels (claimed levels, same
/// evidence and KPIs), so the two sides differ only where the auditor judged differently.
public struct AuditComparison: Sendable {
    /// One criterion with both judgements.
    public struct CriterionLine: Sendable, Hashable {
        public enum Verdict: String, Sendable, Hashable {
            /// The claimed level is above the auditor's.
            case overClaimed = "over_claimed"
            /// The claimed level is below the auditor's.
            case underClaimed = "under_claimed"
            case agreed
            /// The auditor has not given a level yet.
            case notAudited = "not_audited"
            /// The self-assessment gave no level; the auditor did.
            case notClaimed = "not_claimed"
        }

        public var id: String
        public var domain: String
        public var claimed: Int?
        public var audited: Int?
        /// The level the self-assessment scores to (claimed, capped by evidence and KPI).
        public var selfLevel: Int
        /// The level the audit scores to.
        public var auditLevel: Int
        public var verdict: Verdict

        /// claimed − audited, when both are given.
        public var difference: Int? {
            guard let claimed, let audited else { return nil }
            return claimed - audited
        }
    }

    /// One domain's score on each side.
    public struct DomainLine: Sendable, Hashable {
        public var id: String
        public var selfScore: Double?
        public var auditScore: Double?

        public var delta: Double? {
            guard let selfScore, let auditScore else { return nil }
            return auditScore - selfScore
        }
    }

    /// How well the self-assessment matched the audit.
    public struct Calibration: Sendable, Hashable {
        /// Applicable criteria with both a claimed and an audited level.
        public var compared: Int
        /// Applicable criteria the auditor gave a level to.
        public var audited: Int
        /// Applicable criteria in all.
        public var applicable: Int
        public var overClaimed: Int
        public var underClaimed: Int
        public var agreed: Int
        /// Mean of claimed − audited over the compared criteria (positive: the organisation rates itself higher).
        public var meanDifference: Double?
        /// Mean of |claimed − audited|.
        public var meanAbsoluteDifference: Double?

        /// Share of compared criteria over-claimed, 0–100.
        public var overClaimedShare: Double? { share(overClaimed) }
        public var underClaimedShare: Double? { share(underClaimed) }
        public var agreedShare: Double? { share(agreed) }

        func share(_ count: Int) -> Double? {
            compared > 0 ? 100 * Double(count) / Double(compared) : nil
        }
    }

    /// A criterion or domain named as a strength or a weakness, with why.
    public struct Highlight: Sendable, Hashable {
        public enum Reason: String, Sendable, Hashable {
            /// At the top of the scale.
            case highLevel = "high_level"
            /// Level at or below half the scale.
            case lowLevel = "low_level"
            /// A key criterion below the key level of the first rating.
            case keyBelowMinimum = "key_below_minimum"
            /// An open major or minor finding names it.
            case openFinding = "open_finding"
        }

        public var criterion: String
        public var level: Int
        public var reasons: [Reason]
    }

    /// Findings of one grade: how many are open, and the corrective-action deadline the grade implies.
    public struct GradeSummary: Sendable, Hashable {
        public var grade: FindingGrade
        public var open: Int
        public var closed: Int
        /// Days from the audit date the catalog gives this grade.
        public var deadlineDays: Int
        /// The audit date plus the deadline.
        public var due: Day
        public var findings: [Finding]
    }

    public var criteria: [CriterionLine]
    public var domains: [DomainLine]
    public var calibration: Calibration
    public var selfRating: String
    public var selfOverall: Double?
    public var strengths: [Highlight]
    public var weaknesses: [Highlight]
    public var findingsByGrade: [GradeSummary]
    /// The clauses of a points catalog with both judgements (`criteria` is empty then).
    public var pointsCriteria: [PointsLine] = []

    /// Criteria where the two judgements differ, most over-claimed first, then catalog order.
    public var disagreements: [CriterionLine] {
        criteria.enumerated().filter { $0.element.verdict == .overClaimed || $0.element.verdict == .underClaimed }
            .sorted { a, b in
                let (da, db) = (a.element.difference ?? 0, b.element.difference ?? 0)
                return da != db ? da > db : a.offset < b.offset
            }.map(\.element)
    }
}

extension AuditComparison {
    /// Compares the audit `result` of `assessment` with the same assessment scored on its claimed levels.
    public init(result: AssessmentResult, assessment: Assessment, catalog: Catalog, kpis: [KPIValue]) {
        if catalog.isPoints {
            self = AuditComparison(pointsResult: result, assessment: assessment, catalog: catalog, kpis: kpis)
            return
        }
        var selfAssessment = assessment
        for (id, entry) in selfAssessment.criteria where entry.audited != nil {
            selfAssessment.criteria[id]?.audited = nil
        }
        let selfResult = Scorer(catalog: catalog).scoreAiming(selfAssessment, kpis: kpis, at: result.target)

        var lines: [CriterionLine] = []
        var calibration = Calibration(
            compared: 0, audited: 0, applicable: 0, overClaimed: 0, underClaimed: 0, agreed: 0, meanDifference: nil,
            meanAbsoluteDifference: nil)
        var sums = Calibration.Sums()
        for c in result.criteria where c.applicable {
            let verdict = calibration.count(
                claimed: c.claimed.map(Double.init), audited: c.audited.map(Double.init), sums: &sums)
            lines.append(
                CriterionLine(
                    id: c.id, domain: c.domain, claimed: c.claimed, audited: c.audited,
                    selfLevel: selfResult.criterion(c.id)?.level ?? 0, auditLevel: c.level, verdict: verdict))
        }
        calibration.finish(sums)

        self.criteria = lines
        self.domains = result.domains.map { domain in
            DomainLine(id: domain.id, selfScore: selfResult.domain(domain.id)?.score, auditScore: domain.score)
        }
        self.calibration = calibration
        self.selfRating = selfResult.rating
        self.selfOverall = selfResult.overall
        (self.strengths, self.weaknesses) = Self.highlights(result: result, catalog: catalog)
        self.findingsByGrade = Self.grades(result.findings, date: assessment.date, catalog: catalog)
    }

    /// Strengths: criteria at the top of the scale. Weaknesses: criteria at half the scale or below,
    /// key criteria below the first rating's key level, and criteria with an open major or minor finding.
    /// Strengths highest first, weaknesses lowest first; ties by weight (heavier first), then catalog order.
    static func highlights(result: AssessmentResult, catalog: Catalog) -> ([Highlight], [Highlight]) {
        let maxLevel = catalog.maxLevel
        let keyMinimum = catalog.ratings.first?.keyLevelMin
        let withFindings = Set(
            result.openFindings.filter { $0.grade == .major || $0.grade == .minor }.compactMap(\.criterion))
        var strengths: [(Highlight, Double, Int)] = []
        var weaknesses: [(Highlight, Double, Int)] = []
        for (order, c) in result.criteria.enumerated() where c.applicable {
            var weak: [Highlight.Reason] = []
            if c.key, let keyMinimum, c.level < keyMinimum { weak.append(.keyBelowMinimum) }
            if 2 * c.level <= maxLevel { weak.append(.lowLevel) }
            if withFindings.contains(c.id) { weak.append(.openFinding) }
            if !weak.isEmpty {
                weaknesses.append((Highlight(criterion: c.id, level: c.level, reasons: weak), c.weight, order))
            } else if maxLevel > 0, c.level == maxLevel {
                strengths.append((Highlight(criterion: c.id, level: c.level, reasons: [.highLevel]), c.weight, order))
            }
        }
        strengths.sort { a, b in
            if a.0.level != b.0.level { return a.0.level > b.0.level }
            if a.1 != b.1 { return a.1 > b.1 }
            return a.2 < b.2
        }
        weaknesses.sort { a, b in
            if a.0.level != b.0.level { return a.0.level < b.0.level }
            if a.1 != b.1 { return a.1 > b.1 }
            return a.2 < b.2
        }
        return (strengths.map(\.0), weaknesses.map(\.0))
    }

    /// Every grade that has findings, most severe first.
    static func grades(_ findings: [Finding], date: Day, catalog: Catalog) -> [GradeSummary] {
        FindingGrade.allCases.compactMap { grade in
            let ofGrade = findings.filter { $0.grade == grade }
            guard !ofGrade.isEmpty else { return nil }
            let days = catalog.deadline(grade)
            return GradeSummary(
                grade: grade, open: ofGrade.filter { $0.status == .open }.count,
                closed: ofGrade.filter { $0.status == .closed }.count, deadlineDays: days,
                due: date.adding(days: days), findings: ofGrade)
        }
    }
}
