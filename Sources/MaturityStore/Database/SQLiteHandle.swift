import CSQLiteSettings
import NIOCore
import SQLiteNIO
// sqlite-nio's own copy of SQLite (the version its pinned release vendors, functions prefixed `sqlite_nio_`).
// sqlite-nio does not list it as a product: it is reached through the SQLiteNIO dependency, which builds it.
import VaporCSQLite

/// One SQLite connection whose statements run on the calling thread.
///
/// sqlite-nio runs every statement on a thread pool and hands each row and the end back through an event loop:
/// three threads woken a statement. An edit runs about a dozen statements, most of them while holding the one
/// writer, and those wake-ups were most of its time (a criterion edit held the writer 4.4 ms, its statements
/// taking some 0.4 ms each for microseconds of SQLite's work). Here a statement is prepared once and kept
/// (SQLite re-prepares it itself after a schema change), bound, stepped and reset where the caller is.
///
/// Not safe for use by two callers at once: the store hands a connection to one caller at a time (the reader
/// pool, the writer's ``GroupCommit``), and those hand-offs order what each caller did before the next.
/// Statements that may wait — for the disk (a commit: `synchronous = FULL`), or for another process's lock (a
/// write transaction's begin, within `busy_timeout`) — are run by ``SQLiteConnectionSQL`` on NIO's blocking pool
/// instead of a Swift concurrency thread.
final class SQLiteHandle: @unchecked Sendable {
    private var raw: OpaquePointer?
    /// Prepared statements by their text, with their columns' positions by name.
    private var prepared: [String: Kept] = [:]
    /// A prepared statement, its columns, and how many times SQLite had prepared it again when they were read.
    private typealias Kept = (statement: OpaquePointer, columns: SQLiteColumns, reprepares: Int32)
    /// The most statements kept; past it every kept one is finalized and preparing starts again (statements whose
    /// text varies — inserts of several rows — would otherwise pile up).
    private static let keptStatements = 256
    let path: String
    /// The event loop SQLKit's future-based calls answer on (the statements themselves do not run there).
    let eventLoop: any EventLoop

    init(path: String, eventLoop: any EventLoop) throws {
        self.path = path
        self.eventLoop = eventLoop
        let flags =
            SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close_v2(handle)
            throw SQLiteFailure(code: status, message: message, query: nil)
        }
        // Plans that do not depend on the values bound: otherwise SQLite prepares a kept statement again whenever
        // a value it looked at changes (reading an assessment's parts did, at every assessment).
        let stable = maturity_sqlite_stable_plans(UnsafeMutableRawPointer(handle))
        guard stable == SQLITE_OK else {
            sqlite_nio_sqlite3_close_v2(handle)
            throw SQLiteFailure(code: stable, message: "", query: nil)
        }
        raw = handle
    }

    deinit { close() }

    /// Runs `query` with `binds`, handing each row to `onRow` as it is read.
    func query(_ query: String, _ binds: [SQLiteData], _ onRow: (SQLiteSQLRow) throws -> Void) throws {
        guard let raw else {
            throw SQLiteFailure(code: SQLITE_MISUSE, message: "the connection is closed", query: query)
        }
        // Taken out of the kept ones while it runs: a statement run from inside `onRow` (none is today) prepares
        // its own, and making room for new ones never finalizes this one.
        var kept = try take(query, raw)
        defer {
            sqlite_nio_sqlite3_reset(kept.statement)
            sqlite_nio_sqlite3_clear_bindings(kept.statement)
            keep(query, kept)
        }
        for (index, value) in binds.enumerated() {
            let status = Self.bind(value, at: Int32(index + 1), to: kept.statement)
            guard status == SQLITE_OK else { throw reported(status, query) }
        }
        while true {
            let status = sqlite_nio_sqlite3_step(kept.statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw reported(status, query) }
            // SQLite prepares a kept statement again itself after a schema change: `SELECT *` may then have other
            // columns than when it was first prepared.
            let reprepares = sqlite_nio_sqlite3_stmt_status(kept.statement, SQLITE_STMTSTATUS_REPREPARE, 0)
            if reprepares != kept.reprepares {
                kept = (kept.statement, Self.columns(of: kept.statement), reprepares)
            }
            var values: [SQLiteData] = []
            values.reserveCapacity(kept.columns.count)
            for column in 0..<Int32(kept.columns.count) { values.append(Self.value(kept.statement, column)) }
            try onRow(SQLiteSQLRow(columns: kept.columns, values: values))
        }
    }

    /// How many times SQLite prepared the kept statement `query` again (nil when it is not kept).
    func reprepared(_ query: String) -> Int? {
        prepared[query].map { Int(sqlite_nio_sqlite3_stmt_status($0.statement, SQLITE_STMTSTATUS_REPREPARE, 0)) }
    }

    /// Finalizes every kept statement and closes the connection (once; later calls do nothing).
    func close() {
        for kept in prepared.values { sqlite_nio_sqlite3_finalize(kept.statement) }
        prepared = [:]
        if let raw { sqlite_nio_sqlite3_close_v2(raw) }
        raw = nil
    }

    /// The kept statement for `query`, taken out, or a new one.
    private func take(_ query: String, _ raw: OpaquePointer) throws -> Kept {
        if let index = prepared.index(forKey: query) { return prepared.remove(at: index).value }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(
            raw, query, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK else { throw reported(status, query) }
        guard let statement else {
            throw SQLiteFailure(code: SQLITE_MISUSE, message: "the text holds no statement", query: query)
        }
        return (statement, Self.columns(of: statement), 0)
    }

    /// Keeps a statement taken out for `query` (one kept meanwhile is finalized), making room when full.
    private func keep(_ query: String, _ kept: Kept) {
        guard raw != nil else {
            sqlite_nio_sqlite3_finalize(kept.statement)
            return
        }
        if prepared.count >= Self.keptStatements {
            for other in prepared.values { sqlite_nio_sqlite3_finalize(other.statement) }
            prepared = [:]
        }
        // The text is hashed once (a statement's text is long, and every statement is taken and kept again).
        if let replaced = prepared.updateValue(kept, forKey: query) { sqlite_nio_sqlite3_finalize(replaced.statement) }
    }

    private static func columns(of statement: OpaquePointer) -> SQLiteColumns {
        var names: [String] = []
        for column in 0..<sqlite_nio_sqlite3_column_count(statement) {
            names.append(sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? "")
        }
        return SQLiteColumns(names)
    }

    /// SQLite's error for `status`, with the connection's message.
    private func reported(_ status: Int32, _ query: String) -> SQLiteFailure {
        SQLiteFailure(
            code: status, message: raw.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "", query: query)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ value: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let number): return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
        case .float(let number): return sqlite_nio_sqlite3_bind_double(statement, index, number)
        case .null: return sqlite_nio_sqlite3_bind_null(statement, index)
        case .text(let text):
            return text.withCString { characters in
                sqlite_nio_sqlite3_bind_text64(
                    statement, index, characters, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
            }
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes { bytes in
                sqlite_nio_sqlite3_bind_blob64(statement, index, bytes.baseAddress, UInt64(bytes.count), transient)
            }
        }
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }
}

/// A statement's columns: their names in order, and the first position of each name.
final class SQLiteColumns: Sendable {
    let names: [String]
    private let positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
        self.positions = positions
    }

    var count: Int { names.count }

    func position(of name: String) -> Int? { positions[name] }
}

/// An error SQLite reported: its (extended) result code, its message, and the statement.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let query: String?

    var description: String {
        let name = sqlite_nio_sqlite3_errstr(code).map { String(cString: $0) } ?? "error \(code)"
        return message.isEmpty || message == name ? "SQLite: \(name)" : "SQLite: \(name): \(message)"
    }
}
