/// What a certificate covers: the organisation's sites and product categories, the catalog it was assessed
/// against, and the enterprise type (a points catalog's profile).
public struct CertificateScope: Sendable, Hashable {
    public var sites: [String]
    public var productCategories: [String]
    public var catalogId: String
    public var catalogVersion: String
    public var profile: String?

    public init(
        sites: [String], productCategories: [String], catalogId: String, catalogVersion: String,
        profile: String? = nil
    ) {
        self.sites = sites
        self.productCategories = productCategories
        self.catalogId = catalogId
        self.catalogVersion = catalogVersion
        self.profile = profile
    }

    /// `after-sales-maturity@2026.2`.
    public var catalog: String { "\(catalogId)@\(catalogVersion)" }
}

/// A certificate in the register: number, holder, scope, rating, dates, and where it stands with every change.
public struct Certificate: Sendable, Hashable {
    public var number: String
    public var organisationId: String
    public var organisation: String
    public var scope: CertificateScope
    /// A rating id of the catalog (`pass`, `four-star`…).
    public var rating: String
    public var issued: Day
    public var expires: Day
    /// The state decisions left it in; `state(asOf:)` adds expiry, which comes by date alone.
    public var state: CertificateState
    /// The day the current suspension began, while suspended.
    public var suspendedSince: Day?
    /// The date of the last audit (initial, surveillance, special or recertification) the register accepted.
    public var lastAudit: Day
    public var history: [StateChange]

    public init(
        number: String, organisationId: String, organisation: String, scope: CertificateScope, rating: String,
        issued: Day, expires: Day, state: CertificateState, suspendedSince: Day? = nil, lastAudit: Day,
        history: [StateChange] = []
    ) {
        self.number = number
        self.organisationId = organisationId
        self.organisation = organisation
        self.scope = scope
        self.rating = rating
        self.issued = issued
        self.expires = expires
        self.state = state
        self.suspendedSince = suspendedSince
        self.lastAudit = lastAudit
        self.history = history
    }

    /// The state on `day`: a live certificate past its expiry date has expired.
    public func state(asOf day: Day) -> CertificateState {
        state.isLive && expires < day ? .expired : state
    }

    /// The history up to `day`, with the expiry added when it has come.
    public func history(asOf day: Day) -> [StateChange] {
        guard state.isLive, expires < day else { return history.filter { !(day < $0.date) } }
        return history.filter { !(day < $0.date) } + [
            StateChange(
                date: expires.adding(days: 1), from: state, to: .expired, decision: nil,
                reason: "not recertified before its expiry on \(expires)", by: "register")
        ]
    }
}
