import MaturityCore

/// The assessment a person fills in: every criterion listed, with its level descriptors as comments.
public struct AssessmentTemplate: Sendable {
    public var catalog: Catalog
    public var organisation: String
    public var site: String?
    public var assessor: String?
    public var date: Day
    public var language: Language

    public init(catalog: Catalog, organisation: String, site: String?, assessor: String?, date: Day, language: Language)
    {
        self.catalog = catalog
        self.organisation = organisation
        self.site = site
        self.assessor = assessor
        self.date = date
        self.language = language
    }

    /// How long each kind of evidence counts, and the keys that end an item's validity.
    func validityLines(_ w: Words) -> [String] {
        let kinds = catalog.knownEvidenceKinds
        let unlimited = kinds.filter { catalog.maxAgeDays(ofKind: $0) == nil }
        let own = kinds.compactMap { kind -> (String, Int)? in
            guard let days = catalog.maxAgeDays(ofKind: kind), days != catalog.evidenceMaxAgeDays else { return nil }
            return (kind, days)
        }
        var lines: [String] = []
        if !unlimited.isEmpty {
            let list = unlimited.joined(separator: ", ")
            lines.append(
                w(
                    "\(list) 在被新版取代（superseded_by: 新证据编号）或过了 valid_until 之前一直有效；",
                    "\(list): valid until replaced (superseded_by: the newer item's id) or past valid_until;"))
        }
        for (kind, days) in own { lines.append(w("\(kind) 有效 \(days) 天；", "\(kind): counts \(days) days;")) }
        lines.append(
            w(
                "其余证据自日期起 \(catalog.evidenceMaxAgeDays) 天内有效（也可写 valid_until）；file 路径相对于本文件所在文件夹。",
                "other evidence counts \(catalog.evidenceMaxAgeDays) days from its date (or until valid_until); file paths "
                    + "are relative to this file's folder."))
        return lines
    }

    public func render() -> String {
        if catalog.isPoints { return renderPoints() }
        let w = Words(language: language)
        var out: [String] = []
        out.append(YAMLText.comment(w("售后服务管理成熟度自评表", "After-sales service maturity self-assessment"), indent: ""))
        out.append(
            YAMLText.comment(
                w(
                    "每个评价项填写 claimed（0–\(catalog.maxLevel)）并在 evidence 中引用证据编号；等级不能超过证据支持的等级。",
                    "For every criterion fill in claimed (0–\(catalog.maxLevel)) and cite evidence ids; no level counts beyond what its evidence supports."
                ),
                indent: ""))
        out.append(YAMLText.comment(w("然后运行：maturity assess 本文件", "Then run: maturity assess <this file>"), indent: ""))
        out.append(contentsOf: headerLines())
        out.append("")
        out.append(YAMLText.comment(w("负责人：评价项编号或领域编号 → 姓名", "Owners: criterion id or domain id → person"), indent: ""))
        out.append("owners: {}")
        out.append("")
        out.append(YAMLText.comment(w("证据登记：", "Evidence register:"), indent: ""))
        let kinds = catalog.levels.filter { !$0.evidence.isEmpty }.map {
            "\($0.level) \($0.name.text(language)): \($0.evidence.joined(separator: ", "))"
        }
        out.append(YAMLText.comment(w("各等级需要的证据类型：", "Evidence kinds each level needs:"), indent: ""))
        for line in kinds { out.append(YAMLText.comment("  " + line, indent: "")) }
        out.append(
            YAMLText.comment(
                w(
                    "示例：- {id: E1, kind: document, title: 售后服务管理制度, date: \(date), file: docs/policy.md}",
                    "e.g.  - {id: E1, kind: document, title: After-sales service policy, date: \(date), file: docs/policy.md}"
                ),
                indent: ""))
        for line in validityLines(w) { out.append(YAMLText.comment(line, indent: "")) }
        out.append("evidence: []")
        out.append("")
        let measured = catalog.criteria.compactMap(\.metric?.kpi)
        var seen: [String] = []
        for kpi in measured where !seen.contains(kpi) { seen.append(kpi) }
        out.append(
            YAMLText.comment(
                w("指标值（或用 tickets: 从工单导出计算）：", "KPI values (or compute them from a ticket export with tickets:):"),
                indent: ""))
        for kpi in seen {
            let name = catalog.kpi(kpi)?.name.text(language) ?? kpi
            out.append(YAMLText.comment("\(kpi): <\(name)>", indent: "  "))
        }
        out.append("metrics: {}")
        out.append("")
        out.append("criteria:")
        for domain in catalog.domains {
            out.append("")
            out.append(YAMLText.comment("== \(domain.id) \(domain.name.text(language)) ==", indent: "  "))
            for c in domain.criteria {
                var header = "\(c.id) \(c.name.text(language))"
                header += c.key ? w("  [关键项]", "  [key]") : ""
                out.append(YAMLText.comment(header, indent: "  "))
                for level in 1...max(1, catalog.maxLevel) {
                    guard let text = c.levels[level] else { continue }
                    out.append(YAMLText.comment("\(level): \(text.text(language))", indent: "  "))
                }
                if let metric = c.metric {
                    let steps = metric.thresholds.keys.sorted().map {
                        "\($0): \(w.threshold(metric.better, metric.thresholds[$0]!))"
                    }
                    out.append(
                        YAMLText.comment(
                            w("指标 ", "metric ") + "\(metric.kpi) — " + steps.joined(separator: ", "), indent: "  "))
                }
                out.append("  \(YAMLText.scalar(c.id)):")
                out.append("    claimed:")
                out.append("    evidence: []")
            }
        }
        out.append("")
        out.append(YAMLText.comment(w("审核发现（审核员填写）：", "Findings (auditors):"), indent: ""))
        out.append("findings: []")
        return out.joined(separator: "\n") + "\n"
    }

    /// `schema:` to `assessor:`: what the template says about itself and the organisation.
    func headerLines() -> [String] {
        var out = ["schema: 1", "catalog: \(YAMLText.scalar("\(catalog.id)@\(catalog.version)"))", "organisation:"]
        out.append("  name: \(YAMLText.quoted(organisation))")
        if let site { out.append("  site: \(YAMLText.quoted(site))") }
        out += ["kind: self", "date: \(date)", "assessor: \(assessor.map(YAMLText.quoted) ?? "\"\"")"]
        return out
    }
}
