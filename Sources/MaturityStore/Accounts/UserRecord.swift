/// What a person may do, and where: assigned per organisation, or body-wide for the certification body's staff.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Sees their organisation; edits its self-assessments (claims, evidence, KPI values) and the plan actions
    /// they own; may be limited to one domain's criteria.
    case companyMember = "company-member"
    /// A company member for the whole organisation, who also edits the organisation and its assessments.
    case companyAdmin = "company-admin"
    /// Sees the audits assigned to them; sets audited levels, findings and audit evidence.
    case auditor
    /// Reads audits and records reviews and decisions; never on the team of an audit they decide.
    case reviewer
    /// The certification body's administrator: everything.
    case cbAdmin = "cb-admin"

    /// Roles held body-wide (no organisation); the others need one.
    public var isBodyWide: Bool { self == .reviewer || self == .cbAdmin }
}

/// A person who signs in.
public struct UserRecord: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id
        case name
        case displayName = "display_name"
        case language
        case disabled
        case roles
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case version
    }

    public var id: String
    /// The sign-in name: unique, compared exactly.
    public var name: String
    public var displayName: String
    /// `zh` or `en`: the pages' language after sign-in.
    public var language: String
    public var disabled: Bool
    public var roles: [RoleAssignment]
    public var createdAt: String
    public var updatedAt: String
    public var version: Int

    public init(
        id: String, name: String, displayName: String, language: String, disabled: Bool, roles: [RoleAssignment],
        createdAt: String, updatedAt: String, version: Int
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.language = language
        self.disabled = disabled
        self.roles = roles
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// One role of a user: body-wide (no organisation), for an organisation, for one audit (an auditor), or for one
/// domain's criteria (a company member).
public struct RoleAssignment: Codable, Sendable, Equatable, Hashable {
    enum CodingKeys: String, CodingKey {
        case role
        case organisationId = "organisation_id"
        case assessmentId = "assessment_id"
        case domain
    }

    public var role: Role
    public var organisationId: String?
    public var assessmentId: String?
    public var domain: String?

    public init(role: Role, organisationId: String? = nil, assessmentId: String? = nil, domain: String? = nil) {
        self.role = role
        self.organisationId = organisationId
        self.assessmentId = assessmentId
        self.domain = domain
    }

    /// As the command line lists it: `auditor @ org-id (assessment a-id)`.
    public var summary: String {
        var text = role.rawValue
        if let organisationId { text += " @ \(organisationId)" }
        if let assessmentId { text += " (assessment \(assessmentId))" }
        if let domain { text += " (domain \(domain))" }
        return text
    }
}

/// A browser session as stored: found by the SHA-256 of its cookie value.
public struct SessionRecord: Sendable, Equatable {
    public var userId: String
    /// The token every form of this session carries.
    public var csrf: String
    public var createdAt: String
    public var expiresAt: String
}

/// An API token's stored facts (never the token itself).
public struct APITokenRecord: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id
        case userId = "user_id"
        case name
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case revokedAt = "revoked_at"
    }

    public var id: String
    public var userId: String
    public var name: String
    public var createdAt: String
    public var lastUsedAt: String?
    public var revokedAt: String?
}
