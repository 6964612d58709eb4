import MaturityCore

/// The certificate history as one self-contained HTML page: the summary first (organisation, the
/// latest decision and rating, overall and its change, next review), trend lines of the overall and
/// domain scores as inline SVG, the results table, then each result's details folded.
public struct HistoryHTMLReport: Sendable {
    let report: HistoryReport

    public init(_ report: HistoryReport) {
        self.report = report
    }

    var w: Words { report.words }
    var language: Language { report.language }
    var history: History { report.history }
    func e(_ text: String) -> String { HTML.escape(text) }
    func date(_ day: Day) -> String { HTML.date(day, language) }

    public func render() -> String {
        var body = "<header>\n<h1>\(e(report.organisationLine))</h1>\n"
        var meta = e(report.title)
        if let id = history.catalogId { meta += " · " + e(id + " " + history.catalogVersions.joined(separator: ", ")) }
        if let first = history.entries.first, let last = history.entries.last {
            meta += " · " + e(date(first.result.date)) + " – " + e(date(last.result.date))
        }
        body += "<p class=\"meta\">\(meta)</p>\n</header>\n"
        body += summary()
        body += trend()
        body += table()
        body += details()
        body +=
            "<footer>" + e(w("由 maturity 生成；分数四舍五入到两位小数。", "Written by maturity; scores rounded to 2 decimals."))
            + "</footer>"
        return HTML.page(
            title: report.organisationLine + " — " + report.title, language: language, body: body,
            extraStyle: ReviewHTMLReport.style)
    }

    func summary() -> String {
        guard let last = history.entries.last else { return "" }
        let r = last.result
        var out = "<section id=\"summary\" class=\"summary\">\n"
        if let decision = r.decision {
            out +=
                "<span class=\"badge decision-\(decision.rawValue)\" data-decision=\"\(decision.rawValue)\">\(e(w.decision(decision)))</span>\n"
        }
        let rank = report.catalog?.rank(of: r.rating) ?? (r.rating == RatingRule.failId ? 0 : 1)
        out +=
            "<span class=\"badge rank-\(min(3, rank))\" data-rating=\"\(e(r.rating))\">\(e(report.ratingName(r.rating)))</span>\n"
        out += "<dl class=\"facts\">"
        out += "<dt>\(e(w("最近一次", "Latest")))</dt><dd>\(e(w.stage(last.stage) + w("，", ", ") + date(r.date)))</dd>"
        var overall = r.overall.map { NumberText.fixed($0) } ?? "—"
        if let delta = last.overallDelta { overall += " (\(w.signed(delta)))" }
        out += "<dt>\(e(w("总分", "Overall")))</dt><dd id=\"overall\">\(e(overall))</dd>"
        if let certificate = last.certificate {
            out += "<dt>\(e(w("证书", "Certificate")))</dt><dd>\(e(w.certificate(certificate)))</dd>"
        }
        if let next = report.nextReview {
            out += "<dt>\(e(w("下次审核", "Next review")))</dt><dd id=\"next-review\">\(e(date(next.due)))</dd>"
        }
        out += "</dl>\n</section>\n"
        return out
    }

    func trend() -> String {
        let dates = history.entries.map(\.result.date)
        var lines = [
            SVGChart.Line(label: w("总分", "Overall"), values: history.entries.map(\.result.overall), emphasis: true)
        ]
        for id in report.domainIds {
            lines.append(
                SVGChart.Line(label: report.domainName(id), values: history.entries.map { $0.result.domain(id)?.score })
            )
        }
        let thresholds = (report.catalog?.ratings ?? []).compactMap { rule in
            rule.overallMin.map { (label: rule.name.text(language) + " ≥ " + NumberText.plain($0), value: $0) }
        }
        var out = "<h2>" + e(w("得分趋势", "Scores over time")) + "</h2>\n<div class=\"charts\">\n"
        out += SVGChart.trend(
            dates: dates, lines: lines, thresholds: thresholds, dateLabel: { HTML.month($0, language) },
            title: w("总分与各领域得分趋势", "Overall and domain scores over time"))
        out += "\n</div>\n"
        if !thresholds.isEmpty {
            out +=
                "<p class=\"meta\">"
                + e(w("虚线：各评级的总分下限。", "Dashed: the overall score each rating needs.")) + "</p>\n"
        }
        return out
    }

    func table() -> String {
        var out = "<h2>" + e(w("认证周期", "Certificate cycle")) + "</h2>\n"
        out +=
            "<table id=\"history\"><thead><tr><th>\(e(w("日期", "Date")))</th><th>\(e(w("阶段", "Stage")))</th><th class=\"num\">\(e(w("周期", "Cycle")))</th>"
        out +=
            "<th>\(e(w("评级", "Rating")))</th><th class=\"num\">\(e(w("总分", "Overall")))</th><th class=\"num\">\(e(w("变化", "Change")))</th>"
        out += "<th>\(e(w("决定", "Decision")))</th><th>\(e(w("证书", "Certificate")))</th></tr></thead><tbody>\n"
        for entry in history.entries {
            let r = entry.result
            let delta = entry.overallDelta ?? 0
            out += "<tr><td class=\"date\">\(e(date(r.date)))</td><td>\(e(w.stage(entry.stage)))</td>"
            out += "<td class=\"num\">\(e(report.cycleText(entry)))</td><td>\(e(report.ratingName(r.rating)))</td>"
            out += "<td class=\"num\">\(r.overall.map { NumberText.fixed($0) } ?? "—")</td>"
            out +=
                "<td class=\"num\(delta < 0 ? " down" : delta > 0 ? " up" : "")\">\(entry.overallDelta.map { e(w.signed($0)) } ?? "")</td>"
            if let decision = r.decision {
                out +=
                    "<td><span class=\"badge small decision-\(decision.rawValue)\">\(e(w.decision(decision)))</span></td>"
            } else {
                out += "<td>—</td>"
            }
            out += "<td>\(e(entry.certificate.map { w.certificate($0) } ?? "—"))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        out +=
            "<p class=\"meta\">"
            + e(
                w(
                    "阶段：现场审核为初次认证审核（此前无有效证书，或证书已撤销）或再认证审核；监督审核每六个月一次。",
                    "Stage: an audit is the initial audit (no certificate in force before it, or it was withdrawn) or a "
                        + "recertification; surveillance reviews come every six months.")) + "</p>\n"
        return out
    }

    func details() -> String {
        var out = "<h2>" + e(w("详细信息", "Details")) + "</h2>\n"
        out +=
            "<details id=\"domains\"><summary>"
            + e(w("各领域得分（\(report.domainIds.count)）", "Domain scores (\(report.domainIds.count))"))
            + "</summary>\n"
        out += "<table><thead><tr><th>\(e(w("领域", "Domain")))</th>"
        for entry in history.entries { out += "<th class=\"num\">\(e(date(entry.result.date)))</th>" }
        out += "</tr></thead><tbody>\n"
        for id in report.domainIds {
            out += "<tr><td>\(e(report.domainName(id)))</td>"
            for entry in history.entries {
                out += "<td class=\"num\">\(entry.result.domain(id)?.score.map { NumberText.fixed($0) } ?? "—")</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></details>\n"
        out +=
            "<details id=\"files\"><summary>"
            + e(w("结果文件（\(history.entries.count)）", "Result files (\(history.entries.count))"))
            + "</summary><ul>\n"
        for entry in history.entries {
            let r = entry.result
            out +=
                "<li>\(e(HistoryReport.fileName(r.file))) — \(e(w.kind(r.kind))), \(e(date(r.date))), \(e(r.catalogId + " " + r.catalogVersion))</li>\n"
        }
        return out + "</ul></details>\n"
    }
}
