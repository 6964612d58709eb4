/// A certificate with what the register holds about it.
public struct CertificateRecord: Sendable, Hashable {
    public var certificate: Certificate
    public var ratingName: LocalizedText
    /// A short code printed on the certificate document, derived from the grant's signed digest.
    public var verificationCode: String
    public var decisions: [Decision]
    public var nonconformities: [Nonconformity]
    public var triggers: [SuspensionTrigger]

    public init(
        certificate: Certificate, ratingName: LocalizedText, verificationCode: String, decisions: [Decision],
        nonconformities: [Nonconformity], triggers: [SuspensionTrigger]
    ) {
        self.certificate = certificate
        self.ratingName = ratingName
        self.verificationCode = verificationCode
        self.decisions = decisions
        self.nonconformities = nonconformities
        self.triggers = triggers
    }
}

/// What anyone may see of a certificate without logging in: nothing from the assessment.
public struct PublicCertificate: Sendable, Hashable {
    public var number: String
    public var organisation: String
    public var sites: [String]
    public var productCategories: [String]
    public var catalog: String
    public var rating: String
    public var ratingName: LocalizedText
    public var issued: Day
    public var expires: Day
    public var state: CertificateState
    public var stateSince: Day?
    public var verificationCode: String

    public init(
        number: String, organisation: String, sites: [String], productCategories: [String], catalog: String,
        rating: String, ratingName: LocalizedText, issued: Day, expires: Day, state: CertificateState,
        stateSince: Day?, verificationCode: String
    ) {
        self.number = number
        self.organisation = organisation
        self.sites = sites
        self.productCategories = productCategories
        self.catalog = catalog
        self.rating = rating
        self.ratingName = ratingName
        self.issued = issued
        self.expires = expires
        self.state = state
        self.stateSince = stateSince
        self.verificationCode = verificationCode
    }
}

/// A page of the due board: its items, and how many certificates have something due in the window.
public struct DueBoard: Sendable, Hashable {
    public var asOf: Day
    public var within: Int
    public var items: [DueItem]
    /// Certificates with an item due by the horizon (all of them, beyond this page).
    public var certificates: Int
    /// Whether more certificates follow this page.
    public var truncated: Bool

    public init(asOf: Day, within: Int, items: [DueItem], certificates: Int, truncated: Bool) {
        self.asOf = asOf
        self.within = within
        self.items = items
        self.certificates = certificates
        self.truncated = truncated
    }
}
