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

/// Charts drawn as inline SVG, labelled in the report's language.
enum SVGChart {
    struct Series {
        var label: String
        var value: Double?
    }

    /// A radar of scores 0–100, one axis per item, rings every 20 points, and an optional dashed ring
    /// for a required minimum.
    static func radar(_ items: [Series], minimum: Double?, title: String, size: Double = 340) -> String {
        let n = items.count
        guard n >= 3 else { return "" }
        let centre = size / 2
        let radius = size / 2 - 95
        // Labels sit outside the rings: room for them left and right, less above and below.
        let height = 2 * radius + 80
        let middle = radius + 36
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(n)
            let r = radius * max(0, min(100, value)) / 100
            return (centre + r * cos(angle), middle + r * sin(angle))
        }
        func polygon(_ values: [Double]) -> String {
            values.enumerated().map { i, v in
                let (x, y) = point(i, v)
                return "\(fixed(x)),\(fixed(y))"
            }.joined(separator: " ")
        }
        var svg =
            "<svg class=\"radar\" role=\"img\" overflow=\"visible\" viewBox=\"0 0 \(fixed(size)) \(fixed(height))\" width=\"\(fixed(size))\" height=\"\(fixed(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for ring in stride(from: 20.0, through: 100, by: 20) {
            svg += "<polygon points=\"\(polygon(Array(repeating: ring, count: n)))\" fill=\"none\" stroke=\"#d9e2ec\"/>"
        }
        for i in 0..<n {
            let (x, y) = point(i, 100)
            svg +=
                "<line x1=\"\(fixed(centre))\" y1=\"\(fixed(middle))\" x2=\"\(fixed(x))\" y2=\"\(fixed(y))\" stroke=\"#d9e2ec\"/>"
        }
        if let minimum {
            svg +=
                "<polygon class=\"minimum\" points=\"\(polygon(Array(repeating: minimum, count: n)))\" fill=\"none\" stroke=\"#b54708\" stroke-dasharray=\"4 3\"/>"
        }
        svg +=
            "<polygon class=\"scores\" points=\"\(polygon(items.map { $0.value ?? 0 }))\" fill=\"rgba(47,111,181,0.25)\" stroke=\"#2f6fb5\" stroke-width=\"2\"/>"
        for (i, item) in items.enumerated() {
            let (x, y) = point(i, 118)
            let anchor = abs(x - centre) < 8 ? "middle" : (x < centre ? "end" : "start")
            let value = item.value.map { NumberText.fixed($0) } ?? "—"
            svg += "<text x=\"\(fixed(x))\" y=\"\(fixed(y))\" font-size=\"11\" text-anchor=\"\(anchor)\">"
            svg += "<tspan>\(HTML.escape(truncated(item.label, 16)))</tspan>"
            svg += "<tspan x=\"\(fixed(x))\" dy=\"13\" font-weight=\"700\">\(value)</tspan></text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars of scores 0–100 with an optional minimum line.
    static func bars(_ items: [Series], minimum: Double?, title: String, width: Double = 340) -> String {
        let rowHeight = 26.0
        let labelWidth = 130.0
        let barWidth = width - labelWidth - 50
        let height = Double(items.count) * rowHeight + 10
        var svg =
            "<svg class=\"bars\" role=\"img\" viewBox=\"0 0 \(fixed(width)) \(fixed(height))\" width=\"\(fixed(width))\" height=\"\(fixed(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for (i, item) in items.enumerated() {
            let y = 5 + Double(i) * rowHeight
            let value = item.value ?? 0
            let colour = minimum.map { value + 1e-9 < $0 ? "#b42318" : "#2f6fb5" } ?? "#2f6fb5"
            svg +=
                "<text x=\"\(fixed(labelWidth - 6))\" y=\"\(fixed(y + 15))\" font-size=\"11\" text-anchor=\"end\">\(HTML.escape(truncated(item.label, 20)))</text>"
            svg +=
                "<rect x=\"\(fixed(labelWidth))\" y=\"\(fixed(y + 3))\" width=\"\(fixed(barWidth))\" height=\"16\" fill=\"#f0f4f8\"/>"
            if item.value != nil {
                svg +=
                    "<rect class=\"bar\" x=\"\(fixed(labelWidth))\" y=\"\(fixed(y + 3))\" width=\"\(fixed(barWidth * max(0, min(100, value)) / 100))\" height=\"16\" fill=\"\(colour)\"/>"
            }
            let text = item.value.map { NumberText.fixed($0) } ?? "—"
            svg +=
                "<text x=\"\(fixed(labelWidth + barWidth + 6))\" y=\"\(fixed(y + 15))\" font-size=\"11\">\(text)</text>"
        }
        if let minimum {
            let x = labelWidth + barWidth * minimum / 100
            svg +=
                "<line class=\"minimum\" x1=\"\(fixed(x))\" y1=\"2\" x2=\"\(fixed(x))\" y2=\"\(fixed(height - 2))\" stroke=\"#b54708\" stroke-dasharray=\"4 3\"/>"
        }
        return svg + "</svg>"
    }

    static func fixed(_ value: Double) -> String {
        NumberText.fixed(value)
    }

    /// At most `limit` display columns (a Chinese character takes two).
    static func truncated(_ text: String, _ limit: Int) -> String {
        DisplayWidth.truncate(text, limit)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
