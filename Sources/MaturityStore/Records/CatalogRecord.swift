/// A criteria catalog held by the store: its identity and the files it is read from.
public struct CatalogRecord: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id
        case catalogId = "catalog_id"
        case catalogVersion = "catalog_version"
        case title
        case origin
        case createdAt = "created_at"
        case files
    }

    /// How the catalog came to the store.
    public enum Origin: String, Codable, Sendable {
        /// Shipped with `maturity` (`Criteria/`), recorded at start.
        case shipped
        /// Uploaded by a user after passing lint.
        case uploaded
    }

    public var id: String
    public var catalogId: String
    public var catalogVersion: String
    public var title: String
    public var origin: Origin
    public var createdAt: String
    /// Path inside the catalog (`catalog.yaml`, `service-process.yaml`, or the one file's name) → SHA-256.
    public var files: [FileRecord]

    public init(
        id: String, catalogId: String, catalogVersion: String, title: String, origin: Origin, createdAt: String,
        files: [FileRecord]
    ) {
        self.id = id
        self.catalogId = catalogId
        self.catalogVersion = catalogVersion
        self.title = title
        self.origin = origin
        self.createdAt = createdAt
        self.files = files
    }
}

/// A file of a catalog or an assessment folder: its path in the folder and its stored bytes' digest.
public struct FileRecord: Codable, Sendable, Equatable, Hashable {
    public var path: String
    public var sha256: String
    public var size: Int

    public init(path: String, sha256: String, size: Int) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}
