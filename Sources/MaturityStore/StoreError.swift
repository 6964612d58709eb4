/// Why the store refused a request; each case carries what a front end needs to say so clearly.
public enum StoreError: Error, Sendable, Equatable {
    /// The database was written by a newer `maturity` than this one.
    case newerSchema(found: Int, known: Int)
    /// `--database` is not a URL this build can connect to.
    case invalidDatabaseURL(String)
    /// No row of that kind with that id (or it belongs to something else).
    case notFound(kind: String, id: String)
    /// The row changed since the editor read it: `current` is its version now.
    case versionConflict(kind: String, id: String, current: Int)
    /// A row with that id exists already.
    case duplicate(kind: String, id: String)
    /// A file is larger than the store accepts.
    case fileTooLarge(name: String, size: Int, limit: Int)
    /// A stored file's bytes no longer match its digest, or are missing.
    case blobMissing(sha256: String)
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .newerSchema(let found, let known):
            return "the database has schema version \(found), but this maturity knows versions up to \(known); "
                + "use a newer maturity, or restore a backup made before the upgrade"
        case .invalidDatabaseURL(let url):
            return "'\(url)' is not a database URL; use postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
        case .notFound(let kind, let id): return "no \(kind) '\(id)'"
        case .versionConflict(let kind, let id, let current):
            return "\(kind) '\(id)' was changed by someone else (now version \(current)); reload it and edit again"
        case .duplicate(let kind, let id): return "\(kind) '\(id)' exists already"
        case .fileTooLarge(let name, let size, let limit):
            return "'\(name)' is \(size) bytes, more than the \(limit) bytes a stored file may have"
        case .blobMissing(let sha256): return "stored file \(sha256) is missing"
        }
    }
}
