import MaturityCore

/// The terminal report of a points assessment: points earned per clause, adjustments, the rating the held
/// time still keeps back, and the points still to earn.
extension TextReport {
    /// Lines under the rating: points earned (and the profile), adjustments, a rating not granted yet.
    func pointsHeadline(_ summary: PointsSummary) -> [String] {
        var lines = [clean(context.pointsLine(summary))]
        if let breakdown = context.overallBreakdown(summary) { lines.append(clean(breakdown)) }
        if let pending = summary.pending { lines.append("⏳ " + clean(context.pendingSentence(pending))) }
        return lines
    }

    func pointsCriteriaSection() -> [String] {
        let w = context.words
        let r = context.result
        var lines = [
            DisplayWidth.pad(w("评价项", "Criteria"), 42)
                + w("分值  自评  审核  得分    得分率", "points claim audit earned  score")
        ]
        func cell(_ value: Double?) -> String {
            DisplayWidth.padLeft(value.map { context.points(NumberText.rounded($0)) } ?? "—", 6)
        }
        for domain in context.catalog.domains {
            lines.append("  " + clean(context.domainName(domain.id)))
            for criterion in domain.criteria {
                guard let c = r.criterion(criterion.id), let p = c.points else { continue }
                var row =
                    "    " + DisplayWidth.pad(c.id, 8) + " " + DisplayWidth.pad(clean(context.criterionName(c.id)), 28)
                row += DisplayWidth.padLeft(context.points(p.points), 6)
                if c.applicable {
                    row +=
                        cell(p.claimed) + cell(p.audited) + cell(p.earned)
                        + DisplayWidth.padLeft(NumberText.fixed(c.score), 9)
                } else {
                    row += DisplayWidth.padLeft(p.excludedBy != nil ? w("删减", "excluded") : w("不适用", "n/a"), 27)
                }
                lines.append(row)
                for reason in context.reasons(c) { lines.append("          ↳ " + clean(reason)) }
            }
        }
        lines.append(
            w(
                "  得分 = 审核或自评分（抽查：分值 × 符合数/样本数）；无有效证据或指标未达标为 0 分",
                "  earned = audited or claimed points (sampled: points × conforming / size); 0 without valid "
                    + "evidence or with the KPI short of its threshold"))
        if let summary = r.points {
            if !summary.adjustments.isEmpty {
                lines.append("")
                lines.append(w("调整（扣分与加分）", "Adjustments"))
                for applied in summary.adjustments { lines.append("  " + clean(context.adjustmentLine(applied))) }
            }
            if !summary.gaps.isEmpty {
                lines.append("")
                lines.append(contentsOf: gapSection(summary))
            }
        }
        return lines
    }

    /// The gap analysis: every clause with points still to earn, largest first.
    func gapSection(_ summary: PointsSummary) -> [String] {
        let w = context.words
        var lines = [w("尚未得到的分数（从大到小）", "Points still to earn (largest first)")]
        for gap in summary.gaps {
            lines.append(
                "  " + DisplayWidth.pad(gap.criterion, 8) + " "
                    + DisplayWidth.pad(clean(context.criterionName(gap.criterion)), 28)
                    + DisplayWidth.padLeft(context.points(NumberText.rounded(gap.earned)), 6) + " / "
                    + DisplayWidth.pad(context.points(gap.points), 5) + "  " + context.toEarnText(gap.toEarn))
        }
        return lines
    }

    /// The clauses to earn in full to reach the target, with their actions.
    func pointsPathSection(_ summary: PointsSummary, target: String) -> [String] {
        let w = context.words
        var lines = [w("改进路径（达到“\(context.ratingName(target))”）", "Improvement path to \(context.ratingName(target))")]
        if summary.path.isEmpty, context.result.reachable {
            lines.append(w("  无需再得分", "  no points need to be earned"))
        }
        for (index, gap) in summary.path.enumerated() {
            let action = context.action(for: gap)
            var line =
                DisplayWidth.padLeft("\(index + 1).", 5) + " " + DisplayWidth.pad(gap.criterion, 8) + " "
                + DisplayWidth.pad(clean(context.criterionName(gap.criterion)), 28)
            line += DisplayWidth.padLeft(context.points(NumberText.rounded(gap.earned)), 6) + " → "
            line += DisplayWidth.pad(context.points(gap.points), 5) + " " + context.toEarnText(gap.toEarn)
            if let owner = action?.owner.text(context.language), !owner.isEmpty { line += "  " + clean(owner) }
            lines.append(line.trimmingTrailingSpace())
            guard let action else { continue }
            lines.append(
                "        " + action.priority.rawValue + "  " + DisplayWidth.pad(w.purpose(action.purpose), 12)
                    + w("期限 ", "due ") + action.due.description)
            lines.append("            → " + clean(action.what.text(context.language)))
            if let evidence = context.pointsEvidenceText(action) { lines.append("            → " + clean(evidence)) }
            if let target = action.kpiTarget {
                lines.append("            → " + w("指标目标：", "KPI target: ") + clean(context.kpiTargetText(target)))
            }
        }
        if let note = context.pointsShortNote { lines.append("  " + clean(note)) }
        return lines
    }

    /// Clauses the auditor judged differently from the self-assessment, in points.
    func pointsDisagreementLines(_ audit: AuditComparison) -> [String] {
        let w = context.words
        let differing = audit.pointsDisagreements
        guard !differing.isEmpty else {
            return audit.calibration.compared > 0
                ? ["  " + w("审核员与自评得分没有分歧。", "The auditor agreed with every claimed score.")] : []
        }
        var lines = [
            "  " + DisplayWidth.pad(w("判断不同的评价项", "Criteria judged differently"), 38)
                + w("自评  审核   得分 自评 → 审核", "claim  audit  earned self → audit")
        ]
        func cell(_ value: Double?) -> String {
            DisplayWidth.padLeft(value.map { context.points(NumberText.rounded($0)) } ?? "—", 6)
        }
        for line in differing {
            lines.append(
                "    " + DisplayWidth.pad(line.id, 8) + DisplayWidth.pad(clean(context.criterionName(line.id)), 28)
                    + cell(line.claimed) + cell(line.audited) + "   "
                    + "\(context.points(NumberText.rounded(line.selfEarned))) → "
                    + "\(context.points(NumberText.rounded(line.auditEarned)))  " + context.verdictName(line.verdict))
        }
        return lines
    }
}
