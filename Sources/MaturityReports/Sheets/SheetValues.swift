import MaturityCore

/// What people type into a sheet, in either language, read as the values the files use: levels
/// (`3`, `3级`, `L3`, `三级`, `实施级`), finding grades and statuses, plan statuses, yes/no.
enum SheetValues {
    /// A level of `catalog`'s scale, or nil when `text` does not read as one. Numbers outside the
    /// scale are returned as they are (the assessment's checks say they are outside it).
    static func level(_ text: String, catalog: Catalog) -> Int? {
        let trimmed = SheetColumn.normalise(text)
        guard !trimmed.isEmpty else { return nil }
        for scale in catalog.levels {
            for name in scale.name.values.values where SheetColumn.normalise(name) == trimmed {
                return scale.level
            }
        }
        // `3 实施级`, `3级（实施级）`: the number in front.
        var core = trimmed
        for prefix in ["level", "等级", "l"] where core.hasPrefix(prefix) {
            core = String(core.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        let digits = core.prefix { $0.isASCII && $0.isNumber }
        let rest = core.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        if !digits.isEmpty, let number = Int(digits) {
            if rest.isEmpty || rest.hasPrefix("级") || rest.hasPrefix("級") || rest.hasPrefix("(") { return number }
            // `3 实施级`: the name must be that level's.
            let named = catalog.level(number)?.name.values.values.contains { SheetColumn.normalise($0) == rest }
            return named == true ? number : nil
        }
        let numerals: [Character: Int] = [
            "零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        ]
        if let first = core.first, let value = numerals[first] {
            let after = core.dropFirst()
            if after.isEmpty || after.hasPrefix("级") || after.hasPrefix("級") { return value }
        }
        return nil
    }

    static let gradeWords: [FindingGrade: [String]] = [
        .major: ["严重", "严重不符合项", "主要不符合", "重大不符合"],
        .minor: ["一般", "一般不符合项", "轻微不符合", "次要不符合"],
        .observation: ["观察", "观察项"],
        .improvement: ["改进", "改进机会", "改进建议项", "建议"],
    ]

    /// A finding grade from its id or its name in either language; other text is returned as typed.
    static func grade(_ text: String) -> String {
        let key = SheetColumn.normalise(text)
        for grade in FindingGrade.allCases {
            let words = [grade.rawValue] + grade.name.values.values.map { $0 } + (gradeWords[grade] ?? [])
            if words.contains(where: { SheetColumn.normalise($0) == key }) { return grade.rawValue }
        }
        return text
    }

    static let findingStatusWords: [Finding.Status: [String]] = [
        .open: ["open", "未关闭", "开放", "打开", "未完成", "进行中", "待整改", "整改中"],
        .closed: ["closed", "已关闭", "关闭", "已完成", "完成", "已整改"],
    ]

    /// A finding status in either language (已完成 → closed, 进行中 → open); other text as typed.
    static func findingStatus(_ text: String) -> String {
        let key = SheetColumn.normalise(text)
        for (status, words) in findingStatusWords where words.contains(where: { SheetColumn.normalise($0) == key }) {
            return status.rawValue
        }
        return text
    }

    static func findingStatusName(_ status: Finding.Status, _ language: Language) -> String {
        switch status {
        case .open: return language == .zh ? "未关闭" : "open"
        case .closed: return language == .zh ? "已关闭" : "closed"
        }
    }

    /// A plan action's status from what people type in either language, or nil.
    static func planStatus(_ text: String) -> PlanAction.Status? {
        let key = SheetColumn.normalise(text)
        for status in PlanAction.Status.allCases
        where status.writtenNames.contains(where: { SheetColumn.normalise($0) == key }) {
            return status
        }
        return nil
    }

    /// The assessment kind from its id or its name in either language; other text as typed.
    static func kind(_ text: String) -> String {
        let key = SheetColumn.normalise(text)
        let words: [Assessment.Kind: [String]] = [
            .selfAssessment: ["self", "自评", "self-assessment", "自我评估"],
            .audit: ["audit", "现场审核", "审核", "初次审核"],
            .surveillance: ["surveillance", "监督审核", "监督", "surveillance review"],
        ]
        for (kind, list) in words where list.contains(where: { SheetColumn.normalise($0) == key }) {
            return kind.rawValue
        }
        return text
    }

    static func kindName(_ kind: Assessment.Kind, _ language: Language) -> String {
        Words(language: language).kind(kind)
    }

    /// Yes or no in either language (★, ✓, 是, y, true, 1 / 否, n, false, 0); nil when neither.
    static func yesNo(_ text: String) -> Bool? {
        let key = SheetColumn.normalise(text)
        if ["★", "✓", "√", "是", "y", "yes", "true", "1", "关键", "关键项", "key"].contains(key) { return true }
        if ["否", "n", "no", "false", "0", "-", "—"].contains(key) { return false }
        return nil
    }
}
