import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MaturityStore
import MaturityStoreTesting
import Testing

@testable import MaturityServer

@Suite struct OrganisationRoutesTests {
    @Test(arguments: TestDatabase.allCases)
    func healthzAnswersWithTheDatabaseInUse(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.json["status"] as? String == "ok")
            #expect(response.json["database"] as? String == database.rawValue)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anOrganisationIsCreatedReadAndListed(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let created = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders,
                body: jsonBody(["name": "华东家电服务有限公司", "sites": ["上海", "杭州"]]))
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            let id = try #require(created.json["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/organisations/\(id)")
            let read = try await client.execute(uri: "/api/v1/organisations/\(id)", method: .get)
            #expect(read.status == .ok)
            #expect(read.json["name"] as? String == "华东家电服务有限公司")
            #expect((read.json["sites"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["上海", "杭州"])
            let listed = try await client.execute(uri: "/api/v1/organisations?q=%E5%8D%8E%E4%B8%9C", method: .get)
            let rows = try #require(listed.json["organisations"] as? [[String: Any]])
            #expect(rows.map { $0["id"] as? String } == [id])
            #expect(rows.first?["assessments"] as? Int == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aStaleEditGets412WithTheCurrentValueAndChangesNothing(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let created = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: jsonBody(["name": "A"]))
            let id = try #require(created.json["id"] as? String)
            let first = try await client.execute(
                uri: "/api/v1/organisations/\(id)", method: .patch, headers: ifMatch("\"1\""),
                body: jsonBody(["name": "B"]))
            #expect(first.status == .ok)
            #expect(first.headers[.eTag] == "\"2\"")
            let stale = try await client.execute(
                uri: "/api/v1/organisations/\(id)", method: .patch, headers: ifMatch("\"1\""),
                body: jsonBody(["name": "C"]))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.headers[.eTag] == "\"2\"")
            let error = try #require(stale.json["error"] as? [String: Any])
            let current = try #require(error["current"] as? [String: Any])
            #expect(current["name"] as? String == "B")
            #expect(current["version"] as? Int == 2)
            let read = try await client.execute(uri: "/api/v1/organisations/\(id)", method: .get)
            #expect(read.json["name"] as? String == "B")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anEditWithoutIfMatchIsRefused(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let created = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: jsonBody(["name": "A"]))
            let id = try #require(created.json["id"] as? String)
            let response = try await client.execute(
                uri: "/api/v1/organisations/\(id)", method: .patch, headers: jsonHeaders, body: jsonBody(["name": "B"]))
            #expect(response.status == .preconditionRequired)
            let deleted = try await client.execute(
                uri: "/api/v1/organisations/\(id)", method: .delete, headers: ifMatch("\"1\""))
            #expect(deleted.status == .noContent)
            let gone = try await client.execute(uri: "/api/v1/organisations/\(id)", method: .get)
            #expect(gone.status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func invalidBodiesGet422WithTheFieldLocated(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let empty = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: jsonBody(["name": "  "]))
            #expect(empty.status == .unprocessableContent)
            let problems = (empty.json["error"] as? [String: Any])?["problems"] as? [[String: Any]]
            #expect(problems?.first?["location"] as? String == "$.name")
            let wrongType = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: jsonBody(["name": 5]))
            #expect(wrongType.status == .unprocessableContent)
            let typeProblems = (wrongType.json["error"] as? [String: Any])?["problems"] as? [[String: Any]]
            #expect(typeProblems?.first?["location"] as? String == "$.name")
            #expect(typeProblems?.first?["message"] as? String == "expected a string")
            let notJSON = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: jsonHeaders, body: ByteBuffer(string: "{name"))
            #expect(notJSON.status == .badRequest || notJSON.status == .unprocessableContent)
            let listed = try await client.execute(uri: "/api/v1/organisations", method: .get)
            #expect((listed.json["organisations"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theShippedCatalogIsRecordedAtStart(_ database: TestDatabase) async throws {
        try await database.withServer { client, _ in
            let response = try await client.execute(uri: "/api/v1/catalogs", method: .get)
            let catalogs = try #require(response.json["catalogs"] as? [[String: Any]])
            // Every catalog of Criteria/, each with the files the command line's loader reads from it.
            #expect(
                catalogs.map { $0["catalog_id"] as? String } == [
                    "after-sales-maturity", "gbt27922-after-sales-evaluation",
                ])
            #expect(catalogs.allSatisfy { $0["origin"] as? String == "shipped" })
            #expect((catalogs.first?["files"] as? [Any])?.count == 6)
        }
    }
}

@Suite struct OpenAPITests {
    @Test func everyRouteIsDescribedInTheOpenAPIDocument() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try Self.check(buildRouter(configuration: .init(), store: store))
        }
    }

    static func check(_ router: Router<MaturityRequestContext>) throws {
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        let paths = try #require(document?["paths"] as? [String: [String: Any]])
        // The pages (`/`, `/zh/…`, `/en/…`) are HTML for people, not API.
        for route in router.routes {
            let first = route.path.description.split(separator: "/").first
            if first == nil || first == ":lang" || first == "{lang}" { continue }
            let path = route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            let operations = paths["/" + path]
            #expect(operations?[route.method.rawValue.lowercased()] != nil, "\(route.method) /\(path) is not described")
        }
    }
}
