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

    public func render() -> String {
        if catalog.isPoints { return renderPoints() }
        let w = Words(language: language)
        var out: [String] = []
        out.append(YAMLText.comment(w("售后服务管理成熟度自评表", "After-sales service maturity self-assessment"), indent: ""))
        out.append(
            YAMLText.comment(
                w(
                    "每个评价项填写 claimed（0–\(catalog.maxLevel)）并在 evidence: [] 的方括号中引用证据编号，如 [E1, E2]；等级不能超过证据支持的等级。",
                    "For every criterion fill in claimed (0–\(catalog.maxLevel)) and cite evidence ids inside the brackets of evidence: [], e.g. [E1, E2]; no level counts beyond what its evidence supports."
                ),
                indent: ""))
        out += usageLines(w)
        out.append(YAMLText.comment(w("然后运行：maturity assess 本文件", "Then run: maturity assess <this file>"), indent: ""))
        out.append(contentsOf: headerLines())
        out += ownersLines(w)
        out += evidenceLines(w)
        out += metricLines(w)
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
                out += notApplicableLine(c, w)
            }
        }
        out += findingLines(w)
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
