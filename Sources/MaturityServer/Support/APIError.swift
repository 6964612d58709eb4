import Foundation
import HTTPTypes
import Hummingbird
import MaturityCore
import MaturityStore

/// An error answer: a status and a JSON body `{"error": {"status", "message", "problems"?, "current"?}}`.
///
/// `problems` are located as the command line locates them (`assessment.yaml:12:5`); `current` carries
/// the value as it is now when an edit was stale (412), so the editor can show both.
public struct APIError: Error, HTTPResponseError, Sendable {
    /// One located problem.
    public struct Problem: Codable, Sendable, Equatable {
        public var location: String?
        public var message: String
        public var hint: String?
        public var severity: String

        public init(location: String?, message: String, hint: String? = nil, severity: String = "error") {
            self.location = location
            self.message = message
            self.hint = hint
            self.severity = severity
        }
    }

    public var status: HTTPResponse.Status
    public var message: String
    public var problems: [Problem]
    public var current: JSONBody?
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, _ message: String, problems: [Problem] = [], current: JSONBody? = nil,
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.message = message
        self.problems = problems
        self.current = current
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        // Keys in sorted order, as every answer has them; `current` is inserted as the JSON it already is.
        var body = Data(#"{"error":{"#.utf8)
        if let current { body += Data(#""current":"#.utf8) + current.data + Data(",".utf8) }
        body += Data(#""message":"#.utf8) + JSONBody(message).data
        if !problems.isEmpty { body += Data(#","problems":"#.utf8) + JSONBody(problems).data }
        body += Data(#","status":\#(status.code)}}"#.utf8)
        var response = JSONBody(raw: body).response(status: status)
        for field in headers { response.headers.append(field) }
        return response
    }

    static func notFound(_ what: String) -> APIError { APIError(.notFound, what) }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }

    /// The answer to a store refusal, its message in `language` (the request's: `lang=`, else Accept-Language).
    static func from(_ error: StoreError, language: Language = .en) -> APIError {
        let message = error.message.text(in: language)
        switch error {
        case .notFound: return APIError(.notFound, message)
        case .versionConflict: return APIError(.preconditionFailed, message)
        case .duplicate: return APIError(.conflict, message)
        case .fileTooLarge: return APIError(.contentTooLarge, message)
        case .closed: return APIError(.serviceUnavailable, message)
        case .databaseUnreachable: return APIError(.serviceUnavailable, message)
        case .newerSchema, .invalidDatabaseURL, .blobMissing: return APIError(.internalServerError, message)
        }
    }
}

/// Store refusals thrown from a route become their HTTP answers, in the request's language (English unless
/// `lang=zh` or an Accept-Language preferring Chinese asks otherwise).
struct StoreErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as StoreError {
            throw APIError.from(error, language: (try? ReportOptions.language(request)) ?? .en)
        }
    }
}
