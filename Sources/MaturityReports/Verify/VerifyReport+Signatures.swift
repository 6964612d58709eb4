import MaturityCore

extension VerifyReport {
    /// One line per signature: who signed, with which key, on what date, and whether it holds.
    func signatureLines(_ w: Words) -> [String] {
        if verification.signatures.isEmpty {
            return verification.keysGiven ? ["  ✗ " + w("结果没有签名", "the result carries no signature")] : []
        }
        var out = [""]
        for check in verification.signatures {
            guard let s = check.signature else {
                out.append("  ✗ " + w("签名条目损坏", "damaged signature entry"))
                continue
            }
            let role = s.role == .auditor ? w("审核员", "auditor") : w("认证决定人", "decision-maker")
            let who = TerminalSafe.clean(s.signer) + " (" + role + w("，密钥 ", ", key ") + s.keyId + ", \(s.date))"
            let state: String
            switch check.outcome {
            case .notChecked: state = w("未核对（用 --keys 给出公钥列表）", "not checked (give the key list with --keys)")
            case .damaged: state = w("损坏", "damaged")
            case .notTheAuditor: state = w("不是签署的审核员", "not the auditor who signed off")
            case .checked(let outcome): state = Self.describe(outcome, w)
            }
            let mark = check.isValid ? "  ✓ " : (check.outcome == .notChecked ? "  · " : "  ✗ ")
            out.append(mark + w("签名 ", "signature ") + who + "  " + state)
        }
        return out
    }

    static func describe(_ outcome: Signature.Check, _ w: Words) -> String {
        switch outcome {
        case .valid: return w("有效", "valid")
        case .unknownKey: return w("公钥列表中没有此密钥", "key not in the key list")
        case .wrongSigner(let key): return w("密钥属于 ", "key belongs to ") + TerminalSafe.clean(key.owner)
        case .mismatch: return w("签名不符", "does not match")
        case .revoked(_, let on): return w("密钥已于 \(on) 吊销", "key revoked on \(on)")
        case .notYetValid(let key):
            return w("早于密钥发布日 \(key.validFrom)", "before the key was published, \(key.validFrom)")
        case .otherDigest: return w("签的是另一个摘要", "over another digest")
        }
    }
}
