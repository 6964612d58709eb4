/// The certification rules' refusals, their hints and the notes a decision prints, in English and Chinese: what a
/// certification body's staff read when `maturity registry decide`, `assign`, `nc` or `trigger` refuses.
extension Diagnostic.Message {
    /// `'grant'（授予）`: in Chinese, the word typed on the command line with its meaning.
    static func decision(_ kind: DecisionKind) -> String {
        "'\(kind.rawValue)'（\(kind.name.text(.zh))）"
    }

    // MARK: Decisions

    static func reviewerOnTeam(reviewer: String, lead: String, auditDate: Day) -> Self {
        Self(
            en: "'\(reviewer)' was on the audit team of \(auditDate) (led by '\(lead)'); the certification decision "
                + "is taken by someone who was not",
            zh: "'\(reviewer)' 是 \(auditDate) 审核的审核组成员（审核组长 '\(lead)'）；为保证公正性，认证决定须由未参加该审核的人员作出")
    }

    static let reviewerOutsideTeam = Self(
        en: "have a reviewer outside the audit team decide (--reviewer)", zh: "请由审核组以外的认证决定人员作出决定（--reviewer）")

    static func reasonRequired(kind: DecisionKind, recommendation: DecisionKind) -> Self {
        Self(
            en: "the decision '\(kind.rawValue)' differs from the audit team's recommendation "
                + "'\(recommendation.rawValue)'; a decision that differs needs a written reason",
            zh: "认证决定 \(decision(kind)) 与审核组的推荐意见 \(decision(recommendation)) 不一致；与推荐意见不一致的决定须写明理由")
    }

    static let giveReasonOrFollow = Self(
        en: "give the reason with --reason, or decide as recommended", zh: "请用 --reason 写明理由，或按审核组的推荐意见作出决定")

    static func decisionNeedsAudit(_ kind: DecisionKind) -> Self {
        Self(
            en: "'\(kind.rawValue)' rests on an audit result, and none was given",
            zh: "\(decision(kind)) 须依据审核结果作出，但未给出审核结果")
    }

    static let nameImportedResult = Self(
        en: "name the imported result with --result (its sign-off digest or its first digits)",
        zh: "请用 --result 指明已导入的审核结果（签署摘要或其前几位）")

    static func wrongAuditKind(_ kind: DecisionKind, audit: Assessment.Kind) -> Self {
        let grant = kind == .grant
        return Self(
            en: "'\(kind.rawValue)' cannot rest on a \(audit.rawValue) result"
                + (grant ? ": a grant needs an initial or recertification audit (kind audit)" : ""),
            zh: "\(decision(kind)) 不能依据 \(audit.rawValue) 审核结果作出"
                + (grant ? "：授予认证须依据初次认证审核或再认证审核（kind audit）" : ""))
    }

    static func auditFailed(_ kind: DecisionKind, date: Day) -> Self {
        Self(
            en: "the audit of \(date) rates fail; '\(kind.rawValue)' needs a rating above fail",
            zh: "\(date) 的审核评级为 fail（不合格）；\(decision(kind)) 须有高于 fail 的评级")
    }

    static func auditNotAfterLast(date: Day, lastAudit: Day) -> Self {
        Self(
            en: "the audit of \(date) is not after the last audit the certificate rests on (\(lastAudit))",
            zh: "\(date) 的审核不晚于证书所依据的上一次审核（\(lastAudit)）")
    }

    static func auditOfOtherOrganisation(audit: String, certificate: String) -> Self {
        Self(
            en: "the audit is of '\(audit)', the certificate is held by '\(certificate)'",
            zh: "该审核的受审核方是 '\(audit)'，而证书持有者是 '\(certificate)'")
    }

    static func openMajorOverdue(_ ids: [String], deadline: Day) -> Self {
        let one = ids.count == 1
        return Self(
            en: "major nonconformit\(one ? "y" : "ies") \(ids.joined(separator: ", ")) open past "
                + "\(one ? "its" : "the first") deadline (\(deadline)); an open major nonconformity past its "
                + "deadline blocks a grant",
            zh: "严重不符合项 \(ids.joined(separator: "、")) 已过\(one ? "" : "最早的")整改期限（\(deadline)）仍未关闭；"
                + "存在逾期未关闭的严重不符合项时不能授予认证")
    }

    static let closeNonconformityFirst = Self(
        en: "verify and close the nonconformity first ('maturity registry nc')",
        zh: "请先验证纠正措施并关闭该不符合项（'maturity registry nc'）")

    static func certificateNotInState(_ kind: DecisionKind, number: String, state: CertificateState) -> Self {
        let (en, zh): (String, String)
        switch kind {
        case .reinstate: (en, zh) = ("suspended", "暂停")
        case .withdraw: (en, zh) = ("valid or suspended", "有效或暂停")
        case .grant, .refuse: (en, zh) = ("withdrawn or expired (or none)", "已撤销或已过期（或尚无证书）")
        default: (en, zh) = ("valid", "有效")
        }
        return Self(
            en: "certificate \(number) is \(state.rawValue); '\(kind.rawValue)' applies to a certificate that is " + en,
            zh: "证书 \(number) 当前状态为“\(state.name.text(.zh))”；\(decision(kind)) 只适用于状态为“\(zh)”的证书")
    }

    static func decisionNeedsCertificate(_ kind: DecisionKind) -> Self {
        Self(
            en: "'\(kind.rawValue)' needs a certificate, and none was named",
            zh: "\(decision(kind)) 须针对一张证书，但未指明证书")
    }

    static func certificateInForce(number: String, expires: Day, window: Day) -> Self {
        Self(
            en: "certificate \(number) is in force until \(expires); a new grant (recertification) can be decided "
                + "from \(window)",
            zh: "证书 \(number) 有效期至 \(expires)；自 \(window) 起方可作出新的授予决定（再认证）")
    }

    static let decideOnSurveillance = Self(
        en: "decide maintain, upgrade or downgrade on a surveillance instead",
        zh: "在此之前请依据监督审核作出保持（maintain）、升级（upgrade）或降级（downgrade）的决定")

    static func noFollowUpAudit(number: String, since: Day) -> Self {
        Self(
            en: "certificate \(number) was suspended on \(since) and no follow-up audit (special or surveillance, "
                + "rated above fail) has been held since; it cannot be reinstated without one",
            zh: "证书 \(number) 自 \(since) 起暂停，此后未进行跟踪审核（特殊审核或监督审核，评级高于 fail）；没有跟踪审核不能恢复证书")
    }

    static let importFollowUpAudit = Self(
        en: "import the follow-up audit's signed result, then decide reinstate on it",
        zh: "请先导入跟踪审核已签名的结果，再依据它作出恢复（reinstate）决定")

    static func sameRating(_ kind: DecisionKind, rating: String) -> Self {
        Self(
            en: "'\(kind.rawValue)' needs a rating other than the certificate's '\(rating)'",
            zh: "\(decision(kind)) 要求审核评级不同于证书现有的评级 '\(rating)'")
    }

    static func ratingDirection(_ kind: DecisionKind, from: String, to: String) -> Self {
        Self(
            en: "'\(kind.rawValue)' from '\(from)' to '\(to)' goes the other way",
            zh: "评级从 '\(from)' 变为 '\(to)'，与 \(decision(kind)) 的方向相反")
    }

    static func decisionDateBefore(_ date: Day, last: Day) -> Self {
        Self(
            en: "the decision date \(date) is before the certificate's last change (\(last))",
            zh: "决定日期 \(date) 早于证书的最近一次变更（\(last)）")
    }

    static let decisionsInDateOrder = Self(
        en: "decisions are recorded in date order", zh: "认证决定须按日期先后记录")

    /// Said when the decision is taken: a suspension past its limit became withdrawal.
    static func suspensionBecomesWithdrawal(number: String, since: Day, months: Int, kind: DecisionKind) -> Self {
        .status(
            en: "certificate \(number) has been suspended since \(since), more than \(months) months: "
                + "'\(kind.rawValue)' becomes withdrawal",
            zh: "证书 \(number) 自 \(since) 起暂停已超过 \(months) 个月：\(decision(kind)) 改为撤销（withdraw）")
    }

    // MARK: Audit teams

    static func conflictOfInterest(
        auditor: String, relation: ConflictDeclaration.Relation, until: Day?, barredUntil: Day?
    ) -> Self {
        let related = relation == .employed ? "曾受雇于该客户" : "曾为该客户提供咨询"
        return Self(
            en:
                "'\(auditor)' \(relation.words.text(.en)) the client (\(until.map { "until \($0)" } ?? "and still does")); "
                + "an auditor who worked for or consulted a client within two years cannot audit it"
                + (barredUntil.map { " (possible from \($0))" } ?? ""),
            zh: "'\(auditor)' \(related)（\(until.map { "至 \($0)" } ?? "至今")）；存在利益冲突：两年内曾受雇于客户或为其提供咨询的审核员"
                + "不得审核该客户" + (barredUntil.map { "（自 \($0) 起方可）" } ?? ""))
    }

    static let assignAnotherAuditor = Self(en: "assign another auditor", zh: "请指派其他审核员")

    // MARK: Nonconformities

    static func correctiveActionIncomplete(_ id: String) -> Self {
        Self(
            en: "the corrective action for \(id) needs a root cause and a correction",
            zh: "不符合项 \(id) 的纠正措施须写明根本原因和纠正")
    }

    static func nonconformityStep(_ id: String, step: Nonconformity.Step, state: Nonconformity.State) -> Self {
        let stepZh: String
        switch step {
        case .submitAction: stepZh = "提交纠正措施"
        case .verify: stepZh = "验证"
        case .close: stepZh = "关闭"
        }
        return Self(
            en: "nonconformity \(id) is \(state.rawValue.replacingOccurrences(of: "_", with: " ")); it cannot "
                + step.name + " now",
            zh: "不符合项 \(id) 当前为“\(state.name.text(.zh))”；现在不能\(stepZh)")
    }

    static let nonconformitySteps = Self(
        en: "steps go raised → action submitted → verified → closed", zh: "步骤依次为：提出 → 提交纠正措施 → 验证 → 关闭")

    static func nonconformityDateBefore(_ id: String, date: Day, previous: Day) -> Self {
        Self(
            en: "the date \(date) is before the last step of \(id) (\(previous))",
            zh: "日期 \(date) 早于不符合项 \(id) 的上一步（\(previous)）")
    }

    // MARK: Certificate numbers

    static func certificateNumberPattern(_ problem: Self) -> Self {
        Self(en: "certificate number pattern: ", zh: "证书编号格式有误：") + problem
    }

    static let patternBraceUnclosed = Self(en: "'{' without '}'", zh: "'{' 没有对应的 '}'")

    static func patternUnknownPart(_ token: Substring) -> Self {
        Self(
            en: "unknown part '{\(token)}' (use {year}, {seq} or {seq:N})",
            zh: "未知的部分 '{\(token)}'（可用 {year}、{seq} 或 {seq:N}）")
    }

    static let patternNeedsOneSequence = Self(
        en: "the pattern needs one {seq} (the running number)", zh: "格式中须有且只有一个 {seq}（流水号）")

    static let patternSlashOrSpace = Self(
        en: "a certificate number cannot hold '/' or spaces (it is part of a web address)",
        zh: "证书编号不能含有 '/' 或空格（它是网址的一部分）")
}
