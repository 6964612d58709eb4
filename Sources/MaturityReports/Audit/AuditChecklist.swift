import MaturityCore

/// The one-page checklist an auditor prints and takes on site: every criterion with the claimed level,
/// what its evidence supports and the evidence to look at, blank columns for the audited level and
/// notes, a findings table to fill in by hand, and signature lines.
public struct AuditChecklist: Sendable {
    public var worksheet: AuditWorksheet

    public init(_ worksheet: AuditWorksheet) {
        self.worksheet = worksheet
    }

    public func render() -> String {
        let ws = worksheet
        let w = ws.w
        let a = ws.audit
        let organisation = a.organisation.site.map { "\(a.organisation.name)（\($0)）" } ?? a.organisation.name
        var out: [String] = []
        out.append("# " + w("现场审核检查表 — ", "On-site audit checklist — ") + Markdown.inline(organisation))
        out.append("")
        let auditor = ws.auditor.map(Markdown.inline) ?? "________"
        out.append(
            w("自评", "Self-assessment") + " \(ws.selfDate) · " + w("审核日期", "Audit date") + " \(ws.date) · "
                + w("审核员", "Auditor") + " \(auditor) · " + w("准则", "Catalog")
                + " \(ws.catalog.id) \(ws.catalog.version)")
        out.append("")
        if ws.catalog.isPoints {
            out.append(contentsOf: pointsTable())
        } else {
            out.append(contentsOf: levelsTable())
        }
        out.append("")
        out.append("## " + w("审核发现", "Findings"))
        return out.joined(separator: "\n") + "\n" + rest()
    }

    func levelsTable() -> [String] {
        let ws = worksheet
        let w = ws.w
        var out: [String] = []
        let scale = ws.catalog.levels.map { "\($0.level) \(Markdown.inline($0.name.text(ws.language)))" }
        out.append(
            w("等级：", "Levels: ") + scale.joined(separator: " · ")
                + w("。★ 关键项；“证据”为自评证据支持的等级。", ". ★ key criterion; 'Ev.' is the level the cited evidence supports."))
        out.append("")
        out.append(
            "| ☐ | \(w("编号", "ID")) | \(w("评价项", "Criterion")) | \(w("自评", "Claim")) | \(w("证据", "Ev.")) | \(w("核查证据", "Evidence to check")) | \(w("审核等级", "Audited")) | \(w("备注", "Notes")) |"
        )
        out.append("|---|---|---|---:|---:|---|---|---|")
        for criterion in ws.catalog.criteria {
            let name = (criterion.key ? "★ " : "") + Markdown.cell(criterion.name.text(ws.language))
            guard let scored = ws.selfResult.criterion(criterion.id), scored.applicable else {
                out.append("| — | \(Markdown.cell(criterion.id)) | \(name) | \(w("不适用", "n/a")) | | | | |")
                continue
            }
            let claimed = scored.claimed.map(String.init) ?? "—"
            let cited = scored.evidence.map(Markdown.cell).joined(separator: ", ")
            out.append(
                "| ☐ | \(Markdown.cell(criterion.id)) | \(name) | \(claimed) | \(scored.evidenceCap) | \(cited) | | |")
        }
        return out
    }

    /// The findings table to fill in and the signature lines, after the criteria.
    func rest() -> String {
        let ws = worksheet
        let w = ws.w
        let a = ws.audit
        var out: [String] = []
        out.append("")
        let grades = FindingGrade.allCases.map {
            "\($0.rawValue) \($0.name.text(ws.language)) \(ws.catalog.deadline($0))"
                + w(" 天", " days")
        }
        out.append(w("等级与整改期限：", "Grades and deadlines: ") + grades.joined(separator: " · "))
        out.append("")
        out.append(
            "| \(w("编号", "ID")) | \(w("等级", "Grade")) | \(w("评价项", "Criterion")) | \(w("条款", "Clause")) | \(w("依据", "Evidence")) | \(w("内容", "Text")) |"
        )
        out.append("|---|---|---|---|---|---|")
        for finding in a.findings where finding.status == .open {
            out.append(
                "| \(Markdown.cell(finding.id)) | \(finding.grade.rawValue) | \(Markdown.cell(finding.criterion ?? "")) | \(Markdown.cell(finding.clause ?? "")) | \(Markdown.cell(finding.evidence.joined(separator: ", "))) | \(Markdown.cell(finding.text)) |"
            )
        }
        for _ in 0..<5 { out.append("| | | | | | |") }
        out.append("")
        out.append(
            w(
                "审核员签字 ____________　受审核方代表签字 ____________　日期 ____________",
                "Auditor ____________   For the organisation ____________   Date ____________"))
        return out.joined(separator: "\n") + "\n"
    }
}
