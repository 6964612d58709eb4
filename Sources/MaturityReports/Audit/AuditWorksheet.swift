import MaturityCore

/// The auditor's worksheet made from a self-assessment: the organisation's claims and evidence carried
/// over, an `audited:` field per criterion to fill in, room for interview and on-site observation
/// evidence, and a findings section. It is a valid audit assessment as written (judged = claimed until
/// the auditor fills in a level).
public struct AuditWorksheet: Sendable {
    public var catalog: Catalog
    /// The audit the engine made from the self-assessment (`AuditPackage.audit(date:auditor:)`): what it
    /// carries over is what this worksheet writes.
    public var audit: Assessment
    /// The self-assessment's scored result (for the evidence cap shown beside each claim) and its date.
    public var selfResult: AssessmentResult
    public var selfDate: Day
    /// Where the self-assessment was read from, as the user named it.
    public var source: String
    public var language: Language

    public init(
        catalog: Catalog, audit: Assessment, selfResult: AssessmentResult, selfDate: Day, source: String,
        language: Language
    ) {
        self.catalog = catalog
        self.audit = audit
        self.selfResult = selfResult
        self.selfDate = selfDate
        self.source = source
        self.language = language
    }

    /// The audit's date and auditor.
    public var date: Day { audit.date }
    public var auditor: String? { audit.auditor }

    var w: Words { Words(language: language) }

    public func render() -> String {
        let a = audit
        var out: [String] = []
        func comment(_ zh: String, _ en: String, indent: String = "") {
            out.append(YAMLText.comment(w(zh, en), indent: indent))
        }
        if catalog.isPoints {
            let title = catalog.title.text(language)
            comment("\(title) — 现场审核工作表", "\(title) — audit worksheet")
        } else {
            comment("售后服务管理成熟度现场审核工作表", "After-sales service maturity audit worksheet")
        }
        comment("来自自评：\(source)（\(selfDate)）", "From the self-assessment \(source) (\(selfDate))")
        if catalog.isPoints {
            comment(
                "对每个条款填写 audited_earned（0 至该条款分值；抽查条款填 audited_sample: {size, conforming}）：审核员的得分取代自评得分；没有有效证据的条款为 0 分。",
                "Fill in audited_earned (0 to the clause's points; for a sampled clause audited_sample: {size, conforming}) for every clause: the auditor's points replace the claim; a clause without valid evidence earns 0."
            )
        } else {
            comment(
                "对每个评价项填写 audited（0–\(catalog.maxLevel)）：审核员评定的等级取代自评等级，但仍不能超过证据支持的等级。",
                "Fill in audited (0–\(catalog.maxLevel)) for every criterion: the auditor's level replaces the claim, and still counts only as far as its evidence supports."
            )
        }
        comment(
            "访谈（interview）和现场观察（observation）作为证据登记在 evidence 中并在评价项中引用。",
            "Record interviews (interview) and on-site observations (observation) as evidence items and cite them.")
        comment(
            "然后运行：maturity assess 本文件 —— 报告列出自评与审核的差异；填写 auditor 后结果带签署摘要。",
            "Then run: maturity assess <this file> — the report sets the self-assessment against the audit; with auditor filled in, the result is signed."
        )
        out.append("schema: 1")
        out.append("catalog: \(YAMLText.scalar("\(catalog.id)@\(catalog.version)"))")
        out.append("organisation:")
        out.append("  name: \(YAMLText.quoted(a.organisation.name))")
        if let site = a.organisation.site { out.append("  site: \(YAMLText.quoted(site))") }
        out.append("kind: audit")
        out.append("date: \(date)")
        out.append("auditor: \(YAMLText.quoted(auditor ?? ""))")
        if let assessor = a.assessor { out.append("assessor: \(YAMLText.quoted(assessor))") }
        if let profile = a.profile { out.append("profile: \(YAMLText.scalar(profile))") }
        out.append("")

        comment("负责人（自评中填写）", "Owners (from the self-assessment)")
        out.append("owners:")
        let order = catalog.domains.map(\.id) + catalog.criteria.map(\.id)
        for id in order {
            if let person = a.owners[id] { out.append("  \(YAMLText.scalar(id)): \(YAMLText.quoted(person))") }
        }
        out.append("")

        comment("证据登记（自评中的证据，文件已复制到本文件夹）", "Evidence register (the self-assessment's; files copied into this folder)")
        out.append("evidence:")
        for item in a.evidence { out.append("  - " + evidenceLine(item)) }
        comment("审核员补充的证据，例如（去掉行首的 # 即可使用）：", "Evidence the auditor adds, e.g. (remove the # to use a line):")
        let taken = Set(a.evidence.map(\.id))
        let interview = Self.freshId("A", after: 0, taken: taken)
        let observation = Self.freshId("A", after: Int(interview.dropFirst()) ?? 1, taken: taken)
        out.append(
            AssessmentTemplate.example(
                "  - {id: \(interview), kind: interview, title: \(w("访谈售后服务经理", "Interview with the service manager")), date: \(date), file: audit/interviews.md}"
            ))
        out.append(
            AssessmentTemplate.example(
                "  - {id: \(observation), kind: observation, title: \(w("中心仓库现场查看", "Central warehouse walk-through")), date: \(date)}"
            ))
        out.append("")

        if !a.metrics.isEmpty {
            comment("指标值（自评中给出，审核员核实）", "KPI values (given in the self-assessment; the auditor checks them)")
            out.append("metrics:")
            for id in a.metrics.keys.sorted() {
                out.append("  \(YAMLText.scalar(id)): \(NumberText.plain(a.metrics[id]!, decimals: 6))")
            }
            out.append("")
        }
        if let tickets = a.tickets {
            out.append("tickets:")
            out.append("  file: \(YAMLText.quoted(tickets.file))")
            if let mapping = tickets.mapping { out.append("  mapping: \(YAMLText.quoted(mapping))") }
            out.append("")
        }

        out.append("criteria:")
        for domain in catalog.domains {
            out.append("")
            out.append(YAMLText.comment("== \(domain.id) \(domain.name.text(language)) ==", indent: "  "))
            for criterion in domain.criteria {
                out.append(contentsOf: criterionLines(criterion))
            }
        }
        out.append("")
        comment(
            "审核发现：等级 major（严重不符合）/ minor（一般不符合）/ observation（观察项）/ improvement（改进建议）",
            "Findings: grade major / minor / observation / improvement")
        let days = FindingGrade.allCases.map {
            "\($0.rawValue) \(catalog.deadline($0))"
        }
        comment(
            "整改期限（天）：" + days.joined(separator: "、"),
            "Corrective-action deadlines (days): " + days.joined(separator: ", "))
        // The engine leaves out a deduction's finding: it comes from 'adjustments:' and is written there.
        let findings = a.findings
        if !findings.isEmpty {
            comment("以往审核发现（自评中列出）", "Earlier findings (listed in the self-assessment)")
        }
        out.append("findings:")
        for finding in findings { out.append(contentsOf: findingLines(finding)) }
        out.append(findingExample())
        if catalog.isPoints { out.append(contentsOf: adjustmentLines()) }
        return out.joined(separator: "\n") + "\n"
    }

    /// A finding as the auditor writes one, citing the self-assessment's first evidence item when it has one.
    func findingExample() -> String {
        let taken = Set(audit.findings.map(\.id) + audit.adjustments.map(\.id))
        var fields = ["id: " + Self.freshId("NC-", after: 0, taken: taken)]
        if let criterion = catalog.criteria.first { fields.append("criterion: \(YAMLText.scalar(criterion.id))") }
        fields += ["grade: minor", "clause: \"…\""]
        if let item = audit.evidence.first { fields.append("evidence: [\(YAMLText.scalar(item.id))]") }
        fields += ["text: \"…\"", "status: open"]
        return AssessmentTemplate.example("  - {" + fields.joined(separator: ", ") + "}")
    }

    /// `prefix` and the first two-digit number above `after` that no id in `taken` has: `A01`, `NC-02`.
    static func freshId(_ prefix: String, after: Int, taken: Set<String>) -> String {
        var number = after + 1
        while taken.contains(prefix + (number < 10 ? "0" : "") + String(number)) { number += 1 }
        return prefix + (number < 10 ? "0" : "") + String(number)
    }

    func evidenceLine(_ item: EvidenceItem) -> String {
        var fields = ["id: \(YAMLText.scalar(item.id))", "kind: \(YAMLText.scalar(item.kind))"]
        fields.append("title: \(YAMLText.quoted(item.title))")
        if let date = item.date { fields.append("date: \(date)") }
        if let file = item.file { fields.append("file: \(YAMLText.quoted(file))") }
        if let by = item.supersededBy { fields.append("superseded_by: \(YAMLText.scalar(by))") }
        if let until = item.validUntil { fields.append("valid_until: \(until)") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    func criterionLines(_ criterion: Criterion) -> [String] {
        if catalog.isPoints { return pointsCriterionLines(criterion) }
        let entry = audit.criteria[criterion.id]
        let scored = selfResult.criterion(criterion.id)
        var lines: [String] = []
        var header = "\(criterion.id) \(criterion.name.text(language))"
        if criterion.key { header += w("  [关键项]", "  [key]") }
        lines.append(YAMLText.comment(header, indent: "  "))
        for level in 1...max(1, catalog.maxLevel) {
            guard let text = criterion.levels[level] else { continue }
            lines.append(YAMLText.comment("\(level): \(text.text(language))", indent: "  "))
        }
        if let scored, scored.applicable {
            var said = w(
                "自评 \(scored.claimed.map(String.init) ?? "—") 级",
                "self-assessment: claimed \(scored.claimed.map(String.init) ?? "—")")
            said += w("，证据支持 \(scored.evidenceCap) 级", ", evidence supports \(scored.evidenceCap)")
            if let metric = scored.metricLevel { said += w("，指标 \(metric) 级", ", KPI \(metric)") }
            said += w("，结果 \(scored.level) 级", ", scored \(scored.level)")
            lines.append(YAMLText.comment(said, indent: "  "))
        }
        lines.append("  \(YAMLText.scalar(criterion.id)):")
        if let reason = entry?.notApplicable {
            lines.append("    na: \(YAMLText.quoted(reason))")
            return lines
        }
        lines.append("    claimed: \(entry?.claimed.map(String.init) ?? "")".trimmingTrailingSpace())
        lines.append("    audited:")
        let cited = entry?.evidence ?? []
        lines.append("    evidence: [" + cited.map(YAMLText.scalar).joined(separator: ", ") + "]")
        if let note = entry?.note { lines.append("    note: \(YAMLText.quoted(note))") }
        return lines
    }

    func findingLines(_ f: Finding) -> [String] {
        var lines = ["  - id: \(YAMLText.scalar(f.id))"]
        if let criterion = f.criterion { lines.append("    criterion: \(YAMLText.scalar(criterion))") }
        lines.append("    grade: \(f.grade.rawValue)")
        if let clause = f.clause { lines.append("    clause: \(YAMLText.quoted(clause))") }
        if !f.evidence.isEmpty {
            lines.append("    evidence: [" + f.evidence.map(YAMLText.scalar).joined(separator: ", ") + "]")
        }
        lines.append("    text: \(YAMLText.quoted(f.text))")
        lines.append("    status: \(f.status.rawValue)")
        if let due = f.due { lines.append("    due: \(due)") }
        return lines
    }
}

extension String {
    func trimmingTrailingSpace() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
