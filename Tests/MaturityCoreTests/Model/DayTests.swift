import MaturityCore
import Testing

@Suite struct DayTests {
    @Test func parsesAndPrintsISODates() throws {
        let day = try #require(Day(iso: "2026-02-28"))
        #expect(day.description == "2026-02-28")
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-2-28") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
    }

    @Test func roundTripsThroughDaysSinceEpoch() throws {
        for offset in stride(from: -800_000, through: 800_000, by: 997) {
            let day = Day(daysSinceEpoch: offset)
            #expect(day.daysSinceEpoch == offset)
        }
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
    }

    @Test func addsMonthsClampingToTheEndOfShorterMonths() throws {
        #expect(Day(iso: "2026-08-31")?.adding(months: 6).description == "2027-02-28")
        #expect(Day(iso: "2027-08-31")?.adding(months: 6).description == "2028-02-29")
        #expect(Day(iso: "2026-05-15")?.adding(months: 6).description == "2026-11-15")
        #expect(Day(iso: "2026-11-30")?.adding(months: 3).description == "2027-02-28")
    }

    @Test func knowsTheWeekday() throws {
        #expect(Day(iso: "2026-11-22")?.isoWeekday == 7)  // a Sunday
        #expect(Day(iso: "2026-11-23")?.isoWeekday == 1)
        #expect(Day(iso: "1970-01-01")?.isoWeekday == 4)
    }
}
