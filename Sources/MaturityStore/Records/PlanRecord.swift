/// An assessment's improvement plan as stored: the plan file's text, its version, and each action's version.
public struct PlanRecord: Codable, Sendable, Equatable {
    public var assessmentId: String
    /// The plan file (`plan.yaml`) as the command line reads and writes it.
    public var text: String
    /// Raised by every change to the plan.
    public var version: Int
    /// Action id → version, raised when that action changes.
    public var actions: [String: Int]
    public var updatedAt: String

    public init(
        assessmentId: String, text: String, version: Int = 0, actions: [String: Int] = [:], updatedAt: String = ""
    ) {
        self.assessmentId = assessmentId
        self.text = text
        self.version = version
        self.actions = actions
        self.updatedAt = updatedAt
    }
}

/// A result or review kept as it was produced: the JSON the command line writes, which a later review reads
/// as its previous result and history reads in order.
public struct StoredResult: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id
        case organisationId = "organisation_id"
        case assessmentId = "assessment_id"
        case assessmentRevision = "assessment_revision"
        case kind
        case assessmentKind = "assessment_kind"
        case date
        case rating
        case decision
        case createdAt = "created_at"
    }

    public var id: String
    public var organisationId: String
    public var assessmentId: String?
    public var assessmentRevision: Int
    /// `result` or `review`.
    public var kind: String
    /// The assessment's kind: self, audit, surveillance, special.
    public var assessmentKind: String
    public var date: String
    public var rating: String
    /// A review's decision.
    public var decision: String?
    public var createdAt: String
    /// The JSON itself (left out of listings).
    public var json: String

    public init(
        id: String = "", organisationId: String, assessmentId: String?, assessmentRevision: Int, kind: String,
        assessmentKind: String, date: String, rating: String, decision: String? = nil, createdAt: String = "",
        json: String
    ) {
        self.id = id
        self.organisationId = organisationId
        self.assessmentId = assessmentId
        self.assessmentRevision = assessmentRevision
        self.kind = kind
        self.assessmentKind = assessmentKind
        self.date = date
        self.rating = rating
        self.decision = decision
        self.createdAt = createdAt
        self.json = json
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(organisationId, forKey: .organisationId)
        try container.encodeIfPresent(assessmentId, forKey: .assessmentId)
        try container.encode(assessmentRevision, forKey: .assessmentRevision)
        try container.encode(kind, forKey: .kind)
        try container.encode(assessmentKind, forKey: .assessmentKind)
        try container.encode(date, forKey: .date)
        try container.encode(rating, forKey: .rating)
        try container.encodeIfPresent(decision, forKey: .decision)
        try container.encode(createdAt, forKey: .createdAt)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        organisationId = try container.decode(String.self, forKey: .organisationId)
        assessmentId = try container.decodeIfPresent(String.self, forKey: .assessmentId)
        assessmentRevision = try container.decode(Int.self, forKey: .assessmentRevision)
        kind = try container.decode(String.self, forKey: .kind)
        assessmentKind = try container.decode(String.self, forKey: .assessmentKind)
        date = try container.decode(String.self, forKey: .date)
        rating = try container.decode(String.self, forKey: .rating)
        decision = try container.decodeIfPresent(String.self, forKey: .decision)
        createdAt = try container.decode(String.self, forKey: .createdAt)
        json = ""
    }
}
