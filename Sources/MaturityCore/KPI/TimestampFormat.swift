/// A timestamp as written in a field: milliseconds since 1970-01-01 00:00 on the clock it was
/// written in, and the UTC offset written with it, if any.
struct WrittenTime: Hashable {
    var milliseconds: Int64
    var offsetSeconds: Int32?
}

/// How an export writes its timestamps, compiled once and parsed by hand: Foundation's date
/// formatters cost about 70 µs a timestamp on Linux, this a few tens of nanoseconds.
///
/// `iso8601` reads `2026-03-01T08:30:00+08:00`, `…Z`, `2026-03-01 08:30`, fractions of a second
/// and dates alone. A pattern uses the usual letters: `yyyy` `yy` year, `M` `MM` month, `MMM` month
/// name (Jan, January), `d` `dd` day, `H` `HH` hour 0–23, `h` `hh` hour 1–12 with `a` (AM/PM,
/// 上午/下午), `m` `mm` minute, `s` `ss` second, `S…` fraction, `X` `XXX` `Z` `x` UTC offset (`Z`,
/// `+08`, `+0800`, `+08:00`), `'text'` or any other character literally, `[…]` an optional part.
/// One letter reads one or two digits; letters run together with another number (`yyyyMMdd`) read
/// exactly as many digits as letters.
public struct TimestampFormat: Sendable, Hashable, CustomStringConvertible {
    /// A problem in a pattern, at a character offset.
    public struct PatternError: Error, Sendable, Hashable {
        /// What is wrong with the pattern, in every language.
        public var problem: Diagnostic.Message
        public var offset: Int

        /// What is wrong, in English.
        public var message: String { problem.en }
    }

    enum Part: Sendable, Hashable {
        case year(digits: ClosedRange<Int>)
        case twoDigitYear
        case month(digits: ClosedRange<Int>)
        case monthName
        case day(digits: ClosedRange<Int>)
        case hour(digits: ClosedRange<Int>)
        case hour12(digits: ClosedRange<Int>)
        case minute(digits: ClosedRange<Int>)
        case second(digits: ClosedRange<Int>)
        case fraction
        case amPm
        case offset
        case literal(UInt8)
        case spaces
        case optional([Part])
    }

    /// The pattern as written (`iso8601` for the built-in ISO 8601 reader).
    public let pattern: String
    let parts: [Part]?

    public static let iso8601 = TimestampFormat(pattern: "iso8601", parts: nil)

    private init(pattern: String, parts: [Part]?) {
        self.pattern = pattern
        self.parts = parts
    }

    public var description: String { pattern }

    /// Compiles `pattern`; `iso8601` (any case) is the built-in ISO 8601 reader.
    public init(pattern: String) throws(PatternError) {
        if pattern.lowercased() == "iso8601" || pattern.lowercased() == "iso 8601" {
            self = .iso8601
            return
        }
        let characters = Array(pattern)
        var index = 0
        let parts = try TimestampFormat.compile(characters, &index, nested: false)
        var seen = Set<String>()
        func collect(_ parts: [Part]) {
            for part in parts {
                switch part {
                case .year, .twoDigitYear: seen.insert("year")
                case .month, .monthName: seen.insert("month")
                case .day: seen.insert("day")
                case .hour12: seen.insert("hour12")
                case .amPm: seen.insert("ampm")
                case .optional(let inner): collect(inner)
                default: break
                }
            }
        }
        collect(parts)
        for (name, letters) in [("year", "yyyy"), ("month", "MM"), ("day", "dd")] where !seen.contains(name) {
            throw PatternError(problem: .patternHasNo(name, letters), offset: 0)
        }
        if seen.contains("hour12") != seen.contains("ampm") {
            throw PatternError(problem: seen.contains("hour12") ? .hour12NeedsAmPm : .amPmNeedsHour12, offset: 0)
        }
        self.init(pattern: pattern, parts: parts)
    }

    private static func compile(_ characters: [Character], _ index: inout Int, nested: Bool) throws(PatternError)
        -> [Part]
    {
        var parts: [Part] = []
        // Letter runs first, widths settled after: a run next to another number reads a fixed width.
        var runs: [(letter: Character, count: Int, at: Int, partIndex: Int)] = []
        while index < characters.count {
            let character = characters[index]
            if character == "]" {
                guard nested else { throw PatternError(problem: .closingBracketWithoutOpening, offset: index) }
                index += 1
                return try settle(parts, runs)
            }
            if character == "[" {
                index += 1
                let inner = try compile(characters, &index, nested: true)
                parts.append(.optional(inner))
                continue
            }
            if character == "'" {
                var end = index + 1
                var text = ""
                while end < characters.count, characters[end] != "'" {
                    text.append(characters[end])
                    end += 1
                }
                guard end < characters.count else {
                    throw PatternError(problem: .quotedLiteralNotClosed, offset: index)
                }
                if text.isEmpty { text = "'" }
                for byte in text.utf8 { parts.append(.literal(byte)) }
                index = end + 1
                continue
            }
            if character.isLetter, character.isASCII, character != "T" {
                var count = 0
                while index + count < characters.count, characters[index + count] == character { count += 1 }
                runs.append((character, count, index, parts.count))
                parts.append(.literal(0))  // placeholder, settled below
                index += count
                continue
            }
            if character == " " {
                while index < characters.count, characters[index] == " " { index += 1 }
                parts.append(.spaces)
                continue
            }
            for byte in String(character).utf8 { parts.append(.literal(byte)) }
            index += 1
        }
        if nested { throw PatternError(problem: .openingBracketWithoutClosing, offset: characters.count) }
        return try settle(parts, runs)
    }

    private static func settle(_ written: [Part], _ runs: [(letter: Character, count: Int, at: Int, partIndex: Int)])
        throws(PatternError) -> [Part]
    {
        var parts = written
        func isNumeric(_ letter: Character) -> Bool { "yuMLdHhmsS".contains(letter) }
        for (n, run) in runs.enumerated() {
            let nextIsAdjacentNumber =
                n + 1 < runs.count && runs[n + 1].partIndex == run.partIndex + 1 && isNumeric(runs[n + 1].letter)
            let previousIsAdjacentNumber =
                n > 0 && runs[n - 1].partIndex == run.partIndex - 1 && isNumeric(runs[n - 1].letter)
            let fixed = nextIsAdjacentNumber || previousIsAdjacentNumber
            func digits(_ usual: ClosedRange<Int>) -> ClosedRange<Int> {
                fixed ? run.count...run.count : usual
            }
            let part: Part
            switch (run.letter, run.count) {
            case ("y", 2), ("u", 2): part = .twoDigitYear
            case ("y", _), ("u", _): part = .year(digits: 4...4)
            case ("M", 1...2), ("L", 1...2): part = .month(digits: digits(1...2))
            case ("M", 3...4), ("L", 3...4): part = .monthName
            case ("d", 1...2): part = .day(digits: digits(1...2))
            case ("H", 1...2): part = .hour(digits: digits(1...2))
            case ("h", 1...2): part = .hour12(digits: digits(1...2))
            case ("m", 1...2): part = .minute(digits: digits(1...2))
            case ("s", 1...2): part = .second(digits: digits(1...2))
            case ("S", _): part = .fraction
            case ("a", _): part = .amPm
            case ("X", 1...5), ("x", 1...5), ("Z", 1...5): part = .offset
            default:
                throw PatternError(
                    problem: .notADateField(String(repeating: run.letter, count: run.count)), offset: run.at)
            }
            parts[run.partIndex] = part
        }
        return parts
    }

    // MARK: Parsing

    /// Whether this is the built-in ISO 8601 reader.
    var isISO8601: Bool { parts == nil }

    /// Reads a whole field as ISO 8601.
    @inline(__always)
    static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> WrittenTime? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var fields = Fields()
        var i = 0
        guard matchISO(base, bytes.count, &i, &fields), i == bytes.count else { return nil }
        return fields.time()
    }

    /// Reads a whole field, or nil when it does not match the format or names no real time.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> WrittenTime? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var fields = Fields()
        var i = 0
        if let parts {
            guard TimestampFormat.match(parts, base, bytes.count, &i, &fields), i == bytes.count else { return nil }
        } else {
            guard TimestampFormat.matchISO(base, bytes.count, &i, &fields), i == bytes.count else { return nil }
        }
        return fields.time()
    }

    struct Fields {
        var year = 0
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0
        var millisecond = 0
        var pm: Bool?
        var hour12 = false
        var offset: Int32?

        @inline(__always)
        func time() -> WrittenTime? {
            // The common case first: a plain 24-hour time on a day that every month has.
            if !hour12, month >= 1, month <= 12, day >= 1, day <= 28, year >= 1, year <= 9999, hour <= 23, minute <= 59,
                second <= 59
            {
                let days = Int64(TimestampFormat.daysFromCivil(year, month, day))
                let seconds = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60 + Int64(second)
                return WrittenTime(milliseconds: seconds * 1000 + Int64(millisecond), offsetSeconds: offset)
            }
            var hour = self.hour
            if hour12 {
                guard (1...12).contains(hour), let pm else { return nil }
                hour = hour % 12 + (pm ? 12 : 0)
            }
            guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
                (1...9999).contains(year), hour <= 23, minute <= 59, second <= 59
            else {
                // 24:00 is the end of a day: the next day's midnight.
                guard hour == 24, minute == 0, second == 0, millisecond == 0, (1...12).contains(month), day >= 1,
                    day <= Day.daysIn(month: month, year: year)
                else { return nil }
                let days = TimestampFormat.daysFromCivil(year, month, day) + 1
                return WrittenTime(milliseconds: Int64(days) * 86_400_000, offsetSeconds: offset)
            }
            let days = Int64(TimestampFormat.daysFromCivil(year, month, day))
            let seconds = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60 + Int64(second)
            return WrittenTime(milliseconds: seconds * 1000 + Int64(millisecond), offsetSeconds: offset)
        }
    }

    /// Days since 1970-01-01.
    @inline(__always)
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        Day.daysFromCivil(year, month, day)
    }

    @inline(__always)
    static func digits(
        _ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, _ range: ClosedRange<Int>
    ) -> Int? {
        var value = 0
        var n = 0
        while n < range.upperBound, i < count {
            let d = base[i] &- 48
            guard d < 10 else { break }
            value = value * 10 + Int(d)
            i += 1
            n += 1
        }
        return n >= range.lowerBound ? value : nil
    }

    /// Fraction digits after the separator: milliseconds, further digits read and dropped.
    @inline(__always)
    static func fraction(_ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int) -> Int? {
        var value = 0
        var n = 0
        while i < count {
            let d = base[i] &- 48
            guard d < 10 else { break }
            if n < 3 { value = value * 10 + Int(d) }
            i += 1
            n += 1
        }
        guard n > 0 else { return nil }
        while n < 3 {
            value *= 10
            n += 1
        }
        return value
    }

    /// `Z`, `+08`, `+0800` or `+08:00` (also with the Unicode minus sign).
    @inline(__always)
    static func offset(_ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int) -> Int32? {
        guard i < count else { return nil }
        let first = base[i]
        if first == UInt8(ascii: "Z") || first == UInt8(ascii: "z") {
            i += 1
            return 0
        }
        let sign: Int32
        if first == UInt8(ascii: "+") {
            sign = 1
            i += 1
        } else if first == UInt8(ascii: "-") {
            sign = -1
            i += 1
        } else if first == 0xE2, i + 2 < count, base[i + 1] == 0x88, base[i + 2] == 0x92 {
            sign = -1
            i += 3
        } else {
            return nil
        }
        guard let hours = digits(base, count, &i, 2...2), hours <= 18 else { return nil }
        var minutes = 0
        if i < count, base[i] == UInt8(ascii: ":") {
            i += 1
            guard let m = digits(base, count, &i, 2...2) else { return nil }
            minutes = m
        } else if i + 1 < count, base[i] &- 48 < 10 {
            guard let m = digits(base, count, &i, 2...2) else { return nil }
            minutes = m
        }
        guard minutes < 60 else { return nil }
        return sign * Int32(hours * 3600 + minutes * 60)
    }

    @inline(__always)
    static func expect(_ byte: UInt8, _ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int) -> Bool {
        guard i < count, base[i] == byte else { return false }
        i += 1
        return true
    }

    static func matchISO(_ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, _ f: inout Fields) -> Bool {
        let dash = UInt8(ascii: "-")
        let colon = UInt8(ascii: ":")
        // The usual shape, 2026-03-01T08:30:00…, read without loops.
        if count >= 19, base[4] == dash, base[7] == dash, base[13] == colon, base[16] == colon,
            base[10] == UInt8(ascii: "T") || base[10] == UInt8(ascii: " ")
        {
            @inline(__always) func d(_ k: Int) -> Int { Int(base[k] &- 48) }
            guard d(0) < 10, d(1) < 10, d(2) < 10, d(3) < 10, d(5) < 10, d(6) < 10, d(8) < 10, d(9) < 10,
                d(11) < 10, d(12) < 10, d(14) < 10, d(15) < 10, d(17) < 10, d(18) < 10
            else { return false }
            f.year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3)
            f.month = d(5) * 10 + d(6)
            f.day = d(8) * 10 + d(9)
            f.hour = d(11) * 10 + d(12)
            f.minute = d(14) * 10 + d(15)
            f.second = d(17) * 10 + d(18)
            i = 19
            return isoRest(base, count, &i, &f)
        }
        guard let year = digits(base, count, &i, 4...4), expect(dash, base, count, &i),
            let month = digits(base, count, &i, 2...2), expect(dash, base, count, &i),
            let day = digits(base, count, &i, 2...2)
        else { return false }
        f.year = year
        f.month = month
        f.day = day
        guard i < count else { return true }
        let separator = base[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "t")
        else { return false }
        i += 1
        guard let hour = digits(base, count, &i, 2...2), expect(colon, base, count, &i),
            let minute = digits(base, count, &i, 2...2)
        else { return false }
        f.hour = hour
        f.minute = minute
        if i < count, base[i] == colon {
            i += 1
            guard let second = digits(base, count, &i, 2...2) else { return false }
            f.second = second
        } else if i < count, base[i] == UInt8(ascii: ".") || base[i] == UInt8(ascii: ",") {
            return false  // a fraction needs the seconds
        }
        return isoRest(base, count, &i, &f)
    }

    /// After the seconds: a fraction, then an offset.
    @inline(__always)
    static func isoRest(_ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, _ f: inout Fields) -> Bool {
        if i < count, base[i] == UInt8(ascii: ".") || base[i] == UInt8(ascii: ",") {
            i += 1
            guard let ms = fraction(base, count, &i) else { return false }
            f.millisecond = ms
        }
        if i + 1 < count, base[i] == UInt8(ascii: " ") { i += 1 }
        if i < count {
            guard let offset = offset(base, count, &i) else { return false }
            f.offset = offset
        }
        return true
    }

    static func match(
        _ parts: [Part], _ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, _ f: inout Fields
    ) -> Bool {
        for part in parts {
            switch part {
            case .year(let range):
                guard let v = digits(base, count, &i, range) else { return false }
                f.year = v
            case .twoDigitYear:
                guard let v = digits(base, count, &i, 2...2) else { return false }
                f.year = v < 70 ? 2000 + v : 1900 + v
            case .month(let range):
                guard let v = digits(base, count, &i, range) else { return false }
                f.month = v
            case .monthName:
                guard let v = monthName(base, count, &i) else { return false }
                f.month = v
            case .day(let range):
                guard let v = digits(base, count, &i, range) else { return false }
                f.day = v
            case .hour(let range):
                guard let v = digits(base, count, &i, range) else { return false }
                f.hour = v
            case .hour12(let range):
                guard let v = digits(base, count, &i, range) else { return false }
                f.hour = v
                f.hour12 = true
            case .minute(let range):
                guard let v = digits(base, count, &i, range) else { return false }
                f.minute = v
            case .second(let range):
                guard let v = digits(base, count, &i, range) else { return false }
                f.second = v
            case .fraction:
                guard let v = fraction(base, count, &i) else { return false }
                f.millisecond = v
            case .amPm:
                guard let pm = amPm(base, count, &i) else { return false }
                f.pm = pm
            case .offset:
                guard let v = offset(base, count, &i) else { return false }
                f.offset = v
            case .literal(let byte):
                guard i < count, base[i] == byte else { return false }
                i += 1
            case .spaces:
                guard i < count, base[i] == UInt8(ascii: " ") else { return false }
                while i < count, base[i] == UInt8(ascii: " ") { i += 1 }
            case .optional(let inner):
                var tryI = i
                var tryF = f
                if match(inner, base, count, &tryI, &tryF) {
                    i = tryI
                    f = tryF
                }
            }
        }
        return true
    }

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ].map { Array($0.utf8) }

    /// An English month name, full or its first three letters, any case.
    static func monthName(_ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int) -> Int? {
        var letters: [UInt8] = []
        var j = i
        while j < count, letters.count < 10 {
            let lower = base[j] | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { break }
            letters.append(lower)
            j += 1
        }
        for (index, name) in monthNames.enumerated()
        where letters.count == 3 && name.starts(with: letters) || letters == name
            || (letters.count == 4 && index == 8 && letters == Array("sept".utf8))
        {
            i = j
            return index + 1
        }
        return nil
    }

    /// AM/PM, a.m./p.m., 上午/下午.
    static func amPm(_ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int) -> Bool? {
        guard i < count else { return nil }
        let first = base[i] | 0x20
        if first == UInt8(ascii: "a") || first == UInt8(ascii: "p") {
            var j = i + 1
            if j < count, base[j] == UInt8(ascii: ".") { j += 1 }
            guard j < count, base[j] | 0x20 == UInt8(ascii: "m") else { return nil }
            j += 1
            if j < count, base[j] == UInt8(ascii: ".") { j += 1 }
            i = j
            return first == UInt8(ascii: "p")
        }
        // 上午 E4 B8 8A E5 8D 88, 下午 E4 B8 8B E5 8D 88
        if i + 5 < count, base[i] == 0xE4, base[i + 1] == 0xB8, base[i + 3] == 0xE5, base[i + 4] == 0x8D,
            base[i + 5] == 0x88, base[i + 2] == 0x8A || base[i + 2] == 0x8B
        {
            let pm = base[i + 2] == 0x8B
            i += 6
            return pm
        }
        return nil
    }
}
