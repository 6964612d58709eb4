/// The messages of sealing and verifying an audit result (SignOff, Verification, ResultJSON's sign-off
/// reader, the engine's verify) and of its Ed25519 signatures.
extension Diagnostic.Message {
    // MARK: The sign-off's files

    static func cannotReadSignedFile(_ role: SignOff.Part.Role, _ file: String) -> Self {
        Self(en: "cannot read \(role.rawValue) file '\(file)'", zh: "无法读取\(role.chineseName)文件 '\(file)'")
    }

    static func signedFileChanged(_ part: SignOff.Part, now: String) -> Self {
        let was = Verification.short(part.sha256)
        let now = Verification.short(now)
        return Self(
            en: "\(part.role.rawValue) file '\(part.path)' changed since sign-off (sha256 was \(was), now \(now))",
            zh: "\(part.role.chineseName)文件 '\(part.path)' 在签署后被改动过（sha256 原为 \(was)，现为 \(now)）")
    }

    static func signedFileMissing(_ part: SignOff.Part, lookedAt path: String) -> Self {
        Self(
            en: "\(part.role.rawValue) file '\(part.path)' is missing (looked for '\(path)')",
            zh: "找不到\(part.role.chineseName)文件 '\(part.path)'（查找的位置：'\(path)'）")
    }

    static func pointToItWith(_ role: SignOff.Part.Role) -> Self {
        Self(en: "point to it with --\(role.rawValue) PATH", zh: "请用 --\(role.rawValue) PATH 指明它的位置")
    }

    static func fileNotSigned(_ part: SignOff.Part) -> Self {
        Self(
            en: "\(part.role.rawValue) file '\(part.path)' is read by the catalog now but was not signed",
            zh: "准则现在会读取\(part.role.chineseName)文件 '\(part.path)'，但签署时没有这个文件")
    }

    static let domainFileAddedSinceSignOff = Self(
        en: "a domain file was added or 'domains:' changed since sign-off; the audit must be scored and signed again",
        zh: "签署后新增了领域文件，或改动了 'domains:'；审核须重新评分并重新签署")

    // MARK: The sign-off block and the result

    static let signOffBlockEdited = Self(
        en: "the sign-off block was edited: its digest does not match the files and result it lists",
        zh: "签署信息（signoff）被改动过：它的摘要与其中列出的文件和结果不符")

    static let onlyAssessWritesSignOff = Self(
        en: "only 'maturity assess' on the audit writes a sign-off; re-run it and have the auditor sign again",
        zh: "只有对审核运行 'maturity assess' 才会写出签署信息；请重新运行，并请审核员重新签署")

    static func digestIsNotTheSigned(_ recorded: String, expected: String) -> Self {
        Self(
            en: "the result's digest \(recorded) is not the signed digest \(expected)",
            zh: "结果的摘要 \(recorded) 不是签署时的摘要 \(expected)")
    }

    static let notTheResultTheAuditorSigned = Self(
        en: "this is not the result the auditor signed", zh: "这不是审核员签署的那份结果")

    /// "the result was edited after sign-off: a is 4 in the result, 3 from its inputs; …; and 2 more".
    static func resultEdited(_ changes: [JSONDiff.Change]) -> Self {
        guard !changes.isEmpty else { return resultEditedAfterSignOff }
        let shown = changes.prefix(5).map(changedValue)
        var en = shown.map(\.en).joined(separator: "; ")
        var zh = shown.map(\.zh).joined(separator: "；")
        if changes.count > 5 {
            en += andMore(changes.count - 5).en
            zh += andMore(changes.count - 5).zh
        }
        return Self(en: "the result was edited after sign-off: \(en)", zh: "结果在签署后被改动过：\(zh)")
    }

    static let resultEditedAfterSignOff = Self(
        en: "the result was edited after sign-off", zh: "结果在签署后被改动过")

    static func andMore(_ count: Int) -> Self {
        Self(en: "; and \(count) more", zh: "；另有 \(count) 处")
    }

    /// "criteria[SP-01].level is 4 in the result, 3 from its inputs".
    public static func changedValue(_ change: JSONDiff.Change) -> Self {
        let old = JSONDiff.Change.show(change.old)
        let new = JSONDiff.Change.show(change.new)
        return Self(
            en: "\(change.path) is \(old) in the result, \(new) from its inputs",
            zh: "\(change.path) 在结果中为 \(old)，按输入计算为 \(new)")
    }

    static let scoresComeFromAssess = Self(
        en: "the scores must come from 'maturity assess', not from editing",
        zh: "分数必须由 'maturity assess' 算出，不能手工修改")

    // MARK: Reading the sign-off block

    static let isMissing = Self(en: "is missing", zh: "缺失")
    static let isMissingOrNotText = Self(en: "is missing or not text", zh: "缺失或不是文本")
    static let isMissingOrNotAList = Self(en: "is missing or not a list", zh: "缺失或不是列表")
    static let isNotADate = Self(en: "is not a date YYYY-MM-DD", zh: "不是 YYYY-MM-DD 格式的日期")
    static let needsRolePathAndHash = Self(en: "needs role, path and sha256", zh: "须有 role、path 和 sha256")

    static func isFormat(_ found: String, expected: String) -> Self {
        Self(en: "is '\(found)', expected '\(expected)'", zh: "为 '\(found)'，应为 '\(expected)'")
    }

    /// "'signoff.date' is not a date YYYY-MM-DD": a member of the result and what is wrong with it.
    static func member(_ path: String, _ problem: Self) -> Self {
        .key("'\(path)' ") + problem
    }

    static let verifyReadsAssessJSON = Self(
        en: "verify reads the JSON written by 'maturity assess AUDIT.yaml --format json'",
        zh: "verify 读取的是 'maturity assess AUDIT.yaml --format json' 写出的 JSON")

    static let onlyAuditResultsAreSigned = Self(
        en: "only audit results are signed: an assessment of kind audit, surveillance or special with 'auditor:', "
            + "scored with --format json",
        zh: "只有审核结果才会签署：kind 为 audit、surveillance 或 special 且写有 'auditor:' 的评估，用 --format json 评分")

    static let signOffBlockDamaged = Self(
        en: "the sign-off block is damaged; re-run 'maturity assess' on the audit",
        zh: "签署信息已损坏；请对审核重新运行 'maturity assess'")

    static let nameImportedResultBySeal = Self(
        en: "name an imported result by a sealed result file or its sign-off digest",
        zh: "请用已签署封存的结果文件或其签署摘要指明已导入的结果")

    // MARK: Signatures

    static let noSignatureToCheck = Self(
        en: "the result carries no signature to check against the key list",
        zh: "结果中没有可以对照密钥清单核验的签名")

    static let auditorSignsWithMaturitySign = Self(
        en: "the auditor signs a sealed result with 'maturity sign RESULT.json --key KEY.json'",
        zh: "审核员用 'maturity sign RESULT.json --key KEY.json' 为已签署封存的结果签名")

    static func damagedSignature(_ index: Int, _ problem: SignatureReadError) -> Self {
        .member("signatures[\(index)].\(problem.field)", problem.problem)
    }

    static let signatureCannotBeRepaired = Self(
        en: "a signature cannot be repaired by hand; have the signer sign the result again",
        zh: "签名无法手工修复；请签名人重新为结果签名")

    /// "signature by '郑雅琴' (key 3f…, 2026-05-20)".
    static func signatureBy(_ signature: Signature) -> Self {
        Self(
            en: "signature by '\(signature.signer)' (key \(signature.keyId), \(signature.date))",
            zh: "'\(signature.signer)' 的签名（密钥 \(signature.keyId)，\(signature.date)）")
    }

    static func notByTheAuditor(_ who: Self, auditor: String) -> Self {
        who + Self(en: " is not by the auditor the sign-off names, '\(auditor)'", zh: "不是签署信息中写明的审核员 '\(auditor)' 所签")
    }

    static let auditorSignsWithOwnKey = Self(
        en: "the auditor who signed off signs the result with their own key", zh: "应由签署的审核员用自己的密钥为结果签名")

    static func keyNotInList(_ who: Self) -> Self {
        who + Self(en: " names a key the key list does not hold", zh: "所用的密钥不在密钥清单中")
    }

    static let takeCurrentKeyList = Self(
        en: "take the body's current key list ('maturity registry keys --format json'); a key it never "
            + "published proves nothing",
        zh: "请使用认证机构当前的密钥清单（'maturity registry keys --format json'）；它从未公布过的密钥证明不了任何事")

    static func keyOfAnotherSigner(_ who: Self, key: PublishedKey, signature: Signature) -> Self {
        who
            + Self(
                en: ": key \(key.id) belongs to '\(key.owner)' as \(key.role.rawValue), not to '\(signature.signer)' "
                    + "as \(signature.role.rawValue)",
                zh: "：密钥 \(key.id) 属于\(key.role.chineseName) '\(key.owner)'，而不属于\(signature.role.chineseName)"
                    + " '\(signature.signer)'")
    }

    static let signerIsNotKeyOwner = Self(
        en: "the signature claims a signer its key does not belong to", zh: "签名所称的签名人并不是其密钥的持有人")

    static func signatureMismatch(_ who: Self) -> Self {
        who
            + Self(
                en: " does not match: the signed text or the signature was changed", zh: "不符：被签名的内容或签名本身被改动过")
    }

    static let notTheResultTheSignerSigned = Self(
        en: "this result is not the one the signer signed; have them sign it again",
        zh: "这不是签名人签过的那份结果；请其重新签名")

    static func keyRevoked(_ who: Self, on day: Day, reason: String?) -> Self {
        who
            + Self(
                en: ": the key was revoked on \(day)" + (reason.map { " (\($0))" } ?? "")
                    + ", on or before the signing date",
                zh: "：密钥已于 \(day) 吊销" + (reason.map { "（\($0)）" } ?? "") + "，即在签名日期当天或之前")
    }

    static let revokedKeyProvesNothing = Self(
        en: "a signature made with a revoked key proves nothing; the signer signs again with their new key",
        zh: "用已吊销的密钥所做的签名证明不了任何事；签名人须用新密钥重新签名")

    static func signedBeforePublished(_ who: Self, validFrom: Day) -> Self {
        who
            + Self(
                en: " is dated before the key was published (\(validFrom))", zh: "的日期早于密钥的公布日期（\(validFrom)）")
    }

    static let keySignsFromPublication = Self(
        en: "a key signs only from the day the body published it", zh: "密钥自认证机构公布之日起才能用于签名")

    static func signatureOverOtherDigest(_ who: Self, signed: String, expected: String) -> Self {
        who
            + Self(
                en: " is over digest \(signed), not this result's sign-off \(expected)",
                zh: "所签的摘要是 \(signed)，而不是本结果签署的摘要 \(expected)")
    }

    static let signatureOfAnotherResult = Self(
        en: "the signature belongs to another result, or the result was scored again after signing",
        zh: "该签名属于另一份结果，或结果在签名后被重新评分")

    // MARK: Reading a signature entry

    static func isNotASignerRole(_ role: String) -> Self {
        Self(en: "'\(role)' is not a signer role", zh: "'\(role)' 不是签名人角色")
    }
}

extension SignOff.Part.Role {
    /// The role's name in Chinese: 评估, 准则, 证据 ….
    public var chineseName: String {
        switch self {
        case .assessment: "评估"
        case .catalog: "准则"
        case .evidence: "证据"
        case .tickets: "工单导出"
        case .mapping: "工单映射"
        case .previous: "上次结果"
        case .plan: "改进计划"
        }
    }
}

extension SignerRole {
    /// 审核员 or 认证决定人员.
    public var chineseName: String {
        switch self {
        case .auditor: "审核员"
        case .decisionMaker: "认证决定人员"
        }
    }
}
