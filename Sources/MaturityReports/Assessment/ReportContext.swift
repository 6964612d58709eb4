import MaturityCore

/// What every human-readable renderer needs: the result, its catalog, the language, and the
/// sentences that explain each score.
public struct ReportContext: Sendable {
    public let result: AssessmentResult
    public let catalog: Catalog
    public let language: Language
    /// The improvement plan to show beside the result (`assess --plan`).
    public var plan: PlanView?
    /// Self-assessment versus auditor, for an audit.
    public var audit: AuditComparison?
    /// The auditor's seal, for a signed audit.
    public var signOff: SignOff?
    let words: Words

    public init(
        result: AssessmentResult, catalog: Catalog, language: Language, plan: PlanView? = nil,
        audit: AuditComparison? = nil, signOff: SignOff? = nil
    ) {
        self.result = result
        self.catalog = catalog
        self.language = language
        self.plan = plan
        self.audit = audit
        self.signOff = signOff
        self.words = Words(language: language)
    }

    func criterionName(_ id: String) -> String {
        catalog.criterion(id)?.name.text(language) ?? id
    }

    func domainName(_ id: String) -> String {
        catalog.domain(id)?.name.text(language) ?? id
    }

    func ratingName(_ id: String) -> String {
        catalog.ratingName(id, language)
    }

    func kindName(_ kind: String) -> String {
        catalog.evidenceKindName(kind, language)
    }

    func kpiName(_ id: String) -> String {
        catalog.kpi(id)?.name.text(language) ?? id
    }

    func kpiUnit(_ id: String) -> KPIUnit {
        catalog.kpi(id)?.unit ?? .none
    }

    func levelName(_ level: Int) -> String {
        catalog.level(level)?.name.text(language) ?? String(level)
    }

    func score(_ value: Double?) -> String {
        value.map { NumberText.fixed($0) } ?? "—"
    }

    func value(_ value: Double, kpi: String) -> String {
        let unit = kpiUnit(kpi)
        switch unit {
        case .percent, .outOfFive: return NumberText.plain(value) + unit.valueSuffix
        case .none, .count: return NumberText.plain(value)
        default: return NumberText.plain(value) + " " + unit.rawValue
        }
    }

    var organisationLine: String {
        let o = result.organisation
        return o.site.map { "\(o.name) (\($0))" } ?? o.name
    }

    // MARK: Explanations

    /// Why a criterion ended at its level, one sentence per reason, in the order the rules apply.
    func reasons(_ c: CriterionResult) -> [String] {
        if let points = c.points { return pointsReasons(c, points) }
        let w = words
        guard c.applicable else {
            return [w("不适用：", "not applicable: ") + (c.notApplicableReason ?? "")]
        }
        var lines: [String] = []
        if !c.assessed {
            lines.append(w("未评估，按 0 级计", "not assessed: counted at level 0"))
        }
        if let audited = c.audited, let claimed = c.claimed, audited != claimed {
            lines.append(
                w("审核员评定 \(audited) 级，取代自评的 \(claimed) 级", "auditor's level \(audited) replaces the claimed \(claimed)")
            )
        }
        if c.loweredByEvidence, let criterion = catalog.criterion(c.id) {
            let next = c.evidenceCap + 1
            let gaps = c.evidenceGaps.filter { $0.level == next }
            let parts = gaps.map { gap -> String in
                var text = kindName(gap.kind)
                if gap.status == .missing || gap.reasons.isEmpty {
                    text += w("（缺失）", " (missing)")
                } else {
                    text += w("（", " (") + gap.reasons.map(w.invalidItem).joined(separator: w("；", "; ")) + w("）", ")")
                }
                return text
            }
            let needs =
                parts.isEmpty
                ? catalog.requiredEvidence(for: criterion, at: next).map(kindName).joined(separator: w.listSeparator)
                : parts.joined(separator: w.listSeparator)
            lines.append(
                w(
                    "证据只支持 \(c.evidenceCap) 级：\(next) 级需要 \(needs)",
                    "evidence supports level \(c.evidenceCap): level \(next) needs \(needs)"))
            if c.evidenceCap == 0, c.judged > 0, parts.isEmpty {
                lines.append(w("未引用有效证据", "no valid evidence cited"))
            }
        }
        if let kpi = c.metricKPI, let criterion = catalog.criterion(c.id), let metric = criterion.metric {
            if let value = c.metricValue, let metricLevel = c.metricLevel {
                if c.loweredByMetric {
                    let next = metricLevel + 1
                    let needed = metric.thresholds.filter { $0.key > metricLevel }.min { $0.key < $1.key }
                    var line = w(
                        "指标 \(kpiName(kpi)) = \(self.value(value, kpi: kpi))，达到 \(metricLevel) 级",
                        "KPI \(kpiName(kpi)) = \(self.value(value, kpi: kpi)) meets level \(metricLevel)")
                    if let needed {
                        line += w(
                            "；\(needed.key) 级需要 \(w.threshold(metric.better, needed.value))",
                            "; level \(needed.key) needs \(w.threshold(metric.better, needed.value))")
                    } else {
                        line += w("；\(next) 级无阈值", "")
                    }
                    lines.append(line)
                }
            } else {
                lines.append(
                    w("指标 \(kpiName(kpi)) 无数据，未限制等级", "KPI \(kpiName(kpi)) has no value: it does not limit the level"))
            }
        }
        return lines
    }

    /// "overall score 74.50 < 90", "key criterion SP-01: level 2 < 4", …
    func describe(_ b: Blocker) -> String {
        let w = words
        let actual = NumberText.fixed(b.actual)
        let required = NumberText.plain(b.required)
        switch b.condition {
        case .overallMin:
            return w("总分 \(actual) < \(required)", "overall score \(actual) < \(required)")
        case .domainMin:
            return w(
                "领域“\(domainName(b.subject.id))”得分 \(actual) < \(required)",
                "domain '\(domainName(b.subject.id))' scores \(actual) < \(required)")
        case .keyLevelMin:
            return w(
                "关键项 \(b.subject.id)“\(criterionName(b.subject.id))”为 \(Int(b.actual)) 级 < \(Int(b.required)) 级",
                "key criterion \(b.subject.id) '\(criterionName(b.subject.id))' is at level \(Int(b.actual)) < \(Int(b.required))"
            )
        case .criterionMin:
            return w(
                "评价项 \(b.subject.id)“\(criterionName(b.subject.id))”为 \(Int(b.actual)) 级 < 该评级要求的 \(Int(b.required)) 级",
                "criterion \(b.subject.id) '\(criterionName(b.subject.id))' is at level \(Int(b.actual)) < \(Int(b.required)), the level this rating requires"
            )
        case .heldDaysMin:
            return heldBlockerText(b)
        case .maxOpen:
            let grade = if case .grade(let grade) = b.subject { grade.name.text(language) } else { b.subject.id }
            return w(
                "未关闭的\(grade) \(Int(b.actual)) 项 > 允许 \(Int(b.required)) 项",
                "open findings graded \(grade.lowercased()): \(Int(b.actual)) > \(Int(b.required)) allowed")
        }
    }

    /// The actions of a path entry, one per level step, lowest first.
    func actions(for step: PathStep) -> [PlanAction] {
        guard let levels = step.levels else { return [] }
        return levels.compactMap { result.action("\(step.criterion)@\($0)") }
    }

    /// "Rating" — or, for a self-assessment, "Self-assessed rating (preliminary)": only a certification
    /// body grants a rating.
    var ratingLabel: String {
        result.kind == .selfAssessment ? words("自评结果（预评）", "Self-assessed rating (preliminary)") : words("评级", "Rating")
    }

    /// Why the improvement path is not in the report.
    var pathWithheldNote: String {
        words(
            "改进路径和准则中的改进措施不在审核报告中列出：认证机构不提供咨询（ISO/IEC 17021-1 5.2）。需要时用 --path 显示。",
            "The improvement path and the catalog's actions are not listed in an audit report: a certification body "
                + "does not consult (ISO/IEC 17021-1 5.2). --path shows them.")
    }

    /// "corrective, P1, due 2026-06-19" for one action.
    func actionLine(_ action: PlanAction) -> String {
        let w = words
        var parts = ["\(action.id)", w.purpose(action.purpose), action.priority.rawValue]
        let owner = action.owner.text(language)
        if !owner.isEmpty { parts.append(owner) }
        parts.append(w("期限 ", "due ") + action.due.description)
        return parts.joined(separator: w("，", ", "))
    }

    /// "still lacks: training record, management review" for a step, or nil when nothing is lacking.
    func evidenceNeededText(_ action: PlanAction) -> String? {
        guard !action.evidenceNeeded.isEmpty else { return nil }
        return words("仍缺证据：", "evidence still lacking: ")
            + action.evidenceNeeded.map(kindName).joined(separator: words.listSeparator)
    }

    func kpiTargetText(_ target: PlanAction.KPITarget) -> String {
        "\(kpiName(target.kpi)) \(words.threshold(target.better, target.value))"
    }
}

extension ReportContext {
    /// A result warning in the report's language; every format shows the same sentence.
    func localizedWarning(_ warning: ResultWarning) -> String {
        let w = words
        switch warning.kind {
        case .notAssessed where isPoints:
            let id = warning.subject ?? ""
            return w("评价项 \(id) 未评估，按 0 分计", "criterion '\(id)' is not assessed: counted as 0 points")
        case .bonusIgnored:
            let max = pointsCount(catalog.adjustments?.bonusMax ?? 0)
            return w(
                "加分 \(warning.subject ?? "") 不计：加分合计至多 \(max)",
                "bonus \(warning.subject ?? "") is ignored: bonuses add at most \(max)")
        case .metricUnmeasured:
            let kpi = warning.subject.flatMap { result.criterion($0)?.metricKPI } ?? ""
            return w(
                "\(warning.subject ?? "") 的指标 \(kpiName(kpi)) 无数据，未限制等级",
                "\(warning.subject ?? ""): KPI \(kpiName(kpi)) has no value, so it does not limit the level")
        case .evidenceCitedWidely:
            let id = warning.subject ?? ""
            let citing = result.criteria.filter { $0.applicable && !$0.evidence.isEmpty }
            let count = citing.filter { $0.evidence.contains(id) }.count
            return w(
                "证据 \(id) 被 \(citing.count) 个引用证据的评价项中的 \(count) 个引用：审核员按评价项抽查证据，"
                    + "请为每个评价项引用能证明其做法的证据",
                "evidence \(id) is cited by \(count) of the \(citing.count) criteria that cite evidence: an auditor "
                    + "samples evidence per criterion, so cite for each criterion the items that show its practice")
        default:
            return warning.message
        }
    }
}
