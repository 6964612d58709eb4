import MaturityCore

/// The status lines of the assessment commands: what `catalog lint`, `init`, `import`, `plan`, `sign` and
/// `serve backup` did, in English and Chinese.
extension Diagnostic.Message {
    /// "3 criteria" / "3 个评价项": a count with an English plural.
    static func count(_ n: Int, _ singular: String, zh unit: String) -> Self {
        let (en, zh) = ("\(n) \(singular)\(n == 1 ? "" : "s")", "\(n) \(unit)")
        return Self(en: en, zh: zh)
    }

    // MARK: catalog

    /// `catalog.yaml: after-sales-maturity 2026.2: 6 domains, 30 criteria, 8 key; no errors, 1 warning`
    static func catalogIsValid(
        _ shown: String, id: String, version: String, domains: Int, criteria: Int, detail: Self, warnings: Int
    ) -> Self {
        let warned = count(warnings, "warning", zh: "个警告")
        let (en, zh) = warnings > 0 ? (", " + warned.en, "，" + warned.zh) : ("", "")
        return .status(
            en: "\(shown): \(id) \(version): \(domains) domains, \(criteria) criteria, \(detail.en); no errors\(en)",
            zh: "\(shown)：\(id) \(version)：\(domains) 个领域，\(criteria) 个评价项，\(detail.zh)；没有错误\(zh)")
    }

    static func totalPoints(_ points: String) -> Self { .status(en: "\(points) points", zh: "总分 \(points) 分") }

    static func keyCriteria(_ n: Int) -> Self { .status(en: "\(n) key", zh: "\(n) 个关键项") }

    /// `catalog.yaml: 2 errors, 0 warnings`
    static func catalogHasErrors(_ shown: String, errors: Int, warnings: Int) -> Self {
        let (e, w) = (count(errors, "error", zh: "").en, count(warnings, "warning", zh: "").en)
        return .status(en: "\(shown): \(e), \(w)", zh: "\(shown)：\(errors) 个错误，\(warnings) 个警告")
    }

    /// `wrote catalog/catalog.yaml: demo 1.0, 2 domains, 5 criteria, 1 key`
    static func wroteCatalog(_ shown: String, id: String, version: String, domains: Int, criteria: Int, key: Int)
        -> Self
    {
        .status(
            en: "wrote \(shown): \(id) \(version), \(domains) domains, \(criteria) criteria, \(key) key",
            zh: "已写入 \(shown)：\(id) \(version)，\(domains) 个领域，\(criteria) 个评价项，\(key) 个关键项")
    }

    // MARK: init, import

    static func wroteTemplate(_ shown: String, criteria: Int) -> Self {
        .status(en: "wrote \(shown): \(criteria) criteria to assess", zh: "已写入 \(shown)：\(criteria) 个评价项待评估")
    }

    static func wroteWorksheet(_ shown: String, criteria: Int, output: String) -> Self {
        .status(
            en:
                "wrote \(shown): \(criteria) criteria to assess; fill it in, then 'maturity import \(shown) --output \(output)'",
            zh: "已写入 \(shown)：\(criteria) 个评价项待评估；填写后运行 'maturity import \(shown) --output \(output)'")
    }

    static func wroteChecklist(_ shown: String, criteria: Int) -> Self {
        .status(
            en: "wrote \(shown): \(criteria) criteria to check on site", zh: "已写入 \(shown)：\(criteria) 个评价项待现场核查")
    }

    static func wroteAuditWorksheet(_ shown: String, criteria: Int, copied: Int) -> Self {
        let files = count(copied, "evidence file", zh: "个证据文件")
        return .status(
            en: "wrote \(shown): \(criteria) criteria to audit, \(files.en) copied",
            zh: "已写入 \(shown)：\(criteria) 个评价项待审核，已复制 \(files.zh)")
    }

    static func wroteImport(
        _ shown: String, assessed: Int, of criteria: Int, evidence: Int, metrics: Int, findings: Int
    ) -> Self {
        let items = [
            count(evidence, "evidence item", zh: "条证据"), count(metrics, "KPI value", zh: "个 KPI 值"),
            count(findings, "finding", zh: "条审核发现"),
        ]
        return .status(
            en: "wrote \(shown): \(assessed) of \(criteria) criteria assessed, "
                + items.map(\.en).joined(separator: ", "),
            zh: "已写入 \(shown)：\(criteria) 个评价项中已评 \(assessed) 个，" + items.map(\.zh).joined(separator: "，"))
    }

    // MARK: plan, sign, serve backup

    static let planWentToStandardOutput = status(
        en: "note: the plan went to standard output; edits people make are kept only when the plan file is "
            + "written and updated with --output PLAN.yaml",
        zh: "注意：计划已输出到标准输出；要保留计划中的人工修改，请用 --output PLAN.yaml 写入或更新计划文件。")

    static func signed(_ target: String, signer: String, keyId: String, date: String) -> Self {
        .status(
            en: "signed \(target) as \(signer) (key \(keyId), \(date))",
            zh: "已以 \(signer) 的名义签名 \(target)（密钥 \(keyId)，\(date)）")
    }

    static func backupWritten(_ path: String, files: Int) -> Self {
        .status(en: "backup: \(path) (\(files) files)", zh: "备份：\(path)（\(files) 个文件）")
    }
}
