import MaturityCore

/// The assessment report as one self-contained HTML page: the summary first (organisation, rating
/// badge, overall score, what blocks the next rating), a domain radar and bars, the gaps and the
/// improvement path, then the details folded.
public struct HTMLReport: Renderer, Sendable {
    let context: ReportContext

    public init(_ context: ReportContext) {
        self.context = context
    }

    var w: Words { context.words }
    var language: Language { context.language }
    func e(_ text: String) -> String { HTML.escape(text) }

    public func render() -> String {
        let r = context.result
        let title = context.catalog.title.text(language) + w(" — 评估报告", " — assessment report")
        var body = ""
        body += "<header>\n<h1>\(e(context.organisationLine))</h1>\n"
        var meta = e(title) + " · " + e(w.kind(r.kind)) + " · " + e(HTML.date(r.date, language))
        if let assessor = r.assessor, !assessor.isEmpty { meta += " · " + w("评估人 ", "by ") + e(assessor) }
        if let auditor = r.auditor, !auditor.isEmpty { meta += " · " + w("审核员 ", "auditor ") + e(auditor) }
        meta += " · " + e("\(r.catalogId) \(r.catalogVersion)")
        body += "<p class=\"meta\">\(meta)</p>\n</header>\n"
        body += summary()
        body += charts()
        if let audit = context.audit { body += auditSection(audit) }
        body += gaps()
        body += path()
        if let audit = context.audit, !audit.findingsByGrade.isEmpty { body += findingsByGradeSection(audit) }
        if let plan = context.plan { body += planSection(plan) }
        body += details()
        if let signOff = context.signOff { body += signOffSection(signOff) }
        body +=
            "<footer>" + e(w("由 maturity 生成；分数四舍五入到两位小数。", "Written by maturity; scores rounded to 2 decimals."))
            + "</footer>"
        return HTML.page(title: context.organisationLine + " — " + title, language: language, body: body)
    }

    func summary() -> String {
        let r = context.result
        let rank = context.catalog.rank(of: r.rating)
        var out = "<section id=\"summary\" class=\"summary\">\n"
        if r.kind == .selfAssessment {
            out += "<span class=\"meta\" id=\"rating-label\">\(e(context.ratingLabel))</span>\n"
        }
        out +=
            "<span class=\"badge rank-\(min(3, rank))\" data-rating=\"\(e(r.rating))\">\(e(context.ratingName(r.rating)))</span>\n"
        out += "<span class=\"score\" id=\"overall\">\(context.score(r.overall)) <small>/ 100</small></span>\n"
        if let summary = r.points { out += pointsSummary(summary) }
        out += "<div class=\"next\">"
        if let target = r.target {
            if r.blockers.isEmpty {
                out +=
                    "<p class=\"ok\">"
                    + e(
                        w(
                            "已满足“\(context.ratingName(target))”的全部条件",
                            "All conditions of \(context.ratingName(target)) are met")) + "</p>"
            } else {
                out +=
                    "<p>" + e(w("距“\(context.ratingName(target))”还差：", "Short of \(context.ratingName(target)):"))
                    + "</p>"
                out += "<ul class=\"blockers\">"
                for blocker in r.blockers { out += "<li>\(e(context.describe(blocker)))</li>" }
                out += "</ul>"
            }
        } else {
            out += "<p class=\"ok\">" + e(w("已达到最高评级", "This is the highest rating")) + "</p>"
        }
        out += "</div>\n</section>\n"
        return out
    }

    func charts() -> String {
        let r = context.result
        let series = r.domains.map { SVGChart.Series(label: context.domainName($0.id), value: $0.score) }
        let minimum = r.target.flatMap { context.catalog.rating($0)?.domainMin }
        var out = "<h2>" + e(w("领域得分", "Domain scores")) + "</h2>\n<div class=\"charts\">\n"
        out += SVGChart.radar(series, minimum: minimum, title: w("领域得分雷达图", "Domain scores, radar"))
        out += SVGChart.bars(series, minimum: minimum, title: w("领域得分条形图", "Domain scores, bars"))
        out += "\n</div>\n"
        if let minimum, let target = r.target {
            out +=
                "<p class=\"meta\">"
                + e(
                    w(
                        "虚线：“\(context.ratingName(target))”要求每个领域 ≥ \(NumberText.plain(minimum))",
                        "Dashed: \(context.ratingName(target)) needs every domain ≥ \(NumberText.plain(minimum))"))
                + "</p>\n"
        }
        return out
    }

    /// Criteria below the top level, the lowered ones first with the reasons.
    func gaps() -> String {
        let r = context.result
        if let summary = r.points { return pointsGaps(summary) }
        let rows = r.criteria.filter { $0.applicable && $0.level < context.catalog.maxLevel }
        var out = "<h2>" + e(w("差距分析", "Gap analysis")) + "</h2>\n"
        guard !rows.isEmpty else {
            return out + "<p class=\"ok\">" + e(w("所有评价项均达到最高等级。", "Every criterion is at the top level.")) + "</p>\n"
        }
        out += "<table id=\"gaps\"><thead><tr><th>\(e(w("编号", "ID")))</th><th>\(e(w("评价项", "Criterion")))</th>"
        out +=
            "<th class=\"num\">\(e(w("等级", "Level")))</th><th class=\"num\">\(e(w("差距", "Gap")))</th><th>\(e(w("说明", "Why")))</th></tr></thead><tbody>\n"
        let lowered = rows.filter { $0.loweredByEvidence || $0.loweredByMetric || !$0.assessed }
        let others = rows.filter { !($0.loweredByEvidence || $0.loweredByMetric || !$0.assessed) }
        func row(_ c: CriterionResult) -> String {
            let why = context.reasons(c).map(e).joined(separator: "<br>")
            var out =
                "<tr><td>\(e(c.id))</td><td\(c.key ? " class=\"key\"" : "")>\(e(context.criterionName(c.id)))</td>"
            out += "<td class=\"num\">\(c.level)</td><td class=\"num\">\(context.catalog.maxLevel - c.level)</td>"
            return out + "<td\(why.isEmpty ? "" : " class=\"lowered\"")>\(why)</td></tr>\n"
        }
        if lowered.isEmpty {
            out +=
                "<tr><td colspan=\"5\">" + e(w("没有被证据或指标降低的等级。", "No level was lowered by evidence or KPIs."))
                + "</td></tr>\n"
        }
        for c in lowered { out += row(c) }
        out += "</tbody></table>\n"
        if !others.isEmpty {
            out +=
                "<details id=\"below-top\"><summary>"
                + e(w("其他未达最高等级的评价项（\(others.count)）", "Other criteria below the top level (\(others.count))"))
                + "</summary>\n<table><tbody>\n"
            for c in others { out += row(c) }
            out += "</tbody></table></details>\n"
        }
        return out
    }

    func path() -> String {
        let r = context.result
        guard let target = r.target, !r.blockers.isEmpty else { return "" }
        var out =
            "<h2>"
            + e(w("改进路径（达到“\(context.ratingName(target))”）", "Improvement path to \(context.ratingName(target))"))
            + "</h2>\n"
        if r.pathWithheld {
            out += "<p id=\"path-withheld\">" + e(context.pathWithheldNote) + "</p>\n"
        } else if let summary = r.points {
            out += pointsPath(summary)
        } else if r.path.isEmpty {
            out += "<p>" + e(w("无需提升等级。", "No level needs to rise.")) + "</p>\n"
        } else {
            out +=
                "<table id=\"path\"><thead><tr><th class=\"num\">#</th><th>\(e(w("评价项", "Criterion")))</th><th>\(e(w("等级", "Level")))</th>"
            out +=
                "<th>\(e(w("原因", "Reason")))</th><th>\(e(w("负责人", "Owner")))</th><th>\(e(w("行动与期限", "Actions and due dates")))</th></tr></thead><tbody>\n"
            for (index, step) in r.path.enumerated() {
                let actions = context.actions(for: step)
                out +=
                    "<tr><td class=\"num\">\(index + 1)</td><td>\(e(step.criterion)) \(e(context.criterionName(step.criterion)))</td>"
                out += "<td class=\"date\">\(step.from) → \(step.to)</td><td>\(e(w.reason(step.reason)))</td>"
                out += "<td>\(e(actions.first?.owner.text(language) ?? ""))</td><td>"
                // The steps at a glance; what each asks, folded (the plan export has it in full).
                out += actions.map { action in
                    e("\(action.id) \(action.priority.rawValue) \(w.purpose(action.purpose)) · ")
                        + "<span class=\"date\">\(e(HTML.date(action.due, language)))</span>"
                }.joined(separator: "<br>")
                out += "<details><summary>" + e(w("措施", "What to do")) + "</summary>"
                for action in actions {
                    var what = "<b>\(e(action.id))</b> " + HTML.lines(action.what.text(language))
                    if let lacking = context.evidenceNeededText(action) {
                        what += "<br><small>" + e(lacking) + "</small>"
                    }
                    if let target = action.kpiTarget {
                        what +=
                            "<br><small>" + e(w("指标目标：", "KPI target: ") + context.kpiTargetText(target)) + "</small>"
                    }
                    out += "<p>\(what)</p>"
                }
                out += "</details></td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if r.points != nil {
            if !r.pathWithheld, let note = context.pointsShortNote {
                out += "<p class=\"\(r.reachable ? "meta" : "late")\">" + e(note) + "</p>\n"
            }
        } else if !r.reachable {
            out +=
                "<p class=\"late\">"
                + e(
                    w(
                        "仅提升等级无法达到该评级：须先关闭超限的审核发现项。",
                        "Raising levels alone cannot reach this rating: the open findings over the limit must be closed."
                    )) + "</p>\n"
        }
        return out
    }

    func planSection(_ plan: PlanView) -> String {
        var out = "<h2>" + e(w("改进计划", "Improvement plan")) + "</h2>\n"
        out +=
            "<p class=\"meta\">"
            + e(plan.file + w("，截至 ", ", as of ") + HTML.date(plan.asOf, language) + w("：", ": ") + plan.summary(w))
            + "</p>\n"
        out +=
            "<table id=\"plan\"><thead><tr><th>ID</th><th>\(e(w("优先级", "Priority")))</th><th>\(e(w("状态", "Status")))</th>"
        out +=
            "<th>\(e(w("措施", "What to do")))</th><th>\(e(w("负责人", "Owner")))</th><th>\(e(w("期限", "Due")))</th></tr></thead><tbody>\n"
        for entry in plan.plan.entries {
            let late = entry.isOverdue(asOf: plan.asOf)
            out +=
                "<tr\(late ? " class=\"late\"" : "")><td>\(e(entry.id))</td><td>\(e(entry.priority?.rawValue ?? ""))</td>"
            out += "<td>\(e(w.status(entry.status)))\(late ? " · " + e(w("逾期", "overdue")) : "")</td>"
            out +=
                "<td>\(HTML.lines(entry.what?.text(language) ?? ""))</td><td>\(e(entry.ownerText(language) ?? ""))</td>"
            out += "<td class=\"date\">\(entry.due.map { e(HTML.date($0, language)) } ?? "")</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// Everything else, folded: all criteria, KPIs, findings, warnings.
    func details() -> String {
        let r = context.result
        var out = "<h2>" + e(w("详细信息", "Details")) + "</h2>\n"
        out +=
            "<details id=\"criteria\"><summary>"
            + e(w("全部评价项（\(r.criteria.count)）", "All criteria (\(r.criteria.count))")) + "</summary>\n"
        if r.points != nil {
            out += pointsCriteriaTable()
        } else {
            out += levelCriteriaTable()
        }
        out += "</tbody></table></details>\n"
        return out + detailsAfterCriteria()
    }

    func levelCriteriaTable() -> String {
        let r = context.result
        var out = ""
        out +=
            "<p class=\"meta\">"
            + e(w("等级 = min(审核或自评等级, 证据上限, 指标等级)", "Level = min(audited or claimed, evidence cap, metric level)"))
            + "</p>\n"
        out +=
            "<table><thead><tr><th>\(e(w("编号", "ID")))</th><th>\(e(w("评价项", "Criterion")))</th><th class=\"num\">\(e(w("自评", "Claimed")))</th>"
        out +=
            "<th class=\"num\">\(e(w("审核", "Audited")))</th><th class=\"num\">\(e(w("证据上限", "Evidence cap")))</th><th class=\"num\">\(e(w("指标等级", "Metric")))</th>"
        out +=
            "<th class=\"num\">\(e(w("等级", "Level")))</th><th class=\"num\">\(e(w("得分", "Score")))</th></tr></thead><tbody>\n"
        func cell(_ value: Int?) -> String { value.map(String.init) ?? "—" }
        for c in r.criteria {
            out += "<tr><td>\(e(c.id))</td><td\(c.key ? " class=\"key\"" : "")>\(e(context.criterionName(c.id)))</td>"
            if c.applicable {
                out +=
                    "<td class=\"num\">\(cell(c.claimed))</td><td class=\"num\">\(cell(c.audited))</td><td class=\"num\">\(c.evidenceCap)</td>"
                out +=
                    "<td class=\"num\">\(cell(c.metricLevel))</td><td class=\"num\"><b>\(c.level)</b></td><td class=\"num\">\(NumberText.fixed(c.score))</td></tr>\n"
            } else {
                out +=
                    "<td colspan=\"6\">" + e(w("不适用：", "not applicable: ") + (c.notApplicableReason ?? ""))
                    + "</td></tr>\n"
            }
        }
        return out
    }

    /// KPIs, findings and warnings, folded.
    func detailsAfterCriteria() -> String {
        let r = context.result
        var out = ""
        if !r.kpis.isEmpty {
            out += "<details id=\"kpis\"><summary>" + e(w("指标", "KPIs")) + "</summary><table><tbody>\n"
            for kpi in r.kpis {
                let source: String =
                    switch kpi.source {
                    case .metrics: w("评估中给出", "given in the assessment")
                    case .tickets(let file, let rows): w("由 \(file) 计算，\(rows) 张工单", "from \(file), \(rows) tickets")
                    }
                out +=
                    "<tr><td>\(e(context.kpiName(kpi.id)))</td><td class=\"num\">\(e(context.value(kpi.value, kpi: kpi.id)))</td><td>\(e(source))</td></tr>\n"
            }
            out += "</tbody></table></details>\n"
        }
        if !r.findings.isEmpty {
            out +=
                "<details id=\"findings\" open><summary>"
                + e(w("审核发现（\(r.findings.count)）", "Findings (\(r.findings.count))")) + "</summary><table><tbody>\n"
            for finding in r.findings.sorted(by: { ($0.grade, $0.id) < ($1.grade, $1.id) }) {
                let due = r.action(finding.id).map { HTML.date($0.due, language) } ?? ""
                out += "<tr><td>\(e(finding.id))</td><td>\(e(finding.grade.name.text(language)))</td>"
                out +=
                    "<td>\(e(finding.status == .open ? w("未关闭", "open") : w("已关闭", "closed")))</td><td>\(e(finding.criterion ?? ""))</td>"
                out += "<td>\(HTML.lines(finding.text))</td><td>\(e(due))</td></tr>\n"
            }
            out += "</tbody></table></details>\n"
        }
        if !r.warnings.isEmpty {
            out +=
                "<details id=\"warnings\"><summary>" + e(w("提示（\(r.warnings.count)）", "Warnings (\(r.warnings.count))"))
                + "</summary><ul>\n"
            for warning in r.warnings { out += "<li>\(e(context.localizedWarning(warning)))</li>\n" }
            out += "</ul></details>\n"
        }
        return out
    }
}
