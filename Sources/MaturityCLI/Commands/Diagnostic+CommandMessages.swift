import MaturityCore

/// The usage errors and diagnostics of the assessment commands: assess, plan, init, import, history, verify,
/// serve.
extension Diagnostic.Message {
    /// "--as-of goes with --plan": an option that only means something with another.
    static func optionGoesWith(_ option: String, _ other: String) -> Self {
        Self(en: "\(option) goes with \(other)", zh: "\(option) 只能与 \(other) 一起使用")
    }

    // MARK: plan

    static func dueWritesTextMdJSON(not format: String) -> Self {
        Self(en: "--due writes text, md or json, not \(format)", zh: "--due 只输出 text、md 或 json，不能是 \(format)")
    }

    static func withinDays(maximum: Int) -> Self {
        Self(en: "--within must be 0 to \(maximum) days", zh: "--within 必须是 0 到 \(maximum) 天")
    }

    static let planExportFormats = Self(
        en: "plan exports are yaml, md, csv, ics or html; text and json go with --due",
        zh: "计划的导出格式为 yaml、md、csv、ics 或 html；text 和 json 只能与 --due 一起使用")

    // MARK: init

    static let organisationRequired = Self(
        en: "--organisation is required for a self-assessment template and must not be empty",
        zh: "自评模板必须给出 --organisation，且不能为空")

    static let checklistNeedsAudit = Self(
        en: "--format md writes the audit checklist; use it with --kind audit",
        zh: "--format md 写出的是审核检查表；请与 --kind audit 一起使用")

    static let auditNeedsFrom = Self(
        en: "--kind audit needs --from SELF.yaml, the self-assessment to audit",
        zh: "--kind audit 需要 --from SELF.yaml，即要审核的自评文件")

    static let auditTakesOrganisationFromSelf = Self(
        en: "an audit worksheet takes the organisation from --from; drop --organisation and --site",
        zh: "审核工作底稿的组织信息取自 --from；请去掉 --organisation 和 --site")

    static func unsupportedKind(_ kind: String) -> Self {
        Self(en: "--kind '\(kind)' is not supported; use self or audit", zh: "不支持 --kind '\(kind)'；请用 self 或 audit")
    }

    static let chooseAnotherOutputOrMove = Self(
        en: "choose another --output folder, or move the existing file away", zh: "请换一个 --output 文件夹，或把已有文件移走")

    static func cannotReadEvidenceFile(_ source: String) -> Self {
        Self(en: "cannot read evidence file '\(source)'", zh: "无法读取证据文件 '\(source)'")
    }

    static func leadsOutsideFolder(_ shown: String, folder: String) -> Self {
        Self(
            en: "cannot write '\(shown)': it leads outside the folder '\(folder)'",
            zh: "无法写入 '\(shown)'：它指向文件夹 '\(folder)' 之外")
    }

    static let symbolicLinkPointsElsewhere = Self(
        en: "a symbolic link in the --output folder points elsewhere; choose an empty folder",
        zh: "--output 文件夹中有符号链接指向别处；请选择一个空文件夹")

    static func existsWithOtherContent(_ shown: String) -> Self {
        Self(
            en: "'\(shown)' already exists with other content; it was not overwritten",
            zh: "'\(shown)' 已存在且内容不同；没有覆盖它")
    }

    static let chooseEmptyOutputFolder = Self(en: "choose an empty --output folder", zh: "请选择一个空的 --output 文件夹")

    // MARK: import, history

    static func workbookDoesNotExist(_ path: String) -> Self {
        Self(en: "workbook '\(path)' does not exist", zh: "工作簿 '\(path)' 不存在")
    }

    static let addOverwriteOrChooseAnother = Self(
        en: "add --overwrite to replace it, or choose another --output folder",
        zh: "加上 --overwrite 以替换它，或换一个 --output 文件夹")

    static func noCatalogShownById(_ id: String) -> Self {
        Self(
            en: "no catalog '\(id)' found in Criteria/: domains and ratings are shown by id",
            zh: "在 Criteria/ 中找不到准则 '\(id)'：领域和评级以 id 显示")
    }

    // MARK: verify, serve

    static let digestMustBeSHA256 = Self(
        en: "--digest must be 64 hexadecimal digits (a SHA-256 digest)", zh: "--digest 必须是 64 位十六进制数字（SHA-256 摘要）")

    /// "--limit must be 1 or more, found 0"
    static func atLeastOne(_ option: String, found: Int) -> Self {
        Self(en: "\(option) must be 1 or more, found \(found)", zh: "\(option) 必须大于或等于 1，实际为 \(found)")
    }
}
