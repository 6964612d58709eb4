import MaturityCore
import MaturitySheets

extension AssessmentWorkbook {
    /// The first sheet of a worksheet or checklist: what to fill in where, the scale, the ratings and
    /// the evidence kinds.
    func instructionsSheet() -> Worksheet {
        let w = words
        let criteria = SheetName.criteria.name(language)
        let evidence = SheetName.evidence.name(language)
        let kpis = SheetName.kpis.name(language)
        let findings = SheetName.findings.name(language)
        let domains = SheetName.domains.name(language)
        var rows: [[Cell]] = []
        func line(_ text: String, _ style: CellStyle = .wrap) { rows.append([.text(text, style)]) }
        func blank() { rows.append([]) }
        switch form {
        case .audit:
            line(w("售后服务管理成熟度现场审核检查表", "After-sales service maturity audit checklist"), .title)
            line(
                w(
                    "“\(criteria)”表：每个评价项已列出自评等级和自评证据支持的等级；在“审核等级”中选择审核员评定的等级（0–\(catalog.maxLevel)），在“说明”中记录依据。审核等级取代自评等级，但仍只计到证据支持的等级。",
                    "Sheet '\(criteria)': every criterion shows its claimed level and the level its evidence supported in the self-assessment; pick the level you audit in 'Audited level' (0–\(catalog.maxLevel)) and note why. The audited level replaces the claim, and still counts only as far as its evidence supports."
                ))
            line(
                w(
                    "访谈（interview）和现场观察（observation）作为证据登记在“\(evidence)”表中，并在评价项的“证据编号”中引用。审核发现填写在“\(findings)”表。",
                    "Record interviews (interview) and on-site observations (observation) in sheet '\(evidence)' and cite their ids in 'Evidence ids'. Findings go in sheet '\(findings)'."
                ))
        default:
            line(w("售后服务管理成熟度自评表", "After-sales service maturity self-assessment"), .title)
            line(
                w(
                    "“\(criteria)”表：为每个评价项在“自评等级”中选择等级（0–\(catalog.maxLevel)，下拉选择，也可输入 3、3级 或 L3），在“证据编号”中填写支持该等级的证据编号（用逗号或顿号分隔）。不适用的评价项填写“不适用原因”（关键项不能不适用）。",
                    "Sheet '\(criteria)': for every criterion pick a level in 'Claimed level' (0–\(catalog.maxLevel), from the drop-down, or type 3, 3级 or L3) and list the evidence that supports it in 'Evidence ids' (separated by commas). A criterion that does not apply gets a reason in 'Not applicable because' (key criteria always apply)."
                ))
            line(
                w(
                    "“\(evidence)”表：登记每项证据的编号、类型、标题和日期；文件路径相对于导入后评估文件所在的文件夹。“\(kpis)”表填写指标值，“\(domains)”表和“\(criteria)”表可填写负责人。",
                    "Sheet '\(evidence)': register every piece of evidence with its id, kind, title and date; file paths are relative to the folder the assessment is imported into. Sheet '\(kpis)' takes the KPI values; sheets '\(domains)' and '\(criteria)' take owners."
                ))
        }
        line(
            w(
                "黄色单元格为待填写内容。等级不能超过证据支持的等级：每一级都需要下表所列类型的有效证据（证据有效期 \(catalog.evidenceMaxAgeDays) 天）。",
                "Yellow cells are to be filled in. No level counts beyond what its evidence supports: every level needs valid evidence of the kinds below (evidence counts for \(catalog.evidenceMaxAgeDays) days)."
            ))
        line(
            w(
                "填写后运行：maturity import 本文件 --output 文件夹，生成 assessment.yaml；再运行 maturity assess 文件夹/assessment.yaml。每个问题都会指明表和单元格，例如 \(criteria)!K12。",
                "Then run: maturity import <this file> --output FOLDER, which writes FOLDER/assessment.yaml, and maturity assess FOLDER/assessment.yaml. Every problem names its sheet and cell, e.g. \(criteria)!K12."
            ))
        blank()
        rows.append([
            .text(w("等级", "Level"), .header), .text(w("名称", "Name"), .header),
            .text(w("所需证据", "Evidence needed"), .header), .text(w("含义", "What it means"), .header),
        ])
        for scale in catalog.levels {
            rows.append([
                .int(scale.level), .text(scale.name.text(language)),
                .text(
                    scale.evidence.map { "\($0) \(catalog.evidenceKindName($0, language))" }.joined(
                        separator: w("、", ", ")), .wrap),
                .text(scale.description?.text(language) ?? "", .wrap),
            ])
        }
        blank()
        rows.append([
            .text(w("评级", "Rating"), .header), .text(w("总分不低于", "Overall at least"), .header),
            .text(w("各领域不低于", "Every domain at least"), .header),
            .text(w("关键项等级不低于", "Key criteria at least"), .header),
        ])
        for rating in catalog.ratings {
            rows.append([
                .text(rating.name.text(language)), .number(rating.overallMin), .number(rating.domainMin),
                .int(rating.keyLevelMin),
            ])
        }
        blank()
        rows.append([.text(w("证据类型", "Evidence kind"), .header), .text(w("名称", "Name"), .header)])
        var kinds = catalog.knownEvidenceKinds
        for extra in ["interview", "observation"] where !kinds.contains(extra) { kinds.append(extra) }
        for kind in kinds { rows.append([.text(kind), .text(catalog.evidenceKindName(kind, language))]) }
        return Worksheet(name: SheetName.instructions.name(language), rows: rows, columnWidths: [30, 24, 40, 80])
    }

    /// The first sheet of a result: the rating, the overall score and what blocks the next rating.
    func summarySheet(_ result: AssessmentResult) -> Worksheet {
        let w = words
        let context = ReportContext(result: result, catalog: catalog, language: language)
        var rows: [[Cell]] = [[.text(w("售后服务管理成熟度评估结果", "After-sales service maturity assessment result"), .title)]]
        func pair(_ label: String, _ value: Cell) { rows.append([.text(label, .label), value]) }
        pair(w("组织", "Organisation"), .text(context.organisationLine))
        pair(w("类型", "Kind"), .text(w.kind(result.kind)))
        pair(w("日期", "Date"), .date(result.date))
        pair(w("准则", "Catalog"), .text("\(result.catalogId)@\(result.catalogVersion)"))
        if let assessor = result.assessor { pair(w("评估人", "Assessor"), .text(assessor)) }
        if let auditor = result.auditor { pair(w("审核员", "Auditor"), .text(auditor)) }
        pair(w("评级", "Rating"), .text(context.ratingName(result.rating)))
        pair(w("总分", "Overall score"), .number(result.overall.map { NumberText.rounded($0) }, .decimal))
        if let target = result.target { pair(w("目标", "Target"), .text(context.ratingName(target))) }
        rows.append([])
        if !result.blockers.isEmpty {
            rows.append([
                .text(w("未满足的条件", "Conditions not met"), .header), .text(w("实际", "Actual"), .header),
                .text(w("要求", "Required"), .header),
            ])
            for blocker in result.blockers {
                rows.append([
                    .text(context.describe(blocker), .wrap), .number(NumberText.rounded(blocker.actual), .decimal),
                    .number(blocker.required),
                ])
            }
            rows.append([])
        }
        rows.append([
            .text(w("领域", "Domain"), .header), .text(w("得分", "Score"), .header), .text(w("权重", "Weight"), .header),
        ])
        for domain in result.domains {
            rows.append([
                .text(context.domainName(domain.id)), .number(domain.score.map { NumberText.rounded($0) }, .decimal),
                .number(domain.weight),
            ])
        }
        rows.append([])
        rows.append([
            .text(
                w(
                    "各评价项的等级与得分见“\(SheetName.criteria.name(language))”表。修改等级或证据后可用 maturity import 重新导入本文件。",
                    "Levels and scores of every criterion are on sheet '\(SheetName.criteria.name(language))'. After changing levels or evidence, import this file again with maturity import."
                ), .wrap)
        ])
        return Worksheet(name: SheetName.summary.name(language), rows: rows, columnWidths: [60, 16, 12])
    }
}
