import Foundation
import HTTPTypes
import Hummingbird
import MaturityCore
import MaturityStore
import NIOCore

/// The one guard of every route: finds who is asking, refuses a cross-site or token-less form post, decides by
/// ``AccessPolicy`` whether the route may run for them, and runs it with their identity set for the audit trail
/// and the edit guard.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = MaturityRequestContext

    let accounts: Accounts
    let engine: ServerEngine

    var store: Store { accounts.store }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let route = AccessPolicy.route(request.method, context.endpointPath ?? "")
        let admitted: (request: Request, principal: Principal)
        do {
            switch try await admit(request, route: route, context: context) {
            case .left(let answer): return answer
            case .right(let admission): admitted = admission
            }
        } catch let error as APIError where !request.uri.path.hasPrefix("/api/") {
            return Self.page(error, path: request.uri.path)
        }
        let principal = admitted.principal
        let actor =
            principal.user.map { AuditActor(name: $0.name, via: principal.via) }
            ?? AuditActor(name: "local", via: principal.isOpen ? "server without accounts" : "not signed in")
        let guardian = principal.isAdmin ? nil : fieldGuard(principal)
        let response = try await Principal.$current.withValue(principal) {
            try await AuditContext.$actor.withValue(actor) {
                try await EditGuard.$check.withValue(guardian) { try await next(admitted.request, context) }
            }
        }
        if AccessPolicy.exports.contains(route), response.status == .ok {
            try await AuditContext.$actor.withValue(actor) {
                try await store.audit.event(
                    "export", kind: "assessment", id: context.parameters.get("assessment") ?? "",
                    detail: ["path": request.uri.path])
            }
        }
        return response
    }

    enum Either<Left, Right> {
        case left(Left)
        case right(Right)
    }

    /// Who is asking and whether they may: an answer of its own (sign in first), or the request (its body read
    /// when a form's token had to be checked) with the principal to run it as.
    func admit(_ request: Request, route: String, context: Context) async throws
        -> Either<Response, (request: Request, principal: Principal)>
    {
        let unsafe = ![.get, .head, .options].contains(request.method)
        if unsafe { try Self.checkOrigin(request) }
        guard let rule = AccessPolicy.rules[route] else {
            throw APIError(.forbidden, "this route has no access rule, so nobody may use it")
        }
        let principal =
            AccessPolicy.anonymous.contains(route) ? Principal.anonymous : try await accounts.identify(request)
        var request = request
        if unsafe, principal.sessionHash != nil, let csrf = principal.csrf {
            try await Self.checkToken(
                &request, csrf: csrf, limit: accounts.configuration.maximumUploadBytes + (1 << 20))
        }
        switch try await decide(rule, principal: principal, context: context) {
        case .allow: return .right((request, principal))
        case .notFound:
            if case .anonymous = principal.kind, rule != .open { return .left(signIn(request)) }
            throw APIError.notFound("no page or object '\(request.uri.path)'")
        case .forbidden(let why):
            if case .anonymous = principal.kind { return .left(signIn(request)) }
            throw APIError(.forbidden, why)
        }
    }

    /// A refusal of a page, as a page in the language of its path.
    static func page(_ error: APIError, path: String) -> Response {
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        let t = PageText(language: Language(rawValue: first) ?? .zh)
        let body =
            PageShell.problems(error, t: t)
            + "<p><a href=\"/\(t.language.rawValue)/\">\(h(t("返回首页", "Back home")))</a></p>"
        let title = error.status == .notFound ? t("未找到", "Not found") : t("无法完成", "Could not be done")
        var response = PageShell.response(
            PageShell.page(title: title, t: t, path: "/", body: body), status: error.status)
        for field in error.headers { response.headers.append(field) }
        return response
    }

    /// The decision for `rule`; objects that do not exist are not found for everyone alike.
    func decide(_ rule: AccessRule, principal: Principal, context: Context) async throws -> Decision {
        let signedIn = principal.user != nil || principal.isOpen
        switch rule {
        case .open:
            return .allow
        case .signedIn, .decidedByHandler:
            return signedIn ? .allow : .forbidden("sign in first")
        case .staff:
            if principal.readsEverything { return .allow }
            return signedIn ? .forbidden("only the certification body's staff may see this") : .notFound
        case .admin:
            if principal.isAdmin { return .allow }
            return signedIn ? .forbidden("only the certification body's administrator may do this") : .notFound
        case .organisation(let need):
            let id = context.parameters.get("organisation") ?? ""
            return principal.decide(need, organisation: id)
        case .assessment(let need):
            if principal.isOpen { return .allow }
            let id = context.parameters.get("assessment") ?? ""
            guard principal.user != nil, let owner = try await store.assessments.owner(of: id) else { return .notFound }
            return principal.decide(
                need, organisation: owner.organisationId,
                assessment: AssessmentFacts(
                    id: id, organisationId: owner.organisationId, kind: owner.kind, auditor: owner.auditor))
        case .result(let need):
            if principal.isOpen { return .allow }
            let id = context.parameters.get("result") ?? ""
            guard principal.user != nil, let result = try? await store.results.get(id) else { return .notFound }
            return principal.decide(need, organisation: result.organisationId)
        }
    }

    /// Pages send the person to the sign-in page and back; the API answers 401.
    func signIn(_ request: Request) -> Response {
        let path = request.uri.path
        if path.hasPrefix("/api/") {
            return APIError(.unauthorized, "sign in first: send Authorization: Bearer TOKEN (maturity users token)")
                .plainResponse(headers: [.wwwAuthenticate: "Bearer"])
        }
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        let lang = Language(rawValue: first)?.rawValue ?? "zh"
        var target = path
        if let query = request.uri.query, !query.isEmpty { target += "?" + query }
        let next = target.addingPercentEncoding(
            withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_.")))
        return PageShell.redirect("/\(lang)/login?next=\(next ?? "/")")
    }

    /// A state-changing request from another site's page is refused, whatever it carries.
    static func checkOrigin(_ request: Request) throws {
        if request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "cross-site" {
            throw APIError(.forbidden, "a request from another site's page is refused")
        }
        guard let origin = request.headers[HTTPField.Name("Origin")!], origin != "null" else { return }
        let host = URLComponents(string: origin).map { ($0.host ?? "") + ($0.port.map { ":\($0)" } ?? "") }
        guard let authority = request.head.authority, host == authority else {
            throw APIError(.forbidden, "a request from another site's page ('\(origin)') is refused")
        }
    }

    /// Form posts carry the session's token in `_csrf`; API calls with the session cookie in `X-CSRF-Token`.
    static func checkToken(_ request: inout Request, csrf: String, limit: Int) async throws {
        if let header = request.headers[HTTPField.Name("X-CSRF-Token")!] {
            if Secrets.equal(header, csrf) { return }
            throw APIError(.forbidden, "the form's security token is wrong; open the page again")
        }
        if request.uri.path.hasPrefix("/api/") {
            throw APIError(.forbidden, "a request signed in with a session cookie must send X-CSRF-Token")
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the upload is larger than the \(limit) bytes accepted")
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the upload is larger than the \(limit) bytes accepted")
        }
        let token = CSRFToken.find(in: Data(buffer: body), contentType: request.headers[.contentType] ?? "")
        guard let token, Secrets.equal(token, csrf) else {
            throw APIError(.forbidden, "the form's security token is missing or wrong; open the page again")
        }
    }

    func fieldGuard(_ principal: Principal) -> EditGuard.Check {
        let guardian = FieldGuard(principal: principal) { [engine] snapshot, criterion in
            let catalog = try await engine.catalog(id: snapshot.assessment.catalog)
            return catalog.domains.first { domain in domain.criteria.contains { $0.id == criterion } }?.id
        }
        return EditGuard.Check { current, wanted in try await guardian.check(current, wanted) }
    }
}

/// The CSRF token in a submitted form body.
enum CSRFToken {
    static let field = "_csrf"

    static func find(in body: Data, contentType: String) -> String? {
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            // The token is the first field of every form (see PageShell), so only the head of the body is read.
            let marker = Data("name=\"\(field)\"\r\n\r\n".utf8)
            guard let start = body.range(of: marker)?.upperBound,
                let end = body.range(of: Data("\r\n".utf8), in: start..<body.endIndex)?.lowerBound
            else { return nil }
            return String(decoding: body[start..<end], as: UTF8.self)
        }
        return FormData.urlEncoded(String(decoding: body, as: UTF8.self))[field]
    }
}

extension APIError {
    /// The error as a response, with extra headers, for a middleware that answers without throwing.
    func plainResponse(headers extra: HTTPFields) -> Response {
        var error = self
        for field in extra { error.headers.append(field) }
        let body =
            #"{"error":{"message":"# + String(decoding: JSONBody(message).data, as: UTF8.self)
            + #","status":\#(status.code)}}"#
        var response = Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
        for field in error.headers { response.headers.append(field) }
        return response
    }
}
