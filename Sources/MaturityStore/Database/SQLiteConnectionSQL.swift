import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLKit on one SQLite connection (``SQLiteHandle``), with binds and rows that convert the store's types
/// (text, integers, doubles, bytes; each possibly null) directly.
///
/// sqlite-kit converts a value directly only when its type is one of SQLite's own: an optional — and most of the
/// store's columns are optional — goes through a coder built for each value, on reading and on binding. A
/// snapshot of an assessment reads some 800 values. The statements and the dialect are sqlite-kit's as before.
///
/// Statements run where the caller is, except, with `offloading`, those that may wait (a transaction's begin or
/// commit, `VACUUM`): the writer's. Readers' hardly ever wait in write-ahead-log mode (only while a connection
/// recovers the log after a crash, within `busy_timeout`).
struct SQLiteConnectionSQL: SQLDatabase {
    let connection: SQLiteHandle
    let offloading: Bool

    var eventLoop: any EventLoop { connection.eventLoop }
    var logger: Logger { Self.logger }
    private static let logger = Logger(label: "maturity.sqlite")
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeCompletedFuture { try run(query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (text, binds) = serialize(query)
        let values = try binds.map(Self.data)
        if offloading, Self.mayWait(text) {
            let connection = self.connection
            // Not cancellable once asked for: a commit left unrun because its caller was cancelled would roll back
            // every transaction of its group.
            try await NIOThreadPool.singleton.runIfActive(eventLoop: connection.eventLoop) {
                try connection.query(text, values) { onRow($0) }
            }.get()
        } else {
            try connection.query(text, values) { onRow($0) }
        }
    }

    private func run(_ query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) throws {
        let (text, binds) = serialize(query)
        try connection.query(text, try binds.map(Self.data)) { onRow($0) }
    }

    /// Whether a statement may wait for the disk or for another process's lock.
    static func mayWait(_ text: String) -> Bool {
        text.hasPrefix("COMMIT") || text.hasPrefix("BEGIN") || text.hasPrefix("VACUUM") || text.hasPrefix("PRAGMA")
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// A bound value: null for an absent optional (however deeply nested), else SQLite's own conversion of it
    /// (text, integers, doubles, bytes; booleans and dates too, as sqlite-kit binds them).
    static func data(_ value: any Encodable & Sendable) throws -> SQLiteData {
        // The types the store binds most, cast to the type itself (a cast to a protocol looks up conformances).
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .integer(number)
        case let text as String?: return text.map { .text($0) } ?? .null
        case let number as Int?: return number.map { .integer($0) } ?? .null
        default: break
        }
        var value: Any = value
        while let optional = value as? any AnyOptional {
            guard let wrapped = optional.wrapped else { return .null }
            value = wrapped
        }
        guard let data = (value as? any SQLiteDataConvertible)?.sqliteData else {
            throw SQLiteSQLError.unsupportedBind(String(describing: type(of: value)))
        }
        return data
    }
}

extension SQLiteHandle {
    /// The store's SQLKit interface to this connection (``SQLiteConnectionSQL``), the writer's `offloading`.
    func store(offloading: Bool) -> any SQLDatabase { SQLiteConnectionSQL(connection: self, offloading: offloading) }
}

/// A row whose values are converted from SQLite's directly (``SQLiteConnectionSQL``).
struct SQLiteSQLRow: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func column(_ name: String) -> SQLiteData? { columns.position(of: name).map { values[$0] } }

    func contains(column: String) -> Bool { columns.position(of: column) != nil }

    func decodeNil(column: String) throws -> Bool { (self.column(column) ?? .null) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let data = self.column(column) else { throw SQLiteSQLError.missingColumn(column) }
        // The types the store reads most, without a dynamic cast.
        switch data {
        case .text(let text) where D.self == String.self: return unsafeBitCast(text, to: D.self)
        case .text(let text) where D.self == String?.self: return unsafeBitCast(String?.some(text), to: D.self)
        case .integer(let number) where D.self == Int.self: return unsafeBitCast(Int(number), to: D.self)
        case .integer(let number) where D.self == Int?.self: return unsafeBitCast(Int?.some(Int(number)), to: D.self)
        case .null where D.self == String?.self: return unsafeBitCast(String?.none, to: D.self)
        case .null where D.self == Int?.self: return unsafeBitCast(Int?.none, to: D.self)
        default: break
        }
        var target: Any.Type = D.self
        if let optional = D.self as? any AnyOptional.Type {
            if data == .null { return optional.absent as! D }
            target = optional.wrappedType
        }
        guard let convertible = target as? any SQLiteDataConvertible.Type else {
            throw SQLiteSQLError.unsupportedColumnType(column: column, type: String(describing: D.self))
        }
        guard let value = convertible.init(sqliteData: data) else {
            throw SQLiteSQLError.mismatch(column: column, type: String(describing: D.self), found: "\(data)")
        }
        return value as! D
    }
}

/// A value the SQLite adapter cannot bind or read: the store's own code asked for it, never a user.
enum SQLiteSQLError: Error, CustomStringConvertible {
    case unsupportedBind(String)
    case missingColumn(String)
    case unsupportedColumnType(column: String, type: String)
    case mismatch(column: String, type: String, found: String)

    var description: String {
        switch self {
        case .unsupportedBind(let type): "cannot bind a value of type \(type) to an SQLite statement"
        case .missingColumn(let column): "no column '\(column)' in the row"
        case .unsupportedColumnType(let column, let type): "cannot read column '\(column)' as \(type)"
        case .mismatch(let column, let type, let found): "cannot read column '\(column)' (\(found)) as \(type)"
        }
    }
}
