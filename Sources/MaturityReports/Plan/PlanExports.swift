import MaturityCore

/// A plan exported for people who do not read YAML: Markdown, CSV for spreadsheets, ICS for calendars.
public struct PlanExport: Sendable {
    public let plan: Plan
    public let language: Language
    /// Whether CSV starts with a UTF-8 byte order mark (for Excel).
    public let byteOrderMark: Bool
    /// The plan's catalog, for the names of its target, criteria, domains and KPIs (nil: ids, and the
    /// built-in KPIs' names).
    public let catalog: Catalog?
    let words: Words

    public init(plan: Plan, language: Language, byteOrderMark: Bool = false, catalog: Catalog? = nil) {
        self.plan = plan
        self.language = language
        self.byteOrderMark = byteOrderMark
        self.catalog = catalog
        self.words = Words(language: language)
    }

    /// The target rating's name (合格, not pass) when the catalog is known.
    var targetName: String? {
        plan.target.map { catalog?.ratingName($0, language) ?? $0 }
    }

    func criterionName(_ entry: PlanEntry) -> String {
        entry.criterion.flatMap { catalog?.criterion($0)?.name.text(language) } ?? ""
    }

    /// "SP-06 服务记录", or the id alone without the catalog.
    func criterionLabel(_ entry: PlanEntry) -> String {
        [entry.criterion ?? "", criterionName(entry)].filter { !$0.isEmpty }.joined(separator: " ")
    }

    func domainName(_ entry: PlanEntry) -> String {
        entry.domain.map { catalog?.domain($0)?.name.text(language) ?? $0 } ?? ""
    }

    func owner(_ entry: PlanEntry) -> String {
        entry.ownerText(language) ?? words("未指定", "unassigned")
    }

    func levels(_ entry: PlanEntry) -> String {
        if let points = entry.points {
            return "\(NumberText.plain(entry.earned ?? 0)) → \(NumberText.plain(points))" + words(" 分", " points")
        }
        switch (entry.from, entry.to) {
        case (let from?, let to?): return "\(from) → \(to)"
        case (nil, let to?): return "→ \(to)"
        case (let from?, nil): return "\(from)"
        default: return ""
        }
    }

    /// "Levels", or "Points" in the plan of a points catalog.
    var levelsHeader: String {
        plan.entries.contains { $0.points != nil } ? words("得分", "Points") : words("等级", "Levels")
    }

    /// "P1 corrective", or the priority alone in a plan written before purposes.
    func priority(_ entry: PlanEntry) -> String {
        let priority = entry.priority?.rawValue ?? ""
        guard let purpose = entry.purpose else { return priority }
        return priority.isEmpty ? words.purpose(purpose) : priority + " " + words.purpose(purpose)
    }

    /// "服务记录完整率 ≥ 95 %": the KPI's name, not its id.
    func kpiTarget(_ entry: PlanEntry) -> String {
        guard let target = entry.kpiTarget else { return "" }
        let kpi = catalog?.kpi(target.kpi) ?? KPIDefinition.builtIn.first { $0.id == target.kpi }
        // A score out of 5 reads plainly after its threshold: "≥ 4".
        let unit = kpi.map { [.percent, .minutes].contains($0.unit) ? $0.unit.valueSuffix : "" } ?? ""
        return (kpi?.name.text(language) ?? target.kpi) + " " + words.threshold(target.better, target.value) + unit
    }

    // MARK: Markdown

    public func markdown() -> String {
        let w = words
        var out: [String] = []
        out.append("# " + w("改进计划", "Improvement plan") + " — " + Markdown.inline(plan.organisation))
        out.append("")
        var facts = [w("评估日期", "Assessment date") + ": " + plan.date.description]
        if let target = targetName { facts.append(w("目标", "Target") + ": " + Markdown.inline(target)) }
        if let catalog = plan.catalog { facts.append(w("准则", "Catalog") + ": " + Markdown.inline(catalog)) }
        out.append(facts.joined(separator: " · "))
        out.append("")
        let counts = PlanAction.Status.allCases.map { status in
            "\(w.status(status)) \(plan.entries.filter { $0.status == status }.count)"
        }
        out.append(
            w("行动 \(plan.entries.count) 项：", "\(plan.entries.count) actions: ") + counts.joined(separator: w("，", ", "))
        )
        out.append("")
        out.append(
            "| "
                + [
                    "ID", w("优先级", "Priority"), w("状态", "Status"), w("评价项", "Criterion"), levelsHeader,
                    w("措施", "What to do"), w("指标目标", "KPI target"), w("负责人", "Owner"), w("期限", "Due"),
                ].joined(separator: " | ") + " |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for entry in plan.entries {
            let cells = [
                entry.id, priority(entry), w.status(entry.status), criterionLabel(entry), levels(entry),
                entry.what?.text(language) ?? "", kpiTarget(entry), owner(entry),
                entry.due?.description ?? "",
            ]
            out.append("| " + cells.map(Markdown.cell).joined(separator: " | ") + " |")
        }
        let filled = plan.entries.filter {
            [$0.rootCause, $0.measures, $0.progress].contains { ($0 ?? "").isEmpty == false } || $0.completed != nil
        }
        if !filled.isEmpty {
            out.append("")
            out.append("## " + w("分析与进展", "Analysis and progress"))
            for entry in filled {
                out.append("")
                out.append("### " + Markdown.inline(entry.id))
                func line(_ label: String, _ text: String?) {
                    guard let text, !text.isEmpty else { return }
                    out.append("- **\(label)**: " + Markdown.inline(text))
                }
                line(w("问题根源分析", "Root cause"), entry.rootCause)
                line(w("改进措施", "Measures"), entry.measures)
                line(w("进展", "Progress"), entry.progress)
                line(w("验证方式", "Verification"), entry.verification?.text(language))
                line(w("完成日期", "Completed"), entry.completed?.description)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    /// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break, and
    /// cells a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with an apostrophe.
    ///
    /// In Chinese every header, status and purpose is Chinese and domains are named; in English the columns
    /// keep the plan file's keys and values, for scripts.
    public func csv() -> String {
        let w = words
        let points = plan.entries.contains { $0.points != nil }
        var rows: [[String]] = [
            [
                w("编号", "id"), w("优先级", "priority"), w("性质", "purpose"), w("状态", "status"),
                w("评价项", "criterion"), w("评价项名称", "criterion_name"), w("领域", "domain"),
                points ? w("原得分", "earned") : w("原等级", "from"), points ? w("分值", "points") : w("目标等级", "to"),
                w("措施", "what"), w("指标目标", "kpi_target"), w("负责人", "owner"), w("期限", "due"),
                w("问题根源分析", "root_cause"), w("改进措施", "measures"), w("进展", "progress"),
                w("验证方式", "verification"), w("完成日期", "completed"),
            ]
        ]
        for entry in plan.entries {
            rows.append([
                entry.id, entry.priority?.rawValue ?? "",
                entry.purpose.map { language == .zh ? w.purpose($0) : $0.rawValue } ?? "",
                language == .zh ? w.status(entry.status) : entry.status.rawValue,
                entry.criterion ?? "", criterionName(entry),
                language == .zh ? domainName(entry) : entry.domain ?? "",
                entry.from.map(String.init) ?? entry.earned.map { NumberText.plain($0) } ?? "",
                entry.to.map(String.init) ?? entry.points.map { NumberText.plain($0) } ?? "",
                entry.what?.text(language) ?? "", kpiTarget(entry), entry.ownerText(language) ?? "",
                entry.due?.description ?? "", entry.rootCause ?? "", entry.measures ?? "", entry.progress ?? "",
                entry.verification?.text(language) ?? "", entry.completed?.description ?? "",
            ])
        }
        let body = rows.map { $0.map(CSV.field).joined(separator: ",") + "\r\n" }.joined()
        return (byteOrderMark ? "\u{FEFF}" : "") + body
    }

    // MARK: ICS

    /// iCalendar (RFC 5545): one VTODO per action with DUE, a UID stable across regenerations, and
    /// DTSTAMP from the plan's date (never the clock); lines folded at 75 octets, CRLF.
    public func ics() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//maturity//improvement plan//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:" + ICS.text(words("改进计划", "Improvement plan") + " " + plan.organisation),
        ]
        let stamp = ICS.date(plan.date) + "T000000Z"
        let organisation = ICS.hash(plan.organisation)
        for entry in plan.entries {
            lines.append("BEGIN:VTODO")
            lines.append("UID:" + ICS.slug(entry.id) + "." + organisation + "@maturity")
            lines.append("DTSTAMP:" + stamp)
            var summary = entry.id
            if let what = entry.what?.text(language), !what.isEmpty { summary += " " + what }
            lines.append("SUMMARY:" + ICS.text(summary))
            var description: [String] = []
            if entry.criterion != nil { description.append(words("评价项", "Criterion") + ": " + criterionLabel(entry)) }
            if !levels(entry).isEmpty { description.append(levelsHeader + ": " + levels(entry)) }
            if !kpiTarget(entry).isEmpty { description.append(words("指标目标", "KPI target") + ": " + kpiTarget(entry)) }
            description.append(words("负责人", "Owner") + ": " + owner(entry))
            if let text = entry.verification?.text(language), !text.isEmpty {
                description.append(words("验证方式", "Verification") + ": " + text)
            }
            lines.append("DESCRIPTION:" + ICS.text(description.joined(separator: "\n")))
            if let due = entry.due { lines.append("DUE;VALUE=DATE:" + ICS.date(due)) }
            if let priority = entry.priority {
                lines.append("PRIORITY:" + (priority == .p1 ? "1" : priority == .p2 ? "5" : "9"))
            }
            lines.append("STATUS:" + ICS.status(entry.status))
            if let completed = entry.completed, entry.status == .done {
                lines.append("COMPLETED:" + ICS.date(completed) + "T000000Z")
            }
            if let category = entry.kind { lines.append("CATEGORIES:" + ICS.text(category)) }
            lines.append("END:VTODO")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICS.fold).joined(separator: "\r\n") + "\r\n"
    }
}

extension PlanExport {
    /// The plan as one self-contained HTML page: counts first, then every action with its owner and due date.
    public func html() -> String {
        let w = words
        func e(_ text: String) -> String { HTML.escape(text) }
        var body = "<header>\n<h1>" + e(w("改进计划", "Improvement plan") + " — " + plan.organisation) + "</h1>\n"
        var meta = [w("评估日期 ", "Assessment date ") + HTML.date(plan.date, language)]
        if let target = targetName { meta.append(w("目标 ", "Target ") + target) }
        if let catalog = plan.catalog { meta.append(catalog) }
        body += "<p class=\"meta\">" + e(meta.joined(separator: " · ")) + "</p>\n</header>\n"
        body += "<section id=\"summary\" class=\"summary\">"
        for status in PlanAction.Status.allCases {
            let n = plan.entries.filter { $0.status == status }.count
            body += "<span><span class=\"score\">\(n)</span> \(e(w.status(status)))</span>"
        }
        body += "</section>\n"
        body += "<h2>" + e(w("行动", "Actions")) + "</h2>\n<table id=\"plan\"><thead><tr><th>ID</th>"
        for header in [
            w("优先级", "Priority"), w("状态", "Status"), levelsHeader, w("措施", "What to do"),
            w("负责人", "Owner"), w("期限", "Due"),
        ] {
            body += "<th>\(e(header))</th>"
        }
        body += "</tr></thead><tbody>\n"
        for entry in plan.entries {
            var what = HTML.lines(entry.what?.text(language) ?? "")
            if !kpiTarget(entry).isEmpty {
                what += "<br><small>" + e(w("指标目标：", "KPI target: ") + kpiTarget(entry)) + "</small>"
            }
            for (label, text) in [
                (w("问题根源分析", "Root cause"), entry.rootCause), (w("改进措施", "Measures"), entry.measures),
                (w("进展", "Progress"), entry.progress),
            ] {
                if let text, !text.isEmpty { what += "<br><small><b>\(e(label))</b>: \(HTML.lines(text))</small>" }
            }
            body += "<tr><td>\(e(entry.id))</td><td>\(e(entry.priority?.rawValue ?? ""))</td>"
            body += "<td>\(e(w.status(entry.status)))</td><td class=\"date\">\(e(levels(entry)))</td><td>\(what)</td>"
            body +=
                "<td>\(e(owner(entry)))</td><td class=\"date\">\(entry.due.map { e(HTML.date($0, language)) } ?? "")</td></tr>\n"
        }
        body += "</tbody></table>\n"
        return HTML.page(
            title: w("改进计划", "Improvement plan") + " — " + plan.organisation, language: language, body: body)
    }
}
