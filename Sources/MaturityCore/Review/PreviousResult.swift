/// An earlier result as its JSON says (`assess --format json`, or `review --format json`): what a
/// surveillance review compares against and what `history` lines up. Only what those need is read;
/// other keys are ignored, so results written by later versions still read.
public struct PreviousResult: Sendable {
    /// The result schema this version reads.
    public static let supportedSchema = 1

    public struct DomainScore: Sendable, Hashable {
        public var id: String
        public var applicable: Bool
        /// Rounded to 2 decimals, as written; nil when not applicable.
        public var score: Double?

        public init(id: String, applicable: Bool, score: Double?) {
            self.id = id
            self.applicable = applicable
            self.score = score
        }
    }

    public struct CriterionScore: Sendable, Hashable {
        public var id: String
        public var domain: String?
        public var key: Bool
        public var applicable: Bool
        /// Nil when not applicable.
        public var level: Int?
        /// Rounded to 2 decimals, as written; nil when not applicable.
        public var score: Double?
        /// Points earned, in a points result; nil when not applicable or a levels result.
        public var earned: Double?

        public init(id: String, domain: String?, key: Bool, applicable: Bool, level: Int?, score: Double?) {
            self.id = id
            self.domain = domain
            self.key = key
            self.applicable = applicable
            self.level = level
            self.score = score
        }
    }

    /// Where the values a review checks were written, for its diagnostics.
    public struct Locations: Sendable, Hashable {
        public var catalog: SourceLocation?
        public var organisation: SourceLocation?
        public var date: SourceLocation?
        public var rating: SourceLocation?
        public var kind: SourceLocation?
        public var decision: SourceLocation?

        public init(
            catalog: SourceLocation? = nil, organisation: SourceLocation? = nil, date: SourceLocation? = nil,
            rating: SourceLocation? = nil, kind: SourceLocation? = nil, decision: SourceLocation? = nil
        ) {
            self.catalog = catalog
            self.organisation = organisation
            self.date = date
            self.rating = rating
            self.kind = kind
            self.decision = decision
        }
    }

    /// The file as the user named it.
    public var file: String
    public var catalogId: String
    public var catalogVersion: String
    public var organisation: Organisation
    public var kind: Assessment.Kind
    public var date: Day
    public var rating: String
    /// Rounded to 2 decimals, as written; nil when no domain applied.
    public var overall: Double?
    public var domains: [DomainScore]
    public var criteria: [CriterionScore]
    /// Set when the result is itself a surveillance review.
    public var decision: ReviewDecision?
    public var nextReview: Day?
    /// The date of the result the review compared with, when the result is a review.
    public var previousDate: Day?
    public var locations: Locations
    /// Levels or points, as the result says (`scoring`; absent: levels).
    public var scoring = Catalog.Scoring.levels
    /// The first day of the certificate's unbroken run at the lowest rating, when the result records it.
    public var heldSince: Day?

    /// Whether the certificate stood in good standing on this result: rated above fail and neither
    /// suspended nor withdrawn by it.
    public var holdsCertificate: Bool {
        rating != RatingRule.failId && kind != .selfAssessment && decision != .suspend && decision != .withdraw
    }

    /// The first day of the run at the lowest rating a review of this result continues: the recorded one,
    /// else this result's date; nil when the certificate did not stand in good standing.
    public var runStart: Day? { holdsCertificate ? heldSince ?? date : nil }

    public init(
        file: String, catalogId: String, catalogVersion: String, organisation: Organisation,
        kind: Assessment.Kind, date: Day, rating: String, overall: Double?, domains: [DomainScore],
        criteria: [CriterionScore], decision: ReviewDecision? = nil, nextReview: Day? = nil, previousDate: Day? = nil,
        locations: Locations = Locations()
    ) {
        self.file = file
        self.catalogId = catalogId
        self.catalogVersion = catalogVersion
        self.organisation = organisation
        self.kind = kind
        self.date = date
        self.rating = rating
        self.overall = overall
        self.domains = domains
        self.criteria = criteria
        self.decision = decision
        self.nextReview = nextReview
        self.previousDate = previousDate
        self.locations = locations
    }

    public func criterion(_ id: String) -> CriterionScore? { criteria.first { $0.id == id } }
    public func domain(_ id: String) -> DomainScore? { domains.first { $0.id == id } }
}
