import Foundation

/// The time zone a mapping names: a fixed offset (`+08:00`, `UTC`) or an IANA zone (`Asia/Shanghai`,
/// `America/New_York`, with its daylight-saving rules). Local times without an offset are read in it,
/// and working days are counted on its calendar.
public struct TicketTimeZone: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// Seconds east of UTC, for a fixed offset.
    let fixedOffset: Int32?

    public static let utc = TicketTimeZone(name: "UTC", fixedOffset: 0)

    private init(name: String, fixedOffset: Int32?) {
        self.name = name
        self.fixedOffset = fixedOffset
    }

    public var description: String { name }

    /// `UTC`, `Z`, `+08:00`, `+0800`, `UTC+8`, `GMT-05:30`, or an IANA name; nil when unknown.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let upper = trimmed.uppercased()
        if ["UTC", "Z", "GMT", "UT"].contains(upper) {
            self.init(name: trimmed, fixedOffset: 0)
            return
        }
        var rest = Substring(upper)
        for prefix in ["UTC", "GMT"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        if let sign = rest.first, sign == "+" || sign == "-" {
            let body = rest.dropFirst()
            let pieces = body.split(separator: ":", omittingEmptySubsequences: false)
            var hours: Int?
            var minutes = 0
            if pieces.count == 2, (1...2).contains(pieces[0].count), pieces[1].count == 2 {
                hours = Int(pieces[0])
                minutes = Int(pieces[1]) ?? 99
            } else if pieces.count == 1, body.count == 4 {
                hours = Int(body.prefix(2))
                minutes = Int(body.suffix(2)) ?? 99
            } else if pieces.count == 1, (1...2).contains(body.count) {
                hours = Int(body)
            }
            guard let hours, hours <= 18, minutes < 60, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") })
            else { return nil }
            let seconds = Int32(hours * 3600 + minutes * 60)
            self.init(name: trimmed, fixedOffset: sign == "-" ? -seconds : seconds)
            return
        }
        guard trimmed.contains("/") || TimeZone.knownTimeZoneIdentifiers.contains(trimmed),
            TimeZone(identifier: trimmed) != nil
        else { return nil }
        self.init(name: trimmed, fixedOffset: nil)
    }

    /// IANA names, for did-you-mean hints.
    public static var knownNames: [String] { TimeZone.knownTimeZoneIdentifiers }
}

/// Offsets of a time zone, looked up once per hour of time seen: a fixed offset costs nothing, an IANA
/// zone one Foundation call per distinct hour (an hour that holds a transition is never cached).
final class ZoneClock {
    private let fixed: Int64?
    private let zone: TimeZone?
    private static let slots = 1 << 16
    private var keys: [Int64]
    private var offsets: [Int64]

    init(_ timeZone: TicketTimeZone) {
        if let offset = timeZone.fixedOffset {
            fixed = Int64(offset) * 1000
            zone = nil
            keys = []
            offsets = []
        } else {
            fixed = nil
            zone = TimeZone(identifier: timeZone.name) ?? TimeZone(secondsFromGMT: 0)
            // The cache (1 MB) is made on the first lookup, so small exports do not pay for it.
            keys = []
            offsets = []
        }
    }

    /// Milliseconds to add to an instant (UTC) to get the wall-clock time.
    @inline(__always)
    func offset(atUTC milliseconds: Int64) -> Int64 {
        if let fixed { return fixed }
        return lookup(milliseconds)
    }

    private func lookup(_ milliseconds: Int64) -> Int64 {
        let hour = milliseconds >= 0 ? milliseconds / 3_600_000 : (milliseconds - 3_599_999) / 3_600_000
        let slot = Int(UInt64(bitPattern: hour) & UInt64(ZoneClock.slots - 1))
        if keys.isEmpty {
            keys = Array(repeating: Int64.min, count: ZoneClock.slots)
            offsets = Array(repeating: 0, count: ZoneClock.slots)
        }
        if keys[slot] == hour { return offsets[slot] }
        let offset = foundationOffset(milliseconds)
        let start = foundationOffset(hour * 3_600_000)
        let end = foundationOffset(hour * 3_600_000 + 3_599_999)
        if start == end {
            keys[slot] = hour
            offsets[slot] = start
        }
        return offset
    }

    private func foundationOffset(_ milliseconds: Int64) -> Int64 {
        guard let zone else { return 0 }
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        return Int64(zone.secondsFromGMT(for: date)) * 1000
    }

    /// The instant of a wall-clock time: in a gap (spring forward) the time after it, in an overlap
    /// (fall back) the first of the two.
    @inline(__always)
    func utc(fromLocal local: Int64) -> Int64 {
        if let fixed { return local - fixed }
        // Offsets a day either side bracket at most one transition (offsets stay within ±18 h).
        let before = offset(atUTC: local - 86_400_000)
        let after = offset(atUTC: local + 86_400_000)
        let early = local - before
        if before == after { return early }
        let late = local - after
        switch (offset(atUTC: early) == before, offset(atUTC: late) == after) {
        case (true, true): return min(early, late)
        case (false, true): return late
        default: return early
        }
    }

    /// Days since 1970-01-01 of the wall-clock date at an instant.
    @inline(__always)
    func localDay(atUTC milliseconds: Int64) -> Int64 {
        let local = milliseconds + offset(atUTC: milliseconds)
        return local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
    }
}
