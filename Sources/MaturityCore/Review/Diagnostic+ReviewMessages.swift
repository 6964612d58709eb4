/// The messages of reading a previous result (PreviousResultLoader), of checking it against a surveillance
/// review (Reviewer) and of lining results up as a history (History).
extension Diagnostic.Message {
    // MARK: Reading a result

    static let giveResultJSON = Self(
        en: "give the JSON that 'maturity assess --format json' or 'maturity review --format json' wrote",
        zh: "请给出 'maturity assess --format json' 或 'maturity review --format json' 写出的 JSON")

    static func notAMaturityResult(_ file: String) -> Self {
        Self(en: "'\(file)' is not a maturity result", zh: "'\(file)' 不是 maturity 的结果文件")
    }

    static func unknownResultSchema(_ schema: Int) -> Self {
        Self(en: "unknown result schema \(schema)", zh: "未知的结果 schema \(schema)")
    }

    static func readsResultSchema(_ schema: Int) -> Self {
        Self(
            en: "this version of maturity reads result schema \(schema)", zh: "此版本的 maturity 读取 schema \(schema) 的结果")
    }

    /// "'kind' must be one of 'self', 'audit', found 'x'".
    static func mustBeOneOf(_ key: String, _ choices: [String], found: String) -> Self {
        let list = choices.map { "'\($0)'" }.joined(separator: ", ")
        return Self(
            en: "'\(key)' must be one of \(list), found '\(found)'", zh: "'\(key)' 应为 \(list) 之一，实际为 '\(found)'")
    }

    static func scoringLevelsOrPoints(found: String) -> Self {
        Self(
            en: "'scoring' must be 'levels' or 'points', found '\(found)'",
            zh: "'scoring' 应为 'levels' 或 'points'，实际为 '\(found)'")
    }

    static func domainListedTwice(_ path: String, _ id: String) -> Self {
        Self(en: "\(path): domain '\(id)' is listed twice", zh: "\(path)：领域 '\(id)' 列出了两次")
    }

    static func criterionListedTwice(_ path: String, _ id: String) -> Self {
        Self(en: "\(path): criterion '\(id)' is listed twice", zh: "\(path)：评价项 '\(id)' 列出了两次")
    }

    static func applicableCriterionNeedsValue(_ path: String, points: Bool) -> Self {
        Self(
            en: "\(path): an applicable criterion needs \(points ? "'earned'" : "a 'level'") and a 'score', found null",
            zh: "\(path)：适用的评价项须有 \(points ? "'earned'" : "'level'") 和 'score'，实际为 null")
    }

    static func previousMustBeObject(found: Self) -> Self {
        Self(en: "'previous' must be an object, found \(found.en)", zh: "'previous' 应为对象，实际为\(found.zh)")
    }

    static func missingKey(_ path: String) -> Self {
        Self(en: "missing key '\(path)'", zh: "缺少键 '\(path)'")
    }

    /// "'overall' must be a score from 0 to 100 or null, found a number 130".
    static func wrongType(_ path: String, expected: Self, found: Self) -> Self {
        Self(
            en: "'\(path)' must be \(expected.en), found \(found.en)", zh: "'\(path)' 应为\(expected.zh)，实际为\(found.zh)")
    }

    // What a value of a result must be (in Chinese with a space before Latin text: 应为 true 或 false).
    static let anObject = Self(en: "an object", zh: "对象")
    static let anArray = Self(en: "an array", zh: "数组")
    static let aNonEmptyString = Self(en: "a non-empty string", zh: "非空字符串")
    static let aStringOrNull = Self(en: "a string or null", zh: "字符串或 null")
    static let trueOrFalse = Self(en: "true or false", zh: " true 或 false")
    static let anInteger = Self(en: "an integer", zh: "整数")
    static let aLevelOrNull = Self(en: "a level (an integer 0 or more) or null", zh: "等级（0 或以上的整数）或 null")
    static let pointsOrNull = Self(en: "points (a number 0 or more) or null", zh: "得分（0 或以上的数）或 null")
    static let aScoreOrNull = Self(en: "a score from 0 to 100 or null", zh: " 0 到 100 之间的分数或 null")
    static let aDate = Self(en: "a date YYYY-MM-DD", zh: " YYYY-MM-DD 格式的日期")
    static var aDateInRange: Self {
        Self(en: "a date \(dateRange.en)", zh: "\(dateRange.zh)的日期")
    }

    /// What a JSON value is: "a string", "null".
    static func kind(of node: JSONDocument.Node) -> Self {
        switch node.value {
        case .null:
            // 实际为 null: a space between the Chinese and the Latin word, as everywhere in these messages.
            var null = Self.key("null")
            null.zh = " null"
            return null
        case .bool: return Self(en: "a boolean", zh: "布尔值")
        case .number: return Self(en: "a number", zh: "数字")
        case .string: return Self(en: "a string", zh: "字符串")
        case .array: return anArray
        case .object: return anObject
        }
    }

    /// What a JSON value is, with the text of a string or a number: "a string 'yes'", "a number 130".
    static func found(_ node: JSONDocument.Node) -> Self {
        switch node.value {
        case .string(let text): kind(of: node) + .key(" '\(text)'")
        case .number(let number): kind(of: node) + .key(" " + NumberText.plain(number, decimals: 6))
        default: kind(of: node)
        }
    }

    // MARK: The previous result of a review

    static func previousOfAnotherCatalog(_ previous: String, current: String) -> Self {
        Self(
            en: "the previous result is for catalog '\(previous)', the assessment for '\(current)'",
            zh: "上次结果针对的是准则 '\(previous)'，本次评估针对的是 '\(current)'")
    }

    static let giveEarlierReviewOfSameCertification = Self(
        en: "give the result of an earlier review of the same certification", zh: "请给出同一认证此前一次评审的结果")

    static func previousUsedOtherVersion(_ previous: String, current: String) -> Self {
        Self(
            en: "the previous result used catalog version '\(previous)', this assessment version '\(current)': "
                + "criteria are matched by id (and the catalog's renamed: list), and only those both have are compared",
            zh: "上次结果使用的准则版本是 '\(previous)'，本次评估是 '\(current)'：评价项按 id（及准则的 renamed: 列表）"
                + "对应，只比较两者都有的评价项")
    }

    static func previousOfAnotherOrganisation(_ previous: String, current: String) -> Self {
        Self(
            en: "the previous result is for '\(previous)', the assessment for '\(current)'",
            zh: "上次结果属于 '\(previous)'，本次评估属于 '\(current)'")
    }

    static let givePreviousOfSameOrganisation = Self(
        en: "give the previous result of the same organisation", zh: "请给出同一组织的上次结果")

    static func previousNotBefore(_ previous: Day, current: Day) -> Self {
        Self(
            en: "the previous result is dated \(previous), not before the assessment (\(current))",
            zh: "上次结果的日期是 \(previous)，不早于本次评估（\(current)）")
    }

    static let previousTakesEarlierResult = Self(
        en: "--previous takes the result of the earlier audit or review", zh: "--previous 应给出更早一次审核或评审的结果")

    static func reviewLaterThanSet(_ date: Day, due: Day) -> Self {
        Self(
            en: "this review (\(date)) is later than the next review the previous one set (\(due))",
            zh: "本次评审（\(date)）晚于上次定下的下次评审日期（\(due)）")
    }

    static func previousRatingUnknown(_ rating: String, catalog: String) -> Self {
        Self(
            en: "the previous rating '\(rating)' is not a rating of catalog '\(catalog)'",
            zh: "上次的评级 '\(rating)' 不是准则 '\(catalog)' 中的评级")
    }

    static let previousWithdrewCertificate = Self(
        en: "the previous review withdrew the certificate: there is no certificate to review",
        zh: "上次评审已撤销证书：没有可评审的证书")

    static let newCertificateStartsWithAudit = Self(
        en: "a new certificate starts with an initial audit (kind: audit), scored with 'maturity assess'",
        zh: "新证书须从初次审核（kind: audit）开始，用 'maturity assess' 评分")

    static let previousIsSelfAssessment = Self(
        en: "the previous result is a self-assessment: there is no certificate to review",
        zh: "上次结果是自评：没有可评审的证书")

    static let previousTakesGrantingAudit = Self(
        en: "--previous takes the result of the audit that granted the certificate, or of the last review",
        zh: "--previous 应给出颁发证书的那次审核的结果，或最近一次评审的结果")

    static func previousAuditFailed(_ kind: Assessment.Kind) -> Self {
        let zh: String
        switch kind {
        case .surveillance: zh = "监督审核"
        case .special: zh = "特殊审核"
        case .audit, .selfAssessment: zh = "审核"
        }
        return Self(
            en: "the previous result is \(kind == .audit ? "an audit" : "a \(kind.rawValue) audit") "
                + "rated fail: no certificate was granted, so there is none to review",
            zh: "上次结果是评级为 fail 的\(zh)：没有颁发证书，因此没有可评审的证书")
    }

    static let auditAgainAfterFail = Self(
        en: "after a failed audit the organisation is audited again (kind: audit); review that result",
        zh: "审核未通过后，组织须重新接受审核（kind: audit）；请评审那次的结果")

    static let giveImprovementPlanOfSameOrganisation = Self(
        en: "give the improvement plan of the same organisation", zh: "请给出同一组织的改进计划")

    // MARK: Histories

    static func resultsOfTwoOrganisations(_ file: String, _ organisation: String, first: String, _ firstOf: String)
        -> Self
    {
        Self(
            en: "'\(file)' is for '\(organisation)', '\(first)' for '\(firstOf)'",
            zh: "'\(file)' 属于 '\(organisation)'，'\(first)' 属于 '\(firstOf)'")
    }

    static let historyIsOneOrganisation = Self(
        en: "a history is one organisation's results: move the other results out of the folder",
        zh: "历史记录只收一个组织的结果：请把其他结果移出该文件夹")

    static func resultsOfTwoCatalogs(_ file: String, _ catalog: String, first: String, _ firstCatalog: String)
        -> Self
    {
        Self(
            en: "'\(file)' is scored against catalog '\(catalog)', '\(first)' against '\(firstCatalog)'",
            zh: "'\(file)' 按准则 '\(catalog)' 评分，'\(first)' 按 '\(firstCatalog)' 评分")
    }

    static let historyIsOneScheme = Self(
        en: "a history follows one certification scheme: move the other results out of the folder",
        zh: "历史记录只跟踪一个认证方案：请把其他结果移出该文件夹")
}
