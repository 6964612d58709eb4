import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a part's reader does with the elements of its XML, names without their namespace prefix.
protocol XMLPartHandler: AnyObject {
    /// Returns false to stop reading (the handler has what it needs, or found a problem).
    func start(_ name: String, _ attributes: [String: String]) -> Bool
    func end(_ name: String) -> Bool
    func text(_ text: String)
}

/// How reading an XML part ended.
enum XMLPartOutcome {
    case finished
    /// The handler stopped the reading.
    case stopped
    case doctype
    /// Bytes that are not UTF-8 (Foundation's parser traps on some of them in names).
    case notUTF8(line: Int, column: Int)
    /// A control character XML 1.0 cannot hold, written raw or as a character reference.
    case control(scalar: UInt32, line: Int, column: Int)
    case malformed(line: Int, column: Int, reason: String)
}

/// Reads one XML part with Foundation's event parser. A part that declares a DTD is refused before
/// parsing, so no entity can be declared, let alone expanded; external entities are never resolved.
final class XMLPart: NSObject, XMLParserDelegate {
    let handler: XMLPartHandler
    var stopped = false

    init(handler: XMLPartHandler) {
        self.handler = handler
    }

    static func read(_ data: Data, with handler: XMLPartHandler) -> XMLPartOutcome {
        if let problem = precheck(data) { return problem }
        let reader = XMLPart(handler: handler)
        // From a stream, the parser is fed in chunks it can discard as it goes; given the whole part at
        // once, libxml2 refuses parts over 10 MB ("huge input lookup") — a catalog of thousands of
        // criteria has such a shared-strings part.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let ok = parser.parse()
        if reader.stopped { return .stopped }
        if ok { return .finished }
        let reason = (parser.parserError as NSError?).map { describe($0) } ?? "unreadable"
        return .malformed(line: parser.lineNumber, column: parser.columnNumber, reason: reason)
    }

    /// A DTD (`<!DOCTYPE`, `<!ENTITY`) anywhere in the bytes, an encoding other than UTF-8, or a
    /// control character XML 1.0 forbids (all below U+0020 but tab, line feed and carriage return),
    /// raw or as `&#…;` — Foundation's parser drops those silently, which would change a cell. One
    /// pass over the bytes.
    static func precheck(_ data: Data) -> XMLPartOutcome? {
        let head = [UInt8](data.prefix(4))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.contains(0) {
            return .notUTF8(line: 1, column: 1)
        }
        return data.withUnsafeBytes { buffer -> XMLPartOutcome? in
            let bytes = buffer.bindMemory(to: UInt8.self)
            let count = bytes.count
            var line = 1
            var lineStart = 0
            func forbidden(_ value: UInt32) -> Bool { value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D }
            func column(_ at: Int) -> Int {
                // Characters, not bytes: count the bytes that start a UTF-8 sequence.
                var characters = 1
                for i in lineStart..<at where bytes[i] & 0xC0 != 0x80 { characters += 1 }
                return characters
            }
            /// The length of the well-formed UTF-8 sequence starting at `index` (RFC 3629: no overlong
            /// forms, no surrogates, nothing above U+10FFFF), or nil.
            func utf8Sequence(at index: Int) -> Int? {
                let lead = bytes[index]
                let (length, low, high): (Int, UInt8, UInt8) =
                    switch lead {
                    case 0xC2...0xDF: (2, 0x80, 0xBF)
                    case 0xE0: (3, 0xA0, 0xBF)
                    case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
                    case 0xED: (3, 0x80, 0x9F)
                    case 0xF0: (4, 0x90, 0xBF)
                    case 0xF1...0xF3: (4, 0x80, 0xBF)
                    case 0xF4: (4, 0x80, 0x8F)
                    default: (0, 0, 0)
                    }
                guard length > 0, index + length <= count else { return nil }
                guard (low...high).contains(bytes[index + 1]) else { return nil }
                for k in 2..<length where bytes[index + k] & 0xC0 != 0x80 { return nil }
                return length
            }
            func startsWith(_ pattern: StaticString, at index: Int) -> Bool {
                let length = pattern.utf8CodeUnitCount
                guard index + length <= count else { return false }
                let p = pattern.utf8Start
                for k in 0..<length where bytes[index + k] != p[k] { return false }
                return true
            }
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    guard let length = utf8Sequence(at: index) else {
                        return .notUTF8(line: line, column: column(index))
                    }
                    index += length
                    continue
                }
                if byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") {
                    index += 1
                    continue
                }
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                } else if byte == UInt8(ascii: "<") {
                    if startsWith("<!DOCTYPE", at: index) || startsWith("<!ENTITY", at: index) { return .doctype }
                } else if byte == UInt8(ascii: "&") {
                    if index + 2 < count, bytes[index + 1] == UInt8(ascii: "#") {
                        var value: UInt32 = 0
                        var cursor = index + 2
                        let hex = bytes[cursor] == UInt8(ascii: "x")
                        if hex { cursor += 1 }
                        var digits = 0
                        while cursor < count, digits < 8 {
                            let digit = bytes[cursor]
                            if digit >= 48 && digit <= 57 {
                                value = value * (hex ? 16 : 10) + UInt32(digit - 48)
                            } else if hex, let letter = XMLText.hexDigit(Unicode.Scalar(digit)) {
                                value = value * 16 + letter
                            } else {
                                break
                            }
                            cursor += 1
                            digits += 1
                        }
                        if digits > 0, cursor < count, bytes[cursor] == UInt8(ascii: ";"), forbidden(value) {
                            return .control(scalar: value, line: line, column: column(index))
                        }
                    }
                } else if forbidden(UInt32(byte)) {
                    return .control(scalar: UInt32(byte), line: line, column: column(index))
                }
                index += 1
            }
            return nil
        }
    }

    static func describe(_ error: NSError) -> String {
        if let message = error.userInfo[NSLocalizedDescriptionKey] as? String, !message.isEmpty {
            return message.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return "XML error \(error.code)"
    }

    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard !stopped else { return }
        var plain = attributes
        if attributes.keys.contains(where: { $0.utf8.contains(UInt8(ascii: ":")) }) {
            plain = [:]
            for (key, value) in attributes { plain[XMLPart.local(key)] = value }
        }
        if !handler.start(XMLPart.local(elementName), plain) {
            stopped = true
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard !stopped else { return }
        if !handler.end(XMLPart.local(elementName)) {
            stopped = true
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stopped else { return }
        handler.text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        guard !stopped else { return }
        handler.text(String(decoding: block, as: UTF8.self))
    }
}
