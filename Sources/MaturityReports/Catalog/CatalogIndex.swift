import MaturityCore

/// `catalog show` with several catalogs in Criteria/: one line per catalog (id, version, scoring, size,
/// title, where it is), and how to show one.
public struct CatalogIndex: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var catalog: Catalog
    }

    let entries: [Entry]
    let language: Language
    let words: Words

    public init(entries: [(path: String, catalog: Catalog)], language: Language) {
        self.entries = entries.map { Entry(path: $0.path, catalog: $0.catalog) }
        self.language = language
        self.words = Words(language: language)
    }

    func scoring(_ catalog: Catalog) -> String {
        catalog.isPoints
            ? words(
                "按分值，满分 \(NumberText.plain(catalog.totalPoints))",
                "points, \(NumberText.plain(catalog.totalPoints)) in all")
            : words("等级 0–\(catalog.maxLevel)", "levels 0–\(catalog.maxLevel)")
    }

    func ratings(_ catalog: Catalog) -> String {
        catalog.ratings.map { $0.name.text(language) }.joined(separator: words("、", ", "))
    }

    public func text() -> String {
        let w = words
        var lines = [w("Criteria/ 中的准则（\(entries.count) 个）：", "Catalogs in Criteria/ (\(entries.count)):"), ""]
        let idWidth = entries.map { DisplayWidth.of($0.catalog.id) }.max() ?? 0
        for entry in entries {
            let c = entry.catalog
            lines.append(
                "  " + DisplayWidth.pad(c.id, idWidth + 2) + DisplayWidth.pad(c.version, 10)
                    + TerminalSafe.clean(c.title.text(language)))
            lines.append(
                "  " + String(repeating: " ", count: idWidth + 12) + scoring(c) + w("；", "; ")
                    + w("\(c.criteria.count) 个评价项；评级 ", "\(c.criteria.count) criteria; ratings ")
                    + TerminalSafe.clean(ratings(c)) + w("；", "; ") + TerminalSafe.clean(entry.path))
        }
        lines.append("")
        lines.append(
            w(
                "查看其中一个：maturity catalog show <编号>（例如 \(entries.first?.catalog.id ?? "")）",
                "Show one: maturity catalog show <id> (e.g. \(entries.first?.catalog.id ?? ""))"))
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        let w = words
        var lines = [
            "# " + w("Criteria/ 中的准则", "Catalogs in Criteria/"), "",
            "| \(w("编号", "ID")) | \(w("版本", "Version")) | \(w("名称", "Title")) | \(w("计分", "Scoring")) | "
                + "\(w("评价项", "Criteria")) | \(w("评级", "Ratings")) |",
            "|---|---|---|---|---:|---|",
        ]
        for entry in entries {
            let c = entry.catalog
            lines.append(
                "| `\(c.id)` | \(Markdown.cell(c.version)) | \(Markdown.cell(c.title.text(language))) | \(scoring(c)) | "
                    + "\(c.criteria.count) | \(Markdown.cell(ratings(c))) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        JSONValue.array(
            entries.map { entry in
                let c = entry.catalog
                return .object([
                    "id": .string(c.id), "version": .string(c.version), "title": ResultJSON.localized(c.title),
                    "scoring": .string(c.scoring.rawValue), "criteria": .int(c.criteria.count),
                    "ratings": .array(c.ratings.map { .string($0.id) }), "path": .string(entry.path),
                ])
            }
        ).rendered()
    }
}
