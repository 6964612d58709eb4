extension KPIDefinition {
    /// The values a KPI of this unit can take: 0–100 for a rate (`%`), 1–5 for a mean score (`/5`), 0 to
    /// 10^12 for durations and counts (`min`, `h`, `d`, `count`), and ±10^12 for any other unit. The
    /// bound of 10^12 keeps every value exact to two decimals in reports; no service KPI comes near it.
    public var valueRange: ClosedRange<Double> {
        switch unit {
        case .percent: return 0...100
        case .outOfFive: return 1...5
        case _ where unit.isAmount: return 0...Self.largestValue
        default: return -Self.largestValue...Self.largestValue
        }
    }

    static let largestValue = 1e12

    /// "must be from 0 to 100 (%), found 150" when `value` is outside the range, else nil.
    public func rangeProblem(_ value: Double) -> Diagnostic.Message? {
        let range = valueRange
        guard !range.contains(value) else { return nil }
        return .outsideKPIRange(
            from: Self.show(range.lowerBound), to: Self.show(range.upperBound), unit: unit.rawValue,
            found: Self.show(value))
    }

    /// A number as messages show it, however large.
    static func show(_ value: Double) -> String {
        abs(value) < 1e15 ? NumberText.plain(value) : "\(value)"
    }
}
