import Foundation
import MaturityCore
import SQLKit

/// What importing a result did.
public struct ImportedResult: Sendable, Hashable {
    public var record: AuditRecord
    public var organisationId: String
    public var team: AuditTeam
    /// Nonconformities raised from its open findings, and earlier ones it closed.
    public var raised: [String]
    public var closed: [String]
}

extension RegisterRepository {
    /// Imports a verified audit result (`record`, read from `fileName` whose bytes hash to `sha256`): the
    /// organisation is found by name (or created with the site), the audit team is the one assigned (or the
    /// auditor alone, checked for conflicts of interest), open major and minor findings become
    /// nonconformities and findings it lists as closed close earlier ones. A result imported before is refused.
    public func importResult(_ record: AuditRecord, fileName: String, sha256: String) async throws -> ImportedResult {
        try await changing { sql in
            try await Self.importResult(record, fileName: fileName, sha256: sha256, in: sql)
        }
    }

    /// A verified result waiting to be imported: the record, the file it came from and its bytes' SHA-256.
    public struct PendingResult: Sendable {
        public var record: AuditRecord
        public var fileName: String
        public var sha256: String

        public init(record: AuditRecord, fileName: String, sha256: String) {
            self.record = record
            self.fileName = fileName
            self.sha256 = sha256
        }
    }

    /// Imports `results` in their order as ``importResult(_:fileName:sha256:)`` imports each, in one transaction
    /// (one commit, one wait for the disk, for all of them) with a savepoint for each: one that is refused
    /// (`isRefusal`) is rolled back alone and its error given in its place, and the others are imported as if
    /// each had been on its own. Another error stops the batch there: the results before it are imported, and
    /// the error is given in its place, the last.
    public func importResults(_ results: [PendingResult], isRefusal: @escaping @Sendable (any Error) -> Bool)
        async throws -> [Result<ImportedResult, any Error>]
    {
        try await changing { sql in
            var outcomes: [Result<ImportedResult, any Error>] = []
            let policy = try await Self.policy(in: sql)
            for pending in results {
                try await sql.raw("SAVEPOINT one_result").run()
                do {
                    let imported = try await Self.importResult(
                        pending.record, fileName: pending.fileName, sha256: pending.sha256, policy: policy, in: sql)
                    try await sql.raw("RELEASE one_result").run()
                    outcomes.append(.success(imported))
                } catch {
                    try await sql.raw("ROLLBACK TO one_result").run()
                    try await sql.raw("RELEASE one_result").run()
                    outcomes.append(.failure(error))
                    if !isRefusal(error) { break }
                }
            }
            return outcomes
        }
    }

    /// `policy`: the register's, when the caller read it already.
    static func importResult(
        _ record: AuditRecord, fileName: String, sha256: String, policy: RegisterPolicy? = nil, in sql: any SQLDatabase
    ) async throws -> ImportedResult {
        if let row = try await sql.raw("SELECT file_name FROM audit_results WHERE id = \(bind: record.id)").first() {
            throw RegisterStoreError.resultImported(
                id: record.id, file: try row.decode(column: "file_name", as: String.self))
        }
        let policy = if let policy { policy } else { try await Self.policy(in: sql) }
        let organisation = try await Self.organisation(named: record.organisation, site: record.site, in: sql)
        try await Self.insert(record, organisation: organisation, fileName: fileName, sha256: sha256, in: sql)
        var team = try await Self.team(organisation: organisation, kind: record.kind, date: record.date, in: sql)
        if team == nil {
            // No team was assigned: the auditor alone, assigned now with this result.
            let assigned = AuditTeam(lead: record.auditor)
            if let refusal = CertificationRules(policy: policy).checkAssignment(
                assigned, organisationId: organisation, date: record.date,
                declarations: try await Self.declarations(for: organisation, in: sql))
            {
                throw refusal
            }
            try await sql.raw(
                """
                INSERT INTO audit_assignments (id, organisation_id, kind, date, lead, members, result_id, created_at)
                VALUES (\(bind: UUID().uuidString.lowercased()), \(bind: organisation), \(bind: record.kind.rawValue),
                \(bind: record.date.description), \(bind: record.auditor), '[]', \(bind: record.id),
                \(bind: Timestamp.now()))
                """
            ).run()
            team = assigned
        } else {
            try await sql.raw(
                """
                UPDATE audit_assignments SET result_id = \(bind: record.id) WHERE organisation_id = \(bind: organisation)
                AND date = \(bind: record.date.description) AND kind = \(bind: record.kind.rawValue)
                """
            ).run()
        }
        var raised: [String] = []
        var closed: [String] = []
        let existing = try await Self.nonconformities(of: organisation, in: sql)
        var current = existing
        for finding in record.openFindings where !existing.contains(where: { $0.id == finding.id }) {
            let nc = Nonconformity(
                id: finding.id, organisationId: organisation, auditId: record.id, grade: finding.grade,
                site: record.site, criterion: finding.criterion, raised: record.date,
                deadline: finding.due ?? policy.deadline(finding.grade, raisedOn: record.date),
                events: [
                    Nonconformity.Event(date: record.date, state: .raised, by: record.auditor, text: finding.text)
                ])
            try await Self.save(nc, text: finding.text, in: sql, new: true)
            current.append(nc)
            raised.append(nc.id)
        }
        for id in record.closedFindings {
            guard var nc = existing.first(where: { $0.id == id }), nc.state != .closed else { continue }
            let note = "closed in the \(record.kind.rawValue) audit of \(record.date)"
            nc.state = .closed
            nc.events.append(
                Nonconformity.Event(
                    date: record.date, state: .closed, by: record.auditor, text: note, effective: true))
            try await Self.save(nc, text: nil, in: sql, new: false)
            current = current.map { $0.id == id ? nc : $0 }
            closed.append(id)
        }
        try await Self.refreshDue(organisation: organisation, policy: policy, nonconformities: current, in: sql)
        return ImportedResult(
            record: record, organisationId: organisation, team: team ?? AuditTeam(lead: record.auditor),
            raised: raised, closed: closed)
    }

    static func insert(
        _ record: AuditRecord, organisation: String, fileName: String, sha256: String, in sql: any SQLDatabase
    ) async throws {
        let findings = JSONValue.array(
            record.openFindings.map {
                .object([
                    "id": .string($0.id), "grade": .string($0.grade.rawValue), "criterion": .text($0.criterion),
                    "text": .string($0.text), "due": .text($0.due?.description),
                ])
            } + record.closedFindings.map { .object(["id": .string($0), "closed": .bool(true)]) }
        ).rendered()
        try await sql.raw(
            """
            INSERT INTO audit_results (id, organisation_id, organisation_name, site, kind, date, catalog_id,
            catalog_version, profile, rating, overall, review_decision, auditor, signed_by, findings, file_name,
            result_sha256, imported_at)
            VALUES (\(bind: record.id), \(bind: organisation), \(bind: record.organisation), \(bind: record.site),
            \(bind: record.kind.rawValue), \(bind: record.date.description), \(bind: record.catalogId),
            \(bind: record.catalogVersion), \(bind: record.profile), \(bind: record.rating), \(bind: record.overall),
            \(bind: record.reviewDecision?.rawValue), \(bind: record.auditor), \(bind: Columns.list(record.signedBy)),
            \(bind: findings), \(bind: fileName), \(bind: sha256), \(bind: Timestamp.now()))
            """
        ).run()
    }

    /// The imported result whose sign-off digest is `id` or starts with it.
    public func result(_ id: String) async throws -> (record: AuditRecord, organisationId: String, team: AuditTeam?) {
        try await database.read { sql in try await Self.result(id, in: sql) }
    }

    static func result(_ id: String, in sql: any SQLDatabase) async throws
        -> (record: AuditRecord, organisationId: String, team: AuditTeam?)
    {
        let rows = try await sql.raw(
            "SELECT * FROM audit_results WHERE id LIKE \(bind: OrganisationRepository.escapeLike(id) + "%") ESCAPE '\\' LIMIT 2"
        ).all()
        guard rows.count == 1, id.count >= 6 else {
            throw rows.isEmpty || id.count < 6
                ? StoreError.notFound(kind: "imported result", id: id)
                : RegisterStoreError.ambiguous(kind: "imported result", prefix: id)
        }
        let record = try Self.record(from: rows[0])
        let organisation = try rows[0].decode(column: "organisation_id", as: String.self)
        return (
            record, organisation,
            try await team(organisation: organisation, kind: record.kind, date: record.date, in: sql)
        )
    }

    static func record(from row: any SQLRow) throws -> AuditRecord {
        let findings =
            (try? JSONValue.parse(Data(try row.decode(column: "findings", as: String.self).utf8)))?
            .arrayValue ?? []
        var record = AuditRecord(
            id: try row.decode(column: "id", as: String.self),
            organisation: try row.decode(column: "organisation_name", as: String.self),
            site: try row.decode(column: "site", as: String?.self),
            kind: Assessment.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .audit,
            date: try day(row, "date"), catalogId: try row.decode(column: "catalog_id", as: String.self),
            catalogVersion: try row.decode(column: "catalog_version", as: String.self),
            profile: try row.decode(column: "profile", as: String?.self),
            rating: try row.decode(column: "rating", as: String.self),
            overall: try row.decode(column: "overall", as: Double?.self),
            reviewDecision: try row.decode(column: "review_decision", as: String?.self).flatMap(
                ReviewDecision.init(rawValue:)),
            auditor: try row.decode(column: "auditor", as: String.self),
            signedBy: Columns.list(try row.decode(column: "signed_by", as: String.self)),
            openFindings: findings.compactMap { f in
                guard f["closed"] == nil, let id = f["id"]?.stringValue,
                    let grade = f["grade"]?.stringValue.flatMap(FindingGrade.init(rawValue:))
                else { return nil }
                return AuditRecord.FindingSummary(
                    id: id, grade: grade, criterion: f["criterion"]?.stringValue, text: f["text"]?.stringValue ?? "",
                    due: f["due"]?.stringValue.flatMap { Day(iso: $0) })
            })
        record.closedFindings = findings.compactMap { $0["closed"] != nil ? $0["id"]?.stringValue : nil }
        return record
    }

    /// The results imported for an organisation, oldest first.
    public func results(organisation: String) async throws -> [AuditRecord] {
        try await database.read { sql in
            let id = try await Self.organisationId(organisation, in: sql)
            return try await sql.raw(
                "SELECT * FROM audit_results WHERE organisation_id = \(bind: id) ORDER BY date, kind"
            ).all().map(Self.record(from:))
        }
    }
}
