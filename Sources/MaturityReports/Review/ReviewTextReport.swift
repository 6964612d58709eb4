import MaturityCore

/// The surveillance review in the terminal: the decision and its reasons first, then what moved,
/// the plan's progress and any catalog change.
public struct ReviewTextReport: Renderer, Sendable {
    let context: ReviewContext

    public init(_ context: ReviewContext) {
        self.context = context
    }

    func clean(_ text: String) -> String { TerminalSafe.clean(text) }

    func field(_ label: String, _ value: String) -> String {
        DisplayWidth.pad(label, 14) + value
    }

    public func render() -> String {
        let review = context.review
        let r = review.current
        let w = context.words
        var out: [String] = []
        let title = clean(context.catalog.title.text(context.language)) + context.titleSuffix
        out.append(title)
        out.append(String(repeating: "=", count: min(72, max(20, DisplayWidth.of(title)))))
        out.append(field(w("组织", "Organisation"), clean(context.organisationLine)))
        var line = w.kind(r.kind) + w("，", ", ") + r.date.description
        if let assessor = r.assessor, !assessor.isEmpty { line += w("，评估人 ", ", by ") + clean(assessor) }
        if let auditor = r.auditor, !auditor.isEmpty { line += w("，审核员 ", ", auditor ") + clean(auditor) }
        out.append(field(w("本次", "This review"), line))
        out.append(field(w("上次", "Previous"), clean(context.previousLine())))
        out.append(field(w("准则", "Catalog"), "\(r.catalogId) \(r.catalogVersion)"))
        out.append("")

        out.append(w("决定：", "Decision: ") + w.decision(review.decision))
        out.append("  " + context.meaning())
        for fact in review.reasons {
            out.append(
                (review.decision < .upgrade && review.decision != .reinstate ? "  ✗ " : "  · ")
                    + clean(context.describe(fact)))
        }
        for check in review.outranked {
            let facts = check.facts.map { clean(context.describe($0)) }.joined(separator: w("；", "; "))
            out.append(
                "  "
                    + w(
                        "（同时满足“\(w.decision(check.rule))”，优先级较低：\(facts)）",
                        "(also holds, outranked: \(w.decision(check.rule).lowercased()) — \(facts))"))
        }
        out.append(
            w("评级：", "Rating: ") + context.ratingName(review.previous.rating) + " → " + context.ratingName(r.rating)
                + w("    总分 ", "    overall ") + context.change(review.overall))
        for line in context.heldLines { out.append("  ⏳ " + clean(line)) }
        out.append(w("下次审核：", "Next review: ") + review.nextReview.description)
        out.append(w.recommendationNote)
        out.append("")

        out.append(contentsOf: domainSection())
        if let note = context.basisNote { out.append("  " + clean(note)) }
        out.append("")
        out.append(contentsOf: movedSection())
        if let progress = review.planProgress {
            out.append("")
            out.append(contentsOf: planSection(progress))
        }
        if let change = review.catalogChange {
            out.append("")
            out.append(w("准则变更", "Catalog change"))
            for line in context.catalogChangeLines(change) { out.append("  " + clean(line)) }
        }
        if review.planProgress == nil {
            out.append("")
            out.append(
                w(
                    "提示：未提供 --plan，未检查改进计划的进展和逾期行动。",
                    "Note: no --plan given; plan progress and overdue actions were not checked."))
        }
        return out.joined(separator: "\n") + "\n"
    }

    func domainSection() -> [String] {
        let w = context.words
        var lines = [
            DisplayWidth.pad(w("领域", "Domains"), 34) + DisplayWidth.padLeft(w("上次", "Before"), 9)
                + DisplayWidth.padLeft(w("本次", "Now"), 9) + DisplayWidth.padLeft(w("变化", "Change"), 9)
        ]
        func row(_ label: String, _ score: ScoreDelta) -> String {
            var text = DisplayWidth.pad(label, 34)
            text += DisplayWidth.padLeft(score.previous.map { NumberText.fixed($0) } ?? "—", 9)
            text += DisplayWidth.padLeft(score.current.map { NumberText.fixed($0) } ?? "—", 9)
            text += DisplayWidth.padLeft(score.delta.map { w.signed($0) } ?? "—", 9)
            if let delta = score.delta, delta != 0 { text += delta > 0 ? "  ▲" : "  ▼" }
            return text
        }
        for domain in context.review.domains {
            lines.append(row("  " + clean(context.domainName(domain.id)), domain.score))
        }
        lines.append(row("  " + w("总分", "Overall"), context.review.overall))
        return lines
    }

    func movedSection() -> [String] {
        let w = context.words
        let review = context.review
        let down = review.regressions
        let up = review.improvements
        let switched = review.applicabilityChanges
        var lines = [
            context.isPoints
                ? w(
                    "得分变化的条款（下降 \(down.count) 项，上升 \(up.count) 项）",
                    "Criteria that moved (\(down.count) down, \(up.count) up)")
                : w(
                    "等级变化的评价项（下降 \(down.count) 项，上升 \(up.count) 项）",
                    "Criteria that moved (\(down.count) down, \(up.count) up)")
        ]
        if down.isEmpty, up.isEmpty, switched.isEmpty {
            lines.append(
                "  "
                    + (context.isPoints
                        ? w("没有条款的得分变化", "no criterion's points changed")
                        : w("没有评价项的等级变化", "no criterion changed level")))
        }
        let idWidth = max(7, review.criteria.map { DisplayWidth.of($0.id) }.max() ?? 0)
        func row(_ mark: String, _ c: CriterionDelta) -> String {
            var text = "  \(mark) " + DisplayWidth.pad(c.id, idWidth) + (c.key ? "★ " : "  ")
            text +=
                DisplayWidth.pad(clean(context.criterionName(c.id)), 28) + DisplayWidth.padLeft(context.levels(c), 9)
            if let previousId = c.previousId { text += w("  （原 \(previousId)）", "  (was \(previousId))") }
            return text
        }
        for c in down {
            lines.append(row("▼", c))
            for reason in context.why(c.id) { lines.append("          ↳ " + clean(reason)) }
        }
        for c in up { lines.append(row("▲", c)) }
        for c in switched { lines.append(row("·", c)) }
        return lines
    }

    func planSection(_ progress: PlanProgress) -> [String] {
        let w = context.words
        var lines = [
            w("改进计划进展（截至 \(progress.asOf)）", "Improvement plan progress (as of \(progress.asOf))"),
            "  " + context.progressSummary(progress),
        ]
        let items = context.planItems
        let idWidth = min(24, max(6, items.map { DisplayWidth.of(clean($0.entry.id)) }.max() ?? 0)) + 2
        func state(_ item: PlanProgress.Item) -> String {
            var text = w.progressState(item.state)
            if item.state == .done, let completed = item.entry.completed { text += " " + completed.description }
            return text
        }
        let stateWidth = max(10, items.map { DisplayWidth.of(state($0)) }.max() ?? 0) + 2
        for item in items {
            let e = item.entry
            let note = context.notCountedNote(item)
            let counted = item.state == .overdue && note == nil
            var line = (counted ? "  ✗ " : "    ") + DisplayWidth.pad(clean(e.id), idWidth)
            line += DisplayWidth.pad(e.priority?.rawValue ?? "", 4)
            line += DisplayWidth.pad(state(item), stateWidth)
            line += DisplayWidth.pad(e.due.map { w("期限 ", "due ") + $0.description } ?? "", 16)
            line += clean(e.ownerText(context.language) ?? "")
            lines.append(line.trimmingTrailingSpace())
            if let note { lines.append("          ↳ " + note) }
            if item.state == .done, item.levelReached == false, let criterion = e.criterion, let points = e.points {
                let earned = context.review.current.criterion(criterion)?.points?.earned ?? 0
                lines.append(
                    "          ↳ "
                        + w(
                            "标记为已完成，但 \(criterion) 仅得 \(NumberText.plain(NumberText.rounded(earned))) 分 < \(NumberText.plain(points)) 分",
                            "marked done, but \(criterion) earns \(NumberText.plain(NumberText.rounded(earned))) < \(NumberText.plain(points)) points"
                        ))
            } else if item.state == .done, item.levelReached == false, let criterion = e.criterion, let to = e.to {
                let level = context.review.current.criterion(criterion)?.level ?? 0
                lines.append(
                    "          ↳ "
                        + w(
                            "标记为已完成，但 \(criterion) 仍为 \(level) 级 < \(to) 级",
                            "marked done, but \(criterion) is at level \(level) < \(to)"))
            }
        }
        return lines
    }
}
