/// Working days for `resolution_within_5_workdays_rate`: Monday to Friday, less the holidays a mapping
/// lists, plus the weekend days it lists as worked (调休).
public struct WorkdayCalendar: Sendable, Hashable {
    /// Weekday holidays, as days since 1970-01-01, sorted.
    let holidays: [Int64]
    /// Weekend days worked, as days since 1970-01-01, sorted.
    let extraWorkdays: [Int64]

    public static let weekdays = WorkdayCalendar(holidays: [], extraWorkdays: [])

    public init(holidays: [Day], extraWorkdays: [Day]) {
        self.holidays = Set(holidays.filter { $0.isoWeekday <= 5 }.map { Int64($0.daysSinceEpoch) }).sorted()
        self.extraWorkdays = Set(extraWorkdays.filter { $0.isoWeekday >= 6 }.map { Int64($0.daysSinceEpoch) })
            .sorted()
    }

    /// Working days d with `from` < d ≤ `through` (days since 1970-01-01); 0 when `through` ≤ `from`.
    @inline(__always)
    public func workdays(after from: Int64, through: Int64) -> Int64 {
        guard through > from else { return 0 }
        var count = WorkdayCalendar.weekdaysBefore(through + 1) - WorkdayCalendar.weekdaysBefore(from + 1)
        if !holidays.isEmpty { count -= WorkdayCalendar.count(holidays, after: from, through: through) }
        if !extraWorkdays.isEmpty { count += WorkdayCalendar.count(extraWorkdays, after: from, through: through) }
        return count
    }

    /// Weekdays among the days before `day` counted from Monday 1970-01-05 (negative before it).
    @inline(__always)
    static func weekdaysBefore(_ day: Int64) -> Int64 {
        let t = day - 4
        let weeks = t >= 0 ? t / 7 : (t - 6) / 7
        let rest = t - weeks * 7
        return weeks * 5 + min(rest, 5)
    }

    static func count(_ sorted: [Int64], after from: Int64, through: Int64) -> Int64 {
        Int64(firstIndex(sorted, greaterThan: through) - firstIndex(sorted, greaterThan: from))
    }

    static func firstIndex(_ sorted: [Int64], greaterThan value: Int64) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
