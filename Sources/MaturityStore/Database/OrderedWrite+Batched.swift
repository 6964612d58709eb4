import SQLKit

extension OrderedWrite {
    /// Writes of one row each (no row twice), of one assessment or several, as one statement of a fixed text
    /// whatever their number (PostgreSQL), that returns a row when every one of them was made: the rows' values
    /// travel as JSON, one parameter for the rows of each table (`json_populate_recordset`, read into the table's
    /// own column types), the revisions raised as another. The assessments in `raises` have their revision raised
    /// by the count given, from the one their writes expect, and their writes are made only if it was; the others'
    /// writes follow a raising made earlier in the transaction. A revision moved on, or a row that is not there,
    /// leaves the count of rows written short: no row is returned, and the transaction is rolled back.
    ///
    /// The text depends only on the tables (and columns) written and whether revisions are raised, so the statement
    /// is prepared once on each connection (``PreparedStatements``) and planned once. ``combined(_:raising:)`` —
    /// one part of the statement for each write, its text changing with their number — was parsed and planned
    /// again in every transaction: 16 writes took PostgreSQL 3.4 ms, 1.0 ms this way, in the one transaction at a
    /// time every edit waits for. Only writes whose values are all ``batchable(_:)`` are batched.
    static func batched(_ writes: [OrderedWrite], raising raises: [String: Raise])
        -> SQLQueryString
    {
        // The writes of each table (with the same columns), in their order.
        var groups: [String: [Part]] = [:]
        for write in writes {
            guard let part = write.part else { preconditionFailure("a write batched without its parts") }
            let columns = part.values.map(\.column).joined(separator: ",")
            groups["\(part.table) \(part.key) \(part.versioned) \(columns)", default: []].append(part)
        }
        var query: SQLQueryString = "WITH "
        let raising = !raises.isEmpty
        if raising {
            var rows: [String] = []
            for (assessment, raise) in raises.sorted(by: { $0.key < $1.key }) {
                rows.append(
                    "{\"id\":" + JSONText.quoted(assessment) + ",\"revision\":\(raise.revision),\"n\":\(raise.count)"
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
        for (index, group) in groups.keys.sorted().enumerated() {
            let parts = groups[group] ?? []
            let first = parts[0]
            var rows: [String] = []
            for part in parts {
                var row = "{\"assessment_id\":" + JSONText.quoted(part.assessment) + ","
                row += JSONText.quoted(part.key) + ":" + JSONText.quoted(part.row)
                for value in part.values {
                    guard let json = JSONText.scalar(value.value) else {
                        preconditionFailure("a value JSON cannot carry, batched")
                    }
                    row += "," + JSONText.quoted(value.column) + ":" + json
                }
                rows.append(row + "}")
            }
            let (values, written) = ("v\(index)", "w\(index)")
            if index > 0 || raising { query += ", " }
            query += "\(unsafeRaw: values) AS (SELECT * FROM json_populate_recordset(NULL::\(ident: first.table), "
            query += "\(bind: "[" + rows.joined(separator: ",") + "]")::json)), "
            query += "\(unsafeRaw: written) AS (UPDATE \(ident: first.table) t SET "
            for (number, value) in first.values.enumerated() {
                if number > 0 { query += ", " }
                query += "\(ident: value.column) = \(unsafeRaw: values).\(ident: value.column)"
            }
            if first.versioned { query += ", version = t.version + 1" }
            query += " FROM \(unsafeRaw: values) WHERE t.assessment_id = \(unsafeRaw: values).assessment_id"
            query += " AND t.\(ident: first.key) = \(unsafeRaw: values).\(ident: first.key)"
            if raising {
                // Raised here, only if the raising was made; raised before, as it is.
                query += " AND (t.assessment_id IN (SELECT id FROM r) OR t.assessment_id NOT IN (SELECT id FROM x))"
            }
            query += " RETURNING 1)"
            counts.append("(SELECT count(*) FROM \(written))")
        }
        query += " SELECT 1 AS written WHERE \(unsafeRaw: counts.joined(separator: " + ")) = \(bind: writes.count)"
        return query
    }

    /// Whether every value of `parts` is one JSON carries exactly (see ``JSONText/scalar(_:)``): not a number that
    /// is not finite, nor a type other than text, whole number, number and truth value. Otherwise the writes go as
    /// ``combined(_:raising:)``. (The store's parts have columns of text, whole numbers and numbers, written from
    /// values of those types; a number read into a column of another type would not be read back the same.)
    /// A value named as the row's key or its assessment's would stand in for it in the JSON object (the last of
    /// a repeated key is taken): not batchable either.
    static func batchable(_ parts: [Part]) -> Bool {
        parts.allSatisfy { part in
            part.values.allSatisfy {
                JSONText.scalar($0.value) != nil && $0.column != part.key && $0.column != "assessment_id"
            }
        }
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
