import Foundation
import Hummingbird
import MaturityStore

/// `/api/v1/organisations`: client organisations with their sites.
struct OrganisationController {
    let store: Store

    struct Input: Decodable {
        var name: String?
        var sites: [String]?
    }

    struct Page: Encodable {
        var organisations: [OrganisationSummary]
        /// Pass as `after_name` and `after_id` for the next page; absent on the last page.
        var next: Cursor?

        /// The page as ``JSONBody`` writes it (see ``DirectJSON``).
        var body: JSONBody {
            guard organisations.allSatisfy({ DirectJSON.plain($0.id) && DirectJSON.plain($0.name) }),
                next.map({ DirectJSON.plain($0.afterId) && DirectJSON.plain($0.afterName) }) ?? true
            else { return JSONBody(self) }
            // Keys sorted, as JSONBody's encoder sorts them.
            var page = DirectJSON.Object()
            if let next {
                var cursor = DirectJSON.Object()
                cursor.string("after_id", next.afterId)
                cursor.string("after_name", next.afterName)
                page.member("next", cursor.closed)
            }
            let rows = organisations.map { organisation in
                var row = DirectJSON.Object()
                row.member("assessments", String(organisation.assessments))
                row.string("id", organisation.id)
                row.string("name", organisation.name)
                row.member("version", String(organisation.version))
                return row.closed
            }
            page.member("organisations", "[" + rows.joined(separator: ",") + "]")
            return JSONBody(raw: Data(page.closed.utf8))
        }
    }

    struct Cursor: Encodable {
        var afterName: String
        var afterId: String

        enum CodingKeys: String, CodingKey {
            case afterName = "after_name"
            case afterId = "after_id"
        }
    }

    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.get(use: list)
        group.post(use: create)
        group.get(":organisation", use: get)
        group.patch(":organisation", use: update)
        group.delete(":organisation", use: delete)
        group.get(":organisation/assessments", use: assessments)
    }

    @Sendable func list(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let limitText = query["limit"].map(String.init)
        let limit =
            try limitText.map { text -> Int in
                guard let value = Int(text), (1...500).contains(value) else {
                    throw APIError(.badRequest, "limit must be a whole number from 1 to 500, found '\(text)'")
                }
                return value
            } ?? 50
        var after: (name: String, id: String)?
        if let name = query["after_name"], let id = query["after_id"] { after = (String(name), String(id)) }
        let search = query["q"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let rows = try await store.organisations.list(search: search, after: after, limit: limit)
        let next = rows.count == limit ? rows.last.map { Cursor(afterName: $0.name, afterId: $0.id) } : nil
        return Page(organisations: rows, next: next).body.response(status: .ok)
    }

    @Sendable func create(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let input = try await request.json(Input.self, context: context)
        let name = try Self.checkName(input.name)
        let created = try await store.organisations.create(name: name, sites: try Self.checkSites(input.sites ?? []))
        var response = JSONBody(created).response(status: .created, etag: ETag.of(created.version))
        response.headers[.location] = "/api/v1/organisations/\(created.id)"
        return response
    }

    @Sendable func get(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let record = try await store.organisations.get(try context.parameters.require("organisation"))
        return JSONBody(record).response(status: .ok, etag: ETag.of(record.version))
    }

    @Sendable func update(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("organisation")
        let expected = try request.expectedVersion()
        let input = try await request.json(Input.self, context: context)
        let current = try await store.organisations.get(id)
        let name = try input.name.map { try Self.checkName($0) } ?? current.name
        let sites = try input.sites.map { try Self.checkSites($0) }
        do {
            let updated = try await store.organisations.update(id, name: name, sites: sites, expectedVersion: expected)
            return JSONBody(updated).response(status: .ok, etag: ETag.of(updated.version))
        } catch StoreError.versionConflict {
            throw try await stale(id)
        }
    }

    @Sendable func delete(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("organisation")
        let expected = try request.expectedVersion()
        do {
            try await store.organisations.delete(id, expectedVersion: expected)
            return Response(status: .noContent)
        } catch StoreError.versionConflict {
            throw try await stale(id)
        }
    }

    @Sendable func assessments(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let id = try context.parameters.require("organisation")
        _ = try await store.organisations.get(id)
        return JSONBody(["assessments": try await store.assessments.list(organisation: id)]).response(status: .ok)
    }

    /// The 412 answer with the organisation as it is now.
    func stale(_ id: String) async throws -> APIError {
        let current = try await store.organisations.get(id)
        return APIError(
            .preconditionFailed, "organisation '\(id)' was changed by someone else; here it is as it is now",
            current: JSONBody(current), headers: [.eTag: ETag.of(current.version)])
    }

    static func checkName(_ name: String?) throws -> String {
        let trimmed = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw APIError(
                .unprocessableContent, "an organisation needs a name",
                problems: [.init(location: "$.name", message: "'name' is required and may not be empty")])
        }
        guard trimmed.count <= 500 else {
            throw APIError(
                .unprocessableContent, "the name is too long",
                problems: [.init(location: "$.name", message: "at most 500 characters, found \(trimmed.count)")])
        }
        return trimmed
    }

    static func checkSites(_ sites: [String]) throws -> [String] {
        var problems: [APIError.Problem] = []
        if sites.count > 1000 { problems.append(.init(location: "$.sites", message: "at most 1000 sites")) }
        for (index, site) in sites.enumerated() where site.count > 500 {
            problems.append(.init(location: "$.sites[\(index)]", message: "at most 500 characters"))
        }
        if !problems.isEmpty { throw APIError(.unprocessableContent, "the sites are not valid", problems: problems) }
        return sites
    }
}
