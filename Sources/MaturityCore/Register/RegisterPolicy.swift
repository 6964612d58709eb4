/// How a certification body runs its register: the certificate number pattern, how long a certificate holds,
/// the surveillance programme and the limits the rules apply. Every value has the scheme's default.
public struct RegisterPolicy: Sendable, Hashable {
    /// `{year}` is the issue year, `{seq}` or `{seq:N}` the year's running number padded to N digits.
    public var numberPattern: String
    /// A certificate expires this many years after its issue date.
    public var validityYears: Int
    /// Surveillance audits follow each audit by this many months.
    public var surveillanceMonths: Int
    /// A surveillance not held within this many days after it was due proposes suspension.
    public var graceDays: Int
    /// A suspension older than this many months becomes withdrawal when next decided.
    public var suspensionLimitMonths: Int
    /// An auditor who worked for or consulted a client within this many years cannot audit it.
    public var conflictYears: Int
    /// The recertification audit is due in the months before expiry; a surveillance falling in them is
    /// replaced by it.
    public var recertificationMonths: Int
    /// Days to close a nonconformity of each grade, from the day it is raised.
    public var deadlineDays: [FindingGrade: Int]
    /// The certification body's name, as its certificates print it.
    public var bodyName: String

    public static let defaultPattern = "MSC-{year}-{seq:5}"

    public init(
        numberPattern: String = RegisterPolicy.defaultPattern, validityYears: Int = 3, surveillanceMonths: Int = 6,
        graceDays: Int = 30, suspensionLimitMonths: Int = 6, conflictYears: Int = 2, recertificationMonths: Int = 6,
        deadlineDays: [FindingGrade: Int] = [.major: 30, .minor: 90], bodyName: String = "认证机构 Certification body"
    ) {
        self.numberPattern = numberPattern
        self.validityYears = validityYears
        self.surveillanceMonths = surveillanceMonths
        self.graceDays = graceDays
        self.suspensionLimitMonths = suspensionLimitMonths
        self.conflictYears = conflictYears
        self.recertificationMonths = recertificationMonths
        self.deadlineDays = deadlineDays
        self.bodyName = bodyName
    }

    /// The deadline of a nonconformity of `grade` raised on `raised`.
    public func deadline(_ grade: FindingGrade, raisedOn raised: Day) -> Day {
        raised.adding(days: deadlineDays[grade] ?? 90)
    }
}

/// Certificate numbers made from a pattern such as `MSC-{year}-{seq:5}` → `MSC-2026-00042`.
public struct CertificateNumberPattern: Sendable, Hashable {
    public var pattern: String

    /// Nil when the pattern has no `{seq}` or an unknown `{…}`.
    public init?(_ pattern: String) {
        self.pattern = pattern
        guard CertificateNumberPattern.problem(pattern) == nil else { return nil }
    }

    /// What is wrong with `pattern`, or nil.
    public static func problem(_ pattern: String) -> Diagnostic.Message? {
        var rest = Substring(pattern)
        var sequences = 0
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return .patternBraceUnclosed }
            let token = rest[rest.index(after: open)..<close]
            if token == "year" {
            } else if token == "seq" {
                sequences += 1
            } else if token.hasPrefix("seq:"), let width = Int(token.dropFirst(4)), (1...12).contains(width) {
                sequences += 1
            } else {
                return .patternUnknownPart(token)
            }
            rest = rest[rest.index(after: close)...]
        }
        if sequences != 1 { return .patternNeedsOneSequence }
        if pattern.contains("/") || pattern.contains(where: \.isWhitespace) {
            return .patternSlashOrSpace
        }
        return nil
    }

    /// The key the running number counts under: the pattern with the year filled in.
    public func series(year: Int) -> String {
        pattern.replacingOccurrences(of: "{year}", with: String(year))
    }

    /// The number for the `sequence`th certificate of `year`.
    public func number(year: Int, sequence: Int) -> String {
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let token = rest[rest.index(after: open)..<close]
            if token == "year" {
                out += String(year)
            } else {
                let width = token.hasPrefix("seq:") ? Int(token.dropFirst(4)) ?? 1 : 1
                let digits = String(sequence)
                out += String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
