import Foundation
import MaturityCore

/// The parts of the `init` template that levels and points catalogs share: owners, the evidence register
/// with what each kind means and how long it counts, KPI values, a ticket export and findings.
///
/// Every example in the template is written where it belongs, as the line it would be with a `#` in
/// front: removing that one character gives valid YAML in place. A comment for people is `# ` and text,
/// never `#` followed by two spaces, so the two cannot be told apart wrongly (`isExample`).
extension AssessmentTemplate {
    /// An example line: the YAML line as it would stand, behind a `#` in the first column.
    static func example(_ line: String) -> String {
        "#" + String(String.UnicodeScalarView(line.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// Whether a template line is an example to uncomment (`#  - {…}`, `#tickets: …`) rather than a
    /// comment for people (`# text`, or an indented `  # text`).
    public static func isExample(_ line: String) -> Bool {
        line.hasPrefix("#") && !(line.hasPrefix("# ") && !line.hasPrefix("#  ")) && line.count > 1
    }

    /// How to use the examples and how to say a criterion does not apply.
    func usageLines(_ w: Words) -> [String] {
        [
            YAMLText.comment(
                w(
                    "行首是 # 且 # 后紧跟内容或两个空格的行是示例：只去掉行首的 #，这一行就能原样使用（缩进已对齐）。",
                    "Lines whose # is followed directly by text or by two spaces are examples: remove just the #, and "
                        + "the line works where it stands (it is already indented)."),
                indent: ""),
            YAMLText.comment(
                w(
                    "不适用的评价项：去掉其下 #    na: 一行的 #，写明原因，不填等级或得分（关键项和评级指定等级的评价项不能不适用）。",
                    "A criterion that does not apply: uncomment its #    na: line and write why, with no level or points (key criteria "
                        + "and criteria a rating requires at a level always apply)."),
                indent: ""),
        ]
    }

    /// `owners:` with an example for a domain and a criterion.
    func ownersLines(_ w: Words) -> [String] {
        var out = [
            "", YAMLText.comment(w("负责人：评价项编号或领域编号 → 姓名", "Owners: criterion id or domain id → person"), indent: ""),
            "owners:",
        ]
        if let domain = catalog.domains.first { out.append(Self.example("  \(YAMLText.scalar(domain.id)): 张三")) }
        if let criterion = catalog.criteria.first { out.append(Self.example("  \(YAMLText.scalar(criterion.id)): 李四")) }
        return out
    }

    /// What each evidence kind is and how long an item of it counts after its date.
    func evidenceKindLines(_ w: Words) -> [String] {
        var out = [
            YAMLText.comment(
                w("证据类型（kind）、含义和有效期：", "Evidence kinds (kind), what they are and how long they count:"), indent: "")
        ]
        for kind in catalog.knownEvidenceKinds {
            var line = "- \(kind) " + w("", "(") + catalog.evidenceKindName(kind, language) + w("", ")")
            if let description = catalog.evidenceKinds.first(where: { $0.id == kind })?.description {
                line +=
                    w("：", ": ") + description.text(language).trimmingCharacters(in: CharacterSet(charactersIn: "。."))
            }
            if let days = catalog.maxAgeDays(ofKind: kind) {
                line += w("；自日期起 \(days) 天内有效", "; counts \(days) days from its date")
            } else {
                line += w("；被新版取代或过了 valid_until 之前一直有效", "; counts until replaced or past valid_until")
            }
            out.append(YAMLText.comment(line, indent: ""))
        }
        return out
    }

    /// The evidence register: what to write, the kinds, and examples of an item, a replaced one and a record.
    func evidenceLines(_ w: Words) -> [String] {
        var out = [
            "",
            YAMLText.comment(
                w(
                    "证据登记：每项证据一行，id 不重复，在评价项的 evidence: [] 中按 id 引用。",
                    "Evidence register: one line per item, each with its own id, cited by id in a criterion's evidence: []."
                ), indent: ""),
        ]
        if !catalog.isPoints {
            out.append(YAMLText.comment(w("各等级需要的证据类型：", "Evidence kinds each level needs:"), indent: ""))
            for level in catalog.levels where !level.evidence.isEmpty {
                out.append(
                    YAMLText.comment(
                        w("第 \(level.level) 级", "level \(level.level)") + " \(level.name.text(language))"
                            + w("：", ": ") + level.evidence.joined(separator: ", "), indent: ""))
            }
        }
        out += evidenceKindLines(w)
        out.append(
            YAMLText.comment(
                w(
                    "date 为发布或形成日期（不晚于评估日期）；新版证据登记为新的一项，旧版写 superseded_by: 新编号；有截止日期的写 valid_until；file 路径相对于本文件所在文件夹。",
                    "date: when it was issued or made (not after the assessment); a new version is a new item, the old one "
                        + "says superseded_by: the new id; an item with an end date says valid_until; file paths are "
                        + "relative to this file's folder."),
                indent: ""))
        let kinds = catalog.knownEvidenceKinds
        // A procedure that lasts until replaced, and a record that counts for a time: the usual pair.
        let lasting =
            kinds.contains("document")
            ? "document"
            : kinds.first { catalog.maxAgeDays(ofKind: $0) == nil } ?? kinds.first
                ?? "document"
        let dated =
            kinds.contains("record") ? "record" : kinds.first { catalog.maxAgeDays(ofKind: $0) != nil } ?? lasting
        let policy = w("售后服务管理制度", "After-sales service policy")
        out.append("evidence:")
        out.append(
            Self.example(
                "  - {id: E1, kind: \(YAMLText.scalar(lasting)), title: \(policy) v2, date: \(date), "
                    + "file: evidence/policy-v2.pdf}"))
        out.append(
            Self.example(
                "  - {id: E3, kind: \(YAMLText.scalar(lasting)), title: \(w("外包服务协议", "Outsourcing agreement")), "
                    + "date: \(date), valid_until: \(date.adding(days: 365))}"))
        out.append(
            Self.example(
                "  - {id: E2, kind: \(YAMLText.scalar(dated)), title: \(w("工单记录抽样", "Work-order sample")), date: \(date)}"
            ))
        return out
    }

    /// `metrics:` with one example per KPI the catalog measures, and a ticket export instead.
    func metricLines(_ w: Words) -> [String] {
        var seen: [String] = []
        for kpi in catalog.criteria.compactMap(\.metric?.kpi) where !seen.contains(kpi) { seen.append(kpi) }
        var out = [""]
        out.append(
            YAMLText.comment(
                w(
                    "指标值：去掉 # 并在冒号后填写数值（百分比写 0–100 的数字，如 92.5）；没有填写数值的指标不计。",
                    "KPI values: uncomment a line and write the value after the colon (a percentage as 0–100, e.g. "
                        + "92.5); a KPI without a value does not count."),
                indent: ""))
        out.append("metrics:")
        let width = seen.map(\.count).max() ?? 0
        for id in seen {
            let kpi = catalog.kpi(id)
            var name = kpi?.name.text(language) ?? id
            if let unit = kpi?.unit, unit != .none { name += w("（\(unit)）", " (\(unit))") }
            let padding = String(repeating: " ", count: max(1, width - id.count + 2))
            out.append(Self.example("  \(YAMLText.scalar(id)):\(padding)# \(name)"))
        }
        out.append(
            YAMLText.comment(
                w(
                    "或从工单导出计算指标（映射文件的写法见 docs/formats/mapping.md）：",
                    "Or compute the KPIs from a ticket export (the mapping is described in docs/formats/mapping.md):"),
                indent: ""))
        out.append(Self.example("tickets: {file: evidence/tickets.csv, mapping: evidence/mapping.yaml}"))
        return out
    }

    /// `na:` for a criterion that may be not applicable, as an example under its entry.
    func notApplicableLine(_ criterion: Criterion, _ w: Words) -> [String] {
        guard !criterion.key, catalog.requiredLevel(of: criterion.id) == nil else { return [] }
        return [Self.example("    na: " + w("写明不适用的原因", "why it does not apply"))]
    }

    /// `findings:` with the grades and an example.
    func findingLines(_ w: Words) -> [String] {
        var out = [
            "",
            YAMLText.comment(
                w(
                    "审核发现（审核员填写）：grade 为 major 严重不符合、minor 一般不符合、observation 观察项、improvement 改进机会。",
                    "Findings (auditors): grade major, minor, observation or improvement."),
                indent: ""),
            "findings:",
        ]
        let criterion = catalog.criteria.first.map { "criterion: \(YAMLText.scalar($0.id)), " } ?? ""
        out.append(
            Self.example(
                "  - {id: NC-01, \(criterion)grade: minor, text: \(w("发现的问题", "what was found")), status: open}"))
        return out
    }
}
