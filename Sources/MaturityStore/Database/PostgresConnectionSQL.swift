import Logging
import NIOCore
import PostgresKit
import SQLKit

/// SQLKit on one PostgreSQL connection, as postgres-kit's `connection.sql()` is, with rows that decode the store's
/// column types (text, bigint, double precision, bytea; each possibly null) straight from their cells.
///
/// postgres-kit's rows give every value the general translation (a coding path built as text, several dynamic
/// casts and workarounds for other libraries' types), and the store reads thousands of values per page: the due
/// board's 500 certificates of 14 columns spent a third of the server's time there. The statements, their
/// parameters and the dialect are postgres-kit's and SQLKit's as before.
struct PostgresConnectionSQL: SQLDatabase {
    let connection: PostgresConnection
    let logger: Logger

    var eventLoop: any EventLoop { connection.eventLoop }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (text, binds) = serialize(query)
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(binds.count)
        for bind in binds { types.append(try Self.append(bind, to: &bindings)) }
        guard let name = PreparedStatements.name(for: text, types: types) else {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: text, binds: bindings), logger: logger)
            var columns: PostgresColumns?
            for try await row in rows { onRow(PostgresSQLRow(PostgresRandomAccessRow(row), columns: &columns)) }
            return
        }
        let statement = PreparedStatements.Current(name: name, sql: text, types: types)
        do {
            try await PreparedStatements.$current.withValue(statement) {
                let rows = try await connection.execute(
                    PreparedStatements.Statement(bindings: bindings), logger: logger)
                var columns: PostgresColumns?
                for try await row in rows { onRow(PostgresSQLRow(PostgresRandomAccessRow(row), columns: &columns)) }
            }
        } catch {
            PreparedStatements.failed(text, types: types)
            throw error
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// A bound value: null for an absent optional, else its PostgreSQL encoding (every type the store binds has
    /// one: text, integers, doubles, bytes; any other type PostgresNIO encodes, booleans say, works too).
    /// Returns the value's type (`.null` for null: the server infers it).
    @discardableResult
    static func append(_ value: any Encodable & Sendable, to bindings: inout PostgresBindings) throws
        -> PostgresDataType
    {
        var value: Any = value
        while let optional = value as? any AnyOptional {
            guard let wrapped = optional.wrapped else {
                bindings.appendNull()
                return .null
            }
            value = wrapped
        }
        guard let encodable = value as? any PostgresThrowingDynamicTypeEncodable else {
            throw PostgresSQLError.unsupportedBind(String(describing: type(of: value)))
        }
        try bindings.append(encodable)
        return encodable.psqlType
    }
}

/// A row whose values are decoded from their cells directly (``PostgresConnectionSQL``).
struct PostgresSQLRow: SQLRow {
    let cells: PostgresRandomAccessRow
    let columns: PostgresColumns

    /// The row with the positions of its statement's columns, found once for all its rows (`columns`).
    init(_ cells: PostgresRandomAccessRow, columns: inout PostgresColumns?) {
        self.cells = cells
        let found = columns ?? PostgresColumns(cells)
        columns = found
        self.columns = found
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool { columns.positions[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let position = columns.positions[column] else { return true }
        return cells[position].bytes == nil
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let position = columns.positions[column] else { throw PostgresSQLError.missingColumn(column) }
        let cell = cells[position]
        // Text, most of what the store reads: its bytes are UTF-8 in either wire format.
        if cell.dataType == .text, D.self == String.self || D.self == String?.self {
            let text = cell.bytes.map { String(buffer: $0) }
            if D.self == String?.self { return text as! D }
            if let text { return text as! D }
        }
        // Whole numbers in binary (versions, revisions, counts): read directly, not through the driver's generic
        // decoding (a tenth of the server's time listing organisations went to decoding rows).
        if D.self == Int.self || D.self == Int?.self, cell.format == .binary, let bytes = cell.bytes,
            let value = Self.integer(bytes, cell.dataType)
        {
            return (D.self == Int.self ? value as! D : Optional(value) as! D)
        }
        guard let decodable = D.self as? any PostgresDecodable.Type else {
            throw PostgresSQLError.unsupportedColumnType(column: column, type: String(describing: D.self))
        }
        return try cell.decode(decodable) as! D
    }
}

extension PostgresSQLRow {
    /// A bigint, integer or smallint in PostgreSQL's binary format (big-endian, of its type's width); nil for
    /// anything else.
    static func integer(_ bytes: ByteBuffer, _ type: PostgresDataType) -> Int? {
        switch (type, bytes.readableBytes) {
        case (.int8, 8): bytes.getInteger(at: bytes.readerIndex, as: Int64.self).map(Int.init)
        case (.int4, 4): bytes.getInteger(at: bytes.readerIndex, as: Int32.self).map(Int.init)
        case (.int2, 2): bytes.getInteger(at: bytes.readerIndex, as: Int16.self).map(Int.init)
        default: nil
        }
    }
}

/// Where each column of a statement's rows is, by name (the last of two with one name, as PostgresNIO's own
/// lookup): one lookup a value instead of two (whether the row has it, then where), built once per statement.
final class PostgresColumns: Sendable {
    let positions: [String: Int]

    init(_ cells: PostgresRandomAccessRow) {
        var positions: [String: Int] = [:]
        for (position, cell) in zip(cells.indices, cells) { positions[cell.columnName] = position }
        self.positions = positions
    }
}

/// A value the PostgreSQL adapter cannot bind or read: the store's own code asked for it, never a user.
enum PostgresSQLError: Error, CustomStringConvertible {
    case unsupportedBind(String)
    case missingColumn(String)
    case unsupportedColumnType(column: String, type: String)

    var description: String {
        switch self {
        case .unsupportedBind(let type): "cannot bind a value of type \(type) to a PostgreSQL statement"
        case .missingColumn(let column): "no column '\(column)' in the row"
        case .unsupportedColumnType(let column, let type): "cannot read column '\(column)' as \(type)"
        }
    }
}
