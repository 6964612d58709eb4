import Foundation
import SQLKit

/// Assessments with their criteria, evidence register, findings, KPI values and files.
///
/// Every change goes through ``edit(_:newFiles:_:)``: the assessment is locked, read whole, changed in
/// memory by the caller (who checks the versions the editor saw and validates the result), and the rows
/// that differ are written in the same transaction with their versions raised.
public struct AssessmentRepository: Sendable {
    let database: any StoreDatabase
    let blobs: BlobStore
    /// The turns edits of this process take on each assessment (PostgreSQL; see ``editInOneStatement``).
    var turns = EditTurns()

    /// Stores a new assessment with its files (each path → bytes) and the `assessment.yaml` it came from.
    public func create(
        _ snapshot: AssessmentSnapshot, files: [String: Data], source: Data?,
        plan: (text: String, actions: [String])? = nil
    ) async throws
        -> AssessmentSnapshot
    {
        var snapshot = snapshot
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        snapshot.assessment.id = id
        snapshot.assessment.createdAt = now
        snapshot.assessment.updatedAt = now
        snapshot.assessment.version = 1
        snapshot.assessment.revision = 1
        let blobs = self.blobs
        let stored = snapshot
        try await database.transaction { sql in
            var record = stored.assessment
            if let source { record.sourceSHA256 = try await blobs.put(source, name: "assessment.yaml", in: sql) }
            try await Self.insert(record, in: sql)
            var fileRecords: [FileRecord] = []
            for path in files.keys.sorted() {
                let data = files[path]!  // the key was just read from the dictionary
                let sha = try await blobs.put(data, name: path, in: sql)
                fileRecords.append(FileRecord(path: path, sha256: sha, size: data.count))
            }
            let empty = AssessmentSnapshot(assessment: record)
            var full = stored
            full.assessment = record
            full.files = fileRecords
            try await Self.writeParts(from: empty, to: full, in: sql)
            if let plan { try await PlanRepository.insert(plan.text, actions: plan.actions, for: id, in: sql) }
        }
        return try await get(id)
    }

    /// The assessment `id` with all its parts, read in one snapshot.
    public func get(_ id: String) async throws -> AssessmentSnapshot {
        try await database.read { sql in try await Self.load(id, in: sql) }
    }

    /// The assessment's revision alone (cheap: for caches keyed by it).
    public func revision(of id: String) async throws -> Int {
        let row = try await database.readOne { sql in
            try await sql.raw("SELECT revision FROM assessments WHERE id = \(bind: id)").first()
        }
        guard let row else { throw StoreError.notFound(kind: "assessment", id: id) }
        return try row.decode(column: "revision", as: Int.self)
    }

    /// The assessments of an organisation, newest first.
    public func list(organisation: String) async throws -> [AssessmentSummary] {
        try await database.readOne { sql in
            try await sql.raw(
                """
                SELECT id, organisation_id, kind, date, catalog_reference, revision FROM assessments
                WHERE organisation_id = \(bind: organisation) ORDER BY date DESC, created_at DESC
                """
            ).all().map(Self.summary)
        }
    }

    /// The assessments of each of `organisations` (newest first), in one query: a page listing many
    /// organisations asked once per organisation before.
    public func list(organisations: [String]) async throws -> [String: [AssessmentSummary]] {
        guard !organisations.isEmpty else { return [:] }
        let rows = try await database.readOne { sql in
            try await sql.raw(
                """
                SELECT id, organisation_id, kind, date, catalog_reference, revision FROM assessments
                WHERE \(SQLQueryString.oneOf("organisation_id", organisations, in: sql))
                ORDER BY date DESC, created_at DESC
                """
            ).all().map(Self.summary)
        }
        return Dictionary(grouping: rows, by: \.organisationId)
    }

    /// The assessments of an organisation that have an improvement plan, newest first (one query).
    public func listWithPlans(organisation: String) async throws -> [AssessmentSummary] {
        try await database.readOne { sql in
            try await sql.raw(
                """
                SELECT a.id, a.organisation_id, a.kind, a.date, a.catalog_reference, a.revision FROM assessments a
                JOIN plans p ON p.assessment_id = a.id
                WHERE a.organisation_id = \(bind: organisation) ORDER BY a.date DESC, a.created_at DESC
                """
            ).all().map(Self.summary)
        }
    }

    static func summary(_ row: any SQLRow) throws -> AssessmentSummary {
        AssessmentSummary(
            id: try row.decode(column: "id", as: String.self),
            organisationId: try row.decode(column: "organisation_id", as: String.self),
            kind: try row.decode(column: "kind", as: String.self),
            date: try row.decode(column: "date", as: String.self),
            catalogReference: try row.decode(column: "catalog_reference", as: String.self),
            revision: try row.decode(column: "revision", as: Int.self))
    }

    /// The bytes of every file of the assessment, by path.
    public func files(of snapshot: AssessmentSnapshot) async throws -> [String: Data] {
        let blobs = self.blobs
        return try await database.read { sql in
            var files: [String: Data] = [:]
            for file in snapshot.files { files[file.path] = try await blobs.get(file.sha256, in: sql) }
            return files
        }
    }

    /// The bytes stored under `sha256`.
    public func blob(_ sha256: String) async throws -> Data {
        let blobs = self.blobs
        return try await database.read { sql in try await blobs.get(sha256, in: sql) }
    }

    /// Changes the assessment `id` in one transaction (on PostgreSQL perhaps shared with edits of the same assessment
    /// that came at the same time: see ``EditTurns``).
    ///
    /// `newFiles` are stored first (before any row cites them) and passed to `body` as file records.
    /// `body` gets the current snapshot and returns the wanted one with a value for the caller; it throws
    /// to refuse (a stale version, an invalid value), and then nothing is written. Rows whose content
    /// differs (to the byte: see ``StoredRow``) are written with their version raised, new rows get version 1,
    /// and the assessment's revision is raised when anything changed. Returns the snapshot as stored, and
    /// `body`'s value.
    ///
    /// `known`: the assessment as the caller last read it. When the stored revision (read inside the
    /// transaction, under the row lock on PostgreSQL) is still its revision, it is what is stored — every
    /// change raises the revision — and is not read again; the snapshot returned is computed from what was
    /// written (``storedAfter(_:wanted:header:)``) instead of read back. An edit read and re-read the whole
    /// assessment (14 statements) besides writing its one row.
    ///
    /// `newest`: asked, inside the transaction, for a later snapshot the caller knows of when the stored revision
    /// is no longer `known`'s (another edit came first while this one waited for the writer): used the same way.
    /// It must give only snapshots as committed (or as read). Last, on SQLite, the snapshot an earlier edit of the
    /// same open group commit stored (``OpenTransaction``) is taken when its revision is the stored one.
    public func edit<T: Sendable>(
        _ id: String, known: AssessmentSnapshot? = nil,
        newest: (@Sendable () async -> AssessmentSnapshot?)? = nil, newFiles: [(path: String, data: Data)] = [],
        _ body: @Sendable (AssessmentSnapshot, [FileRecord]) async throws -> (AssessmentSnapshot, T)
    ) async throws -> (snapshot: AssessmentSnapshot, value: T) {
        for file in newFiles { try blobs.check(file.data, name: file.path) }
        if database.kind == .postgres, newFiles.isEmpty {
            let edited: (snapshot: AssessmentSnapshot, value: T)
            do {
                edited = try await turns.inTurn(id, database: database) { written, turn in
                    var newest = [known, await newest?(), written].compactMap { $0 }
                        .filter { $0.assessment.id == id }.max { $0.assessment.revision < $1.assessment.revision }
                    var checked: Checked<T>?
                    if let current = newest {
                        let outcome = try await editInOneStatement(current, turn, body)
                        if case .pending(let edited) = outcome { return (edited, edited.snapshot) }
                        if case .checked(let result) = outcome { checked = Checked(snapshot: current, result: result) }
                    }
                    // The edits before this one must be written first (it takes the row lock, and comes after them);
                    // if they were not, the snapshot they handed on was never stored.
                    if await !turn.sendPending() { (newest, checked) = (nil, nil) }
                    let edited = try await editLocked(
                        id, known: newest, newest: nil, checked: checked, newFiles: [], body)
                    return (edited, edited.snapshot)
                }
            } catch is EditTurns.NotWritten {
                // Its statement, or one before it, found the revision moved on (another process's edit): nothing of
                // theirs was written. Made again as any other edit, against what is stored.
                return try await editLocked(id, known: known, newest: newest, checked: nil, newFiles: [], body)
            }
            #if DEBUG
                // Every edit of the test suites holds the computed snapshot to what is read back (unless another edit
                // came after it, in another process or store).
                let read = try await get(id)
                precondition(
                    read.assessment.revision != edited.snapshot.assessment.revision || read.same(as: edited.snapshot),
                    "an edit's computed snapshot differs from the stored one")
            #endif
            return edited
        }
        return try await editLocked(id, known: known, newest: newest, checked: nil, newFiles: newFiles, body)
    }

    /// ``edit(_:known:newest:newFiles:_:)`` in one transaction that reads the stored revision first (on PostgreSQL
    /// under the row lock).
    private func editLocked<T: Sendable>(
        _ id: String, known: AssessmentSnapshot?, newest: (@Sendable () async -> AssessmentSnapshot?)?,
        checked: Checked<T>?, newFiles: [(path: String, data: Data)],
        _ body: @Sendable (AssessmentSnapshot, [FileRecord]) async throws -> (AssessmentSnapshot, T)
    ) async throws -> (snapshot: AssessmentSnapshot, value: T) {
        let blobs = self.blobs
        let kind = database.kind
        let newFiles = newFiles.map { ($0.path, $0.data) }
        return try await database.transaction { sql in
            // Edits of one assessment queue here on PostgreSQL (the row lock), so each is checked against the
            // state it will change; SQLite has one writer.
            let lock: SQLQueryString = kind == .postgres ? " FOR UPDATE" : ""
            guard
                let row = try await sql.raw("SELECT revision FROM assessments WHERE id = \(bind: id)" + lock).first()
            else { throw StoreError.notFound(kind: "assessment", id: id) }
            let revision = try row.decode(column: "revision", as: Int.self)
            let current: AssessmentSnapshot
            if let known, known.assessment.id == id, known.assessment.revision == revision {
                current = known
            } else if let newer = await newest?(), newer.assessment.id == id, newer.assessment.revision == revision {
                current = newer
            } else if let earlier = OpenTransaction.current?.snapshot(id), earlier.assessment.revision == revision {
                // Stored by an earlier edit of the same open transaction (SQLite's group commit).
                current = earlier
            } else {
                Self.readingAgain?()
                current = try await Self.load(id, in: sql)
            }
            var stored: [FileRecord] = []
            for (path, data) in newFiles {
                stored.append(
                    FileRecord(path: path, sha256: try await blobs.put(data, name: path, in: sql), size: data.count))
            }
            let wanted: AssessmentSnapshot
            let value: T
            if let checked, checked.snapshot.assessment.id == id,
                checked.snapshot.assessment.revision == current.assessment.revision, stored.isEmpty
            {
                // Checked already against this very revision (``editInOneStatement``): its answer stands.
                (wanted, value) = try checked.result.get()
            } else {
                (wanted, value) = try await body(current, stored)
                if let check = EditGuard.check { try await check(current, wanted) }
            }
            let changed = try await Self.writeParts(from: current, to: wanted, in: sql)
            var header: AssessmentRecord?
            if changed || !wanted.assessment.same(as: current.assessment) {
                header = try await Self.writeHeader(from: current.assessment, to: wanted.assessment, in: sql)
            }
            if let computed = Self.storedAfter(current, wanted: wanted, header: header) {
                #if DEBUG
                    // Every edit of the test suites holds the computed snapshot to what is read back.
                    let read = try await Self.load(id, in: sql)
                    precondition(read.same(as: computed), "an edit's computed snapshot differs from the stored one")
                #endif
                OpenTransaction.current?.keep(computed)
                return (computed, value)
            }
            let read = try await Self.load(id, in: sql)
            OpenTransaction.current?.keep(read)
            return (read, value)
        }
    }

    /// ``edit(_:known:newest:newFiles:_:)`` on PostgreSQL of one row of a part, in one statement: checked against
    /// `current`, the newest snapshot this process knows, and written together with the header's time and revision
    /// only if the stored revision is still `current`'s and the row is there. The statement joins the turn's
    /// pending writes (``EditTurns``), sent in order with those of the edits that come while it waits, in one
    /// transaction; the caller is answered once they are committed, or makes the edit again if they were not.
    /// What the check gave (the wanted snapshot, or the refusal) when the edit is of anything else (the header,
    /// several rows, a new row, nothing): the caller makes it as any other, under the row lock, and takes that
    /// answer when the revision stored is `current`'s after all. An edit of a row made in a transaction took five
    /// round trips (begin, lock, row, header, commit), and held a connection while waiting for the lock; 64 editors
    /// spent more time in them than in everything else an edit does.
    private func editInOneStatement<T: Sendable>(
        _ current: AssessmentSnapshot, _ turn: EditTurns.Turn,
        _ body: @Sendable (AssessmentSnapshot, [FileRecord]) async throws -> (AssessmentSnapshot, T)
    ) async throws -> OneStatement<T> {
        let wanted: AssessmentSnapshot
        let value: T
        do {
            (wanted, value) = try await body(current, [])
            if let check = EditGuard.check { try await check(current, wanted) }
        } catch let refusal {
            // A refusal (a stale version, an invalid value, a part the user may not change) is judged against what
            // is stored: `current` may be older than that (another process's edit).
            return .checked(.failure(refusal))
        }
        let result = Result<(AssessmentSnapshot, T), any Error>.success((wanted, value))
        let id = current.assessment.id
        let planned = PlannedWrites()
        // What writeHeader(from:to:in:) stores for an edit of a part, and the snapshot as stored (computed before
        // anything is sent: once it is, a later edit by someone else may be read with it).
        var header = current.assessment
        header.updatedAt = Timestamp.now()
        header.revision += 1
        // Anything the planning meets that it does not expect is left to the edit made as any other.
        guard wanted.assessment.same(as: current.assessment),
            (try? await Self.writeParts(from: current, to: wanted, in: planned)) == true,
            planned.writes.count == 1,
            case .update(let table, let key, let row, let values, let versioned) = planned.writes[0],
            let computed = Self.storedAfter(current, wanted: wanted, header: header)
        else { return .checked(result) }
        turn.write(
            OrderedWrite.Part(
                assessment: id, revision: current.assessment.revision, updatedAt: header.updatedAt, table: table,
                key: key, row: row, values: values, versioned: versioned))
        return .pending((computed, value))
    }

    /// What ``editInOneStatement`` did.
    private enum OneStatement<T: Sendable> {
        /// Pending: the snapshot as it will be stored, and the body's value.
        case pending((snapshot: AssessmentSnapshot, value: T))
        /// Not written; what the body and the edit guard gave, checked against the snapshot given.
        case checked(Result<(AssessmentSnapshot, T), any Error>)
    }

    /// What an edit's body and guard gave for `snapshot`, for the edit made under the row lock to take when the
    /// revision it finds stored is that snapshot's.
    private struct Checked<T: Sendable>: Sendable {
        let snapshot: AssessmentSnapshot
        let result: Result<(AssessmentSnapshot, T), any Error>
    }

    /// Told each time an edit reads the assessment because no snapshot it was given is the stored revision (tests
    /// count them).
    @TaskLocal static var readingAgain: (@Sendable () -> Void)?

    /// Deletes the assessment and its parts (its files stay until the sweep finds nothing cites them).
    public func delete(_ id: String, expectedRevision: Int) async throws {
        try await database.transaction { sql in
            let current = try await Self.load(id, in: sql)
            guard current.assessment.revision == expectedRevision else {
                throw StoreError.versionConflict(kind: "assessment", id: id, current: current.assessment.revision)
            }
            try await sql.raw("DELETE FROM assessments WHERE id = \(bind: id)").run()
            OpenTransaction.current?.forget(id)
        }
    }
}

// MARK: - Reading rows

extension AssessmentRepository {
    static func load(_ id: String, in sql: any SQLDatabase) async throws -> AssessmentSnapshot {
        guard let row = try await sql.raw("SELECT * FROM assessments WHERE id = \(bind: id)").first() else {
            throw StoreError.notFound(kind: "assessment", id: id)
        }
        let assessment = AssessmentRecord(
            id: try row.decode(column: "id", as: String.self),
            organisationId: try row.decode(column: "organisation_id", as: String.self),
            organisationName: try row.decode(column: "organisation_name", as: String.self),
            catalog: try row.decode(column: "catalog", as: String.self),
            catalogReference: try row.decode(column: "catalog_reference", as: String.self),
            kind: try row.decode(column: "kind", as: String.self),
            date: try row.decode(column: "date", as: String.self),
            site: try row.decode(column: "site", as: String?.self),
            assessor: try row.decode(column: "assessor", as: String?.self),
            auditor: try row.decode(column: "auditor", as: String?.self),
            owners: try JSONText.decode([String: String].self, try row.decode(column: "owners", as: String.self)),
            ticketsFile: try row.decode(column: "tickets_file", as: String?.self),
            ticketsMapping: try row.decode(column: "tickets_mapping", as: String?.self),
            profile: try row.decode(column: "profile", as: String?.self),
            sourceSHA256: try row.decode(column: "source_sha256", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self),
            version: try row.decode(column: "version", as: Int.self),
            revision: try row.decode(column: "revision", as: Int.self))
        let criteria = try await sql.raw(
            "SELECT * FROM criterion_entries WHERE assessment_id = \(bind: id) ORDER BY position, criterion"
        ).all().map { row in
            CriterionRecord(
                criterion: try row.decode(column: "criterion", as: String.self),
                claimed: try row.decode(column: "claimed", as: Int?.self),
                audited: try row.decode(column: "audited", as: Int?.self),
                evidence: try JSONText.strings(try row.decode(column: "evidence", as: String.self)),
                note: try row.decode(column: "note", as: String?.self),
                na: try row.decode(column: "na", as: String?.self),
                earned: try row.decode(column: "earned", as: Double?.self),
                auditedEarned: try row.decode(column: "audited_earned", as: Double?.self),
                sample: try sample(row, "sample"),
                auditedSample: try sample(row, "audited_sample"),
                position: try row.decode(column: "position", as: Int.self),
                version: try row.decode(column: "version", as: Int.self))
        }
        let evidence = try await sql.raw(
            "SELECT * FROM evidence_items WHERE assessment_id = \(bind: id) ORDER BY position, item"
        ).all().map { row in
            EvidenceRecord(
                item: try row.decode(column: "item", as: String.self),
                kind: try row.decode(column: "kind", as: String.self),
                title: try row.decode(column: "title", as: String.self),
                date: try row.decode(column: "date", as: String?.self),
                file: try row.decode(column: "file", as: String?.self),
                supersededBy: try row.decode(column: "superseded_by", as: String?.self),
                validUntil: try row.decode(column: "valid_until", as: String?.self),
                position: try row.decode(column: "position", as: Int.self),
                version: try row.decode(column: "version", as: Int.self))
        }
        let findings = try await sql.raw(
            "SELECT * FROM findings WHERE assessment_id = \(bind: id) ORDER BY position, finding"
        ).all().map { row in
            FindingRecord(
                finding: try row.decode(column: "finding", as: String.self),
                criterion: try row.decode(column: "criterion", as: String?.self),
                grade: try row.decode(column: "grade", as: String.self),
                text: try row.decode(column: "text", as: String.self),
                status: try row.decode(column: "status", as: String.self),
                clause: try row.decode(column: "clause", as: String?.self),
                evidence: try JSONText.strings(try row.decode(column: "evidence", as: String.self)),
                due: try row.decode(column: "due", as: String?.self),
                position: try row.decode(column: "position", as: Int.self),
                version: try row.decode(column: "version", as: Int.self))
        }
        let metrics = try await sql.raw(
            "SELECT * FROM metrics WHERE assessment_id = \(bind: id) ORDER BY position, kpi"
        ).all().map { row in
            MetricRecord(
                kpi: try row.decode(column: "kpi", as: String.self),
                value: try row.decode(column: "value", as: Double.self),
                position: try row.decode(column: "position", as: Int.self),
                version: try row.decode(column: "version", as: Int.self))
        }
        let adjustments = try await sql.raw(
            "SELECT * FROM adjustments WHERE assessment_id = \(bind: id) ORDER BY position, adjustment"
        ).all().map { row in
            AdjustmentRecord(
                adjustment: try row.decode(column: "adjustment", as: String.self),
                kind: try row.decode(column: "kind", as: String.self),
                text: try row.decode(column: "text", as: String.self),
                criterion: try row.decode(column: "criterion", as: String?.self),
                note: try row.decode(column: "note", as: String?.self),
                position: try row.decode(column: "position", as: Int.self),
                version: try row.decode(column: "version", as: Int.self))
        }
        let files = try await sql.raw(
            "SELECT path, sha256, size FROM assessment_files WHERE assessment_id = \(bind: id) ORDER BY path"
        ).all().map { row in
            FileRecord(
                path: try row.decode(column: "path", as: String.self),
                sha256: try row.decode(column: "sha256", as: String.self),
                size: try row.decode(column: "size", as: Int.self))
        }
        return AssessmentSnapshot(
            assessment: assessment, criteria: criteria, evidence: evidence, findings: findings, metrics: metrics,
            adjustments: adjustments, files: files)
    }

    /// A sample kept in two columns (`<prefix>_size`, `<prefix>_conforming`); nil when not given.
    static func sample(_ row: some SQLRow, _ prefix: String) throws -> SampleRecord? {
        guard let size = try row.decode(column: prefix + "_size", as: Int?.self),
            let conforming = try row.decode(column: prefix + "_conforming", as: Int?.self)
        else { return nil }
        return SampleRecord(size: size, conforming: conforming)
    }
}

// MARK: - Writing rows

extension AssessmentRepository {
    typealias Values = [(column: String, value: any Encodable & Sendable)]

    static func insert(_ record: AssessmentRecord, in sql: any SQLDatabase) async throws {
        try await insertRow(
            "assessments",
            [("id", record.id), ("organisation_id", record.organisationId)] + headerValues(record)
                + [
                    ("source_sha256", record.sourceSHA256), ("created_at", record.createdAt),
                    ("version", 1), ("revision", 1),
                ], in: sql)
    }

    static func headerValues(_ record: AssessmentRecord) -> Values {
        [
            ("organisation_name", record.organisationName), ("catalog", record.catalog),
            ("catalog_reference", record.catalogReference), ("kind", record.kind),
            ("date", record.date), ("site", record.site), ("assessor", record.assessor), ("auditor", record.auditor),
            ("owners", JSONText.encode(record.owners)), ("tickets_file", record.ticketsFile),
            ("tickets_mapping", record.ticketsMapping), ("profile", record.profile), ("updated_at", record.updatedAt),
        ]
    }

    /// Raises the revision, and the version when the header's own fields changed. Returns the header as stored.
    @discardableResult
    static func writeHeader(from old: AssessmentRecord, to new: AssessmentRecord, in sql: any SQLDatabase) async throws
        -> AssessmentRecord
    {
        var compared = new
        compared.version = old.version
        compared.revision = old.revision
        compared.updatedAt = old.updatedAt
        var wanted = new
        wanted.updatedAt = Timestamp.now()
        let versionStep = compared.same(as: old) ? 0 : 1
        var query: SQLQueryString = "UPDATE assessments SET "
        if versionStep == 0 {
            // The header as it was (an edit of a part): only the time of the change is new.
            query += "updated_at = \(bind: wanted.updatedAt)"
        } else {
            query += assignments(headerValues(wanted))
        }
        query +=
            ", version = version + \(literal: versionStep), revision = revision + 1 WHERE id = \(bind: old.id)"
        try await sql.raw(query).run()
        // What `headerValues` wrote, over what it leaves as stored (id, organisation, source, creation).
        var stored = wanted
        stored.id = old.id
        stored.organisationId = old.organisationId
        stored.sourceSHA256 = old.sourceSHA256
        stored.createdAt = old.createdAt
        stored.version = old.version + versionStep
        stored.revision = old.revision + 1
        return stored
    }

    /// The snapshot ``load(_:in:)`` would read after `current` was changed into `wanted` (the parts by
    /// ``writeParts(from:to:in:)``, the header — when it was written — by ``writeHeader(from:to:in:)``):
    /// each row as written, with its version as raised, in the order the store reads them. Nil when that order
    /// is not certain without the database (two rows of a part at one position are read in the order of their
    /// keys under the database's collation; files in the order of their paths): then read it.
    static func storedAfter(_ current: AssessmentSnapshot, wanted: AssessmentSnapshot, header: AssessmentRecord?)
        -> AssessmentSnapshot?
    {
        // SQLite keeps -0.0 as the integer 0 and reads it back as 0.0.
        let negativeZero = { (value: Double?) in value.map { $0 == 0 && $0.sign == .minus } ?? false }
        guard sameRows(wanted.files, current.files), !wanted.metrics.contains(where: { negativeZero($0.value) }),
            !wanted.criteria.contains(where: { negativeZero($0.earned) || negativeZero($0.auditedEarned) }),
            let criteria = rows(current.criteria, wanted.criteria),
            let evidence = rows(current.evidence, wanted.evidence),
            let findings = rows(current.findings, wanted.findings),
            let metrics = rows(current.metrics, wanted.metrics),
            let adjustments = rows(current.adjustments, wanted.adjustments)
        else { return nil }
        return AssessmentSnapshot(
            assessment: header ?? current.assessment, criteria: criteria, evidence: evidence, findings: findings,
            metrics: metrics, adjustments: adjustments, files: current.files)
    }

    /// One part's rows as ``sync`` leaves them: a row the same to the byte as before is kept as it was, a
    /// changed one has its version raised, a new one version 1; sorted by position. Nil when positions repeat.
    private static func rows<Row: PartRow>(_ old: [Row], _ new: [Row]) -> [Row]? {
        func inOrder(_ rows: [Row]) -> Bool {
            rows.indices.dropFirst().allSatisfy { rows[$0 - 1].position < rows[$0].position }
        }
        /// `row` as stored in place of `previous`: its version, raised when it changed.
        func stored(_ row: Row, replacing previous: Row) -> Row {
            if previous.same(as: row) { return previous }
            var stored = row
            stored.version = previous.version
            if !previous.same(as: stored) { stored.version += 1 }
            return stored
        }
        if sameStorage(old, new) {
            // The part as read (every row as stored): only its order is to be made certain. Already in order (as
            // read, it is) it stays the very array, so the next edit's comparisons find it unchanged at once.
            if inOrder(new) { return new }
            guard Set(new.lazy.map(\.position)).count == new.count else { return nil }
            return new.sorted { $0.position < $1.position }
        }
        if old.count == new.count, old.indices.allSatisfy({ sameBytes(old[$0].key, new[$0].key) }), inOrder(new) {
            // Each row where it was (an edit of some of them; keys are unique in the store), positions in order:
            // each compared with the row it replaces, no lookup and no sorting.
            return old.indices.map { stored(new[$0], replacing: old[$0]) }
        }
        // Keys by their bytes, as the database matches them.
        let before = Dictionary(old.map { (ByteKey($0.key), $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        rows.reserveCapacity(new.count)
        var positions = Set<Int>()
        for row in new {
            guard positions.insert(row.position).inserted else { return nil }
            if let previous = before[ByteKey(row.key)] {
                rows.append(stored(row, replacing: previous))
            } else {
                var stored = row
                stored.version = 1
                rows.append(stored)
            }
        }
        return rows.sorted { $0.position < $1.position }
    }

    /// Writes the differences between two snapshots' parts; returns whether anything changed.
    @discardableResult
    static func writeParts(from old: AssessmentSnapshot, to new: AssessmentSnapshot, in sql: any SQLDatabase)
        async throws -> Bool
    {
        let id = new.assessment.id
        var changed = false
        changed =
            try await sync(
                "criterion_entries", key: "criterion", id: id, old: old.criteria, new: new.criteria,
                comparable: {
                    var r = $0; r.version = 0; return r
                },
                values: {
                    [
                        ("claimed", $0.claimed), ("audited", $0.audited), ("evidence", JSONText.encode($0.evidence)),
                        ("note", $0.note), ("na", $0.na), ("earned", $0.earned),
                        ("audited_earned", $0.auditedEarned), ("sample_size", $0.sample?.size),
                        ("sample_conforming", $0.sample?.conforming), ("audited_sample_size", $0.auditedSample?.size),
                        ("audited_sample_conforming", $0.auditedSample?.conforming), ("position", $0.position),
                    ]
                }, in: sql) || changed
        changed =
            try await sync(
                "evidence_items", key: "item", id: id, old: old.evidence, new: new.evidence,
                comparable: {
                    var r = $0; r.version = 0; return r
                },
                values: {
                    [
                        ("kind", $0.kind), ("title", $0.title), ("date", $0.date), ("file", $0.file),
                        ("superseded_by", $0.supersededBy), ("valid_until", $0.validUntil), ("position", $0.position),
                    ]
                }, in: sql) || changed
        changed =
            try await sync(
                "findings", key: "finding", id: id, old: old.findings, new: new.findings,
                comparable: {
                    var r = $0; r.version = 0; return r
                },
                values: {
                    [
                        ("criterion", $0.criterion), ("grade", $0.grade), ("text", $0.text), ("status", $0.status),
                        ("clause", $0.clause), ("evidence", JSONText.encode($0.evidence)), ("due", $0.due),
                        ("position", $0.position),
                    ]
                }, in: sql) || changed
        changed =
            try await sync(
                "adjustments", key: "adjustment", id: id, old: old.adjustments, new: new.adjustments,
                comparable: {
                    var r = $0; r.version = 0; return r
                },
                values: {
                    [
                        ("kind", $0.kind), ("text", $0.text), ("criterion", $0.criterion), ("note", $0.note),
                        ("position", $0.position),
                    ]
                }, in: sql) || changed
        changed =
            try await sync(
                "metrics", key: "kpi", id: id, old: old.metrics, new: new.metrics,
                comparable: {
                    var r = $0; r.version = 0; return r
                },
                values: { [("value", $0.value), ("position", $0.position)] }, in: sql) || changed
        changed =
            try await sync(
                "assessment_files", key: "path", id: id, old: old.files, new: new.files,
                comparable: { $0 }, values: { [("sha256", $0.sha256), ("size", $0.size)] }, versioned: false, in: sql)
            || changed
        return changed
    }

    /// Inserts, updates (version + 1) and deletes the rows of one part so that `old` becomes `new`.
    static func sync<Row: KeyedRow>(
        _ table: String, key: String, id: String, old: [Row], new: [Row],
        comparable: (Row) -> Row, values: (Row) -> Values, versioned: Bool = true, in sql: any SQLDatabase
    ) async throws -> Bool {
        // A part the edit did not touch is the very array it was read as: nothing to compare.
        if sameStorage(old, new) { return false }
        /// Whether `row` holds anything `previous` does not (the same row, as it was, needs no copies to tell).
        func differs(_ row: Row, from previous: Row) -> Bool {
            !previous.same(as: row) && !comparable(previous).same(as: comparable(row))
        }
        if old.count == new.count, old.indices.allSatisfy({ sameBytes(old[$0].key, new[$0].key) }) {
            // The same rows in the same places (keys are unique in the store): each compared with the one it
            // replaces, without looking it up.
            var changed = false
            for index in old.indices where differs(new[index], from: old[index]) {
                let row = new[index]
                try await update(table, key: key, id: id, rowKey: row.key, values(row), versioned, in: sql)
                changed = true
            }
            return changed
        }
        // Keys by their bytes, as the database's `WHERE key = ?` matches them.
        let before = Dictionary(old.map { (ByteKey($0.key), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.map { ByteKey($0.key) })
        var changed = false
        for row in old where !after.contains(ByteKey(row.key)) {
            try await sql.raw(
                "DELETE FROM \(ident: table) WHERE assessment_id = \(bind: id) AND \(ident: key) = \(bind: row.key)"
            ).run()
            changed = true
        }
        for row in new {
            let rowKey = row.key
            if let previous = before[ByteKey(rowKey)] {
                guard differs(row, from: previous) else { continue }
                try await update(table, key: key, id: id, rowKey: rowKey, values(row), versioned, in: sql)
            } else {
                var all: Values = [("assessment_id", id), (key, rowKey)] + values(row)
                if versioned { all.append(("version", 1)) }
                try await insertRow(table, all, in: sql)
            }
            changed = true
        }
        return changed
    }

    /// `"column" = ?, …` of an UPDATE. A name of lowercase letters, digits and underscores (every one the store
    /// writes) is quoted as both databases quote identifiers, without asking the dialect for each (an edit writes a
    /// dozen of them); any other goes through the dialect.
    static func assignments(_ values: Values) -> SQLQueryString {
        var query: SQLQueryString = ""
        for (index, value) in values.enumerated() {
            if index > 0 { query += ", " }
            let plain = value.column.utf8.allSatisfy {
                $0 == UInt8(ascii: "_") || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0)
            }
            if plain {
                query += "\(unsafeRaw: "\"" + value.column + "\" = ")\(bind: value.value)"
            } else {
                query += "\(ident: value.column) = \(bind: value.value)"
            }
        }
        return query
    }

    /// Writes one row of a part anew (its version raised when the part is versioned).
    static func update(
        _ table: String, key: String, id: String, rowKey: String, _ values: Values, _ versioned: Bool,
        in sql: any SQLDatabase
    ) async throws {
        if let planned = sql as? PlannedWrites {
            planned.writes.append(.update(table: table, key: key, row: rowKey, values: values, versioned: versioned))
            return
        }
        try await sql.raw(updateStatement(table, key: key, id: id, rowKey: rowKey, values, versioned)).run()
    }

    /// `UPDATE table SET … WHERE …` of ``update(_:key:id:rowKey:_:_:in:)``.
    static func updateStatement(
        _ table: String, key: String, id: String, rowKey: String, _ values: Values, _ versioned: Bool
    ) -> SQLQueryString {
        var query: SQLQueryString = "UPDATE \(ident: table) SET "
        query += assignments(values)
        if versioned { query += ", version = version + 1" }
        query += " WHERE assessment_id = \(bind: id) AND \(ident: key) = \(bind: rowKey)"
        return query
    }

    static func insertRow(_ table: String, _ values: Values, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO \(ident: table) (\(idents: values.map(\.column), joinedBy: ", "))
            VALUES (\(binds: values.map(\.value)))
            """
        ).run()
    }
}

/// JSON in a text column (lists of ids, the owners map): sorted keys, so equal values are equal text.
public enum JSONText {
    static func encode(_ value: some Encodable) -> String { encoded(value) }

    private static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether JSONEncoder writes `text` between quotes as it is: no quote, backslash or control character (nor
    /// DEL, which it leaves too, to be safe) — what the direct writers here and the server's answers (`DirectJSON`)
    /// write without the encoder.
    public static func plain(_ text: String) -> Bool {
        !text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F }
    }

    /// A list of texts as JSONEncoder writes it (keys sorted, slashes unescaped), written directly when every text
    /// is ``plain(_:)``: each saved claim writes its evidence list, and JSONEncoder was a seventieth of an edit.
    public static func encode(_ texts: [String]) -> String {
        guard texts.allSatisfy(plain) else { return encoded(texts) }
        var out = "["
        for (index, text) in texts.enumerated() {
            out += index == 0 ? "\"" : ",\""
            out += text
            out += "\""
        }
        return out + "]"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// A value of ``flatObject(_:)``.
    enum FlatValue: Equatable {
        case string(String)
        case strings([String])
        case null
    }

    /// A JSON object whose values are strings, lists of strings or null, read directly (a certificate's scope
    /// and rating names, read for every verification and every row of the due board); nil for anything else —
    /// other values, escapes in strings, a repeated key, malformed text — which the caller reads the general way.
    static func flatObject(_ text: String) -> [String: FlatValue]? {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [String: FlatValue]? in
            var at = 0
            func skipSpace() {
                while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
            }
            func take(_ byte: UInt8) -> Bool {
                skipSpace()
                guard at < bytes.count, bytes[at] == byte else { return false }
                at += 1
                return true
            }
            func string() -> String? {
                guard take(quote) else { return nil }
                let start = at
                while at < bytes.count, bytes[at] != quote {
                    if bytes[at] == backslash || bytes[at] < 0x20 { return nil }
                    at += 1
                }
                guard at < bytes.count else { return nil }
                defer { at += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            }
            guard take(UInt8(ascii: "{")) else { return nil }
            var object: [String: FlatValue] = [:]
            if take(UInt8(ascii: "}")) {
                skipSpace()
                return at == bytes.count ? object : nil
            }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")), object[key] == nil else { return nil }
                skipSpace()
                guard at < bytes.count else { return nil }
                if bytes[at] == quote {
                    guard let value = string() else { return nil }
                    object[key] = .string(value)
                } else if take(UInt8(ascii: "[")) {
                    var list: [String] = []
                    if !take(UInt8(ascii: "]")) {
                        repeat {
                            guard let item = string() else { return nil }
                            list.append(item)
                        } while take(UInt8(ascii: ","))
                        guard take(UInt8(ascii: "]")) else { return nil }
                    }
                    object[key] = .strings(list)
                } else if bytes[at...].starts(with: "null".utf8) {
                    at += 4
                    object[key] = .null
                } else {
                    return nil
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            skipSpace()
            return at == bytes.count ? object : nil
        } ?? nil
    }

    /// A list of ids as `encode` writes it. Each row of an assessment's criteria holds one, and a snapshot
    /// reads 40 of them or more, so the common form — strings without escapes, no spaces — is read
    /// directly; anything else goes to `JSONDecoder`, as before.
    static func strings(_ text: String) throws -> [String] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), backslash = UInt8(ascii: "\\")
        let direct: [String]? =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else {
                    return nil
                }
                var items: [String] = []
                var at = 1
                let end = bytes.count - 1
                while at < end {
                    guard bytes[at] == quote else { return nil }
                    var close = at + 1
                    while close < end, bytes[close] != quote {
                        if bytes[close] == backslash || bytes[close] < 0x20 { return nil }
                        close += 1
                    }
                    guard close < end else { return nil }
                    items.append(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<close]), as: UTF8.self))
                    at = close + 1
                    if at < end {
                        guard bytes[at] == comma, at + 1 < end else { return nil }
                        at += 1
                    }
                }
                return items
            } ?? nil
        if let direct { return direct }
        return try decode([String].self, text)
    }
}
