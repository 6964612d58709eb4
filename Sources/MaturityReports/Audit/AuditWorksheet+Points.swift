import MaturityCore

/// The audit worksheet of a points assessment: the clause's requirement and points, what the
/// self-assessment claimed and scored, and `audited_earned:` (or `audited_sample:`) to fill in.
extension AuditWorksheet {
    func pointsCriterionLines(_ criterion: Criterion) -> [String] {
        let entry = audit.criteria[criterion.id]
        let scored = selfResult.criterion(criterion.id)
        let points = NumberText.plain(criterion.points ?? 0)
        var lines: [String] = []
        lines.append(
            YAMLText.comment(
                "\(criterion.id) \(criterion.name.text(language))  "
                    + w(
                        "[\(points) 分，\(checkName(criterion.check))]",
                        "[\(points) points, \(checkName(criterion.check))]"),
                indent: "  "))
        if let requirement = criterion.requirement {
            lines.append(YAMLText.comment(w("要求：", "requirement: ") + requirement.text(language), indent: "  "))
        }
        if let excludedBy = scored?.points?.excludedBy {
            // An excluded clause earns nothing: it gets no fields to fill in.
            let profile = catalog.profile(excludedBy)?.name.text(language) ?? excludedBy
            lines.append(
                YAMLText.comment(w("按“\(profile)”删减，不计分", "excluded for \(profile): not counted"), indent: "  "))
            return lines
        } else if let scored, scored.applicable, let p = scored.points {
            let claimed = p.claimed.map { NumberText.plain(NumberText.rounded($0)) } ?? "—"
            let earned = NumberText.plain(NumberText.rounded(p.earned))
            var said = w("自评 \(claimed) 分，结果 \(earned) 分", "self-assessment: claimed \(claimed), earned \(earned)")
            if p.zeroedForEvidence { said += w("（无有效证据）", " (no valid evidence)") }
            lines.append(YAMLText.comment(said, indent: "  "))
        }
        lines.append("  \(YAMLText.scalar(criterion.id)):")
        if let reason = entry?.notApplicable {
            lines.append("    na: \(YAMLText.quoted(reason))")
            return lines
        }
        if criterion.check == .sample {
            if let sample = entry?.sample {
                lines.append("    sample: {size: \(sample.size), conforming: \(sample.conforming)}")
            }
            lines.append("    audited_sample:")
        } else {
            if let earned = entry?.earned { lines.append("    earned: \(NumberText.plain(earned, decimals: 6))") }
            lines.append("    audited_earned:")
        }
        let cited = entry?.evidence ?? []
        lines.append("    evidence: [" + cited.map(YAMLText.scalar).joined(separator: ", ") + "]")
        if let note = entry?.note { lines.append("    note: \(YAMLText.quoted(note))") }
        return lines
    }

    /// The self-assessment's deductions and bonuses, for the auditor to confirm or change.
    func adjustmentLines() -> [String] {
        var lines = [""]
        if let rules = catalog.adjustments {
            let d = NumberText.plain(rules.deductionPoints)
            let b = NumberText.plain(rules.bonusPoints)
            let max = NumberText.plain(rules.bonusMax)
            lines.append(
                YAMLText.comment(
                    w(
                        "调整：kind deduction（每项扣 \(d) 分，并作为一般不符合项整改）/ bonus（每项加 \(b) 分，合计至多 \(max) 分）",
                        "Adjustments: kind deduction (−\(d) each, also a minor finding to rectify) / bonus (+\(b) each, at most \(max) in all)"
                    ), indent: ""))
        }
        lines.append("adjustments:")
        for a in audit.adjustments {
            var fields = ["id: \(YAMLText.scalar(a.id))", "kind: \(a.kind.rawValue)"]
            if let criterion = a.criterion { fields.append("criterion: \(YAMLText.scalar(criterion))") }
            fields.append("text: \(YAMLText.quoted(a.text))")
            lines.append("  - {" + fields.joined(separator: ", ") + "}")
        }
        if catalog.adjustments != nil {
            let criterion = catalog.criteria.first.map { "criterion: \(YAMLText.scalar($0.id)), " } ?? ""
            lines.append(AssessmentTemplate.example("  - {kind: deduction, \(criterion)text: \"…\"}"))
        }
        return lines
    }

    func checkName(_ check: PointsCheck) -> String {
        switch check {
        case .all: return w("整体核查", "checked as a whole")
        case .sample: return w("抽查", "checked by sample")
        case .graded: return w("按程度给分", "graded")
        }
    }
}

extension AuditChecklist {
    /// The clauses of a points catalog: points, check, what was claimed and earned, blank audited points.
    func pointsTable() -> [String] {
        let ws = worksheet
        let w = ws.w
        var out = [
            w(
                "每条款：分值、核查方式、自评得分与结果得分（无有效证据为 0）；填写审核得分（抽查条款填样本数和符合数）。",
                "Each clause: its points, how it is checked, the claimed and scored points (0 without valid evidence); "
                    + "fill in the audited points (for a sampled clause, the sample size and how many conform)."),
            "",
            "| ☐ | \(w("编号", "ID")) | \(w("条款", "Clause")) | \(w("分值", "Points")) | \(w("核查", "Check")) | "
                + "\(w("自评", "Claim")) | \(w("结果", "Earned")) | \(w("核查证据", "Evidence to check")) | "
                + "\(w("审核得分", "Audited")) | \(w("备注", "Notes")) |",
            "|---|---|---|---:|---|---:|---:|---|---|---|",
        ]
        for criterion in ws.catalog.criteria {
            let name = Markdown.cell(criterion.name.text(ws.language))
            let points = NumberText.plain(criterion.points ?? 0)
            guard let scored = ws.selfResult.criterion(criterion.id), scored.applicable, let p = scored.points else {
                out.append("| — | \(Markdown.cell(criterion.id)) | \(name) | \(points) | | \(w("不计", "n/a")) | | | | |")
                continue
            }
            let claimed = p.claimed.map { NumberText.plain(NumberText.rounded($0)) } ?? "—"
            let earned = NumberText.plain(NumberText.rounded(p.earned))
            let cited = scored.evidence.map(Markdown.cell).joined(separator: ", ")
            out.append(
                "| ☐ | \(Markdown.cell(criterion.id)) | \(name) | \(points) | \(ws.checkName(criterion.check)) | "
                    + "\(claimed) | \(earned) | \(cited) | | |")
        }
        let adjustments = ws.audit.adjustments
        if !adjustments.isEmpty {
            out += ["", "### " + w("调整（自评中列出）", "Adjustments (from the self-assessment)"), ""]
            for a in adjustments {
                out.append("- ☐ \(Markdown.inline(a.id)) \(a.kind.rawValue): \(Markdown.inline(a.text))")
            }
        }
        return out
    }
}
