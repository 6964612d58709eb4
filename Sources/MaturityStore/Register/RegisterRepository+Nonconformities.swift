import Foundation
import MaturityCore
import SQLKit

extension RegisterRepository {
    static func nonconformities(of organisation: String, in sql: any SQLDatabase) async throws -> [Nonconformity] {
        try await sql.raw(
            "SELECT * FROM nonconformities WHERE organisation_id = \(bind: organisation) ORDER BY raised, id"
        ).all().map(Self.nonconformity(from:))
    }

    static func nonconformity(from row: any SQLRow) throws -> Nonconformity {
        let events =
            (try? JSONValue.parse(Data(try row.decode(column: "events", as: String.self).utf8)))?
            .arrayValue ?? []
        return Nonconformity(
            id: try row.decode(column: "id", as: String.self),
            organisationId: try row.decode(column: "organisation_id", as: String.self),
            auditId: try row.decode(column: "audit_id", as: String.self),
            grade: FindingGrade(rawValue: try row.decode(column: "grade", as: String.self)) ?? .minor,
            site: try row.decode(column: "site", as: String?.self),
            criterion: try row.decode(column: "criterion", as: String?.self), raised: try day(row, "raised"),
            deadline: try day(row, "deadline"),
            state: Nonconformity.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .raised,
            events: events.compactMap { e in
                guard let date = e["date"]?.stringValue.flatMap({ Day(iso: $0) }),
                    let state = e["state"]?.stringValue.flatMap(Nonconformity.State.init(rawValue:))
                else { return nil }
                return Nonconformity.Event(
                    date: date, state: state, by: e["by"]?.stringValue ?? "", text: e["text"]?.stringValue ?? "",
                    evidence: e["evidence"]?.stringValue, effective: e["effective"]?.boolValue)
            })
    }

    static func save(_ nc: Nonconformity, text: String?, in sql: any SQLDatabase, new: Bool) async throws {
        let events = JSONValue.array(
            nc.events.map {
                .object([
                    "date": .string($0.date.description), "state": .string($0.state.rawValue), "by": .string($0.by),
                    "text": .string($0.text), "evidence": .text($0.evidence),
                    "effective": $0.effective.map { .bool($0) } ?? .null,
                ])
            }
        ).rendered()
        if new {
            try await sql.raw(
                """
                INSERT INTO nonconformities (organisation_id, audit_id, id, grade, site, criterion, text, raised, deadline,
                state, events, version)
                VALUES (\(bind: nc.organisationId), \(bind: nc.auditId), \(bind: nc.id), \(bind: nc.grade.rawValue),
                \(bind: nc.site), \(bind: nc.criterion), \(bind: text ?? ""), \(bind: nc.raised.description),
                \(bind: nc.deadline.description), \(bind: nc.state.rawValue), \(bind: events), 1)
                """
            ).run()
        } else {
            try await sql.raw(
                """
                UPDATE nonconformities SET state = \(bind: nc.state.rawValue), events = \(bind: events),
                version = version + 1 WHERE organisation_id = \(bind: nc.organisationId) AND id = \(bind: nc.id)
                """
            ).run()
        }
    }

    /// An organisation's nonconformities, oldest first.
    public func nonconformities(organisation: String) async throws -> [Nonconformity] {
        try await database.read { sql in
            try await Self.nonconformities(of: try await Self.organisationId(organisation, in: sql), in: sql)
        }
    }

    /// Takes the next step of nonconformity `id` of the organisation (the core refuses a step out of order).
    public func advance(
        organisation: String, nonconformity id: String, _ step: Nonconformity.Step, on date: Day, by person: String
    ) async throws -> Nonconformity {
        try await changing { sql in
            let organisationId = try await Self.organisationId(organisation, in: sql)
            guard let nc = try await Self.nonconformities(of: organisationId, in: sql).first(where: { $0.id == id })
            else {
                throw StoreError.notFound(kind: "nonconformity", id: id)
            }
            let next = try nc.advancing(step, on: date, by: person).get()
            try await Self.save(next, text: nil, in: sql, new: false)
            try await Self.refreshDue(organisation: organisationId, in: sql)
            return next
        }
    }

    /// Records a suspension trigger on a certificate, with its evidence.
    public func recordTrigger(_ trigger: SuspensionTrigger) async throws -> String {
        try await changing { sql in
            _ = try await Self.certificate(trigger.certificate, in: sql)
            let id = UUID().uuidString.lowercased()
            try await sql.raw(
                """
                INSERT INTO suspension_triggers (id, certificate, kind, date, evidence, recorded_by, recorded_at)
                VALUES (\(bind: id), \(bind: trigger.certificate), \(bind: trigger.kind.rawValue),
                \(bind: trigger.date.description), \(bind: trigger.evidence), \(bind: trigger.recordedBy),
                \(bind: Timestamp.now()))
                """
            ).run()
            return id
        }
    }

    static func triggers(of certificate: String, in sql: any SQLDatabase) async throws -> [SuspensionTrigger] {
        try await sql.raw(
            "SELECT * FROM suspension_triggers WHERE certificate = \(bind: certificate) ORDER BY date, recorded_at"
        ).all().map {
            SuspensionTrigger(
                certificate: certificate,
                kind: SuspensionTrigger.Kind(rawValue: try $0.decode(column: "kind", as: String.self)) ?? .misuse,
                date: try day($0, "date"), evidence: try $0.decode(column: "evidence", as: String.self),
                recordedBy: try $0.decode(column: "recorded_by", as: String.self))
        }
    }
}
