import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MaturityStore
import MaturityStoreTesting
import Testing

@testable import MaturityServer

/// Signing in and out, sessions, CSRF, API tokens, and the attacks the issue lists: each test states what was
/// tried and expects it to be refused.
@Suite struct AccountsRoutesTests {
    /// The login page's own token and cookie, as a browser would hold them.
    static func loginForm(_ client: any TestClientProtocol) async throws -> (token: String, cookie: String) {
        let page = try await client.execute(uri: "/en/login", method: .get)
        let text = page.text
        let marker = "name=\"_login\" value=\""
        let start = try #require(text.range(of: marker)).upperBound
        let token = String(text[start...].prefix { $0 != "\"" })
        let cookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix(Accounts.loginCookie) })
        return (token, String(cookie.split(separator: ";")[0]))
    }

    static func signIn(
        _ client: any TestClientProtocol, name: String, password: String, cookies: [String] = []
    ) async throws -> TestResponse {
        let form = try await loginForm(client)
        let body =
            "_login=\(form.token)&name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            + "&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try await client.execute(
            uri: "/en/login", method: .post,
            headers: [
                .contentType: "application/x-www-form-urlencoded",
                .cookie: ([form.cookie] + cookies).joined(separator: "; "),
            ], body: ByteBuffer(string: body))
    }

    static func sessionCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix(Accounts.sessionCookie + "=") }
    }

    @Test func signingInStartsANewStrictHttpOnlySessionAndAFixedIdNeverBecomesSignedIn() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, store, _ in
            // Session fixation: the attacker plants a session id of their choosing before the victim signs in.
            let planted = "planted-session-id-0123456789"
            let response = try await Self.signIn(
                client, name: "member", password: testPassword, cookies: ["\(Accounts.sessionCookie)=\(planted)"])
            #expect(response.status == .seeOther)
            let cookie = try #require(Self.sessionCookie(response))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))  // plain HTTP on loopback; --behind-proxy adds it
            let value = String(cookie.split(separator: ";")[0].dropFirst(Accounts.sessionCookie.count + 1))
            #expect(value != planted && value.count >= 40)
            let planted404 = try await client.execute(
                uri: "/en/", method: .get, headers: [.cookie: "\(Accounts.sessionCookie)=\(planted)"])
            #expect(planted404.asksToSignIn)
            let home = try await client.execute(
                uri: "/en/", method: .get, headers: [.cookie: "\(Accounts.sessionCookie)=\(value)"])
            #expect(home.status == .ok)
            #expect(home.text.contains("Own Co"))
            #expect(try await store.audit.records(kind: "user", id: "member").map(\.action) == ["login"])
        }
    }

    @Test func aWrongPasswordAndAnUnknownNameGetTheSameWordsAndRepeatedFailuresBlockEvenTheRightPassword()
        async throws
    {
        try await TestDatabase.sqlite.withAccountsServer { client, store, _ in
            let unknown = try await Self.signIn(client, name: "nobody", password: "whatever-it-is")
            let wrong = try await Self.signIn(client, name: "member", password: "not the password")
            for response in [unknown, wrong] {
                #expect(response.status == .ok)
                #expect(response.text.contains("Name or password is wrong."))
                #expect(Self.sessionCookie(response) == nil)
            }
            // SQL metacharacters in the name are a name like any other.
            let injected = try await Self.signIn(client, name: "member' OR '1'='1", password: "' OR '1'='1")
            #expect(injected.text.contains("Name or password is wrong."))
            _ = try await Self.signIn(client, name: "member", password: "still wrong")
            _ = try await Self.signIn(client, name: "member", password: "wrong again")
            // Three failures for 'member' within the window: now even the right password is refused, alike.
            let blocked = try await Self.signIn(client, name: "member", password: testPassword)
            #expect(blocked.text.contains("Name or password is wrong."))
            #expect(Self.sessionCookie(blocked) == nil)
            let failed = try await store.audit.records(kind: "user", id: "member").map(\.action)
            #expect(failed == Array(repeating: "login-failed", count: 4))
        }
    }

    @Test func aCookieReplayedAfterSignOutOrAPasswordChangeIsNobody() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, store, world in
            let session = try #require(world.sessions["member"])
            let headers = world.headers("member")
            #expect(try await client.execute(uri: "/en/", method: .get, headers: headers).status == .ok)
            let out = try await client.execute(
                uri: "/en/logout", method: .post,
                headers: headers.merging([.contentType: "application/x-www-form-urlencoded"]),
                body: ByteBuffer(string: "_csrf=\(session.csrf)"))
            #expect(out.status == .seeOther)
            #expect(Self.sessionCookie(out)?.contains("Max-Age=0") == true)
            // The stolen cookie, replayed: nobody.
            #expect(try await client.execute(uri: "/en/", method: .get, headers: headers).asksToSignIn)
            let api = try await client.execute(
                uri: "/api/v1/assessments/\(world.ownSelf)", method: .get, headers: headers)
            #expect(api.status == .unauthorized)
            // A password change ends every other session too.
            let admin = try #require(world.users["companyAdmin"])
            #expect(
                try await client.execute(uri: "/en/", method: .get, headers: world.headers("companyAdmin")).status
                    == .ok)
            try await store.users.setPassword(admin.id, hash: testPasswordHash)
            #expect(
                try await client.execute(uri: "/en/", method: .get, headers: world.headers("companyAdmin"))
                    .asksToSignIn)
        }
    }

    @Test func aFormPostWithoutTheSessionsTokenOrFromAnotherSiteIsRefused() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, _, world in
            let session = try #require(world.sessions["member"])
            let cookie: HTTPFields = [
                .cookie: "\(Accounts.sessionCookie)=\(session.cookie)",
                .contentType: "application/x-www-form-urlencoded",
            ]
            let uri = "/en/a/\(world.ownSelf)/kpis"
            let none = try await client.execute(
                uri: uri, method: .post, headers: cookie, body: ByteBuffer(string: "kpi=x&value=1"))
            #expect(none.status == .forbidden)
            #expect(none.text.contains("security token"))
            let forged = try await client.execute(
                uri: uri, method: .post, headers: cookie, body: ByteBuffer(string: "_csrf=guess&kpi=x&value=1"))
            #expect(forged.status == .forbidden)
            var crossSite = cookie
            crossSite[HTTPField.Name("Origin")!] = "https://evil.example"
            let fromElsewhere = try await client.execute(
                uri: uri, method: .post, headers: crossSite,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&kpi=x&value=1"))
            #expect(fromElsewhere.status == .forbidden)
            // The API with the session cookie needs the token as a header.
            let api = try await client.execute(
                uri: "/api/v1/assessments/\(world.ownSelf)/results", method: .post, headers: cookie)
            #expect(api.status == .forbidden)
            // Every form of every page carries the token as its first field.
            let page = try await client.execute(uri: "/en/a/\(world.ownSelf)/evidence", method: .get, headers: cookie)
            let forms = page.text.components(separatedBy: "<form method=\"post\"").dropFirst()
            #expect(!forms.isEmpty)
            for form in forms {
                #expect(form.contains(">" + "<input type=\"hidden\" name=\"_csrf\" value=\"\(session.csrf)\">"))
            }
        }
    }

    @Test func anAPITokenWorksUntilRevokedAndIsStoredOnlyAsItsHash() async throws {
        try await TestDatabase.postgres.withAccountsServer { client, store, world in
            let user = try #require(world.users["cbAdmin"])
            let token = "mt_" + Secrets.random()
            _ = try await store.tokens.create(user: user.id, name: "ci", tokenHash: Secrets.sha256(token))
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            #expect(try await client.execute(uri: "/api/v1/organisations", method: .get, headers: bearer).status == .ok)
            // No CSRF token is needed with a bearer token: browsers never send one by themselves.
            let kept = try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: bearer.merging(jsonHeaders),
                body: jsonBody(["name": "Token Co"]))
            #expect(kept.status == .created)
            #expect(try await store.audit.records(kind: "organisations").last?.actor == "cbAdmin")
            #expect(try await store.audit.records(kind: "organisations").last?.via.hasPrefix("token ") == true)
            #expect(try await store.tokens.revoke(user: user.id, name: "ci"))
            let revoked = try await client.execute(uri: "/api/v1/organisations", method: .get, headers: bearer)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.headers[.wwwAuthenticate] == "Bearer")
            let stored = try await store.database.read { sql in
                try await sql.raw("SELECT token_hash FROM api_tokens").all().map {
                    try $0.decode(column: "token_hash", as: String.self)
                }
            }
            #expect(stored == [Secrets.sha256(token)])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func editingAFormFieldDoesNotLendAnotherRolesRights(_ database: TestDatabase) async throws {
        try await database.withAccountsServer { client, store, world in
            let criterion = "/api/v1/assessments/\(world.ownAudit)/criteria/SP-02"
            func patch(_ role: String, _ fields: [String: Any]) async throws -> TestResponse {
                var headers = world.headers(role, json: true)
                headers[.ifMatch] = "\"0\""
                return try await client.execute(
                    uri: criterion, method: .patch, headers: headers, body: jsonBody(fields))
            }
            // An auditor posting what the company claimed.
            let auditorClaims = try await patch("auditor", ["claimed": 5])
            #expect(auditorClaims.status == .forbidden)
            #expect(auditorClaims.text.contains("what the company claimed for 'SP-02'"))
            // A company member setting the audited level.
            let memberAudits = try await patch("member", ["audited": 5])
            #expect(memberAudits.status == .forbidden)
            #expect(memberAudits.text.contains("the audited level of 'SP-02'"))
            // Each their own part: accepted.
            #expect(try await patch("member", ["claimed": 2]).status == .ok)
            let snapshot = try await store.assessments.get(world.ownAudit)
            var headers = world.headers("auditor", json: true)
            headers[.ifMatch] = "\"\(snapshot.criterion("SP-02")?.version ?? 0)\""
            let audited = try await client.execute(
                uri: criterion, method: .patch, headers: headers, body: jsonBody(["audited": 1]))
            #expect(audited.status == .ok)
            // A member naming another organisation in a body: as if it did not exist.
            let elsewhere = try await client.execute(
                uri: "/api/v1/assessments", method: .post, headers: world.headers("member", json: true),
                body: jsonBody([
                    "organisation_id": world.other, "kind": "self", "date": "2026-11-01",
                    "catalog": "after-sales-maturity",
                ]))
            #expect(elsewhere.status == .notFound)
            // A finding is the auditor's.
            let finding = try await client.execute(
                uri: "/api/v1/assessments/\(world.ownAudit)/findings/F1", method: .patch,
                headers: world.headers("member", json: true).merging([.ifMatch: "\"0\""]),
                body: jsonBody(["grade": "minor", "text": "x", "status": "open"]))
            #expect(finding.status == .forbidden)
            // The trail says who changed what.
            let records = try await store.audit.records(kind: "criterion_entries", id: world.ownAudit)
            #expect(records.map(\.actor) == ["member", "auditor"])
        }
    }

    @Test func aCompanyMemberChangesOnlyThePlanActionsTheyOwn() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, _, world in
            let base = "/api/v1/assessments/\(world.ownSelf)/plan"
            let made = try await client.execute(
                uri: base, method: .post, headers: world.headers("member", json: true).merging([.ifMatch: "\"0\""]))
            #expect(made.status == .ok, "\(made.text)")
            let actions = try #require((made.json["plan"] as? [String: Any])?["actions"] as? [[String: Any]])
            let first = try #require(actions.first?["id"] as? String)
            func patch(_ role: String, _ owner: String, version: Int) async throws -> TestResponse {
                try await client.execute(
                    uri: "\(base)/actions/\(first)", method: .patch,
                    headers: world.headers(role, json: true).merging([.ifMatch: "\"\(version)\""]),
                    body: jsonBody(["owner": owner]))
            }
            // Unowned: the member takes it; then the admin gives it to someone else.
            #expect(try await patch("member", "member", version: 1).status == .ok)
            #expect(try await patch("companyAdmin", "王芳", version: 2).status == .ok)
            let refused = try await patch("member", "member", version: 3)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("is owned by '王芳'"))
        }
    }

    @Test func guessedIdsOfAnotherOrganisationAreNotFoundExactlyLikeIdsThatDoNotExist() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, _, world in
            let headers = world.headers("member")
            let theirs = try await client.execute(
                uri: "/api/v1/assessments/\(world.otherSelf)", method: .get, headers: headers)
            let none = try await client.execute(
                uri: "/api/v1/assessments/00000000-0000-0000-0000-000000000000", method: .get, headers: headers)
            #expect(theirs.status == .notFound)
            #expect(none.status == .notFound)
            #expect(
                theirs.text.replacingOccurrences(of: world.otherSelf, with: "ID")
                    == none.text.replacingOccurrences(of: "00000000-0000-0000-0000-000000000000", with: "ID"))
            // The auditor of the organisation's audits sees its page with the audit only.
            let auditorPage = try await client.execute(
                uri: "/en/o/\(world.own)", method: .get, headers: world.headers("auditor"))
            #expect(auditorPage.status == .ok)
            #expect(auditorPage.text.contains("/en/a/\(world.ownAudit)"))
            #expect(!auditorPage.text.contains("/en/a/\(world.ownSelf)"))
            let page = try await client.execute(uri: "/en/o/\(world.other)", method: .get, headers: headers)
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test func aReviewerWhoWasOnTheAuditTeamCannotReviewIt() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, store, world in
            let reviewer = try await store.users.create(
                name: "zheng", displayName: "郑雅琴", language: "zh", passwordHash: testPasswordHash,
                roles: [RoleAssignment(role: .reviewer)])
            var session = world
            session.sessions["zheng"] = try await AccountsWorld.session(for: reviewer, in: store)
            let response = try await client.execute(
                uri: "/api/v1/assessments/\(world.ownAudit)/review", method: .post,
                headers: session.headers("zheng", json: true), body: jsonBody(["previous": "x"]))
            #expect(response.status == .forbidden)
            #expect(response.text.contains("impartiality"))
            let other = try await client.execute(
                uri: "/api/v1/assessments/\(world.ownAudit)/review", method: .post,
                headers: world.headers("reviewer", json: true), body: jsonBody(["previous": "x"]))
            #expect(other.status != .forbidden)
        }
    }

    @Test func aDownloadNameCannotAddAHeader() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, _, world in
            let path = "evidence/evil\r\nSet-Cookie: stolen=1.txt"
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let upload = try await client.execute(
                uri: "/api/v1/assessments/\(world.ownSelf)/files?path=\(encoded)", method: .post,
                headers: world.headers("member"), body: ByteBuffer(string: "x"))
            if upload.status == .created {
                let download = try await client.execute(
                    uri: "/api/v1/assessments/\(world.ownSelf)/file?path=\(encoded)", method: .get,
                    headers: world.headers("member"))
                #expect(download.headers[values: .setCookie].isEmpty)
                let disposition = download.headers[.contentDisposition] ?? ""
                #expect(!disposition.contains("\r") && !disposition.contains("\n"))
            } else {
                #expect(upload.status == .unprocessableContent || upload.status == .badRequest)
            }
        }
    }

    @Test func behindATLSProxyCookiesAreSecure() async throws {
        try await TestDatabase.sqlite.withStore { store in
            var configuration = ServerConfiguration()
            configuration.behindProxy = true
            let accounts = Accounts(store: store, configuration: configuration)
            let cookie = accounts.cookie(Accounts.sessionCookie, "x", maxAge: 60).description
            #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        }
    }

    /// Users are added by `maturity users add`, another process, while a server without accounts runs: the server
    /// believes "no users" for a moment only (it does not count at every request), then asks for sign-in.
    @Test(arguments: TestDatabase.allCases)
    func aFirstUserAddedWhileTheServerRunsIsAskedToSignInAMomentLater(_ database: TestDatabase) async throws {
        try await database.withServer { client, store in
            let open = try await client.execute(uri: "/api/v1/organisations", method: .get)
            #expect(open.status == .ok)
            _ = try await store.users.create(
                name: "first", displayName: "First", language: "en", passwordHash: testPasswordHash,
                roles: [RoleAssignment(role: .cbAdmin)])
            try await Task.sleep(for: Accounts.noUsersBelieved + .milliseconds(50))
            let asked = try await client.execute(uri: "/api/v1/organisations", method: .get)
            #expect(asked.asksToSignIn)
            try await Task.sleep(for: Accounts.noUsersBelieved + .milliseconds(50))
            #expect(try await client.execute(uri: "/api/v1/organisations", method: .get).asksToSignIn)
        }
    }

    @Test func withoutAccountsNonLoopbackAddressesAreRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = ServeOptions(
            dataDirectory: folder, databaseURL: nil, host: "0.0.0.0", port: 0, criteriaFolders: [criteriaFolder])
        await #expect {
            try await Serve.run(options) { _ in }
        } throws: { error in
            "\(error)".contains("no user account exists") && "\(error)".contains("maturity users add")
        }
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var out = self
        for field in other { out[field.name] = field.value }
        return out
    }
}
