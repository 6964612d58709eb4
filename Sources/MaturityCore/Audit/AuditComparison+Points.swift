extension AuditComparison {
    /// One clause of a points catalog with both judgements, in points.
    public struct PointsLine: Sendable, Hashable {
        public var id: String
        public var domain: String
        public var points: Double
        /// Points the organisation claimed (`earned`, or its sample).
        public var claimed: Double?
        /// Points the auditor awarded (`audited_earned`, or the auditor's sample).
        public var audited: Double?
        /// What the self-assessment earns (claimed, zeroed without valid evidence or a met KPI threshold).
        public var selfEarned: Double
        /// What the audit earns.
        public var auditEarned: Double
        public var verdict: CriterionLine.Verdict

        /// claimed − audited, when both are given.
        public var difference: Double? {
            guard let claimed, let audited else { return nil }
            return claimed - audited
        }
    }

    /// Clauses judged differently, most over-claimed first, then catalog order.
    public var pointsDisagreements: [PointsLine] {
        pointsCriteria.enumerated().filter { $0.element.verdict == .overClaimed || $0.element.verdict == .underClaimed }
            .sorted { a, b in
                let (da, db) = (a.element.difference ?? 0, b.element.difference ?? 0)
                return abs(da - db) > Tolerance.epsilon ? da > db : a.offset < b.offset
            }.map(\.element)
    }

    /// The audit of a points assessment against the same assessment scored on its claimed points.
    init(pointsResult result: AssessmentResult, assessment: Assessment, catalog: Catalog, kpis: [KPIValue]) {
        var selfAssessment = assessment
        for (id, entry) in selfAssessment.criteria where entry.auditedEarned != nil || entry.auditedSample != nil {
            selfAssessment.criteria[id]?.auditedEarned = nil
            selfAssessment.criteria[id]?.auditedSample = nil
        }
        let selfResult = Scorer(catalog: catalog).scoreAiming(selfAssessment, kpis: kpis, at: result.target)
        var lines: [PointsLine] = []
        var calibration = Calibration(
            compared: 0, audited: 0, applicable: 0, overClaimed: 0, underClaimed: 0, agreed: 0, meanDifference: nil,
            meanAbsoluteDifference: nil)
        var sums = Calibration.Sums()
        for c in result.criteria where c.applicable {
            guard let detail = c.points else { continue }
            let verdict = calibration.count(claimed: detail.claimed, audited: detail.audited, sums: &sums)
            lines.append(
                PointsLine(
                    id: c.id, domain: c.domain, points: detail.points, claimed: detail.claimed, audited: detail.audited,
                    selfEarned: selfResult.criterion(c.id)?.points?.earned ?? 0, auditEarned: detail.earned,
                    verdict: verdict))
        }
        calibration.finish(sums)
        self.criteria = []
        self.pointsCriteria = lines
        self.domains = result.domains.map { domain in
            DomainLine(id: domain.id, selfScore: selfResult.domain(domain.id)?.score, auditScore: domain.score)
        }
        self.calibration = calibration
        self.selfRating = selfResult.rating
        self.selfOverall = selfResult.overall
        (self.strengths, self.weaknesses) = Self.pointsHighlights(result: result)
        self.findingsByGrade = Self.grades(result.findings, date: assessment.date, catalog: catalog)
    }

    /// Strengths: clauses earning all their points. Weaknesses: clauses earning half or less, and clauses
    /// with an open major or minor finding (a deduction's among them). Strengths by points (more first),
    /// weaknesses by share earned (lowest first), then points, then catalog order. A highlight's `level` is
    /// the clause's score rounded (0–100).
    static func pointsHighlights(result: AssessmentResult) -> ([Highlight], [Highlight]) {
        let withFindings = Set(
            result.openFindings.filter { $0.grade == .major || $0.grade == .minor }.compactMap(\.criterion))
        var strengths: [(Highlight, Double, Double, Int)] = []
        var weaknesses: [(Highlight, Double, Double, Int)] = []
        for (order, c) in result.criteria.enumerated() where c.applicable {
            guard let detail = c.points else { continue }
            var weak: [Highlight.Reason] = []
            if 2 * detail.earned <= detail.points + Tolerance.epsilon { weak.append(.lowLevel) }
            if withFindings.contains(c.id) { weak.append(.openFinding) }
            let highlight = { (reasons: [Highlight.Reason]) in
                Highlight(criterion: c.id, level: Int(c.score.rounded()), reasons: reasons)
            }
            if !weak.isEmpty {
                weaknesses.append((highlight(weak), c.score, detail.points, order))
            } else if detail.toEarn <= Tolerance.epsilon {
                strengths.append((highlight([.highLevel]), c.score, detail.points, order))
            }
        }
        func ordered(_ items: [(Highlight, Double, Double, Int)], lowestFirst: Bool) -> [Highlight] {
            items.sorted { a, b in
                if abs(a.1 - b.1) > Tolerance.epsilon { return lowestFirst ? a.1 < b.1 : a.1 > b.1 }
                if a.2 != b.2 { return a.2 > b.2 }
                return a.3 < b.3
            }.map(\.0)
        }
        return (ordered(strengths, lowestFirst: false), ordered(weaknesses, lowestFirst: true))
    }
}

extension AuditComparison.Calibration {
    /// Running sums of claimed − audited over the compared criteria.
    struct Sums {
        var difference = 0.0
        var absolute = 0.0
    }

    /// Counts one applicable criterion the organisation judged `claimed` and the auditor `audited` (levels
    /// or points), adding its difference to `sums`; returns the verdict.
    mutating func count(claimed: Double?, audited: Double?, sums: inout Sums) -> AuditComparison.CriterionLine.Verdict {
        applicable += 1
        switch (claimed, audited) {
        case (_, nil):
            return .notAudited
        case (nil, _?):
            self.audited += 1
            return .notClaimed
        case (let claimed?, let audited?):
            self.audited += 1
            compared += 1
            sums.difference += claimed - audited
            sums.absolute += abs(claimed - audited)
            if claimed > audited + Tolerance.epsilon {
                overClaimed += 1
                return .overClaimed
            }
            if claimed < audited - Tolerance.epsilon {
                underClaimed += 1
                return .underClaimed
            }
            agreed += 1
            return .agreed
        }
    }

    /// The mean differences, once every criterion is counted.
    mutating func finish(_ sums: Sums) {
        guard compared > 0 else { return }
        meanDifference = sums.difference / Double(compared)
        meanAbsoluteDifference = sums.absolute / Double(compared)
    }
}
