import MaturityCore

/// `catalog show` of a points catalog: profiles and what they exclude, adjustments, ratings with their
/// held time, and each clause's points, check and requirement.
extension CatalogListing {
    func checkName(_ check: PointsCheck) -> String {
        switch check {
        case .all: return words("整体", "all")
        case .sample: return words("抽查", "sample")
        case .graded: return words("程度", "graded")
        }
    }

    func pointsMetricText(_ metric: Metric?) -> String {
        guard let metric, let threshold = metric.thresholds[1] else { return "" }
        return "\(metric.kpi) \(words.threshold(metric.better, threshold))"
    }

    /// "销售服务型 (sales-service): excludes PS-03, PS-04".
    func profileLines() -> [String] {
        let w = words
        return catalog.profiles.map { profile in
            let excluded =
                profile.excludes.isEmpty
                ? w("无删减", "excludes nothing") : w("删减 ", "excludes ") + profile.excludes.joined(separator: ", ")
            let points = NumberText.plain(
                catalog.criteria.filter { !profile.excludes.contains($0.id) }.reduce(0) { $0 + ($1.points ?? 0) })
            return "  \(TerminalSafe.clean(profile.name.text(language))) (\(profile.id))" + w("：", ": ") + excluded
                + w("；满分 \(points) 分", "; \(points) points in all")
        }
    }

    func adjustmentSentence() -> String? {
        guard let rules = catalog.adjustments else { return nil }
        let d = NumberText.plain(rules.deductionPoints)
        let b = NumberText.plain(rules.bonusPoints)
        let max = NumberText.plain(rules.bonusMax)
        return words(
            "调整：每项扣分 −\(d)（同时为一般不符合项），每项加分 +\(b)，加分合计至多 \(max) 分；总分限于 0–100",
            "Adjustments: each deduction −\(d) (also a minor finding), each bonus +\(b), bonuses at most \(max) in all; "
                + "the overall score is held to 0–100")
    }

    func pointsText() -> String {
        let w = words
        var lines: [String] = []
        lines.append("\(TerminalSafe.clean(catalog.title.text(language))) — \(catalog.id) \(catalog.version)")
        lines.append(
            w(
                "计分：按条款得分，总分 = 100 × 得分 / 适用条款分值（满分 \(NumberText.plain(catalog.totalPoints)) 分）",
                "Scoring: clause points; overall = 100 × earned / points of the applicable clauses "
                    + "(\(NumberText.plain(catalog.totalPoints)) points in all)"))
        if !catalog.profiles.isEmpty {
            lines.append(w("企业类型：", "Profiles:"))
            lines += profileLines()
        }
        if let adjustments = adjustmentSentence() { lines.append(adjustments) }
        lines.append(contentsOf: ratingLines())
        lines.append("")
        for domain in catalog.domains {
            lines.append(
                "\(domain.id)  \(TerminalSafe.clean(domain.name.text(language)))  " + w("分值 ", "points ")
                    + NumberText.plain(domain.weight))
            for c in domain.criteria {
                var line = "  " + DisplayWidth.pad(c.id, 8) + "  "
                line += DisplayWidth.pad(TerminalSafe.clean(c.name.text(language)), 36)
                line += DisplayWidth.padLeft(NumberText.plain(c.points ?? 0), 5) + "  "
                line += DisplayWidth.pad(checkName(c.check), 7)
                if c.metric != nil { line += " " + pointsMetricText(c.metric) }
                lines.append(line.trimmingTrailingSpace())
            }
        }
        lines.append("")
        lines.append(
            w(
                "\(catalog.domains.count) 个领域，\(catalog.criteria.count) 个条款，满分 \(NumberText.plain(catalog.totalPoints)) 分",
                "\(catalog.domains.count) domains, \(catalog.criteria.count) criteria, \(NumberText.plain(catalog.totalPoints)) points"
            ))
        return lines.joined(separator: "\n") + "\n"
    }

    func pointsMarkdown() -> String {
        let w = words
        var lines = [
            "# " + Markdown.inline(catalog.title.text(language))
                + " (`\(catalog.id)` \(Markdown.inline(catalog.version)))", "",
        ]
        lines.append(
            w(
                "按条款得分：总分 = 100 × 得分 / 适用条款分值（满分 \(NumberText.plain(catalog.totalPoints)) 分）。",
                "Scored in clause points: overall = 100 × earned / points of the applicable clauses "
                    + "(\(NumberText.plain(catalog.totalPoints)) points in all)."))
        lines.append("")
        if !catalog.profiles.isEmpty {
            lines += profileLines().map { "- " + Markdown.inline(String($0.drop { $0 == " " })) }
            lines.append("")
        }
        if let adjustments = adjustmentSentence() { lines += [Markdown.inline(adjustments), ""] }
        for rule in catalog.ratings {
            lines.append(
                "- **\(Markdown.inline(rule.name.text(language)))** (`\(rule.id)`): "
                    + Markdown.inline(conditions(rule)))
        }
        lines.append("")
        for domain in catalog.domains {
            lines.append(
                "## " + Markdown.inline(domain.name.text(language)) + " (`\(domain.id)`, " + w("分值 ", "points ")
                    + NumberText.plain(domain.weight) + ")")
            lines.append("")
            lines.append(
                "| \(w("编号", "ID")) | \(w("条款", "Clause")) | \(w("分值", "Points")) | \(w("核查", "Check")) | "
                    + "\(w("要求", "Requirement")) | \(w("指标", "Metric")) |")
            lines.append("|---|---|---:|---|---|---|")
            for c in domain.criteria {
                lines.append(
                    "| \(Markdown.cell(c.id)) | \(Markdown.cell(c.name.text(language))) | \(NumberText.plain(c.points ?? 0)) | "
                        + "\(checkName(c.check)) | \(Markdown.cell(c.requirement?.text(language) ?? "")) | "
                        + "\(Markdown.cell(pointsMetricText(c.metric))) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The levels listing's JSON with what a points catalog adds.
    func pointsJSON(_ value: JSONValue) -> JSONValue {
        guard case .object(var top) = value else { return value }
        top["scoring"] = .string(catalog.scoring.rawValue)
        top["total_points"] = .number(catalog.totalPoints)
        top["profiles"] = .array(
            catalog.profiles.map {
                .object([
                    "id": .string($0.id), "name": ResultJSON.localized($0.name),
                    "excludes": .array($0.excludes.map { .string($0) }),
                ])
            })
        top["adjustments"] =
            catalog.adjustments.map {
                .object([
                    "deduction_points": .number($0.deductionPoints), "bonus_points": .number($0.bonusPoints),
                    "bonus_max": .number($0.bonusMax),
                ])
            } ?? .null
        if case .array(let ratings) = top["ratings"] {
            top["ratings"] = .array(
                zip(ratings, catalog.ratings).map { json, rule in
                    guard case .object(var fields) = json else { return json }
                    fields["held_days_min"] = .int(rule.heldDaysMin)
                    return .object(fields)
                })
        }
        if case .array(let domains) = top["domains"] {
            top["domains"] = .array(
                zip(domains, catalog.domains).map { json, domain in
                    guard case .object(var fields) = json, case .array(let criteria)? = fields["criteria"] else {
                        return json
                    }
                    fields["criteria"] = .array(
                        zip(criteria, domain.criteria).map { json, c in
                            guard case .object(var fields) = json else { return json }
                            fields["points"] = .number(c.points ?? 0)
                            fields["check"] = .string(c.check.rawValue)
                            fields["requirement"] = c.requirement.map(ResultJSON.localized) ?? .null
                            return .object(fields)
                        })
                    return .object(fields)
                })
        }
        return .object(top)
    }
}
