import MaturityCore

/// The sentences every format uses to show an audit: calibration, strengths and weaknesses, findings by
/// grade and the sign-off.
extension ReportContext {
    func verdictName(_ verdict: AuditComparison.CriterionLine.Verdict) -> String {
        let w = words
        switch verdict {
        case .overClaimed: return w("自评偏高", "over-claimed")
        case .underClaimed: return w("自评偏低", "under-claimed")
        case .agreed: return w("一致", "agreed")
        case .notAudited: return w("未审核", "not audited")
        case .notClaimed: return w("未自评", "not claimed")
        }
    }

    /// "+0.25" or "−0.50": a signed difference in levels.
    func signed(_ value: Double) -> String {
        let text = NumberText.fixed(abs(value))
        if NumberText.rounded(value) > 0 { return "+" + text }
        if NumberText.rounded(value) < 0 { return "−" + text }
        return text
    }

    func share(_ value: Double?) -> String {
        value.map { NumberText.plain($0) + " %" } ?? "—"
    }

    /// What the self-assessment would rate against what the audit rates.
    func selfVersusAudit(_ audit: AuditComparison) -> String {
        let w = words
        let r = result
        if isPoints {
            return w(
                "按自评得分：\(ratingName(audit.selfRating))，总分 \(score(audit.selfOverall))；审核结论：\(ratingName(r.rating))，总分 \(score(r.overall))",
                "On its own points the organisation rates \(ratingName(audit.selfRating)) (\(score(audit.selfOverall))); the audit rates \(ratingName(r.rating)) (\(score(r.overall)))"
            )
        }
        return w(
            "按自评等级：\(ratingName(audit.selfRating))，总分 \(score(audit.selfOverall))；审核结论：\(ratingName(r.rating))，总分 \(score(r.overall))",
            "On its own levels the organisation rates \(ratingName(audit.selfRating)) (\(score(audit.selfOverall))); the audit rates \(ratingName(r.rating)) (\(score(r.overall)))"
        )
    }

    /// The calibration figures in one sentence.
    func calibrationSentence(_ c: AuditComparison.Calibration) -> String {
        let w = words
        guard c.compared > 0 else {
            return w(
                "审核员已评定 \(c.audited) / \(c.applicable) 项，尚无可比较的评价项。",
                "The auditor has judged \(c.audited) of \(c.applicable) criteria; none can be compared yet.")
        }
        let mean = signed(c.meanDifference ?? 0)
        let absolute = NumberText.fixed(c.meanAbsoluteDifference ?? 0)
        if isPoints {
            return w(
                "比较 \(c.compared) / \(c.applicable) 项：自评偏高 \(c.overClaimed) 项（\(share(c.overClaimedShare))），偏低 \(c.underClaimed) 项（\(share(c.underClaimedShare))），一致 \(c.agreed) 项；平均差 \(mean) 分（自评 − 审核），平均绝对差 \(absolute) 分。",
                "\(c.compared) of \(c.applicable) criteria compared: \(c.overClaimed) over-claimed (\(share(c.overClaimedShare))), \(c.underClaimed) under-claimed (\(share(c.underClaimedShare))), \(c.agreed) agreed; mean difference \(mean) points (claimed − audited), mean absolute difference \(absolute)."
            )
        }
        return w(
            "比较 \(c.compared) / \(c.applicable) 项：自评偏高 \(c.overClaimed) 项（\(share(c.overClaimedShare))），偏低 \(c.underClaimed) 项（\(share(c.underClaimedShare))），一致 \(c.agreed) 项；平均差 \(mean) 级（自评 − 审核），平均绝对差 \(absolute) 级。",
            "\(c.compared) of \(c.applicable) criteria compared: \(c.overClaimed) over-claimed (\(share(c.overClaimedShare))), \(c.underClaimed) under-claimed (\(share(c.underClaimedShare))), \(c.agreed) agreed; mean difference \(mean) levels (claimed − audited), mean absolute difference \(absolute)."
        )
    }

    /// "level 2: key criterion below 3, open finding".
    func highlightReasons(_ h: AuditComparison.Highlight) -> String {
        let w = words
        if let p = result.criterion(h.criterion)?.points {
            let parts = h.reasons.map { reason -> String in
                switch reason {
                case .highLevel: return w("得满分", "full points")
                case .lowLevel, .keyBelowMinimum: return w("得分不足一半", "half the points or less")
                case .openFinding: return w("有未关闭的不符合项", "open nonconformity")
                }
            }
            return w("\(earnedText(p)) 分：", "\(earnedText(p)) points: ") + parts.joined(separator: w.listSeparator)
        }
        let keyMinimum = catalog.ratings.first?.keyLevelMin ?? 0
        let parts = h.reasons.map { reason -> String in
            switch reason {
            case .highLevel: return w("达到“\(levelName(h.level))”", "at '\(levelName(h.level))'")
            case .lowLevel: return w("仅为“\(levelName(h.level))”", "only '\(levelName(h.level))'")
            case .keyBelowMinimum: return w("关键项低于 \(keyMinimum) 级", "key criterion below level \(keyMinimum)")
            case .openFinding: return w("有未关闭的不符合项", "open nonconformity")
            }
        }
        return w("\(h.level) 级：", "level \(h.level): ") + parts.joined(separator: w.listSeparator)
    }

    /// "Major nonconformity: 1 open — corrective action within 30 days (by 2026-12-20)".
    func gradeSentence(_ g: AuditComparison.GradeSummary) -> String {
        let w = words
        let name = g.grade.name.text(language)
        let counts = w("未关闭 \(g.open) 项，已关闭 \(g.closed) 项", "\(g.open) open, \(g.closed) closed")
        let deadline: String =
            switch g.grade {
            case .major, .minor:
                w(
                    "须在 \(g.deadlineDays) 天内完成整改（\(g.due) 前）",
                    "corrective action within \(g.deadlineDays) days (by \(g.due))")
            case .observation, .improvement:
                w("在 \(g.deadlineDays) 天内跟进（\(g.due) 前）", "follow up within \(g.deadlineDays) days (by \(g.due))")
            }
        return "\(name)\(w("：", ": "))\(counts)\(w("；", " — "))\(deadline)"
    }

    /// "Signed by 王海 on 2026-11-20 · SHA-256 3f2a…".
    func signOffSentence(_ s: SignOff) -> String {
        words(
            "审核员 \(s.auditor) 于 \(s.date) 签署 · SHA-256 \(s.digest)",
            "Signed by \(s.auditor) on \(s.date) · SHA-256 \(s.digest)")
    }

    var verifyHint: String {
        words(
            "用 maturity verify 结果.json 核对结果与其依据文件未被改动。",
            "Check with `maturity verify RESULT.json` that neither the result nor its files changed.")
    }
}
