import Logging
import PostgresNIO
import SQLKit
import Synchronization

/// The store's statements prepared once on each PostgreSQL connection and then only bound and executed.
///
/// Sent as text each time (an unnamed statement), a statement is parsed and planned again at every execution:
/// for the register's verification query (a lookup by key) that was three quarters of PostgreSQL's work
/// (`pgbench` on the benchmark register: 5,150 executions a second unnamed, 16,660 prepared). PostgresNIO
/// prepares a named statement on first use on each connection and keeps it; the store gives each statement
/// text, with the types of its parameters, a name of its own.
///
/// Prepared: single statements that read or change rows (SELECT, INSERT, UPDATE, DELETE, WITH), with at most
/// 64 parameters (not the bulk inserts, each of another length), the first 1,000 names a process gives (at most
/// four lists of parameter types per text).
/// Everything else goes as before.
enum PreparedStatements {
    struct Key: Hashable {
        let sql: String
        let types: [PostgresDataType]
    }

    struct Entry {
        let number: Int
        var generation = 0
    }

    struct State {
        var names: [Key: Entry] = [:]
        /// How many parameter-type lists of each text have a name.
        var variants: [String: Int] = [:]
    }

    private static let state = Mutex(State())
    static let capacity = 1_000
    static let maximumParameters = 64
    /// Names for one text: its parameters' types differ when a value is null (a null has no type; the server
    /// infers one), so a statement with eight optional columns could take 256 names; the first four suffice.
    static let maximumVariants = 4

    /// The name for `sql` with parameters of `types`; nil when it is not to be prepared.
    static func name(for sql: String, types: [PostgresDataType]) -> String? {
        guard types.count <= maximumParameters, preparable(sql) else { return nil }
        let key = Key(sql: sql, types: types)
        return state.withLock { state -> String? in
            if state.names[key] == nil {
                guard state.names.count < capacity, state.variants[sql, default: 0] < maximumVariants else {
                    return nil
                }
                state.names[key] = Entry(number: state.names.count)
                state.variants[sql, default: 0] += 1
            }
            return state.names[key].map { "maturity_\($0.number)_\($0.generation)" }
        }
    }

    /// After an error of the statement `sql` with `types`: it is prepared afresh, under a new name. PostgresNIO
    /// keeps a statement whose preparation failed failed on its connection (prepared in a transaction that had
    /// failed, say, or before a table it reads was renamed back), and the error does not say whether it was the
    /// preparation that failed; the statement's other names stay.
    static func failed(_ sql: String, types: [PostgresDataType]) {
        state.withLock { $0.names[Key(sql: sql, types: types)]?.generation += 1 }
    }

    /// One statement that reads or changes rows: nothing after a semicolon, no transaction control or schema change.
    static func preparable(_ sql: String) -> Bool {
        guard !sql.utf8.contains(UInt8(ascii: ";")) else { return false }
        let start = sql.utf8.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") }
        let verb = String(decoding: start, as: UTF8.self).uppercased()
        return ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains(verb)
    }

    /// The statement being executed: PostgresNIO reads a prepared statement's name, text and parameter types from
    /// its type, so ``Statement`` reads them from here.
    struct Current: Sendable {
        var name = ""
        var sql = ""
        var types: [PostgresDataType] = []
    }

    @TaskLocal static var current = Current()

    /// A prepared statement of any text (see ``current``), rows returned as PostgresNIO reads them.
    struct Statement: PostgresPreparedStatement {
        typealias Row = PostgresRow
        static var name: String { PreparedStatements.current.name }
        static var sql: String { PreparedStatements.current.sql }
        static var bindingDataTypes: [PostgresDataType] { PreparedStatements.current.types }

        let bindings: PostgresBindings

        func makeBindings() throws -> PostgresBindings { bindings }

        func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
    }
}

extension SQLQueryString {
    /// `column` is one of `values`: on PostgreSQL one array parameter (`= ANY($1)`), so the statement has one text
    /// for any number of values and is prepared once (500 parameters of the due board's holders were planned
    /// anew at every request: 0.9 ms of PostgreSQL's time); on SQLite a parameter each (`IN (…)`).
    static func oneOf(_ column: String, _ values: [String], in sql: any SQLDatabase) -> SQLQueryString {
        if sql.dialect.name == "postgresql" { return "\(ident: column) = ANY(\(bind: values))" }
        return "\(ident: column) IN (\(binds: values))"
    }
}
