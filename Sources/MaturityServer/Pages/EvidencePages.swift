import Foundation
import MaturityCore
import MaturityReports
import MaturityStore

/// The evidence register: every item with its file, validity on the assessment date and the criteria citing
/// it; each item edited on its own, a new one uploaded with its file.
struct EvidencePages {
    let data: AssessmentPageData
    var t: PageText { data.t }

    /// The fields of an evidence item, for the upload form and each item's edit form.
    static func itemFields(data: AssessmentPageData, prefix: String, item: EvidenceRecord?) -> String {
        let t = data.t
        var out =
            "<label for=\"\(prefix)-kind\">\(h(t("证据类型", "Kind")))</label><select id=\"\(prefix)-kind\" name=\"kind\">"
        for kind in data.catalog.knownEvidenceKinds {
            out +=
                "<option value=\"\(h(kind))\"\(item?.kind == kind ? " selected" : "")>\(h(data.context.evidenceKindTitle(kind)))</option>"
        }
        out += "</select>"
        out +=
            "<label for=\"\(prefix)-title\">\(h(t("标题", "Title")))</label><input type=\"text\" id=\"\(prefix)-title\" name=\"title\" required maxlength=\"2000\" value=\"\(h(item?.title ?? ""))\">"
        out +=
            "<label for=\"\(prefix)-date\">\(h(t("日期", "Date")))</label><input type=\"date\" id=\"\(prefix)-date\" name=\"date\" value=\"\(h(item?.date ?? ""))\">"
        out +=
            "<label for=\"\(prefix)-until\">\(h(t("有效期至（可选）", "Valid until (optional)")))</label><input type=\"date\" id=\"\(prefix)-until\" name=\"valid_until\" value=\"\(h(item?.validUntil ?? ""))\">"
        let others = data.snapshot.evidence.filter { $0.item != item?.item }
        out +=
            "<label for=\"\(prefix)-by\">\(h(t("被以下证据取代（可选）", "Superseded by (optional)")))</label><select id=\"\(prefix)-by\" name=\"superseded_by\">"
        out += "<option value=\"\">—</option>"
        for other in others {
            out +=
                "<option value=\"\(h(other.item))\"\(item?.supersededBy == other.item ? " selected" : "")>\(h(other.item)) \(h(other.title))</option>"
        }
        return out + "</select>"
    }

    /// The register; `editing` opens one item's form at the top (one form, so the page stays small however
    /// long the register is).
    func render(notice: String? = nil, error: APIError? = nil, editing: String? = nil) -> String {
        var body = notice.map { PageShell.notice($0) } ?? ""
        if let error { body += PageShell.problems(error, t: t) }
        if let editing, let item = data.snapshot.evidenceItem(editing) {
            body += "<section class=\"card\" id=\"edit\"><h2>\(h(t("修改 ", "Edit ") + item.item))</h2>"
            body += "<form method=\"post\" action=\"\(h(data.base))/evidence/\(h(item.item))\">"
            body += "<input type=\"hidden\" name=\"version\" value=\"\(item.version)\">"
            body += Self.itemFields(data: data, prefix: "edit", item: item)
            body += "<p class=\"row\"><button type=\"submit\">\(h(t("保存", "Save")))</button>"
            body += "<a class=\"button secondary\" href=\"\(h(data.base))/evidence\">\(h(t("取消", "Cancel")))</a>"
            body += "</p></form></section>\n"
        }
        let validity = data.validity
        var citing: [String: [String]] = [:]
        for entry in data.snapshot.criteria {
            for item in entry.evidence { citing[item, default: []].append(entry.criterion) }
        }
        body +=
            "<section class=\"card\"><table id=\"register\"><thead><tr><th>\(h(t("编号", "ID")))</th><th>\(h(t("类型", "Kind")))</th>"
        body += "<th>\(h(t("标题", "Title")))</th><th>\(h(t("日期", "Date")))</th><th>\(h(t("有效性", "Validity")))</th>"
        body += "<th>\(h(t("引用于", "Cited by")))</th><th>\(h(t("文件", "File")))</th></tr></thead><tbody>"
        for item in data.snapshot.evidence {
            body +=
                "<tr id=\"item-\(h(item.item))\"><td><a href=\"\(h(data.base))/evidence?edit=\(h(item.item))#edit\">"
                + "\(h(item.item))</a></td><td>\(h(data.context.evidenceKindTitle(item.kind)))</td>"
            body += "<td class=\"text\">\(h(item.title))</td><td class=\"date\">\(h(item.date ?? "—"))</td>"
            body += "<td>\(data.validityBadge(item.item, validity[item.item]))</td>"
            body +=
                "<td>"
                + (citing[item.item] ?? []).map { "<a href=\"\(h(data.base))/c/\(h($0))\">\(h($0))</a>" }.joined(
                    separator: " ") + "</td><td>"
            if let file = item.file {
                body +=
                    "<a href=\"/api/v1/assessments/\(h(data.id))/file?path=\(h(file.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? file))\">\(h((file as NSString).lastPathComponent))</a>"
            }
            body += "</td></tr>"
        }
        body += "</tbody></table></section>\n"
        body += "<section class=\"card\"><h2>\(h(t("新增证据", "Add evidence")))</h2>"
        body += "<form method=\"post\" action=\"\(h(data.base))/evidence\" enctype=\"multipart/form-data\">"
        body += Self.itemFields(data: data, prefix: "new", item: nil)
        body +=
            "<label for=\"new-file\">\(h(t("文件", "File")))</label><input type=\"file\" id=\"new-file\" name=\"file\">"
        body += "<p><button type=\"submit\">\(h(t("新增", "Add")))</button></p></form></section>\n"
        return PageShell.page(
            title: t("证据清单", "Evidence register") + " — " + data.snapshot.assessment.organisationName, t: t,
            path: "/a/\(data.id)/evidence", crumbs: data.crumbs + [.init(title: data.title, href: data.base)],
            tabs: data.tabs("/evidence"), body: body)
    }

    /// The next free evidence id: E01, E02, … after the highest number in use.
    static func nextId(_ snapshot: AssessmentSnapshot) -> String {
        let numbers = snapshot.evidence.compactMap { Int($0.item.drop { !$0.isNumber }) }
        let next = (numbers.max() ?? 0) + 1
        return "E" + (next < 10 ? "0\(next)" : "\(next)")
    }

    /// A file name made safe as a path in the folder: no separators or control characters.
    static func safeName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent
        let cleaned = String(
            base.unicodeScalars.filter { $0.value >= 0x20 && !"/\\:*?\"<>|".unicodeScalars.contains($0) }
        )
        .trimmingCharacters(in: .whitespaces)
        let limited = String(cleaned.prefix(120))
        return limited.isEmpty || limited.hasPrefix(".") ? "file" + limited : limited
    }
}

/// The KPI page: typed values (each saved on its own), the values computed from the ticket export with counts
/// and the rows left out, and the upload of a ticket export with its mapping.
struct KPIPage {
    let data: AssessmentPageData
    let measurement: TicketMeasurement?
    var t: PageText { data.t }

    func render(notice: String? = nil, error: APIError? = nil) -> String {
        var body = notice.map { PageShell.notice($0) } ?? ""
        if let error { body += PageShell.problems(error, t: t) }
        let measured = data.catalog.criteria.compactMap { $0.metric?.kpi }
        var ids: [String] = []
        for id in measured + data.snapshot.metrics.map(\.kpi) where !ids.contains(id) { ids.append(id) }
        let values = Dictionary(data.scored.loaded.kpis.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        body +=
            "<section class=\"card\"><h2>\(h(t("指标值", "KPI values")))</h2><table id=\"kpis\"><thead><tr><th>\(h(t("指标", "KPI")))</th>"
        body +=
            "<th class=\"num\">\(h(t("值", "Value")))</th><th>\(h(t("来源", "Source")))</th><th>\(h(t("衡量的评价项", "Measures")))</th><th>\(h(t("录入", "Enter")))</th></tr></thead><tbody>"
        for id in ids {
            let value = values[id]
            let record = data.snapshot.metrics.first { $0.kpi == id }
            let criteria = data.catalog.criteria.filter { $0.metric?.kpi == id }.map(\.id)
            body += "<tr><td>\(h(data.context.kpiTitle(id)))<br><small class=\"meta\">\(h(id))</small></td>"
            body += "<td class=\"num\">\(value.map { h(data.context.kpiValue($0.value, kpi: id)) } ?? "—")</td><td>"
            if let value {
                if case .tickets = value.source {
                    body += h(t("工单导出", "ticket export"))
                } else {
                    body += h(t("录入", "typed"))
                }
            }
            body +=
                "</td><td>"
                + criteria.map { "<a href=\"\(h(data.base))/c/\(h($0))\">\(h($0))</a>" }.joined(separator: " ")
                + "</td><td>"
            let computed: Bool = if case .tickets? = value?.source { true } else { false }
            if !computed {
                body +=
                    "<form method=\"post\" action=\"\(h(data.base))/kpis\" class=\"row\"><input type=\"hidden\" name=\"kpi\" value=\"\(h(id))\">"
                body += "<input type=\"hidden\" name=\"version\" value=\"\(record?.version ?? 0)\">"
                body += "<label for=\"kpi-\(h(id))\" style=\"margin:0\">\(h(t("值", "Value")))</label>"
                body +=
                    "<input type=\"number\" step=\"any\" id=\"kpi-\(h(id))\" name=\"value\" value=\"\(record.map { AssessmentYAMLWriter.number($0.value) } ?? "")\" style=\"max-width:140px\">"
                body += "<button type=\"submit\">\(h(t("保存", "Save")))</button></form>"
            }
            body += "</td></tr>"
        }
        body += "</tbody></table></section>\n"
        if let measurement {
            body +=
                "<section class=\"card\" id=\"tickets\"><h2>\(h(t("工单导出", "Ticket export"))): \(h(measurement.file))</h2>"
            body +=
                "<p>"
                + h(
                    t(
                        "共 \(measurement.rows) 行，\(measurement.tickets) 张工单，剔除 \(measurement.rowsLeftOut) 行。",
                        "\(measurement.rows) rows, \(measurement.tickets) tickets, \(measurement.rowsLeftOut) rows left out."
                    )) + "</p>"
            body +=
                "<table><thead><tr><th>\(h(t("指标", "KPI")))</th><th class=\"num\">\(h(t("值", "Value")))</th><th class=\"num\">\(h(t("计入工单数", "Over tickets")))</th></tr></thead><tbody>"
            for value in measurement.values {
                body +=
                    "<tr><td>\(h(data.context.kpiTitle(value.id)))</td><td class=\"num\">\(value.value.map { h(data.context.kpiValue($0, kpi: value.id)) } ?? "—")</td><td class=\"num\">\(value.over)</td></tr>"
            }
            body += "</tbody></table>"
            let problems = measurement.problems.prefix(50)
            if !problems.isEmpty {
                body += "<h3>\(h(t("剔除的行", "Rows left out")))</h3><ul>"
                for problem in problems {
                    body +=
                        "<li>" + (problem.location.map { "<code>\(h($0.description))</code> " } ?? "")
                        + h(problem.message) + "</li>"
                }
                body += "</ul>"
            }
            body += "</section>\n"
        }
        body += "<section class=\"card\"><h2>\(h(t("上传工单导出", "Upload a ticket export")))</h2>"
        body += "<form method=\"post\" action=\"\(h(data.base))/tickets\" enctype=\"multipart/form-data\">"
        body += "<input type=\"hidden\" name=\"version\" value=\"\(data.snapshot.assessment.version)\">"
        body +=
            "<label for=\"tickets-file\">\(h(t("工单导出（CSV）", "Ticket export (CSV)")))</label><input type=\"file\" id=\"tickets-file\" name=\"export\" accept=\".csv,text/csv\" required>"
        body +=
            "<label for=\"tickets-mapping\">\(h(t("字段映射（YAML，可选）", "Column mapping (YAML, optional)")))</label><input type=\"file\" id=\"tickets-mapping\" name=\"mapping\" accept=\".yaml,.yml\">"
        body += "<p><button type=\"submit\">\(h(t("上传并计算", "Upload and compute")))</button></p></form></section>\n"
        return PageShell.page(
            title: t("指标", "KPIs") + " — " + data.snapshot.assessment.organisationName, t: t,
            path: "/a/\(data.id)/kpis",
            crumbs: data.crumbs + [.init(title: data.title, href: data.base)], tabs: data.tabs("/kpis"), body: body)
    }
}

/// The findings of an audit: each with grade, criterion, text, due date and status, edited on its own; a new one.
struct FindingsPage {
    let data: AssessmentPageData
    var t: PageText { data.t }

    func fields(prefix: String, finding: FindingRecord?) -> String {
        var out =
            "<label for=\"\(prefix)-grade\">\(h(t("等级", "Grade")))</label><select id=\"\(prefix)-grade\" name=\"grade\">"
        for grade in FindingGrade.allCases {
            out +=
                "<option value=\"\(grade.rawValue)\"\(finding?.grade == grade.rawValue ? " selected" : "")>\(h(grade.rawValue))</option>"
        }
        out +=
            "</select><label for=\"\(prefix)-criterion\">\(h(t("评价项", "Criterion")))</label><select id=\"\(prefix)-criterion\" name=\"criterion\"><option value=\"\">—</option>"
        for criterion in data.catalog.criteria {
            out +=
                "<option value=\"\(h(criterion.id))\"\(finding?.criterion == criterion.id ? " selected" : "")>\(h(criterion.id)) \(h(criterion.name.text(t.language)))</option>"
        }
        out +=
            "</select><label for=\"\(prefix)-text\">\(h(t("内容", "Text")))</label><textarea id=\"\(prefix)-text\" name=\"text\" required>\(h(finding?.text ?? ""))</textarea>"
        out +=
            "<label for=\"\(prefix)-clause\">\(h(t("条款（可选）", "Clause (optional)")))</label><input type=\"text\" id=\"\(prefix)-clause\" name=\"clause\" value=\"\(h(finding?.clause ?? ""))\">"
        out +=
            "<label for=\"\(prefix)-evidence\">\(h(t("相关证据编号（逗号分隔）", "Evidence ids (comma-separated)")))</label><input type=\"text\" id=\"\(prefix)-evidence\" name=\"evidence\" value=\"\(h((finding?.evidence ?? []).joined(separator: ", ")))\">"
        out +=
            "<label for=\"\(prefix)-due\">\(h(t("整改期限（可选）", "Due (optional)")))</label><input type=\"date\" id=\"\(prefix)-due\" name=\"due\" value=\"\(h(finding?.due ?? ""))\">"
        out +=
            "<label for=\"\(prefix)-status\">\(h(t("状态", "Status")))</label><select id=\"\(prefix)-status\" name=\"status\">"
        for status in Finding.Status.allCases {
            out +=
                "<option value=\"\(status.rawValue)\"\(finding?.status == status.rawValue ? " selected" : "")>\(h(status == .open ? t("未关闭", "open") : t("已关闭", "closed")))</option>"
        }
        return out + "</select>"
    }

    func render(notice: String? = nil, error: APIError? = nil) -> String {
        var body = notice.map { PageShell.notice($0) } ?? ""
        if let error { body += PageShell.problems(error, t: t) }
        body +=
            "<section class=\"card\"><table id=\"findings\"><thead><tr><th>\(h(t("编号", "ID")))</th><th>\(h(t("等级", "Grade")))</th>"
        body +=
            "<th>\(h(t("评价项", "Criterion")))</th><th>\(h(t("内容", "Text")))</th><th>\(h(t("期限", "Due")))</th><th>\(h(t("状态", "Status")))</th></tr></thead><tbody>"
        if data.snapshot.findings.isEmpty {
            body += "<tr><td colspan=\"6\">\(h(t("没有审核发现。", "No findings.")))</td></tr>"
        }
        for finding in data.snapshot.findings {
            body +=
                "<tr><td>\(h(finding.finding))</td><td>\(h(finding.grade))</td><td>\(h(finding.criterion ?? "—"))</td>"
            body +=
                "<td class=\"text\">\(h(finding.text))</td><td class=\"date\">\(h(finding.due ?? "—"))</td><td>\(h(finding.status))</td></tr>"
        }
        body += "</tbody></table></section>\n"
        body +=
            "<section class=\"card\"><h2>\(h(t("新增审核发现", "Add a finding")))</h2><form method=\"post\" action=\"\(h(data.base))/findings\">"
        body += "<input type=\"hidden\" name=\"version\" value=\"0\">" + fields(prefix: "new", finding: nil)
        body += "<p><button type=\"submit\">\(h(t("新增", "Add")))</button></p></form></section>\n"
        for finding in data.snapshot.findings {
            body += "<details class=\"card\"><summary>\(h(t("修改 ", "Edit ") + finding.finding))</summary>"
            body += "<form method=\"post\" action=\"\(h(data.base))/findings/\(h(finding.finding))\">"
            body +=
                "<input type=\"hidden\" name=\"version\" value=\"\(finding.version)\">"
                + fields(prefix: "edit-\(finding.finding)", finding: finding)
            body += "<p><button type=\"submit\">\(h(t("保存", "Save")))</button></p></form></details>\n"
        }
        return PageShell.page(
            title: t("审核发现", "Findings") + " — " + data.snapshot.assessment.organisationName, t: t,
            path: "/a/\(data.id)/findings", crumbs: data.crumbs + [.init(title: data.title, href: data.base)],
            tabs: data.tabs("/findings"), body: body)
    }

    /// The next free finding id: F01, F02, …
    static func nextId(_ snapshot: AssessmentSnapshot) -> String {
        let numbers = snapshot.findings.compactMap { Int($0.finding.drop { !$0.isNumber }) }
        let next = (numbers.max() ?? 0) + 1
        return "F" + (next < 10 ? "0\(next)" : "\(next)")
    }
}
