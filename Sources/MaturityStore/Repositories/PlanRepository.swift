import Foundation
import SQLKit

/// Improvement plans, one per assessment: the plan file's text with a version for the plan and one per action.
public struct PlanRepository: Sendable {
    let database: any StoreDatabase

    /// The plan of assessment `id`, or nil when it has none yet.
    ///
    /// One statement (the plan and its actions as one list of rows), which sees one committed state without a
    /// transaction around it: every re-scoring asks, and on PostgreSQL a read transaction is four round trips.
    public func get(_ id: String) async throws -> PlanRecord? {
        try await database.readOne { sql in try await Self.load(id, in: sql) }
    }

    /// What identifies the plan of assessment `id` as it is now, in one small query (nil: no plan): its version,
    /// when it was last changed, and how many actions it has and the sum of their versions. A version only
    /// goes up and an action is never removed, so any change to the plan or an action's version changes it;
    /// pages kept per plan ask this instead of reading the whole plan.
    public func stamp(of id: String) async throws -> String? {
        try await database.readOne { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT p.version, p.updated_at, COUNT(a.action) AS actions,
                    CAST(COALESCE(SUM(a.version), 0) AS BIGINT) AS action_versions
                    FROM plans p LEFT JOIN plan_actions a ON a.assessment_id = p.assessment_id
                    WHERE p.assessment_id = \(bind: id) GROUP BY p.version, p.updated_at
                    """
                ).first()
            else { return nil }
            let version = try row.decode(column: "version", as: Int.self)
            let updated = try row.decode(column: "updated_at", as: String.self)
            let actions = try row.decode(column: "actions", as: Int.self)
            let sum = try row.decode(column: "action_versions", as: Int.self)
            return "\(version)|\(updated)|\(actions)|\(sum)"
        }
    }

    /// Changes the plan of assessment `id` in one transaction: `body` gets the plan as it is (nil: none yet),
    /// checks the versions the editor saw, and returns the new text with the actions whose content changed
    /// (their versions go up; new actions start at 1). The plan's version goes up when the text changes.
    public func edit<T: Sendable>(
        _ id: String,
        _ body: @Sendable (PlanRecord?) async throws -> (text: String, changed: Set<String>, all: [String], value: T)
    ) async throws -> (plan: PlanRecord, value: T) {
        let kind = database.kind
        return try await database.transaction { sql in
            // The assessment row is the lock: plan edits of one assessment queue behind each other.
            guard
                try await sql.raw(
                    kind == .postgres
                        ? "SELECT id FROM assessments WHERE id = \(bind: id) FOR UPDATE"
                        : "SELECT id FROM assessments WHERE id = \(bind: id)"
                ).first() != nil
            else { throw StoreError.notFound(kind: "assessment", id: id) }
            let current = try await Self.load(id, in: sql)
            let (text, changed, all, value) = try await body(current)
            let now = Timestamp.now()
            if let current {
                if text != current.text {
                    try await sql.raw(
                        """
                        UPDATE plans SET text = \(bind: text), updated_at = \(bind: now), version = version + 1
                        WHERE assessment_id = \(bind: id)
                        """
                    ).run()
                }
            } else {
                try await Self.insert(text, actions: [], for: id, in: sql)
            }
            let known = current?.actions ?? [:]
            for action in all {
                if known[action] == nil {
                    try await sql.raw(
                        """
                        INSERT INTO plan_actions (assessment_id, action, version)
                        VALUES (\(bind: id), \(bind: action), 1)
                        """
                    ).run()
                } else if changed.contains(action) {
                    try await sql.raw(
                        """
                        UPDATE plan_actions SET version = version + 1
                        WHERE assessment_id = \(bind: id) AND action = \(bind: action)
                        """
                    ).run()
                }
            }
            guard let stored = try await Self.load(id, in: sql) else {
                throw StoreError.notFound(kind: "plan", id: id)
            }
            return (stored, value)
        }
    }

    /// A new plan with its actions at version 1.
    static func insert(_ text: String, actions: [String], for id: String, in sql: any SQLDatabase) async throws {
        let now = Timestamp.now()
        try await sql.raw(
            """
            INSERT INTO plans (assessment_id, text, created_at, updated_at, version)
            VALUES (\(bind: id), \(bind: text), \(bind: now), \(bind: now), 1)
            """
        ).run()
        for action in Set(actions) {
            try await sql.raw(
                "INSERT INTO plan_actions (assessment_id, action, version) VALUES (\(bind: id), \(bind: action), 1)"
            ).run()
        }
    }

    /// The plan and its actions in one statement: the plan's row (`kind` 0: text, version, when changed) and one
    /// row per action (`kind` 1: its name and version).
    static func load(_ id: String, in sql: any SQLDatabase) async throws -> PlanRecord? {
        let rows = try await sql.raw(
            """
            SELECT 0 AS kind, text, version, updated_at FROM plans WHERE assessment_id = \(bind: id)
            UNION ALL
            SELECT 1 AS kind, action AS text, version, NULL AS updated_at FROM plan_actions
            WHERE assessment_id = \(bind: id)
            """
        ).all()
        var plan: (text: String, version: Int, updatedAt: String)?
        var actions: [String: Int] = [:]
        for row in rows {
            let text = try row.decode(column: "text", as: String.self)
            let version = try row.decode(column: "version", as: Int.self)
            if try row.decode(column: "kind", as: Int.self) == 0 {
                plan = (text, version, try row.decode(column: "updated_at", as: String.self))
            } else {
                actions[text] = version
            }
        }
        guard let plan else { return nil }
        return PlanRecord(
            assessmentId: id, text: plan.text, version: plan.version, actions: actions, updatedAt: plan.updatedAt)
    }
}

/// Results and reviews kept as produced, by organisation.
public struct ResultRepository: Sendable {
    let database: any StoreDatabase

    /// Keeps `result` (its id and time are given here) and returns it as stored.
    public func add(_ result: StoredResult) async throws -> StoredResult {
        var stored = result
        stored.id = UUID().uuidString.lowercased()
        stored.createdAt = Timestamp.now()
        let row = stored
        try await database.transaction { sql in
            try await sql.raw(
                """
                INSERT INTO results (id, organisation_id, assessment_id, assessment_revision, kind, assessment_kind,
                    date, rating, decision, json, created_at)
                VALUES (\(bind: row.id), \(bind: row.organisationId), \(bind: row.assessmentId),
                    \(bind: row.assessmentRevision), \(bind: row.kind), \(bind: row.assessmentKind), \(bind: row.date),
                    \(bind: row.rating), \(bind: row.decision), \(bind: row.json), \(bind: row.createdAt))
                """
            ).run()
        }
        return stored
    }

    /// The result `id` with its JSON.
    public func get(_ id: String) async throws -> StoredResult {
        try await database.read { sql in
            guard let row = try await sql.raw("SELECT * FROM results WHERE id = \(bind: id)").first() else {
                throw StoreError.notFound(kind: "result", id: id)
            }
            return try Self.record(row, json: true)
        }
    }

    /// An organisation's results, oldest first (by date, then when they were kept), without their JSON unless
    /// `json`.
    public func list(organisation: String, json: Bool = false) async throws -> [StoredResult] {
        try await database.readOne { sql in
            try await sql.raw(
                """
                SELECT * FROM results WHERE organisation_id = \(bind: organisation) ORDER BY date, created_at, id
                """
            ).all().map { try Self.record($0, json: json) }
        }
    }

    static func record(_ row: any SQLRow, json: Bool) throws -> StoredResult {
        StoredResult(
            id: try row.decode(column: "id", as: String.self),
            organisationId: try row.decode(column: "organisation_id", as: String.self),
            assessmentId: try row.decode(column: "assessment_id", as: String?.self),
            assessmentRevision: try row.decode(column: "assessment_revision", as: Int.self),
            kind: try row.decode(column: "kind", as: String.self),
            assessmentKind: try row.decode(column: "assessment_kind", as: String.self),
            date: try row.decode(column: "date", as: String.self),
            rating: try row.decode(column: "rating", as: String.self),
            decision: try row.decode(column: "decision", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            json: json ? try row.decode(column: "json", as: String.self) : "")
    }
}
