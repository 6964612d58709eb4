import Foundation
import MaturityCore

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
