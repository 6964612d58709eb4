import Foundation
import HTTPTypes
import Hummingbird
import MaturityCore
import MaturityReports
import MaturityStore

/// The workspace in the browser: `/zh/…` and `/en/…`, server-rendered pages whose forms post to the same
/// edits the API makes (versions checked, the engine's loader checking every save), working without script.
struct PagesController {
    let store: Store
    let engine: ServerEngine
    let configuration: ServerConfiguration

    var edits: PartEdit { PartEdit(store: store, engine: engine) }
    var plans: PlanController { PlanController(store: store, engine: engine) }
    var reviews: ReviewController { ReviewController(store: store, engine: engine) }
    var homes: HomePages { HomePages(store: store, engine: engine) }

    func addRoutes(to router: some RouterMethods<MaturityRequestContext>) {
        router.get("/") { request, _ -> Response in
            let accepted = (try? ReportOptions.language(request)) ?? .en
            return PageShell.redirect("/\(accepted.rawValue)/")
        }
        router.get(":lang", use: page(home))
        router.post(":lang/organisations", use: page(createOrganisation))
        router.post(":lang/import", use: page(importFolder))
        router.post(":lang/import/worksheet", use: page(importWorksheet))
        router.get(":lang/o/:organisation", use: page(organisation))
        router.post(":lang/o/:organisation/assessments", use: page(createAssessment))
        router.get(":lang/o/:organisation/history", use: page(history))
        router.get(":lang/a/:assessment", use: page(overview))
        router.get(":lang/a/:assessment/c/:criterion", use: page(criterion))
        router.post(":lang/a/:assessment/c/:criterion", use: page(saveCriterion))
        router.get(":lang/a/:assessment/evidence", use: page(evidence))
        router.post(":lang/a/:assessment/evidence", use: page(addEvidence))
        router.post(":lang/a/:assessment/evidence/:item", use: page(editEvidence))
        router.get(":lang/a/:assessment/kpis", use: page(kpis))
        router.post(":lang/a/:assessment/kpis", use: page(saveKPI))
        router.post(":lang/a/:assessment/tickets", use: page(uploadTickets))
        router.get(":lang/a/:assessment/findings", use: page(findings))
        router.post(":lang/a/:assessment/findings", use: page(saveFinding))
        router.post(":lang/a/:assessment/findings/:finding", use: page(saveFinding))
        router.get(":lang/a/:assessment/plan", use: page(plan))
        router.post(":lang/a/:assessment/plan", use: page(generatePlan))
        router.post(":lang/a/:assessment/plan/:action", use: page(editAction))
        router.get(":lang/a/:assessment/review", use: page(review))
        router.post(":lang/a/:assessment/review", use: page(recordReview))
        router.post(":lang/a/:assessment/keep", use: page(keep))
        router.get(":lang/a/:assessment/history", use: page(assessmentHistory))
        router.get(":lang/a/:assessment/downloads", use: page(downloads))
    }

    // A form shown again with its problems, or with a stale save's two versions, is answered 200: it is a
    // page asking the person something, and browsers log any 4xx page as an error.
    typealias Handler = @Sendable (Request, MaturityRequestContext, PageText) async throws -> Response

    /// A page route: the language from the path (404 for any other), refusals shown as a page, not JSON.
    func page(_ handler: @escaping Handler) -> @Sendable (Request, MaturityRequestContext) async throws -> Response {
        { request, context in
            let lang = context.parameters.get("lang") ?? ""
            guard let language = Language(rawValue: lang) else {
                throw APIError.notFound("no page '\(request.uri.path)'")
            }
            let t = PageText(language: language)
            do {
                return try await handler(request, context, t)
            } catch let error as APIError {
                return errorPage(error, t: t, path: request.uri.path)
            } catch let error as StoreError {
                return errorPage(APIError.from(error, language: language), t: t, path: request.uri.path)
            }
        }
    }

    func errorPage(_ error: APIError, t: PageText, path: String) -> Response {
        let body =
            PageShell.problems(error, t: t)
            + "<p><a href=\"/\(t.language.rawValue)/\">\(h(t("返回首页", "Back home")))</a></p>"
        let title = error.status == .notFound ? t("未找到", "Not found") : t("无法完成", "Could not be done")
        var response = PageShell.response(
            PageShell.page(title: title, t: t, path: "/", body: body), status: error.status)
        for field in error.headers where field.name != .eTag { response.headers.append(field) }
        return response
    }

    func data(_ context: MaturityRequestContext, _ t: PageText) async throws -> AssessmentPageData {
        try await AssessmentPageData.load(
            try context.parameters.require("assessment"), language: t.language, store: store, engine: engine)
    }

    func form(_ request: Request, _ context: MaturityRequestContext, limit: Int = 1 << 20) async throws -> FormData {
        try await FormData.read(request, context: context, limit: limit)
    }

    static func saved(_ request: Request, _ t: PageText) -> String? {
        switch request.uri.queryParameters["saved"].map(String.init) {
        case "1"?: t("已保存，已重新评分。", "Saved and re-scored.")
        case "kept"?: t("结果已保存。", "The result is kept.")
        case "review"?: t("评审已记录。", "The review is recorded.")
        case "imported"?: t("已导入。", "Imported.")
        case "plan"?: t("计划已更新，所有人的修改都保留。", "The plan is up to date; everyone's edits are kept.")
        default: nil
        }
    }

    // MARK: Home and organisations

    @Sendable func home(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws -> Response {
        if let mine = try await AccountPages.home(Principal.current, store: store, t: t) { return mine }
        let query = request.uri.queryParameters["q"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        return PageShell.response(try await homes.home(t: t, query: query, notice: Self.saved(request, t)))
    }

    @Sendable func createOrganisation(_ request: Request, _ context: MaturityRequestContext, _ t: PageText)
        async throws -> Response
    {
        let form = try await form(request, context)
        let name = try OrganisationController.checkName(form["name"])
        let sites = try OrganisationController.checkSites(form["site"].map { [$0] } ?? [])
        let created = try await store.organisations.create(name: name, sites: sites)
        return PageShell.redirect("/\(t.language.rawValue)/o/\(created.id)")
    }

    @Sendable func importFolder(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context, limit: configuration.maximumUploadBytes + (1 << 20))
        guard let zip = form.files["zip"] else {
            throw APIError(.unprocessableContent, t("请选择 zip 文件。", "Choose a zip file."))
        }
        let created = try await ImportController(store: store, engine: engine, configuration: configuration)
            .importArchive(zip.data, organisationId: form["organisation"])
        return PageShell.redirect("/\(t.language.rawValue)/a/\(created.id)?saved=imported")
    }

    @Sendable func organisation(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let id = try context.parameters.require("organisation")
        return PageShell.response(try await homes.organisation(id, t: t, notice: Self.saved(request, t)))
    }

    @Sendable func createAssessment(_ request: Request, _ context: MaturityRequestContext, _ t: PageText)
        async throws -> Response
    {
        let id = try context.parameters.require("organisation")
        let form = try await form(request, context)
        let input = AssessmentCreation.Input(
            organisationId: id, catalog: form["catalog"], kind: form["kind"] ?? "self", date: form["date"] ?? "",
            assessor: form["assessor"], auditor: form["auditor"], site: nil, from: form["from"])
        do {
            let created = try await AssessmentCreation(store: store, engine: engine).create(input)
            return PageShell.redirect("/\(t.language.rawValue)/a/\(created.assessment.id)")
        } catch let error as APIError {
            return PageShell.response(
                try await homes.organisation(id, t: t, notice: nil, error: error), status: .ok)
        }
    }

    @Sendable func history(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let id = try context.parameters.require("organisation")
        _ = try await store.organisations.get(id)
        let report = try await reviews.historyReport(organisation: id, language: t.language)
        return PageShell.response(Reports.history.render(report, as: .html) ?? "")
    }

    @Sendable func assessmentHistory(_ request: Request, _ context: MaturityRequestContext, _ t: PageText)
        async throws -> Response
    {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        return PageShell.redirect("/\(t.language.rawValue)/o/\(snapshot.assessment.organisationId)/history")
    }

    // MARK: Overview and criteria

    @Sendable func overview(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let data = try await data(context, t)
        if let notice = Self.saved(request, t) {
            return PageShell.response(OverviewPage(data: data).render(notice: notice))
        }
        return PageShell.response(await cachedPage(data, "overview") { OverviewPage(data: data).render() })
    }

    func criterionPage(_ context: MaturityRequestContext, _ t: PageText) async throws -> CriterionPage {
        let data = try await data(context, t)
        let id = try context.parameters.require("criterion")
        guard let criterion = data.catalog.criterion(id) else {
            throw APIError.notFound(
                "catalog '\(data.catalog.id)' has no criterion '\(id)'"
                    + (Suggestion.hint(for: id, in: data.catalog.criteria.map(\.id)).map { "; \($0)" } ?? ""))
        }
        return CriterionPage(data: data, criterion: criterion)
    }

    @Sendable func criterion(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let page = try await criterionPage(context, t)
        if let notice = Self.saved(request, t) { return PageShell.response(page.render(notice: notice)) }
        return PageShell.response(await cachedPage(page.data, "criterion", view: page.criterion.id) { page.render() })
    }

    /// Saves the criterion form: the entry with the version it was opened at, then the KPI value with its own;
    /// a refusal shows the page again with what was typed, and a stale save shows both versions to choose from.
    @Sendable func saveCriterion(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context)
        let mine = CriterionForm(form)
        let page = try await criterionPage(context, t)
        let criterionId = page.criterion.id
        let current = page.entry
        var wanted = current ?? CriterionRecord(criterion: criterionId, version: 0)
        wanted.claimed = mine.claimed
        if page.data.isAudit { wanted.audited = mine.audited }
        wanted.evidence = mine.evidence
        wanted.note = mine.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : mine.note
        wanted.na = mine.na.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : mine.na
        do {
            if !Self.sameEntry(current, wanted) || mine.version != (current?.version ?? 0) {
                let entry = wanted
                _ = try await edits.edit(.criterion, assessment: page.data.id, key: criterionId, expected: mine.version)
                {
                    row, _ in
                    var next = row ?? CriterionRecord(criterion: criterionId, version: 0)
                    next.claimed = entry.claimed
                    next.audited = entry.audited
                    next.evidence = entry.evidence
                    next.note = entry.note
                    next.na = entry.na
                    return next
                }
            }
            if let metric = page.criterion.metric, form.fields.contains(where: { $0.name == "kpi_value" }) {
                try await saveMetric(
                    metric.kpi, text: mine.kpiValue, expected: mine.kpiVersion, current: page.metricRecord,
                    assessment: page.data.id)
            }
        } catch let error as APIError where error.status == .preconditionFailed {
            let fresh = try await criterionPage(context, t)
            var retry = mine
            retry.version = fresh.entry?.version ?? 0
            retry.kpiVersion = fresh.metricRecord?.version ?? 0
            return PageShell.response(
                fresh.render(form: retry, refusal: .stale(theirs: fresh.entry)), status: .ok)
        } catch let error as APIError where error.status == .unprocessableContent {
            return PageShell.response(page.render(form: mine, refusal: .invalid(error)), status: .ok)
        }
        let order = page.data.catalog.criteria.map(\.id)
        var target = criterionId
        if form["then"] == "next", let index = order.firstIndex(of: criterionId), index + 1 < order.count {
            target = order[index + 1]
        }
        return PageShell.redirect("\(page.data.base)/c/\(target)?saved=1")
    }

    static func sameEntry(_ a: CriterionRecord?, _ b: CriterionRecord) -> Bool {
        guard let a else {
            return b.claimed == nil && b.audited == nil && b.evidence.isEmpty && b.note == nil && b.na == nil
        }
        return a.claimed == b.claimed && a.audited == b.audited && a.evidence == b.evidence && a.note == b.note
            && a.na == b.na
    }

    /// A typed KPI value: set (a number), cleared (empty), or unchanged.
    func saveMetric(_ kpi: String, text: String, expected: Int, current: MetricRecord?, assessment: String) async throws
    {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            guard current != nil else { return }
            _ = try await edits.edit(.metric, assessment: assessment, key: kpi, expected: expected) { _, _ in nil }
            return
        }
        guard let value = Double(trimmed), value.isFinite else {
            throw APIError(
                .unprocessableContent, "'\(trimmed)' is not a number",
                problems: [.init(location: "$.kpi_value", message: "expected a number, found '\(trimmed)'")])
        }
        if current?.value == value, current?.version == expected { return }
        _ = try await edits.edit(.metric, assessment: assessment, key: kpi, expected: expected, checkTickets: true) {
            row, _ in
            var next = row ?? MetricRecord(kpi: kpi, value: value, version: 0)
            next.value = value
            return next
        }
    }

    // MARK: Evidence

    @Sendable func evidence(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let data = try await data(context, t)
        let editing = request.uri.queryParameters["edit"].map(String.init)
        if let notice = Self.saved(request, t) {
            return PageShell.response(EvidencePages(data: data).render(notice: notice, editing: editing))
        }
        return PageShell.response(
            await cachedPage(data, "evidence", view: editing ?? "") {
                EvidencePages(data: data).render(editing: editing)
            })
    }

    /// Adds an evidence item with its file (stored by SHA-256 before the row citing it), and cites it from the
    /// criterion the upload came from.
    @Sendable func addEvidence(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context, limit: store.configuration.maximumFileBytes + (1 << 20))
        let data = try await data(context, t)
        let id = EvidencePages.nextId(data.snapshot)
        var newFiles: [(path: String, data: Data)] = []
        var path: String?
        if let file = form.files["file"], !file.data.isEmpty {
            let name = EvidencePages.safeName(file.filename)
            let chosen = "evidence/uploads/\(BlobStore.digest(file.data).prefix(12))-\(name)"
            path = chosen
            newFiles.append((chosen, file.data))
        }
        let patch = PartsController.EvidencePatch(
            kind: form["kind"] ?? "", title: form["title"] ?? "", date: form["date"], file: path)
        var extra = patch
        if let until = form["valid_until"] { extra.validUntil = .set(until) }
        if let by = form["superseded_by"] { extra.supersededBy = .set(by) }
        let fields = extra
        let cite = form["cite"]
        do {
            _ = try await edits.edit(.evidence, assessment: data.id, key: id, expected: 0, newFiles: newFiles) {
                current, _ in try fields.apply(to: current, key: id)
            }
            if let cite {
                // Citing adds to whatever the criterion cites now: nothing anyone saved is replaced.
                let fresh = try await store.assessments.get(data.id).criterion(cite)
                _ = try await edits.edit(.criterion, assessment: data.id, key: cite, expected: fresh?.version ?? 0) {
                    row, _ in
                    var next = row ?? CriterionRecord(criterion: cite, version: 0)
                    if !next.evidence.contains(id) { next.evidence.append(id) }
                    return next
                }
                return PageShell.redirect("\(data.base)/c/\(cite)?saved=1")
            }
        } catch let error as APIError {
            if let cite, let criterion = data.catalog.criterion(cite) {
                return PageShell.response(
                    CriterionPage(data: data, criterion: criterion).render(refusal: .invalid(error)),
                    status: .ok)
            }
            return PageShell.response(EvidencePages(data: data).render(error: error), status: .ok)
        }
        return PageShell.redirect("\(data.base)/evidence?saved=1")
    }

    @Sendable func editEvidence(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context)
        let data = try await data(context, t)
        let key = try context.parameters.require("item")
        var patch = PartsController.EvidencePatch(
            kind: form["kind"] ?? "", title: form["title"] ?? "", date: nil, file: nil)
        patch.date = form["date"].map { .set($0) } ?? .cleared
        patch.validUntil = form["valid_until"].map { .set($0) } ?? .cleared
        patch.supersededBy = form["superseded_by"].map { .set($0) } ?? .cleared
        let fields = patch
        do {
            _ = try await edits.edit(
                .evidence, assessment: data.id, key: key, expected: Int(form["version"] ?? "") ?? -1
            ) {
                current, _ in try fields.apply(to: current, key: key)
            }
        } catch let error as APIError {
            return PageShell.response(
                EvidencePages(data: try await self.data(context, t)).render(error: error, editing: key), status: .ok)
        }
        return PageShell.redirect("\(data.base)/evidence?saved=1#item-\(key)")
    }

    // MARK: KPIs

    func kpiPage(_ data: AssessmentPageData) async -> KPIPage {
        let measurement =
            data.snapshot.assessment.ticketsFile == nil ? nil : try? await engine.measureTickets(data.snapshot)
        return KPIPage(data: data, measurement: measurement)
    }

    @Sendable func kpis(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws -> Response {
        let data = try await data(context, t)
        if let notice = Self.saved(request, t) { return PageShell.response(await kpiPage(data).render(notice: notice)) }
        return PageShell.response(await cachedPage(data, "kpis") { await kpiPage(data).render() })
    }

    @Sendable func saveKPI(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context)
        let data = try await data(context, t)
        guard let kpi = form["kpi"] else { throw APIError(.badRequest, "which KPI?") }
        do {
            try await saveMetric(
                kpi, text: form["value"] ?? "", expected: Int(form["version"] ?? "") ?? -1,
                current: data.snapshot.metrics.first { $0.kpi == kpi }, assessment: data.id)
        } catch let error as APIError {
            return PageShell.response(
                await kpiPage(try await self.data(context, t)).render(error: error), status: .ok)
        }
        return PageShell.redirect("\(data.base)/kpis?saved=1")
    }

    /// A ticket export (and its mapping) added to the folder and named in `tickets:`; the KPIs computed from it
    /// are checked as the command line checks them before anything is stored.
    @Sendable func uploadTickets(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context, limit: store.configuration.maximumFileBytes * 2 + (1 << 20))
        let data = try await data(context, t)
        guard let export = form.files["export"], !export.data.isEmpty else {
            throw APIError(.unprocessableContent, t("请选择工单导出文件。", "Choose the ticket export file."))
        }
        var uploads = [("tickets/\(EvidencePages.safeName(export.filename))", export.data)]
        if let mapping = form.files["mapping"], !mapping.data.isEmpty {
            uploads.append(("tickets/\(EvidencePages.safeName(mapping.filename))", mapping.data))
        }
        let files = uploads
        let exportPath = files[0].0
        let mappingPath = files.count > 1 ? files[1].0 : nil
        let expected = Int(form["version"] ?? "") ?? -1
        let catalog = data.catalog
        let engine = self.engine
        do {
            _ = try await store.assessments.edit(data.id, newFiles: files) { snapshot, stored in
                guard snapshot.assessment.version == expected else {
                    throw APIError(
                        .preconditionFailed,
                        t(
                            "评估信息已被他人修改，请重新打开页面后再上传。",
                            "The assessment was changed by someone else; open the page again and upload again."))
                }
                var next = snapshot
                next.files = snapshot.files.filter { file in !stored.contains { $0.path == file.path } } + stored
                next.assessment.ticketsFile = exportPath
                next.assessment.ticketsMapping = mappingPath
                try await engine.check(
                    next, catalog: catalog, tickets: true,
                    contents: Dictionary(files.map { ($0.0, $0.1) }, uniquingKeysWith: { _, b in b }))
                return (next, ())
            }
        } catch let error as APIError {
            return PageShell.response(await kpiPage(data).render(error: error), status: .ok)
        }
        return PageShell.redirect("\(data.base)/kpis?saved=1")
    }

    // MARK: Findings

    @Sendable func findings(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        PageShell.response(FindingsPage(data: try await data(context, t)).render(notice: Self.saved(request, t)))
    }

    @Sendable func saveFinding(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context)
        let data = try await data(context, t)
        let key = context.parameters.get("finding") ?? FindingsPage.nextId(data.snapshot)
        var patch = PartsController.FindingPatch()
        patch.grade = .set(form["grade"] ?? "")
        patch.text = .set(form.raw("text") ?? "")
        patch.status = .set(form["status"] ?? "open")
        patch.criterion = form["criterion"].map { .set($0) } ?? .cleared
        patch.clause = form["clause"].map { .set($0) } ?? .cleared
        patch.due = form["due"].map { .set($0) } ?? .cleared
        patch.evidence = .set(
            (form["evidence"] ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).map(String.init))
        let fields = patch
        do {
            _ = try await edits.edit(
                .finding, assessment: data.id, key: key, expected: Int(form["version"] ?? "") ?? -1
            ) {
                current, _ in try fields.apply(to: current, key: key)
            }
        } catch let error as APIError {
            return PageShell.response(
                FindingsPage(data: try await self.data(context, t)).render(error: error), status: .ok)
        }
        return PageShell.redirect("\(data.base)/findings?saved=1")
    }

    // MARK: Plan

    func planPage(_ data: AssessmentPageData) async throws -> PlanPage {
        guard let record = try await store.plans.get(data.id) else { return PlanPage(data: data, plan: nil) }
        do {
            return PlanPage(data: data, plan: (record, try await engine.planDocument(record).plan))
        } catch {
            throw ImportController.invalid(error)
        }
    }

    @Sendable func plan(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws -> Response {
        let owner = request.uri.queryParameters["owner"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let data = try await data(context, t)
        if let notice = Self.saved(request, t) {
            return PageShell.response(try await planPage(data).render(owner: owner, notice: notice))
        }
        // The plan changes apart from the assessment (its text, its actions' versions), and overdue is as of
        // today. Its stamp (one small query) says which plan it is; the plan itself is read only to render.
        let today = Day.today
        let stamp = try await store.plans.stamp(of: data.id) ?? "none"
        return PageShell.response(
            try await cachedPage(data, "plan", view: "\(today)|\(stamp)|\(owner ?? "")") {
                try await planPage(data).render(owner: owner, today: today)
            })
    }

    @Sendable func generatePlan(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context)
        let data = try await data(context, t)
        do {
            _ = try await plans.regenerate(data.id, expected: Int(form["version"] ?? "") ?? -1)
        } catch let error as APIError {
            return PageShell.response(try await planPage(data).render(owner: nil, error: error), status: .ok)
        }
        return PageShell.redirect("\(data.base)/plan?saved=plan")
    }

    @Sendable func editAction(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context)
        let data = try await data(context, t)
        let action = try context.parameters.require("action")
        var values: [(key: String, value: String?)] = []
        for key in PlanEdits.peopleKeys where form.fields.contains(where: { $0.name == key }) {
            let value =
                key == "owner"
                ? form[key]
                : form.raw(key).flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            values.append((key, key == "status" ? (value ?? "open") : value))
        }
        do {
            _ = try await plans.edit(
                data.id, action: action, expected: Int(form["version"] ?? "") ?? -1,
                patch: PlanEdits.Patch(values: values))
        } catch let error as APIError {
            return PageShell.response(
                try await planPage(try await self.data(context, t)).render(owner: nil, error: error),
                status: .ok)
        }
        return PageShell.redirect("\(data.base)/plan?saved=1#action-\(action)")
    }

    // MARK: Review, downloads

    func reviewPage(_ data: AssessmentPageData) async throws -> ReviewPage {
        let organisation = data.snapshot.assessment.organisationId
        let kept = try await store.results.list(organisation: organisation)
        return ReviewPage(
            data: data, kept: kept, plans: try await store.assessments.listWithPlans(organisation: organisation))
    }

    @Sendable func review(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws -> Response
    {
        let data = try await data(context, t)
        let page = try await reviewPage(data)
        let previous = request.uri.queryParameters["previous"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let planOf = request.uri.queryParameters["plan"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        guard let previous else {
            if let notice = Self.saved(request, t) {
                return PageShell.response(page.render(previous: nil, review: nil, notice: notice))
            }
            // Besides this revision it shows the organisation's kept results (never changed once kept: their ids
            // say what they are) and its assessments with a plan (their date and kind: their revisions).
            let view =
                page.kept.map(\.id).joined(separator: ",") + "|"
                + page.plans.map { "\($0.id)@\($0.revision)" }.joined(separator: ",")
            return PageShell.response(
                await cachedPage(data, "review", view: view) { page.render(previous: nil, review: nil) })
        }
        do {
            let review = try await reviews.review(
                data.snapshot, input: ReviewController.ReviewInput(previous: previous, plan: planOf)
            ).review
            return PageShell.response(page.render(previous: previous, review: (review, planOf ?? "")))
        } catch let error as APIError {
            return PageShell.response(page.render(previous: previous, review: nil, error: error), status: .ok)
        }
    }

    @Sendable func recordReview(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let form = try await form(request, context)
        let data = try await data(context, t)
        guard let previous = form["previous"] else { throw APIError(.badRequest, "which previous result?") }
        _ = try await reviews.recordReview(
            data.snapshot, input: ReviewController.ReviewInput(previous: previous, plan: form["plan"]))
        return PageShell.redirect("\(data.base)/review?saved=review")
    }

    @Sendable func keep(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws -> Response {
        let snapshot = try await store.assessments.get(try context.parameters.require("assessment"))
        _ = try await reviews.keepResult(snapshot)
        return PageShell.redirect("/\(t.language.rawValue)/a/\(snapshot.assessment.id)/review?saved=kept")
    }

    @Sendable func downloads(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let data = try await data(context, t)
        let hasPlan = try await store.plans.get(data.id) != nil
        return PageShell.response(
            await cachedPage(data, "downloads", view: String(hasPlan)) {
                DownloadsPage(data: data, hasPlan: hasPlan).render()
            })
    }
}
