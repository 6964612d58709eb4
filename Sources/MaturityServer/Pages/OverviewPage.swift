import Foundation
import MaturityCore
import MaturityReports

/// The assessment overview: the report's summary (rating badge, overall, what blocks the next rating) and
/// domain charts, progress, and each domain's criteria with level and status.
struct OverviewPage {
    let data: AssessmentPageData
    var t: PageText { data.t }

    func render(notice: String? = nil) -> String {
        let report = HTMLReport(data.context)
        var body = notice.map { PageShell.notice($0) } ?? ""
        let criteria = data.catalog.criteria
        let filled = criteria.filter { data.isFilled($0.id) }.count
        body += report.summaryFragment
        body += "<p class=\"row\" id=\"progress\"><label for=\"progress-bar\" style=\"display:inline;margin:0\">"
        body +=
            h(t("已填写 \(filled) / \(criteria.count) 项", "\(filled) of \(criteria.count) criteria filled in"))
            + "</label>"
        body += "<progress id=\"progress-bar\" max=\"\(criteria.count)\" value=\"\(filled)\">\(filled)</progress>"
        if let first = criteria.first(where: { !data.isFilled($0.id) }) {
            body +=
                "<a class=\"button\" href=\"\(h(data.base))/c/\(h(first.id))\">\(h(t("继续填写 \(first.id)", "Continue with \(first.id)")))</a>"
        }
        body += "</p>\n"
        body += report.chartsFragment
        if data.isAudit { body += report.auditFragment }
        for domain in data.catalog.domains {
            let score = data.result.domain(domain.id)?.score
            body += "<section class=\"card\" id=\"domain-\(h(domain.id))\"><h2>\(h(domain.name.text(t.language)))"
            body += " <small class=\"meta\">\(h(data.context.scoreText(score)))</small></h2>"
            body += "<table><thead><tr><th>\(h(t("编号", "ID")))</th><th>\(h(t("评价项", "Criterion")))</th>"
            body += "<th class=\"num\">\(h(t("自评", "Claimed")))</th>"
            if data.isAudit { body += "<th class=\"num\">\(h(t("审核", "Audited")))</th>" }
            body += "<th class=\"num\">\(h(t("等级", "Level")))</th><th>\(h(t("状态", "Status")))</th></tr></thead><tbody>"
            for criterion in domain.criteria {
                let entry = data.snapshot.criterion(criterion.id)
                let result = data.result.criterion(criterion.id)
                body += "<tr><td>\(h(criterion.id))</td><td\(criterion.key ? " class=\"key\"" : "")>"
                body +=
                    "<a href=\"\(h(data.base))/c/\(h(criterion.id))\">\(h(criterion.name.text(t.language)))</a></td>"
                body += "<td class=\"num\">\(entry?.claimed.map(String.init) ?? "—")</td>"
                if data.isAudit { body += "<td class=\"num\">\(entry?.audited.map(String.init) ?? "—")</td>" }
                body += "<td class=\"num\">\(result.map { $0.applicable ? String($0.level) : "—" } ?? "—")</td><td>"
                body += status(criterion, result)
                body += "</td></tr>"
            }
            body += "</tbody></table></section>\n"
        }
        return PageShell.page(
            title: data.title, t: t, path: "/a/\(data.id)", crumbs: data.crumbs, tabs: data.tabs(""), body: body)
    }

    func status(_ criterion: Criterion, _ result: CriterionResult?) -> String {
        if data.snapshot.criterion(criterion.id)?.na != nil {
            return "<span class=\"pill na\">\(h(t("不适用", "not applicable")))</span>"
        }
        guard data.isFilled(criterion.id) else {
            return "<span class=\"pill todo\">\(h(t("未填写", "to fill in")))</span>"
        }
        guard let result else { return "" }
        if result.loweredByEvidence || result.loweredByMetric {
            return "<span class=\"lowered\">\(h(data.context.levelReasons(result).last ?? ""))</span>"
        }
        return "<span class=\"pill valid\">\(h(t("已评定", "rated")))</span>"
    }
}
