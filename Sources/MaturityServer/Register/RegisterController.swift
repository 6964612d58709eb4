import Foundation
import HTTPTypes
import Hummingbird
import MaturityCore
import MaturityReports
import MaturityStore
import NIOCore
import Synchronization

/// The register on the web: public verification of a certificate (`GET /certificates/{number}`, HTML or JSON, no
/// login, rate-limited), the published keys, the due board and each certificate's document.
struct RegisterController {
    let store: Store
    let limiter: RateLimiter
    /// Today, for the state shown; the server's clock unless a test gives another.
    let today: @Sendable () -> Day

    init(
        store: Store, verificationsPerMinute: Int, today: @escaping @Sendable () -> Day = RegisterController.systemToday
    ) {
        self.store = store
        self.limiter = RateLimiter(perMinute: verificationsPerMinute)
        self.today = today
    }

    func addRoutes(to router: some RouterMethods<MaturityRequestContext>) {
        router.get("certificates/:number", use: verify)
        router.get("register/keys", use: keys)
        router.get("register/due", use: duePage)
        router.get("register/certificates/:number/document", use: document)
        router.get("api/v1/register/due", use: dueJSON)
    }

    static let systemToday: @Sendable () -> Day = {
        // Worked out once a second (a calendar's date components cost more than the rest of a verification).
        let second = Int(Date().timeIntervalSince1970)
        if let known = today.withLock({ $0?.second == second ? $0?.day : nil }) { return known }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let day =
            Day(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(daysSinceEpoch: 0)
        today.withLock { $0 = (second, day) }
        return day
    }

    private static let today = Mutex<(second: Int, day: Day)?>(nil)

    /// JSON when asked for (`?format=json`, or an Accept header preferring it), else HTML.
    static func wantsJSON(_ request: Request) -> Bool {
        if let format = request.uri.queryParameters["format"] { return format == "json" }
        let accept = request.headers[.accept] ?? ""
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    /// `?lang=zh|en`, else the first language of Accept-Language, else zh.
    static func language(_ request: Request) -> Language {
        if let lang = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) { return lang }
        let accept = (request.headers[.acceptLanguage] ?? "").lowercased()
        if accept.hasPrefix("en") { return .en }
        return .zh
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func verify(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let client = context.remoteAddress?.ipAddress ?? "unknown"
        if let wait = await limiter.admit(client) {
            throw APIError(
                .tooManyRequests, "too many verification requests; try again in \(Int(wait.rounded(.up))) s",
                headers: [.retryAfter: String(Int(wait.rounded(.up)))])
        }
        let number = context.parameters.get("number") ?? ""
        let json = Self.wantsJSON(request)
        let language = Self.language(request)
        let day = today()
        let certificate: PublicCertificate
        do {
            guard number.count <= 64 else { throw StoreError.notFound(kind: "certificate", id: number) }
            certificate = try await store.register.publicCertificate(number, asOf: day)
        } catch StoreError.notFound {
            let message = "no certificate '\(number.prefix(64))' in this register"
            if json { throw APIError(.notFound, message) }
            let page = PublicCertificateReport.notFound(number: String(number.prefix(64)), language: language)
            return Self.html(page, status: .notFound)
        } catch {
            // Never "no such certificate" because the register could not be read: that would call a genuine
            // certificate a fake.
            context.logger.error(
                "\(Diagnostic.Message.verificationFailed(String(number.prefix(64)), error: "\(error)").en)")
            if json {
                throw APIError(
                    .serviceUnavailable,
                    "the register cannot be read just now, so this certificate cannot be verified; try again later",
                    headers: [.retryAfter: "30"])
            }
            var response = Self.html(
                PublicCertificateReport.unavailable(number: String(number.prefix(64)), language: language),
                status: .serviceUnavailable)
            response.headers[.retryAfter] = "30"
            return response
        }
        let report = PublicCertificateReport(certificate, asOf: day, language: language)
        return json ? Self.json(report.json()) : Self.html(report.html())
    }

    @Sendable func keys(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        Self.json(try await store.register.keyRing().json.rendered())
    }

    func board(_ request: Request) async throws -> DueBoard {
        let query = request.uri.queryParameters
        var day = today()
        if let text = query["as_of"] {
            guard let given = Day(iso: text) else {
                throw APIError(.badRequest, "as_of must be a date YYYY-MM-DD, found '\(text)'")
            }
            day = given
        }
        var within = 30
        if let text = query["within"] {
            guard let value = Int(text), (0...3650).contains(value) else {
                throw APIError(.badRequest, "within must be a whole number of days from 0 to 3650, found '\(text)'")
            }
            within = value
        }
        var limit = 500
        if let text = query["limit"] {
            guard let value = Int(text), (1...5000).contains(value) else {
                throw APIError(.badRequest, "limit must be a whole number from 1 to 5000, found '\(text)'")
            }
            limit = value
        }
        return try await store.register.board(asOf: day, within: within, limit: limit)
    }

    @Sendable func duePage(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let report = DueBoardReport(try await board(request), language: Self.language(request))
        return Self.html(report.html(link: { "/register/certificates/\($0)/document" }))
    }

    @Sendable func dueJSON(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        Self.json(DueBoardReport(try await board(request), language: .en).json())
    }

    @Sendable func document(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let number = context.parameters.get("number") ?? ""
        let record = try await store.register.certificate(number)
        let policy = try await store.register.policy()
        let host = request.head.authority.map { "http://\($0)" } ?? ""
        return Self.html(
            CertificateDocument(record, bodyName: policy.bodyName, verifyURL: "\(host)/certificates/\(number)").html())
    }
}
