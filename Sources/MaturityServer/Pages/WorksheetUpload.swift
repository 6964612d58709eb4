import Foundation
import Hummingbird
import MaturityCore

/// The upload of a filled worksheet (xlsx), beside the zip import on the home and organisation pages: it creates
/// the assessment as `maturity import` would, or shows every problem at its cell, in the page's language.
enum WorksheetUpload {
    static func form(t: PageText, organisation: String?) -> String {
        let lang = t.language.rawValue
        var out = "<h3>\(h(t("导入填好的工作表（xlsx）", "Import a filled worksheet (xlsx)")))</h3>"
        out += "<form method=\"post\" action=\"/\(lang)/import/worksheet\" enctype=\"multipart/form-data\">"
        if let organisation { out += "<input type=\"hidden\" name=\"organisation\" value=\"\(h(organisation))\">" }
        out +=
            "<label for=\"import-worksheet\">\(h(t("在 Excel、WPS 或 LibreOffice 中填好的自评表、审核检查表或结果工作簿", "A self-assessment worksheet, audit checklist or result workbook filled in Excel, WPS or LibreOffice")))</label>"
        out +=
            "<input type=\"file\" id=\"import-worksheet\" name=\"worksheet\" required accept=\".xlsx,\(WorkbookController.contentType)\">"
        out += "<p><button type=\"submit\">\(h(t("导入工作表", "Import the worksheet")))</button></p></form>\n"
        return out
    }
}

extension PagesController {
    var workbooks: WorkbookController {
        WorkbookController(store: store, engine: engine, configuration: configuration)
    }

    @Sendable func importWorksheet(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context, limit: configuration.maximumUploadBytes + (1 << 20))
        let organisation = form["organisation"]
        do {
            guard let file = form.files["worksheet"], !file.data.isEmpty else {
                throw APIError(.unprocessableContent, t("请选择 xlsx 工作表。", "Choose the worksheet (xlsx)."))
            }
            let created = try await workbooks.importWorkbook(
                file.data, named: EvidencePages.safeName(file.filename), organisationId: organisation,
                language: t.language)
            return PageShell.redirect("/\(t.language.rawValue)/a/\(created.id)?saved=imported")
        } catch let error as APIError where error.status == .unprocessableContent {
            // The page the upload came from, with every problem: nothing was stored.
            if let organisation {
                return PageShell.response(
                    try await homes.organisation(organisation, t: t, notice: nil, error: error), status: .ok)
            }
            return PageShell.response(try await homes.home(t: t, query: nil, notice: nil, error: error), status: .ok)
        }
    }
}

/// The downloads page's workbooks: the worksheet (self-assessment) or checklist (audit), the result and the plan,
/// in the page's language, each the bytes the command line writes for the exported folder.
struct WorkbookLinks {
    let data: AssessmentPageData
    let hasPlan: Bool
    var t: PageText { data.t }

    func render() -> String {
        var body = "<section class=\"card\"><h2>\(h(t("Excel / WPS 工作簿（xlsx）", "Excel / WPS workbooks (xlsx)")))</h2>"
        guard !data.catalog.isPoints else {
            return body
                + "<p class=\"meta\">\(h(t("按分值评分的目录没有工作簿。", "A catalog scored in points has no workbooks.")))</p></section>\n"
        }
        let export = "/api/v1/assessments/\(data.id)/export?format=xlsx&amp;lang=\(t.language.rawValue)&amp;sheet="
        var links: [(WorkbookController.Sheet, String)] =
            data.isAudit
            ? [(.checklist, t("审核检查表：填写审核等级", "Audit checklist: fill in the audited levels"))]
            : [(.worksheet, t("自评表：填写自评等级，再在首页导入", "Self-assessment worksheet: fill in the claims, then import it"))]
        links.append((.result, t("评估结果：各领域与评价项的等级和得分", "Result: levels and scores of domains and criteria")))
        if hasPlan { links.append((.plan, t("改进计划（逾期标红）", "Improvement plan (overdue marked)"))) }
        body += "<ul>"
        for (sheet, name) in links {
            body += "<li><a href=\"\(export)\(sheet.rawValue)\" download=\"\(sheet.filename)\">\(h(name))</a></li>"
        }
        return body + "</ul></section>\n"
    }
}
