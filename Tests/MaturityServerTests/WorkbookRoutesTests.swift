import Foundation
import HTTPTypes
import HummingbirdTesting
import MaturityCore
import MaturityReports
import MaturitySheets
import MaturityStore
import MaturityStoreTesting
import NIOCore
import Testing

@testable import MaturityServer

/// Workbooks (xlsx) in and out of the server: each download is byte for byte what the command line writes for
/// the exported folder, and an uploaded worksheet is read as `maturity import` reads it.
@Suite struct WorkbookRoutesTests {
    static let xlsx: HTTPFields = [.contentType: WorkbookController.contentType]

    /// The bytes `arguments` write to `file` in `folder` (the command line run there).
    static func written(_ arguments: [String], file: String, in folder: String) async throws -> Data {
        let run = try await runCLI(arguments, in: folder)
        #expect(run.status == 0, "maturity \(arguments.joined(separator: " ")) failed")
        return try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
    }

    static func download(_ client: any TestClientProtocol, _ id: String, sheet: String, lang: String) async throws
        -> TestResponse
    {
        try await client.execute(
            uri: "/api/v1/assessments/\(id)/export?format=xlsx&sheet=\(sheet)&lang=\(lang)", method: .get)
    }

    @Test(arguments: ["zh", "en"])
    func theResultAndPlanWorkbooksAreTheCommandLinesForTheExportedFolder(lang: String) async throws {
        try await TestDatabase.sqlite.withServer { client, _ in
            let created = try await importZip(client, try exampleFolder("huadong-appliance"))
            let id = try #require(created.json["id"] as? String)
            let plan = try await client.execute(
                uri: "/api/v1/assessments/\(id)/plan", method: .post, headers: ifMatch("\"0\""))
            #expect(plan.status == .ok)
            let result = try await Self.download(client, id, sheet: "result", lang: lang)
            #expect(result.status == .ok)
            #expect(result.headers[.contentType] == WorkbookController.contentType)
            #expect(result.headers[.contentDisposition] == "attachment; filename=\"result.xlsx\"")
            let planBook = try await Self.download(client, id, sheet: "plan", lang: lang)
            #expect(planBook.status == .ok)
            let exported = try await client.execute(uri: "/api/v1/assessments/\(id)/export", method: .get)
            let folder = try unpackExport(exported.data)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let cliResult = try await Self.written(
                ["assess", "assessment.yaml", "--format", "xlsx", "--output", "r.xlsx", "--lang", lang], file: "r.xlsx",
                in: folder)
            #expect(result.data == cliResult)
            let cliPlan = try await Self.written(
                [
                    "plan", "plan.yaml", "--format", "xlsx", "--output", "p.xlsx", "--lang", lang, "--catalog",
                    "Criteria/after-sales-maturity",
                ], file: "p.xlsx", in: folder)
            #expect(planBook.data == cliPlan)
            // A worksheet is a self-assessment's form; this one has no checklist.
            let checklist = try await Self.download(client, id, sheet: "checklist", lang: lang)
            #expect(checklist.status == .badRequest)
            let unknown = try await Self.download(client, id, sheet: "everything", lang: lang)
            #expect(unknown.status == .badRequest)
        }
    }

    @Test func theWorksheetAndChecklistAreWhatInitWrites() async throws {
        try await TestDatabase.sqlite.withServer { client, _ in
            // A new, empty self-assessment: its worksheet is `maturity init --format xlsx` with the same header.
            let organisation = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: jsonBody(["name": "东方家电服务"]))
            let organisationId = try #require(organisation.json["id"] as? String)
            let blank = try await client.execute(
                uri: "/api/v1/assessments", method: .post, headers: jsonHeaders,
                body: jsonBody([
                    "organisation_id": organisationId, "kind": "self", "date": "2026-11-01",
                    "catalog": "after-sales-maturity", "assessor": "周敏",
                ]))
            let blankId = try #require((blank.json["assessment"] as? [String: Any])?["id"] as? String)
            let worksheet = try await Self.download(client, blankId, sheet: "worksheet", lang: "zh")
            #expect(worksheet.status == .ok)
            let exported = try await client.execute(uri: "/api/v1/assessments/\(blankId)/export", method: .get)
            let folder = try unpackExport(exported.data)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let cliWorksheet = try await Self.written(
                [
                    "init", "--format", "xlsx", "--organisation", "东方家电服务", "--date", "2026-11-01", "--assessor", "周敏",
                    "--lang", "zh", "--output", "w",
                ], file: "w/worksheet.xlsx", in: folder)
            #expect(worksheet.data == cliWorksheet)

            // An audit made from a self-assessment: its checklist is `init --kind audit --format xlsx` from the
            // self-assessment's exported folder — claims, evidence register and earlier findings carried over alike.
            let created = try await importZip(client, try exampleFolder("huadong-appliance"))
            let selfId = try #require(created.json["id"] as? String)
            let audit = try await client.execute(
                uri: "/api/v1/assessments", method: .post, headers: jsonHeaders,
                body: jsonBody([
                    "organisation_id": try #require(created.json["organisation_id"] as? String), "kind": "audit",
                    "date": "2026-11-20", "from": selfId, "auditor": "王海",
                ]))
            let auditId = try #require((audit.json["assessment"] as? [String: Any])?["id"] as? String)
            let checklist = try await Self.download(client, auditId, sheet: "checklist", lang: "en")
            #expect(checklist.status == .ok)
            let selfExport = try await client.execute(uri: "/api/v1/assessments/\(selfId)/export", method: .get)
            let selfFolder = try unpackExport(selfExport.data)
            defer { try? FileManager.default.removeItem(atPath: selfFolder) }
            let cliChecklist = try await Self.written(
                [
                    "init", "--kind", "audit", "--from", "assessment.yaml", "--format", "xlsx", "--date", "2026-11-20",
                    "--auditor", "王海", "--lang", "en", "--output", "audit",
                ], file: "audit/checklist.xlsx", in: selfFolder)
            #expect(checklist.data == cliChecklist)
            let noWorksheet = try await Self.download(client, auditId, sheet: "worksheet", lang: "en")
            #expect(noWorksheet.status == .badRequest)
        }
    }

    /// A worksheet as the tool writes it, with `change` made to the assessment first (a level out of the scale).
    static func worksheet(language: Language, change: (inout Assessment) -> Void) throws -> Data {
        let engine = Engine(files: DiskFiles())
        let catalog = try engine.loadCatalog(InputPath(criteriaFolder + "/after-sales-maturity")).value
        var assessment = Assessment(
            catalogId: catalog.id, catalogVersion: catalog.version, organisation: Organisation(name: "东方家电服务"),
            date: Day(iso: "2026-11-01")!, assessor: "周敏")
        change(&assessment)
        return AssessmentWorkbook(catalog: catalog, assessment: assessment, form: .worksheet, language: language).data()
    }

    @Test func aFilledWorksheetBecomesANewAssessmentScoredAsTheCommandLineImportsIt() async throws {
        try await TestDatabase.sqlite.withServer { client, _ in
            let organisation = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: jsonBody(["name": "东方家电服务"]))
            let organisationId = try #require(organisation.json["id"] as? String)
            let data = try Self.worksheet(language: .en) { assessment in
                assessment.criteria["SP-01"] = CriterionEntry(claimed: 1)
                assessment.criteria["SP-02"] = CriterionEntry(claimed: 0)
            }
            let uploaded = try await client.execute(
                uri: "/api/v1/import/worksheet?organisation=\(organisationId)", method: .post, headers: Self.xlsx,
                body: ByteBuffer(data: data))
            #expect(uploaded.status == .created, "\(uploaded.text)")
            let id = try #require(uploaded.json["id"] as? String)
            // The command line imports the same file into a folder; both score alike.
            let folder = NSTemporaryDirectory() + "maturity-worksheet-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder + "/Criteria", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try FileManager.default.copyItem(
                atPath: criteriaFolder + "/after-sales-maturity", toPath: folder + "/Criteria/after-sales-maturity")
            try data.write(to: URL(fileURLWithPath: folder + "/worksheet.xlsx"))
            #expect(try await runCLI(["import", "worksheet.xlsx", "--output", "."], in: folder).status == 0)
            let cli = try await runCLI(["assess", "assessment.yaml", "--format", "json"], in: folder)
            let result = try await client.execute(uri: "/api/v1/assessments/\(id)/result", method: .get)
            let served = try #require(try JSONSerialization.jsonObject(with: result.data) as? [String: Any])
            let expected = try #require(try JSONSerialization.jsonObject(with: cli.stdout) as? [String: Any])
            #expect(served["rating"] as? String == expected["rating"] as? String)
            #expect(
                (served["criteria"] as? [[String: Any]])?.map { "\($0["id"] ?? "")=\($0["level"] ?? "")" }
                    == (expected["criteria"] as? [[String: Any]])?.map { "\($0["id"] ?? "")=\($0["level"] ?? "")" })
        }
    }

    @Test(arguments: [Language.zh, .en])
    func aWorksheetWithAnErrorStoresNothingAndSaysWhichCell(language: Language) async throws {
        try await TestDatabase.sqlite.withServer { client, _ in
            let organisation = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: jsonBody(["name": "东方家电服务"]))
            let organisationId = try #require(organisation.json["id"] as? String)
            let data = try Self.worksheet(language: language) { assessment in
                assessment.criteria["SP-02"] = CriterionEntry(claimed: 7)
            }
            let uploaded = try await client.execute(
                uri: "/api/v1/import/worksheet?organisation=\(organisationId)&lang=\(language.rawValue)", method: .post,
                headers: Self.xlsx, body: ByteBuffer(data: data))
            #expect(uploaded.status == .unprocessableContent)
            // The problems `maturity import` finds, at the same cells, in the language asked for.
            let engine = Engine(files: DiskFiles())
            let catalog = try engine.loadCatalog(InputPath(criteriaFolder + "/after-sales-maturity")).value
            let workbook = try XLSXReader.read(data, file: "worksheet.xlsx", sheets: WorksheetImport.reads)
            let error = #expect(throws: DiagnosticError.self) {
                try WorksheetImport.read(workbook, catalog: catalog, folder: "/nowhere", files: MemoryFiles([:]))
            }
            let expected = (error?.diagnostics ?? []).map {
                "\($0.location?.description ?? "") \($0.message(in: language))"
            }
            let got = problems(uploaded).map { "\($0["location"] as? String ?? "") \($0["message"] as? String ?? "")" }
            #expect(!expected.isEmpty)
            #expect(got == expected)
            #expect(got.first?.hasPrefix("worksheet.xlsx!") == true, "\(got)")
            let listed = try await client.execute(
                uri: "/api/v1/organisations/\(organisationId)/assessments", method: .get)
            #expect((listed.json["assessments"] as? [Any])?.isEmpty == true, "nothing was stored")
        }
    }

    @Test func theDownloadsPageOffersTheWorkbooksAndTheHomePageTheUpload() async throws {
        try await TestDatabase.sqlite.withServer { client, _ in
            let created = try await importZip(client, try exampleFolder("huadong-appliance"))
            let id = try #require(created.json["id"] as? String)
            let page = try await client.execute(uri: "/zh/a/\(id)/downloads", method: .get)
            #expect(page.text.contains("export?format=xlsx&amp;lang=zh&amp;sheet=worksheet"))
            #expect(page.text.contains("export?format=xlsx&amp;lang=zh&amp;sheet=result"))
            let home = try await client.execute(uri: "/en/", method: .get)
            #expect(home.text.contains("action=\"/en/import/worksheet\""))
        }
    }
}
