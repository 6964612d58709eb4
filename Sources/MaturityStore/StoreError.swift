/// Why the store refused a request; each case carries what a front end needs to say so clearly.
public enum StoreError: Error, Sendable, Equatable {
    /// The database was written by a newer `maturity` than this one.
    case newerSchema(found: Int, known: Int)
    /// `--database` is not a URL this build can connect to.
    case invalidDatabaseURL(String)
    /// The database at `url` (its password left out) did not let the store connect, for `reason`.
    case databaseUnreachable(url: String, reason: String)
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
    /// The store is closing or closed (the server is shutting down): work still under way is refused.
    case closed
}

extension StoreError: CustomStringConvertible {
    /// The refusal in English (logs, tests); front ends print `message` in the user's language.
    public var description: String { message.en }
}
