/// The messages of taking a sealed audit result into the register (AuditRecord+Result).
extension Diagnostic.Message {
    static func filesNotFound(_ missing: Int, of total: Int, first: SignOff.Part) -> Self {
        Self(
            en: "\(missing) of the \(total) files the result rests on were not found, so they were not checked "
                + "(the first: \(first.role.rawValue) '\(first.path)')",
            zh: "结果所依据的 \(total) 个文件中有 \(missing) 个没有找到，因此未核验（第一个：\(first.role.chineseName)文件 "
                + "'\(first.path)'）")
    }

    static let importFromAuditFolder = Self(
        en: "import from the audit folder to check every file, or check it with 'maturity verify'",
        zh: "请在审核文件夹中导入，以核验每个文件；或用 'maturity verify' 核验")

    static func noValidAuditorSignature(_ shown: String) -> Self {
        Self(en: "'\(shown)' carries no valid signature of its auditor", zh: "'\(shown)' 没有其审核员的有效签名")
    }

    static let auditorSignsOrAllowUnsigned = Self(
        en: "the auditor signs it with 'maturity sign'; or import with --allow-unsigned",
        zh: "由审核员用 'maturity sign' 签名；或用 --allow-unsigned 导入")

    static func refusedDoesNotVerify(_ shown: String) -> Self {
        Self(en: "'\(shown)' is refused: it does not verify", zh: "拒绝导入 '\(shown)'：核验未通过")
    }

    static let onlySealedAndSignedEnters = Self(
        en: "only a result as its auditor sealed and signed it enters the register",
        zh: "只有与审核员签署封存并签名时完全一致的结果才能进入注册库")

    static func notAnAuditResult(_ shown: String) -> Self {
        Self(
            en: "'\(shown)' is not an audit result (kind audit, surveillance or special, with organisation, "
                + "date, catalog and rating)",
            zh: "'\(shown)' 不是审核结果（须为 kind audit、surveillance 或 special，并有 organisation、date、catalog 和 rating）")
    }
}
