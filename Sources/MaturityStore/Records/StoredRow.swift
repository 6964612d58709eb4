import Foundation

/// A row compared as the database keeps it: to the byte. Swift's `==` on strings holds canonically equivalent
/// texts equal ("é" and "e" followed by U+0301), the database keeps the bytes it was given, and what the
/// workspace writes out of a row (`assessment.yaml`, the digests of an audit's sign-off) is bytes: an edit that
/// changes only such a detail is written, like any other change, so what is stored is what was sent.
protocol StoredRow: Equatable {
    /// Whether every text of the row has the same bytes as in `other` (other fields are compared by `==`, which
    /// is exact for them).
    func sameTexts(as other: Self) -> Bool
}

extension StoredRow {
    func same(as other: Self) -> Bool { self == other && sameTexts(as: other) }
}

/// A row of one of an assessment's parts, known within it by its key (the column `WHERE key = ?` matches).
/// Properties, not functions passed in: a function given a row of an array was given a copy of the whole row,
/// and comparing an edit's rows with the stored ones copied every row of every part.
protocol KeyedRow: StoredRow {
    var key: String { get }
}

/// A part's row kept in order and versioned.
protocol PartRow: KeyedRow {
    var position: Int { get }
    var version: Int { get set }
}

extension CriterionRecord: PartRow { var key: String { criterion } }
extension EvidenceRecord: PartRow { var key: String { item } }
extension FindingRecord: PartRow { var key: String { finding } }
extension MetricRecord: PartRow { var key: String { kpi } }
extension AdjustmentRecord: PartRow { var key: String { adjustment } }
extension FileRecord: KeyedRow { var key: String { path } }

func sameBytes(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): sameBytes(a, b)
    default: false
    }
}

/// Two texts of the same bytes, compared as a block (a byte at a time through `utf8` was a tenth of an edit).
func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var (a, b) = (a, b)
    return a.withUTF8 { x in
        b.withUTF8 { y in
            x.count == 0 || x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
        }
    }
}

/// Whether two arrays share their storage (one is a copy of the other, neither changed since): equal without
/// comparing their rows.
func sameStorage<T>(_ a: [T], _ b: [T]) -> Bool {
    a.count == b.count
        && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
}

/// A text as the database compares it, by its bytes: the key of a part's row ("é" and "e" followed by U+0301 are
/// two rows to the database, one to Swift's `==`).
struct ByteKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ByteKey, b: ByteKey) -> Bool { sameBytes(a.text, b.text) }

    func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Lists of the same length (`==` checked it), item by item.
func sameBytes(_ a: [String], _ b: [String]) -> Bool {
    // The very list (a row an edit did not touch): nothing to compare.
    sameStorage(a, b) || (a.count == b.count && a.indices.allSatisfy { sameBytes(a[$0], b[$0]) })
}

/// Two maps of texts with the same keys and values to the byte: equal by `==` (which holds canonically equivalent
/// keys the same key), then each key's counterpart — the one key of the other map equal to it — looked up and
/// compared by its bytes, and its value. No sorting: owners are compared at every edit.
func sameBytes(_ a: [String: String], _ b: [String: String]) -> Bool {
    guard a == b else { return false }
    return a.allSatisfy { key, value in
        guard let index = b.index(forKey: key) else { return false }
        return sameBytes(b[index].key, key) && sameBytes(b[index].value, value)
    }
}

extension CriterionRecord: StoredRow {
    func sameTexts(as other: Self) -> Bool {
        sameBytes(criterion, other.criterion) && sameBytes(note, other.note) && sameBytes(na, other.na)
            && sameBytes(evidence, other.evidence)
    }
}

extension EvidenceRecord: StoredRow {
    func sameTexts(as other: Self) -> Bool {
        sameBytes(item, other.item) && sameBytes(kind, other.kind) && sameBytes(title, other.title)
            && sameBytes(date, other.date) && sameBytes(file, other.file)
            && sameBytes(supersededBy, other.supersededBy) && sameBytes(validUntil, other.validUntil)
    }
}

extension FindingRecord: StoredRow {
    func sameTexts(as other: Self) -> Bool {
        sameBytes(finding, other.finding) && sameBytes(criterion, other.criterion) && sameBytes(grade, other.grade)
            && sameBytes(text, other.text) && sameBytes(status, other.status) && sameBytes(clause, other.clause)
            && sameBytes(due, other.due) && sameBytes(evidence, other.evidence)
    }
}

extension MetricRecord: StoredRow {
    func sameTexts(as other: Self) -> Bool { sameBytes(kpi, other.kpi) }
}

extension AdjustmentRecord: StoredRow {
    func sameTexts(as other: Self) -> Bool {
        sameBytes(adjustment, other.adjustment) && sameBytes(kind, other.kind) && sameBytes(text, other.text)
            && sameBytes(criterion, other.criterion) && sameBytes(note, other.note)
    }
}

extension FileRecord: StoredRow {
    func sameTexts(as other: Self) -> Bool { sameBytes(path, other.path) && sameBytes(sha256, other.sha256) }
}

extension AssessmentRecord: StoredRow {
    func sameTexts(as other: Self) -> Bool {
        return sameBytes(id, other.id) && sameBytes(organisationId, other.organisationId)
            && sameBytes(organisationName, other.organisationName) && sameBytes(catalog, other.catalog)
            && sameBytes(catalogReference, other.catalogReference) && sameBytes(kind, other.kind)
            && sameBytes(date, other.date) && sameBytes(site, other.site) && sameBytes(assessor, other.assessor)
            && sameBytes(auditor, other.auditor) && sameBytes(ticketsFile, other.ticketsFile)
            && sameBytes(ticketsMapping, other.ticketsMapping) && sameBytes(profile, other.profile)
            && sameBytes(sourceSHA256, other.sourceSHA256) && sameBytes(createdAt, other.createdAt)
            && sameBytes(updatedAt, other.updatedAt) && sameBytes(owners, other.owners)
    }
}

/// Rows the same to the byte, in the same order.
func sameRows<Row: StoredRow>(_ a: [Row], _ b: [Row]) -> Bool {
    sameStorage(a, b) || (a.count == b.count && zip(a, b).allSatisfy { $0.same(as: $1) })
}

extension AssessmentSnapshot {
    /// Every row the same to the byte, in the same order.
    func same(as other: AssessmentSnapshot) -> Bool {
        assessment.same(as: other.assessment) && sameRows(criteria, other.criteria) && sameParts(as: other)
    }

    /// Evidence, findings, metrics, adjustments and files the same to the byte.
    private func sameParts(as other: AssessmentSnapshot) -> Bool {
        sameRows(evidence, other.evidence) && sameRows(findings, other.findings) && sameRows(metrics, other.metrics)
            && sameRows(adjustments, other.adjustments) && sameRows(files, other.files)
    }
}

extension CriterionRecord {
    /// Whether `other` holds the same values, texts to the byte, whatever the two versions.
    public func sameContent(as other: CriterionRecord) -> Bool {
        if same(as: other) { return true }
        var compared = self
        compared.version = other.version
        return compared.same(as: other)
    }
}

extension AssessmentSnapshot {
    /// Whether `other` holds the same values outside the criteria, texts to the byte — the header (whatever its
    /// version, revision, dates and source digest), evidence, findings, metrics, adjustments and files: what
    /// `assessment.yaml` is written from besides the criteria's entries.
    public func sameOutsideCriteria(as other: AssessmentSnapshot) -> Bool {
        func header(_ record: AssessmentRecord) -> AssessmentRecord {
            var record = record
            (record.version, record.revision, record.createdAt, record.updatedAt, record.sourceSHA256) = (
                0, 0, "", "", nil
            )
            return record
        }
        return header(assessment).same(as: header(other.assessment)) && sameParts(as: other)
    }
}
