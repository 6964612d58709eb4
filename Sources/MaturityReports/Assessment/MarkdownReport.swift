import MaturityCore

/// The assessment report as Markdown: the same content as the terminal report, in tables, one section
/// per function.
public struct MarkdownReport: Renderer, Sendable {
    let context: ReportContext

    public init(_ context: ReportContext) {
        self.context = context
    }

    public func render() -> String {
        let r = context.result
        var out = headerSection() + domainSection() + criteriaSection()
        if !r.kpis.isEmpty { out += [""] + kpiSection() }
        if let audit = context.audit { out += [""] + auditSection(audit) }
        if let target = r.target, !r.blockers.isEmpty { out += [""] + pathSection(target: target) }
        if let audit = context.audit, !audit.findingsByGrade.isEmpty {
            out += [""] + findingsByGradeSection(audit)
        } else if !r.findings.isEmpty {
            out += [""] + findingsSection()
        }
        if let plan = context.plan { out += [""] + planSection(plan) }
        if !r.warnings.isEmpty { out += [""] + warningsSection() }
        if let signOff = context.signOff { out += [""] + signOffSection(signOff) }
        return out.joined(separator: "\n") + "\n"
    }

    /// Title and the facts table: organisation, assessment, catalog, rating, score, target.
    func headerSection() -> [String] {
        let r = context.result
        let w = context.words
        var out: [String] = []
        out.append(
            "# " + Markdown.inline(context.catalog.title.text(context.language)) + w(" — 评估报告", " — assessment report"))
        out.append("")
        out.append("| | |")
        out.append("|---|---|")
        out.append("| \(w("组织", "Organisation")) | \(Markdown.cell(context.organisationLine)) |")
        var assessment = w.kind(r.kind) + w("，", ", ") + r.date.description
        if let assessor = r.assessor, !assessor.isEmpty { assessment += w("，评估人 ", ", by ") + assessor }
        if let auditor = r.auditor, !auditor.isEmpty { assessment += w("，审核员 ", ", auditor ") + auditor }
        out.append("| \(w("评估", "Assessment")) | \(Markdown.cell(assessment)) |")
        out.append("| \(w("准则", "Catalog")) | \(Markdown.cell("\(r.catalogId) \(r.catalogVersion)")) |")
        out.append("| \(context.ratingLabel) | **\(Markdown.cell(context.ratingName(r.rating)))** |")
        out.append("| \(w("总分", "Overall score")) | \(context.score(r.overall)) / 100 |")
        if let summary = r.points { out.append(contentsOf: pointsHeaderRows(summary)) }
        if let target = r.target {
            out.append("| \(w("目标", "Target")) | \(Markdown.cell(context.ratingName(target))) |")
        }
        out.append("")
        return out
    }

    /// Domain scores with their weights.
    func domainSection() -> [String] {
        let r = context.result
        let w = context.words
        var out: [String] = []
        out.append("## " + w("领域得分", "Domain scores"))
        out.append("")
        out.append("| \(w("领域", "Domain")) | \(context.domainWeightLabel) | \(w("得分", "Score")) |")
        out.append("|---|---:|---:|")
        for domain in r.domains {
            out.append(
                "| \(Markdown.cell(context.domainName(domain.id))) | \(NumberText.plain(domain.weight)) | \(domain.score.map { NumberText.fixed($0) } ?? w("不适用", "n/a")) |"
            )
        }
        out.append("")
        return out
    }

    /// Every criterion with what made its level (or its points).
    func criteriaSection() -> [String] {
        let r = context.result
        let w = context.words
        var out: [String] = []
        out.append("## " + w("评价项", "Criteria"))
        out.append("")
        if let summary = r.points {
            out.append(contentsOf: pointsCriteriaSection(summary))
        } else {
            out.append(
                w(
                    "等级 = min(审核或自评等级, 证据上限, 指标等级)。★ 为关键项。",
                    "Level = min(audited or claimed, evidence cap, metric level). ★ marks a key criterion."))
            out.append("")
            out.append(
                "| \(w("编号", "ID")) | \(w("评价项", "Criterion")) | \(w("自评", "Claimed")) | \(w("审核", "Audited")) | \(w("证据上限", "Evidence cap")) | \(w("指标等级", "Metric level")) | \(w("等级", "Level")) | \(w("得分", "Score")) | \(w("说明", "Why")) |"
            )
            out.append("|---|---|---:|---:|---:|---:|---:|---:|---|")
            for c in r.criteria {
                let name = (c.key ? "★ " : "") + Markdown.cell(context.criterionName(c.id))
                let why = context.reasons(c).map(Markdown.cell).joined(separator: "<br>")
                func cell(_ value: Int?) -> String { value.map(String.init) ?? "—" }
                if c.applicable {
                    out.append(
                        "| \(c.id) | \(name) | \(cell(c.claimed)) | \(cell(c.audited)) | \(c.evidenceCap) | \(cell(c.metricLevel)) | **\(c.level)** | \(NumberText.fixed(c.score)) | \(why) |"
                    )
                } else {
                    out.append("| \(c.id) | \(name) | — | — | — | — | — | — | \(why) |")
                }
            }
        }
        return out
    }

    /// KPI values and where each came from.
    func kpiSection() -> [String] {
        let r = context.result
        let w = context.words
        var out: [String] = []
        out.append("## " + w("指标", "KPIs"))
        out.append("")
        out.append("| KPI | \(w("数值", "Value")) | \(w("来源", "Source")) |")
        out.append("|---|---:|---|")
        for kpi in r.kpis {
            let source: String
            switch kpi.source {
            case .metrics: source = w("评估中给出", "given in the assessment")
            case .tickets(let file, let rows):
                source = w("由 \(file) 计算，\(rows) 张工单", "from \(file), \(rows) tickets")
            }
            out.append(
                "| \(Markdown.cell(context.kpiName(kpi.id))) (`\(kpi.id)`) | \(context.value(kpi.value, kpi: kpi.id)) | \(Markdown.cell(source)) |"
            )
        }
        return out
    }

    /// What blocks the target rating, and the improvement path there.
    func pathSection(target: String) -> [String] {
        let r = context.result
        let w = context.words
        var out: [String] = []
        out.append(
            "## "
                + w(
                    "未满足“\(Markdown.inline(context.ratingName(target)))”的条件",
                    "Blockers to \(Markdown.inline(context.ratingName(target)))"))
        out.append("")
        for blocker in r.blockers { out.append("- " + Markdown.inline(context.describe(blocker))) }
        out.append("")
        out.append("## " + w("改进路径", "Improvement path"))
        out.append("")
        if r.pathWithheld {
            out.append(Markdown.inline(context.pathWithheldNote))
        } else if let summary = r.points {
            out.append(contentsOf: pointsPathSection(summary))
        } else if r.path.isEmpty {
            out.append(w("无需提升等级。", "No level needs to rise."))
        } else {
            out.append(
                "| # | \(w("评价项", "Criterion")) | \(w("等级", "Level")) | \(w("原因", "Reason")) | \(w("行动", "Action")) | \(w("负责人", "Owner")) | \(w("期限", "Due")) | \(w("措施", "What to do")) |"
            )
            out.append("|---:|---|---|---|---|---|---|---|")
            for (index, step) in r.path.enumerated() {
                for (offset, action) in context.actions(for: step).enumerated() {
                    var what = Markdown.cell(action.what.text(context.language))
                    if let lacking = context.evidenceNeededText(action) { what += "<br>" + Markdown.cell(lacking) }
                    if let target = action.kpiTarget {
                        what += "<br>" + w("指标目标：", "KPI target: ") + Markdown.cell(context.kpiTargetText(target))
                    }
                    let head =
                        offset == 0
                        ? "| \(index + 1) | \(step.criterion) \(Markdown.cell(context.criterionName(step.criterion))) | \(step.from) → \(step.to) | \(w.reason(step.reason)) |"
                        : "| | | | |"
                    out.append(
                        head
                            + " \(Markdown.cell(action.id)) \(action.priority.rawValue) \(w.purpose(action.purpose)) | \(Markdown.cell(action.owner.text(context.language))) | \(action.due.description) | \(what) |"
                    )
                }
            }
        }
        if r.points != nil, !r.pathWithheld, let note = context.pointsShortNote {
            out.append("")
            out.append("> " + Markdown.inline(note))
        } else if !r.reachable, r.points == nil {
            out.append("")
            out.append(
                w(
                    "> 仅提升等级无法达到该评级：须先关闭超限的审核发现项。",
                    "> Raising levels alone cannot reach this rating: the open findings over the limit must be closed."
                ))
        }
        return out
    }

    /// Findings by grade when there is no audit comparison.
    func findingsSection() -> [String] {
        let r = context.result
        let w = context.words
        var out: [String] = []
        out.append("## " + w("审核发现", "Findings"))
        out.append("")
        out.append(
            "| ID | \(w("等级", "Grade")) | \(w("状态", "Status")) | \(w("评价项", "Criterion")) | \(w("期限", "Due")) | \(w("内容", "Text")) |"
        )
        out.append("|---|---|---|---|---|---|")
        for finding in r.findings.sorted(by: { ($0.grade, $0.id) < ($1.grade, $1.id) }) {
            let due = r.action(finding.id)?.due.description ?? ""
            out.append(
                "| \(Markdown.cell(finding.id)) | \(finding.grade.name.text(context.language)) | \(finding.status == .open ? w("未关闭", "open") : w("已关闭", "closed")) | \(Markdown.cell(finding.criterion ?? "")) | \(due) | \(Markdown.cell(finding.text)) |"
            )
        }
        return out
    }

    /// The plan's actions with their status as of the plan date.
    func planSection(_ plan: PlanView) -> [String] {
        let w = context.words
        var out: [String] = []
        out.append("## " + w("改进计划", "Improvement plan"))
        out.append("")
        out.append(
            Markdown.inline(plan.file) + w("，截至 ", ", as of ") + plan.asOf.description + w("：", ": ")
                + plan.summary(w))
        out.append("")
        out.append(
            "| ID | \(w("优先级", "Priority")) | \(w("状态", "Status")) | \(w("期限", "Due")) | \(w("负责人", "Owner")) |")
        out.append("|---|---|---|---|---|")
        for entry in plan.plan.entries {
            let late = entry.isOverdue(asOf: plan.asOf)
            let due = (entry.due?.description ?? "") + (late ? w(" **逾期**", " **overdue**") : "")
            let cells = [
                Markdown.cell(entry.id), entry.priority?.rawValue ?? "", w.status(entry.status), due,
                Markdown.cell(entry.ownerText(context.language) ?? ""),
            ]
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        return out
    }

    /// Result warnings, the criteria not assessed on one line.
    func warningsSection() -> [String] {
        let r = context.result
        let w = context.words
        var out: [String] = []
        out.append("## " + w("提示", "Warnings"))
        out.append("")
        let notAssessed = r.warnings.filter { $0.kind == .notAssessed }.compactMap(\.subject)
        if !notAssessed.isEmpty {
            out.append("- " + Markdown.inline(context.notAssessedLine(notAssessed)))
        }
        for warning in r.warnings where warning.kind != .notAssessed {
            out.append("- " + Markdown.inline(context.localizedWarning(warning)))
        }
        return out
    }
}
