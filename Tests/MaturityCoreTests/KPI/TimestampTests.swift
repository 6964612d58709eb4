import Foundation
import Testing

@testable import MaturityCore

@Suite struct TimestampTests {
    /// Milliseconds since 1970 UTC of a written time, read as the format says (local times in UTC).
    static func instant(_ text: String, _ format: TimestampFormat = .iso8601) -> Int64? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            format.parse(buffer).map { $0.milliseconds - Int64($0.offsetSeconds ?? 0) * 1000 }
        }
    }

    /// The same through Foundation, the reference.
    static func reference(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text).map { Int64($0.timeIntervalSince1970 * 1000) }
    }

    @Test(arguments: [
        "2026-03-01T08:30:00+08:00", "2026-03-01T00:30:00Z", "1999-12-31T23:59:59-05:00", "2024-02-29T12:00:00+05:45",
        "2026-10-25T01:59:59+01:00", "1970-01-01T00:00:00Z", "1969-07-20T20:17:40Z",
    ])
    func readsISO8601AsFoundationDoes(text: String) {
        #expect(Self.instant(text) == Self.reference(text))
    }

    @Test func readsTheISO8601VariantsExportsWrite() throws {
        let base = try #require(Self.instant("2026-03-01T00:30:00Z"))
        #expect(Self.instant("2026-03-01 08:30:00+08:00") == base)
        #expect(Self.instant("2026-03-01T08:30:00+0800") == base)
        #expect(Self.instant("2026-03-01T08:30:00+08") == base)
        #expect(Self.instant("2026-03-01T00:30Z") == base)
        #expect(Self.instant("2026-03-01T00:30:00.250Z") == base + 250)
        #expect(Self.instant("2026-03-01T00:30:00,5Z") == base + 500)
        #expect(Self.instant("2026-03-01T00:30:00.123456789Z") == base + 123)
        #expect(Self.instant("2026-03-01 00:30:00 +00:00") == base)
        #expect(Self.instant("2026-03-01") == base - 30 * 60_000)
        #expect(Self.instant("2026-03-01T24:00:00Z") == Self.instant("2026-03-02T00:00:00Z"))
    }

    @Test(arguments: [
        "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-03-01T25:00:00Z", "2026-03-01T08:60:00Z",
        "2026-03-01T08:30:00+25:00", "2026-03-01T08:30:00X", "2026-3-1", "26-03-01", "2026-03-01T08:30.5Z",
        "yesterday", "2026-03-01T08:30:00+08:00 extra",
    ])
    func refusesWhatIsNotARealISO8601Time(text: String) {
        #expect(Self.instant(text) == nil)
    }

    @Test func readsDayFirstAndMonthFirstPatterns() throws {
        let dayFirst = try TimestampFormat(pattern: "d/M/yyyy HH:mm")
        #expect(Self.instant("11/3/2016 15:03", dayFirst) == Self.instant("2016-03-11T15:03:00Z"))
        #expect(Self.instant("01/03/2016 05:07", dayFirst) == Self.instant("2016-03-01T05:07:00Z"))
        #expect(Self.instant("31/2/2016 15:03", dayFirst) == nil)
        let us = try TimestampFormat(pattern: "MM/dd/yyyy hh:mm:ss a")
        #expect(Self.instant("03/08/2026 12:05:09 AM", us) == Self.instant("2026-03-08T00:05:09Z"))
        #expect(Self.instant("03/08/2026 12:05:09 PM", us) == Self.instant("2026-03-08T12:05:09Z"))
        #expect(Self.instant("03/08/2026 01:05:09 pm", us) == Self.instant("2026-03-08T13:05:09Z"))
        #expect(Self.instant("03/08/2026 13:05:09 PM", us) == nil)
        let chinese = try TimestampFormat(pattern: "yyyy/M/d ah:mm")
        #expect(Self.instant("2026/3/8 下午1:05", chinese) == Self.instant("2026-03-08T13:05:00Z"))
        #expect(Self.instant("2026/3/8 上午12:05", chinese) == Self.instant("2026-03-08T00:05:00Z"))
    }

    @Test func readsCompactOptionalNamedAndOffsetPatterns() throws {
        let compact = try TimestampFormat(pattern: "yyyyMMddHHmmss")
        #expect(Self.instant("20260308140509", compact) == Self.instant("2026-03-08T14:05:09Z"))
        #expect(Self.instant("2026030814059", compact) == nil)
        let optional = try TimestampFormat(pattern: "yyyy-MM-dd HH:mm[:ss]")
        #expect(Self.instant("2026-03-08 14:05", optional) == Self.instant("2026-03-08T14:05:00Z"))
        #expect(Self.instant("2026-03-08 14:05:09", optional) == Self.instant("2026-03-08T14:05:09Z"))
        let named = try TimestampFormat(pattern: "dd-MMM-yy HH:mm")
        #expect(Self.instant("08-Mar-26 14:05", named) == Self.instant("2026-03-08T14:05:00Z"))
        #expect(Self.instant("08-march-26 14:05", named) == Self.instant("2026-03-08T14:05:00Z"))
        let zoned = try TimestampFormat(pattern: "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
        #expect(
            Self.instant("2026-03-08T14:05:09.120+08:00", zoned)
                == Self.instant("2026-03-08T06:05:09Z").map { $0 + 120 })
    }

    @Test func refusesPatternsItCannotRead() {
        func problem(_ pattern: String) -> TimestampFormat.PatternError? {
            do {
                _ = try TimestampFormat(pattern: pattern)
                return nil
            } catch {
                return error
            }
        }
        #expect(problem("yyyy-MM-dd QQ")?.offset == 11)
        #expect(problem("yyyy-MM-dd QQ")?.message == "'QQ' is not a date or time field")
        #expect(problem("MM/dd HH:mm")?.message == "the pattern has no year (yyyy)")
        #expect(problem("yyyy-MM-dd hh:mm")?.message.hasPrefix("'h' is an hour 1–12 and needs 'a'") == true)
        #expect(problem("yyyy-MM-dd [HH:mm")?.message == "'[' without ']'")
        #expect(problem("ISO8601") == nil)
    }

    @Test func aNamedZoneFollowsDaylightSaving() throws {
        let zone = ZoneClock(try #require(TicketTimeZone("America/New_York")))
        func local(_ text: String) throws -> Int64 { try #require(Self.instant(text + "Z")) }
        // Standard time, then summer time.
        #expect(zone.utc(fromLocal: try local("2026-01-15T09:00:00")) == Self.instant("2026-01-15T14:00:00Z"))
        #expect(zone.utc(fromLocal: try local("2026-07-15T09:00:00")) == Self.instant("2026-07-15T13:00:00Z"))
        // 02:30 on 8 March 2026 does not exist: it is read as the time after the gap, 03:30 EDT.
        #expect(zone.utc(fromLocal: try local("2026-03-08T02:30:00")) == Self.instant("2026-03-08T07:30:00Z"))
        // 01:30 on 1 November 2026 happens twice: the first, in EDT.
        #expect(zone.utc(fromLocal: try local("2026-11-01T01:30:00")) == Self.instant("2026-11-01T05:30:00Z"))
        // The local date of an instant: 2026-03-08, at 23:00 EDT.
        #expect(zone.localDay(atUTC: try #require(Self.instant("2026-03-09T03:00:00Z"))) == 20_520)
    }

    @Test func readsFixedOffsetsAndRefusesUnknownZones() throws {
        #expect(TicketTimeZone("+08:00")?.fixedOffset == 28_800)
        #expect(TicketTimeZone("UTC-05:30")?.fixedOffset == -19_800)
        #expect(TicketTimeZone("GMT+8")?.fixedOffset == 28_800)
        #expect(TicketTimeZone("+0800")?.fixedOffset == 28_800)
        #expect(TicketTimeZone("Z")?.fixedOffset == 0)
        #expect(TicketTimeZone("Asia/Shanghai") != nil)
        #expect(TicketTimeZone("Asia/Shangai") == nil)
        #expect(TicketTimeZone("+25:00") == nil)
    }
}

@Suite struct WorkdayTests {
    static func day(_ text: String) throws -> Int64 { Int64(try #require(Day(iso: text)).daysSinceEpoch) }

    @Test func countsWeekdaysAfterTheCreationDateUpToTheResolutionDate() throws {
        let calendar = WorkdayCalendar.weekdays
        // 2026-03-06 is a Friday.
        #expect(try calendar.workdays(after: Self.day("2026-03-06"), through: Self.day("2026-03-06")) == 0)
        #expect(try calendar.workdays(after: Self.day("2026-03-06"), through: Self.day("2026-03-09")) == 1)
        #expect(try calendar.workdays(after: Self.day("2026-03-07"), through: Self.day("2026-03-08")) == 0)
        #expect(try calendar.workdays(after: Self.day("2026-03-06"), through: Self.day("2026-03-13")) == 5)
        #expect(try calendar.workdays(after: Self.day("2026-03-05"), through: Self.day("2026-03-13")) == 6)
        #expect(try calendar.workdays(after: Self.day("2026-03-07"), through: Self.day("2026-03-14")) == 5)
        #expect(try calendar.workdays(after: Self.day("1969-12-26"), through: Self.day("1970-01-09")) == 10)
        #expect(try calendar.workdays(after: Self.day("2026-03-13"), through: Self.day("2026-03-06")) == 0)
    }

    @Test func holidaysAreNotWorkedAndListedWeekendsAre() throws {
        // National Day week 2026: 1–7 October off, Saturday 10 October worked.
        let holidays = try (1...7).map { try #require(Day(year: 2026, month: 10, day: $0)) }
        let calendar = WorkdayCalendar(holidays: holidays, extraWorkdays: [try #require(Day(iso: "2026-10-10"))])
        #expect(try calendar.workdays(after: Self.day("2026-09-30"), through: Self.day("2026-10-09")) == 2)
        #expect(try calendar.workdays(after: Self.day("2026-09-30"), through: Self.day("2026-10-10")) == 3)
        #expect(try calendar.workdays(after: Self.day("2026-09-29"), through: Self.day("2026-10-08")) == 2)
    }
}

@Suite struct DurationCountsTests {
    @Test func nearestRankIsTheValueAtRankCeilingOfPTimesN() {
        var counts = DurationCounts()
        for minutes in [4, 1, 3, 2] { counts.add(Int64(minutes) * 60_000) }
        #expect(counts.nearestRank(1, over: 2) == 120_000)  // rank 2 of 4, not the interpolated 2.5 min
        #expect(counts.nearestRank(9, over: 10) == 240_000)  // rank ⌈3.6⌉ = 4
        counts.add(10 * 60_000)
        #expect(counts.nearestRank(1, over: 2) == 180_000)  // rank ⌈2.5⌉ = 3 of 5
        #expect(counts.nearestRank(9, over: 10) == 600_000)  // rank ⌈4.5⌉ = 5
    }

    @Test func countsBeyondTheTableAndFractionsOfASecondExactly() {
        var counts = DurationCounts()
        let values: [Int64] = [500, 1_000, 1_500, 90_000, 90_000, 30 * 86_400_000, 13 * 86_400_000 + 1, 2_000]
        for value in values { counts.add(value) }
        let sorted = values.sorted()
        for (numerator, denominator) in [(1, 8), (1, 2), (5, 8), (3, 4), (9, 10), (1, 1)] {
            let rank = (numerator * sorted.count + denominator - 1) / denominator
            #expect(counts.nearestRank(numerator, over: denominator) == sorted[rank - 1])
        }
        var other = DurationCounts()
        other.add(250)
        counts.merge(other)
        #expect(counts.count == 9)
        #expect(counts.nearestRank(1, over: 9) == 250)
    }
}
