/// The messages of reading an input file (InputFile) and of composing YAML (YAMLDocument, TypingSlips).
extension Diagnostic.Message {
    // MARK: Files

    static let checkPathReadable = Self(
        en: "check the path and that the file is readable", zh: "检查路径，以及文件是否可读")

    /// A file-system reason ("no such file", "permission denied", else the system's words).
    public static func fileReason(_ reason: String) -> Self {
        switch reason {
        case "no such file": Self(en: reason, zh: "文件不存在")
        case "permission denied": Self(en: reason, zh: "没有权限")
        default: .key(reason)
        }
    }

    static func cannotRead(_ label: Self, _ shown: String, reason: String) -> Self {
        let why = fileReason(reason)
        return Self(
            en: "cannot read \(label.en)'\(shown)': \(why.en)", zh: "无法读取\(label.zh) '\(shown)'：\(why.zh)")
    }

    static func fileTooLarge(bytes size: Int, megabytes: Int, what: Self) -> Self {
        Self(
            en: "file is \(size) bytes, more than the \(megabytes) MB \(what.en) may have",
            zh: "文件有 \(size) 字节，超过\(what.zh)允许的 \(megabytes) MB")
    }

    static func fileMoreThan(megabytes: Int, what: Self) -> Self {
        Self(
            en: "file is more than the \(megabytes) MB \(what.en) may have",
            zh: "文件超过\(what.zh)允许的 \(megabytes) MB")
    }

    static func notAFileOfKind(_ shown: String, is found: FileKind, kind: Self) -> Self {
        Self(
            en: "'\(shown)' is \(found.phrase), not a \(kind.en) file",
            zh: "'\(shown)' 是\(found.phraseZh)，不是\(kind.zh)文件")
    }

    static let yamlInput = Self(en: "a YAML input", zh: " YAML 输入文件")
    static let yamlKind = Self(en: "YAML", zh: " YAML 格式的")
    static let jsonKind = Self(en: "JSON", zh: " JSON 格式的")
    static let resultFile = Self(en: "a result file", zh: "结果文件")
    static let ticketExportKind = Self(en: "ticket export", zh: "工单导出")
    static let ticketExportInMemory = Self(en: "a ticket export held in memory", zh: "内存中读取的工单导出")

    // MARK: YAML text

    static let notUTF8 = Self(en: "file is not valid UTF-8 text", zh: "文件不是有效的 UTF-8 文本")
    static let saveAsUTF8 = Self(
        en: "save the file as UTF-8 (GBK or UTF-16 files must be converted first)",
        zh: "将文件另存为 UTF-8（GBK 或 UTF-16 文件须先转换）")
    static let nulByte = Self(
        en: "file contains a NUL byte; it is not a text file", zh: "文件含有 NUL 字节，不是文本文件")
    static let fileIsEmpty = Self(en: "file is empty", zh: "文件是空的")
    static let fileHoldsOnlyComments = Self(
        en: "file is empty (it holds only comments)", zh: "文件是空的（只有注释）")
    static let yamlMappingExpected = Self(en: "a YAML mapping is expected", zh: "这里应为一个 YAML 映射")
    static let aliasAsKey = Self(
        en: "an alias (*name) is used as a mapping key", zh: "别名（*name）被用作映射的键")
    static let writeKeyOut = Self(en: "write the key out as plain text", zh: "把键直接写成普通文本")

    static func nestingDeeper(than levels: Int) -> Self {
        Self(en: "nesting deeper than \(levels) levels", zh: "嵌套超过 \(levels) 层")
    }

    static let fewLevelsOfNesting = Self(
        en: "catalogs and assessments need only a few levels of nesting", zh: "准则和评估文件只需要几层嵌套")

    static func aliasesExpand(budget: Int, written: Int) -> Self {
        Self(
            en: "aliases expand the document to more than \(budget) nodes (it is \(written) nodes as written)",
            zh: "别名把文档展开到超过 \(budget) 个节点（按书写只有 \(written) 个节点）")
    }

    static let aliasesMultiply = Self(
        en: "aliases (*name) that repeat large anchors multiply the document; write the content out",
        zh: "重复引用大锚点的别名（*name）会使文档成倍膨胀；请把内容直接写出")

    /// libyaml's own words, with the place it was reading.
    static func yamlSyntax(_ problem: String, context: String?, line: Int?) -> Self {
        var en = "YAML syntax: \(problem)"
        var zh = "YAML 语法错误：\(problem)"
        if let context, let line {
            en += " (\(context) at line \(line))"
            zh += "（\(context)，第 \(line) 行）"
        }
        return Self(en: en, zh: zh)
    }

    static let indentWithSpaces = Self(en: "indent with spaces, not tabs", zh: "用空格缩进，不要用制表符（Tab）")
    static let quoteValueWithColon = Self(
        en: "quote a value that contains ': ', or check the indentation of the line above",
        zh: "含有 ': ' 的值要加引号；或检查上一行的缩进")
    static let checkIndentation = Self(
        en: "check the indentation: items of one mapping must start in the same column",
        zh: "检查缩进：同一映射中的各项必须从同一列开始")
    static let defineAnchor = Self(
        en: "define the anchor (&name) before using *name", zh: "先定义锚点（&name），再使用 *name")

    static func duplicateKey(_ keys: String) -> Self {
        Self(en: "duplicate key \(keys)", zh: "重复的键 \(keys)")
    }

    static func duplicateKeyInMapping(_ keys: String) -> Self {
        Self(en: "duplicate key \(keys) in a mapping", zh: "映射中有重复的键 \(keys)")
    }

    static let keyOncePerMapping = Self(
        en: "a key may appear once per mapping; keeping one value would silently lose the other",
        zh: "同一映射中每个键只能出现一次；只保留其中一个值会悄悄丢掉另一个")

    static func cannotReadYAML(_ problem: String) -> Self {
        Self(en: "cannot read YAML: \(problem)", zh: "无法读取 YAML：\(problem)")
    }

    static func cannotParseYAML(_ error: String) -> Self {
        Self(en: "cannot parse YAML: \(error)", zh: "无法解析 YAML：\(error)")
    }

    // MARK: Typing slips

    static func fullWidthInIndentation(_ name: Self, _ character: Character) -> Self {
        Self(en: "\(name.en) '\(character)' in the indentation", zh: "缩进中有\(name.zh) '\(character)'")
    }

    static let indentWithOrdinarySpaces = Self(
        en: "indent with ordinary spaces; switch the input method to half-width (半角) for YAML",
        zh: "用普通空格缩进；编写 YAML 时把输入法切换到半角")

    static func fullWidthWhereYAMLNeeds(_ name: Self, _ character: Character, _ replacement: String) -> Self {
        Self(
            en: "\(name.en) '\(character)' where YAML needs '\(replacement)'",
            zh: "\(name.zh) '\(character)' 处 YAML 需要的是 '\(replacement)'")
    }

    static func typeHalfWidth(_ replacement: String) -> Self {
        Self(
            en: "type '\(replacement)'; switch the input method to half-width (半角) for YAML punctuation",
            zh: "请输入 '\(replacement)'；编写 YAML 标点时把输入法切换到半角")
    }

    static func fullWidthDigits(type halfWidth: String) -> Self {
        Self(en: "full-width digits (全角数字): type '\(halfWidth)'", zh: "全角数字：请输入 '\(halfWidth)'")
    }

    static func emptyCollectionAboveItems(_ key: String, _ value: String) -> Self {
        let mapping = value == "{}"
        return Self(
            en: "'\(key): \(value)' is \(mapping ? "an empty mapping" : "an empty list"), so the indented lines below"
                + " it cannot belong to it",
            zh: "'\(key): \(value)' 是\(mapping ? "空映射" : "空列表")，所以它下面缩进的行不能属于它")
    }

    static func removeEmptyCollection(_ key: String, _ value: String) -> Self {
        Self(
            en: "remove '\(value)' to list the values below '\(key):'", zh: "删去 '\(value)'，才能在 '\(key):' 下面逐行列出值")
    }
}

extension FileKind {
    /// The kind in Chinese: 文件夹, 管道 ….
    public var phraseZh: String {
        switch self {
        case .regular: "普通文件"
        case .folder: "文件夹"
        case .pipe: "管道（FIFO）"
        case .characterDevice: "字符设备"
        case .blockDevice: "块设备"
        case .socket: "套接字"
        case .missing: "不存在"
        }
    }
}

extension Diagnostic.Message {
    static let planLabel = Self(en: "plan ", zh: "计划")
    static let checkPathOrStartNewPlan = Self(
        en: "check the path, or leave out the file to start a new plan", zh: "检查路径；或不写这个文件，从头开始一份新计划")
}
