import Foundation
import HTTPTypes
import Testing

@testable import MaturityServer
@testable import MaturityStore

/// A criterion's entry written directly is the bytes JSONBody's encoder writes for it, whatever it holds.
@Suite struct DirectJSONTests {
    static let texts: [String?] = [
        nil, "", "plain", "记录齐全 / 见附件", "quote \" inside", "back\\slash", "line\nbreak", "\u{1}", "del\u{7F}",
        "sep\u{2028}", "emoji 🙂", "e\u{301}",
    ]

    static var records: [CriterionRecord] {
        var records: [CriterionRecord] = []
        for (index, text) in texts.enumerated() {
            records.append(CriterionRecord(criterion: "SP-0\(index)", note: text))
            records.append(CriterionRecord(criterion: text ?? "X", claimed: 3, audited: 2, na: text, version: 9))
            records.append(
                CriterionRecord(
                    criterion: "C", claimed: index, evidence: [text ?? "E1", "E2"], note: "n",
                    sample: SampleRecord(size: 10, conforming: index),
                    auditedSample: SampleRecord(size: 5, conforming: 5), position: index, version: index))
        }
        records.append(CriterionRecord(criterion: "P-01", earned: 2.5, auditedEarned: 3, version: 2))
        records.append(CriterionRecord(criterion: "P-02", earned: 0.1, version: 2))
        records.append(CriterionRecord(criterion: "L", claimed: -1, audited: Int.max, position: Int.min, version: 0))
        return records
    }

    @Test(arguments: records)
    func anEntryIsWrittenAsTheEncoderWritesIt(_ record: CriterionRecord) {
        #expect(record.body.data == JSONBody(record).data, "\(record)")
    }

    /// The route kept for a request is the one written anew, every time and for every method.
    @Test func aRouteKeptIsTheRouteWritten() {
        for path in ["/api/v1/assessments/{assessment}", "/healthz", "", "/{lang}/a/{assessment}/c/{criterion}"] {
            for method in [HTTPRequest.Method.get, .post, .patch, .delete] {
                for _ in 0..<3 { #expect(AccessPolicy.route(method, path) == AccessPolicy.key(method, path)) }
            }
        }
    }
}
