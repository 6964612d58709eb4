import Foundation
import Hummingbird
import MaturityCore
import MaturityStore

/// One versioned part of an assessment (an evidence item, a finding, a KPI value) as the edit routes see it:
/// found by its key, with a version (0 when absent), changed in a snapshot.
struct PartKind<Row: Encodable & Sendable>: Sendable {
    /// How messages name it: "evidence item", "finding", "KPI value".
    let name: String
    let find: @Sendable (AssessmentSnapshot, String) -> Row?
    let version: @Sendable (Row) -> Int
    /// Puts `row` (nil: removes the part) into the snapshot.
    let put: @Sendable (inout AssessmentSnapshot, String, Row?) -> Void
}

/// The edit of one part: versions checked, the changed assessment checked by the engine's loader before
/// anything is stored, a stale edit answered with 412 and the current value.
struct PartEdit {
    let store: Store
    let engine: ServerEngine

    /// Applies `change` to the part `key` of assessment `id` if its version is `expected`. `change` gets the
    /// current row (nil: absent) and returns the wanted one (nil: remove). Returns the part as stored.
    func edit<Row: Encodable & Sendable>(
        _ kind: PartKind<Row>, assessment id: String, key: String, expected: Int,
        newFiles: [(path: String, data: Data)] = [], checkTickets: Bool = false,
        _ change: @escaping @Sendable (Row?, [FileRecord]) throws -> Row?
    ) async throws -> Row? {
        let current = try await engine.snapshotForEdit(id)
        let catalog = try await engine.catalog(id: current.assessment.catalog)
        let engine = self.engine
        do {
            let (stored, checked) = try await store.assessments.edit(id, known: current, newFiles: newFiles) {
                snapshot, files in
                let row = kind.find(snapshot, key)
                let version = row.map(kind.version) ?? 0
                guard version == expected else {
                    throw StoreError.versionConflict(kind: kind.name, id: key, current: version)
                }
                var next = snapshot
                next.files += files.filter { file in !snapshot.files.contains { $0.path == file.path } }
                kind.put(&next, key, try change(row, files))
                return (next, try await engine.check(next, catalog: catalog, tickets: checkTickets, changing: snapshot))
            }
            await engine.keep(stored, checked: checked)
            return kind.find(stored, key)
        } catch StoreError.versionConflict {
            let now = kind.find(try await store.assessments.get(id), key)
            let version = now.map(kind.version) ?? 0
            throw APIError(
                .preconditionFailed,
                "\(kind.name) '\(key)' was changed by someone else since version \(expected); here it is as it is now",
                current: now.map { JSONBody($0) } ?? JSONBody(raw: Data("null".utf8)),
                headers: [.eTag: ETag.of(version)])
        }
    }

    /// The answer to an edit: the part with its ETag, or 204 when it was removed.
    static func response<Row: Encodable>(_ row: Row?, version: (Row) -> Int) -> Response {
        guard let row else { return Response(status: .noContent) }
        return JSONBody(row).response(status: .ok, etag: ETag.of(version(row)))
    }
}

extension PartKind where Row == EvidenceRecord {
    static let evidence = PartKind(
        name: "evidence item", find: { $0.evidenceItem($1) }, version: \.version,
        put: { snapshot, key, row in
            if let row {
                if let index = snapshot.evidence.firstIndex(where: { $0.item == key }) {
                    snapshot.evidence[index] = row
                } else {
                    var row = row
                    row.position = (snapshot.evidence.map(\.position).max() ?? -1) + 1
                    snapshot.evidence.append(row)
                }
            } else {
                snapshot.evidence.removeAll { $0.item == key }
            }
        })
}

extension PartKind where Row == FindingRecord {
    static let finding = PartKind(
        name: "finding", find: { $0.finding($1) }, version: \.version,
        put: { snapshot, key, row in
            if let row {
                if let index = snapshot.findings.firstIndex(where: { $0.finding == key }) {
                    snapshot.findings[index] = row
                } else {
                    var row = row
                    row.position = (snapshot.findings.map(\.position).max() ?? -1) + 1
                    snapshot.findings.append(row)
                }
            } else {
                snapshot.findings.removeAll { $0.finding == key }
            }
        })
}

extension PartKind where Row == MetricRecord {
    static let metric = PartKind(
        name: "KPI value", find: { snapshot, key in snapshot.metrics.first { $0.kpi == key } }, version: \.version,
        put: { snapshot, key, row in
            if let row {
                if let index = snapshot.metrics.firstIndex(where: { $0.kpi == key }) {
                    snapshot.metrics[index] = row
                } else {
                    var row = row
                    row.position = (snapshot.metrics.map(\.position).max() ?? -1) + 1
                    snapshot.metrics.append(row)
                }
            } else {
                snapshot.metrics.removeAll { $0.kpi == key }
            }
        })
}

extension PartKind where Row == CriterionRecord {
    static let criterion = PartKind(
        name: "criterion", find: { $0.criterion($1) }, version: \.version,
        put: { snapshot, key, row in
            if let row {
                if let index = snapshot.criteria.firstIndex(where: { $0.criterion == key }) {
                    snapshot.criteria[index] = row
                } else {
                    var row = row
                    row.position = (snapshot.criteria.map(\.position).max() ?? -1) + 1
                    snapshot.criteria.append(row)
                }
            } else {
                snapshot.criteria.removeAll { $0.criterion == key }
            }
        })
}
