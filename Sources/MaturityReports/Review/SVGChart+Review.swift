import MaturityCore

extension HTML {
    /// A month in the report's language, for chart axes: "2026年5月" or "May 2026".
    public static func month(_ day: Day, _ language: Language) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        switch language {
        case .zh: return "\(day.year)年\(day.month)月"
        case .en: return "\(months[day.month - 1]) \(day.year)"
        }
    }
}

/// Charts of reviews and histories: score changes per domain, and scores over time.
extension SVGChart {
    struct Change {
        var label: String
        var previous: Double?
        var current: Double?

        var delta: Double? {
            guard let previous, let current else { return nil }
            return NumberText.rounded(current) - NumberText.rounded(previous)
        }
    }

    /// Bars left (fell) or right (rose) of a zero line, one per item, with "before → now (±change)".
    static func deltaBars(_ items: [Change], title: String, signed: (Double) -> String, width: Double = 640) -> String {
        let rowHeight = 26.0
        let labelWidth = 190.0
        let area = 240.0
        let centre = labelWidth + area / 2
        let top = 18.0
        let height = top + Double(items.count) * rowHeight + 6
        let largest = items.compactMap(\.delta).map(abs).max() ?? 0
        let scale = [2.0, 5, 10, 20, 50, 100].first { largest <= $0 + Tolerance.epsilon } ?? 100
        var svg =
            "<svg class=\"deltas\" role=\"img\" viewBox=\"0 0 \(fixed(width)) \(fixed(height))\" width=\"\(fixed(width))\" height=\"\(fixed(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for (x, text) in [(labelWidth, signed(-scale)), (centre, "0"), (labelWidth + area, signed(scale))] {
            svg +=
                "<text x=\"\(fixed(x))\" y=\"11\" font-size=\"10\" text-anchor=\"middle\" fill=\"#616e7c\">\(HTML.escape(text))</text>"
        }
        svg +=
            "<rect x=\"\(fixed(labelWidth))\" y=\"\(fixed(top))\" width=\"\(fixed(area))\" height=\"\(fixed(height - top - 4))\" fill=\"#f5f7fa\"/>"
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * rowHeight
            svg +=
                "<text x=\"\(fixed(labelWidth - 6))\" y=\"\(fixed(y + 16))\" font-size=\"11\" text-anchor=\"end\">\(HTML.escape(truncated(item.label, 30)))</text>"
            if let delta = item.delta, delta != 0 {
                let length = min(area / 2, area / 2 * abs(delta) / scale)
                let x = delta < 0 ? centre - length : centre
                let colour = delta < 0 ? "#b42318" : "#1f7a4d"
                svg +=
                    "<rect class=\"\(delta < 0 ? "down" : "up")\" x=\"\(fixed(x))\" y=\"\(fixed(y + 5))\" width=\"\(fixed(max(1, length)))\" height=\"14\" fill=\"\(colour)\"/>"
            }
            let before = item.previous.map { NumberText.fixed($0) } ?? "—"
            let now = item.current.map { NumberText.fixed($0) } ?? "—"
            var text = "\(before) → \(now)"
            if let delta = item.delta { text += "  (\(signed(delta)))" }
            svg +=
                "<text x=\"\(fixed(labelWidth + area + 10))\" y=\"\(fixed(y + 16))\" font-size=\"11\">\(HTML.escape(text))</text>"
        }
        svg +=
            "<line x1=\"\(fixed(centre))\" y1=\"\(fixed(top))\" x2=\"\(fixed(centre))\" y2=\"\(fixed(height - 4))\" stroke=\"#616e7c\"/>"
        return svg + "</svg>"
    }

    struct Line {
        var label: String
        /// One value per date; nil leaves a gap.
        var values: [Double?]
        /// The overall line: thicker, its values written.
        var emphasis = false
    }

    static let palette = ["#2f6fb5", "#e08a00", "#2e9d5b", "#8e44ad", "#d64545", "#0e9bb0", "#7a5c2e", "#6b7a8f"]

    /// Scores over time: one line per series, x spaced by date, dashed lines for `thresholds`, a legend.
    static func trend(
        dates: [Day], lines: [Line], thresholds: [(label: String, value: Double)], dateLabel: (Day) -> String,
        title: String, width: Double = 640
    ) -> String {
        let left = 40.0
        let right = 84.0
        let top = 14.0
        let plotHeight = 200.0
        let plotWidth = width - left - right
        let legendColumns = 3
        let legendRows = (lines.count + legendColumns - 1) / legendColumns
        let height = top + plotHeight + 28 + Double(legendRows) * 18 + 6
        let values = lines.flatMap { $0.values.compactMap { $0 } }
        let low = max(0, (((values.min() ?? 0) - 5) / 10).rounded(.down) * 10)
        let high = 100.0
        func y(_ value: Double) -> Double { top + plotHeight * (high - max(low, min(high, value))) / (high - low) }
        let first = dates.first?.daysSinceEpoch ?? 0
        let span = Double((dates.last?.daysSinceEpoch ?? 0) - first)
        func x(_ index: Int) -> Double {
            span == 0 ? left + plotWidth / 2 : left + plotWidth * Double(dates[index].daysSinceEpoch - first) / span
        }
        var svg =
            "<svg class=\"trend\" role=\"img\" viewBox=\"0 0 \(fixed(width)) \(fixed(height))\" width=\"\(fixed(width))\" height=\"\(fixed(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for tick in stride(from: low, through: high, by: 10) {
            svg +=
                "<line x1=\"\(fixed(left))\" y1=\"\(fixed(y(tick)))\" x2=\"\(fixed(left + plotWidth))\" y2=\"\(fixed(y(tick)))\" stroke=\"#e4e7eb\"/>"
            svg +=
                "<text x=\"\(fixed(left - 6))\" y=\"\(fixed(y(tick) + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#616e7c\">\(NumberText.plain(tick))</text>"
        }
        for threshold in thresholds where threshold.value >= low && threshold.value <= high {
            svg +=
                "<line class=\"threshold\" x1=\"\(fixed(left))\" y1=\"\(fixed(y(threshold.value)))\" x2=\"\(fixed(left + plotWidth))\" y2=\"\(fixed(y(threshold.value)))\" stroke=\"#b54708\" stroke-dasharray=\"4 3\"/>"
            svg +=
                "<text x=\"\(fixed(left + plotWidth + 4))\" y=\"\(fixed(y(threshold.value) + 4))\" font-size=\"10\" fill=\"#b54708\">\(HTML.escape(truncated(threshold.label, 16)))</text>"
        }
        for (index, day) in dates.enumerated() {
            svg +=
                "<text x=\"\(fixed(x(index)))\" y=\"\(fixed(top + plotHeight + 16))\" font-size=\"10\" text-anchor=\"middle\">\(HTML.escape(dateLabel(day)))</text>"
        }
        // Domains first, the overall line on top.
        let ordered = lines.enumerated().sorted {
            ($0.element.emphasis ? 1 : 0, $0.offset) < ($1.element.emphasis ? 1 : 0, $1.offset)
        }
        func colour(_ number: Int) -> String {
            lines[number].emphasis ? "#1f2933" : palette[lines[..<number].filter { !$0.emphasis }.count % palette.count]
        }
        for (number, line) in ordered {
            let colour = colour(number)
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    svg +=
                        "<polyline class=\"\(line.emphasis ? "overall" : "domain")\" points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(line.emphasis ? 3 : 1.5)\"/>"
                }
                run = []
            }
            for (index, value) in line.values.enumerated() {
                guard let value, index < dates.count else {
                    flush()
                    continue
                }
                run.append("\(fixed(x(index))),\(fixed(y(value)))")
            }
            flush()
            for (index, value) in line.values.enumerated() {
                guard let value, index < dates.count else { continue }
                svg +=
                    "<circle cx=\"\(fixed(x(index)))\" cy=\"\(fixed(y(value)))\" r=\"\(line.emphasis ? 4 : 2.5)\" fill=\"\(colour)\"/>"
                if line.emphasis {
                    svg +=
                        "<text x=\"\(fixed(x(index)))\" y=\"\(fixed(y(value) - 8))\" font-size=\"11\" font-weight=\"700\" text-anchor=\"middle\">\(NumberText.fixed(value))</text>"
                }
            }
        }
        let legendTop = top + plotHeight + 30
        let columnWidth = (width - left) / Double(legendColumns)
        for (number, line) in lines.enumerated() {
            let colour = colour(number)
            let lx = left + Double(number % legendColumns) * columnWidth
            let ly = legendTop + Double(number / legendColumns) * 18
            svg +=
                "<line x1=\"\(fixed(lx))\" y1=\"\(fixed(ly + 6))\" x2=\"\(fixed(lx + 18))\" y2=\"\(fixed(ly + 6))\" stroke=\"\(colour)\" stroke-width=\"\(line.emphasis ? 3 : 2)\"/>"
            svg +=
                "<text x=\"\(fixed(lx + 24))\" y=\"\(fixed(ly + 10))\" font-size=\"11\">\(HTML.escape(truncated(line.label, 34)))</text>"
        }
        return svg + "</svg>"
    }
}
