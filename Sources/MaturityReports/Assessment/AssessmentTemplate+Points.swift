import MaturityCore

/// The self-assessment template of a points catalog: the profile to choose, every clause with its points,
/// how it is checked and what it requires, and room for deductions and bonuses.
extension AssessmentTemplate {
    func renderPoints() -> String {
        let w = Words(language: language)
        var out: [String] = []
        func comment(_ text: String, indent: String = "") { out.append(YAMLText.comment(text, indent: indent)) }
        comment(catalog.title.text(language) + w(" — 自评表", " — self-assessment"))
        comment(
            w(
                "每个条款填写 earned（0 至该条款分值；整体核查的条款只能是 0 或满分；抽查条款填 sample: {size, conforming}），并在 evidence 中引用证据编号；没有有效证据的条款为 0 分。",
                "For every clause fill in earned (0 to its points; a clause checked as a whole earns 0 or all; a sampled clause takes sample: {size, conforming}) and cite evidence ids; a clause without valid evidence earns 0."
            ))
        comment(w("然后运行：maturity assess 本文件", "Then run: maturity assess <this file>"))
        out.append(contentsOf: headerLines())
        if !catalog.profiles.isEmpty {
            out.append("")
            comment(w("企业类型（删减的条款不计分）：", "Enterprise type (the clauses it excludes are not counted):"))
            for profile in catalog.profiles {
                let excluded =
                    profile.excludes.isEmpty ? w("无删减", "none excluded") : profile.excludes.joined(separator: ", ")
                comment("  \(profile.id): \(profile.name.text(language)) — \(excluded)")
            }
            out.append("profile: \(YAMLText.scalar(catalog.profiles[0].id))")
        }
        out.append("")
        comment(w("负责人：评价项编号或领域编号 → 姓名", "Owners: criterion id or domain id → person"))
        out.append("owners: {}")
        out.append("")
        comment(w("证据登记：", "Evidence register:"))
        comment(
            w(
                "示例：- {id: E1, kind: document, title: 售后服务管理制度, date: \(date), file: docs/policy.md}",
                "e.g.  - {id: E1, kind: document, title: After-sales service policy, date: \(date), file: docs/policy.md}"
            ))
        out.append("evidence: []")
        out.append("")
        let measured = catalog.criteria.compactMap(\.metric?.kpi)
        if !measured.isEmpty {
            comment(w("指标值（或用 tickets: 从工单导出计算）：", "KPI values (or compute them from a ticket export with tickets:):"))
            var seen: [String] = []
            for kpi in measured where !seen.contains(kpi) {
                seen.append(kpi)
                comment("\(kpi): <\(catalog.kpi(kpi)?.name.text(language) ?? kpi)>", indent: "  ")
            }
        }
        out.append("metrics: {}")
        out.append("")
        out.append("criteria:")
        for domain in catalog.domains {
            out.append("")
            comment("== \(domain.id) \(domain.name.text(language)) ==", indent: "  ")
            for c in domain.criteria {
                let points = NumberText.plain(c.points ?? 0)
                comment("\(c.id) \(c.name.text(language))  " + w("[\(points) 分]", "[\(points) points]"), indent: "  ")
                if let requirement = c.requirement {
                    comment(w("要求：", "requirement: ") + requirement.text(language), indent: "  ")
                }
                if let metric = c.metric, let threshold = metric.thresholds[1] {
                    comment(
                        w("指标 ", "metric ") + "\(metric.kpi) " + w.threshold(metric.better, threshold), indent: "  ")
                }
                out.append("  \(YAMLText.scalar(c.id)):")
                out.append(c.check == .sample ? "    sample:" : "    earned:")
                out.append("    evidence: []")
            }
        }
        out.append("")
        if let rules = catalog.adjustments {
            comment(
                w(
                    "调整：deduction 每项扣 \(NumberText.plain(rules.deductionPoints)) 分（并作为一般不符合项整改），bonus 每项加 \(NumberText.plain(rules.bonusPoints)) 分（合计至多 \(NumberText.plain(rules.bonusMax)) 分）",
                    "Adjustments: each deduction −\(NumberText.plain(rules.deductionPoints)) (also a minor finding to rectify), each bonus +\(NumberText.plain(rules.bonusPoints)) (at most \(NumberText.plain(rules.bonusMax)) in all)"
                ))
            comment(
                w(
                    "例如：- {kind: deduction, criterion: CR-02, text: …}",
                    "e.g.  - {kind: deduction, criterion: CR-02, text: …}"))
            out.append("adjustments: []")
            out.append("")
        }
        comment(w("审核发现（审核员填写）：", "Findings (auditors):"))
        out.append("findings: []")
        return out.joined(separator: "\n") + "\n"
    }
}
