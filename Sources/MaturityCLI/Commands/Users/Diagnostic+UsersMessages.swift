import MaturityCore
import MaturityStore

/// The usage errors, diagnostics and status lines of `maturity users` and `maturity audit-log`.
extension Diagnostic.Message {
    // MARK: Usage

    static func roleIsBodyWide(_ role: String) -> Self {
        Self(
            en: "--role \(role) is body-wide: give no --organisation or --assessment",
            zh: "--role \(role) 适用于整个认证机构：不要给出 --organisation 或 --assessment")
    }

    static func roleNeedsOrganisation(_ role: String) -> Self {
        Self(
            en: "--role \(role) needs --organisation (or --assessment for an auditor)",
            zh: "--role \(role) 需要 --organisation（审核员也可用 --assessment）")
    }

    static let assessmentForAuditorsOnly = Self(
        en: "--assessment is for --role auditor only", zh: "--assessment 只用于 --role auditor")

    static let domainForCompanyMembersOnly = Self(
        en: "--domain is for --role company-member only", zh: "--domain 只用于 --role company-member")

    static func userNameInvalid(_ name: String) -> Self {
        Self(
            en: "the user name must be 1 to 100 characters without spaces, found '\(name)'",
            zh: "用户名必须是 1 到 100 个字符且不含空格，实际为 '\(name)'")
    }

    static let languageZhOrEn = Self(en: "--language must be zh or en", zh: "--language 必须是 zh 或 en")

    // MARK: Diagnostics

    static func passwordRefused(_ problem: String) -> Self {
        Self(en: "the password is refused: \(problem)", zh: "密码不被接受：\(problem)")
    }

    static let giveAnotherPassword = Self(
        en: "give another password on standard input", zh: "请在标准输入中给出另一个密码")

    static func doesNotHoldRole(_ name: String) -> Self {
        Self(en: "'\(name)' does not hold that role", zh: "'\(name)' 没有这个角色")
    }

    static let seeUsersList = Self(en: "see 'maturity users list'", zh: "请查看 'maturity users list'")

    static func noLiveToken(_ name: String, _ token: String) -> Self {
        Self(en: "'\(name)' has no live token '\(token)'", zh: "'\(name)' 没有有效的令牌 '\(token)'")
    }

    static let listTokensWithList = Self(en: "list them with --list", zh: "可用 --list 列出令牌")

    static func auditTrailProblem(_ problem: String) -> Self {
        Self(en: "audit trail: \(problem)", zh: "审计记录：\(problem)")
    }

    static let auditTrailChanged = Self(
        en: "the audit trail was changed after it was written", zh: "审计记录在写入后被改动过")

    static let restoreFromBackup = Self(
        en: "restore the database from a backup, and find out who could write to it",
        zh: "请从备份恢复数据库，并查明谁能够写入它")

    // MARK: Status lines

    static func userAdded(_ line: Self) -> Self { .status(en: "added ", zh: "已添加 ") + line }

    // MARK: Listings for people (users list, users token --list)

    static let noRole = status(en: "no role", zh: "无角色")

    static func userState(disabled: Bool) -> Self {
        disabled ? .status(en: "disabled", zh: "已停用") : .status(en: "active", zh: "在用")
    }

    /// `auditor @ org-id (assessment a-id)`; the role is the word typed after --role.
    static func role(_ role: RoleAssignment) -> Self {
        var line = Self.key(role.role.rawValue)
        if let organisation = role.organisationId { line = line + .key(" @ \(organisation)") }
        if let assessment = role.assessmentId {
            line = line + .status(en: " (assessment \(assessment))", zh: "（评估 \(assessment)）")
        }
        if let domain = role.domain { line = line + .status(en: " (domain \(domain))", zh: "（领域 \(domain)）") }
        return line
    }

    static func tokenState(revoked: String?) -> Self {
        revoked.map { .status(en: "revoked \($0)", zh: "已吊销 \($0)") } ?? .status(en: "live", zh: "有效")
    }

    static func oneTimePassword(_ secret: String, new: Bool) -> Self {
        new
            ? .status(
                en: "one-time password (shown once; change it with 'users reset'): \(secret)",
                zh: "一次性密码（只显示这一次；可用 'users reset' 更改）：\(secret)")
            : .status(en: "one-time password (shown once): \(secret)", zh: "一次性密码（只显示这一次）：\(secret)")
    }

    static let noUsersYet = status(
        en: "no users yet; add the first with 'maturity users add NAME --role cb-admin'",
        zh: "还没有用户；请用 'maturity users add NAME --role cb-admin' 添加第一个")

    static func userDisabled(_ name: String) -> Self { .status(en: "disabled \(name)", zh: "已停用 \(name)") }

    static func userEnabled(_ name: String) -> Self { .status(en: "enabled \(name)", zh: "已启用 \(name)") }

    static func passwordChanged(_ name: String) -> Self {
        .status(
            en: "password of \(name) changed; their sessions are ended", zh: "\(name) 的密码已更改；其所有会话已结束")
    }

    static func tokenRevoked(_ token: String, of name: String) -> Self {
        .status(en: "revoked token '\(token)' of \(name)", zh: "已吊销 \(name) 的令牌 '\(token)'")
    }

    static func tokenCreated(_ label: String, id: String, for name: String, token: String) -> Self {
        .status(
            en: "token '\(label)' (\(id)) for \(name), shown once:\n\(token)",
            zh: "\(name) 的令牌 '\(label)'（\(id)），只显示这一次：\n\(token)")
    }

    static func secondFactorRemoved(_ name: String) -> Self {
        .status(en: "second factor of \(name) removed", zh: "已移除 \(name) 的第二重验证")
    }

    static func secondFactorSetUp(_ name: String, secret: String, uri: String) -> Self {
        .status(
            en: "second factor of \(name) set up; shown once:\nsecret \(secret)\n\(uri)",
            zh: "已为 \(name) 设置第二重验证；只显示这一次：\n密钥 \(secret)\n\(uri)")
    }

    static func auditTrailIntact(records: Int, head: String) -> Self {
        .status(
            en: "audit trail intact: \(records) records, last hash \(head)",
            zh: "审计记录完好：共 \(records) 条，最后的哈希值 \(head)")
    }
}

extension Array where Element == Diagnostic.Message {
    /// The messages one after another, `separator` between them, in each language.
    func joined(separator: String) -> Diagnostic.Message {
        guard let first else { return .key("") }
        return dropFirst().reduce(first) { $0 + .key(separator) + $1 }
    }
}
