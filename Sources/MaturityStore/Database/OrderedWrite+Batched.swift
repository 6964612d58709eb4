import SQLKit

extension OrderedWrite {
    /// Writes of one row each, of different assessments, as one statement of a fixed text whatever their number
    /// (PostgreSQL), that returns a row when every one of them was made: the rows' values travel as JSON, one
    /// parameter a table (`json_populate_recordset`, read into the table's own column types), the raisings of the
    /// revisions as another, each write made only if its assessment's revision was raised from the one it expects
    /// (when `raises` holds its assessment; otherwise it follows a raising made earlier in the transaction). A
    /// revision moved on, or a row that is not there, leaves the count of rows written short: no row is returned,
    /// and the transaction is rolled back.
    ///
    /// The text depends only on the tables written and whether the revisions are raised, so the statement is
    /// prepared once on each connection (``PreparedStatements``) and planned once. ``combined(_:raising:)`` —
    /// one part of the statement for each write, its text changing with their number — was parsed and planned
    /// again in every transaction: 16 writes took PostgreSQL 3.4 ms, 1.0 ms this way, in the one transaction at a
    /// time every edit waits for.
    ///
    /// Nil when a value is not one JSON carries exactly (a number that is not finite, a type other than text,
    /// whole number, number and truth value), when the writes raise some revisions and not others, or when two
    /// writes of one table set different columns: those go as ``combined(_:raising:)``.
    static func batched(_ writes: [OrderedWrite], raising raises: [String: (count: Int, updatedAt: String)])
        -> SQLQueryString?
    {
        var tables: [String: [Part]] = [:]
        for write in writes {
            guard let part = write.part else { return nil }
            tables[part.table, default: []].append(part)
        }
        let raising = raises[writes.first?.part?.assessment ?? ""] != nil
        guard writes.allSatisfy({ (raises[$0.part?.assessment ?? ""] != nil) == raising }) else { return nil }
        var query: SQLQueryString = "WITH "
        if raising {
            var rows: [String] = []
            for write in writes {
                guard let part = write.part, let raise = raises[part.assessment] else { return nil }
                rows.append(
                    "{\"id\":" + JSONText.quoted(part.assessment)
                        + ",\"revision\":\(part.revision),\"n\":\(raise.count)"
                        + ",\"updated_at\":" + JSONText.quoted(raise.updatedAt) + "}")
            }
            query += "x AS (SELECT * FROM json_to_recordset(\(bind: "[" + rows.joined(separator: ",") + "]")::json)"
            query += " AS x(id text, revision bigint, n bigint, updated_at text)),"
            // The assessments' rows locked in the order of their ids, whatever the plan (see `SharedSends`).
            query += " l AS (SELECT a.id FROM assessments a JOIN x ON a.id = x.id ORDER BY a.id FOR UPDATE OF a),"
            query += " r AS (UPDATE assessments a SET updated_at = x.updated_at, revision = a.revision + x.n FROM x"
            query += " WHERE a.id = x.id AND a.revision = x.revision AND a.id IN (SELECT id FROM l) RETURNING a.id)"
        }
        var counts: [String] = []
        for (index, table) in tables.keys.sorted().enumerated() {
            let parts = tables[table] ?? []
            let first = parts[0]
            let columns = first.values.map(\.column)
            guard
                parts.allSatisfy({
                    $0.key == first.key && $0.versioned == first.versioned && $0.values.map(\.column) == columns
                })
            else { return nil }
            var rows: [String] = []
            for part in parts {
                var row = "{\"assessment_id\":" + JSONText.quoted(part.assessment) + ","
                row += JSONText.quoted(part.key) + ":" + JSONText.quoted(part.row)
                for value in part.values {
                    guard let json = JSONText.scalar(value.value) else { return nil }
                    row += "," + JSONText.quoted(value.column) + ":" + json
                }
                rows.append(row + "}")
            }
            let (values, written) = ("v\(index)", "w\(index)")
            if index > 0 || raising { query += ", " }
            query += "\(unsafeRaw: values) AS (SELECT * FROM json_populate_recordset(NULL::\(ident: table), "
            query += "\(bind: "[" + rows.joined(separator: ",") + "]")::json)), "
            query += "\(unsafeRaw: written) AS (UPDATE \(ident: table) t SET "
            for (number, column) in columns.enumerated() {
                if number > 0 { query += ", " }
                query += "\(ident: column) = \(unsafeRaw: values).\(ident: column)"
            }
            if first.versioned { query += ", version = t.version + 1" }
            query += " FROM \(unsafeRaw: values) WHERE t.assessment_id = \(unsafeRaw: values).assessment_id"
            query += " AND t.\(ident: first.key) = \(unsafeRaw: values).\(ident: first.key)"
            if raising { query += " AND t.assessment_id IN (SELECT id FROM r)" }
            query += " RETURNING 1)"
            counts.append("(SELECT count(*) FROM \(written))")
        }
        query += " SELECT 1 AS written WHERE \(unsafeRaw: counts.joined(separator: " + ")) = \(bind: writes.count)"
        return query
    }
}

extension JSONText {
    /// `text` as a JSON string, as JSONEncoder writes it (slashes unescaped).
    static func quoted(_ text: String) -> String {
        plain(text) ? "\"" + text + "\"" : encode(text)
    }

    /// A value the store writes in a column (text, whole number, number, truth value, or none) as JSON that
    /// PostgreSQL reads back into the column as the very value a bound parameter gives: a number in Swift's
    /// shortest form that reads back as the same number. Nil for a number that is not finite (JSON has none) and
    /// for any other type.
    static func scalar(_ value: any Encodable & Sendable) -> String? {
        if let optional = value as? any OptionalValue, optional.isNone { return "null" }
        switch value {
        case let text as String: return quoted(text)
        case let number as Int: return String(number)
        case let number as Double: return number.isFinite ? String(number) : nil
        case let truth as Bool: return truth ? "true" : "false"
        default: return nil
        }
    }
}

/// An optional value, asked whether it holds none whatever its type.
protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    var isNone: Bool { self == nil }
}
