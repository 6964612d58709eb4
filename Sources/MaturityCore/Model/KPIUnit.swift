/// The unit a KPI's values are in, as a catalog writes it (`unit: "%"`). A catalog may write any unit; the
/// ones the tool knows decide the values a KPI can take and how reports show a value.
public struct KPIUnit: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A rate in percent, 0–100.
    public static let percent = KPIUnit(rawValue: "%")
    /// A mean score on a scale of 1 to 5.
    public static let outOfFive = KPIUnit(rawValue: "/5")
    public static let minutes = KPIUnit(rawValue: "min")
    public static let hours = KPIUnit(rawValue: "h")
    public static let days = KPIUnit(rawValue: "d")
    public static let count = KPIUnit(rawValue: "count")
    /// A KPI declared without `unit:`.
    public static let none = KPIUnit(rawValue: "")

    /// Durations and counts: never below 0. Catalogs also write `hours` and `days` for the durations.
    static let amounts: Set<KPIUnit> = [
        .minutes, .hours, .days, KPIUnit(rawValue: "days"), KPIUnit(rawValue: "hours"), .count,
    ]

    public var isAmount: Bool { Self.amounts.contains(self) }

    /// What follows a value in a report: ` %`, `/5`, ` min`; nothing for other units.
    public var valueSuffix: String {
        switch self {
        case .percent: " %"
        case .outOfFive: "/5"
        case .minutes: " min"
        default: ""
        }
    }

    public var description: String { rawValue }
}
