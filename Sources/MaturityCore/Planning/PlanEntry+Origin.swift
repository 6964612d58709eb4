extension PlanEntry {
    /// Whether `maturity plan` made this action: its `kind` is one the tool writes (`key`, `domain`,
    /// `overall`, a finding grade), or its id is an improvement-path step's (`CRITERION@LEVEL`). An action
    /// people added by hand is neither; regenerating the plan leaves it as they wrote it.
    public var isMadeByTool: Bool {
        if let kind, PathStep.Reason(rawValue: kind) != nil || FindingGrade(rawValue: kind) != nil { return true }
        guard let at = id.lastIndex(of: "@"), at != id.startIndex else { return false }
        let level = id[id.index(after: at)...]
        return !level.isEmpty && level.allSatisfy(\.isASCII) && level.allSatisfy(\.isNumber)
    }
}
