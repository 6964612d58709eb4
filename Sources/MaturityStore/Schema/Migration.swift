import SQLKit

/// One step of the schema: applied once, in order, recorded in `schema_migrations`.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    /// The statements, written once for both databases; `{blob}` becomes each one's binary type, `{serial}` an
    /// integer key numbered by the database.
    public var statements: [String]
    /// Run after the statements, in the same transaction: what SQL alone cannot write (an index the store
    /// computes, filled for the rows already there).
    public var then: (@Sendable (any SQLDatabase) async throws -> Void)?

    public init(
        version: Int, name: String, statements: [String],
        then: (@Sendable (any SQLDatabase) async throws -> Void)? = nil
    ) {
        self.version = version
        self.name = name
        self.statements = statements
        self.then = then
    }

    func sql(for kind: DatabaseKind) -> [String] {
        let blob = kind == .postgres ? "BYTEA" : "BLOB"
        let serial = kind == .postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"
        return statements.map {
            $0.replacingOccurrences(of: "{blob}", with: blob).replacingOccurrences(of: "{serial}", with: serial)
        }
    }
}
