import Foundation
import MaturityCore
import MaturityReports
import MaturityStore

/// The improvement plan: made or refreshed from the assessment (everyone's edits kept), each action with its
/// owner, due date, status, root cause, measures, progress and completion; overdue ones flagged; by owner.
struct PlanPage {
    let data: AssessmentPageData
    let plan: (record: PlanRecord, plan: Plan)?
    var t: PageText { data.t }

    func statusName(_ status: PlanAction.Status) -> String {
        switch status {
        case .open: t("未开始", "open")
        case .inProgress: t("进行中", "in progress")
        case .done: t("已完成", "done")
        case .superseded: t("已取代", "superseded")
        }
    }

    func render(owner: String?, notice: String? = nil, error: APIError? = nil, today: Day = .today) -> String {
        var body = notice.map { PageShell.notice($0) } ?? ""
        if let error { body += PageShell.problems(error, t: t) }
        body += "<section class=\"card\"><form method=\"post\" action=\"\(h(data.base))/plan\">"
        body += "<input type=\"hidden\" name=\"version\" value=\"\(plan?.record.version ?? 0)\">"
        body +=
            "<p>"
            + h(
                plan == nil
                    ? t(
                        "根据本次评估生成改进计划：每个等级提升一项行动，含期限与负责人角色。",
                        "Make the improvement plan from this assessment: one action per level step, with due dates and owner roles."
                    )
                    : t(
                        "重新生成：保留每个人填写的内容，新增的行动加在末尾，不再需要的行动标为已取代，从不删除。",
                        "Refresh from the assessment as it is now: everyone's edits are kept, new actions are added at the end, actions no longer needed are marked superseded, nothing is deleted."
                    )) + "</p>"
        body +=
            "<button type=\"submit\">\(h(plan == nil ? t("生成计划", "Make the plan") : t("刷新计划", "Refresh the plan")))</button></form></section>\n"
        guard let plan else {
            return page(body)
        }
        let owners = Array(Set(plan.plan.entries.compactMap { $0.ownerText(t.language) })).sorted()
        body +=
            "<form method=\"get\" action=\"\(h(data.base))/plan\" class=\"card row\"><label for=\"owner\" style=\"margin:0\">\(h(t("按负责人筛选", "Filter by owner")))</label>"
        body += "<select id=\"owner\" name=\"owner\"><option value=\"\">\(h(t("全部", "everyone")))</option>"
        for name in owners { body += "<option\(name == owner ? " selected" : "")>\(h(name))</option>" }
        body += "</select><button type=\"submit\" class=\"secondary\">\(h(t("筛选", "Filter")))</button></form>\n"
        let entries = plan.plan.entries.filter { owner == nil || $0.ownerText(t.language) == owner }
        let overdue = entries.filter { $0.isOverdue(asOf: today) }.count
        if overdue > 0 {
            body += PageShell.notice(
                t("\(overdue) 项行动已逾期（截至 \(today)）。", "\(overdue) actions are overdue (as of \(today))."), kind: "warn")
        }
        body +=
            "<section class=\"card\"><table id=\"actions\"><thead><tr><th>\(h(t("编号", "ID")))</th><th>\(h(t("行动", "Action")))</th>"
        body +=
            "<th>\(h(t("负责人", "Owner")))</th><th>\(h(t("期限", "Due")))</th><th>\(h(t("状态", "Status")))</th><th>\(h(t("优先级", "Priority")))</th></tr></thead><tbody>"
        for entry in entries {
            let late = entry.isOverdue(asOf: today)
            body +=
                "<tr id=\"action-\(h(entry.id))\"><td>\(h(entry.id))</td><td class=\"text\">\(h(entry.what?.text(t.language) ?? ""))"
            if let criterion = entry.criterion {
                body += " <a href=\"\(h(data.base))/c/\(h(criterion))\">\(h(criterion))</a>"
            }
            body += "</td><td>\(h(entry.ownerText(t.language) ?? "—"))</td>"
            body +=
                "<td class=\"date\(late ? " late" : "")\">\(h(entry.due?.description ?? "—"))\(late ? " " + h(t("逾期", "overdue")) : "")</td>"
            body += "<td>\(h(statusName(entry.status)))</td><td>\(h(entry.priority?.rawValue ?? "—"))</td></tr>"
        }
        body += "</tbody></table></section>\n"
        for entry in entries {
            body += editForm(entry, version: plan.record.actions[entry.id] ?? 1)
        }
        return page(body)
    }

    func editForm(_ entry: PlanEntry, version: Int) -> String {
        let p = "a-\(entry.id)"
        var out =
            "<details class=\"card\" id=\"edit-\(h(entry.id))\"><summary>\(h(t("填写 ", "Edit ") + entry.id))</summary>"
        out +=
            "<form method=\"post\" action=\"\(h(data.base))/plan/\(h(entry.id))\"><input type=\"hidden\" name=\"version\" value=\"\(version)\">"
        out +=
            "<label for=\"\(h(p))-owner\">\(h(t("负责人", "Owner")))</label><input type=\"text\" id=\"\(h(p))-owner\" name=\"owner\" value=\"\(h(entry.owner ?? ""))\" placeholder=\"\(h(entry.ownerRole?.text(t.language) ?? ""))\">"
        out +=
            "<label for=\"\(h(p))-due\">\(h(t("期限", "Due")))</label><input type=\"date\" id=\"\(h(p))-due\" name=\"due\" value=\"\(h(entry.due?.description ?? ""))\">"
        out +=
            "<label for=\"\(h(p))-status\">\(h(t("状态", "Status")))</label><select id=\"\(h(p))-status\" name=\"status\">"
        for status in PlanAction.Status.allCases {
            out +=
                "<option value=\"\(status.rawValue)\"\(entry.status == status ? " selected" : "")>\(h(statusName(status)))</option>"
        }
        out += "</select>"
        for (key, zh, en, value) in [
            ("root_cause", "问题根源分析", "Root cause", entry.rootCause), ("measures", "改进措施", "Measures", entry.measures),
            ("progress", "进展", "Progress", entry.progress),
        ] {
            out +=
                "<label for=\"\(h(p))-\(key)\">\(h(t(zh, en)))</label><textarea id=\"\(h(p))-\(key)\" name=\"\(key)\">\(h(value ?? ""))</textarea>"
        }
        out +=
            "<label for=\"\(h(p))-completed\">\(h(t("完成日期", "Completed on")))</label><input type=\"date\" id=\"\(h(p))-completed\" name=\"completed\" value=\"\(h(entry.completed?.description ?? ""))\">"
        return out + "<p><button type=\"submit\">\(h(t("保存", "Save")))</button></p></form></details>\n"
    }

    func page(_ body: String) -> String {
        PageShell.page(
            title: t("改进计划", "Improvement plan") + " — " + data.snapshot.assessment.organisationName, t: t,
            path: "/a/\(data.id)/plan", crumbs: data.crumbs + [.init(title: data.title, href: data.base)],
            tabs: data.tabs("/plan"), body: body)
    }
}

/// The review page: keep this assessment's result, pick a kept result to review against (and whose plan), see
/// the decision and its reasons, record it.
struct ReviewPage {
    let data: AssessmentPageData
    let kept: [StoredResult]
    let plans: [AssessmentSummary]
    var t: PageText { data.t }

    func render(previous: String?, review: (Review, String)?, notice: String? = nil, error: APIError? = nil) -> String {
        var body = notice.map { PageShell.notice($0) } ?? ""
        if let error { body += PageShell.problems(error, t: t) }
        body += "<section class=\"card\"><h2>\(h(t("保存本次结果", "Keep this result")))</h2><p>"
        body +=
            h(
                t(
                    "保存后，它可作为以后监督评审的上次结果，并出现在历史中。",
                    "A kept result can be the previous result of a later review, and shows in the history.")) + "</p>"
        body +=
            "<form method=\"post\" action=\"\(h(data.base))/keep\"><button type=\"submit\">\(h(t("保存结果", "Keep the result")))</button></form></section>\n"
        let candidates = kept.filter { $0.assessmentId != data.id }
        body += "<section class=\"card\"><h2>\(h(t("与上次结果比较", "Review against a previous result")))</h2>"
        if candidates.isEmpty {
            body +=
                "<p class=\"meta\">\(h(t("本组织还没有可比较的已保存结果。", "The organisation has no other kept result to review against.")))</p>"
        } else {
            body +=
                "<form method=\"get\" action=\"\(h(data.base))/review\"><label for=\"previous\">\(h(t("上次结果", "Previous result")))</label><select id=\"previous\" name=\"previous\">"
            for result in candidates.reversed() {
                body +=
                    "<option value=\"\(h(result.id))\"\(result.id == previous ? " selected" : "")>\(h(result.date)) · \(h(result.assessmentKind)) · \(h(result.rating))\(result.decision.map { " · " + h($0) } ?? "")</option>"
            }
            body +=
                "</select><label for=\"plan-of\">\(h(t("计划进展取自", "Plan progress from")))</label><select id=\"plan-of\" name=\"plan\"><option value=\"\">\(h(t("上次结果的评估的计划", "the previous result's assessment's plan")))</option>"
            for item in plans { body += "<option value=\"\(h(item.id))\">\(h(item.date)) \(h(item.kind))</option>" }
            body +=
                "</select><p><button type=\"submit\" class=\"secondary\">\(h(t("预览决定", "Preview the decision")))</button></p></form>"
        }
        body += "</section>\n"
        if let (review, planId) = review, let previous {
            body +=
                "<section class=\"card\" id=\"decision\"><h2>\(h(t("决定（审核组建议）", "Decision (the audit team's recommendation)")))</h2>"
            body +=
                "<p class=\"levelnow\" data-decision=\"\(h(review.decision.rawValue))\">\(h(review.decision.rawValue))</p>"
            body +=
                "<p>"
                + h(
                    t(
                        "评级 \(review.previous.rating) → \(review.current.rating)；下次评审 \(review.nextReview)",
                        "Rating \(review.previous.rating) → \(review.current.rating); next review \(review.nextReview)")
                ) + "</p>"
            let markdown =
                Reports.review.render(
                    ReviewContext(review: review, catalog: data.catalog, language: t.language), as: .text) ?? ""
            body +=
                "<details open><summary>\(h(t("理由与全部规则", "Reasons and every rule")))</summary><pre class=\"text\">\(h(markdown))</pre></details>"
            body +=
                "<form method=\"post\" action=\"\(h(data.base))/review\"><input type=\"hidden\" name=\"previous\" value=\"\(h(previous))\">"
            body +=
                "<input type=\"hidden\" name=\"plan\" value=\"\(h(planId))\"><button type=\"submit\">\(h(t("记录此评审", "Record this review")))</button></form></section>\n"
        }
        return PageShell.page(
            title: t("监督评审", "Surveillance review") + " — " + data.snapshot.assessment.organisationName, t: t,
            path: "/a/\(data.id)/review", crumbs: data.crumbs + [.init(title: data.title, href: data.base)],
            tabs: data.tabs("/review"), body: body)
    }
}

/// Reports and downloads: the report in every format, the plan for spreadsheets and calendars, the folder.
struct DownloadsPage {
    let data: AssessmentPageData
    let hasPlan: Bool
    var t: PageText { data.t }

    func render() -> String {
        let api = "/api/v1/assessments/\(data.id)"
        let lang = t.language.rawValue
        var body = "<section class=\"card\"><h2>\(h(t("评估报告", "Assessment report")))</h2><ul>"
        for (format, name) in [
            ("html", t("网页报告（可打印）", "HTML report (prints on A4)")), ("md", "Markdown"),
            ("json", t("结果 JSON（与命令行相同）", "Result JSON (as the command line writes it)")),
            ("text", t("纯文本", "Plain text")),
        ] {
            body += "<li><a href=\"\(api)/result?format=\(format)&amp;lang=\(lang)\">\(h(name))</a></li>"
        }
        body += "</ul></section>\n<section class=\"card\"><h2>\(h(t("改进计划", "Improvement plan")))</h2>"
        if hasPlan {
            body += "<ul>"
            for (format, name) in [
                ("csv", t("CSV（电子表格）", "CSV (spreadsheets)")), ("ics", t("ICS（日历）", "ICS (calendars)")),
                ("yaml", "plan.yaml"), ("md", "Markdown"), ("html", t("网页", "HTML")),
            ] {
                body += "<li><a href=\"\(api)/plan?format=\(format)&amp;lang=\(lang)\">\(h(name))</a></li>"
            }
            body += "</ul>"
        } else {
            body += "<p class=\"meta\">\(h(t("尚未生成计划。", "No plan yet.")))</p>"
        }
        body += "</section>\n" + WorkbookLinks(data: data, hasPlan: hasPlan).render()
        body += "<section class=\"card\"><h2>\(h(t("评估文件夹", "Assessment folder")))</h2>"
        body += "<p><a class=\"button\" href=\"\(api)/export\">\(h(t("下载 zip", "Download the zip")))</a></p>"
        body +=
            "<p class=\"meta\">\(h(t("解压后可用命令行处理：maturity assess assessment.yaml", "Unzipped, the command line reads it: maturity assess assessment.yaml")))</p></section>"
        return PageShell.page(
            title: t("报告与下载", "Reports and downloads") + " — " + data.snapshot.assessment.organisationName, t: t,
            path: "/a/\(data.id)/downloads", crumbs: data.crumbs + [.init(title: data.title, href: data.base)],
            tabs: data.tabs("/downloads"), body: body)
    }
}
