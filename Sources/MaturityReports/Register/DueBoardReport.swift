import MaturityCore

/// The due board: what each certificate needs, due or late, in date order; text, JSON and an HTML page.
public struct DueBoardReport: Sendable {
    public var board: DueBoard
    public var language: Language

    public init(_ board: DueBoard, language: Language) {
        self.board = board
        self.language = language
    }

    var w: Words { Words(language: language) }

    func what(_ item: DueItem) -> String {
        item.kind.name.text(language) + (item.subject.map { " \($0)" } ?? "")
    }

    func proposal(_ item: DueItem) -> String {
        guard let proposal = item.proposal else { return "" }
        return w("建议", "propose ") + proposal.name.text(language).lowercased()
    }

    public func text() -> String {
        var out = [
            w(
                "到期看板 \(board.asOf)（\(board.within) 天内到期及全部逾期）",
                "Due board on \(board.asOf) (due within \(board.within) days, and everything late)")
        ]
        if board.items.isEmpty {
            out.append(w("没有到期事项。", "Nothing due."))
            return out.joined(separator: "\n") + "\n"
        }
        out.append("")
        let header = [
            w("到期日", "Due"), w("状态", "Status"), w("证书", "Certificate"), w("事项", "What"), w("组织", "Organisation"),
        ]
        var rows = [header]
        for item in board.items {
            rows.append([
                item.due.description,
                item.status.name.text(language) + (item.proposal == nil ? "" : " — " + proposal(item)),
                item.certificate, what(item), TerminalSafe.clean(item.organisation),
            ])
        }
        let widths = (0..<header.count).map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        for row in rows {
            out.append(
                row.enumerated().map {
                    $0.offset == row.count - 1 ? $0.element : DisplayWidth.pad($0.element, widths[$0.offset])
                }
                .joined(separator: "  "))
        }
        out.append("")
        let late = board.items.filter { $0.status == .late }.count
        out.append(
            w(
                "\(board.items.count) 项，其中逾期 \(late) 项；涉及 \(board.certificates) 张证书",
                "\(board.items.count) item\(board.items.count == 1 ? "" : "s"), \(late) late; \(board.certificates) certificate\(board.certificates == 1 ? "" : "s")"
            )
                + (board.truncated ? w("（仅列出前面部分）", " (this page shows the first ones)") : ""))
        return out.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        JSONValue.object([
            "as_of": .string(board.asOf.description), "within_days": .int(board.within),
            "certificates": .int(board.certificates), "truncated": .bool(board.truncated),
            "items": .array(
                board.items.map { item in
                    .object([
                        "certificate": .string(item.certificate), "organisation": .string(item.organisation),
                        "kind": .string(item.kind.rawValue), "due": .string(item.due.description),
                        "window_end": .string(item.windowEnd.description), "status": .string(item.status.rawValue),
                        "proposal": .text(item.proposal?.rawValue), "subject": .text(item.subject),
                    ])
                }),
        ]).rendered()
    }

    /// The board as a page; `link` gives each certificate's address on the server (nil: no links).
    public func html(link: ((String) -> String)? = nil) -> String {
        let e = HTML.escape
        var body = "<h1>" + e(w("到期看板", "Due board")) + "</h1>\n"
        body +=
            "<p class=\"meta\" id=\"as-of\">"
            + e(
                w(
                    "\(HTML.date(board.asOf, language))：\(board.within) 天内到期及全部逾期的监督审核、再认证、暂停期满和严重不符合项期限",
                    "On \(HTML.date(board.asOf, language)): surveillance, recertification, suspension limits and major nonconformity deadlines due within \(board.within) days, and everything late"
                ))
            + "</p>\n"
        let late = board.items.filter { $0.status == .late }.count
        body +=
            "<section class=\"summary\" id=\"summary\"><span class=\"score\" id=\"due-count\">\(board.items.count) <small>"
            + e(w("项", "items")) + "</small></span><span class=\"score late\" id=\"late-count\">\(late) <small>"
            + e(w("逾期", "late")) + "</small></span><span>"
            + e(w("证书 \(board.certificates) 张", "\(board.certificates) certificates"))
            + "</span></section>\n"
        body += "<table id=\"due-board\">\n<thead><tr>"
        for title in [
            w("到期日", "Due"), w("期限", "Window ends"), w("状态", "Status"), w("证书", "Certificate"), w("组织", "Organisation"),
            w("事项", "What"), w("建议", "Proposal"),
        ] {
            body += "<th>" + e(title) + "</th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        for item in board.items {
            let number =
                link.map { "<a href=\"\(e($0(item.certificate)))\">\(e(item.certificate))</a>" } ?? e(item.certificate)
            body +=
                "<tr data-status=\"\(item.status.rawValue)\" data-kind=\"\(item.kind.rawValue)\"><td class=\"date\">\(item.due)</td><td class=\"date\">\(item.windowEnd)</td>"
                + "<td class=\"\(item.status == .late ? "late" : "")\">\(e(item.status.name.text(language)))</td><td>\(number)</td>"
                + "<td>\(e(item.organisation))</td><td>\(e(what(item)))</td><td>\(e(item.proposal?.name.text(language) ?? ""))</td></tr>\n"
        }
        body += "</tbody></table>\n"
        if board.items.isEmpty { body += "<p id=\"nothing-due\">" + e(w("没有到期事项。", "Nothing due.")) + "</p>\n" }
        return HTML.page(title: w("到期看板", "Due board"), language: language, body: body)
    }
}
