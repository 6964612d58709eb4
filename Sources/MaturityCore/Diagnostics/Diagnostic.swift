/// One problem found in a user's input, with where it is and how to fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// A related place, such as where a duplicated id was first declared. It is shown inside the
    /// diagnostic's message, in parentheses: `duplicate criterion id 'SP-01' (first declared at line 9)`.
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation
        public var message: Message

        public init(_ message: Message, at location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// What is wrong, in every language.
    public var text: Message
    /// How to fix it, in every language.
    public var hintText: Message?
    public var notes: [Note]

    public init(
        _ severity: Severity, _ message: Message, at location: SourceLocation?, hint: Message? = nil,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.location = location
        self.text = message
        self.hintText = hint
        self.notes = notes
    }

    public static func error(
        _ message: Message, at location: SourceLocation?, hint: Message? = nil, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint, notes: notes)
    }

    public static func warning(
        _ message: Message, at location: SourceLocation?, hint: Message? = nil, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint, notes: notes)
    }

    /// The message in `language`, with its notes in parentheses.
    public func message(in language: Language) -> String {
        var text = self.text.text(in: language)
        for note in notes {
            let noteText = note.message.text(in: language)
            text += language == .zh ? "（\(noteText)）" : " (\(noteText))"
        }
        return text
    }

    /// The hint in `language`.
    public func hint(in language: Language) -> String? {
        hintText?.text(in: language)
    }

    /// The message in English, with its notes.
    public var message: String { message(in: .en) }

    /// The hint in English; setting it gives a hint in English only.
    public var hint: String? {
        get { hintText?.en }
        set { hintText = newValue.map(Message.init(englishOnly:)) }
    }

    /// Compiler style: `path:line:column: error: message`, then `hint: …` on its own line; in Chinese
    /// `path:line:column: 错误：…` and `提示：…`, as compilers write them in a Chinese locale.
    public func rendered(in language: Language) -> String {
        var text = ""
        if let location { text += "\(location): " }
        text += severity.label(in: language) + message(in: language)
        if let hint = hint(in: language) { text += "\n  " + Severity.hintLabel(in: language) + hint }
        return text
    }

    /// In English, as tests and golden files compare it.
    public var description: String { rendered(in: .en) }

    public var isError: Bool { severity == .error }
}

extension Diagnostic.Severity {
    /// `error: ` or `错误：`.
    public func label(in language: Language) -> String {
        switch (self, language) {
        case (.error, .en): "error: "
        case (.warning, .en): "warning: "
        case (.error, .zh): "错误："
        case (.warning, .zh): "警告："
        }
    }

    /// `hint: ` or `提示：`.
    public static func hintLabel(in language: Language) -> String {
        language == .zh ? "提示：" : "hint: "
    }
}

/// The error a loader or check throws: every problem it found, in file order.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while a file is read, so that every problem is reported at once.
public struct DiagnosticBag: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf diagnostics: [Diagnostic]) {
        all.append(contentsOf: diagnostics)
    }

    public var hasErrors: Bool { all.contains(where: \.isError) }
    public var errors: [Diagnostic] { all.filter(\.isError) }
    public var warnings: [Diagnostic] { all.filter { !$0.isError } }

    /// Diagnostics in a stable order: by file, line and column, then as found.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            let la = a.element.location
            let lb = b.element.location
            switch (la, lb) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Throws every error collected so far, if there is one.
    public func throwIfErrors() throws(DiagnosticError) {
        if hasErrors { throw DiagnosticError(sorted.filter(\.isError)) }
    }
}
