import MaturityCore

/// `maturity verify`'s report: each part of a signed audit result and whether it is unchanged.
public struct VerifyReport: Sendable {
    public var verification: Verification
    public var language: Language

    public init(_ verification: Verification, language: Language) {
        self.verification = verification
        self.language = language
    }

    public func render() -> String {
        let w = Words(language: language)
        var out: [String] = []
        out.append(DisplayWidth.pad(w("结果", "Result"), 12) + TerminalSafe.clean(verification.resultFile))
        var subject = w("审核", "audit")
        if let organisation = verification.organisation { subject += w("：", " of ") + TerminalSafe.clean(organisation) }
        out.append(
            DisplayWidth.pad(w("签署", "Signed"), 12) + subject + w("，", ", ") + "\(verification.signOff.date)"
                + w("，审核员 ", ", by ")
                + TerminalSafe.clean(verification.signOff.auditor))
        out.append(DisplayWidth.pad(w("摘要", "Digest"), 12) + "sha256 " + verification.recordedDigest)
        out.append("")
        func line(_ ok: Bool, _ text: String) { out.append((ok ? "  ✓ " : "  ✗ ") + TerminalSafe.clean(text)) }
        line(verification.blockIntact, w("签署信息完整", "sign-off block intact"))
        if let expected = verification.expectedDigest {
            line(
                verification.expectedMatches,
                verification.expectedMatches
                    ? w("与给定的签署摘要一致", "matches the signed digest given")
                    : w("与给定的签署摘要 \(expected) 不一致", "differs from the signed digest given, \(expected)"))
        }
        line(
            verification.resultUnchanged,
            verification.resultUnchanged
                ? w("结果未改动", "result unchanged") : w("结果在签署后被改动", "result edited after sign-off"))
        for change in verification.resultChanges {
            out.append("      " + TerminalSafe.clean(Verification.describe(change, in: language)))
        }
        for check in verification.files {
            let label = DisplayWidth.pad(check.part.role.rawValue, 11) + check.part.path
            switch check.status {
            case .unchanged: line(true, label)
            case .changed(let now):
                line(
                    false,
                    label
                        + w(
                            "  已改动（原 \(Verification.short(check.part.sha256))，现 \(Verification.short(now))）",
                            "  changed (was \(Verification.short(check.part.sha256)), now \(Verification.short(now)))"))
            case .missing(let path): line(false, label + w("  缺失（\(path)）", "  missing (\(path))"))
            case .notSigned: line(false, label + w("  未签署（签署后新增）", "  not signed (added since sign-off)"))
            }
        }
        out.append(contentsOf: signatureLines(w))
        out.append("")
        if verification.verified {
            out.append(
                w(
                    "已核验：结果及其 \(verification.files.count) 个依据文件自签署以来未被改动。",
                    "Verified: the result and its \(verification.files.count) files are unchanged since sign-off."))
        } else if verification.sealHolds {
            out.append(w("核验失败：签名不成立。", "NOT verified: a signature does not hold."))
        } else {
            out.append(w("核验失败：自签署以来有改动。", "NOT verified: something changed since sign-off."))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
