import Foundation
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO
import Testing

@testable import MaturityStore

/// The SQLite connection the store drives directly (statements kept prepared, run where the caller is): what it
/// binds and reads back is what was written, to the byte, however often a kept statement is used again.
@Suite struct SQLiteHandleTests {
    func withHandle(_ body: (SQLiteHandle) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let handle = try SQLiteHandle(
            path: folder.appendingPathComponent("t.sqlite").path, eventLoop: MultiThreadedEventLoopGroup.singleton.any()
        )
        defer { handle.close() }
        try body(handle)
    }

    func rows(_ handle: SQLiteHandle, _ query: String, _ binds: [SQLiteData] = []) throws -> [[SQLiteData]] {
        var rows: [[SQLiteData]] = []
        try handle.query(query, binds) { rows.append($0.values) }
        return rows
    }

    @Test func valuesComeBackAsTheyWereBoundThroughAKeptStatement() throws {
        try withHandle { handle in
            _ = try rows(handle, "CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT, number REAL, bytes BLOB)")
            let texts = [
                "", "plain", "中文：已公示, \"引号\"", "nul\u{0}inside", "emoji 🧾", String(repeating: "长", count: 5000),
            ]
            for (index, text) in texts.enumerated() {
                var buffer = ByteBufferAllocator().buffer(capacity: 4)
                buffer.writeBytes([0, 1, 255, UInt8(index)])
                _ = try rows(
                    handle, "INSERT INTO t (id, text, number, bytes) VALUES (?, ?, ?, ?)",
                    [.integer(index), .text(text), .float(Double(index) + 0.5), .blob(buffer)])
            }
            _ = try rows(
                handle, "INSERT INTO t (id, text, number, bytes) VALUES (?, ?, ?, ?)",
                [.integer(99), .null, .null, .null])
            for (index, text) in texts.enumerated() {
                let found = try rows(handle, "SELECT text, number, bytes FROM t WHERE id = ?", [.integer(index)])
                #expect(found.count == 1)
                #expect(found.first?[0] == .text(text), "text \(index)")
                #expect(found.first?[1] == .float(Double(index) + 0.5))
                #expect(found.first?[2].blob.map { Array($0.readableBytesView) } == [0, 1, 255, UInt8(index)])
            }
            #expect(
                try rows(handle, "SELECT text, number, bytes FROM t WHERE id = ?", [.integer(99)]) == [
                    [.null, .null, .null]
                ])
            #expect(try rows(handle, "SELECT text FROM t WHERE id = ?", [.integer(1000)]).isEmpty)
        }
    }

    @Test func columnsAreFoundByNameAndTheFirstOfTwoNamesWins() throws {
        try withHandle { handle in
            var row: SQLiteSQLRow?
            try handle.query("SELECT 1 AS a, 'x' AS b, 2 AS a", []) { row = $0 }
            let found = try #require(row)
            #expect(found.allColumns == ["a", "b", "a"])
            #expect(try found.decode(column: "a", as: Int.self) == 1)
            #expect(try found.decode(column: "b", as: String?.self) == "x")
            #expect(!found.contains(column: "c"))
            #expect(throws: SQLiteSQLError.self) { try found.decode(column: "c", as: Int.self) }
        }
    }

    @Test func moreStatementsThanAreKeptStillRunAndAFailedOneCanRunAgain() throws {
        try withHandle { handle in
            _ = try rows(handle, "CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT NOT NULL)")
            // Every text differs: more than the connection keeps prepared, each still answering for its own.
            for number in 0..<600 {
                #expect(try rows(handle, "SELECT \(number) + ?", [.integer(1)]) == [[.integer(number + 1)]])
            }
            let insert = "INSERT INTO t (id, value) VALUES (?, ?)"
            _ = try rows(handle, insert, [.integer(1), .text("a")])
            let refused = #expect(throws: SQLiteFailure.self) { try rows(handle, insert, [.integer(1), .text("b")]) }
            #expect(
                refused?.description.contains("UNIQUE constraint failed: t.id") == true,
                "\(String(describing: refused))")
            _ = try rows(handle, insert, [.integer(2), .text("b")])
            #expect(try rows(handle, "SELECT value FROM t ORDER BY id") == [[.text("a")], [.text("b")]])
            let syntax = #expect(throws: SQLiteFailure.self) { try rows(handle, "SELEC 1") }
            #expect(syntax?.description.contains("syntax error") == true)
        }
    }

    @Test func aKeptStatementIsNotPreparedAgainForEveryValue() throws {
        try withHandle { handle in
            _ = try rows(handle, "CREATE TABLE t (name TEXT)")
            _ = try rows(handle, "INSERT INTO t (name) VALUES ('家电'), ('apple'), ('banana')")
            // A pattern bound to LIKE is one of the values SQLite's planner would look at (and prepare again for).
            let query = "SELECT name FROM t WHERE name LIKE ?"
            for (pattern, found) in [("a%", "apple"), ("b%", "banana"), ("家%", "家电"), ("a%", "apple")] {
                #expect(try rows(handle, query, [.text(pattern)]) == [[.text(found)]])
            }
            #expect(handle.reprepared(query) == 0)
        }
    }

    @Test func aKeptStatementReadsTheColumnsATableHasAfterItChanged() throws {
        try withHandle { handle in
            _ = try rows(handle, "CREATE TABLE t (a INTEGER)")
            _ = try rows(handle, "INSERT INTO t (a) VALUES (1)")
            #expect(try rows(handle, "SELECT * FROM t") == [[.integer(1)]])
            _ = try rows(handle, "ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x'")
            var row: SQLiteSQLRow?
            try handle.query("SELECT * FROM t", []) { row = $0 }
            #expect(row?.allColumns == ["a", "b"])
            #expect(row?.values == [.integer(1), .text("x")])
        }
    }

    @Test func aStatementRunFromInsideAnotherGivesItsOwnRows() throws {
        try withHandle { handle in
            _ = try rows(handle, "CREATE TABLE t (a INTEGER)")
            _ = try rows(handle, "INSERT INTO t (a) VALUES (1), (2), (3)")
            let query = "SELECT a FROM t WHERE a >= ? ORDER BY a"
            var pairs: [[Int]] = []
            try handle.query(query, [.integer(2)]) { outer in
                guard case .integer(let a) = outer.values[0] else { return }
                // The same text, run while the outer one is stepping.
                try handle.query(query, [.integer(3)]) { inner in
                    if case .integer(let b) = inner.values[0] { pairs.append([a, b]) }
                }
            }
            #expect(pairs == [[2, 3], [3, 3]])
            #expect(try rows(handle, query, [.integer(1)]) == [[.integer(1)], [.integer(2)], [.integer(3)]])
        }
    }

    @Test func aTextWithoutAStatementIsRefused() throws {
        try withHandle { handle in
            let refused = #expect(throws: SQLiteFailure.self) { try rows(handle, "  -- nothing") }
            #expect(refused?.description.contains("no statement") == true)
        }
    }

    @Test func aClosedConnectionRefusesStatements() throws {
        try withHandle { handle in
            handle.close()
            #expect(throws: SQLiteFailure.self) { try rows(handle, "SELECT 1") }
        }
    }
}
