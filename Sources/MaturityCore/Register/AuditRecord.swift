/// What the register keeps of an imported, verified audit result: enough to take decisions on it.
public struct AuditRecord: Sendable, Hashable {
    /// The sign-off digest: the result's identity in the register.
    public var id: String
    public var organisation: String
    public var site: String?
    public var kind: Assessment.Kind
    public var date: Day
    public var catalogId: String
    public var catalogVersion: String
    public var profile: String?
    public var rating: String
    public var overall: Double?
    /// A review's decision (surveillance and special audits); nil for an initial audit.
    public var reviewDecision: ReviewDecision?
    public var auditor: String
    /// The auditors whose signatures on the result verified.
    public var signedBy: [String]
    /// Nonconformities (major and minor findings) the result lists as open.
    public var openFindings: [FindingSummary]
    /// Findings the result lists as closed (a follow-up audit closing earlier nonconformities).
    public var closedFindings: [String] = []

    public struct FindingSummary: Sendable, Hashable {
        public var id: String
        public var grade: FindingGrade
        public var criterion: String?
        public var text: String
        public var due: Day?

        public init(id: String, grade: FindingGrade, criterion: String?, text: String, due: Day?) {
            self.id = id
            self.grade = grade
            self.criterion = criterion
            self.text = text
            self.due = due
        }
    }

    public init(
        id: String, organisation: String, site: String? = nil, kind: Assessment.Kind, date: Day, catalogId: String,
        catalogVersion: String, profile: String? = nil, rating: String, overall: Double?,
        reviewDecision: ReviewDecision? = nil, auditor: String, signedBy: [String] = [],
        openFindings: [FindingSummary] = []
    ) {
        self.id = id
        self.organisation = organisation
        self.site = site
        self.kind = kind
        self.date = date
        self.catalogId = catalogId
        self.catalogVersion = catalogVersion
        self.profile = profile
        self.rating = rating
        self.overall = overall
        self.reviewDecision = reviewDecision
        self.auditor = auditor
        self.signedBy = signedBy
        self.openFindings = openFindings
    }

    /// What the audit team recommends: a review's decision, or for an initial (or recertification) audit a
    /// grant unless it rated fail.
    public var recommendation: DecisionKind {
        if let reviewDecision { return DecisionKind(recommendation: reviewDecision) }
        return rating == RatingRule.failId ? .refuse : .grant
    }

    public var catalog: String { "\(catalogId)@\(catalogVersion)" }
}
