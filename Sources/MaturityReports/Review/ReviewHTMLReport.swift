import MaturityCore

/// The surveillance review as one self-contained HTML page: the summary first (organisation,
/// decision badge, rating, overall and its change, next review date, reasons), per-domain change
/// bars as inline SVG, what moved, the plan's progress, then the details folded.
public struct ReviewHTMLReport: Renderer, Sendable {
    let context: ReviewContext

    public init(_ context: ReviewContext) {
        self.context = context
    }

    var w: Words { context.words }
    var language: Language { context.language }
    func e(_ text: String) -> String { HTML.escape(text) }
    func date(_ day: Day) -> String { HTML.date(day, language) }

    /// Decision badges and change colours, shared with the history page.
    static let style = """
        .badge.decision-withdraw { background: #7a1010; } .badge.decision-suspend { background: var(--fail); }
        .badge.decision-reinstate { background: var(--pass); }
        .badge.decision-downgrade, .badge.decision-maintain_with_follow_up { background: var(--warn); }
        .badge.decision-upgrade { background: var(--top); } .badge.decision-maintain { background: var(--pass); }
        .badge.small { font-size: 13px; padding: 3px 10px; }
        .up { color: var(--pass); } .down { color: var(--fail); }
        .reasons { margin: 8px 0 0; padding-left: 18px; } .reasons li.outranked { color: var(--muted); }
        .facts { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0; }
        .facts dt { color: var(--muted); } .facts dd { margin: 0; font-weight: 600; }
        """

    public func render() -> String {
        let review = context.review
        let r = review.current
        let title = context.catalog.title.text(language) + context.titleSuffix
        var body = "<header>\n<h1>\(e(context.organisationLine))</h1>\n"
        var meta = e(title)
        if r.kind != .surveillance { meta += " · " + e(w.kind(r.kind)) }
        meta += " · " + e(date(r.date))
        if let assessor = r.assessor, !assessor.isEmpty { meta += " · " + w("评估人 ", "by ") + e(assessor) }
        if let auditor = r.auditor, !auditor.isEmpty { meta += " · " + w("审核员 ", "auditor ") + e(auditor) }
        meta += " · " + e("\(r.catalogId) \(r.catalogVersion)")
        body += "<p class=\"meta\">\(meta)</p>\n</header>\n"
        body += summary()
        body += domains()
        body += moved()
        body += plan()
        body += catalogChange()
        body += details()
        body +=
            "<footer>" + e(w("由 maturity 生成；分数四舍五入到两位小数。", "Written by maturity; scores rounded to 2 decimals."))
            + "</footer>"
        return HTML.page(
            title: context.organisationLine + " — " + title, language: language, body: body, extraStyle: Self.style)
    }

    func summary() -> String {
        let review = context.review
        let r = review.current
        var out = "<section id=\"summary\" class=\"summary\">\n"
        out +=
            "<span class=\"badge decision-\(review.decision.rawValue)\" data-decision=\"\(review.decision.rawValue)\">\(e(w.decision(review.decision)))</span>\n"
        out += "<dl class=\"facts\">"
        out +=
            "<dt>\(e(w("评级", "Rating")))</dt><dd>\(e(context.ratingName(review.previous.rating))) → "
            + "<span class=\"badge small rank-\(min(3, context.catalog.rank(of: r.rating)))\" data-rating=\"\(e(r.rating))\">\(e(context.ratingName(r.rating)))</span></dd>"
        out += "<dt>\(e(w("总分", "Overall")))</dt><dd id=\"overall\">\(e(context.change(review.overall)))</dd>"
        for (index, line) in context.heldLines.enumerated() {
            out += "<dt>\(index == 0 ? e(w("保持时间", "Held")) : "")</dt><dd class=\"held\">\(e(line))</dd>"
        }
        out += "<dt>\(e(w("上次", "Previous")))</dt><dd>\(e(context.previousLine(date: date)))</dd>"
        out += "<dt>\(e(w("下次审核", "Next review")))</dt><dd id=\"next-review\">\(e(date(review.nextReview)))</dd>"
        out += "</dl>\n<div class=\"next\">"
        out += "<p>\(e(context.meaning(date: date)))</p>"
        out += "<p class=\"meta\" id=\"recommendation\">\(e(w.recommendationNote))</p>"
        out += "<ul class=\"reasons\" id=\"reasons\">"
        for fact in review.reasons { out += "<li>\(e(context.describe(fact, date: date)))</li>" }
        for check in review.outranked {
            let facts = check.facts.map { context.describe($0, date: date) }.joined(separator: w("；", "; "))
            out +=
                "<li class=\"outranked\">"
                + e(
                    w(
                        "同时满足“\(w.decision(check.rule))”，优先级较低：\(facts)",
                        "Also holds, outranked: \(w.decision(check.rule).lowercased()) — \(facts)")) + "</li>"
        }
        out += "</ul></div>\n</section>\n"
        return out
    }

    func domains() -> String {
        let review = context.review
        var items = review.domains.map {
            SVGChart.Change(label: context.domainName($0.id), previous: $0.score.previous, current: $0.score.current)
        }
        items.append(
            SVGChart.Change(
                label: w("总分", "Overall"), previous: review.overall.previous, current: review.overall.current))
        var out = "<h2>" + e(w("领域得分变化", "Domain changes")) + "</h2>\n<div class=\"charts\">\n"
        out += SVGChart.deltaBars(items, title: w("各领域得分变化", "Change of each domain score"), signed: { w.signed($0) })
        out += "\n</div>\n"
        if let note = context.basisNote { out += "<p class=\"meta\">" + e(note) + "</p>\n" }
        return out
    }

    func criterionRow(_ c: CriterionDelta, why: Bool) -> String {
        let delta = context.direction(c)
        let mark = delta < 0 ? "▼" : delta > 0 ? "▲" : "·"
        var id = e(c.id)
        if let previousId = c.previousId { id += " <small>" + e(w("原 ", "was ") + previousId) + "</small>" }
        var out = "<tr><td class=\"\(delta < 0 ? "down" : delta > 0 ? "up" : "")\">\(mark)</td><td>\(id)</td>"
        out += "<td\(c.key ? " class=\"key\"" : "")>\(e(context.criterionName(c.id)))</td>"
        out += "<td class=\"num\">\(e(context.levels(c)))</td>"
        let reasons = why ? context.why(c.id).map(e).joined(separator: "<br>") : ""
        return out + "<td\(reasons.isEmpty ? "" : " class=\"lowered\"")>\(reasons)</td></tr>\n"
    }

    func moved() -> String {
        let review = context.review
        let rows = review.regressions + review.improvements + review.applicabilityChanges
        var out =
            "<h2>"
            + e(
                w(
                    (context.isPoints ? "得分" : "等级")
                        + "变化的评价项（下降 \(review.regressions.count) 项，上升 \(review.improvements.count) 项）",
                    "Criteria that moved (\(review.regressions.count) down, \(review.improvements.count) up)"))
            + "</h2>\n"
        guard !rows.isEmpty else {
            return out + "<p>" + e(context.nothingMoved) + "</p>\n"
        }
        out +=
            "<table id=\"moved\"><thead><tr><th></th><th>\(e(w("编号", "ID")))</th><th>\(e(w("评价项", "Criterion")))</th>"
        out +=
            "<th class=\"num\">\(e(context.levelHeader))</th><th>\(e(w("现状说明", "Why it is there now")))</th></tr></thead><tbody>\n"
        for c in rows { out += criterionRow(c, why: context.direction(c) < 0) }
        return out + "</tbody></table>\n"
    }

    func plan() -> String {
        guard let progress = context.review.planProgress else {
            return "<h2>" + e(w("改进计划进展", "Improvement plan progress")) + "</h2>\n<p class=\"meta\">"
                + e(
                    w(
                        "未提供 --plan，未检查改进计划的进展和逾期行动。",
                        "No --plan given: plan progress and overdue actions were not checked."))
                + "</p>\n"
        }
        var out = "<h2>" + e(w("改进计划进展", "Improvement plan progress")) + "</h2>\n"
        out +=
            "<p class=\"meta\">"
            + e(w("截至 ", "As of ") + date(progress.asOf) + w("：", ": ") + context.progressSummary(progress))
            + "</p>\n"
        out +=
            "<table id=\"plan-progress\"><thead><tr><th>ID</th><th>\(e(w("优先级", "Priority")))</th><th>\(e(w("进展", "State")))</th>"
        out +=
            "<th>\(e(w("措施", "What to do")))</th><th>\(e(w("负责人", "Owner")))</th><th>\(e(w("期限", "Due")))</th><th>\(e(w("完成", "Completed")))</th></tr></thead><tbody>\n"
        for item in context.planItems {
            let entry = item.entry
            let note = context.notCountedNote(item)
            let late = item.state == .overdue && note == nil
            var state = e(w.progressState(item.state))
            if let note { state += "<br><small>" + e(note) + "</small>" }
            if item.state == .done, item.levelReached == false {
                state +=
                    "<br><small class=\"lowered\">"
                    + e(context.isPoints ? w("未得满分", "points not reached") : w("等级未达到", "level not reached"))
                    + "</small>"
            }
            out +=
                "<tr\(late ? " class=\"late\"" : "")><td class=\"date\">\(e(entry.id))</td><td>\(e(entry.priority?.rawValue ?? ""))</td>"
            out += "<td>\(state)</td><td>\(HTML.lines(entry.what?.text(language) ?? ""))</td>"
            out += "<td>\(e(entry.ownerText(language) ?? ""))</td>"
            out += "<td class=\"date\">\(entry.due.map { e(date($0)) } ?? "")</td>"
            out += "<td class=\"date\">\(entry.completed.map { e(date($0)) } ?? "")</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    func catalogChange() -> String {
        guard let change = context.review.catalogChange else { return "" }
        var out = "<h2>" + e(w("准则变更", "Catalog change")) + "</h2>\n<ul id=\"catalog-change\">\n"
        for line in context.catalogChangeLines(change) { out += "<li>\(e(line))</li>\n" }
        return out + "</ul>\n"
    }

    func details() -> String {
        let review = context.review
        var out = "<h2>" + e(w("详细信息", "Details")) + "</h2>\n"
        out +=
            "<details id=\"criteria\"><summary>"
            + e(w("全部评价项的变化（\(review.criteria.count)）", "Every criterion, before and now (\(review.criteria.count))"))
            + "</summary>\n"
        out +=
            "<table><thead><tr><th>\(e(w("编号", "ID")))</th><th>\(e(w("评价项", "Criterion")))</th><th class=\"num\">\(e(context.levelHeader))</th>"
        out +=
            "<th class=\"num\">\(e(w("上次得分", "Score before")))</th><th class=\"num\">\(e(w("本次得分", "Score now")))</th><th class=\"num\">\(e(w("变化", "Change")))</th></tr></thead><tbody>\n"
        for c in review.criteria {
            let delta = c.score.delta
            out += "<tr><td>\(e(c.id))</td><td\(c.key ? " class=\"key\"" : "")>\(e(context.criterionName(c.id)))</td>"
            out += "<td class=\"num\">\(e(context.levels(c)))</td>"
            out += "<td class=\"num\">\(c.score.previous.map { NumberText.fixed($0) } ?? "—")</td>"
            out += "<td class=\"num\">\(c.score.current.map { NumberText.fixed($0) } ?? "—")</td>"
            let cls = (delta ?? 0) < 0 ? " down" : (delta ?? 0) > 0 ? " up" : ""
            out += "<td class=\"num\(cls)\">\(delta.map { e(w.signed($0)) } ?? "—")</td></tr>\n"
        }
        out += "</tbody></table></details>\n"
        out +=
            "<details id=\"rules\"><summary>" + e(w("决定规则（按优先级）", "Decision rules, in precedence order"))
            + "</summary>\n<table><tbody>\n"
        for check in review.rules {
            let status =
                check.rule == review.decision
                ? w("生效", "decides") : check.holds ? w("满足，优先级较低", "holds, outranked") : w("不满足", "does not hold")
            out += "<tr><td>\(e(w.decision(check.rule)))</td><td>\(e(status))</td>"
            out +=
                "<td>\(check.facts.map { e(context.describe($0, date: date)) }.joined(separator: "<br>"))</td></tr>\n"
        }
        out += "</tbody></table></details>\n"
        let warnings = review.current.warnings
        if !warnings.isEmpty {
            out +=
                "<details id=\"warnings\"><summary>" + e(w("提示（\(warnings.count)）", "Warnings (\(warnings.count))"))
                + "</summary><ul>\n"
            for warning in warnings { out += "<li>\(e(context.base.localizedWarning(warning)))</li>\n" }
            out += "</ul></details>\n"
        }
        return out
    }
}
