import Foundation
import Hummingbird

/// A submitted HTML form: `application/x-www-form-urlencoded`, or `multipart/form-data` with files.
struct FormData: Sendable {
    struct File: Sendable {
        var filename: String
        var data: Data
    }

    /// Every value of every field, in order.
    var fields: [(name: String, value: String)] = []
    var files: [String: File] = [:]

    /// The first value of `name`, trimmed; nil when absent or empty.
    subscript(_ name: String) -> String? {
        guard let value = fields.first(where: { $0.name == name })?.value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The first value of `name` exactly as typed (a note keeps its spaces and line breaks).
    func raw(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// Reads the body of `request` (up to `limit` bytes) as the form it carries.
    static func read(_ request: Request, context: some RequestContext, limit: Int) async throws -> FormData {
        let body = try await request.bytes(upTo: limit, context: context)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", in: type) else {
                throw APIError(.badRequest, "a multipart form without a boundary")
            }
            let form = try multipart(body, boundary: boundary)
            try TextInput.refuseNUL(in: form)
            return form
        }
        let form = urlEncoded(String(decoding: body, as: UTF8.self))
        try TextInput.refuseNUL(in: form)
        return form
    }

    static func urlEncoded(_ text: String) -> FormData {
        var form = FormData()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            form.fields.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
        return form
    }

    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// The parts of a multipart body: a part with a `filename` is a file, any other a field.
    static func multipart(_ body: Data, boundary: String) throws -> FormData {
        var form = FormData()
        let delimiter = Data(("--" + boundary).utf8)
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else {
            throw APIError(.badRequest, "the multipart form is empty or damaged")
        }
        while cursor < body.endIndex {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard body[cursor...].starts(with: crlf) else {
                throw APIError(.badRequest, "the multipart form is damaged")
            }
            let partStart = cursor + crlf.count
            guard let headersRange = body.range(of: headerEnd, in: partStart..<body.endIndex),
                let next = body.range(of: crlf + delimiter, in: headersRange.upperBound..<body.endIndex)
            else { throw APIError(.badRequest, "the multipart form is damaged") }
            let headers = String(decoding: body[partStart..<headersRange.lowerBound], as: UTF8.self)
            let content = body[headersRange.upperBound..<next.lowerBound]
            var name: String?
            var filename: String?
            for line in headers.components(separatedBy: "\r\n")
            where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                filename = parameter("filename", in: line)
            }
            if let name {
                if let filename {
                    if !filename.isEmpty || !content.isEmpty {
                        form.files[name] = File(filename: filename, data: Data(content))
                    }
                } else {
                    form.fields.append((name, String(decoding: content, as: UTF8.self)))
                }
            }
            cursor = next.upperBound
        }
        return form
    }
}
