import MaturityCore

/// Escaping and the page shell every HTML report shares: one self-contained file, no script, no
/// external asset, fonts Debian provides declared with fallbacks, A4 print rules.
public enum HTML {
    /// Text for element content and attribute values: `& < > " '` escaped, control characters dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escaped text with line breaks as `<br>`.
    static func lines(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "<br>")
    }

    /// A long date in the report's language: "2026年11月1日" or "1 November 2026".
    public static func date(_ day: Day, _ language: Language) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        switch language {
        case .zh: return "\(day.year)年\(day.month)月\(day.day)日"
        case .en: return "\(day.day) \(months[day.month - 1]) \(day.year)"
        }
    }

    /// A whole page: `title` in the head, `body` inside `<main>`; `extraStyle` adds rules of its own.
    static func page(title: String, language: Language, body: String, extraStyle: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="maturity">
        <title>\(escape(title))</title>
        <style>\(style)\(extraStyle.isEmpty ? "" : "\n" + extraStyle)</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static let style = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --fail: #b42318; --pass: #1f7a4d;
          --top: #6b3fa0; --accent: #2f6fb5; --warn: #b54708; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC",
          "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", "DejaVu Sans", sans-serif; }
        main { max-width: 190mm; margin: 0 auto; padding: 12mm 0; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; border-bottom: 1px solid var(--line); }
        .meta { color: var(--muted); margin: 0 0 12px; }
        .summary { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; border: 1px solid var(--line);
          border-radius: 8px; padding: 12px 16px; }
        .badge { display: inline-block; padding: 6px 14px; border-radius: 999px; color: #fff; font-weight: 700; font-size: 18px; }
        .badge.rank-0 { background: var(--fail); } .badge.rank-1 { background: var(--pass); } .badge.rank-2, .badge.rank-3 { background: var(--top); }
        .score { font-size: 28px; font-weight: 700; } .score small { font-size: 14px; color: var(--muted); font-weight: 400; }
        .blockers { margin: 8px 0 0; padding-left: 18px; } .blockers li { color: var(--fail); }
        .ok { color: var(--pass); }
        .charts { display: flex; gap: 8px; justify-content: space-between; flex-wrap: wrap; align-items: flex-start; }
        .charts svg { max-width: 100%; height: auto; }
        svg text { font-family: inherit; fill: var(--ink); }
        table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 12.5px; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #f5f7fa; white-space: nowrap; } td.date { white-space: nowrap; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .late { color: var(--fail); font-weight: 700; } .lowered { color: var(--warn); }
        details { margin: 10px 0; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; }
        summary { cursor: pointer; font-weight: 600; }
        .key::before { content: "★ "; color: var(--warn); }
        footer { color: var(--muted); font-size: 11px; margin-top: 24px; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print { main { padding: 0; max-width: none; } details { border: none; padding: 0; }
          details > summary { list-style: none; } h2 { break-after: avoid; } tr, .summary, svg { break-inside: avoid; } }
        """
}
