/// Whether a cited evidence item counts on the assessment date, and if not, why; it limits the evidence cap.
public enum EvidenceValidity: Sendable, Hashable {
    case valid
    /// The item has no date, so its age cannot be known.
    case undated
    /// Dated after the assessment.
    case future(date: Day)
    /// Replaced by `by`, dated `on` (on or before the assessment).
    case superseded(by: String, on: Day)
    /// Its `valid_until` is before the assessment date.
    case expired(validUntil: Day)
    /// Older at the assessment date than its kind allows.
    case stale(date: Day, ageDays: Int, maxAgeDays: Int)

    public var isValid: Bool { self == .valid }

    /// The gap status this reason gives when no item of a kind counts.
    public var gapStatus: EvidenceGap.Status {
        switch self {
        case .valid, .stale: return .stale
        case .undated: return .undated
        case .future: return .future
        case .superseded: return .superseded
        case .expired: return .expired
        }
    }

    /// The reason in English, for JSON and logs ("superseded by E1 (2026-03-01)").
    public var message: String {
        switch self {
        case .valid: return "valid"
        case .undated: return "undated"
        case .future(let date): return "dated \(date), after the assessment"
        case .superseded(let by, let on): return "superseded by \(by) (\(on))"
        case .expired(let until): return "expired: valid until \(until)"
        case .stale(let date, let age, let limit):
            return "stale: dated \(date), \(age) days old, its kind counts \(limit) days"
        }
    }
}

/// The validity rules of an assessment's evidence register on its date.
public struct EvidenceRules: Sendable {
    public let catalog: Catalog
    public let date: Day
    /// The register by id (the first item of an id, as ``Assessment/evidenceItem(_:)`` finds it).
    let items: [String: EvidenceItem]
    /// The validity of each of `items`, worked out once (scoring and planning ask it per citing criterion).
    private let validities: [String: EvidenceValidity]

    public init(catalog: Catalog, assessment: Assessment) {
        let items = Dictionary(assessment.evidence.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.catalog = catalog
        self.date = assessment.date
        self.items = items
        self.validities = items.mapValues {
            Self.validity(of: $0, on: assessment.date, items: items, catalog: catalog)
        }
    }

    /// The validity of the register's item `id` (the first of that id); nil when the register has none.
    public func validity(ofItem id: String) -> EvidenceValidity? { validities[id] }

    /// The kinds of the cited items that count (ids the register does not hold count for nothing), a kind as often
    /// as an item gives it: a criterion cites a few, and a list is quicker to make and search than a set.
    public func validKinds(cited ids: [String]) -> [String] {
        ids.compactMap { id in validities[id] == .valid ? items[id]?.kind : nil }
    }

    /// An item counts when it is dated on or before the assessment, is not superseded by an item dated
    /// on or before it, has not passed its `valid_until`, and is within its kind's age limit.
    public func validity(of item: EvidenceItem) -> EvidenceValidity {
        Self.validity(of: item, on: date, items: items, catalog: catalog)
    }

    private static func validity(
        of item: EvidenceItem, on date: Day, items: [String: EvidenceItem], catalog: Catalog
    ) -> EvidenceValidity {
        guard let itemDate = item.date else { return .undated }
        if itemDate > date { return .future(date: itemDate) }
        if let newer = item.supersededBy, let replacement = items[newer], let on = replacement.date, on <= date {
            return .superseded(by: newer, on: on)
        }
        if let until = item.validUntil, until < date { return .expired(validUntil: until) }
        if let limit = catalog.maxAgeDays(ofKind: item.kind) {
            let age = itemDate.days(until: date)
            if age > limit { return .stale(date: itemDate, ageDays: age, maxAgeDays: limit) }
        }
        return .valid
    }
}
