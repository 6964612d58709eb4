/// The messages of reading an assessment (AssessmentLoader).
extension Diagnostic.Message {
    static func notApplicableTakesNoLevel(_ criterion: String) -> Self {
        Self(
            en: "a criterion that does not apply takes no level: write "
                + "'\(criterion): {na: \"why it does not apply\"}' (not on a key criterion)",
            zh: "不适用的评价项没有等级：写成 '\(criterion): {na: \"不适用的理由\"}'（关键项不能不适用）")
    }
}

extension Diagnostic.Message {
    // MARK: The assessment's header

    static let assessmentHasNoCatalog = Self(en: "the assessment has no 'catalog'", zh: "评估文件缺少 'catalog'")
    static let addCatalogID = Self(
        en: "add 'catalog: <catalog id>' naming the catalog it was made against",
        zh: "添加 'catalog: <准则 id>'，写明评估所依据的准则")

    static let readsAssessmentSchema1 = Self(
        en: "this version of maturity reads assessment schema 1", zh: "此版本的 maturity 读取 schema 1 的评估文件")

    static func madeAgainstOtherCatalog(_ ref: String, used: String) -> Self {
        Self(
            en: "the assessment was made against catalog '\(ref)', but the catalog used is '\(used)'",
            zh: "评估依据的准则是 '\(ref)'，但使用的准则是 '\(used)'")
    }

    static let passMatchingCatalog = Self(
        en: "pass the matching catalog with --catalog, or correct 'catalog:'", zh: "用 --catalog 指定对应的准则，或改正 'catalog:'")

    static func madeAgainstOtherVersion(_ version: String, used: String) -> Self {
        Self(
            en:
                "the assessment was made against catalog version '\(version)', but the catalog used is version '\(used)'",
            zh: "评估依据的准则版本是 '\(version)'，但使用的准则版本是 '\(used)'")
    }

    static func passCatalogVersion(_ id: String, _ version: String) -> Self {
        Self(
            en: "pass that catalog version with --catalog, or write 'catalog: \(id)@\(version)'",
            zh: "用 --catalog 指定该版本的准则，或写成 'catalog: \(id)@\(version)'")
    }

    static func unknownAssessmentKind(_ kind: String) -> Self {
        Self(en: "unknown assessment kind '\(kind)'", zh: "未知的评估类型 '\(kind)'")
    }

    static let auditWithoutAuditor = Self(
        en: "an audit without an auditor's name is not signed", zh: "没有审核员姓名的审核未签署")
    static let writeAuditor = Self(
        en: "write 'auditor: NAME'; the audit result then carries a digest that 'maturity verify' checks",
        zh: "写上 'auditor: 姓名'；审核结果随后带有摘要，可用 'maturity verify' 校验")
    static let noCriteria = Self(
        en: "the assessment has no 'criteria'; every criterion is not assessed",
        zh: "评估文件没有 'criteria'；所有评价项均未评估")
    static let runInitForTemplate = Self(
        en: "run 'maturity init' for a template listing every criterion", zh: "运行 'maturity init' 生成列出全部评价项的模板")

    static func ownersNamesUnknown(_ name: String) -> Self {
        Self(
            en: "owners names '\(name)', which is neither a criterion nor a domain of the catalog",
            zh: "owners 中的 '\(name)' 既不是准则中的评价项，也不是领域")
    }

    // MARK: Evidence

    static func duplicateEvidenceID(_ id: String) -> Self {
        Self(en: "duplicate evidence id '\(id)'", zh: "重复的证据 id '\(id)'")
    }

    static func evidenceKindNotDeclared(_ kind: String, of id: String, days: Int) -> Self {
        Self(
            en: "evidence kind '\(kind)' of '\(id)' is not one the catalog declares; it counts for \(days) days",
            zh: "'\(id)' 的证据类型 '\(kind)' 不是准则声明的类型；按 \(days) 天有效计")
    }

    static func evidenceKindNotAskedFor(_ kind: String, of id: String) -> Self {
        Self(
            en: "evidence kind '\(kind)' of '\(id)' is not one the catalog asks for; it supports no level",
            zh: "'\(id)' 的证据类型 '\(kind)' 不是准则要求的类型；它不支撑任何等级")
    }

    static func evidenceDatedAfterAssessment(_ id: String, _ itemDate: Day, _ date: Day) -> Self {
        Self(
            en: "evidence '\(id)' is dated \(itemDate), after the assessment date \(date)",
            zh: "证据 '\(id)' 的日期是 \(itemDate)，晚于评估日期 \(date)")
    }

    static let evidenceMustExist = Self(
        en: "evidence must exist when the assessment is made; correct the date", zh: "评估时证据必须已经存在；请改正日期")

    static func evidenceHasNoDate(_ id: String) -> Self {
        Self(
            en: "evidence '\(id)' has no date, so it cannot support any level",
            zh: "证据 '\(id)' 没有日期，因此不能支撑任何等级")
    }

    static let addEvidenceDate = Self(
        en: "add 'date: YYYY-MM-DD' (when the document was issued or the record made)",
        zh: "添加 'date: YYYY-MM-DD'（文件发布或记录形成的日期）")

    static func validUntilBeforeDate(_ id: String, _ until: Day, _ date: Day) -> Self {
        Self(
            en: "evidence '\(id)' is valid until \(until), before its own date \(date)",
            zh: "证据 '\(id)' 的有效期至 \(until)，早于它自己的日期 \(date)")
    }

    static let validUntilIsLastDay = Self(
        en: "valid_until is the last day the item counts; correct one of the dates",
        zh: "valid_until 是证据有效的最后一天；请改正其中一个日期")

    static func supersedesItself(_ id: String) -> Self {
        Self(en: "evidence '\(id)' cannot supersede itself", zh: "证据 '\(id)' 不能取代它自己")
    }

    static let supersededByNamesNewer = Self(
        en: "superseded_by names the newer item that replaces this one", zh: "superseded_by 写的是取代本项的较新证据")

    static func supersededByUndeclared(_ id: String, by: String) -> Self {
        Self(
            en: "evidence '\(id)' is superseded by '\(by)', which is not declared",
            zh: "证据 '\(id)' 被 '\(by)' 取代，但 '\(by)' 没有登记")
    }

    static let declareUnderEvidence = Self(
        en: "declare the newer item under 'evidence:' with id, kind, title and date",
        zh: "在 'evidence:' 下登记较新的证据，写明 id、kind、title 和 date")

    static func supersededInCircle(_ id: String, chain: [String]) -> Self {
        let circle = chain.joined(separator: " → ")
        return Self(
            en: "evidence '\(id)' is superseded in a circle: \(circle)", zh: "证据 '\(id)' 的取代关系成环：\(circle)")
    }

    static let onlyOlderNamesNewer = Self(
        en: "only the older item names the newer one in superseded_by", zh: "只由较旧的证据在 superseded_by 中写出较新的证据")

    // MARK: Files named in the assessment

    static let evidenceFile = Self(en: "evidence file", zh: "证据文件")
    static let ticketExport = Self(en: "ticket export", zh: "工单导出文件")
    static let mappingFile = Self(en: "mapping", zh: "映射文件")

    static func fileDoesNotExist(_ what: Self, _ path: String) -> Self {
        Self(en: "\(what.en) '\(path)' does not exist", zh: "\(what.zh) '\(path)' 不存在")
    }

    static let pathsRelativeToAssessment = Self(
        en: "paths are relative to the assessment's folder", zh: "路径相对于评估文件所在的文件夹")

    static func fileOutsideFolder(_ what: Self, _ path: String) -> Self {
        Self(
            en: "\(what.en) '\(path)' resolves outside the assessment's folder",
            zh: "\(what.zh) '\(path)' 指向评估文件夹之外")
    }

    static let copyIntoFolder = Self(
        en: "copy the file into the assessment's folder (symbolic links are followed)",
        zh: "把文件复制到评估文件夹中（符号链接会被解析）")

    static func notARegularFile(_ what: Self, _ path: String) -> Self {
        Self(en: "\(what.en) '\(path)' is not a regular file", zh: "\(what.zh) '\(path)' 不是普通文件")
    }

    // MARK: Metrics and criteria

    static func unknownKPIInMetrics(_ kpi: String) -> Self {
        Self(en: "unknown KPI '\(kpi)' in metrics", zh: "metrics 中有未知的指标 '\(kpi)'")
    }

    static let declareKPIOrBuiltIn = Self(
        en: "declare it in the catalog's 'kpis:' or use a built-in ticket KPI", zh: "在准则的 'kpis:' 中声明它，或使用内置的工单指标")

    static func valueOf(_ key: String, _ problem: Self) -> Self {
        Self(en: "value of '\(key)' \(problem.en)", zh: "'\(key)' 的值\(problem.zh)")
    }

    /// "unknown criterion 'P-2'"
    public static func unknownCriterion(_ id: String) -> Self {
        Self(en: "unknown criterion '\(id)'", zh: "未知的评价项 '\(id)'")
    }

    static let criteriaListedByCatalogShow = Self(
        en: "criteria are listed by 'maturity catalog show'", zh: "评价项可用 'maturity catalog show' 列出")

    static func levelOutsideScale(_ key: String, _ level: Int, of id: String, top: Int) -> Self {
        Self(
            en: "\(key) level \(level) of '\(id)' is outside the scale 0–\(top)",
            zh: "'\(id)' 的 \(key) 等级 \(level) 超出等级范围 0–\(top)")
    }

    static func giveLevelInScale(top: Int, criterion id: String) -> Self {
        Self(
            en: "give a whole level from 0 to \(top); 'maturity catalog show' says what each level of '\(id)' asks",
            zh: "请填写 0 到 \(top) 的整数等级；'\(id)' 各等级的要求可用 'maturity catalog show' 查看")
    }

    static func citesUndeclaredEvidence(_ id: String, _ ref: String) -> Self {
        Self(
            en: "criterion '\(id)' cites evidence '\(ref)', which is not declared",
            zh: "评价项 '\(id)' 引用的证据 '\(ref)' 没有登记")
    }

    static let declareEvidenceItem = Self(
        en: "declare it under 'evidence:' with id, kind, title and date",
        zh: "在 'evidence:' 下登记它，写明 id、kind、title 和 date")

    static func naReadsAsNeither(_ id: String, _ value: String) -> Self {
        Self(
            en: "na of '\(id)' is '\(value)', which reads as neither a reason nor true/false",
            zh: "'\(id)' 的 na 是 '\(value)'，既不是理由，也不是 true/false")
    }

    static let writeNAReason = Self(
        en: "write the reason the criterion does not apply, or true / false", zh: "写出该评价项不适用的理由，或写 true / false")

    static func keyCriterionCannotBeNA(_ id: String) -> Self {
        Self(en: "key criterion '\(id)' cannot be not applicable", zh: "关键项 '\(id)' 不能不适用")
    }

    static let keyCriterionApplies = Self(
        en: "a key criterion applies to every organisation; assess it (level 0 if absent)",
        zh: "关键项适用于每个组织；请评估它（缺失则为 0 级）")

    static func requiredCriterionCannotBeNA(_ id: String, rating: String, level: Int) -> Self {
        Self(
            en: "criterion '\(id)' cannot be not applicable: rating '\(rating)' requires it at level \(level)",
            zh: "评价项 '\(id)' 不能不适用：评级 '\(rating)' 要求它达到 \(level) 级")
    }

    static let assessItLevel0 = Self(en: "assess it (level 0 if absent)", zh: "请评估它（缺失则为 0 级）")

    static func notApplicableButLevel(_ id: String) -> Self {
        Self(
            en: "criterion '\(id)' is marked not applicable but also given a level",
            zh: "评价项 '\(id)' 标为不适用，却又给了等级")
    }

    static let removeNAOrLevel = Self(en: "remove 'na' or the level", zh: "删去 'na' 或等级")

    static func notApplicableButPoints(_ id: String) -> Self {
        Self(
            en: "criterion '\(id)' is marked not applicable but also given points",
            zh: "评价项 '\(id)' 标为不适用，却又给了分数")
    }

    static let removeNAOrPoints = Self(en: "remove 'na' or the points", zh: "删去 'na' 或分数")

    // MARK: Findings

    static func duplicateFindingID(_ id: String) -> Self {
        Self(en: "duplicate finding id '\(id)'", zh: "重复的审核发现 id '\(id)'")
    }

    static func findingNamesUnknownCriterion(_ id: String, _ ref: String) -> Self {
        Self(
            en: "finding '\(id)' names unknown criterion '\(ref)'", zh: "审核发现 '\(id)' 写的评价项 '\(ref)' 不存在")
    }

    static func unknownFindingGrade(_ grade: String) -> Self {
        Self(en: "unknown finding grade '\(grade)'", zh: "未知的审核发现等级 '\(grade)'")
    }

    static func unknownFindingStatus(_ status: String) -> Self {
        Self(en: "unknown finding status '\(status)'", zh: "未知的审核发现状态 '\(status)'")
    }

    static func findingCitesUndeclaredEvidence(_ id: String, _ ref: String) -> Self {
        Self(
            en: "finding '\(id)' cites evidence '\(ref)', which is not declared",
            zh: "审核发现 '\(id)' 引用的证据 '\(ref)' 没有登记")
    }
}

/// The messages of reading a points assessment (AssessmentLoader+Points).
extension Diagnostic.Message {
    static func scoresPointsNotLevels(_ key: String, of id: String, catalog: String) -> Self {
        Self(
            en: "'\(key)' of '\(id)': catalog '\(catalog)' scores points, not levels",
            zh: "'\(id)' 的 '\(key)'：准则 '\(catalog)' 计分值，不计等级")
    }

    static let writeEarned = Self(
        en: "write the points the clause earns as 'earned: N' (or 'sample:' for a sampled clause)",
        zh: "把条款的得分写成 'earned: N'（抽查的条款写 'sample:'）")
    static let writeAuditedEarned = Self(
        en: "write the auditor's points as 'audited_earned: N' (or 'audited_sample:')",
        zh: "把审核员给的得分写成 'audited_earned: N'（或 'audited_sample:'）")

    static func scoresLevelsNotPoints(_ key: String, of id: String, catalog: String) -> Self {
        Self(
            en: "'\(key)' of '\(id)': catalog '\(catalog)' scores levels, not points",
            zh: "'\(id)' 的 '\(key)'：准则 '\(catalog)' 计等级，不计分值")
    }

    static let writeClaimedLevel = Self(
        en: "write the level as 'claimed: N' (the auditor's as 'audited: N')",
        zh: "把等级写成 'claimed: N'（审核员的写成 'audited: N'）")

    static func checkedBySample(_ id: String, give sampleKey: String, insteadOf key: String) -> Self {
        Self(
            en: "'\(id)' is checked by sample: give \(sampleKey): " + "{size: N, conforming: M} instead of \(key)",
            zh: "'\(id)' 按抽查核查：请用 \(sampleKey): {size: N, conforming: M} 代替 \(key)")
    }

    static let pointsFollowFromSample = Self(
        en: "the points follow from the sample: points × conforming / size", zh: "得分由抽查结果算出：分值 × 符合数 / 样本量")

    static func earnedNegative(_ key: String, of id: String, found value: String) -> Self {
        Self(
            en: "\(key) of '\(id)' must be 0 or more, found \(value)", zh: "'\(id)' 的 \(key) 必须大于或等于 0，实际为 \(value)")
    }

    static func earnedMoreThanPoints(_ key: String, _ value: String, of id: String, points: String) -> Self {
        Self(
            en: "\(key) \(value) of '\(id)' is more than its \(points) points",
            zh: "'\(id)' 的 \(key) \(value) 超过了它的分值 \(points)")
    }

    static let clauseEarnsAtMostItsPoints = Self(
        en: "a clause earns at most its points; deductions beyond it are 'adjustments:'",
        zh: "条款的得分最多为其分值；超出的扣分写在 'adjustments:' 中")

    static func checkedAsWhole(_ id: String, points: String, found value: String) -> Self {
        Self(
            en: "'\(id)' is checked as a whole (check: all): it earns its \(points) points or 0, " + "found \(value)",
            zh: "'\(id)' 整体核查（check: all）：得分只能是 \(points) 或 0，实际为 \(value)")
    }

    static func giveAllOrNothing(_ points: String) -> Self {
        Self(
            en: "give 0 or \(points); partial points need check: graded or sample in the catalog",
            zh: "请给 0 或 \(points)；要给部分得分，准则中须为 check: graded 或 sample")
    }

    static func notCheckedBySample(_ id: String, check: String) -> Self {
        Self(
            en: "'\(id)' is not checked by sample (check: \(check))", zh: "'\(id)' 不是抽查核查（check: \(check)）")
    }

    static func givePointsAs(_ key: String) -> Self {
        Self(en: "give its points as \(key): N", zh: "把得分写成 \(key): N")
    }

    static func sampleSizeTooSmall(_ what: Self, _ size: Int) -> Self {
        Self(
            en: "\(what.en): size must be 1 or more, found \(size)", zh: "\(what.zh)：size 必须大于或等于 1，实际为 \(size)")
    }

    static func conformingNegative(_ what: Self, _ conforming: Int) -> Self {
        Self(
            en: "\(what.en): conforming must be 0 or more, found \(conforming)",
            zh: "\(what.zh)：conforming 必须大于或等于 0，实际为 \(conforming)")
    }

    static func conformingMoreThanSize(_ what: Self, _ conforming: Int, _ size: Int) -> Self {
        Self(
            en: "\(what.en): \(conforming) conforming of a sample of \(size)",
            zh: "\(what.zh)：样本量为 \(size)，符合数却有 \(conforming)")
    }

    static let conformingAtMostSize = Self(
        en: "conforming counts the sampled items that met the clause, at most the size",
        zh: "conforming 是抽查中符合条款的样本数，不超过样本量 size")

    static func assessmentHasNoProfile(catalog: String) -> Self {
        Self(
            en: "the assessment has no 'profile': catalog '\(catalog)' scores each enterprise type on its own "
                + "criteria",
            zh: "评估文件缺少 'profile'：准则 '\(catalog)' 按企业类型分别评价各自的评价项")
    }

    static func addProfile(_ ids: [String]) -> Self {
        Self(en: "add 'profile: ' with one of ", zh: "添加 'profile: '，取以下之一：") + .quotedList(ids)
    }

    static func catalogHasNoProfiles(_ catalog: String) -> Self {
        Self(en: "catalog '\(catalog)' has no profiles", zh: "准则 '\(catalog)' 没有企业类型（profiles）")
    }

    static let removeProfile = Self(
        en: "remove 'profile:'; only a points catalog with enterprise types has them",
        zh: "删去 'profile:'；只有区分企业类型的计分准则才有")

    static func unknownProfile(_ id: String) -> Self {
        Self(en: "unknown profile '\(id)'", zh: "未知的企业类型 '\(id)'")
    }

    static func profilesAre(_ ids: [String]) -> Self {
        Self(en: "profiles: " + ids.joined(separator: ", "), zh: "企业类型：" + ids.joined(separator: "、"))
    }

    static func excludedByProfile(_ id: String, profile: String) -> Self {
        Self(
            en: "criterion '\(id)' is excluded by profile '\(profile)', so it earns no points",
            zh: "评价项 '\(id)' 已被企业类型 '\(profile)' 删减，不能得分")
    }

    static let removeExcludedPoints = Self(
        en: "remove its points; an excluded criterion leaves the total", zh: "删去它的得分；被删减的评价项不计入总分")

    static func allowsNoAdjustments(_ catalog: String) -> Self {
        Self(en: "catalog '\(catalog)' allows no adjustments", zh: "准则 '\(catalog)' 不允许加减分")
    }

    static let catalogSetsNoAdjustments = Self(
        en: "the catalog sets no 'adjustments:' values; remove the list", zh: "准则中没有设置 'adjustments:' 的分值；请删去这个列表")
    static let adjustmentsBelongToPoints = Self(
        en: "deductions and bonuses belong to a points catalog; record findings instead",
        zh: "扣分和加分只用于计分准则；请改为记录不符合项")

    static func adjustmentKind(_ kind: String) -> Self {
        Self(
            en: "an adjustment's kind must be 'deduction' or 'bonus', found '\(kind)'",
            zh: "调整项的 kind 应为 'deduction' 或 'bonus'，实际为 '\(kind)'")
    }

    static func duplicateAdjustmentID(_ id: String) -> Self {
        Self(en: "duplicate id '\(id)' of an adjustment", zh: "调整项的 id '\(id)' 重复")
    }

    static let giveAdjustmentID = Self(
        en: "give the adjustment its own 'id:'", zh: "给这个调整项一个自己的 'id:'")

    static func adjustmentNamesUnknown(_ id: String, _ ref: String) -> Self {
        Self(
            en: "adjustment '\(id)' names unknown criterion '\(ref)'", zh: "调整项 '\(id)' 中的评价项 '\(ref)' 不存在")
    }
}

extension Diagnostic.Note {
    /// `also used at line 9`, for an id given twice.
    static func alsoUsed(at first: SourceLocation, from file: String?) -> Diagnostic.Note {
        Diagnostic.Note(
            Diagnostic.Message(en: "also used at ", zh: "也用于") + .place(first, from: file), at: first)
    }
}
