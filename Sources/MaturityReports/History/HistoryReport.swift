import MaturityCore

/// An organisation's results over time (`maturity history`) as a terminal table, Markdown or JSON:
/// each result's stage in the certificate cycle, rating, overall score and change, decision and
/// certificate, then every domain's score over time.
public struct HistoryReport: Sendable {
    public let history: History
    /// The catalog that names domains and ratings (the one the latest result used, when found).
    public let catalog: Catalog?
    public let language: Language
    let words: Words

    public init(history: History, catalog: Catalog?, language: Language) {
        self.history = history
        self.catalog = catalog
        self.language = language
        self.words = Words(language: language)
    }

    func ratingName(_ id: String) -> String {
        catalog?.ratingName(id, language) ?? (id == RatingRule.failId ? RatingRule.failName.text(language) : id)
    }

    func domainName(_ id: String) -> String { catalog?.domain(id)?.name.text(language) ?? id }

    var domainIds: [String] { history.domainIds(catalogOrder: catalog?.domains.map(\.id) ?? []) }

    var title: String {
        (catalog?.title.text(language) ?? history.catalogId ?? "") + words(" — 认证历程", " — certificate history")
    }

    var organisationLine: String {
        guard let o = history.organisation else { return "" }
        return o.site.map { "\(o.name) (\($0))" } ?? o.name
    }

    /// The next review the latest review set, when the latest result is a review.
    var nextReview: (due: Day, setBy: Day)? {
        guard let last = history.entries.last, let due = last.result.nextReview else { return nil }
        return (due, last.result.date)
    }

    func cycleText(_ entry: History.Entry) -> String { entry.cycle.map(String.init) ?? "—" }

    // MARK: Text

    public func text() -> String {
        let w = words
        func clean(_ text: String) -> String { TerminalSafe.clean(text) }
        var out: [String] = []
        out.append(clean(title))
        out.append(String(repeating: "=", count: min(72, max(20, DisplayWidth.of(out[0])))))
        out.append(DisplayWidth.pad(w("组织", "Organisation"), 14) + clean(organisationLine))
        out.append(
            DisplayWidth.pad(w("准则", "Catalog"), 14) + clean(history.catalogId ?? "") + " "
                + history.catalogVersions.map(clean).joined(separator: ", "))
        out.append("")
        let stageWidth = max(14, History.Stage.allCases.map { DisplayWidth.of(w.stage($0)) }.max() ?? 0) + 2
        let ratingWidth =
            max(8, history.entries.map { DisplayWidth.of(clean(ratingName($0.result.rating))) }.max() ?? 0) + 2
        let decisionWidth =
            max(
                10, history.entries.compactMap { $0.result.decision.map { DisplayWidth.of(w.decision($0)) } }.max() ?? 0
            ) + 2
        var header = DisplayWidth.pad(w("日期", "Date"), 12) + DisplayWidth.pad(w("阶段", "Stage"), stageWidth)
        header += DisplayWidth.pad(w("周期", "Cycle"), 7) + DisplayWidth.pad(w("评级", "Rating"), ratingWidth)
        header += DisplayWidth.padLeft(w("总分", "Overall"), 8) + DisplayWidth.padLeft(w("变化", "Change"), 9) + "  "
        header += DisplayWidth.pad(w("决定", "Decision"), decisionWidth) + w("证书", "Certificate")
        out.append(header)
        for entry in history.entries {
            let r = entry.result
            var line = DisplayWidth.pad(r.date.description, 12) + DisplayWidth.pad(w.stage(entry.stage), stageWidth)
            line += DisplayWidth.pad(cycleText(entry), 7) + DisplayWidth.pad(clean(ratingName(r.rating)), ratingWidth)
            line += DisplayWidth.padLeft(r.overall.map { NumberText.fixed($0) } ?? "—", 8)
            line += DisplayWidth.padLeft(entry.overallDelta.map { w.signed($0) } ?? "", 9) + "  "
            line += DisplayWidth.pad(r.decision.map { w.decision($0) } ?? "—", decisionWidth)
            line += entry.certificate.map { w.certificate($0) } ?? "—"
            out.append(Self.trimmed(line))
        }
        out.append("")
        let nameWidth = min(40, max(14, domainIds.map { DisplayWidth.of(clean(domainName($0))) }.max() ?? 0)) + 2
        out.append(
            DisplayWidth.pad(w("领域得分", "Domain scores"), nameWidth + 2)
                + history.entries.map { DisplayWidth.padLeft($0.result.date.description, 12) }.joined())
        for id in domainIds {
            var line = "  " + DisplayWidth.pad(clean(domainName(id)), nameWidth)
            for entry in history.entries {
                line += DisplayWidth.padLeft(entry.result.domain(id)?.score.map { NumberText.fixed($0) } ?? "—", 12)
            }
            out.append(line)
        }
        var overall = "  " + DisplayWidth.pad(w("总分", "Overall"), nameWidth)
        for entry in history.entries {
            overall += DisplayWidth.padLeft(entry.result.overall.map { NumberText.fixed($0) } ?? "—", 12)
        }
        out.append(overall)
        if let next = nextReview {
            out.append("")
            out.append(
                w(
                    "下次审核：\(next.due)（\(next.setBy) 的审核确定）",
                    "Next review: \(next.due) (set by the review of \(next.setBy))"))
        }
        if history.catalogVersions.count > 1 {
            out.append("")
            out.append(
                w(
                    "注意：结果使用了不同版本的准则（\(history.catalogVersions.joined(separator: "、"))），各次得分按各自版本计算。",
                    "Note: the results use different catalog versions (\(history.catalogVersions.joined(separator: ", "))); "
                        + "each score is as its own version computed it."))
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    public func markdown() -> String {
        let w = words
        func cell(_ text: String) -> String { Markdown.cell(text) }
        var out: [String] = []
        out.append("# " + Markdown.inline(title))
        out.append("")
        out.append("| | |")
        out.append("|---|---|")
        out.append("| \(w("组织", "Organisation")) | \(cell(organisationLine)) |")
        out.append(
            "| \(w("准则", "Catalog")) | \(cell((history.catalogId ?? "") + " " + history.catalogVersions.joined(separator: ", "))) |"
        )
        if let next = nextReview { out.append("| \(w("下次审核", "Next review")) | \(next.due) |") }
        out.append("")
        out.append("## " + w("各次结果", "Results"))
        out.append("")
        out.append(
            "| \(w("日期", "Date")) | \(w("阶段", "Stage")) | \(w("周期", "Cycle")) | \(w("评级", "Rating")) | \(w("总分", "Overall")) | \(w("变化", "Change")) | \(w("决定", "Decision")) | \(w("证书", "Certificate")) |"
        )
        out.append("|---|---|---:|---|---:|---:|---|---|")
        for entry in history.entries {
            let r = entry.result
            let cells = [
                r.date.description, w.stage(entry.stage), cycleText(entry), ratingName(r.rating),
                r.overall.map { NumberText.fixed($0) } ?? "—", entry.overallDelta.map { w.signed($0) } ?? "",
                r.decision.map { w.decision($0) } ?? "—", entry.certificate.map { w.certificate($0) } ?? "—",
            ]
            out.append("| " + cells.map(cell).joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("## " + w("领域得分", "Domain scores"))
        out.append("")
        out.append(
            "| \(w("领域", "Domain")) | " + history.entries.map { $0.result.date.description }.joined(separator: " | ")
                + " |")
        out.append("|---|" + String(repeating: "---:|", count: history.entries.count))
        for id in domainIds {
            let scores = history.entries.map { $0.result.domain(id)?.score.map { NumberText.fixed($0) } ?? "—" }
            out.append("| \(cell(domainName(id))) | " + scores.joined(separator: " | ") + " |")
        }
        let overall = history.entries.map { $0.result.overall.map { NumberText.fixed($0) } ?? "—" }
        out.append("| **\(w("总分", "Overall"))** | " + overall.joined(separator: " | ") + " |")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    public func json() -> String {
        let entries: [JSONValue] = history.entries.map { entry in
            let r = entry.result
            var domains: [String: JSONValue] = [:]
            for domain in r.domains { domains[domain.id] = .score(domain.score) }
            return .object([
                "file": .string(Self.fileName(r.file)),
                "date": .string(r.date.description),
                "kind": .string(r.kind.rawValue),
                "stage": .string(entry.stage.rawValue),
                "cycle": .int(entry.cycle),
                "catalog_version": .string(r.catalogVersion),
                "rating": .string(r.rating),
                "overall": .score(r.overall),
                "overall_delta": .score(entry.overallDelta),
                "domains": .object(domains),
                "decision": .text(r.decision?.rawValue),
                "next_review": .text(r.nextReview?.description),
                "certificate": .text(entry.certificate?.rawValue),
            ])
        }
        return JSONValue.object([
            "schema": .int(PreviousResult.supportedSchema),
            "organisation": history.organisation.map { ResultJSON.organisation($0) } ?? .null,
            "catalog": .object([
                "id": .text(history.catalogId), "versions": .array(history.catalogVersions.map { .string($0) }),
            ]),
            "next_review": .text(nextReview?.due.description),
            "results": .array(entries),
        ]).rendered()
    }

    static func trimmed(_ line: String) -> String {
        var text = line
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The last path component: the JSON must not depend on where the folder is.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
