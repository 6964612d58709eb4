import MaturityCore

/// `catalog show`: domains and criteria with id, weight, key flag and metric.
public struct CatalogListing: Sendable {
    let catalog: Catalog
    let language: Language
    let words: Words

    public init(catalog: Catalog, language: Language) {
        self.catalog = catalog
        self.language = language
        self.words = Words(language: language)
    }

    func metricText(_ metric: Metric?) -> String {
        guard let metric else { return "" }
        let steps = metric.thresholds.keys.sorted().map { "\($0):\(NumberText.plain(metric.thresholds[$0]!))" }
        return "\(metric.kpi) \(metric.better == .lower ? "≤" : "≥") " + steps.joined(separator: " ")
    }

    /// A rating's conditions as a sentence: "总分不低于70，各领域不低于60，关键项均不低于3级，无未关闭的严重不符合项".
    func conditions(_ rule: RatingRule) -> String {
        let w = words
        var parts: [String] = []
        if let v = rule.overallMin {
            parts.append(w("总分不低于\(NumberText.plain(v))", "overall at least \(NumberText.plain(v))"))
        }
        if let v = rule.domainMin {
            parts.append(w("各领域不低于\(NumberText.plain(v))", "every domain at least \(NumberText.plain(v))"))
        }
        if let v = rule.keyLevelMin {
            parts.append(w("关键项均不低于\(v)级", "every key criterion at level \(v) or above"))
        }
        for criterion in catalog.criteria {
            guard let level = rule.criterionMin[criterion.id] else { continue }
            let name = TerminalSafe.clean(criterion.name.text(language))
            parts.append(
                w("\(name)（\(criterion.id)）不低于\(level)级", "\(name) (\(criterion.id)) at level \(level) or above"))
        }
        if let days = rule.heldDaysMin, let lowest = catalog.lowestRating {
            let held = TerminalSafe.clean(lowest.name.text(language))
            parts.append(w("且已保持“\(held)”满\(days)天", "after \(days) days at \(held)"))
        }
        let none = FindingGrade.allCases.filter { rule.maxOpen[$0] == 0 }
        if !none.isEmpty {
            let names = none.map { $0.name.text(language) }
            parts.append(
                w(
                    "无未关闭的" + names.map { $0 + "项" }.joined(separator: "和"),
                    "no open " + names.map { $0.lowercased() }.joined(separator: " or ")))
        }
        for grade in FindingGrade.allCases {
            guard let limit = rule.maxOpen[grade], limit > 0 else { continue }
            let name = grade.name.text(language)
            parts.append(w("未关闭的\(name)项不超过\(limit)项", "at most \(limit) open \(name.lowercased())"))
        }
        return parts.joined(separator: w("，", ", "))
    }

    /// "Ratings:" and one line per rating with its conditions in words.
    func ratingLines() -> [String] {
        [words("评级：", "Ratings:")]
            + catalog.ratings.map { rule in
                "  \(TerminalSafe.clean(rule.name.text(language))) (\(rule.id))" + words("：", ": ") + conditions(rule)
            }
    }

    public func text() -> String {
        if catalog.isPoints { return pointsText() }
        let w = words
        var lines: [String] = []
        lines.append("\(TerminalSafe.clean(catalog.title.text(language))) — \(catalog.id) \(catalog.version)")
        let scale = catalog.levels.map { "\($0.level) \(TerminalSafe.clean($0.name.text(language)))" }
        lines.append(w("等级：", "Levels: ") + scale.joined(separator: " · "))
        lines.append(contentsOf: ratingLines())
        lines.append("")
        for domain in catalog.domains {
            lines.append(
                "\(domain.id)  \(TerminalSafe.clean(domain.name.text(language)))  " + w("权重 ", "weight ")
                    + NumberText.plain(domain.weight))
            for c in domain.criteria {
                var line = "  " + DisplayWidth.pad(c.id, 8) + (c.key ? "★ " : "  ")
                line += DisplayWidth.pad(TerminalSafe.clean(c.name.text(language)), 36)
                line += DisplayWidth.padLeft(NumberText.plain(c.weight), 5)
                if c.metric != nil { line += "   " + metricText(c.metric) }
                lines.append(line)
            }
        }
        lines.append("")
        lines.append(
            w(
                "\(catalog.domains.count) 个领域，\(catalog.criteria.count) 个评价项，其中关键项 \(catalog.criteria.filter(\.key).count) 个（★）",
                "\(catalog.domains.count) domains, \(catalog.criteria.count) criteria, \(catalog.criteria.filter(\.key).count) key (★)"
            ))
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        if catalog.isPoints { return pointsMarkdown() }
        let w = words
        var lines = [
            "# " + Markdown.inline(catalog.title.text(language))
                + " (`\(catalog.id)` \(Markdown.inline(catalog.version)))", "",
        ]
        for domain in catalog.domains {
            lines.append(
                "## " + Markdown.inline(domain.name.text(language)) + " (`\(domain.id)`, " + w("权重 ", "weight ")
                    + NumberText.plain(domain.weight) + ")")
            lines.append("")
            lines.append(
                "| \(w("编号", "ID")) | \(w("评价项", "Criterion")) | \(w("权重", "Weight")) | \(w("关键", "Key")) | \(w("指标", "Metric")) |"
            )
            lines.append("|---|---|---:|---|---|")
            for c in domain.criteria {
                lines.append(
                    "| \(Markdown.cell(c.id)) | \(Markdown.cell(c.name.text(language))) | \(NumberText.plain(c.weight)) | \(c.key ? "★" : "") | \(Markdown.cell(metricText(c.metric))) |"
                )
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    public func json() -> String {
        var value = JSONValue.object([
            "id": .string(catalog.id),
            "version": .string(catalog.version),
            "title": ResultJSON.localized(catalog.title),
            "max_level": .int(catalog.maxLevel),
            "ratings": .array(
                catalog.ratings.map { rule in
                    .object([
                        "id": .string(rule.id), "name": ResultJSON.localized(rule.name),
                        "overall_min": rule.overallMin.map { .number($0) } ?? .null,
                        "domain_min": rule.domainMin.map { .number($0) } ?? .null,
                        "key_level_min": .int(rule.keyLevelMin),
                        "max_open": .object(
                            Dictionary(
                                uniqueKeysWithValues: rule.maxOpen.map { ($0.key.rawValue, JSONValue.int($0.value)) })),
                        "criterion_min": .object(rule.criterionMin.mapValues { JSONValue.int($0) }),
                    ])
                }),
            "domains": .array(
                catalog.domains.map { domain in
                    .object([
                        "id": .string(domain.id), "name": ResultJSON.localized(domain.name),
                        "weight": .number(domain.weight),
                        "criteria": .array(
                            domain.criteria.map { c in
                                .object([
                                    "id": .string(c.id), "name": ResultJSON.localized(c.name),
                                    "weight": .number(c.weight),
                                    "key": .bool(c.key),
                                    "metric": c.metric.map { m in
                                        .object([
                                            "kpi": .string(m.kpi), "better": .string(m.better.rawValue),
                                            "thresholds": .object(
                                                Dictionary(
                                                    uniqueKeysWithValues: m.thresholds.map {
                                                        (String($0.key), JSONValue.number($0.value))
                                                    })),
                                        ])
                                    } ?? .null,
                                    "sources": .array(c.sources.map { .string($0) }),
                                ])
                            }),
                    ])
                }),
        ])
        if catalog.isPoints { value = pointsJSON(value) }
        return value.rendered()
    }
}
