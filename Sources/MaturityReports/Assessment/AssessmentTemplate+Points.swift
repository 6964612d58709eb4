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
        out += usageLines(w)
        comment(w("然后运行：maturity assess 本文件", "Then run: maturity assess <this file>"))
        out.append(contentsOf: headerLines())
        if !catalog.profiles.isEmpty {
            out.append("")
            comment(w("企业类型（删减的条款不计分）：", "Enterprise type (the clauses it excludes are not counted):"))
            for profile in catalog.profiles {
                let excluded =
                    profile.excludes.isEmpty ? w("无删减", "none excluded") : profile.excludes.joined(separator: ", ")
                comment("\(profile.id): \(profile.name.text(language)) — \(excluded)")
            }
            out.append("profile: \(YAMLText.scalar(catalog.profiles[0].id))")
        }
        out += ownersLines(w)
        out += evidenceLines(w)
        out += metricLines(w)
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
                out += notApplicableLine(c, w)
            }
        }
        if let rules = catalog.adjustments {
            out.append("")
            comment(
                w(
                    "调整：deduction 每项扣 \(NumberText.plain(rules.deductionPoints)) 分（并作为一般不符合项整改），bonus 每项加 \(NumberText.plain(rules.bonusPoints)) 分（合计至多 \(NumberText.plain(rules.bonusMax)) 分）",
                    "Adjustments: each deduction −\(NumberText.plain(rules.deductionPoints)) (also a minor finding to rectify), each bonus +\(NumberText.plain(rules.bonusPoints)) (at most \(NumberText.plain(rules.bonusMax)) in all)"
                ))
            out.append("adjustments:")
            let criterion = catalog.criteria.first.map { "criterion: \(YAMLText.scalar($0.id)), " } ?? ""
            out.append(
                Self.example(
                    "  - {kind: deduction, \(criterion)text: \(w("扣分的原因", "why points are deducted"))}"))
            out.append(Self.example("  - {kind: bonus, text: \(w("加分的原因", "why a bonus is given"))}"))
        }
        out += findingLines(w)
        return out.joined(separator: "\n") + "\n"
    }
}
