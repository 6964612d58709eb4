import Foundation
import MaturityCore
import MaturityReports
import MaturityStore

/// The home page (organisations and their assessments, new organisation, import) and an organisation's page
/// (its assessments, a new one from a catalog, kept results).
struct HomePages {
    let store: Store
    let engine: ServerEngine

    /// Rating name and overall score of an assessment revision, for lists (kept per revision); `settled` is
    /// false when it could not be found out this time (the database failed), so what shows it is not kept.
    func summary(_ item: AssessmentSummary, language: Language) async
        -> (summary: (rating: String, overall: Double?)?, settled: Bool)
    {
        let key = "\(item.id)|\(item.revision)|\(language.rawValue)"
        if let cached = await engine.summaries.get(key) { return (cached, true) }
        guard let snapshot = try? await store.assessments.get(item.id),
            let catalog = try? await engine.catalog(id: snapshot.assessment.catalog)
        else { return (nil, false) }
        let scored: ScoredAssessment
        do {
            scored = try await engine.scored(snapshot)
        } catch is ScoringError {
            // Its inputs no longer score at this revision: remembered too, or a page listing many such
            // assessments would score them all again on every visit.
            await engine.summaries.set(key, nil)
            return (nil, true)
        } catch {
            return (nil, false)
        }
        let summary = (catalog.ratingName(scored.result.rating, language), scored.result.overall)
        await engine.summaries.set(key, summary)
        return (summary, true)
    }

    func assessmentRows(_ list: [AssessmentSummary], t: PageText) async -> String {
        var settled = true
        return await assessmentRows(list, t: t, settled: &settled)
    }

    /// The table of `list`; `settled` is set to false when a rating could not be found out this time.
    func assessmentRows(_ list: [AssessmentSummary], t: PageText, settled: inout Bool) async -> String {
        guard !list.isEmpty else { return "<p class=\"meta\">\(h(t("还没有评估。", "No assessments yet.")))</p>" }
        var out = "<table><thead><tr><th>\(h(t("日期", "Date")))</th><th>\(h(t("类型", "Kind")))</th>"
        out +=
            "<th>\(h(t("评级", "Rating")))</th><th class=\"num\">\(h(t("总分", "Overall")))</th><th>\(h(t("目录", "Catalog")))</th></tr></thead><tbody>"
        for item in list {
            let (summary, known) = await summary(item, language: t.language)
            if !known { settled = false }
            let kind = Assessment.Kind(rawValue: item.kind).map { kindName($0, t) } ?? item.kind
            out +=
                "<tr><td><a href=\"/\(t.language.rawValue)/a/\(h(item.id))\">\(h(item.date))</a></td><td>\(h(kind))</td>"
            out += "<td>\(h(summary?.rating ?? "—"))</td>"
            out +=
                "<td class=\"num\">\(summary?.overall.map { NumberText.fixed($0) } ?? "—")</td><td>\(h(item.catalogReference))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    func kindName(_ kind: Assessment.Kind, _ t: PageText) -> String {
        switch kind {
        case .selfAssessment: t("自评", "self-assessment")
        case .audit: t("现场审核", "audit")
        case .surveillance: t("监督审核", "surveillance")
        case .special: t("特殊审核", "special audit")
        }
    }

    func home(t: PageText, query: String?, notice: String?, error: APIError? = nil) async throws -> String {
        let organisations = try await store.organisations.list(search: query, limit: 20)
        let assessments = try await store.assessments.list(organisations: organisations.map(\.id))
        guard notice == nil, error == nil else {
            var settled = true
            return try await home(
                t: t, query: query, organisations, assessments, notice: notice, error: error, &settled)
        }
        // Kept whole for the same search, organisations (a rename raises the version) and assessment revisions
        // (a rating is kept per revision): rendering the rows was most of the page's time once its queries were
        // two. Rendered without the session's form token, put in per request.
        var key = "home|\(t.language.rawValue)|\(query?.utf8.count ?? -1):\(query ?? "")"
        for organisation in organisations {
            key += "|\(organisation.id)@\(organisation.version)"
            for item in assessments[organisation.id] ?? [] { key += ",\(item.id)@\(item.revision)" }
        }
        if let kept = await engine.pages.get(key) { return PageShell.withFormToken(kept) }
        var tokenless = Principal.current
        tokenless.csrf = nil
        var settled = true
        let page = try await Principal.$current.withValue(tokenless) {
            try await home(t: t, query: query, organisations, assessments, notice: nil, error: nil, &settled)
        }
        if settled { await engine.pages.set(key, page) }
        return PageShell.withFormToken(page)
    }

    func home(
        t: PageText, query: String?, _ organisations: [OrganisationSummary],
        _ assessments: [String: [AssessmentSummary]],
        notice: String?, error: APIError?, _ settled: inout Bool
    ) async throws -> String {
        let lang = t.language.rawValue
        var body = notice.map { PageShell.notice($0) } ?? ""
        if let error { body += PageShell.problems(error, t: t) }
        body += "<section class=\"card\"><form method=\"get\" action=\"/\(lang)/\" role=\"search\">"
        body += "<label for=\"q\">\(h(t("查找组织", "Find an organisation")))</label>"
        body += "<div class=\"row\"><input type=\"search\" id=\"q\" name=\"q\" value=\"\(h(query ?? ""))\">"
        body += "<button type=\"submit\">\(h(t("查找", "Search")))</button></div></form></section>\n"
        if organisations.isEmpty {
            body +=
                "<p class=\"meta\">\(h(query == nil ? t("还没有组织：新建一个，或导入评估文件夹。", "No organisations yet: add one, or import an assessment folder.") : t("没有匹配的组织。", "No organisation matches.")))</p>"
        }
        for organisation in organisations {
            body +=
                "<section class=\"card\"><h2><a href=\"/\(lang)/o/\(h(organisation.id))\">\(h(organisation.name))</a></h2>"
            body += await assessmentRows(assessments[organisation.id] ?? [], t: t, settled: &settled)
            body += "</section>\n"
        }
        body += "<div class=\"grid2\"><section class=\"card\"><h2>\(h(t("新建组织", "New organisation")))</h2>"
        body += "<form method=\"post\" action=\"/\(lang)/organisations\">"
        body +=
            "<label for=\"org-name\">\(h(t("组织名称", "Name")))</label><input type=\"text\" id=\"org-name\" name=\"name\" required maxlength=\"500\">"
        body +=
            "<label for=\"org-site\">\(h(t("场所（可选）", "Site (optional)")))</label><input type=\"text\" id=\"org-site\" name=\"site\" maxlength=\"500\">"
        body += "<p><button type=\"submit\">\(h(t("新建", "Add")))</button></p></form></section>\n"
        body += importForm(t: t, organisation: nil)
        body += "</div>"
        return PageShell.page(
            title: t("组织与评估", "Organisations and assessments"), t: t, path: "/", body: body)
    }

    func importForm(t: PageText, organisation: String?) -> String {
        let lang = t.language.rawValue
        var out = "<section class=\"card\"><h2>\(h(t("导入评估文件夹", "Import an assessment folder")))</h2>"
        out += "<form method=\"post\" action=\"/\(lang)/import\" enctype=\"multipart/form-data\">"
        if let organisation { out += "<input type=\"hidden\" name=\"organisation\" value=\"\(h(organisation))\">" }
        out +=
            "<label for=\"import-zip\">\(h(t("文件夹的 zip（assessment.yaml、证据、可选 plan.yaml）", "The folder as a zip (assessment.yaml, evidence, optionally plan.yaml)")))</label>"
        out += "<input type=\"file\" id=\"import-zip\" name=\"zip\" accept=\".zip,application/zip\" required>"
        out += "<p><button type=\"submit\">\(h(t("导入", "Import")))</button></p></form>\n"
        return out + WorksheetUpload.form(t: t, organisation: organisation) + "</section>\n"
    }

    func organisation(_ id: String, t: PageText, notice: String?, error: APIError? = nil) async throws -> String {
        let lang = t.language.rawValue
        let organisation = try await store.organisations.get(id)
        // Only what the signed-in user may open: an auditor sees the audits assigned, not the rest.
        let principal = Principal.current
        let assessments = try await store.assessments.list(organisation: id).filter {
            let facts = AssessmentFacts(id: $0.id, organisationId: id, kind: $0.kind, auditor: nil)
            return principal.decide(.read, organisation: id, assessment: facts) == .allow
        }
        var body = notice.map { PageShell.notice($0) } ?? ""
        if let error { body += PageShell.problems(error, t: t) }
        body += "<section class=\"card\"><h2>\(h(t("评估", "Assessments")))</h2>"
        body += await assessmentRows(assessments, t: t)
        body += "</section>\n"
        let catalogs = try await store.catalogs.list()
        body += "<div class=\"grid2\"><section class=\"card\"><h2>\(h(t("新建评估", "New assessment")))</h2>"
        body += "<form method=\"post\" action=\"/\(lang)/o/\(h(id))/assessments\">"
        body +=
            "<label for=\"new-catalog\">\(h(t("评价目录", "Catalog")))</label><select id=\"new-catalog\" name=\"catalog\">"
        for catalog in catalogs {
            body +=
                "<option value=\"\(h(catalog.id))\">\(h(catalog.title)) (\(h(catalog.catalogId)) \(h(catalog.catalogVersion)))</option>"
        }
        body += "</select><label for=\"new-kind\">\(h(t("类型", "Kind")))</label><select id=\"new-kind\" name=\"kind\">"
        for kind in Assessment.Kind.allCases {
            body += "<option value=\"\(kind.rawValue)\">\(h(kindName(kind, t)))</option>"
        }
        body +=
            "</select><label for=\"new-from\">\(h(t("从已有评估开始（自评的声称、证据与指标；可选）", "Start from an earlier assessment: its claims, evidence and KPI values (optional)")))</label>"
        body += "<select id=\"new-from\" name=\"from\"><option value=\"\">\(h(t("— 空白 —", "— blank —")))</option>"
        for item in assessments {
            let kind = Assessment.Kind(rawValue: item.kind).map { kindName($0, t) } ?? item.kind
            body += "<option value=\"\(h(item.id))\">\(h(kind)) \(h(item.date))</option>"
        }
        body +=
            "</select><label for=\"new-date\">\(h(t("评估日期", "Date")))</label><input type=\"date\" id=\"new-date\" name=\"date\" required value=\"\(Day.today)\">"
        body +=
            "<label for=\"new-assessor\">\(h(t("评估人", "Assessor")))</label><input type=\"text\" id=\"new-assessor\" name=\"assessor\" maxlength=\"200\">"
        body +=
            "<label for=\"new-auditor\">\(h(t("审核员（审核时填写）", "Auditor (for audits)")))</label><input type=\"text\" id=\"new-auditor\" name=\"auditor\" maxlength=\"200\">"
        body += "<p><button type=\"submit\">\(h(t("新建评估", "Create")))</button></p></form></section>\n"
        body += importForm(t: t, organisation: id)
        body += "</div>"
        let results =
            principal.decide(.read, organisation: id) == .allow ? try await store.results.list(organisation: id) : []
        body += "<section class=\"card\"><h2>\(h(t("已保存的结果与评审", "Kept results and reviews")))</h2>"
        if results.isEmpty {
            body +=
                "<p class=\"meta\">\(h(t("还没有保存的结果。在评估的“监督评审”页保存结果。", "No kept results yet. Keep a result on an assessment's Review page.")))</p>"
        } else {
            body +=
                "<p><a href=\"/\(lang)/o/\(h(id))/history\">\(h(t("历史趋势报告", "History report")))</a></p><table><thead><tr><th>\(h(t("日期", "Date")))</th><th>\(h(t("类型", "Kind")))</th><th>\(h(t("评级", "Rating")))</th><th>\(h(t("决定", "Decision")))</th><th>JSON</th></tr></thead><tbody>"
            for result in results {
                body +=
                    "<tr><td>\(h(result.date))</td><td>\(h(result.kind == "review" ? t("评审", "review") : t("结果", "result"))) · \(h(result.assessmentKind))</td>"
                body +=
                    "<td>\(h(result.rating))</td><td>\(h(result.decision ?? "—"))</td><td><a href=\"/api/v1/results/\(h(result.id))\">\(h(t("下载", "download")))</a></td></tr>"
            }
            body += "</tbody></table>"
        }
        body += "</section>"
        return PageShell.page(
            title: organisation.name, t: t, path: "/o/\(id)",
            crumbs: [.init(title: t("首页", "Home"), href: "/\(lang)/")], body: body)
    }
}
