import MaturityCore

/// The audit part of the Markdown report: self versus auditor, strengths and weaknesses, findings by
/// grade, and the sign-off.
extension MarkdownReport {
    func auditSection(_ audit: AuditComparison) -> [String] {
        let w = context.words
        var out = ["## " + w("自评与审核对比", "Self-assessment vs audit"), ""]
        out.append(Markdown.inline(context.selfVersusAudit(audit)) + w("。", "."))
        out.append("")
        out.append(Markdown.inline(context.calibrationSentence(audit.calibration)))
        out.append("")
        out.append("| \(w("领域", "Domain")) | \(w("自评", "Self")) | \(w("审核", "Audit")) | Δ |")
        out.append("|---|---:|---:|---:|")
        for line in audit.domains {
            out.append(
                "| \(Markdown.cell(context.domainName(line.id))) | \(context.score(line.selfScore)) | \(context.score(line.auditScore)) | \(line.delta.map(context.signed) ?? "—") |"
            )
        }
        let differing = audit.disagreements
        out.append("")
        if context.isPoints {
            out.append(contentsOf: pointsDisagreementRows(audit))
        } else if differing.isEmpty {
            if audit.calibration.compared > 0 {
                out.append(w("审核员与自评等级没有分歧。", "The auditor agreed with every claimed level."))
            }
        } else {
            out.append(
                "| \(w("编号", "ID")) | \(w("评价项", "Criterion")) | \(w("自评", "Claimed")) | \(w("审核", "Audited")) | \(w("结果等级", "Level self → audit")) | \(w("判断", "Verdict")) |"
            )
            out.append("|---|---|---:|---:|---|---|")
            for line in differing {
                out.append(
                    "| \(Markdown.cell(line.id)) | \(Markdown.cell(context.criterionName(line.id))) | \(line.claimed.map(String.init) ?? "—") | \(line.audited.map(String.init) ?? "—") | \(line.selfLevel) → \(line.auditLevel) | \(context.verdictName(line.verdict)) |"
                )
            }
        }
        for (title, items) in [(w("优势", "Strengths"), audit.strengths), (w("不足", "Weaknesses"), audit.weaknesses)] {
            out.append("")
            out.append("### " + title)
            out.append("")
            if items.isEmpty { out.append(w("无。", "None.")) }
            for h in items {
                out.append(
                    "- \(Markdown.inline(h.criterion)) \(Markdown.inline(context.criterionName(h.criterion))) — \(Markdown.inline(context.highlightReasons(h)))"
                )
            }
        }
        return out
    }

    func findingsByGradeSection(_ audit: AuditComparison) -> [String] {
        let w = context.words
        var out = ["## " + w("审核发现（按等级）", "Findings by grade")]
        for group in audit.findingsByGrade {
            out.append("")
            out.append("### " + Markdown.inline(context.gradeSentence(group)))
            out.append("")
            out.append(
                "| ID | \(w("状态", "Status")) | \(w("评价项", "Criterion")) | \(w("条款", "Clause")) | \(w("依据", "Evidence")) | \(w("期限", "Due")) | \(w("内容", "Text")) |"
            )
            out.append("|---|---|---|---|---|---|---|")
            for finding in group.findings.sorted(by: { $0.id < $1.id }) {
                let due = context.result.action(finding.id)?.due.description ?? ""
                let cells = [
                    Markdown.cell(finding.id), finding.status == .open ? w("未关闭", "open") : w("已关闭", "closed"),
                    Markdown.cell(finding.criterion ?? ""), Markdown.cell(finding.clause ?? ""),
                    Markdown.cell(finding.evidence.joined(separator: ", ")), due, Markdown.cell(finding.text),
                ]
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        return out
    }

    func signOffSection(_ signOff: SignOff) -> [String] {
        let w = context.words
        return [
            "## " + w("签署", "Sign-off"), "", Markdown.inline(context.signOffSentence(signOff)), "",
            Markdown.inline(context.verifyHint),
        ]
    }
}
