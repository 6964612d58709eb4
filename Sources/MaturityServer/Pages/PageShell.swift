import Foundation
import HTTPTypes
import Hummingbird
import MaturityCore
import MaturityReports

/// Words of the pages in the page's language: `t("中文", "English")`.
struct PageText: Sendable {
    let language: Language

    func callAsFunction(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// The other language, for the switch in the top bar.
    var other: Language { language == .zh ? .en : .zh }
}

/// Text a person typed, safe in element content and attribute values.
func h(_ text: String) -> String { HTML.escape(text) }

/// The shell of every page: one self-contained document (inline style, no script, no external asset), a top
/// bar with the way home and the language switch, breadcrumbs, and exactly one `h1`.
enum PageShell {
    struct Crumb {
        var title: String
        var href: String?
    }

    static func page(
        title: String, t: PageText, path: String, crumbs: [Crumb] = [], tabs: String = "", body: String
    ) -> String {
        let lang = t.language.rawValue
        var out = """
            <!DOCTYPE html>
            <html lang="\(t.language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(title)) · maturity</title>
            <style>\(HTMLReport.style)\n\(style)</style>
            </head>
            <body>
            <header class="top"><a class="home" href="/\(lang)/">\(h(t("售后服务成熟度 · 工作台", "After-sales maturity · workspace")))</a>
            <a class="lang" href="/\(t.other.rawValue)\(h(path))" hreflang="\(t.other.rawValue)">\(t.language == .zh ? "English" : "中文")</a></header>
            <main>

            """
        if !crumbs.isEmpty {
            out += "<nav class=\"crumbs\" aria-label=\"\(h(t("位置", "Breadcrumbs")))\"><ol>"
            for crumb in crumbs {
                out +=
                    "<li>" + (crumb.href.map { "<a href=\"\(h($0))\">\(h(crumb.title))</a>" } ?? h(crumb.title))
                    + "</li>"
            }
            out += "</ol></nav>\n"
        }
        out += "<h1>\(h(title))</h1>\n"
        out += tabs
        out += body
        out += "\n</main>\n</body>\n</html>\n"
        return withFormToken(out)
    }

    /// Every form that posts carries the session's CSRF token as its first field (AccessMiddleware checks it).
    static func withFormToken(_ html: String, token: String? = Principal.current.csrf) -> String {
        guard let token else { return html }
        // Searched byte by byte: the markup searched for is ASCII, and Foundation's search (which compares by
        // canonical equivalence) took longer than the rest of serving a kept page.
        let opening = Array("<form method=\"post\"".utf8)
        let field = Array("<input type=\"hidden\" name=\"\(CSRFToken.field)\" value=\"\(h(token))\">".utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8 * field.count)
        var copied = 0
        var index = 0
        while index + opening.count <= bytes.count {
            guard bytes[index] == opening[0], bytes[index..<index + opening.count].elementsEqual(opening) else {
                index += 1
                continue
            }
            guard let end = bytes[(index + opening.count)...].firstIndex(of: UInt8(ascii: ">")) else { break }
            out += bytes[copied...end]
            out += field
            copied = end + 1
            index = copied
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The tabs of an assessment's pages, the current one marked.
    static func tabs(_ base: String, current: String, t: PageText, isAudit: Bool) -> String {
        var items: [(String, String)] = [
            ("", t("总览", "Overview")), ("/evidence", t("证据", "Evidence")), ("/kpis", t("指标", "KPIs")),
        ]
        if isAudit { items.append(("/findings", t("审核发现", "Findings"))) }
        items += [
            ("/plan", t("改进计划", "Plan")), ("/review", t("监督评审", "Review")), ("/history", t("历史", "History")),
            ("/downloads", t("报告与下载", "Reports & downloads")), ("/trail", t("变更记录", "Audit trail")),
        ]
        var out = "<nav class=\"tabs\" aria-label=\"\(h(t("评估页面", "Assessment pages")))\"><ul>"
        for (suffix, title) in items {
            let here = suffix == current
            out += "<li><a href=\"\(h(base + suffix))\"\(here ? " aria-current=\"page\"" : "")>\(h(title))</a></li>"
        }
        return out + "</ul></nav>\n"
    }

    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                HTTPField.Name("Content-Security-Policy")!:
                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Back to a page after a form was handled (Post/Redirect/Get).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A notice at the top of a page.
    static func notice(_ text: String, kind: String = "ok") -> String {
        "<p class=\"notice \(kind)\" role=\"status\">\(h(text))</p>\n"
    }

    /// The problems of a refused save, listed as the command line words them.
    static func problems(_ error: APIError, t: PageText) -> String {
        var out = "<div class=\"notice error\" role=\"alert\"><p>\(h(t("未保存：", "Not saved: ") + error.message))</p>"
        if !error.problems.isEmpty {
            out += "<ul>"
            for problem in error.problems {
                out += "<li>" + (problem.location.map { "<code>\(h($0))</code> " } ?? "") + h(problem.message)
                if let hint = problem.hint { out += "<br><small>\(h(t("提示：", "hint: ") + hint))</small>" }
                out += "</li>"
            }
            out += "</ul>"
        }
        return out + "</div>\n"
    }

    static let style = """
        body { background: #f4f6f9; font-size: 15px; }
        .top { display: flex; justify-content: space-between; align-items: center; background: #16324f; padding: 0 20px; min-height: 52px; }
        .top a { color: #fff; text-decoration: none; font-weight: 600; padding: 12px 4px; }
        .top .lang { font-weight: 400; border: 1px solid #8fa9c4; border-radius: 6px; padding: 6px 12px; }
        main { max-width: 1100px; margin: 0 auto; padding: 18px 20px 48px; }
        main > h1 { font-size: 24px; margin: 6px 0 14px; }
        .crumbs ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; color: var(--muted); font-size: 13px; }
        .crumbs li + li::before { content: "›"; margin-right: 6px; }
        .crumbs a { color: var(--accent); }
        .tabs ul { list-style: none; margin: 0 0 16px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; border-bottom: 2px solid var(--line); }
        .tabs a { display: inline-block; padding: 10px 14px; min-height: 44px; color: var(--ink); text-decoration: none; border-radius: 6px 6px 0 0; }
        .tabs a[aria-current] { background: #fff; border: 1px solid var(--line); border-bottom: 2px solid #fff; margin-bottom: -2px; font-weight: 700; }
        section.card, .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; margin: 0 0 16px; }
        .summary { background: #fff; }
        table { background: #fff; font-size: 14px; }
        th, td { padding: 8px 8px; }
        a { color: var(--accent); }
        label { font-weight: 600; display: block; margin: 10px 0 4px; }
        input[type=text], input[type=date], input[type=number], input[type=search], select, textarea {
          font: inherit; width: 100%; max-width: 560px; min-height: 44px; padding: 8px 10px; border: 1px solid #9aa5b1; border-radius: 6px; background: #fff; }
        textarea { min-height: 88px; max-width: 100%; }
        input[type=file] { font: inherit; min-height: 44px; }
        button, .button { font: inherit; font-weight: 600; min-height: 48px; min-width: 48px; padding: 10px 20px; border-radius: 8px; border: 1px solid #16324f;
          background: #16324f; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #fff; color: #16324f; }
        button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
        fieldset { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px 12px; margin: 12px 0; background: #fff; }
        legend { font-weight: 700; padding: 0 6px; }
        .choice { display: flex; gap: 12px; align-items: flex-start; margin: 6px 0; padding: 10px 12px; min-height: 48px; border: 1px solid var(--line);
          border-radius: 8px; font-weight: 400; cursor: pointer; background: #fff; }
        .choice:has(input:checked) { border-color: var(--accent); background: #eef4fb; }
        .choice input { width: 22px; height: 22px; margin-top: 2px; flex: none; }
        .choice .n { font-weight: 700; min-width: 2.2em; }
        .notice { border-radius: 8px; padding: 10px 14px; margin: 0 0 14px; border: 1px solid; }
        .notice.ok { background: #e8f5ee; border-color: #9bd0b3; color: #14532d; }
        .notice.error { background: #fdecea; border-color: #f1a9a0; color: #7a1a0e; }
        .notice.warn { background: #fff6e5; border-color: #f5c77e; color: #663c00; }
        .pill { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 12.5px; border: 1px solid var(--line); white-space: nowrap; }
        .pill.valid { background: #e8f5ee; color: #14532d; } .pill.invalid { background: #fdecea; color: #7a1a0e; }
        .pill.na { background: #eef0f3; } .pill.todo { background: #fff6e5; color: #663c00; }
        .row { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
        .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; } @media (max-width: 800px) { .grid2 { grid-template-columns: 1fr; } }
        .pager { display: flex; justify-content: space-between; gap: 12px; margin: 18px 0; }
        .levelnow { font-size: 20px; font-weight: 700; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        td, th { overflow-wrap: anywhere; } td:first-child { white-space: nowrap; overflow-wrap: normal; }
        .conflict td, .conflict th { vertical-align: top; }
        progress { width: 240px; height: 16px; }
        """
}

extension Day {
    /// Today, from this machine's clock: the pages judge overdue actions on it (the engine never reads a clock).
    static var today: Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(iso: String(format: "%04d-%02d-%02d", parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1))
            ?? Day(iso: "2000-01-01")!  // a date written from its own parts always parses
    }
}
