import Foundation
import MaturityCore
import MaturityReports
import MaturityStore

/// What the criterion form shows: the stored entry, or what the person submitted when the save was refused
/// (so nothing typed is lost).
struct CriterionForm: Sendable {
    var version: Int
    var claimed: Int?
    var audited: Int?
    var evidence: [String]
    var note: String
    var na: String
    var kpiValue: String
    var kpiVersion: Int

    init(entry: CriterionRecord?, metric: MetricRecord?) {
        version = entry?.version ?? 0
        claimed = entry?.claimed
        audited = entry?.audited
        evidence = entry?.evidence ?? []
        note = entry?.note ?? ""
        na = entry?.na ?? ""
        kpiValue = metric.map { AssessmentYAMLWriter.number($0.value) } ?? ""
        kpiVersion = metric?.version ?? 0
    }

    init(_ form: FormData) {
        version = Int(form["version"] ?? "") ?? -1
        claimed = form["claimed"].flatMap { Int($0) }
        audited = form["audited"].flatMap { Int($0) }
        evidence = form.all("evidence")
        note = form.raw("note") ?? ""
        na = form.raw("na") ?? ""
        kpiValue = form["kpi_value"] ?? ""
        kpiVersion = Int(form["kpi_version"] ?? "") ?? 0
    }
}

/// A refused save: the problems, or someone else's newer version to choose against.
enum CriterionRefusal {
    case invalid(APIError)
    case stale(theirs: CriterionRecord?)
}

/// The criterion page: the criterion's text and source, its level descriptors as choices, the evidence
/// picker with each item's validity and an upload, note, not-applicable, the KPI; after a save, what the
/// level is now, what caps it and what the next level needs.
struct CriterionPage {
    let data: AssessmentPageData
    let criterion: Criterion
    var t: PageText { data.t }

    var result: CriterionResult? { data.result.criterion(criterion.id) }
    var entry: CriterionRecord? { data.snapshot.criterion(criterion.id) }
    var metricRecord: MetricRecord? {
        criterion.metric.flatMap { metric in data.snapshot.metrics.first { $0.kpi == metric.kpi } }
    }
    var url: String { data.base + "/c/" + criterion.id }

    func render(form: CriterionForm? = nil, notice: String? = nil, refusal: CriterionRefusal? = nil) -> String {
        let form = form ?? CriterionForm(entry: entry, metric: metricRecord)
        let order = data.catalog.criteria.map(\.id)
        let index = order.firstIndex(of: criterion.id) ?? 0
        var body = ""
        if let notice { body += PageShell.notice(notice) }
        switch refusal {
        case .invalid(let error)?: body += PageShell.problems(error, t: t)
        case .stale(let theirs)?: body += conflict(theirs: theirs, mine: form)
        case nil: break
        }
        body += levelNow()
        body += about()
        body += editForm(form, next: index + 1 < order.count ? order[index + 1] : nil)
        body += uploadForm()
        body += "<nav class=\"pager\" aria-label=\"\(h(t("评价项翻页", "Criteria")))\">"
        body +=
            index > 0
            ? "<a class=\"button secondary\" rel=\"prev\" href=\"\(h(data.base + "/c/" + order[index - 1]))\">← \(h(order[index - 1]))</a>"
            : "<span></span>"
        body += "<span class=\"meta\">\(index + 1) / \(order.count)</span>"
        body +=
            index + 1 < order.count
            ? "<a class=\"button secondary\" rel=\"next\" href=\"\(h(data.base + "/c/" + order[index + 1]))\">\(h(order[index + 1])) →</a>"
            : "<span></span>"
        body += "</nav>"
        var crumbs = data.crumbs
        crumbs.append(.init(title: data.title, href: data.base))
        if let domain = data.catalog.domain(ofCriterion: criterion.id) {
            crumbs.append(.init(title: domain.name.text(t.language), href: data.base + "#domain-" + domain.id))
        }
        return PageShell.page(
            title: criterion.id + " " + criterion.name.text(t.language), t: t,
            path: "/a/\(data.id)/c/\(criterion.id)", crumbs: crumbs, body: body)
    }

    /// The level as the engine scores it now, why, and what the next level needs.
    func levelNow() -> String {
        guard let result else { return "" }
        var out = "<section class=\"card\" id=\"level-now\" aria-live=\"polite\"><h2>\(h(t("当前等级", "Level now")))</h2>"
        if !result.applicable {
            out += "<p class=\"levelnow\"><span class=\"pill na\">\(h(t("不适用", "not applicable")))</span></p>"
        } else {
            out += "<p class=\"levelnow\" id=\"level\" data-level=\"\(result.level)\">"
            out += h(
                t(
                    "\(result.level) 级（最高 \(data.catalog.maxLevel) 级）",
                    "Level \(result.level) of \(data.catalog.maxLevel)"))
            out += "</p><p class=\"meta\">"
            var facts: [String] = []
            if let claimed = result.claimed { facts.append(t("自评 \(claimed) 级", "claimed \(claimed)")) }
            if let audited = result.audited { facts.append(t("审核 \(audited) 级", "audited \(audited)")) }
            facts.append(t("证据支持 \(result.evidenceCap) 级", "evidence supports \(result.evidenceCap)"))
            if let metricLevel = result.metricLevel {
                facts.append(t("指标达到 \(metricLevel) 级", "KPI meets \(metricLevel)"))
            }
            out += h(facts.joined(separator: " · ")) + "</p>"
        }
        let reasons = data.context.levelReasons(result)
        if !reasons.isEmpty {
            out += "<h3>\(h(t("限制等级的原因", "What caps it")))</h3><ul id=\"caps\">"
            for reason in reasons { out += "<li class=\"lowered\">\(h(reason))</li>" }
            out += "</ul>"
        }
        let needs = nextLevelNeeds(result)
        if !needs.isEmpty {
            out += "<h3>\(h(t("达到 \(result.level + 1) 级还需要", "For level \(result.level + 1)")))</h3><ul id=\"missing\">"
            for need in needs { out += "<li>\(h(need))</li>" }
            out += "</ul>"
        }
        return out + "</section>\n"
    }

    /// What the next level needs beyond what the criterion has: the claim, valid evidence of each kind the
    /// levels up to it require, the KPI's threshold.
    func nextLevelNeeds(_ result: CriterionResult) -> [String] {
        guard result.applicable, result.level < data.catalog.maxLevel else { return [] }
        let next = result.level + 1
        var needs: [String] = []
        if result.judged < next {
            needs.append(
                data.isAudit
                    ? t("审核评定达到 \(next) 级", "an audited level of \(next)")
                    : t("自评达到 \(next) 级", "a claimed level of \(next)"))
        }
        let validity = data.validity
        let supplied = Set(
            result.evidence.compactMap { id -> String? in
                guard validity[id]?.isValid == true else { return nil }
                return data.scored.loaded.assessment.evidenceItem(id)?.kind
            })
        var missing: [String] = []
        for level in 1...next {
            for kind in data.catalog.requiredEvidence(for: criterion, at: level)
            where !supplied.contains(kind) && !missing.contains(kind) {
                missing.append(kind)
            }
        }
        if !missing.isEmpty {
            needs.append(
                t("有效证据：", "valid evidence: ")
                    + missing.map(data.context.evidenceKindTitle).joined(separator: t("、", ", ")))
        }
        if let metric = criterion.metric, let threshold = metric.thresholds[next] {
            let value = result.metricValue
            if value.map({ !metric.better.meets($0, threshold) }) ?? true {
                needs.append(
                    data.context.kpiTitle(metric.kpi) + " " + (metric.better == .lower ? "≤ " : "≥ ")
                        + data.context.kpiValue(threshold, kpi: metric.kpi))
            }
        }
        return needs
    }

    func about() -> String {
        var out = "<section class=\"card\" id=\"about\">"
        if criterion.key {
            out += "<p><span class=\"pill todo\">★ \(h(t("关键评价项", "key criterion")))</span></p>"
        }
        if let description = criterion.description?.text(t.language), !description.isEmpty {
            out += "<p class=\"text\">\(h(description))</p>"
        }
        if !criterion.sources.isEmpty {
            out += "<p class=\"meta\">\(h(t("依据：", "Source: ")))\(h(criterion.sources.joined(separator: "; ")))</p>"
        }
        if let owner = data.snapshot.assessment.owners[criterion.id] ?? criterion.owner?.text(t.language) {
            out += "<p class=\"meta\">\(h(t("负责人：", "Owner: ")))\(h(owner))</p>"
        }
        return out + "</section>\n"
    }

    func levelChoices(_ name: String, legend: String, selected: Int?, claimed: Int? = nil) -> String {
        var out = "<fieldset id=\"\(name)-levels\"><legend>\(h(legend))</legend>"
        let noneId = "\(name)-none"
        out +=
            "<label class=\"choice\" for=\"\(noneId)\"><input type=\"radio\" id=\"\(noneId)\" name=\"\(name)\" value=\"\"\(selected == nil ? " checked" : "")>"
        out += "<span>\(h(t("未评定", "not rated")))</span></label>"
        for level in data.catalog.levels {
            let id = "\(name)-\(level.level)"
            out +=
                "<label class=\"choice\" for=\"\(id)\"><input type=\"radio\" id=\"\(id)\" name=\"\(name)\" value=\"\(level.level)\"\(selected == level.level ? " checked" : "")>"
            out += "<span class=\"n\">\(level.level)</span><span><strong>\(h(level.name.text(t.language)))</strong>"
            if claimed == level.level { out += " <span class=\"pill\">\(h(t("自评", "claimed")))</span>" }
            if let text = criterion.levels[level.level]?.text(t.language), !text.isEmpty {
                out += "<br>\(h(text))"
            }
            let kinds = data.catalog.requiredEvidence(for: criterion, at: level.level)
            if !kinds.isEmpty {
                out +=
                    "<br><small class=\"meta\">\(h(t("需要证据：", "needs: ") + kinds.map(data.context.evidenceKindTitle).joined(separator: t("、", ", "))))</small>"
            }
            out += "</span></label>"
        }
        return out + "</fieldset>"
    }

    func editForm(_ form: CriterionForm, next: String?) -> String {
        var out = "<form method=\"post\" action=\"\(h(url))\" class=\"card\" id=\"criterion-form\">"
        out += "<input type=\"hidden\" name=\"version\" value=\"\(form.version)\">"
        out += "<input type=\"hidden\" name=\"kpi_version\" value=\"\(form.kpiVersion)\">"
        if data.isAudit {
            out += "<div class=\"grid2\"><div>"
            out += levelChoices(
                "claimed", legend: t("自评等级（受审方）", "Claimed level (the organisation's)"), selected: form.claimed)
            out += "</div><div>"
            out += levelChoices(
                "audited", legend: t("审核评定等级", "Audited level"), selected: form.audited, claimed: form.claimed)
            out += "</div></div>"
        } else {
            out += levelChoices("claimed", legend: t("自评等级", "Claimed level"), selected: form.claimed)
        }
        out += evidencePicker(form)
        out +=
            "<label for=\"note\">\(h(t("说明", "Note")))</label><textarea id=\"note\" name=\"note\">\(h(form.note))</textarea>"
        out +=
            "<label for=\"na\">\(h(t("不适用的理由（适用时留空）", "Not applicable because (leave empty when it applies)")))</label>"
        out += "<input type=\"text\" id=\"na\" name=\"na\" value=\"\(h(form.na))\" maxlength=\"2000\">"
        out += kpiField(form)
        out +=
            "<p class=\"row\"><button type=\"submit\" name=\"then\" value=\"stay\">\(h(t("保存并重新评分", "Save and re-score")))</button>"
        if let next {
            out +=
                "<button type=\"submit\" class=\"secondary\" name=\"then\" value=\"next\">\(h(t("保存，下一项 \(next)", "Save, then \(next)")))</button>"
        }
        return out + "</p></form>\n"
    }

    func evidencePicker(_ form: CriterionForm) -> String {
        let items = data.snapshot.evidence
        var out = "<fieldset id=\"evidence-picker\"><legend>\(h(t("引用的证据", "Cited evidence")))</legend>"
        if items.isEmpty {
            out +=
                "<p class=\"meta\">\(h(t("证据清单为空：在下方上传一份。", "The evidence register is empty: upload an item below.")))</p>"
        }
        let validity = data.validity
        let cited = Set(form.evidence)
        for item in items {
            let id = "evidence-\(item.item)"
            out +=
                "<label class=\"choice\" for=\"\(h(id))\"><input type=\"checkbox\" id=\"\(h(id))\" name=\"evidence\" value=\"\(h(item.item))\"\(cited.contains(item.item) ? " checked" : "")>"
            out +=
                "<span><strong>\(h(item.item))</strong> \(h(item.title)) <span class=\"meta\">· \(h(data.context.evidenceKindTitle(item.kind)))"
            if let date = item.date { out += " · \(h(date))" }
            out += "</span> " + data.validityBadge(item.item, validity[item.item]) + "</span></label>"
        }
        return out + "</fieldset>"
    }

    func kpiField(_ form: CriterionForm) -> String {
        guard let metric = criterion.metric else { return "" }
        var out =
            "<fieldset id=\"kpi\"><legend>\(h(t("衡量指标", "KPI"))): \(h(data.context.kpiTitle(metric.kpi)))</legend>"
        let thresholds = metric.thresholds.sorted { $0.key < $1.key }.map {
            t("\($0.key) 级 ", "level \($0.key) ") + (metric.better == .lower ? "≤ " : "≥ ")
                + data.context.kpiValue($0.value, kpi: metric.kpi)
        }
        out += "<p class=\"meta\">\(h(thresholds.joined(separator: " · ")))</p>"
        let computed = data.scored.loaded.kpis.first { $0.id == metric.kpi }
        if let computed, case .tickets = computed.source {
            out +=
                "<p>\(h(t("由工单导出计算：", "Computed from the ticket export: ") + data.context.kpiValue(computed.value, kpi: metric.kpi)))</p>"
        } else {
            out += "<label for=\"kpi-value\">\(h(t("指标值", "Value")))</label>"
            out +=
                "<input type=\"number\" step=\"any\" id=\"kpi-value\" name=\"kpi_value\" value=\"\(h(form.kpiValue))\">"
        }
        return out + "</fieldset>"
    }

    func uploadForm() -> String {
        var out = "<section class=\"card\"><h2>\(h(t("上传证据并引用", "Upload evidence and cite it")))</h2>"
        out += "<form method=\"post\" action=\"\(h(data.base))/evidence\" enctype=\"multipart/form-data\">"
        out += "<input type=\"hidden\" name=\"cite\" value=\"\(h(criterion.id))\">"
        out += EvidencePages.itemFields(data: data, prefix: "up", item: nil)
        out += "<label for=\"up-file\">\(h(t("文件", "File")))</label><input type=\"file\" id=\"up-file\" name=\"file\">"
        out += "<p><button type=\"submit\">\(h(t("上传并引用", "Upload and cite")))</button></p></form></section>\n"
        return out
    }

    /// Someone saved the criterion since this form was opened: both versions, and the choice.
    func conflict(theirs: CriterionRecord?, mine: CriterionForm) -> String {
        var out = "<section class=\"notice warn conflict\" role=\"alert\" id=\"conflict\"><p><strong>"
        out += h(
            t(
                "保存前已有人修改了此评价项。请选择保留哪一个版本：",
                "Someone else saved this criterion after you opened it. Choose which to keep:"))
        out +=
            "</strong></p><table><thead><tr><th></th><th>\(h(t("对方保存的", "Theirs (saved)")))</th><th>\(h(t("您的", "Yours (not saved)")))</th></tr></thead><tbody>"
        func row(_ name: String, _ a: String, _ b: String) {
            out += "<tr><th>\(h(name))</th><td class=\"text\">\(h(a))</td><td class=\"text\">\(h(b))</td></tr>"
        }
        row(t("自评等级", "Claimed"), theirs?.claimed.map(String.init) ?? "—", mine.claimed.map(String.init) ?? "—")
        if data.isAudit {
            row(t("审核等级", "Audited"), theirs?.audited.map(String.init) ?? "—", mine.audited.map(String.init) ?? "—")
        }
        row(
            t("证据", "Evidence"), (theirs?.evidence ?? []).joined(separator: ", "), mine.evidence.joined(separator: ", ")
        )
        row(t("说明", "Note"), theirs?.note ?? "", mine.note)
        row(t("不适用", "Not applicable"), theirs?.na ?? "", mine.na)
        out += "</tbody></table><div class=\"row\">"
        // Keeping mine saves my values over the version now stored; keeping theirs just reloads.
        out +=
            "<form method=\"post\" action=\"\(h(url))\"><input type=\"hidden\" name=\"version\" value=\"\(theirs?.version ?? 0)\">"
        out += "<input type=\"hidden\" name=\"kpi_version\" value=\"\(metricRecord?.version ?? 0)\">"
        if let claimed = mine.claimed { out += "<input type=\"hidden\" name=\"claimed\" value=\"\(claimed)\">" }
        if let audited = mine.audited { out += "<input type=\"hidden\" name=\"audited\" value=\"\(audited)\">" }
        for item in mine.evidence { out += "<input type=\"hidden\" name=\"evidence\" value=\"\(h(item))\">" }
        out +=
            "<input type=\"hidden\" name=\"note\" value=\"\(h(mine.note))\"><input type=\"hidden\" name=\"na\" value=\"\(h(mine.na))\">"
        out += "<input type=\"hidden\" name=\"kpi_value\" value=\"\(h(mine.kpiValue))\">"
        out += "<button type=\"submit\" name=\"then\" value=\"stay\">\(h(t("保留我的", "Keep mine")))</button></form>"
        out += "<a class=\"button secondary\" href=\"\(h(url))\">\(h(t("保留对方的", "Keep theirs")))</a></div></section>\n"
        return out
    }
}
