import MaturityCore

/// The audit part of the HTML report: self versus auditor side by side (paired bars per domain),
/// calibration, the criteria judged differently, strengths and weaknesses, findings by grade and the
/// sign-off.
extension HTMLReport {
    func auditSection(_ audit: AuditComparison) -> String {
        var out = "<section id=\"audit\">\n<h2>" + e(w("自评与审核对比", "Self-assessment vs audit")) + "</h2>\n"
        out += "<p>" + e(context.selfVersusAudit(audit)) + "</p>\n"
        out += "<p class=\"meta\" id=\"calibration\">" + e(context.calibrationSentence(audit.calibration)) + "</p>\n"
        let pairs = audit.domains.map {
            SVGChart.Pair(label: context.domainName($0.id), first: $0.selfScore, second: $0.auditScore)
        }
        out += "<div class=\"charts\">"
        out += SVGChart.pairedBars(
            pairs, names: (w("自评", "Self"), w("审核", "Audit")),
            title: w("各领域自评与审核得分", "Domain scores, self vs audit"))
        out += "</div>\n"
        let differing = audit.disagreements
        if context.isPoints {
            out += pointsDisagreementTable(audit)
        } else if differing.isEmpty, audit.calibration.compared > 0 {
            out += "<p class=\"ok\">" + e(w("审核员与自评等级没有分歧。", "The auditor agreed with every claimed level.")) + "</p>\n"
        } else if !differing.isEmpty {
            out +=
                "<table id=\"calibration-criteria\"><thead><tr><th>\(e(w("编号", "ID")))</th><th>\(e(w("评价项", "Criterion")))</th>"
            out +=
                "<th class=\"num\">\(e(w("自评", "Claimed")))</th><th class=\"num\">\(e(w("审核", "Audited")))</th><th>\(e(w("结果等级", "Level self → audit")))</th><th>\(e(w("判断", "Verdict")))</th></tr></thead><tbody>\n"
            for line in differing {
                let css = line.verdict == .overClaimed ? " class=\"late\"" : ""
                out += "<tr><td>\(e(line.id))</td><td>\(e(context.criterionName(line.id)))</td>"
                out +=
                    "<td class=\"num\">\(line.claimed.map(String.init) ?? "—")</td><td class=\"num\">\(line.audited.map(String.init) ?? "—")</td>"
                out +=
                    "<td>\(line.selfLevel) → \(line.auditLevel)</td><td\(css)>\(e(context.verdictName(line.verdict)))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "<div class=\"charts\">"
        for (id, title, items) in [
            ("strengths", w("优势", "Strengths"), audit.strengths),
            ("weaknesses", w("不足", "Weaknesses"), audit.weaknesses),
        ] {
            out += "<div id=\"\(id)\"><h3>\(e(title))</h3><ul>"
            if items.isEmpty { out += "<li>" + e(w("无", "None")) + "</li>" }
            for h in items {
                out +=
                    "<li><b>\(e(h.criterion))</b> \(e(context.criterionName(h.criterion))) — \(e(context.highlightReasons(h)))</li>"
            }
            out += "</ul></div>"
        }
        out += "</div>\n</section>\n"
        return out
    }

    func findingsByGradeSection(_ audit: AuditComparison) -> String {
        var out = "<section id=\"findings-by-grade\">\n<h2>" + e(w("审核发现（按等级）", "Findings by grade")) + "</h2>\n"
        for group in audit.findingsByGrade {
            out += "<h3>" + e(context.gradeSentence(group)) + "</h3>\n<table><tbody>\n"
            for finding in group.findings.sorted(by: { $0.id < $1.id }) {
                let due = context.result.action(finding.id).map { HTML.date($0.due, language) } ?? ""
                out +=
                    "<tr\(finding.status == .open && finding.grade == .major ? " class=\"late\"" : "")><td class=\"date\">\(e(finding.id))</td>"
                out +=
                    "<td>\(e(finding.status == .open ? w("未关闭", "open") : w("已关闭", "closed")))</td><td>\(e(finding.criterion ?? ""))</td>"
                out += "<td>\(e(finding.clause ?? ""))</td><td>\(HTML.lines(finding.text))</td>"
                out += "<td>\(e(finding.evidence.joined(separator: ", ")))</td><td class=\"date\">\(e(due))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        return out + "</section>\n"
    }

    func signOffSection(_ signOff: SignOff) -> String {
        "<p class=\"meta\" id=\"signoff\">" + e(context.signOffSentence(signOff)) + "<br>" + e(context.verifyHint)
            + "</p>\n"
    }
}

extension SVGChart {
    /// Two values for one label (self and audit).
    struct Pair {
        var label: String
        var first: Double?
        var second: Double?
    }

    /// Two bars per label, scores 0–100, with a legend.
    static func pairedBars(_ items: [Pair], names: (String, String), title: String, width: Double = 560) -> String {
        let rowHeight = 34.0
        let labelWidth = 150.0
        let barWidth = width - labelWidth - 50
        let top = 22.0
        let height = top + Double(items.count) * rowHeight + 6
        let colours = ("#9fb3c8", "#2f6fb5")
        var svg =
            "<svg class=\"paired\" role=\"img\" viewBox=\"0 0 \(fixed(width)) \(fixed(height))\" width=\"\(fixed(width))\" height=\"\(fixed(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        svg += "<rect x=\"\(fixed(labelWidth))\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(colours.0)\"/>"
        svg += "<text x=\"\(fixed(labelWidth + 14))\" y=\"13\" font-size=\"11\">\(HTML.escape(names.0))</text>"
        svg += "<rect x=\"\(fixed(labelWidth + 90))\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(colours.1)\"/>"
        svg += "<text x=\"\(fixed(labelWidth + 104))\" y=\"13\" font-size=\"11\">\(HTML.escape(names.1))</text>"
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * rowHeight
            svg +=
                "<text x=\"\(fixed(labelWidth - 6))\" y=\"\(fixed(y + 19))\" font-size=\"11\" text-anchor=\"end\">\(HTML.escape(truncated(item.label, 22)))</text>"
            for (j, value, colour) in [(0, item.first, colours.0), (1, item.second, colours.1)] {
                let barY = y + 3 + Double(j) * 14
                svg +=
                    "<rect x=\"\(fixed(labelWidth))\" y=\"\(fixed(barY))\" width=\"\(fixed(barWidth))\" height=\"12\" fill=\"#f0f4f8\"/>"
                if let value {
                    svg +=
                        "<rect class=\"bar\" x=\"\(fixed(labelWidth))\" y=\"\(fixed(barY))\" width=\"\(fixed(barWidth * max(0, min(100, value)) / 100))\" height=\"12\" fill=\"\(colour)\"/>"
                }
                svg +=
                    "<text x=\"\(fixed(labelWidth + barWidth + 6))\" y=\"\(fixed(barY + 10))\" font-size=\"10\">\(value.map { NumberText.fixed($0) } ?? "—")</text>"
            }
        }
        return svg + "</svg>"
    }
}
