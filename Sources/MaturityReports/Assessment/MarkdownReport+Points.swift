import MaturityCore

/// The Markdown report of a points assessment.
extension MarkdownReport {
    func pointsHeaderRows(_ summary: PointsSummary) -> [String] {
        let w = context.words
        var rows = ["| \(w("分值", "Points")) | \(Markdown.cell(context.pointsLine(summary))) |"]
        if let breakdown = context.overallBreakdown(summary) {
            rows.append("| \(w("总分构成", "Overall from")) | \(Markdown.cell(breakdown)) |")
        }
        if let pending = summary.pending {
            rows.append("| \(w("待授予", "Not granted yet")) | \(Markdown.cell(context.pendingSentence(pending))) |")
        }
        return rows
    }

    func pointsCriteriaSection(_ summary: PointsSummary) -> [String] {
        let w = context.words
        var out = [
            w(
                "得分 = 审核或自评分（抽查：分值 × 符合数/样本数）；无有效证据或指标未达标为 0 分。",
                "Earned = audited or claimed points (sampled: points × conforming / size); 0 without valid evidence or "
                    + "with the KPI short of its threshold."),
            "",
            "| \(w("编号", "ID")) | \(w("评价项", "Criterion")) | \(w("分值", "Points")) | \(w("自评", "Claimed")) | "
                + "\(w("审核", "Audited")) | \(w("得分", "Earned")) | \(w("得分率", "Score")) | \(w("说明", "Why")) |",
            "|---|---|---:|---:|---:|---:|---:|---|",
        ]
        func cell(_ value: Double?) -> String { value.map { context.points(NumberText.rounded($0)) } ?? "—" }
        for c in context.result.criteria {
            guard let p = c.points else { continue }
            let name = Markdown.cell(context.criterionName(c.id))
            let why = context.reasons(c).map(Markdown.cell).joined(separator: "<br>")
            if c.applicable {
                out.append(
                    "| \(c.id) | \(name) | \(context.points(p.points)) | \(cell(p.claimed)) | \(cell(p.audited)) | "
                        + "**\(cell(p.earned))** | \(NumberText.fixed(c.score)) | \(why) |")
            } else {
                out.append("| \(c.id) | \(name) | \(context.points(p.points)) | — | — | — | — | \(why) |")
            }
        }
        if !summary.adjustments.isEmpty {
            out += ["", "### " + w("调整（扣分与加分）", "Adjustments"), ""]
            out += summary.adjustments.map { "- " + Markdown.inline(context.adjustmentLine($0)) }
        }
        if !summary.gaps.isEmpty {
            out += ["", "### " + w("尚未得到的分数（从大到小）", "Points still to earn (largest first)"), ""]
            out.append(
                "| \(w("编号", "ID")) | \(w("评价项", "Criterion")) | \(w("得分", "Earned")) | \(w("分值", "Points")) | \(w("差", "To earn")) |"
            )
            out.append("|---|---|---:|---:|---:|")
            for gap in summary.gaps {
                out.append(
                    "| \(gap.criterion) | \(Markdown.cell(context.criterionName(gap.criterion))) | "
                        + "\(context.points(NumberText.rounded(gap.earned))) | \(context.points(gap.points)) | "
                        + "\(context.points(NumberText.rounded(gap.toEarn))) |")
            }
        }
        return out
    }

    func pointsPathSection(_ summary: PointsSummary) -> [String] {
        let w = context.words
        guard !summary.path.isEmpty else {
            return context.result.reachable ? [w("无需再得分。", "No points need to be earned.")] : []
        }
        var out = [
            "| # | \(w("评价项", "Criterion")) | \(w("得分", "Points")) | \(w("行动", "Action")) | \(w("负责人", "Owner")) | "
                + "\(w("期限", "Due")) | \(w("要求", "Requirement")) |",
            "|---:|---|---|---|---|---|---|",
        ]
        for (index, gap) in summary.path.enumerated() {
            let action = context.action(for: gap)
            var what = action.map { Markdown.cell($0.what.text(context.language)) } ?? ""
            if let action, let evidence = context.pointsEvidenceText(action) {
                what += "<br>" + Markdown.cell(evidence)
            }
            if let target = action?.kpiTarget {
                what += "<br>" + w("指标目标：", "KPI target: ") + Markdown.cell(context.kpiTargetText(target))
            }
            let actionCell =
                action.map { "\(Markdown.cell($0.id)) \($0.priority.rawValue) \(w.purpose($0.purpose))" } ?? ""
            out.append(
                "| \(index + 1) | \(gap.criterion) \(Markdown.cell(context.criterionName(gap.criterion))) | "
                    + "\(context.points(NumberText.rounded(gap.earned))) → \(context.points(gap.points)) "
                    + "(\(context.toEarnText(gap.toEarn))) | \(actionCell) | "
                    + "\(Markdown.cell(action?.owner.text(context.language) ?? "")) | \(action?.due.description ?? "") | \(what) |"
            )
        }
        return out
    }

    func pointsDisagreementRows(_ audit: AuditComparison) -> [String] {
        let w = context.words
        let differing = audit.pointsDisagreements
        guard !differing.isEmpty else {
            return audit.calibration.compared > 0
                ? [w("审核员与自评得分没有分歧。", "The auditor agreed with every claimed score.")] : []
        }
        func cell(_ value: Double?) -> String { value.map { context.points(NumberText.rounded($0)) } ?? "—" }
        var out = [
            "| \(w("编号", "ID")) | \(w("评价项", "Criterion")) | \(w("自评", "Claimed")) | \(w("审核", "Audited")) | "
                + "\(w("得分 自评 → 审核", "Earned self → audit")) | \(w("判断", "Verdict")) |",
            "|---|---|---:|---:|---|---|",
        ]
        for line in differing {
            out.append(
                "| \(Markdown.cell(line.id)) | \(Markdown.cell(context.criterionName(line.id))) | \(cell(line.claimed)) | "
                    + "\(cell(line.audited)) | \(cell(line.selfEarned)) → \(cell(line.auditEarned)) | "
                    + "\(context.verdictName(line.verdict)) |")
        }
        return out
    }
}
