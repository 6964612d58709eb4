import MaturityCore

/// The surveillance review as Markdown: the same content as the terminal report, in tables.
public struct ReviewMarkdownReport: Renderer, Sendable {
    let context: ReviewContext

    public init(_ context: ReviewContext) {
        self.context = context
    }

    public func render() -> String {
        let review = context.review
        let r = review.current
        let w = context.words
        func cell(_ text: String) -> String { Markdown.cell(text) }
        var out: [String] = []
        out.append(
            "# " + Markdown.inline(context.catalog.title.text(context.language))
                + context.titleSuffix)
        out.append("")
        out.append("| | |")
        out.append("|---|---|")
        out.append("| \(w("组织", "Organisation")) | \(cell(context.organisationLine)) |")
        var line = w.kind(r.kind) + w("，", ", ") + r.date.description
        if let assessor = r.assessor, !assessor.isEmpty { line += w("，评估人 ", ", by ") + assessor }
        if let auditor = r.auditor, !auditor.isEmpty { line += w("，审核员 ", ", auditor ") + auditor }
        out.append("| \(w("本次", "This review")) | \(cell(line)) |")
        out.append("| \(w("上次", "Previous")) | \(cell(context.previousLine())) |")
        out.append("| \(w("准则", "Catalog")) | \(cell("\(r.catalogId) \(r.catalogVersion)")) |")
        out.append("| \(w("决定", "Decision")) | **\(cell(w.decision(review.decision)))** — \(cell(context.meaning())) |")
        out.append(
            "| \(w("评级", "Rating")) | \(cell(context.ratingName(review.previous.rating))) → **\(cell(context.ratingName(r.rating)))** |"
        )
        out.append("| \(w("总分", "Overall score")) | \(cell(context.change(review.overall))) |")
        for line in context.heldLines { out.append("| \(w("保持时间", "Held")) | \(cell(line)) |") }
        out.append("| \(w("下次审核", "Next review")) | \(review.nextReview) |")
        out.append("")
        out.append("> " + w.recommendationNote)
        out.append("")

        out.append("## " + w("决定依据", "Why"))
        out.append("")
        for fact in review.reasons { out.append("- " + Markdown.inline(context.describe(fact))) }
        for check in review.outranked {
            let facts = check.facts.map { context.describe($0) }.joined(separator: w("；", "; "))
            out.append(
                "- "
                    + Markdown.inline(
                        w(
                            "同时满足“\(w.decision(check.rule))”，优先级较低：\(facts)",
                            "Also holds, outranked: \(w.decision(check.rule).lowercased()) — \(facts)")))
        }
        out.append("")

        out.append("## " + w("领域得分变化", "Domain changes"))
        out.append("")
        out.append("| \(w("领域", "Domain")) | \(w("上次", "Before")) | \(w("本次", "Now")) | \(w("变化", "Change")) |")
        out.append("|---|---:|---:|---:|")
        func row(_ label: String, _ score: ScoreDelta) -> String {
            let before = score.previous.map { NumberText.fixed($0) } ?? "—"
            let now = score.current.map { NumberText.fixed($0) } ?? "—"
            return "| \(label) | \(before) | \(now) | \(score.delta.map { w.signed($0) } ?? "—") |"
        }
        for domain in review.domains { out.append(row(cell(context.domainName(domain.id)), domain.score)) }
        out.append(row("**" + w("总分", "Overall") + "**", review.overall))
        if let note = context.basisNote {
            out.append("")
            out.append(Markdown.inline(note))
        }
        out.append("")

        out.append("## " + w(context.isPoints ? "得分变化的评价项" : "等级变化的评价项", "Criteria that moved"))
        out.append("")
        let moved = review.regressions + review.improvements + review.applicabilityChanges
        if moved.isEmpty {
            out.append(
                context.isPoints
                    ? w("没有条款的得分变化。", "No criterion's points changed.")
                    : w("没有评价项的等级变化。", "No criterion changed level."))
        } else {
            out.append(
                "| | \(w("编号", "ID")) | \(w("评价项", "Criterion")) | \(context.isPoints ? w("得分", "Points") : w("等级", "Level")) | \(w("现状说明", "Why it is there now")) |"
            )
            out.append("|---|---|---|---|---|")
            for c in moved {
                let mark = context.direction(c) < 0 ? "▼" : context.direction(c) > 0 ? "▲" : "·"
                var id = cell(c.id)
                if let previousId = c.previousId { id += w("（原 ", " (was ") + cell(previousId) + w("）", ")") }
                let name = (c.key ? "★ " : "") + cell(context.criterionName(c.id))
                let why = context.direction(c) < 0 ? context.why(c.id).map(cell).joined(separator: "<br>") : ""
                out.append("| \(mark) | \(id) | \(name) | \(cell(context.levels(c))) | \(why) |")
            }
        }

        if let progress = review.planProgress {
            out.append("")
            out.append("## " + w("改进计划进展", "Improvement plan progress"))
            out.append("")
            out.append(
                Markdown.inline(
                    w("截至 \(progress.asOf)：", "As of \(progress.asOf): ") + context.progressSummary(progress)))
            out.append("")
            out.append(
                "| ID | \(w("优先级", "Priority")) | \(w("状态", "State")) | \(w("期限", "Due")) | \(w("完成", "Completed")) | \(w("负责人", "Owner")) |"
            )
            out.append("|---|---|---|---|---|---|")
            for item in context.planItems {
                let e = item.entry
                var state = w.progressState(item.state)
                if item.state == .overdue {
                    state =
                        context.notCountedNote(item).map { state + w("（", " (") + $0 + w("）", ")") } ?? "**" + state
                        + "**"
                }
                if item.state == .done, item.levelReached == false {
                    state +=
                        context.isPoints ? w("（未得满分）", " (points not reached)") : w("（等级未达到）", " (level not reached)")
                }
                out.append(
                    "| \(cell(e.id)) | \(e.priority?.rawValue ?? "") | \(state) | \(e.due?.description ?? "") | \(e.completed?.description ?? "") | \(cell(e.ownerText(context.language) ?? "")) |"
                )
            }
        } else {
            out.append("")
            out.append(
                w("未提供 --plan，未检查改进计划的进展和逾期行动。", "No --plan given: plan progress and overdue actions were not checked.")
            )
        }
        if let change = review.catalogChange {
            out.append("")
            out.append("## " + w("准则变更", "Catalog change"))
            out.append("")
            for line in context.catalogChangeLines(change) { out.append("- " + Markdown.inline(line)) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
