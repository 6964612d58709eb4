/// The messages of reading an improvement plan (PlanLoader).
extension Diagnostic.Message {
    static func unknownPlanTopKey(_ key: String) -> Self {
        Self(
            en: "unknown key '\(key)' at the top of the plan; it is kept as written",
            zh: "计划顶层有未知的键 '\(key)'；按原样保留")
    }

    static func unknownPlanSchema(_ value: Int) -> Self {
        Self(en: "unknown plan schema \(value)", zh: "未知的计划 schema \(value)")
    }

    static let readsPlanSchema1 = Self(en: "this version reads schema: 1", zh: "此版本读取 schema: 1 的计划")

    static func fileIsNotAPlan(_ kind: String) -> Self {
        Self(en: "this file is a '\(kind)', not a plan", zh: "此文件是 '\(kind)'，不是改进计划")
    }

    static let givePlanFile = Self(
        en: "give the plan file written by 'maturity plan … --output PLAN.yaml'",
        zh: "请给出由 'maturity plan … --output PLAN.yaml' 写出的计划文件")

    static func actionIDTwice(_ id: String) -> Self {
        Self(en: "action id '\(id)' appears twice", zh: "行动项 id '\(id)' 出现了两次")
    }

    static let actionNeedsOwnID = Self(
        en: "each action needs its own id; rename or remove one", zh: "每个行动项都要有自己的 id；请改名或删去其中一个")

    static func unknownActionField(_ key: String) -> Self {
        Self(
            en: "'\(key)' is not a field the tool knows; it is kept as written", zh: "'\(key)' 不是本工具认识的字段；按原样保留")
    }

    static func actionHasNoStatus(_ id: String) -> Self {
        Self(en: "action '\(id)' has no status", zh: "行动项 '\(id)' 没有 status")
    }

    static let addStatusOpen = Self(
        en: "add 'status: open' (or in_progress, done)", zh: "添加 'status: open'（或 in_progress、done，也可写 未开始、进行中、已完成）")

    static func unknownStatus(_ text: String) -> Self {
        Self(en: "unknown status '\(text)'", zh: "未知的状态 '\(text)'")
    }

    static func writeOneOfStatuses(_ names: [String], chinese: [String]) -> Self {
        Self(
            en: "write one of: \(names.joined(separator: ", ")) (or \(chinese.joined(separator: "、")))",
            zh: "请写以下之一：\(names.joined(separator: "、"))（或 \(chinese.joined(separator: "、"))）")
    }

    static func unknownPurpose(_ text: String) -> Self {
        Self(en: "unknown purpose '\(text)'", zh: "未知的目的 '\(text)'")
    }

    static let writeCorrectiveOrDevelopment = Self(
        en: "write corrective or development", zh: "请写 corrective（纠正行动）或 development（提升行动）")

    static func unknownPriority(_ text: String) -> Self {
        Self(en: "unknown priority '\(text)'", zh: "未知的优先级 '\(text)'")
    }

    static let writePriority = Self(en: "write P1, P2 or P3", zh: "请写 P1、P2 或 P3")

    static func betterHigherOrLower(_ text: String) -> Self {
        Self(
            en: "'better' must be higher or lower, found '\(text)'", zh: "'better' 应为 higher 或 lower，实际为 '\(text)'")
    }
}

extension Diagnostic.Note {
    /// `first at line 9` (or at `other.yaml:3:5` in another file than `file`).
    static func firstAt(_ first: SourceLocation, from file: String?) -> Diagnostic.Note {
        Diagnostic.Note(
            Diagnostic.Message(en: "first at ", zh: "首次出现于") + .place(first, from: file), at: first)
    }
}
