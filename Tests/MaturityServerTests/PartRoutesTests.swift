import Foundation
import HummingbirdTesting
import MaturityStore
import MaturityStoreTesting
import NIOCore
import Testing

@testable import MaturityServer

func message(_ response: TestResponse) -> String {
    ((response.json["error"] as? [String: Any])?["message"] as? String) ?? ""
}

func currentValue(_ response: TestResponse) -> [String: Any]? {
    (response.json["error"] as? [String: Any])?["current"] as? [String: Any]
}

func imported(_ client: any TestClientProtocol, _ example: String) async throws -> String {
    let created = try await importZip(client, try exampleFolder(example))
    #expect(created.status == .created, "\(created.text)")
    return try #require(created.json["id"] as? String)
}

@Suite struct EvidenceRoutesTests {
    @Test(arguments: TestDatabase.allCases)
    func anEvidenceItemIsAddedWithItsFileEditedWithItsVersionAndCheckedByTheLoader(_ database: TestDatabase)
        async throws
    {
        try await database.withServer { client, _ in
            let id = try await imported(client, "huadong-appliance")
            let base = "/api/v1/assessments/\(id)"
            let bytes = Data("整改记录 2026-10\n".utf8)
            let upload = try await client.execute(
                uri: "\(base)/files?path=evidence/new/record.md", method: .post, body: ByteBuffer(data: bytes))
            #expect(upload.status == .created)
            #expect(upload.json["sha256"] as? String == BlobStore.digest(bytes))
            let added = try await client.execute(
                uri: "\(base)/evidence/E90", method: .patch, headers: ifMatch("\"0\""),
                body: jsonBody([
                    "kind": "record", "title": "整改记录", "date": "2026-10-20", "file": "evidence/new/record.md",
                ]))
            #expect(added.status == .ok, "\(added.text)")
            #expect(added.headers[.eTag] == "\"1\"")
            let again = try await client.execute(
                uri: "\(base)/evidence/E90", method: .patch, headers: ifMatch("\"0\""), body: jsonBody(["title": "x"]))
            #expect(again.status == .preconditionFailed)
            #expect(currentValue(again)?["title"] as? String == "整改记录")
            let unknown = try await client.execute(
                uri: "\(base)/evidence/E90", method: .patch, headers: ifMatch("\"1\""),
                body: jsonBody(["superseded_by": "E999"]))
            #expect(unknown.status == .unprocessableContent)
            #expect(problems(unknown).contains { ($0["message"] as? String)?.contains("E999") == true })
            #expect(problems(unknown).allSatisfy { ($0["location"] as? String)?.hasPrefix("assessment.yaml:") == true })
            let date = try await client.execute(
                uri: "\(base)/evidence/E90", method: .patch, headers: ifMatch("\"1\""),
                body: jsonBody(["date": "2026-13-45"]))
            #expect(date.status == .unprocessableContent)
            let missing = try await client.execute(
                uri: "\(base)/evidence/E90", method: .patch, headers: ifMatch("\"1\""),
                body: jsonBody(["file": "evidence/nowhere.pdf"]))
            #expect(missing.status == .unprocessableContent)
            #expect(problems(missing).contains { ($0["message"] as? String)?.contains("nowhere.pdf") == true })
            let cited = try await client.execute(
                uri: "\(base)/evidence/E01", method: .delete, headers: ifMatch("\"1\""))
            #expect(cited.status == .unprocessableContent, "an item criteria cite cannot go")
            let exported = try await client.execute(uri: "\(base)/export", method: .get)
            let files = try ZipFolder.read(exported.data, limits: .init(fileBytes: 64 << 20))
            #expect(files["evidence/new/record.md"] == bytes)
            #expect(String(decoding: files["assessment.yaml"] ?? Data(), as: UTF8.self).contains("id: E90"))
            // The validity fields of the register survive the rewrite of assessment.yaml.
            #expect(String(decoding: files["assessment.yaml"] ?? Data(), as: UTF8.self).contains("superseded_by: E47"))
            let other = try await client.execute(
                uri: "\(base)/files?path=evidence/new/record.md", method: .post, body: ByteBuffer(string: "other"))
            #expect(other.status == .conflict)
            let traversal = try await client.execute(
                uri: "\(base)/files?path=../../etc/passwd", method: .post, body: ByteBuffer(string: "x"))
            #expect(traversal.status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func findingsAreAddedAndEditedWithVersionsAndTheLoadersWords(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let id = try await imported(client, "huadong-appliance-audit")
            let uri = "/api/v1/assessments/\(id)/findings/F90"
            let added = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch("\"0\""),
                body: jsonBody(["grade": "minor", "criterion": "SP-02", "text": "回访记录不全 <b>", "due": "2027-01-31"]))
            #expect(added.status == .ok, "\(added.text)")
            #expect(added.json["text"] as? String == "回访记录不全 <b>")
            let grade = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch("\"1\""), body: jsonBody(["grade": "huge"]))
            #expect(grade.status == .unprocessableContent)
            #expect(problems(grade).contains { ($0["message"] as? String)?.contains("'huge'") == true })
            let stale = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch("\"0\""), body: jsonBody(["status": "closed"]))
            #expect(stale.status == .preconditionFailed)
            let closed = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch("\"1\""), body: jsonBody(["status": "closed"]))
            #expect(closed.status == .ok)
            #expect(closed.headers[.eTag] == "\"2\"")
            let result = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            #expect(result.text.contains("\"F90\""))
            let removed = try await client.execute(uri: uri, method: .delete, headers: ifMatch("\"2\""))
            #expect(removed.status == .noContent)
            #expect(try await client.execute(uri: uri, method: .get).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func kpiValuesAreTypedOrGatheredFromTheTicketExport(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let id = try await imported(client, "anmai-equipment")
            let base = "/api/v1/assessments/\(id)"
            let listed = try await client.execute(uri: "\(base)/metrics", method: .get)
            let kpis = try #require(listed.json["kpis"] as? [[String: Any]])
            let computed = try #require(kpis.first { $0["source"] as? String == "tickets" }?["kpi"] as? String)
            let typed = try #require(kpis.first { $0["source"] as? String == "metrics" })
            let both = try await client.execute(
                uri: "\(base)/metrics/\(computed)", method: .patch, headers: ifMatch("\"0\""),
                body: jsonBody(["value": 5]))
            #expect(both.status == .unprocessableContent)
            #expect(
                problems(both).contains {
                    ($0["message"] as? String)?.contains("also computed from the ticket export") == true
                })
            let before = try await client.execute(uri: "\(base)/result", method: .get).text
            let kpi = try #require(typed["kpi"] as? String)
            let changed = try await client.execute(
                uri: "\(base)/metrics/\(kpi)", method: .patch, headers: ifMatch("\"\(typed["version"] as? Int ?? 1)\""),
                body: jsonBody(["value": 1]))
            #expect(changed.status == .ok, "\(changed.text)")
            let after = try await client.execute(uri: "\(base)/result", method: .get).text
            #expect(before != after)
            let tickets = try await client.execute(uri: "\(base)/tickets", method: .get)
            #expect(tickets.status == .ok)
            #expect((tickets.json["kpis"] as? [String: Any])?[computed] != nil)
            let notANumber = try await client.execute(
                uri: "\(base)/metrics/\(kpi)", method: .patch, headers: ifMatch("\"2\""),
                body: jsonBody(["value": "high"]))
            #expect(notANumber.status == .unprocessableContent)
        }
    }
}

@Suite struct PlanRoutesTests {
    @Test(arguments: TestDatabase.allCases)
    func aPlanIsMadeByTheEngineAndPeoplesFieldsStayTheirs(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let id = try await imported(client, "huadong-appliance")
            let base = "/api/v1/assessments/\(id)"
            #expect(try await client.execute(uri: "\(base)/plan", method: .get).status == .notFound)
            let made = try await client.execute(uri: "\(base)/plan", method: .post, headers: ifMatch("\"0\""))
            #expect(made.status == .ok, "\(made.text)")
            let plan = try #require(made.json["plan"] as? [String: Any])
            let actions = try #require(plan["actions"] as? [[String: Any]])
            #expect(!actions.isEmpty)
            let result = try await client.execute(uri: "\(base)/result", method: .get)
            let ordinary = Set(
                ((result.json["criteria"] as? [[String: Any]]) ?? []).filter { $0["key"] as? Bool != true }
                    .compactMap { $0["id"] as? String }
            ).subtracting(["MS-08", "MS-10"])  // the catalog's excellent rating requires these: never not applicable
            let action = try #require(actions.first { ordinary.contains($0["criterion"] as? String ?? "") })
            let actionId = try #require(action["id"] as? String)
            let criterion = action["criterion"] as? String
            let stale = try await client.execute(uri: "\(base)/plan", method: .post, headers: ifMatch("\"0\""))
            #expect(stale.status == .preconditionFailed)
            let uri = "\(base)/plan/actions/\(actionId)"
            let edited = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch("\"1\""),
                body: jsonBody([
                    "owner": "王芳", "status": "in_progress", "due": "2027-03-31", "root_cause": "人员流动：新人\n未培训",
                ]))
            #expect(edited.status == .ok, "\(edited.text)")
            #expect(edited.json["owner"] as? String == "王芳")
            #expect(edited.headers[.eTag] == "\"2\"")
            let derived = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch("\"2\""), body: jsonBody(["priority": "P1"]))
            #expect(derived.status == .unprocessableContent)
            #expect(problems(derived).first?["location"] as? String == "$.priority")
            let status = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch("\"2\""), body: jsonBody(["status": "finished"]))
            #expect(status.status == .unprocessableContent)
            #expect(problems(status).first?["location"] as? String == "$.status")
            #expect(problems(status).first?["message"] as? String == "unknown status 'finished'")
            let staleAction = try await client.execute(
                uri: uri, method: .patch, headers: ifMatch("\"1\""), body: jsonBody(["owner": "李雷"]))
            #expect(staleAction.status == .preconditionFailed)
            #expect(currentValue(staleAction)?["owner"] as? String == "王芳")
            // The assessment changes so that the action is no longer produced: regenerating supersedes it,
            // keeps what people wrote, deletes nothing.
            if let criterion {
                let entry = try await client.execute(uri: "\(base)/criteria/\(criterion)", method: .get)
                let na = try await client.execute(
                    uri: "\(base)/criteria/\(criterion)", method: .patch,
                    headers: ifMatch(try #require(entry.headers[.eTag])),
                    body: jsonBody(["na": "本公司不提供该项服务", "claimed": NSNull()]))
                #expect(na.status == .ok, "\(na.text)")
            }
            let version = try #require(try await client.execute(uri: "\(base)/plan", method: .get).headers[.eTag])
            let again = try await client.execute(uri: "\(base)/plan", method: .post, headers: ifMatch(version))
            #expect(again.status == .ok, "\(again.text)")
            let after = try #require((again.json["plan"] as? [String: Any])?["actions"] as? [[String: Any]])
            #expect(after.count >= actions.count, "nothing is deleted")
            let kept = try #require(after.first { $0["id"] as? String == actionId })
            #expect(kept["owner"] as? String == "王芳")
            #expect(kept["root_cause"] as? String == "人员流动：新人\n未培训")
            if criterion != nil { #expect(kept["status"] as? String == "superseded") }
            let csv = try await client.execute(uri: "\(base)/plan?format=csv&lang=zh", method: .get)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.contains("王芳"))
            let exported = try await client.execute(uri: "\(base)/export", method: .get)
            let files = try ZipFolder.read(exported.data, limits: .init(fileBytes: 64 << 20))
            #expect(String(decoding: files["plan.yaml"] ?? Data(), as: UTF8.self).contains("王芳"))
        }
    }
}

@Suite struct ReviewRoutesTests {
    @Test(arguments: TestDatabase.allCases)
    func aReviewAgainstAKeptResultIsTheCommandLinesAndHistoryReadsTheKeptResults(_ database: TestDatabase)
        async throws
    {
        try await database.withServer { client, _ in
            let audit = try await imported(client, "xinghe-hvac/2026-05")
            let surveillance = try await importZip(
                client, try exampleFolder("xinghe-hvac/2026-11"),
                query:
                    "?organisation=\(try #require((try await client.execute(uri: "/api/v1/assessments/\(audit)", method: .get).json["assessment"] as? [String: Any])?["organisation_id"] as? String))"
            )
            let current = try #require(surveillance.json["id"] as? String)
            let organisation = try #require(surveillance.json["organisation_id"] as? String)
            let kept = try await client.execute(uri: "/api/v1/assessments/\(audit)/results", method: .post)
            #expect(kept.status == .created, "\(kept.text)")
            let previous = try #require(kept.json["id"] as? String)
            let review = try await client.execute(
                uri: "/api/v1/assessments/\(current)/review", method: .post, headers: jsonHeaders,
                body: jsonBody(["previous": previous, "plan": current]))
            #expect(review.status == .created, "\(review.text)")
            let recorded = try await client.execute(
                uri: "/api/v1/results/\(try #require(review.json["id"] as? String))", method: .get)
            let exported = try await client.execute(uri: "/api/v1/assessments/\(current)/export", method: .get)
            let folder = try unpackExport(exported.data)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let previousJSON = try await client.execute(uri: "/api/v1/results/\(previous)", method: .get)
            try previousJSON.data.write(to: URL(fileURLWithPath: folder + "/previous.json"))
            let cli = try await runCLI(
                [
                    "review", "assessment.yaml", "--previous", "previous.json", "--plan", "plan.yaml", "--format",
                    "json",
                ],
                in: folder)
            #expect(cli.status == 0)
            #expect(recorded.text == String(decoding: cli.stdout, as: UTF8.self))
            #expect(review.json["decision"] as? String == (recorded.json["decision"] as? String))
            let history = try await client.execute(
                uri: "/api/v1/organisations/\(organisation)/history?format=json", method: .get)
            #expect(history.status == .ok, "\(history.text)")
            #expect(history.text.contains("2026-11-12"))
            let otherOrganisation = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: jsonBody(["name": "别家"]))
            let stranger = try await client.execute(
                uri: "/api/v1/assessments", method: .post, headers: jsonHeaders,
                body: jsonBody([
                    "organisation_id": try #require(otherOrganisation.json["id"] as? String), "kind": "self",
                    "date": "2026-11-01", "catalog": "after-sales-maturity",
                ]))
            #expect(stranger.status == .created, "\(stranger.text)")
            let foreign = try await client.execute(
                uri:
                    "/api/v1/assessments/\(try #require((stranger.json["assessment"] as? [String: Any])?["id"] as? String))/review?previous=\(previous)",
                method: .get)
            #expect(foreign.status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anAuditWorksheetIsMadeFromTheSelfAssessment(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let source = try await imported(client, "huadong-appliance")
            let selfAssessment = try await client.execute(uri: "/api/v1/assessments/\(source)", method: .get)
            let organisation = try #require(
                (selfAssessment.json["assessment"] as? [String: Any])?["organisation_id"] as? String)
            let created = try await client.execute(
                uri: "/api/v1/assessments", method: .post, headers: jsonHeaders,
                body: jsonBody([
                    "organisation_id": organisation, "kind": "audit", "date": "2026-12-01", "auditor": "王海",
                    "from": source,
                ]))
            #expect(created.status == .created, "\(created.text)")
            let criteria = try #require(created.json["criteria"] as? [[String: Any]])
            #expect(criteria.count == (try exampleCriteriaCount("huadong-appliance")))
            #expect(criteria.allSatisfy { $0["audited"] == nil })
            // What `maturity init --kind audit` carries over, the server carries too: the earlier findings, and
            // the evidence register with what supersedes what and until when it is valid.
            let carried = Self.carriedOver(selfAssessment.json)
            #expect(carried.findings.count == 2, "\(carried.findings)")
            #expect(Self.carriedOver(created.json) == carried)
            #expect(carried.evidence.contains("E06 superseded_by E47"))

            // The page form makes the same audit.
            let form = try await client.execute(
                uri: "/en/o/\(organisation)/assessments", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "kind=audit&date=2026-12-01&auditor=%E7%8E%8B%E6%B5%B7&from=\(source)"))
            #expect(form.status == .seeOther, "\(form.text.prefix(300))")
            let location = try #require(form.headers[.location])
            let pageAudit = try await client.execute(
                uri: "/api/v1/assessments/\(try #require(location.split(separator: "/").last))", method: .get)
            #expect((pageAudit.json["assessment"] as? [String: Any])?["kind"] as? String == "audit")
            #expect(Self.carriedOver(pageAudit.json) == carried)
            let id = try #require((created.json["assessment"] as? [String: Any])?["id"] as? String)
            let result = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            #expect(result.text.contains("\"signoff\""), "\(result.text.prefix(300))")
            let wrong = try await client.execute(
                uri: "/api/v1/assessments", method: .post, headers: jsonHeaders,
                body: jsonBody([
                    "organisation_id": organisation, "kind": "audti", "date": "2026-13-01", "catalog": "nope",
                ]))
            #expect(wrong.status == .unprocessableContent)
            #expect(problems(wrong).count == 3)
        }
    }

    /// An assessment's findings and evidence register as comparable lines (ids, grades, texts, statuses; what
    /// supersedes what, valid until).
    static func carriedOver(_ json: [String: Any]) -> (findings: [String], evidence: [String]) {
        let findings = (json["findings"] as? [[String: Any]] ?? []).map { finding in
            ["finding", "criterion", "grade", "status", "clause", "evidence", "due", "text"].map {
                "\(finding[$0] ?? "-")"
            }
            .joined(separator: " ")
        }
        let evidence = (json["evidence"] as? [[String: Any]] ?? []).map { item in
            var line = "\(item["item"] ?? "-")"
            if let by = item["superseded_by"] { line += " superseded_by \(by)" }
            if let until = item["valid_until"] { line += " valid_until \(until)" }
            return line
        }
        return (findings, evidence)
    }
}
