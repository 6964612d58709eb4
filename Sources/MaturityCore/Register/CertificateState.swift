/// Where a certificate stands.
public enum CertificateState: String, Sendable, Hashable, CaseIterable {
    case valid
    case suspended
    case withdrawn
    case expired

    /// Whether the certificate may still come back into force by a decision (not withdrawn or expired).
    public var isLive: Bool { self == .valid || self == .suspended }

    public var name: LocalizedText {
        switch self {
        case .valid: return LocalizedText(zh: "有效", en: "Valid")
        case .suspended: return LocalizedText(zh: "暂停", en: "Suspended")
        case .withdrawn: return LocalizedText(zh: "撤销", en: "Withdrawn")
        case .expired: return LocalizedText(zh: "过期", en: "Expired")
        }
    }
}

/// A certification decision: what the reviewer outside the audit team decides.
public enum DecisionKind: String, Sendable, Hashable, CaseIterable {
    case grant
    case maintain
    case suspend
    case reinstate
    case withdraw
    case upgrade
    case downgrade
    case refuse

    /// The decision the audit team's review recommends, in the register's terms.
    public init(recommendation: ReviewDecision) {
        switch recommendation {
        case .withdraw: self = .withdraw
        case .suspend: self = .suspend
        case .reinstate: self = .reinstate
        case .downgrade: self = .downgrade
        case .upgrade: self = .upgrade
        case .maintain, .maintainWithFollowUp: self = .maintain
        }
    }

    public var name: LocalizedText {
        switch self {
        case .grant: return LocalizedText(zh: "授予", en: "Grant")
        case .maintain: return LocalizedText(zh: "保持", en: "Maintain")
        case .suspend: return LocalizedText(zh: "暂停", en: "Suspend")
        case .reinstate: return LocalizedText(zh: "恢复", en: "Reinstate")
        case .withdraw: return LocalizedText(zh: "撤销", en: "Withdraw")
        case .upgrade: return LocalizedText(zh: "升级", en: "Upgrade")
        case .downgrade: return LocalizedText(zh: "降级", en: "Downgrade")
        case .refuse: return LocalizedText(zh: "不予认证", en: "Refuse")
        }
    }
}

/// One change of a certificate's state: when, from what to what, by which decision, why, and who decided.
public struct StateChange: Sendable, Hashable {
    public var date: Day
    /// Nil for the grant that created the certificate.
    public var from: CertificateState?
    public var to: CertificateState
    /// The decision that made the change; nil for an expiry, which happens by date alone.
    public var decision: DecisionKind?
    public var reason: String
    public var by: String

    public init(
        date: Day, from: CertificateState?, to: CertificateState, decision: DecisionKind?, reason: String, by: String
    ) {
        self.date = date
        self.from = from
        self.to = to
        self.decision = decision
        self.reason = reason
        self.by = by
    }
}

extension StateChange {
    /// The reason recorded for a decision taken as recommended, or on a trigger, without a written one:
    /// `recommendation: grant`, `trigger: misuse`.
    public static func reason(recommendation: DecisionKind?, trigger: SuspensionTrigger.Kind?) -> String {
        if let recommendation { return "recommendation: \(recommendation.rawValue)" }
        if let trigger { return "trigger: \(trigger.rawValue)" }
        return "-"
    }

    /// The reason in words: a recorded recommendation or trigger named in `language`, a written reason as written.
    public func reasonText(_ language: Language) -> String {
        let zh = language == .zh
        if reason.hasPrefix("recommendation: "), let kind = DecisionKind(rawValue: String(reason.dropFirst(16))) {
            return zh ? "按审核组建议（\(kind.name.text(.zh))）" : "as the audit team recommended (\(kind.rawValue))"
        }
        if reason.hasPrefix("trigger: "), let kind = SuspensionTrigger.Kind(rawValue: String(reason.dropFirst(9))) {
            return (zh ? "依据：" : "on ") + kind.words.text(language)
        }
        return reason
    }
}
