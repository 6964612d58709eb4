import Foundation
import HTTPTypes
import HummingbirdTesting
import MaturityStoreTesting
import Testing

@testable import MaturityServer

/// Interviews and observations are the auditor's in an audit, and the company's own in a self-assessment (its
/// internal audit's), where criteria of the catalog ask for them from level 3 on.
@Suite struct InternalAuditEvidenceTests {
    @Test func aMemberRecordsInterviewsInASelfAssessmentNotInAnAudit() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, _, world in
            func add(_ assessment: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/assessments/\(assessment)/evidence/E90", method: .patch,
                    headers: world.headers("member", json: true).merging([.ifMatch: "\"0\""]),
                    body: jsonBody(["kind": "interview", "title": "内部评估访谈", "date": "2026-10-01"]))
            }
            let own = try await add(world.ownSelf)
            #expect(own.status == .ok, "\(own.text)")
            let audit = try await add(world.ownAudit)
            #expect(audit.status == .forbidden)
            #expect(audit.text.contains("auditor"))
        }
    }
}
