import MaturityCore
import MaturityStore

/// The usage errors, diagnostics and status lines of `maturity registry`.
extension Diagnostic.Message {
    // MARK: Usage

    static func catalogMustBeIdAtVersion(found: String) -> Self {
        Self(en: "--catalog must be ID@VERSION, found '\(found)'", zh: "--catalog 应为 ID@VERSION 的形式，实际为 '\(found)'")
    }

    static let kindMustBeAnAudit = Self(
        en: "--kind must be audit, surveillance or special", zh: "--kind 必须是 audit、surveillance 或 special")

    static func numberPatternProblem(_ problem: Self) -> Self {
        Self(en: "--number-pattern: ", zh: "证书编号格式 --number-pattern 有误：") + problem
    }

    /// "--grace-days must be 0 to 365, found 400"
    static func optionRange(_ option: String, _ range: ClosedRange<Int>, found: Int) -> Self {
        Self(
            en: "\(option) must be \(range.lowerBound) to \(range.upperBound), found \(found)",
            zh: "\(option) 必须是 \(range.lowerBound) 到 \(range.upperBound)，实际为 \(found)")
    }

    static func withinDays(_ range: ClosedRange<Int>, found: Int) -> Self {
        Self(
            en: "--within must be \(range.lowerBound) to \(range.upperBound) days, found \(found)",
            zh: "--within 必须是 \(range.lowerBound) 到 \(range.upperBound) 天，实际为 \(found)")
    }

    static let giveAtLeastOneResult = Self(en: "give at least one result file", zh: "请至少给出一个结果文件")

    static func noResultInFolder(_ folder: String) -> Self {
        Self(en: "no .json file in folder '\(folder)'", zh: "文件夹 '\(folder)' 中没有 .json 文件")
    }

    static let giveResultFiles = Self(
        en: "name the result files (assess or review --format json), or a folder holding them",
        zh: "请给出结果文件（assess 或 review --format json 的输出），或存放它们的文件夹")

    static let giveReviewerKey = Self(
        en: "give the reviewer's key: --key FILE or --stored-key ID (one of them)",
        zh: "请给出评定人的密钥：--key FILE 或 --stored-key ID（二选一）")

    static let nameWhatIsDecided = Self(
        en: "name what is decided: --result, --certificate or --organisation",
        zh: "请指明评定的对象：--result、--certificate 或 --organisation")

    static let fromPublishesAsItIs = Self(
        en: "--from publishes the key file as it is: leave out --owner, --role, --date, --output and --keep",
        zh: "--from 按原样发布密钥文件：请去掉 --owner、--role、--date、--output 和 --keep")

    static let giveOwnerRoleOutput = Self(
        en: "give --owner, --role and --output to make a key (or --from KEY.json to publish one)",
        zh: "生成密钥需要 --owner、--role 和 --output（或用 --from KEY.json 发布已有的密钥）")

    static let ownerMustNameSomeone = Self(en: "--owner must name someone", zh: "--owner 必须写明密钥持有人")

    static let roundsPowerOfTwo = Self(
        en: "--rounds must be a power of two from 1024", zh: "--rounds 必须是不小于 1024 的 2 的幂")

    // MARK: Diagnostics

    static func notInRegister(_ kind: String, _ id: String) -> Self {
        Self(en: "no \(kind) '\(id)' in the register", zh: "注册库中没有\(storedKind(kind).zh) '\(id)'")
    }

    static let certificateNumbersListed = Self(
        en: "certificate numbers are listed by 'maturity registry due' and 'registry certificate'",
        zh: "证书编号可用 'maturity registry due' 和 'registry certificate' 查看")

    static let eachResultImportedOnce = Self(
        en:
            "the register keeps each signed result once, so nothing was changed; a later audit is imported from its own result",
        zh: "注册库对每份已签署的结果只保存一次，因此未作任何更改；后续审核请导入其自己的结果文件")

    static let signWithOwnDecisionKey = Self(
        en: "sign with the reviewer's own, current decision-maker key", zh: "请用评定人本人当前有效的决定人密钥签名")

    static func registerFailed(_ error: String) -> Self {
        Self(en: "the register failed: \(error)", zh: "注册库操作失败：\(error)")
    }

    static func noStoredPrivateKey(_ id: String) -> Self {
        Self(en: "the register keeps no private key for '\(id)'", zh: "注册库中没有为 '\(id)' 保存私钥")
    }

    static let giveKeyFileWithKey = Self(
        en: "give the reviewer's key file with --key", zh: "请用 --key 给出评定人的密钥文件")

    static func passphraseDoesNotOpenStoredKey(_ id: String) -> Self {
        Self(en: "the passphrase does not open the register's key '\(id)'", zh: "口令无法打开注册库中的密钥 '\(id)'")
    }

    static func keyFileNeverOverwritten(_ output: String) -> Self {
        Self(en: "'\(output)' exists; a key file is never overwritten", zh: "'\(output)' 已存在；密钥文件从不覆盖")
    }

    static let chooseAnotherOutput = Self(en: "choose another --output", zh: "请换一个 --output")

    // MARK: Status lines

    /// The register's note (what a decision also did).
    static func registerNote(_ note: Self) -> Self {
        .status(en: "note: ", zh: "注意：") + note
    }

    static func clientRecorded(_ client: ClientRecord) -> Self {
        let (type, sites, products) = (
            client.enterpriseType ?? "-", client.sites.joined(separator: ", "),
            client.productCategories.joined(separator: ", ")
        )
        return .status(
            en:
                "client \(client.organisation) (\(client.organisationId)): \(type); sites \(sites); products \(products)",
            zh: "客户 \(client.organisation)（\(client.organisationId)）：\(type)；现场 \(sites)；产品 \(products)")
    }

    static func kindName(_ kind: Assessment.Kind) -> Self {
        switch kind {
        case .selfAssessment: .key(kind.rawValue)
        case .audit: Self(en: kind.rawValue, zh: "审核")
        case .surveillance: Self(en: kind.rawValue, zh: "监督审核")
        case .special: Self(en: kind.rawValue, zh: "特殊审核")
        }
    }

    static func teamAssigned(_ names: [String], kind: Assessment.Kind, date: Day) -> Self {
        .status(
            en: "assigned \(names.joined(separator: ", ")) to the \(kindName(kind).en) of \(date)",
            zh: "已指派 \(names.joined(separator: "、")) 负责 \(date) 的\(kindName(kind).zh)")
    }

    static func conflictRecorded(
        auditor: String, relation: ConflictDeclaration.Relation, organisation: String, until: Day?
    ) -> Self {
        .status(
            en: "recorded: \(auditor) \(relation.rawValue) \(organisation) until \(until?.description ?? "now")",
            zh: "已记录：\(auditor) "
                + (relation == .employed ? "曾受雇于 \(organisation)" : "曾为 \(organisation) 提供咨询")
                + "，截至 \(until?.description ?? "今")")
    }

    static func registerSettings(_ policy: RegisterPolicy) -> Self {
        .status(
            en: """
                number pattern       \(policy.numberPattern)
                validity             \(policy.validityYears) years
                surveillance         every \(policy.surveillanceMonths) months, late after \(policy.graceDays) days
                suspension limit     \(policy.suspensionLimitMonths) months
                body                 \(policy.bodyName)

                """,
            zh: """
                证书编号格式         \(policy.numberPattern)
                有效期               \(policy.validityYears) 年
                监督审核             每 \(policy.surveillanceMonths) 个月一次，逾期 \(policy.graceDays) 天即为迟延
                暂停期限             \(policy.suspensionLimitMonths) 个月
                认证机构             \(policy.bodyName)

                """)
    }

    static func decisionTaken(_ outcome: DecisionOutcome) -> Self {
        let d = outcome.decision
        var en = "\(d.kind.rawValue) \(d.certificate) on \(d.date) by \(d.reviewer)"
        var zh = "\(d.date) \(d.reviewer) 对证书 \(d.certificate) 作出决定：\(d.kind.name.text(.zh))"
        if let recommendation = d.recommendation {
            en += "; audit team recommended \(recommendation.rawValue)" + (d.differs ? " (differs)" : "")
            zh += "；审核组建议 \(recommendation.rawValue)" + (d.differs ? "（与决定不同）" : "")
        }
        if let c = outcome.certificate {
            en += "; certificate \(c.state.rawValue), rating \(c.rating), expires \(c.expires)"
            zh += "；证书\(c.state.name.text(.zh))，评级 \(c.rating)，有效期至 \(c.expires)"
        }
        en += "; signed \(d.signature?.keyId ?? "-")"
        zh += "；签名密钥 \(d.signature?.keyId ?? "-")"
        return Self(en: en, zh: zh)
    }

    static func resultImported(
        _ file: String, record: AuditRecord, raised: [String], closed: [String]
    ) -> Self {
        var en =
            "imported \(file): \(record.kind.rawValue) \(record.date) of \(record.organisation), rating \(record.rating)"
            + (record.reviewDecision.map { ", recommends \($0.rawValue)" } ?? "")
            + " (sign-off \(record.id.prefix(12)))"
        var zh =
            "已导入 \(file)：\(record.organisation) \(record.date) 的\(kindName(record.kind).zh)，评级 \(record.rating)"
            + (record.reviewDecision.map { "，建议 \($0.rawValue)" } ?? "")
            + "（签署摘要 \(record.id.prefix(12))）"
        if !raised.isEmpty {
            en += "; raised \(raised.joined(separator: ", "))"
            zh += "；新开不符合项 \(raised.joined(separator: "、"))"
        }
        if !closed.isEmpty {
            en += "; closed \(closed.joined(separator: ", "))"
            zh += "；已关闭 \(closed.joined(separator: "、"))"
        }
        return Self(en: en, zh: zh)
    }

    static func keyPublished(_ id: String, owner: String, role: SignerRole, from file: String) -> Self {
        .status(
            en: "published key \(id) of \(owner) (\(role.rawValue)) from \(file)",
            zh: "已从 \(file) 发布 \(owner) 的密钥 \(id)（\(role.rawValue)）")
    }

    static func keyMade(_ id: String, owner: String, role: SignerRole, privateKey output: String) -> Self {
        .status(
            en: "published key \(id) of \(owner) (\(role.rawValue)); private key in \(output)",
            zh: "已发布 \(owner) 的密钥 \(id)（\(role.rawValue)）；私钥保存在 \(output)")
    }

    static func keyRevoked(_ id: String, owner: String, from day: Day) -> Self {
        .status(en: "revoked key \(id) of \(owner) from \(day)", zh: "已吊销 \(owner) 的密钥 \(id)，自 \(day) 起失效")
    }

    static func nonconformityChanged(_ nc: Nonconformity, day: Day, by: String) -> Self {
        .status(
            en: "\(nc.id): \(nc.state.rawValue.replacingOccurrences(of: "_", with: " ")) (\(day), \(by))",
            zh: "不符合项 \(nc.id)：\(nc.state.name.text(.zh))（\(day)，\(by)）")
    }

    /// One line of `registry nc list`.
    static func nonconformityListed(_ nc: Nonconformity, overdue: Bool) -> Self {
        let grades: [FindingGrade: String] = [.major: "严重", .minor: "一般", .observation: "观察项"]
        let state = nc.state.rawValue.replacingOccurrences(of: "_", with: " ")
        let site = nc.site.map { "  @\($0)" } ?? ""
        let (late, lateZh) = overdue ? ("  OVERDUE", "  已逾期") : ("", "")
        return .status(
            en: "\(nc.id)  \(nc.grade.rawValue)  raised \(nc.raised)  deadline \(nc.deadline)  \(state)\(late)\(site)",
            zh: "\(nc.id)  \(grades[nc.grade] ?? nc.grade.rawValue)  提出 \(nc.raised)  期限 \(nc.deadline)  "
                + "\(nc.state.name.text(.zh))\(lateZh)\(site)")
    }

    static let noNonconformities = status(en: "no nonconformities", zh: "没有不符合项")

    static func triggerRecorded(_ kind: SuspensionTrigger.Kind, certificate: String, date: Day) -> Self {
        .status(
            en: "recorded \(kind.rawValue) on \(certificate) (\(date))",
            zh: "已在证书 \(certificate) 上记录：\(kind.words.text(.zh))（\(date)）")
    }
}
