/// The messages of reading a catalog (CatalogLoader).
extension Diagnostic.Message {
    // MARK: Files and folders

    static func catalogDoesNotExist(_ display: String) -> Self {
        Self(en: "catalog '\(display)' does not exist", zh: "准则 '\(display)' 不存在")
    }

    static let giveCatalogFileOrFolder = Self(
        en: "give a catalog file, or a folder holding catalog.yaml", zh: "请给出一个准则文件，或含有 catalog.yaml 的文件夹")

    static func folderHasNoCatalogYAML(_ display: String) -> Self {
        Self(en: "folder '\(display)' has no catalog.yaml", zh: "文件夹 '\(display)' 中没有 catalog.yaml")
    }

    static let catalogFolderHolds = Self(
        en: "a catalog folder holds catalog.yaml plus one file per domain",
        zh: "准则文件夹中应有 catalog.yaml，以及每个领域一个文件")

    static func domainFileDoesNotExist(_ display: String) -> Self {
        Self(en: "domain file '\(display)' does not exist", zh: "领域文件 '\(display)' 不存在")
    }

    static func domainFileOutsideFolder(_ name: String) -> Self {
        Self(en: "domain file '\(name)' resolves outside the catalog folder", zh: "领域文件 '\(name)' 指向准则文件夹之外")
    }

    static let nameFileInsideCatalogFolder = Self(
        en: "name a file inside the catalog folder, relative to it (symbolic links are followed)",
        zh: "请写准则文件夹内的文件，路径相对于该文件夹（符号链接会被解析）")

    static func domainFileNotRegular(_ name: String) -> Self {
        Self(en: "domain file '\(name)' is not a regular file", zh: "领域文件 '\(name)' 不是普通文件")
    }

    static let domainByFileNameOnlyInFolder = Self(
        en: "a domain given by file name is only possible in a catalog folder", zh: "只有在准则文件夹中才能用文件名给出领域")
    static let writeDomainAsMapping = Self(
        en: "write the domain here as a mapping, or use a folder with catalog.yaml",
        zh: "在这里把领域写成映射，或使用含有 catalog.yaml 的文件夹")

    // MARK: The catalog's header

    /// A file's `schema:` that this version does not read (catalog, assessment, ticket mapping).
    static func unknownSchema(_ schema: Int) -> Self {
        Self(en: "unknown schema \(schema)", zh: "未知的 schema \(schema)")
    }

    static func readsCatalogSchema(_ schema: Int) -> Self {
        Self(
            en: "this version of maturity reads catalog schema \(schema)", zh: "此版本的 maturity 读取 schema \(schema) 的准则")
    }

    static func evidenceMaxAgeNotPositive(_ days: Int) -> Self {
        Self(
            en: "evidence_max_age_days must be more than 0, found \(days)",
            zh: "evidence_max_age_days 必须大于 0，实际为 \(days)")
    }

    static func evidenceMaxAgeTooLong(_ days: Int, maximum: Int) -> Self {
        Self(
            en: "evidence_max_age_days must be at most \(maximum), found \(days)",
            zh: "evidence_max_age_days 最多为 \(maximum)，实际为 \(days)")
    }

    static let evidenceUsuallyCurrent = Self(
        en: "ten years at most; evidence is usually current for one to three", zh: "最多十年；证据通常一到三年内有效")
    static let certificateRunsThree = Self(
        en: "ten years at most; a certificate runs three", zh: "最多十年；证书有效期为三年")

    static let catalogHasNoDomains = Self(en: "the catalog has no domains", zh: "准则中没有领域")
    static let catalogHasNoDomainsKey = Self(en: "the catalog has no 'domains'", zh: "准则缺少 'domains'")
    static let addDomains = Self(
        en: "add 'domains:' with at least one domain", zh: "添加 'domains:'，其中至少有一个领域")

    static func tooManyCriteria(_ count: Int, maximum: Int) -> Self {
        Self(
            en: "the catalog has \(count) criteria, more than the \(maximum) a catalog may have",
            zh: "准则有 \(count) 个评价项，超过一份准则允许的 \(maximum) 个")
    }

    static let splitCatalog = Self(
        en: "a certification catalog has tens of criteria; split it into several catalogs",
        zh: "认证准则通常有几十个评价项；请拆分为几份准则")

    static func criterionMinNamesUnknown(_ id: String) -> Self {
        Self(
            en: "criterion_min names unknown criterion '\(id)'", zh: "criterion_min 中的评价项 '\(id)' 不存在")
    }

    static func renamedToUnknown(_ key: String, _ target: String) -> Self {
        Self(
            en: "renamed '\(key)' points to unknown criterion '\(target)'",
            zh: "renamed 中的 '\(key)' 指向不存在的评价项 '\(target)'")
    }

    // MARK: Ids declared twice

    static func duplicateDomainID(_ id: String) -> Self {
        Self(en: "duplicate domain id '\(id)'", zh: "重复的领域 id '\(id)'")
    }

    static func duplicateCriterionID(_ id: String) -> Self {
        Self(en: "duplicate criterion id '\(id)'", zh: "重复的评价项 id '\(id)'")
    }

    static func duplicateRatingID(_ id: String) -> Self {
        Self(en: "duplicate rating id '\(id)'", zh: "重复的评级 id '\(id)'")
    }

    static func duplicateEvidenceKind(_ id: String) -> Self {
        Self(en: "duplicate evidence kind '\(id)'", zh: "重复的证据类型 '\(id)'")
    }

    static func duplicateKPIID(_ id: String) -> Self {
        Self(en: "duplicate KPI id '\(id)'", zh: "重复的指标 id '\(id)'")
    }

    static func kpiBuiltIn(_ id: String) -> Self {
        Self(
            en: "KPI '\(id)' is built in; a catalog cannot declare it again", zh: "指标 '\(id)' 是内置指标；准则不能再次声明它")
    }

    // MARK: Scale and ratings

    static func scaleNotContiguous(entry: Int, level: Int, found: Int) -> Self {
        Self(
            en: "the scale is not contiguous: entry \(entry) should be level \(level), found \(found)",
            zh: "等级不连续：第 \(entry) 项应为等级 \(level)，实际为 \(found)")
    }

    static let listLevelsInOrder = Self(
        en: "list levels 0, 1, 2, … in order, without gaps", zh: "按 0、1、2…… 的顺序列出等级，不要跳过")
    static let scaleNeedsTwoLevels = Self(
        en: "the scale needs at least levels 0 and 1", zh: "等级至少要有 0 级和 1 级")
    static let failIsImplicit = Self(
        en: "'fail' is the implicit rating below the first; it cannot be declared",
        zh: "'fail' 是最低评级之下隐含的评级（不合格），不能声明")

    static func scoreOutOfRange(_ key: String, _ value: String, rating: String) -> Self {
        Self(
            en: "\(key) \(value) of rating '\(rating)' is out of 0–100", zh: "评级 '\(rating)' 的 \(key) \(value) 超出 0–100"
        )
    }

    static let scoresRunTo100 = Self(en: "scores run from 0 to 100", zh: "分数范围为 0 到 100")

    static func keyLevelMinOutsideScale(_ value: Int, rating: String, maxLevel: Int) -> Self {
        Self(
            en: "key_level_min \(value) of rating '\(rating)' is outside the scale 0–\(maxLevel)",
            zh: "评级 '\(rating)' 的 key_level_min \(value) 超出等级范围 0–\(maxLevel)")
    }

    static func unknownFindingGrade(_ grade: String, in key: String) -> Self {
        Self(
            en: "unknown finding grade '\(grade)' in \(key)", zh: "\(key) 中有未知的不符合项等级 '\(grade)'")
    }

    static func maxOpenNegative(_ grade: String) -> Self {
        Self(en: "max_open \(grade) must be 0 or more", zh: "max_open \(grade) 必须大于或等于 0")
    }

    static func criterionMinOutsideScale(_ criterion: String, rating: String, level: Int, maxLevel: Int) -> Self {
        Self(
            en: "criterion_min \(criterion) of rating '\(rating)' is \(level), outside the scale 1–\(maxLevel)",
            zh: "评级 '\(rating)' 的 criterion_min \(criterion) 为 \(level)，超出等级范围 1–\(maxLevel)")
    }

    static let declareARating = Self(
        en: "declare at least one rating, e.g. 'pass'", zh: "至少声明一个评级，例如 'pass'")
    static let catalogDeclaresNoRating = Self(en: "the catalog declares no rating", zh: "准则没有声明任何评级")

    static func overallMinNotHigher(_ higher: String, _ b: String, _ lower: String, _ a: String) -> Self {
        Self(
            en: "overall_min of '\(higher)' (\(b)) must be higher than that of '\(lower)' (\(a))",
            zh: "'\(higher)' 的 overall_min（\(b)）必须高于 '\(lower)' 的（\(a)）")
    }

    static func domainMinLower(_ higher: String, _ b: String, _ lower: String, _ a: String) -> Self {
        Self(
            en: "domain_min of '\(higher)' (\(b)) is lower than that of '\(lower)' (\(a))",
            zh: "'\(higher)' 的 domain_min（\(b)）低于 '\(lower)' 的（\(a)）")
    }

    static func keyLevelMinLower(_ higher: String, _ b: Int, _ lower: String, _ a: Int) -> Self {
        Self(
            en: "key_level_min of '\(higher)' (\(b)) is lower than that of '\(lower)' (\(a))",
            zh: "'\(higher)' 的 key_level_min（\(b)）低于 '\(lower)' 的（\(a)）")
    }

    static let ratingsLowestFirst = Self(
        en: "ratings are listed lowest first, each asking more than the one before",
        zh: "评级从低到高排列，每一级的要求都高于前一级")

    static func deadlineNegative(_ grade: String) -> Self {
        Self(en: "deadline for \(grade) must be 0 days or more", zh: "\(grade) 的整改期限必须大于或等于 0 天")
    }

    static func deadlineTooLong(_ grade: String, maximum: Int, found days: Int) -> Self {
        Self(
            en: "deadline for \(grade) must be at most \(maximum) days, found \(days)",
            zh: "\(grade) 的整改期限最多 \(maximum) 天，实际为 \(days)")
    }

    static func kindMaxAgeNotPositive(_ id: String, _ days: Int) -> Self {
        Self(
            en: "max_age_days of evidence kind '\(id)' must be more than 0, found \(days)",
            zh: "证据类型 '\(id)' 的 max_age_days 必须大于 0，实际为 \(days)")
    }

    static func kindMaxAgeTooLong(_ id: String, maximum: Int, found days: Int) -> Self {
        Self(
            en: "max_age_days of evidence kind '\(id)' must be at most \(maximum), found \(days)",
            zh: "证据类型 '\(id)' 的 max_age_days 最多为 \(maximum)，实际为 \(days)")
    }

    static let writeNullForUnlimited = Self(
        en: "write null for a kind that stays valid until superseded (a procedure in force)",
        zh: "在被取代前一直有效的证据类型（如现行程序文件）写 null")

    static func leadDaysNegative(level: Int, found days: Int) -> Self {
        Self(
            en: "lead_days of level \(level) must be 0 days or more, found \(days)",
            zh: "等级 \(level) 的 lead_days 必须大于或等于 0 天，实际为 \(days)")
    }

    static func leadDaysTooLong(level: Int, maximum: Int, found days: Int) -> Self {
        Self(
            en: "lead_days of level \(level) must be at most \(maximum) days, found \(days)",
            zh: "等级 \(level) 的 lead_days 最多 \(maximum) 天，实际为 \(days)")
    }

    static func betterLowerOrHigher(_ text: String) -> Self {
        Self(
            en: "better must be 'lower' or 'higher', found '\(text)'", zh: "better 应为 'lower' 或 'higher'，实际为 '\(text)'")
    }

    // MARK: Domains and criteria

    static func domainHasNoCriteria(_ id: String) -> Self {
        Self(en: "domain '\(id)' has no criteria", zh: "领域 '\(id)' 没有评价项")
    }

    static func notPositive(_ what: Self, found value: String) -> Self {
        Self(en: "\(what.en) must be more than 0, found \(value)", zh: "\(what.zh)必须大于 0，实际为 \(value)")
    }

    static let usePositiveNumber = Self(en: "use a positive number", zh: "请使用正数")

    static func tooLarge(_ what: Self, maximum: String, found value: String) -> Self {
        Self(
            en: "\(what.en) must be at most \(maximum), found \(value)", zh: "\(what.zh)最多为 \(maximum)，实际为 \(value)")
    }

    static let weightsAreRelative = Self(
        en: "weights are relative: only their ratios count", zh: "权重是相对值：只有它们之间的比例起作用")

    static func levelDescriptorMissesLanguages(_ level: Int, of id: String, _ languages: String) -> Self {
        Self(
            en: "level \(level) descriptor of '\(id)' has no " + languages + " text",
            zh: "'\(id)' 的等级 \(level) 描述缺少 " + languages + " 文本")
    }

    static let writeBothLanguages = Self(
        en: "write {zh: …, en: …} so both readers see what the level means",
        zh: "写成 {zh: …, en: …}，让两种语言的读者都能看懂该等级的含义")

    static func noDescriptorForLevels(_ id: String, _ missing: [Int]) -> Self {
        let list = missing.map(String.init)
        return Self(
            en: "criterion '\(id)' has no descriptor for level\(missing.count > 1 ? "s" : "") "
                + list.joined(separator: ", "),
            zh: "评价项 '\(id)' 缺少等级 " + list.joined(separator: "、") + " 的描述")
    }

    static func describeEveryLevel(_ maxLevel: Int) -> Self {
        Self(
            en: "describe what an auditor sees at every level 1–\(maxLevel)", zh: "描述审核员在 1–\(maxLevel) 每一级看到的情况")
    }

    static func criterionCitesNoSource(_ id: String) -> Self {
        Self(en: "criterion '\(id)' cites no source", zh: "评价项 '\(id)' 没有注明出处")
    }

    static let addSources = Self(
        en: "add sources: [\"document clause\"] so every score can be traced to a requirement",
        zh: "添加 sources: [\"文件条款\"]，使每个得分都能追溯到要求")

    static func nameMissesLanguages(_ id: String, _ languages: String) -> Self {
        Self(en: "name of '\(id)' has no \(languages) text", zh: "'\(id)' 的名称缺少 \(languages) 文本")
    }

    static func metricNamesUnknownKPI(_ criterion: String, _ kpi: String) -> Self {
        Self(
            en: "metric of '\(criterion)' names unknown KPI '\(kpi)'", zh: "'\(criterion)' 的 metric 中的指标 '\(kpi)' 不存在")
    }

    static let useBuiltInOrDeclareKPI = Self(
        en: "use a built-in ticket KPI or declare it under 'kpis:'", zh: "请使用内置的工单指标，或在 'kpis:' 下声明它")

    static func levelGivenTwice(_ what: Self, _ level: Int, _ first: String, _ again: String) -> Self {
        Self(
            en: "\(what.en): level \(level) is given twice ('\(first)' and '\(again)')",
            zh: "\(what.zh)：等级 \(level) 出现了两次（'\(first)' 和 '\(again)'）")
    }

    static func keyNotALevel(_ what: Self, _ key: String) -> Self {
        Self(en: "\(what.en): key '\(key)' is not a level number", zh: "\(what.zh)：键 '\(key)' 不是等级数字")
    }

    static func keysAreLevels(from lowest: Int, to maxLevel: Int) -> Self {
        Self(en: "keys are levels of the scale, \(lowest)–\(maxLevel)", zh: "键应为等级数字 \(lowest)–\(maxLevel)")
    }

    static func levelOutsideScale(_ what: Self, _ level: Int, from lowest: Int, to maxLevel: Int) -> Self {
        Self(
            en: "\(what.en): level \(level) is outside the scale \(lowest)–\(maxLevel)",
            zh: "\(what.zh)：等级 \(level) 超出等级范围 \(lowest)–\(maxLevel)")
    }

    static func thresholdOutOfRange(_ criterion: String, kpi: String, _ problem: Self) -> Self {
        Self(
            en: "threshold of '\(criterion)' for KPI '\(kpi)' \(problem.en)",
            zh: "'\(criterion)' 对指标 '\(kpi)' 的阈值\(problem.zh)")
    }

    static func metricHasNoThresholds(_ criterion: String) -> Self {
        Self(en: "metric of '\(criterion)' has no thresholds", zh: "'\(criterion)' 的 metric 没有阈值")
    }

    static func thresholdsNotMonotone(
        _ criterion: String, level: Int, asks value: String, lowerIsBetter: Bool, below: Int, _ belowValue: String
    ) -> Self {
        Self(
            en: "thresholds of '\(criterion)' are not monotone: level \(level) asks \(value), "
                + "\(lowerIsBetter ? "more than" : "less than") level \(below) (\(belowValue))",
            zh: "'\(criterion)' 的阈值不单调：等级 \(level) 要求 \(value)，\(lowerIsBetter ? "高于" : "低于")等级 \(below)（\(belowValue)）"
        )
    }

    static let lowerThresholdsDescend = Self(
        en: "with better: lower, each level's threshold must be at most the one below it",
        zh: "better: lower 时，每一级的阈值都不能高于下一级")
    static let higherThresholdsAscend = Self(
        en: "with better: higher, each level's threshold must be at least the one below it",
        zh: "better: higher 时，每一级的阈值都不能低于下一级")
}

/// The messages of reading a points catalog (CatalogLoader+Points).
extension Diagnostic.Message {
    static func scoringLevelsOrPoints(_ text: String) -> Self {
        Self(
            en: "scoring must be 'levels' or 'points', found '\(text)'",
            zh: "scoring 应为 'levels' 或 'points'，实际为 '\(text)'")
    }

    static func keyMeaninglessInPoints(_ key: String, in what: Self) -> Self {
        Self(
            en: "'\(key)' in \(what.en) has no meaning in a points catalog", zh: "\(what.zh)中的 '\(key)' 在计分准则中没有意义")
    }

    static func removeKeyForPoints(_ key: String) -> Self {
        Self(
            en: "a points catalog weighs each criterion by its points and rates by the overall score "
                + "(and held_days_min); remove '\(key)'",
            zh: "计分准则按分值给每个评价项加权，按总分（及 held_days_min）评级；请删去 '\(key)'")
    }

    static func keyBelongsToPoints(_ key: String, in what: Self) -> Self {
        Self(en: "'\(key)' in \(what.en) belongs to a points catalog", zh: "\(what.zh)中的 '\(key)' 只用于计分准则")
    }

    static func addScoringPoints(_ key: String) -> Self {
        Self(
            en: "add 'scoring: points' to the catalog, or remove '\(key)'", zh: "在准则中添加 'scoring: points'，或删去 '\(key)'")
    }

    static func heldDaysNotPositive(_ rating: String, _ days: Int) -> Self {
        Self(
            en: "held_days_min of rating '\(rating)' must be more than 0, found \(days)",
            zh: "评级 '\(rating)' 的 held_days_min 必须大于 0，实际为 \(days)")
    }

    static func heldDaysTooLong(_ rating: String, maximum: Int, found days: Int) -> Self {
        Self(
            en: "held_days_min of rating '\(rating)' must be at most \(maximum), found \(days)",
            zh: "评级 '\(rating)' 的 held_days_min 最多为 \(maximum)，实际为 \(days)")
    }

    static func heldDaysOnLowest(_ rating: String) -> Self {
        Self(
            en: "held_days_min on '\(rating)', the lowest rating: it is the rating a certificate holds before "
                + "the others",
            zh: "held_days_min 写在了最低评级 '\(rating)' 上：它是证书在获得其他评级之前所持有的评级")
    }

    static let heldDaysOnHigherRatings = Self(
        en: "put held_days_min on the ratings above it (the star ratings)", zh: "把 held_days_min 写在它之上的评级（星级）上")

    static func unknownCheck(_ id: String, _ text: String) -> Self {
        Self(
            en: "check of '\(id)' must be 'all', 'sample' or 'graded', found '\(text)'",
            zh: "'\(id)' 的 check 应为 'all'、'sample' 或 'graded'，实际为 '\(text)'")
    }

    static func requirementMissesLanguages(_ id: String, _ languages: String) -> Self {
        Self(
            en: "requirement of '\(id)' has no " + languages + " text",
            zh: "'\(id)' 的 requirement 缺少 " + languages + " 文本")
    }

    static let writeRequirementInBoth = Self(
        en: "write {zh: …, en: …} so plans name the requirement in both languages",
        zh: "写成 {zh: …, en: …}，让改进计划能用两种语言写出该要求")

    static func pointsNotPositive(_ id: String, _ points: String) -> Self {
        Self(
            en: "points of '\(id)' must be more than 0, found \(points)", zh: "'\(id)' 的 points 必须大于 0，实际为 \(points)")
    }

    static let clauseWorthNothing = Self(
        en: "a clause worth nothing is not a clause; remove it or give it points", zh: "没有分值的条款不成其为条款；请删去它，或给它分值")

    static func pointsTooLarge(_ id: String, maximum: String, found points: String) -> Self {
        Self(
            en: "points of '\(id)' must be at most \(maximum), found \(points)",
            zh: "'\(id)' 的 points 最多为 \(maximum)，实际为 \(points)")
    }

    static let pointsAreRelative = Self(
        en: "points are relative: only their ratios count", zh: "分值是相对值：只有它们之间的比例起作用")

    static func duplicateProfileID(_ id: String) -> Self {
        Self(en: "duplicate profile id '\(id)'", zh: "重复的企业类型（profile）id '\(id)'")
    }

    static func profileExcludesUnknown(_ id: String, _ ref: String) -> Self {
        Self(
            en: "profile '\(id)' excludes unknown criterion '\(ref)'", zh: "企业类型 '\(id)' 删减的评价项 '\(ref)' 不存在")
    }

    static func profileExcludesTwice(_ id: String, _ ref: String) -> Self {
        Self(en: "profile '\(id)' excludes '\(ref)' twice", zh: "企业类型 '\(id)' 两次删减了 '\(ref)'")
    }

    static func profileExcludesEverything(_ id: String) -> Self {
        Self(en: "profile '\(id)' excludes every criterion", zh: "企业类型 '\(id)' 删减了所有评价项")
    }

    static let profileLeavesSome = Self(en: "a profile leaves some criteria", zh: "企业类型只应删减部分评价项")
    static let profilesListsNone = Self(en: "'profiles' lists no profile", zh: "'profiles' 中没有任何企业类型")
    static let removeOrListProfiles = Self(en: "remove it, or list profiles", zh: "删去它，或列出企业类型")

    static func adjustmentOutOfRange(_ key: String, allowsZero: Bool, found value: String) -> Self {
        Self(
            en: "\(key) must be \(allowsZero ? "0" : "more than 0") to 100 points, found \(value)",
            zh: "\(key) 应为 \(allowsZero ? "0" : "大于 0") 到 100 分，实际为 \(value)")
    }
}
