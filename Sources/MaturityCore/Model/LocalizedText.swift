/// The languages reports are written in.
public enum Language: String, Sendable, CaseIterable, Hashable, Codable {
    case zh
    case en
}

/// A text in Chinese and English; a plain string in a file means the same text in every language.
public struct LocalizedText: Hashable, Sendable {
    public var values: [Language: String]

    public init(_ values: [Language: String]) {
        self.values = values
    }

    public init(zh: String, en: String) {
        self.values = [.zh: zh, .en: en]
    }

    /// The same text in every language.
    public init(_ plain: String) {
        self.values = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, plain) })
    }

    /// The text in `language`, falling back to the other language rather than to nothing.
    public func text(_ language: Language) -> String {
        if let value = values[language] { return value }
        for other in Language.allCases { if let value = values[other] { return value } }
        return ""
    }

    public subscript(language: Language) -> String { text(language) }

    public var missingLanguages: [Language] {
        Language.allCases.filter { (values[$0] ?? "").isEmpty }
    }
}
