import MaturityCore

/// The terminal report: rating first, then domains, every criterion's level with the reasons it
/// was lowered, the blockers to the target and the improvement path.
public struct TextReport: Renderer, Sendable {
    let context: ReportContext

    public init(_ context: ReportContext) {
        self.context = context
    }

    public func render() -> String {
        let r = context.result
        let w = context.words
        var out: [String] = []
        let title = context.catalog.title.text(context.language)
        out.append(clean(title) + w(" — 评估报告", " — assessment report"))
        out.append(String(repeating: "=", count: min(72, max(20, DisplayWidth.of(out[0])))))
        out.append(field(w("组织", "Organisation"), clean(context.organisationLine)))
        var assessment = w.kind(r.kind) + w("，", ", ") + r.date.description
        if let assessor = r.assessor, !assessor.isEmpty { assessment += w("，评估人 ", ", by ") + clean(assessor) }
        if let auditor = r.auditor, !auditor.isEmpty { assessment += w("，审核员 ", ", auditor ") + clean(auditor) }
        out.append(field(w("评估", "Assessment"), assessment))
        out.append(field(w("准则", "Catalog"), "\(r.catalogId) \(r.catalogVersion)"))
        out.append("")

        var headline = context.ratingLabel + w("：", ": ") + context.ratingName(r.rating)
        headline += w("    总分 ", "    overall ") + context.score(r.overall) + " / 100"
        out.append(headline)
        if let summary = r.points { out.append(contentsOf: pointsHeadline(summary)) }
        if let target = r.target {
            if r.blockers.isEmpty {
                out.append(
                    w(
                        "已满足“\(context.ratingName(target))”的全部条件",
                        "All conditions of \(context.ratingName(target)) are met"))
            } else {
                out.append(
                    w(
                        "距“\(context.ratingName(target))”还差 \(r.blockers.count) 项条件",
                        "\(r.blockers.count) condition\(r.blockers.count == 1 ? "" : "s") short of \(context.ratingName(target))"
                    ))
            }
        } else {
            out.append(w("已达到最高评级", "This is the highest rating"))
        }
        out.append("")

        out.append(contentsOf: domainSection())
        out.append("")
        out.append(contentsOf: criteriaSection())
        if !r.kpis.isEmpty {
            out.append("")
            out.append(contentsOf: kpiSection())
        }
        if let audit = context.audit {
            out.append("")
            out.append(contentsOf: auditSection(audit))
        }
        if let target = r.target, !r.blockers.isEmpty {
            out.append("")
            out.append(w("未满足“\(context.ratingName(target))”的条件", "Blockers to \(context.ratingName(target))"))
            for blocker in r.blockers { out.append("  ✗ " + clean(context.describe(blocker))) }
            out.append("")
            if r.pathWithheld {
                out.append("  " + context.pathWithheldNote)
            } else if let summary = r.points {
                out.append(contentsOf: pointsPathSection(summary, target: target))
            } else {
                out.append(contentsOf: pathSection(target: target))
            }
        }
        if let audit = context.audit, !audit.findingsByGrade.isEmpty {
            out.append("")
            out.append(contentsOf: findingsByGradeSection(audit))
        } else if !r.findings.isEmpty {
            out.append("")
            out.append(contentsOf: findingsSection())
        }
        if let plan = context.plan {
            out.append("")
            out.append(contentsOf: planSection(plan))
        }
        if !r.warnings.isEmpty {
            out.append("")
            out.append(contentsOf: warningsSection())
        }
        if let signOff = context.signOff {
            out.append("")
            out.append(w("签署", "Sign-off"))
            out.append("  " + clean(context.signOffSentence(signOff)))
            out.append("  " + context.verifyHint)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The plan's actions with their state; overdue ones flagged.
    func planSection(_ plan: PlanView) -> [String] {
        let w = context.words
        var lines = [w("改进计划", "Improvement plan") + " (" + clean(plan.file) + w("，截至 ", ", as of ") + "\(plan.asOf))"]
        lines.append("  " + plan.summary(w))
        let idWidth = min(24, max(6, plan.plan.entries.map { DisplayWidth.of(clean($0.id)) }.max() ?? 0)) + 2
        for entry in plan.plan.entries {
            let late = entry.isOverdue(asOf: plan.asOf)
            var line = (late ? "  ✗ " : "    ") + DisplayWidth.pad(clean(entry.id), idWidth)
            line += DisplayWidth.pad(entry.priority?.rawValue ?? "", 4)
            line += DisplayWidth.pad(w.status(entry.status), 12)
            line += DisplayWidth.pad(entry.due?.description ?? "", 12)
            if late { line += w("逾期 ", "overdue ") }
            line += clean(entry.ownerText(context.language) ?? "")
            lines.append(line)
        }
        return lines
    }

    func clean(_ text: String) -> String { TerminalSafe.clean(text) }

    func field(_ label: String, _ value: String) -> String {
        DisplayWidth.pad(label, 14) + value
    }

    func domainSection() -> [String] {
        let w = context.words
        var lines = [
            DisplayWidth.pad(w("领域", "Domains"), 34) + DisplayWidth.padLeft(context.domainWeightLabel, 7)
                + DisplayWidth.padLeft(w("得分", "Score"), 9)
        ]
        for domain in context.result.domains {
            let name = "  " + DisplayWidth.pad(clean(context.domainName(domain.id)), 32)
            let weight = DisplayWidth.padLeft(NumberText.plain(domain.weight), 7)
            guard let score = domain.score else {
                lines.append(name + weight + DisplayWidth.padLeft(w("不适用", "n/a"), 9))
                continue
            }
            lines.append(name + weight + DisplayWidth.padLeft(NumberText.fixed(score), 9) + "  " + bar(score))
        }
        return lines
    }

    func bar(_ score: Double, width: Int = 20) -> String {
        let filled = Int((score / 100 * Double(width)).rounded())
        return String(repeating: "█", count: max(0, min(width, filled)))
            + String(repeating: "·", count: max(0, width - filled))
    }

    func criteriaSection() -> [String] {
        if context.isPoints { return pointsCriteriaSection() }
        let w = context.words
        var lines: [String] = []
        let header =
            DisplayWidth.pad(w("评价项", "Criteria"), 42)
            + w("自评  审核  证据  指标  等级   得分", "claim audit  evid metric level   score")
        lines.append(header)
        for domain in context.catalog.domains {
            lines.append("  " + clean(context.domainName(domain.id)))
            for criterion in domain.criteria {
                guard let c = context.result.criterion(criterion.id) else { continue }
                let mark = c.key ? "★" : " "
                let label =
                    "    " + DisplayWidth.pad(c.id, 7) + mark + " "
                    + DisplayWidth.pad(clean(context.criterionName(c.id)), 28)
                func cell(_ value: Int?) -> String { DisplayWidth.padLeft(value.map(String.init) ?? "—", 5) }
                var row = label
                if c.applicable {
                    row +=
                        cell(c.claimed) + cell(c.audited) + cell(c.evidenceCap) + cell(c.metricLevel) + "  "
                        + cell(c.level) + DisplayWidth.padLeft(NumberText.fixed(c.score), 8)
                } else {
                    row += DisplayWidth.padLeft(w("不适用", "n/a"), 32)
                }
                lines.append(row)
                for reason in context.reasons(c) {
                    lines.append("          ↳ " + clean(reason))
                }
            }
        }
        lines.append(
            w("  ★ 关键项；等级 = min(审核或自评, 证据, 指标)", "  ★ key criterion; level = min(audited or claimed, evidence, metric)")
        )
        return lines
    }

    func kpiSection() -> [String] {
        let w = context.words
        var lines = [w("指标", "KPIs")]
        for kpi in context.result.kpis {
            var source: String
            switch kpi.source {
            case .metrics: source = w("评估中给出", "given in the assessment")
            case .tickets(let file, let rows): source = w("由 \(file) 计算，\(rows) 张工单", "from \(file), \(rows) tickets")
            }
            source = clean(source)
            lines.append(
                "  " + DisplayWidth.pad(clean(context.kpiName(kpi.id)), 34)
                    + DisplayWidth.padLeft(context.value(kpi.value, kpi: kpi.id), 12) + "   " + source)
        }
        return lines
    }

    func pathSection(target: String) -> [String] {
        let w = context.words
        let r = context.result
        var lines = [w("改进路径（达到“\(context.ratingName(target))”）", "Improvement path to \(context.ratingName(target))")]
        if r.path.isEmpty {
            lines.append(w("  无需提升等级", "  no level needs to rise"))
        }
        // Columns as wide as their longest entry, so ids are never cut.
        let idWidth = max(7, r.path.map { DisplayWidth.of($0.criterion) }.max() ?? 0)
        for (index, step) in r.path.enumerated() {
            let actions = context.actions(for: step)
            var line = DisplayWidth.padLeft("\(index + 1).", 5) + " " + DisplayWidth.pad(step.criterion, idWidth) + " "
            line += DisplayWidth.pad(clean(context.criterionName(step.criterion)), 28)
            line +=
                DisplayWidth.padLeft("\(step.from) → \(step.to)", 7) + "  " + DisplayWidth.pad(w.reason(step.reason), 8)
            if let owner = actions.first?.owner.text(context.language), !owner.isEmpty { line += " " + clean(owner) }
            lines.append(line.trimmingTrailingSpace())
            for action in actions {
                lines.append(
                    "        @\(action.to ?? 0)  " + action.priority.rawValue + "  "
                        + DisplayWidth.pad(w.purpose(action.purpose), 12) + w("期限 ", "due ") + action.due.description)
                lines.append("            → " + clean(action.what.text(context.language)))
                if let lacking = context.evidenceNeededText(action) { lines.append("            → " + clean(lacking)) }
                if let target = action.kpiTarget {
                    lines.append("            → " + w("指标目标：", "KPI target: ") + clean(context.kpiTargetText(target)))
                }
            }
        }
        if !r.reachable {
            lines.append(
                w(
                    "  仅提升等级无法达到该评级：须先关闭超限的审核发现项",
                    "  Raising levels alone cannot reach this rating: the open findings over the limit must be closed"))
        }
        return lines
    }

    /// Self-assessment against the auditor: the two ratings, calibration, domains, the criteria judged
    /// differently, strengths and weaknesses.
    func auditSection(_ audit: AuditComparison) -> [String] {
        let w = context.words
        var lines = [w("自评与审核对比", "Self-assessment vs audit")]
        lines.append("  " + clean(context.selfVersusAudit(audit)))
        lines.append("  " + context.calibrationSentence(audit.calibration))
        lines.append("")
        lines.append(
            "  " + DisplayWidth.pad(w("领域", "Domains"), 36) + DisplayWidth.padLeft(w("自评", "self"), 8)
                + DisplayWidth.padLeft(w("审核", "audit"), 8) + DisplayWidth.padLeft("Δ", 8))
        for line in audit.domains {
            lines.append(
                "    " + DisplayWidth.pad(clean(context.domainName(line.id)), 34)
                    + DisplayWidth.padLeft(context.score(line.selfScore), 8)
                    + DisplayWidth.padLeft(context.score(line.auditScore), 8)
                    + DisplayWidth.padLeft(line.delta.map(context.signed) ?? "—", 8))
        }
        let differing = audit.disagreements
        lines.append("")
        if context.isPoints {
            lines.append(contentsOf: pointsDisagreementLines(audit))
        } else if differing.isEmpty {
            if audit.calibration.compared > 0 {
                lines.append("  " + w("审核员与自评等级没有分歧。", "The auditor agreed with every claimed level."))
            }
        } else {
            lines.append(
                "  " + DisplayWidth.pad(w("判断不同的评价项", "Criteria judged differently"), 38)
                    + w("自评 审核  结果等级", "claim audit  level self → audit"))
            for line in differing {
                let label =
                    "    " + DisplayWidth.pad(line.id, 7) + DisplayWidth.pad(clean(context.criterionName(line.id)), 29)
                lines.append(
                    label + DisplayWidth.padLeft(line.claimed.map(String.init) ?? "—", 4)
                        + DisplayWidth.padLeft(line.audited.map(String.init) ?? "—", 5) + "   "
                        + "\(line.selfLevel) → \(line.auditLevel)  " + context.verdictName(line.verdict))
            }
        }
        lines.append("")
        lines.append(contentsOf: highlightLines(w("优势", "Strengths"), audit.strengths))
        lines.append(contentsOf: highlightLines(w("不足", "Weaknesses"), audit.weaknesses))
        return lines
    }

    func highlightLines(_ title: String, _ items: [AuditComparison.Highlight], limit: Int = 8) -> [String] {
        let w = context.words
        var lines = ["  " + title + (items.isEmpty ? w("：无", ": none") : "")]
        for h in items.prefix(limit) {
            let key = context.catalog.criterion(h.criterion)?.key == true ? "★" : " "
            lines.append(
                "    " + DisplayWidth.pad(h.criterion, 7) + key + " "
                    + DisplayWidth.pad(clean(context.criterionName(h.criterion)), 28) + " "
                    + clean(context.highlightReasons(h)))
        }
        if items.count > limit {
            lines.append(w("    另有 \(items.count - limit) 项", "    and \(items.count - limit) more"))
        }
        return lines
    }

    /// Findings grouped by grade, each grade with the corrective-action deadline it implies.
    func findingsByGradeSection(_ audit: AuditComparison) -> [String] {
        let w = context.words
        var lines = [w("审核发现（按等级）", "Findings by grade")]
        for group in audit.findingsByGrade {
            lines.append("  " + clean(context.gradeSentence(group)))
            for finding in group.findings.sorted(by: { $0.id < $1.id }) {
                var line = "    " + DisplayWidth.pad(clean(finding.id), 8)
                line += DisplayWidth.pad(finding.status == .open ? w("未关闭", "open") : w("已关闭", "closed"), 8)
                line += DisplayWidth.pad(clean(finding.criterion ?? ""), 8)
                if let clause = finding.clause { line += clean(clause) }
                if let action = context.result.action(finding.id), case .finding = action.origin {
                    line += w("  期限 ", "  due ") + action.due.description
                }
                lines.append(line.trimmingTrailingSpace())
                lines.append("        " + clean(finding.text))
                if !finding.evidence.isEmpty {
                    lines.append("        " + w("依据：", "evidence: ") + clean(finding.evidence.joined(separator: ", ")))
                }
            }
        }
        return lines
    }

    func findingsSection() -> [String] {
        let w = context.words
        var lines = [w("审核发现", "Findings")]
        let idWidth = min(24, max(6, context.result.findings.map { DisplayWidth.of(clean($0.id)) }.max() ?? 0)) + 2
        for finding in context.result.findings.sorted(by: { ($0.grade, $0.id) < ($1.grade, $1.id) }) {
            var line =
                "  " + DisplayWidth.pad(clean(finding.id), idWidth)
                + DisplayWidth.pad(finding.grade.name.text(context.language), 20)
            line += DisplayWidth.pad(finding.status == .open ? w("未关闭", "open") : w("已关闭", "closed"), 8)
            if let criterion = finding.criterion { line += " " + clean(criterion) }
            if let action = context.result.action(finding.id), case .finding = action.origin {
                line += w("  整改期限 ", "  due ") + action.due.description
            }
            lines.append(line)
            lines.append("        " + clean(finding.text))
        }
        return lines
    }

    func warningsSection() -> [String] {
        let w = context.words
        var lines = [w("提示", "Warnings")]
        let notAssessed = context.result.warnings.filter { $0.kind == .notAssessed }.compactMap(\.subject)
        if !notAssessed.isEmpty {
            lines.append("  " + context.notAssessedLine(notAssessed))
        }
        for warning in context.result.warnings where warning.kind != .notAssessed {
            lines.append("  " + clean(context.localizedWarning(warning)))
        }
        return lines
    }
}
