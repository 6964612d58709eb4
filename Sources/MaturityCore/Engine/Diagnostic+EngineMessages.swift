/// The messages of the engine's own steps: finding a catalog, reading inputs, merging and writing a plan,
/// the history folder, signing a result.
extension Diagnostic.Message {
    // MARK: Inputs

    static let assessmentLabel = Self(en: "assessment", zh: "评估文件")
    static let planFileLabel = Self(en: "plan", zh: "计划")
    static let folderLabel = Self(en: "folder", zh: "文件夹")
    /// The key list a certification body publishes.
    public static let keyList = Self(en: "key list", zh: "密钥清单")
    /// A signer's private key file.
    public static let keyFile = Self(en: "key file", zh: "密钥文件")
    /// A result JSON.
    public static let resultLabel = Self(en: "result", zh: "结果文件")

    static func cannotReadInput(_ what: Self, _ path: String, reason: String) -> Self {
        let why = fileReason(reason)
        return Self(en: "cannot read \(what.en) '\(path)': \(why.en)", zh: "无法读取\(what.zh) '\(path)'：\(why.zh)")
    }

    static let runInitToMakeOne = Self(en: "run 'maturity init' to make one", zh: "运行 'maturity init' 新建一份")

    // MARK: Catalogs

    static let noCatalogAndNoCriteriaFolder = Self(
        en: "no catalog given and no Criteria/ folder found", zh: "没有给出准则，也没有找到 Criteria/ 文件夹")

    static let passCatalogOrRunInProject = Self(
        en: "pass a catalog file or folder, or run from the project folder that holds Criteria/",
        zh: "请给出准则文件或文件夹，或在含有 Criteria/ 的项目文件夹中运行")

    static func severalCatalogs(_ names: [String]) -> Self {
        Self(
            en: "several catalogs in Criteria/: \(names.joined(separator: ", "))",
            zh: "Criteria/ 中有多个准则：\(names.joined(separator: "、"))")
    }

    static let nameCatalogToUse = Self(
        en: "name the one to use with --catalog (its id or path)", zh: "请用 --catalog 指明要用的那一个（id 或路径）")

    public static func noCatalogInCriteria(_ id: String) -> Self {
        Self(en: "no catalog '\(id)' found in Criteria/", zh: "在 Criteria/ 中找不到准则 '\(id)'")
    }

    public static let passCatalogWithOption = Self(
        en: "pass the catalog with --catalog PATH", zh: "请用 --catalog PATH 给出准则")

    // MARK: KPIs

    static func kpiGivenTwice(_ id: String) -> Self {
        Self(
            en: "KPI '\(id)' is given in metrics and also computed from the ticket export",
            zh: "指标 '\(id)' 既在 metrics 中给出，又由工单导出算出")
    }

    static let removeFromMetricsOrUnmap = Self(
        en: "remove it from 'metrics:' or unmap its columns in the ticket mapping",
        zh: "请把它从 'metrics:' 中删去，或在工单映射中取消其列的映射")

    // MARK: Plans

    static func writePlanWith(_ shown: String) -> Self {
        Self(
            en: "write one with 'maturity plan ASSESSMENT --output \(shown)'",
            zh: "请用 'maturity plan ASSESSMENT --output \(shown)' 写出一份计划")
    }

    /// A plan of another organisation than the assessment's (plan, review).
    public static func planOfAnotherOrganisation(plan: String, assessment: String) -> Self {
        Self(
            en: "the plan is for '\(plan)', the assessment for '\(assessment)'",
            zh: "计划属于 '\(plan)'，评估属于 '\(assessment)'")
    }

    static let givePlanOfSameOrganisation = Self(
        en: "give the plan of the same organisation, or a new file name", zh: "请给出同一组织的计划，或换一个新文件名")

    static func cannotChangeStatusInPlace(_ id: String) -> Self {
        Self(
            en: "cannot change the status of action '\(id)' in place: it is not written as a block mapping "
                + "with a one-line status",
            zh: "无法就地修改行动项 '\(id)' 的状态：它没有写成带单行 status 的块映射")
    }

    static let writeActionAsKeyValueLines = Self(
        en: "write the action as 'key: value' lines, as 'maturity plan' writes them; the plan was not changed",
        zh: "请像 'maturity plan' 写出的那样，把行动项写成一行一个 'key: value'；计划未被修改")

    static let cannotAppendActions = Self(
        en: "cannot add actions to 'actions:' as it is written", zh: "按 'actions:' 现在的写法，无法在其中添加行动项")

    static let writeActionsAsList = Self(
        en: "write 'actions:' as a '- id: …' list; the plan was not changed",
        zh: "请把 'actions:' 写成 '- id: …' 列表；计划未被修改")

    static func updatedPlanWouldNotReadBack(_ file: String) -> Self {
        Self(
            en: "internal error: the updated plan would not read back; '\(file)' was not changed",
            zh: "内部错误：更新后的计划无法读回；'\(file)' 未被修改")
    }

    /// Another diagnostic, whole, as a hint.
    static func rendered(_ diagnostic: Diagnostic) -> Self {
        Self(en: diagnostic.rendered(in: .en), zh: diagnostic.rendered(in: .zh))
    }

    // MARK: History folders

    static func isNotAFolder(_ shown: String) -> Self {
        Self(en: "'\(shown)' is not a folder", zh: "'\(shown)' 不是文件夹")
    }

    static let giveFolderOfResults = Self(
        en: "give the folder that holds the result JSON files", zh: "请给出存放结果 JSON 文件的文件夹")

    static func noResultFiles(in shown: String) -> Self {
        Self(en: "no result files (*.json) in '\(shown)'", zh: "'\(shown)' 中没有结果文件（*.json）")
    }

    static let saveResultsThere = Self(
        en: "save results there with 'maturity assess … --format json --output' or 'maturity review …'",
        zh: "请用 'maturity assess … --format json --output' 或 'maturity review …' 把结果保存到这里")

    // MARK: Keys and signing

    static func passphraseDoesNotOpen(_ shown: String) -> Self {
        Self(en: "the passphrase does not open key file '\(shown)'", zh: "口令打不开密钥文件 '\(shown)'")
    }

    static let giveThePassphrase = Self(
        en: "give the passphrase the key was made with (MATURITY_PASSPHRASE or --passphrase-file)",
        zh: "请给出创建密钥时所用的口令（MATURITY_PASSPHRASE 或 --passphrase-file）")

    static func keyFileDamaged(_ shown: String) -> Self {
        Self(
            en: "key file '\(shown)' is damaged: its private key does not belong to its public key",
            zh: "密钥文件 '\(shown)' 已损坏：其中的私钥与公钥不配对")
    }

    static let useKeyFileAsWritten = Self(en: "use the key file as it was written", zh: "请使用原样保存的密钥文件")

    static func notSignedDoesNotVerify(_ shown: String) -> Self {
        Self(
            en: "'\(shown)' is not signed: it does not verify against its sign-off",
            zh: "拒绝为 '\(shown)' 签名：按其签署信息核验未通过")
    }

    static let signerSignsOnlyUnchanged = Self(
        en: "a signer signs only a result whose files are as the audit left them",
        zh: "签名人只为文件仍保持审核时原样的结果签名")

    static func notAnAuditorsKey(owner: String, role: SignerRole) -> Self {
        Self(
            en: "key of '\(owner)' is a \(role.rawValue)'s key; a result is signed with an auditor's",
            zh: "'\(owner)' 的密钥是\(role.chineseName)的密钥；结果须用审核员的密钥签名")
    }

    static let decisionMakersSignDecisions = Self(
        en: "decision-makers sign decisions ('maturity registry decide --key')",
        zh: "认证决定人员为认证决定签名（'maturity registry decide --key'）")

    static func keyOfAnotherAuditor(owner: String, auditor: String) -> Self {
        Self(
            en: "the key belongs to '\(owner)', but the result's sign-off names auditor '\(auditor)'",
            zh: "密钥属于 '\(owner)'，但结果的签署信息写明的审核员是 '\(auditor)'")
    }

    static let auditorWhoSignedOffSigns = Self(
        en: "the auditor who signed off signs the result", zh: "应由签署的审核员为结果签名")

    static func signingDateBeforeAudit(_ date: Day, audit: Day) -> Self {
        Self(
            en: "the signing date \(date) is before the audit's date \(audit)",
            zh: "签名日期 \(date) 早于审核日期 \(audit)")
    }

    static let signOnOrAfterAudit = Self(en: "sign on or after the day of the audit", zh: "请在审核当天或之后签名")

    static func cannotSign(_ reason: String) -> Self {
        Self(en: "cannot sign: \(reason)", zh: "无法签名：\(reason)")
    }
}
