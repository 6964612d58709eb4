import Testing

@testable import MaturityStore

/// Rows are compared as the database keeps them: a text that differs only in its bytes (equal as Swift strings)
/// makes a row different, in every text field of every kind of row.
@Suite struct StoredRowTests {
    static let composed = "caf\u{E9}"
    static let decomposed = "cafe\u{301}"

    func expectDifferentBytes<Row: StoredRow>(_ row: Row, _ change: (inout Row, String) -> Void) {
        var a = row
        var b = row
        change(&a, Self.composed)
        change(&b, Self.decomposed)
        #expect(a == b)
        #expect(a.same(as: a))
        #expect(!a.same(as: b))
    }

    /// Texts of the same length are compared byte by byte too: marks in another order are the same text to
    /// Swift, not to the database.
    @Test func textsOfTheSameLengthAreComparedByTheirBytes() {
        let a = "e\u{301}\u{323}"
        let b = "e\u{323}\u{301}"
        #expect(a == b && a.utf8.count == b.utf8.count)
        #expect(!sameBytes(a, b))
        #expect(sameBytes(a, String(decoding: Array(a.utf8), as: UTF8.self)))
        #expect(sameBytes("", ""))
        #expect(!sameBytes("abc", "abd"))
        expectDifferentBytes(CriterionRecord(criterion: "SP-01")) { row, text in
            row.note = text.utf8.elementsEqual(Self.composed.utf8) ? a : b
        }
    }

    @Test func everyTextOfEveryRowIsComparedByItsBytes() {
        let criterion = CriterionRecord(criterion: "SP-01")
        for change: (inout CriterionRecord, String) -> Void in [
            { $0.criterion = $1 }, { $0.note = $1 }, { $0.na = $1 }, { $0.evidence = ["E1", $1] },
        ] {
            expectDifferentBytes(criterion, change)
        }
        let evidence = EvidenceRecord(item: "E1", kind: "document", title: "t")
        for change: (inout EvidenceRecord, String) -> Void in [
            { $0.item = $1 }, { $0.kind = $1 }, { $0.title = $1 }, { $0.date = $1 }, { $0.file = $1 },
            { $0.supersededBy = $1 }, { $0.validUntil = $1 },
        ] {
            expectDifferentBytes(evidence, change)
        }
        let finding = FindingRecord(finding: "NC-1", grade: "minor", text: "t")
        for change: (inout FindingRecord, String) -> Void in [
            { $0.finding = $1 }, { $0.criterion = $1 }, { $0.grade = $1 }, { $0.text = $1 }, { $0.status = $1 },
            { $0.clause = $1 }, { $0.due = $1 }, { $0.evidence = [$1] },
        ] {
            expectDifferentBytes(finding, change)
        }
        expectDifferentBytes(MetricRecord(kpi: "k", value: 1)) { $0.kpi = $1 }
        let adjustment = AdjustmentRecord(adjustment: "D1", kind: "deduction", text: "t")
        for change: (inout AdjustmentRecord, String) -> Void in [
            { $0.adjustment = $1 }, { $0.kind = $1 }, { $0.text = $1 }, { $0.criterion = $1 }, { $0.note = $1 },
        ] {
            expectDifferentBytes(adjustment, change)
        }
        expectDifferentBytes(FileRecord(path: "a", sha256: "b", size: 1)) { $0.path = $1 }
        let header = AssessmentRecord(
            id: "i", organisationId: "o", organisationName: "n", catalog: "c", catalogReference: "r", kind: "self",
            date: "2026-01-01")
        for change: (inout AssessmentRecord, String) -> Void in [
            { $0.organisationName = $1 }, { $0.site = $1 }, { $0.assessor = $1 }, { $0.auditor = $1 },
            { $0.profile = $1 }, { $0.ticketsFile = $1 }, { $0.owners = ["SP-01": $1] }, { $0.owners = [$1: "x"] },
        ] {
            expectDifferentBytes(header, change)
        }
    }

    /// Maps of texts (an assessment's owners) are the same whatever order their keys were put in, and different
    /// when one key or value differs in its bytes alone.
    @Test func mapsOfTextsAreComparedByTheirBytesInAnyOrder() {
        var a: [String: String] = [:]
        var b: [String: String] = [:]
        let pairs = (1...12).map { ("SP-\($0)", "负责人 \($0)") }
        for (key, value) in pairs { a[key] = value }
        for (key, value) in pairs.reversed() { b[key] = value }
        #expect(sameBytes(a, b) && sameBytes(b, a))
        var c = b
        c["SP-3"] = Self.decomposed
        a["SP-3"] = Self.composed
        #expect(a != b && !sameBytes(a, b))
        #expect(a == c && !sameBytes(a, c))
        c["SP-3"] = Self.composed
        #expect(sameBytes(a, c))
        c["SP-13"] = "x"
        #expect(!sameBytes(a, c))
    }
}
