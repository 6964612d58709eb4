/// A row compared as the database keeps it: to the byte. Swift's `==` on strings holds canonically equivalent
/// texts equal ("é" and "e" followed by U+0301), the database keeps the bytes it was given, and what the
/// workspace writes out of a row (`assessment.yaml`, the digests of an audit's sign-off) is bytes: an edit that
/// changes only such a detail is written, like any other change, so what is stored is what was sent.
protocol StoredRow: Equatable {
    /// Every text of the row, in a fixed order (other fields are compared by `==`, which is exact for them).
    var texts: [String?] { get }
}

extension StoredRow {
    func same(as other: Self) -> Bool {
        guard self == other else { return false }
        let mine = texts
        let theirs = other.texts
        return mine.count == theirs.count && zip(mine, theirs).allSatisfy(sameBytes)
    }
}

func sameBytes(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): a.utf8.elementsEqual(b.utf8)
    default: false
    }
}

extension CriterionRecord: StoredRow {
    var texts: [String?] { [criterion, note, na] + evidence }
}

extension EvidenceRecord: StoredRow {
    var texts: [String?] { [item, kind, title, date, file, supersededBy, validUntil] }
}

extension FindingRecord: StoredRow {
    var texts: [String?] { [finding, criterion, grade, text, status, clause, due] + evidence }
}

extension MetricRecord: StoredRow {
    var texts: [String?] { [kpi] }
}

extension AdjustmentRecord: StoredRow {
    var texts: [String?] { [adjustment, kind, text, criterion, note] }
}

extension FileRecord: StoredRow {
    var texts: [String?] { [path, sha256] }
}

extension AssessmentRecord: StoredRow {
    var texts: [String?] {
        let owners = owners.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.flatMap {
            [$0.key, $0.value]
        }
        return [
            id, organisationId, organisationName, catalog, catalogReference, kind, date, site, assessor, auditor,
            ticketsFile, ticketsMapping, profile, sourceSHA256, createdAt, updatedAt,
        ] + owners
    }
}

extension AssessmentSnapshot {
    /// Every row the same to the byte, in the same order.
    func same(as other: AssessmentSnapshot) -> Bool {
        func same<Row: StoredRow>(_ a: [Row], _ b: [Row]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { $0.same(as: $1) }
        }
        return assessment.same(as: other.assessment) && same(criteria, other.criteria)
            && same(evidence, other.evidence) && same(findings, other.findings) && same(metrics, other.metrics)
            && same(adjustments, other.adjustments) && same(files, other.files)
    }
}
