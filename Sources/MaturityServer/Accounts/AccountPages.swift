import Foundation
import HTTPTypes
import Hummingbird
import MaturityCore
import MaturityStore

/// Sign-in and sign-out, the password change, a personal home page for users who do not read every
/// organisation, and an assessment's audit trail.
struct AccountPages {
    let accounts: Accounts

    var store: Store { accounts.store }

    func addRoutes(to router: some RouterMethods<MaturityRequestContext>) {
        router.get(":lang/login", use: localized(loginPage))
        router.post(":lang/login", use: localized(login))
        router.post(":lang/logout", use: localized(logout))
        router.get(":lang/a/:assessment/trail", use: localized(trail))
    }

    typealias Handler = @Sendable (Request, MaturityRequestContext, PageText) async throws -> Response

    func localized(_ handler: @escaping Handler) -> @Sendable (Request, MaturityRequestContext) async throws -> Response
    {
        { request, context in
            guard let language = Language(rawValue: context.parameters.get("lang") ?? "") else {
                throw APIError.notFound("no page '\(request.uri.path)'")
            }
            return try await handler(request, context, PageText(language: language))
        }
    }

    /// The one answer to every failed sign-in, whatever failed.
    static func wrong(_ t: PageText) -> String { t("用户名或密码错误。", "Name or password is wrong.") }

    // MARK: Sign-in

    @Sendable func loginPage(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws
        -> Response
    {
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        return loginForm(t: t, next: next, name: "", problem: nil)
    }

    func loginForm(t: PageText, next: String?, name: String, problem: String?) -> Response {
        let token = Secrets.random()
        var body = problem.map { "<div class=\"notice error\" role=\"alert\"><p>\(h($0))</p></div>\n" } ?? ""
        body += "<form method=\"post\" action=\"/\(t.language.rawValue)/login\" class=\"card\">"
        body += "<input type=\"hidden\" name=\"_login\" value=\"\(token)\">"
        if let next { body += "<input type=\"hidden\" name=\"next\" value=\"\(h(next))\">" }
        body += "<label for=\"name\">\(h(t("用户名", "Name")))</label>"
        body +=
            "<input type=\"text\" id=\"name\" name=\"name\" value=\"\(h(name))\" autocomplete=\"username\" required autofocus>"
        body += "<label for=\"password\">\(h(t("密码", "Password")))</label>"
        body +=
            "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
        body += "<label for=\"code\">\(h(t("验证码（如已启用两步验证）", "Authenticator code (if you use one)")))</label>"
        body +=
            "<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"10\">"
        body += "<p><button type=\"submit\">\(h(t("登录", "Sign in")))</button></p></form>\n"
        var response = PageShell.response(
            PageShell.page(title: t("登录", "Sign in"), t: t, path: "/login", body: body))
        response.setCookie(accounts.cookie(Accounts.loginCookie, token, maxAge: 3600))
        return response
    }

    @Sendable func login(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws -> Response
    {
        let form = try await FormData.read(request, context: context, limit: 64 << 10)
        let next = Self.safeNext(form["next"])
        let name = form["name"] ?? ""
        guard let expected = request.cookies[Accounts.loginCookie]?.value, let sent = form["_login"],
            Secrets.equal(expected, sent)
        else {
            return loginForm(
                t: t, next: next, name: name,
                problem: t("登录表单已过期，请重新登录。", "The sign-in form expired; sign in again."))
        }
        let address = accounts.address(request, context: context)
        let password = form.raw("password") ?? ""
        let blocked = await accounts.limiter.blocked(name: name, address: address)
        let found = try await store.users.credentials(name: name)
        // The hash is checked even for an unknown name or while blocked, so the answer's timing tells nothing.
        let matches = Passwords.verify(password, hash: found?.passwordHash ?? Passwords.decoy)
        // With a second factor set up, the code must match too; a missing or wrong one gets the same words.
        let second = found?.totp.flatMap(TOTP.data(base32:)).map {
            TOTP.verify(form["code"] ?? "", secret: $0, at: Date())
        }
        guard !blocked, matches, second ?? true, let user = found?.user, !user.disabled else {
            let wait = await accounts.limiter.failed(name: name, address: address)
            try await store.audit.event(
                "login-failed", kind: "user", id: name,
                detail: ["address": address] + (blocked ? ["blocked": "yes"] : [:]))
            try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            return loginForm(t: t, next: next, name: name, problem: Self.wrong(t))
        }
        await accounts.limiter.succeeded(name: name)
        // Whatever session the browser had before is ended: a fixed session id never becomes signed in.
        if let old = request.cookies[Accounts.sessionCookie]?.value {
            try await store.sessions.end(idHash: Secrets.sha256(old))
        }
        let cookie = try await AuditContext.$actor.withValue(AuditActor(name: user.name, via: "sign-in")) {
            try await store.audit.event("login", kind: "user", id: user.name, detail: ["address": address])
            return try await accounts.startSession(for: user, address: address)
        }
        let language = Language(rawValue: user.language) ?? t.language
        var response = PageShell.redirect(next ?? "/\(language.rawValue)/")
        response.setCookie(cookie)
        response.setCookie(accounts.cookie(Accounts.loginCookie, "", maxAge: 0))
        return response
    }

    @Sendable func logout(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws -> Response
    {
        let principal = Principal.current
        if let hash = principal.sessionHash {
            try await store.sessions.end(idHash: hash)
            if let user = principal.user {
                try await store.audit.event("logout", kind: "user", id: user.name)
            }
        }
        var response = PageShell.redirect("/\(t.language.rawValue)/login")
        response.setCookie(accounts.cookie(Accounts.sessionCookie, "", maxAge: 0))
        return response
    }

    /// Only a path of this server: never `//elsewhere` or a full URL, nothing that could split a header.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            next.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f })
        else { return nil }
        return next
    }

    // MARK: Home for users who do not read everything

    /// The organisations and audits the user works on; nil for staff who read everything (they get the full home).
    static func home(_ principal: Principal, store: Store, t: PageText) async throws -> Response? {
        guard let user = principal.user, !principal.readsEverything else { return nil }
        let lang = t.language.rawValue
        var body = "<section class=\"card\"><p>\(h(t("已登录：", "Signed in as ")))<strong>\(h(user.displayName))</strong> "
        body += "(\(h(user.roles.map(\.summary).joined(separator: "; "))))</p>"
        body += signOutForm(t)
        body += "</section>\n<section class=\"card\"><h2>\(h(t("我的工作", "My work")))</h2><ul>"
        var any = false
        for role in user.roles {
            if let assessment = role.assessmentId {
                body += "<li><a href=\"/\(lang)/a/\(h(assessment))\">\(h(t("审核 ", "Audit ")))\(h(assessment))</a></li>"
                any = true
            } else if let id = role.organisationId, let organisation = try? await store.organisations.get(id) {
                body +=
                    "<li><a href=\"/\(lang)/o/\(h(id))\">\(h(organisation.name))</a> · \(h(role.role.rawValue))</li>"
                any = true
            }
        }
        if !any { body += "<li>\(h(t("尚未分配任何组织或审核。", "No organisation or audit is assigned to you yet.")))</li>" }
        body += "</ul></section>\n"
        return PageShell.response(PageShell.page(title: t("工作台", "Workspace"), t: t, path: "/", body: body))
    }

    static func signOutForm(_ t: PageText) -> String {
        "<form method=\"post\" action=\"/\(t.language.rawValue)/logout\"><button type=\"submit\" class=\"secondary\">"
            + h(t("退出登录", "Sign out")) + "</button></form>"
    }

    // MARK: An assessment's audit trail

    @Sendable func trail(_ request: Request, _ context: MaturityRequestContext, _ t: PageText) async throws -> Response
    {
        let id = try context.parameters.require("assessment")
        let snapshot = try await store.assessments.get(id)
        let records = try await store.audit.records(id: id, limit: 500)
        let base = "/\(t.language.rawValue)/a/\(id)"
        var body = "<section class=\"card\"><table><thead><tr><th>#</th><th>\(h(t("时间", "When")))</th>"
        body += "<th>\(h(t("人员", "Who")))</th><th>\(h(t("对象", "Object")))</th><th>\(h(t("原值", "Before")))</th>"
        body += "<th>\(h(t("新值", "After")))</th></tr></thead><tbody>"
        for record in records.reversed() {
            body +=
                "<tr><td>\(record.seq)</td><td>\(h(record.at))</td><td>\(h(record.actor)) <small>\(h(record.via))</small></td>"
            body += "<td>\(h(record.action)) \(h(record.objectKind)) <code>\(h(record.objectId))</code></td>"
            body +=
                "<td class=\"text\">\(h(record.oldValue ?? ""))</td><td class=\"text\">\(h(record.newValue ?? ""))</td></tr>"
        }
        if records.isEmpty { body += "<tr><td colspan=\"6\">\(h(t("没有记录。", "No records.")))</td></tr>" }
        body += "</tbody></table></section>\n"
        return PageShell.response(
            PageShell.page(
                title: t("变更记录", "Audit trail"), t: t, path: "/a/\(id)/trail",
                crumbs: [.init(title: snapshot.assessment.organisationName, href: base)],
                tabs: PageShell.tabs(base, current: "/trail", t: t, isAudit: snapshot.assessment.kind != "self"),
                body: body))
    }
}

extension Dictionary where Key == String, Value == String {
    fileprivate static func + (a: Self, b: Self) -> Self { a.merging(b) { $1 } }
}
