/// A client organisation (a company being assessed) with its sites.
public struct OrganisationRecord: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id
        case name
        case sites
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case version
    }

    public var id: String
    public var name: String
    public var sites: [SiteRecord]
    public var createdAt: String
    public var updatedAt: String
    public var version: Int

    public init(
        id: String, name: String, sites: [SiteRecord], createdAt: String, updatedAt: String, version: Int
    ) {
        self.id = id
        self.name = name
        self.sites = sites
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// A place where an organisation provides service (a branch, a repair station).
public struct SiteRecord: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var version: Int

    public init(id: String, name: String, version: Int) {
        self.id = id
        self.name = name
        self.version = version
    }
}

/// One line of the organisations list.
public struct OrganisationSummary: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var assessments: Int
    public var version: Int
}
