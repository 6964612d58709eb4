import Foundation
import MaturityCore

/// The messages of writing output files (FileOutput, WorkbookOutput) and of the options every command
/// shares (dates, passphrases, formats, `--target`).
extension Diagnostic.Message {
    // MARK: Writing files

    static func cannotWrite(_ shown: String, _ problem: Self) -> Self {
        Self(en: "cannot write '\(shown)': \(problem.en)", zh: "无法写入 '\(shown)'：\(problem.zh)")
    }

    static func cannotReadFile(_ source: String, _ problem: Self) -> Self {
        Self(en: "cannot read '\(source)': \(problem.en)", zh: "无法读取 '\(source)'：\(problem.zh)")
    }

    /// The system's words for an errno, with the Chinese of the common ones.
    static func systemReason(_ code: Int32) -> Self {
        let en = String(cString: strerror(code))
        switch code {
        case ENOENT: return Self(en: en, zh: "文件或文件夹不存在")
        case EACCES, EPERM: return Self(en: en, zh: "没有权限")
        case ENOSPC: return Self(en: en, zh: "磁盘空间不足")
        case EROFS: return Self(en: en, zh: "文件系统是只读的")
        case EISDIR: return Self(en: en, zh: "这是一个文件夹")
        case ENOTDIR: return Self(en: en, zh: "路径中有一段不是文件夹")
        case EDQUOT: return Self(en: en, zh: "超出了磁盘配额")
        case EIO: return Self(en: en, zh: "输入输出错误")
        case EPIPE: return Self(en: en, zh: "管道已关闭")
        default: return .key(en)
        }
    }

    static let namesAFolder = Self(en: "it names a folder, not a file", zh: "它指向一个文件夹，而不是文件")

    static func sameFileAsInput(_ input: String) -> Self {
        Self(en: "it is the same file as the input '\(input)'", zh: "它与输入文件 '\(input)' 是同一个文件")
    }

    static let writeToAnotherFile = Self(
        en: "write the output to another file; the input was not changed", zh: "请把输出写到另一个文件；输入文件未被改动")

    static func isNotARegularFile(_ kind: FileKind) -> Self {
        Self(en: "it is \(kind.phrase), not a regular file", zh: "它是\(kind.phraseZh)，不是普通文件")
    }

    static let writeToRegularFile = Self(en: "write the output to a regular file", zh: "请把输出写到普通文件")

    static let isReadOnly = Self(en: "it is read-only", zh: "它是只读的")

    static let makeWritable = Self(
        en: "make it writable (chmod u+w) to replace it; it was not changed", zh: "要替换它，请先设为可写（chmod u+w）；它未被改动")

    static let changedWhileUpdated = Self(
        en: "it changed while it was being updated", zh: "在更新期间它被别人改动了")

    static let runAgainNotOverwritten = Self(
        en: "run the command again; it was not overwritten", zh: "请重新运行命令；它没有被覆盖")

    static func folderDoesNotExist(_ folder: String) -> Self {
        Self(en: "folder '\(folder)' does not exist", zh: "文件夹 '\(folder)' 不存在")
    }

    static let createFolderFirst = Self(en: "create the folder first", zh: "请先创建该文件夹")

    static func alreadyExistsNotOverwritten(_ shown: String) -> Self {
        Self(en: "'\(shown)' already exists; it was not overwritten", zh: "'\(shown)' 已存在；没有覆盖它")
    }

    static func cannotCreateFolder(_ folder: String) -> Self {
        Self(en: "cannot create folder '\(folder)'", zh: "无法创建文件夹 '\(folder)'")
    }

    // MARK: Workbooks

    static let xlsxNeedsOutput = Self(
        en: "--format xlsx writes a workbook, which is never written to a terminal: give --output FILE.xlsx",
        zh: "--format xlsx 写出的是工作簿，不会输出到终端：请给出 --output FILE.xlsx")

    static func workbookNeedsLevels(_ catalog: String) -> Self {
        Self(
            en: "catalog '\(catalog)' is scored in points; workbooks are made for catalogs scored in levels",
            zh: "准则 '\(catalog)' 按分值计分；工作簿只用于按等级计分的准则")
    }

    static func writeAssessmentInYAML(_ catalog: String) -> Self {
        Self(
            en: "write the assessment in YAML: maturity init --catalog \(catalog) --output DIR",
            zh: "请用 YAML 写评估：maturity init --catalog \(catalog) --output DIR")
    }

    // MARK: Options

    static func optionMustBeADate(_ option: String, found: String) -> Self {
        Self(
            en: "\(option) must be a date YYYY-MM-DD, found '\(found)'",
            zh: "\(option) 应为日期 YYYY-MM-DD，实际为 '\(found)'")
    }

    static func optionDateOutOfRange(_ option: String, found: String) -> Self {
        Self(
            en: "\(option) must be \(Day.inputRangeText), found '\(found)'",
            zh: "\(option) 必须在 \(Day.earliestInput) 至 \(Day.latestInput) 之间，实际为 '\(found)'")
    }

    static func cannotReadPassphraseFile(_ file: String) -> Self {
        Self(en: "cannot read passphrase file '\(file)'", zh: "无法读取口令文件 '\(file)'")
    }

    static func passphraseFileIsEmpty(_ file: String) -> Self {
        Self(en: "passphrase file '\(file)' is empty", zh: "口令文件 '\(file)' 是空的")
    }

    static let noPassphrase = Self(en: "no passphrase for the private key", zh: "没有私钥的口令")

    static let givePassphrase = Self(
        en: "set MATURITY_PASSPHRASE or give --passphrase-file FILE",
        zh: "请设置环境变量 MATURITY_PASSPHRASE，或给出 --passphrase-file FILE")

    static func formatNotAvailable(_ format: String, use formats: [String]) -> Self {
        Self(
            en: "--format \(format) is not available here; use " + formats.joined(separator: ", "),
            zh: "这里不能用 --format \(format)；请用 " + formats.joined(separator: "、"))
    }

    static func targetIsNotARating(_ target: String, catalog: String, hint: Self) -> Self {
        Self(
            en: "--target '\(target)' is not a rating of catalog '\(catalog)'; \(hint.en)",
            zh: "--target '\(target)' 不是准则 '\(catalog)' 中的评级；\(hint.zh)")
    }

    static func ratingsAre(_ ratings: [String]) -> Self {
        Self(en: "ratings: \(ratings.joined(separator: ", "))", zh: "评级有：\(ratings.joined(separator: "、"))")
    }
}
