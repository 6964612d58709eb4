/// One file a catalog was read from: what the sign-off seals, and what `verify` hashes again.
public struct CatalogFile: Sendable, Hashable {
    /// The path relative to the catalog folder (`catalog.yaml`, `domains/service-process.yaml`), or the
    /// file's name for a catalog in one file.
    public var name: String
    /// Where the file is, with symbolic links resolved.
    public var path: String

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }
}
