import Foundation
import HTTPTypes
import Hummingbird
import MaturityCore
import MaturityReports
import MaturityStore

/// `GET /api/v1/assessments/{assessment}/result`: the assessment scored by the engine, in the command
/// line's report formats — `json` is byte for byte what `maturity assess --format json` prints for the
/// exported folder.
struct ResultController {
    let store: Store
    let engine: ServerEngine

    func addRoutes(to group: RouterGroup<MaturityRequestContext>) {
        group.get(":assessment/result", use: result)
    }

    @Sendable func result(_ request: Request, context: MaturityRequestContext) async throws -> Response {
        let options = try ReportOptions(request)
        let snapshot = try await engine.snapshot(try context.parameters.require("assessment"))
        let scored = try await engine.scoredOrRefused(snapshot, target: options.target, showingPath: options.path)
        guard let text = scored.report(options.format, language: options.language) else {
            throw APIError(.badRequest, "format '\(options.format.rawValue)' is not available for a result")
        }
        return ReportOptions.response(text, format: options.format, etag: ETag.of(snapshot.assessment.revision))
    }
}

/// What a report request asks for: `format`, `lang`, `target`, `path`.
struct ReportOptions {
    static let formats: [ReportFormat] = [.json, .html, .md, .text]

    var format: ReportFormat
    var language: Language
    var target: String?
    var path: Bool

    init(_ request: Request, formats: [ReportFormat] = Self.formats, defaultFormat: ReportFormat = .json) throws {
        let query = request.uri.queryParameters
        let name = query["format"].map(String.init) ?? defaultFormat.rawValue
        guard let format = ReportFormat(rawValue: name), formats.contains(format) else {
            throw APIError(
                .badRequest,
                "format '\(name)' is not one of " + formats.map(\.rawValue).joined(separator: ", "))
        }
        self.format = format
        language = try Self.language(request)
        target = query["target"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        switch query["path"].map(String.init) {
        case nil, "false", "0": path = false
        case "true", "1": path = true
        case let other?: throw APIError(.badRequest, "path must be true or false, found '\(other)'")
        }
    }

    /// `lang=zh|en`, else the first of Accept-Language that is one of them, else English.
    static func language(_ request: Request) throws -> Language {
        if let lang = request.uri.queryParameters["lang"].map(String.init) {
            guard let language = Language(rawValue: lang) else {
                throw APIError(.badRequest, "lang must be zh or en, found '\(lang)'")
            }
            return language
        }
        let accepted = (request.headers[.acceptLanguage] ?? "").lowercased()
        for part in accepted.split(separator: ",") {
            let tag = part.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("zh") { return .zh }
            if tag.hasPrefix("en") { return .en }
        }
        return .en
    }

    /// The media type each format is served as.
    static func contentType(_ format: ReportFormat) -> String {
        switch format {
        case .json: "application/json; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .ics: "text/calendar; charset=utf-8"
        case .yaml: "application/yaml; charset=utf-8"
        case .text: "text/plain; charset=utf-8"
        }
    }

    static func response(_ text: String, format: ReportFormat, etag: String? = nil, filename: String? = nil)
        -> Response
    {
        var headers: HTTPFields = [.contentType: contentType(format)]
        if let etag { headers[.eTag] = etag }
        if let filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension ServerEngine {
    /// `scored`, with the engine's refusals as API answers: stored inputs that no longer load are a 422
    /// located as the command line locates them, an unknown target a 400 with its hint.
    func scoredOrRefused(_ snapshot: AssessmentSnapshot, target: String? = nil, showingPath: Bool = false)
        async throws -> ScoredAssessment
    {
        do {
            return try await scored(snapshot, target: target, showingPath: showingPath)
        } catch ScoringError.invalid(let error) {
            throw ImportController.invalid(error)
        } catch ScoringError.target(let error) {
            throw APIError(.badRequest, error.description)
        }
    }
}
