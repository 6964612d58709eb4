extension Day {
    /// The first and last dates an input may give. Deadlines (up to ten years), the next review (six
    /// months) and due-soon windows are computed from input dates; within these years every computed
    /// date stays a four-digit year that plans, calendars (ICS) and other tools read back.
    public static let earliestInput = Day(year: 1900, month: 1, day: 1)!
    public static let latestInput = Day(year: 2999, month: 12, day: 31)!

    /// The longest span in days an input may give: a deadline, an evidence age, a due-soon window (ten
    /// years; a certificate runs three).
    public static let maximumSpanDays = 3650

    /// Whether an input may give this date.
    public var isWithinInputRange: Bool { self >= Day.earliestInput && self <= Day.latestInput }

    /// "from 1900-01-01 to 2999-12-31", for messages.
    public static var inputRangeText: String { "from \(earliestInput) to \(latestInput)" }
}
