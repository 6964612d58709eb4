extension Diagnostic {
    /// A message (or a hint, or part of one) in English and Chinese.
    ///
    /// Messages are made by static factories named after the problem, next to the code that raises it or
    /// in a `Diagnostic+<Area>Messages.swift` file: `Diagnostic.Message.unknownCriterion(_:)`. Text quoted
    /// from the user's files (ids, keys, values, file names) is the same in both languages, in single
    /// quotes. Tests compare against the same factories.
    public struct Message: Hashable, Sendable, CustomStringConvertible {
        public var en: String
        public var zh: String

        public init(en: String, zh: String) {
            self.en = en
            self.zh = zh
        }

        /// A message not translated yet: the English text in every language. The errors-document test
        /// lists the files that still use it.
        public init(englishOnly en: String) {
            self.en = en
            self.zh = en
        }

        /// A name that reads the same in every language: a YAML key, an id, a file name, a column.
        public static func key(_ name: String) -> Message {
            Message(en: name, zh: name)
        }

        public func text(in language: Language) -> String {
            language == .zh ? zh : en
        }

        public var description: String { en }

        /// Both languages joined: `a + b`.
        public static func + (lhs: Message, rhs: Message) -> Message {
            Message(en: lhs.en + rhs.en, zh: lhs.zh + rhs.zh)
        }

        /// Items in quotes and joined by commas: `'a', 'b'` (in Chinese with 、 between them).
        public static func quotedList(_ items: [String]) -> Message {
            let quoted = items.map { "'\($0)'" }
            return Message(en: quoted.joined(separator: ", "), zh: quoted.joined(separator: "、"))
        }
    }
}

extension Diagnostic {
    /// An error whose message is not translated yet (English in every language).
    public static func error(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(
            .error, Message(englishOnly: message), at: location, hint: hint.map(Message.init(englishOnly:)))
    }

    /// An error whose message is not translated yet, with a hint in every language.
    public static func error(_ message: String, at location: SourceLocation?, hint: Message?) -> Diagnostic {
        Diagnostic(.error, Message(englishOnly: message), at: location, hint: hint)
    }

    /// A warning whose message is not translated yet (English in every language).
    public static func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(
            .warning, Message(englishOnly: message), at: location, hint: hint.map(Message.init(englishOnly:)))
    }

    /// A warning whose message is not translated yet, with a hint in every language.
    public static func warning(_ message: String, at location: SourceLocation?, hint: Message?) -> Diagnostic {
        Diagnostic(.warning, Message(englishOnly: message), at: location, hint: hint)
    }
}

extension Diagnostic.Note {
    /// `first declared at line 9` (or at `other.yaml:3:5` in another file than `file`).
    public static func firstDeclared(at first: SourceLocation, from file: String?) -> Diagnostic.Note {
        let place = Diagnostic.Message.place(first, from: file)
        return Diagnostic.Note(Diagnostic.Message(en: "first declared at ", zh: "首次声明于") + place, at: first)
    }

    /// `first at line 9`, for a key repeated in one mapping.
    public static func firstAt(_ first: SourceLocation) -> Diagnostic.Note {
        Diagnostic.Note(
            Diagnostic.Message(en: "first at line \(first.line)", zh: "首次出现于第 \(first.line) 行"), at: first)
    }
}

extension Diagnostic.Message {
    /// "line 12" for a place in `file`, else the full location.
    public static func place(_ location: SourceLocation, from file: String?) -> Diagnostic.Message {
        location.file == file && location.sheet == nil
            ? Diagnostic.Message(en: "line \(location.line)", zh: "第 \(location.line) 行")
            : .key(location.description)
    }

    /// "did you mean 'x'?"
    public static func didYouMean(_ near: String) -> Diagnostic.Message {
        Diagnostic.Message(en: "did you mean '\(near)'?", zh: "是否应为 '\(near)'？")
    }

    /// "expected one of 'a', 'b'"
    public static func expectedOneOf(_ choices: [String]) -> Diagnostic.Message {
        let list = choices.map { "'\($0)'" }.joined(separator: ", ")
        return Diagnostic.Message(en: "expected one of \(list)", zh: "应为以下之一：\(list)")
    }
}
