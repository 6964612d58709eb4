import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MaturityStore
import MaturityStoreTesting
import NIOCore
import Testing

@testable import MaturityServer

/// SQL's and HTML's special characters, and text a careless layer mangles, in every text field a person writes
/// through the API and the pages, each signed in with the role that writes it: stored and shown back exactly,
/// on SQLite and PostgreSQL, and searched for literally.
@Suite struct MetacharacterTests {
    static let values = [
        "it's", "say \"hi\"", "x;-- DROP TABLE organisations;", "100%", "a_b", "back\\slash", "' OR '1'='1",
        "emoji 🚀👩‍🔧", "全角ＡＢＣ　１２３；＇＂％＿", "<b>bold</b> & co",
    ]

    /// The NUL character: no text field holds it (PostgreSQL's text cannot); refused, saying so.
    static let nul = "nul\u{0}byte"

    /// A form value as a browser encodes it.
    static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.0)=\(encoded($0.1))" }.joined(separator: "&"))
    }

    /// The auditor of the world is the one named in its own organisation's audit.
    static func assignAuditor(_ store: Store, _ world: AccountsWorld) async throws {
        _ = try await store.assessments.edit(world.ownAudit, newFiles: []) { snapshot, _ in
            var next = snapshot
            next.assessment.auditor = "auditor"
            return (next, ())
        }
    }

    /// A plan of the example imported into the world's own organisation: its id and the first action's id.
    static func planned(_ client: any TestClientProtocol, _ world: AccountsWorld) async throws -> (String, String) {
        let created = try await client.execute(
            uri: "/api/v1/import?organisation=\(world.own)", method: .post,
            headers: world.headers("companyAdmin").merging([.contentType: "application/zip"]),
            body: ByteBuffer(data: try ZipFolder.write(try exampleFolder("huadong-appliance"))))
        let id = try #require(created.json["id"] as? String, "\(created.text)")
        let plan = try await client.execute(
            uri: "/api/v1/assessments/\(id)/plan", method: .post,
            headers: world.headers("companyAdmin").merging([.ifMatch: "\"0\""]))
        #expect(plan.status == .ok, "\(plan.text.prefix(300))")
        let actions = try #require((plan.json["plan"] as? [String: Any])?["actions"] as? [[String: Any]])
        return (id, try #require(actions.first?["id"] as? String))
    }

    @Test(arguments: TestDatabase.allCases)
    func everyTextFieldWrittenThroughTheAPIIsStoredAndShownBackExactly(_ database: TestDatabase) async throws {
        try await database.withAccountsServer { client, store, world in
            try await Self.assignAuditor(store, world)
            let (planned, action) = try await Self.planned(client, world)
            var organisations: [String: String] = [:]
            for (index, value) in Self.values.enumerated() {
                // Organisation name and sites, by the certification body's administrator.
                let name = "O\(index) \(value)"
                let created = try await client.execute(
                    uri: "/api/v1/organisations", method: .post, headers: world.headers("cbAdmin", json: true),
                    body: jsonBody(["name": name, "sites": [value]]))
                #expect(created.status == .created, "\(value): \(created.text)")
                let id = try #require(created.json["id"] as? String)
                organisations[id] = name
                let read = try await client.execute(
                    uri: "/api/v1/organisations/\(id)", method: .get, headers: world.headers("cbAdmin"))
                #expect(read.json["name"] as? String == name)
                #expect((read.json["sites"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == [value])
                let page = try await client.execute(uri: "/en/o/\(id)", method: .get, headers: world.headers("cbAdmin"))
                #expect(page.text.contains(h(name)), "\(value)")

                // A new assessment's assessor and site, by a company member.
                let assessment = try await client.execute(
                    uri: "/api/v1/assessments", method: .post, headers: world.headers("member", json: true),
                    body: jsonBody([
                        "organisation_id": world.own, "catalog": "after-sales-maturity", "kind": "self",
                        "date": "2026-11-20", "assessor": value,
                        "site": value,
                    ]))
                #expect(assessment.status == .created, "\(value): \(assessment.text.prefix(300))")
                let record = assessment.json["assessment"] as? [String: Any]
                #expect(record?["assessor"] as? String == value)
                #expect(record?["site"] as? String == value)

                // A criterion's note and not-applicable reason, by a company member.
                let criterion = "/api/v1/assessments/\(world.ownSelf)/criteria/SP-0\(1 + index % 2)"
                let before = try await client.execute(uri: criterion, method: .get, headers: world.headers("member"))
                let version = before.headers[.eTag] ?? "\"0\""
                let field = index % 2 == 0 ? "note" : "na"
                let saved = try await client.execute(
                    uri: criterion, method: .patch,
                    headers: world.headers("member", json: true).merging([.ifMatch: version]),
                    body: jsonBody([field: value]))
                #expect(saved.status == .ok, "\(field) \(value): \(saved.text.prefix(300))")
                let again = try await client.execute(uri: criterion, method: .get, headers: world.headers("member"))
                #expect(again.json[field] as? String == value, "\(field)")

                // An evidence item's title, by a company member.
                let evidence = "/api/v1/assessments/\(world.ownSelf)/evidence/E\(index + 1)"
                let item = try await client.execute(
                    uri: evidence, method: .patch,
                    headers: world.headers("member", json: true).merging([.ifMatch: "\"0\""]),
                    body: jsonBody(["kind": "record", "title": value, "date": "2026-11-01"]))
                #expect(item.status == .ok, "\(value): \(item.text.prefix(300))")
                let shown = try await client.execute(uri: evidence, method: .get, headers: world.headers("member"))
                #expect(shown.json["title"] as? String == value)
                let kind = try await client.execute(
                    uri: evidence, method: .patch,
                    headers: world.headers("member", json: true).merging([.ifMatch: "\"1\""]),
                    body: jsonBody(["kind": value]))
                // A kind is an id: one word is kept exactly (with a warning quoting it), more are refused quoting it.
                let kept = try await client.execute(uri: evidence, method: .get, headers: world.headers("member"))
                if kind.status == .ok {
                    #expect(kept.json["kind"] as? String == value)
                } else {
                    #expect(kind.status == .unprocessableContent, "kind \(value): \(kind.status)")
                    #expect(
                        problems(kind).contains {
                            $0["message"] as? String == "evidence kind '\(value)' is not a valid id"
                        })
                    #expect(kept.json["kind"] as? String == "record")
                }

                // A finding's text, by the audit's auditor.
                let finding = "/api/v1/assessments/\(world.ownAudit)/findings/F\(index + 1)"
                let written = try await client.execute(
                    uri: finding, method: .patch,
                    headers: world.headers("auditor", json: true).merging([.ifMatch: "\"0\""]),
                    body: jsonBody(["grade": "minor", "criterion": "SP-01", "text": value]))
                #expect(written.status == .ok, "\(value): \(written.text.prefix(300))")
                let found = try await client.execute(uri: finding, method: .get, headers: world.headers("auditor"))
                #expect(found.json["text"] as? String == value)

                // A plan action's people's fields, by the company admin.
                let uri = "/api/v1/assessments/\(planned)/plan/actions/\(action)"
                let current = try await client.execute(uri: uri, method: .get, headers: world.headers("companyAdmin"))
                let edited = try await client.execute(
                    uri: uri, method: .patch,
                    headers: world.headers("companyAdmin", json: true).merging([.ifMatch: current.headers[.eTag] ?? ""]
                    ),
                    body: jsonBody(["owner": value, "root_cause": value, "progress": value]))
                #expect(edited.status == .ok, "\(value): \(edited.text.prefix(300))")
                let after = try await client.execute(uri: uri, method: .get, headers: world.headers("companyAdmin"))
                #expect(after.json["owner"] as? String == value)
                #expect(after.json["root_cause"] as? String == value)
                #expect(after.json["progress"] as? String == value)

                // A user's display name (set by `maturity users add --display-name`), shown on their home page.
                let user = try await store.users.create(
                    name: "user\(index)", displayName: value, language: "en", passwordHash: testPasswordHash,
                    roles: [RoleAssignment(role: .companyMember, organisationId: world.own)])
                #expect(try await store.users.named("user\(index)").displayName == value)
                let session = try await AccountsWorld.session(for: user, in: store)
                let home = try await client.execute(
                    uri: "/en/", method: .get, headers: [.cookie: "\(Accounts.sessionCookie)=\(session.cookie)"])
                #expect(home.text.contains(h(value)), "\(value)")
            }

            // Searching organisations takes `%`, `_` and `\` literally, and `' OR '1'='1` as text.
            for (query, expected) in [
                ("%", "100%"), ("_", "a_b"), ("\\", "back\\slash"), ("' OR '1'='1", "' OR '1'='1"),
            ] {
                let response = try await client.execute(
                    uri: "/api/v1/organisations?q=\(Self.encoded(query))&limit=500", method: .get,
                    headers: world.headers("cbAdmin"))
                let names = ((response.json["organisations"] as? [[String: Any]]) ?? []).compactMap {
                    $0["name"] as? String
                }
                let wanted = organisations.values.filter { $0.contains(query) }.sorted()
                #expect(names.sorted() == wanted, "q=\(query)")
                #expect(names.contains { $0.hasSuffix(expected) }, "q=\(query)")
                let page = try await client.execute(
                    uri: "/en/?q=\(Self.encoded(query))", method: .get, headers: world.headers("cbAdmin"))
                for (_, name) in organisations {
                    #expect(page.text.contains(h(name)) == name.contains(query), "page q=\(query): \(name)")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func everyTextFieldWrittenThroughThePagesIsStoredAndShownBackExactly(_ database: TestDatabase) async throws {
        try await database.withAccountsServer { client, store, world in
            try await Self.assignAuditor(store, world)
            let (planned, action) = try await Self.planned(client, world)
            for (index, value) in Self.values.enumerated() {
                func post(_ role: String, _ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
                    try await client.execute(
                        uri: path, method: .post,
                        headers: world.formHeaders(role, type: "application/x-www-form-urlencoded"),
                        body: Self.form([("_csrf", world.csrf(role))] + fields))
                }
                let name = "P\(index) \(value)"
                let organisation = try await post("cbAdmin", "/en/organisations", [("name", name), ("site", value)])
                #expect(organisation.status == .seeOther, "\(value): \(organisation.text.prefix(300))")
                let id = String((organisation.headers[.location] ?? "").split(separator: "/").last ?? "")
                let stored = try await store.organisations.get(id)
                #expect(stored.name == name)
                #expect(stored.sites.map(\.name) == [value])

                let current = try await store.assessments.get(world.ownSelf).criterion("SP-03")
                let saved = try await post(
                    "member", "/en/a/\(world.ownSelf)/c/SP-03",
                    [("version", "\(current?.version ?? 0)"), ("note", value), ("na", value)])
                #expect(saved.status == .seeOther, "\(value): \(saved.text.prefix(300))")
                let entry = try await store.assessments.get(world.ownSelf).criterion("SP-03")
                #expect(entry?.note == value)
                #expect(entry?.na == value)
                let page = try await client.execute(
                    uri: "/en/a/\(world.ownSelf)/c/SP-03", method: .get, headers: world.headers("member"))
                #expect(page.text.contains(h(value)))

                var evidence = Multipart(csrf: world.csrf("member"))
                evidence.field("kind", "record")
                evidence.field("title", value)
                evidence.field("date", "2026-11-01")
                let added = try await client.execute(
                    uri: "/en/a/\(world.ownSelf)/evidence", method: .post, headers: world.formHeaders("member"),
                    body: evidence.buffer)
                #expect(added.status == .seeOther, "\(value): \(added.text.prefix(300))")
                #expect(try await store.assessments.get(world.ownSelf).evidence.contains { $0.title == value })

                let finding = try await post(
                    "auditor", "/en/a/\(world.ownAudit)/findings",
                    [("version", "0"), ("grade", "minor"), ("criterion", "SP-01"), ("status", "open"), ("text", value)])
                #expect(finding.status == .seeOther, "\(value): \(finding.text.prefix(300))")
                #expect(try await store.assessments.get(world.ownAudit).findings.contains { $0.text == value })

                let uri = "/api/v1/assessments/\(planned)/plan/actions/\(action)"
                let before = try await client.execute(uri: uri, method: .get, headers: world.headers("companyAdmin"))
                let version = (before.headers[.eTag] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                let edited = try await post(
                    "companyAdmin", "/en/a/\(planned)/plan/\(action)",
                    [("version", version), ("owner", value), ("status", "open"), ("measures", value)])
                #expect(edited.status == .seeOther, "\(value): \(edited.text.prefix(300))")
                let after = try await client.execute(uri: uri, method: .get, headers: world.headers("companyAdmin"))
                #expect(after.json["owner"] as? String == value)
                #expect(after.json["measures"] as? String == value)
                let plan = try await client.execute(
                    uri: "/en/a/\(planned)/plan", method: .get, headers: world.headers("companyAdmin"))
                #expect(plan.text.contains(h(value)))
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theNULCharacterIsRefusedWithAClearMessageAndNothingStored(_ database: TestDatabase) async throws {
        try await database.withAccountsServer { client, store, world in
            let organisations = try await store.organisations.list(limit: 500).count
            let api = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: world.headers("cbAdmin", json: true),
                body: jsonBody(["name": Self.nul]))
            #expect(api.status == .unprocessableContent, "\(api.text)")
            #expect(api.text.contains("NUL"))
            let note = try await client.execute(
                uri: "/api/v1/assessments/\(world.ownSelf)/criteria/SP-01", method: .patch,
                headers: world.headers("member", json: true).merging([.ifMatch: "\"0\""]),
                body: jsonBody(["note": Self.nul]))
            #expect(note.status == .unprocessableContent, "\(note.text)")
            let page = try await client.execute(
                uri: "/en/organisations", method: .post,
                headers: world.formHeaders("cbAdmin", type: "application/x-www-form-urlencoded"),
                body: Self.form([("_csrf", world.csrf("cbAdmin")), ("name", Self.nul)]))
            #expect(page.status == .unprocessableContent, "\(page.text.prefix(300))")
            #expect(page.text.contains("NUL"))
            #expect(try await store.organisations.list(limit: 500).count == organisations)
            // A search for it finds nothing, as a search for any text no name holds.
            for uri in ["/api/v1/organisations?q=%00", "/en/?q=%00"] {
                let search = try await client.execute(uri: uri, method: .get, headers: world.headers("cbAdmin"))
                #expect(search.status == .ok, "\(uri): \(search.status) \(search.text.prefix(300))")
            }
            let none = try await client.execute(
                uri: "/api/v1/organisations?q=%00", method: .get, headers: world.headers("cbAdmin"))
            #expect((none.json["organisations"] as? [Any])?.isEmpty == true)
            #expect(try await store.assessments.get(world.ownSelf).criterion("SP-01") == nil)
        }
    }
}
