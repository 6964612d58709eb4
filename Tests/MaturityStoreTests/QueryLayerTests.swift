import Foundation
import MaturityStore
import MaturityStoreTesting
import SQLKit
import Testing

/// Values through the one query layer, as the store binds and reads them, on both databases: text (Chinese,
/// empty, quotes), integers, doubles and bytes, each also absent (NULL, a nested optional), read back
/// as the types the store asks for. On PostgreSQL the rows are the store's own adapter's, not postgres-kit's.
@Suite struct QueryLayerTests {
    @Test(arguments: TestDatabase.allCases)
    func everyTypeTheStoreBindsComesBackAsItWent(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let blob = Data([0, 1, 2, 255])
            let rows = try await store.database.transaction { sql in
                try await sql.raw(
                    """
                    CREATE TABLE query_layer_check (t TEXT, n BIGINT, d DOUBLE PRECISION, b \
                    \(unsafeRaw: store.database.kind == .postgres ? "BYTEA" : "BLOB"), f BIGINT)
                    """
                ).run()
                let absent: String? = nil
                let nested: String?? = .some(nil)
                let values: [(String?, Int?, Double?, Data?)] = [
                    ("售后服务 'quoted' \"double\"", 42, 2.5, blob), ("", -7, -0.125, Data()), (absent, nil, nil, nil),
                ]
                for (index, (text, number, double, data)) in values.enumerated() {
                    // The last row's text is bound as an optional holding an absent optional.
                    let bound: String?? = index == 2 ? nested : .some(text)
                    try await sql.raw(
                        """
                        INSERT INTO query_layer_check (t, n, d, b, f) VALUES (\(bind: bound),
                        \(bind: number), \(bind: double), \(bind: data), \(bind: index))
                        """
                    ).run()
                }
                return try await sql.raw("SELECT * FROM query_layer_check ORDER BY f").all()
            }
            #expect(rows.count == 3)
            #expect(try rows[0].decode(column: "t", as: String.self) == "售后服务 'quoted' \"double\"")
            #expect(try rows[0].decode(column: "n", as: Int.self) == 42)
            #expect(try rows[0].decode(column: "d", as: Double.self) == 2.5)
            #expect(try rows[0].decode(column: "b", as: Data.self) == blob)
            #expect(try rows[1].decode(column: "t", as: String?.self) == "")
            #expect(try rows[1].decode(column: "n", as: Int?.self) == -7)
            #expect(try rows[1].decode(column: "d", as: Double?.self) == -0.125)
            #expect(try rows[2].decode(column: "t", as: String?.self) == nil)
            #expect(try rows[2].decode(column: "n", as: Int?.self) == nil)
            #expect(try rows[2].decode(column: "d", as: Double?.self) == nil)
            #expect(try rows[2].decode(column: "b", as: Data?.self) == nil)
            #expect(try rows[2].decodeNil(column: "t"))
            #expect(try !rows[0].decodeNil(column: "t"))
            #expect(rows[0].contains(column: "f") && !rows[0].contains(column: "missing"))
            #expect(Set(rows[0].allColumns) == ["t", "n", "d", "b", "f"])
            // A missing column and a NULL read as a value are errors, not a default.
            #expect(throws: (any Error).self) { try rows[0].decode(column: "missing", as: String.self) }
            #expect(throws: (any Error).self) { try rows[2].decode(column: "t", as: String.self) }
        }
    }
}
