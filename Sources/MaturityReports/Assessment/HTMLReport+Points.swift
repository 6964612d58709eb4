import MaturityCore

/// The HTML page of a points assessment: points beside the badge, the rating the held time keeps back,
/// the points still to earn, and the clauses to earn in full.
extension HTMLReport {
    func pointsSummary(_ summary: PointsSummary) -> String {
        var out = "<p class=\"meta\" id=\"points\">" + e(context.pointsLine(summary))
        if let breakdown = context.overallBreakdown(summary) { out += " · " + e(breakdown) }
        out += "</p>\n"
        if let pending = summary.pending {
            out +=
                "<p class=\"next\" id=\"pending\" data-rating=\"\(e(pending.rating))\">⏳ "
                + e(context.pendingSentence(pending)) + "</p>\n"
        }
        return out
    }

    /// The gap analysis: every clause with points still to earn, largest first, with the reasons.
    func pointsGaps(_ summary: PointsSummary) -> String {
        var out = "<h2>" + e(w("差距分析：尚未得到的分数", "Gap analysis: points still to earn")) + "</h2>\n"
        guard !summary.gaps.isEmpty else {
            return out + "<p class=\"ok\">" + e(w("所有条款均得满分。", "Every clause earns its full points.")) + "</p>\n"
        }
        out += "<table id=\"gaps\"><thead><tr><th>\(e(w("编号", "ID")))</th><th>\(e(w("评价项", "Criterion")))</th>"
        out += "<th class=\"num\">\(e(w("得分", "Earned")))</th><th class=\"num\">\(e(w("分值", "Points")))</th>"
        out += "<th class=\"num\">\(e(w("差", "To earn")))</th><th>\(e(w("说明", "Why")))</th></tr></thead><tbody>\n"
        for gap in summary.gaps {
            let why =
                context.result.criterion(gap.criterion).map { context.reasons($0).map(e).joined(separator: "<br>") }
                ?? ""
            out += "<tr><td>\(e(gap.criterion))</td><td>\(e(context.criterionName(gap.criterion)))</td>"
            out += "<td class=\"num\">\(context.points(NumberText.rounded(gap.earned)))</td>"
            out += "<td class=\"num\">\(context.points(gap.points))</td>"
            out += "<td class=\"num\">\(context.points(NumberText.rounded(gap.toEarn)))</td>"
            out += "<td\(why.isEmpty ? "" : " class=\"lowered\"")>\(why)</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if !summary.adjustments.isEmpty {
            out += "<h3>" + e(w("调整（扣分与加分）", "Adjustments")) + "</h3>\n<ul id=\"adjustments\">\n"
            for applied in summary.adjustments {
                out +=
                    "<li\(applied.counted ? "" : " class=\"late\"")>" + e(context.adjustmentLine(applied)) + "</li>\n"
            }
            out += "</ul>\n"
        }
        return out
    }

    func pointsPath(_ summary: PointsSummary) -> String {
        guard !summary.path.isEmpty else {
            return context.result.reachable
                ? "<p>" + e(w("无需再得分。", "No points need to be earned.")) + "</p>\n" : ""
        }
        var out = "<table id=\"path\"><thead><tr><th class=\"num\">#</th><th>\(e(w("评价项", "Criterion")))</th>"
        out += "<th>\(e(w("得分", "Points")))</th><th>\(e(w("行动", "Action")))</th><th>\(e(w("要求", "Requirement")))</th>"
        out += "<th>\(e(w("负责人", "Owner")))</th><th>\(e(w("期限", "Due")))</th></tr></thead><tbody>\n"
        for (index, gap) in summary.path.enumerated() {
            let action = context.action(for: gap)
            var what = action.map { HTML.lines($0.what.text(language)) } ?? ""
            if let action, let evidence = context.pointsEvidenceText(action) {
                what += "<br><small>" + e(evidence) + "</small>"
            }
            if let target = action?.kpiTarget {
                what += "<br><small>" + e(w("指标目标：", "KPI target: ") + context.kpiTargetText(target)) + "</small>"
            }
            out += "<tr><td class=\"num\">\(index + 1)</td>"
            out += "<td>\(e(gap.criterion)) \(e(context.criterionName(gap.criterion)))</td>"
            out +=
                "<td class=\"date\">\(context.points(NumberText.rounded(gap.earned))) → \(context.points(gap.points))</td>"
            out += "<td class=\"date\">"
            if let action { out += "\(e(action.id)) \(e(action.priority.rawValue)) \(e(w.purpose(action.purpose)))" }
            out += "</td><td>\(what)</td><td>\(e(action?.owner.text(language) ?? ""))</td>"
            out += "<td class=\"date\">\(action.map { e(HTML.date($0.due, language)) } ?? "")</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    func pointsCriteriaTable() -> String {
        var out =
            "<p class=\"meta\">"
            + e(
                w(
                    "得分 = 审核或自评分（抽查：分值 × 符合数/样本数）；无有效证据或指标未达标为 0 分",
                    "Earned = audited or claimed points (sampled: points × conforming / size); 0 without valid "
                        + "evidence or with the KPI short of its threshold")) + "</p>\n"
        out += "<table><thead><tr><th>\(e(w("编号", "ID")))</th><th>\(e(w("评价项", "Criterion")))</th>"
        out += "<th class=\"num\">\(e(w("分值", "Points")))</th><th class=\"num\">\(e(w("自评", "Claimed")))</th>"
        out += "<th class=\"num\">\(e(w("审核", "Audited")))</th><th class=\"num\">\(e(w("得分", "Earned")))</th>"
        out += "<th class=\"num\">\(e(w("得分率", "Score")))</th></tr></thead><tbody>\n"
        func cell(_ value: Double?) -> String { value.map { context.points(NumberText.rounded($0)) } ?? "—" }
        for c in context.result.criteria {
            guard let p = c.points else { continue }
            out += "<tr><td>\(e(c.id))</td><td>\(e(context.criterionName(c.id)))</td>"
            out += "<td class=\"num\">\(context.points(p.points))</td>"
            if c.applicable {
                out += "<td class=\"num\">\(cell(p.claimed))</td><td class=\"num\">\(cell(p.audited))</td>"
                out +=
                    "<td class=\"num\"><b>\(cell(p.earned))</b></td><td class=\"num\">\(NumberText.fixed(c.score))</td></tr>\n"
            } else {
                out += "<td colspan=\"4\">" + e(context.reasons(c).joined(separator: "; ")) + "</td></tr>\n"
            }
        }
        return out
    }
}

extension HTMLReport {
    /// Clauses the auditor judged differently, in points.
    func pointsDisagreementTable(_ audit: AuditComparison) -> String {
        let differing = audit.pointsDisagreements
        guard !differing.isEmpty else {
            return audit.calibration.compared > 0
                ? "<p class=\"ok\">" + e(w("审核员与自评得分没有分歧。", "The auditor agreed with every claimed score.")) + "</p>\n"
                : ""
        }
        func cell(_ value: Double?) -> String { value.map { context.points(NumberText.rounded($0)) } ?? "—" }
        var out = "<table id=\"calibration-criteria\"><thead><tr><th>\(e(w("编号", "ID")))</th>"
        out += "<th>\(e(w("评价项", "Criterion")))</th><th class=\"num\">\(e(w("自评", "Claimed")))</th>"
        out += "<th class=\"num\">\(e(w("审核", "Audited")))</th><th>\(e(w("得分 自评 → 审核", "Earned self → audit")))</th>"
        out += "<th>\(e(w("判断", "Verdict")))</th></tr></thead><tbody>\n"
        for line in differing {
            let css = line.verdict == .overClaimed ? " class=\"late\"" : ""
            out += "<tr><td>\(e(line.id))</td><td>\(e(context.criterionName(line.id)))</td>"
            out += "<td class=\"num\">\(cell(line.claimed))</td><td class=\"num\">\(cell(line.audited))</td>"
            out += "<td>\(cell(line.selfEarned)) → \(cell(line.auditEarned))</td>"
            out += "<td\(css)>\(e(context.verdictName(line.verdict)))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
