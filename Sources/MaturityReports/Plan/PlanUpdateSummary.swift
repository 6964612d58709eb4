import MaturityCore

/// What `maturity plan` changed in the plan file, one line per action.
public struct PlanUpdateSummary: Sendable {
    public let update: PlanMerge.Update
    public let file: String
    public let language: Language

    public init(update: PlanMerge.Update, file: String, language: Language) {
        self.update = update
        self.file = file
        self.language = language
    }

    public func text() -> String {
        let w = Words(language: language)
        func label(_ change: PlanMerge.Change) -> String {
            switch change {
            case .added: return w("新增", "added")
            case .kept: return w("保留", "kept")
            case .doneButStillProduced: return w("已完成但仍有差距", "done, but the gap remains")
            case .superseded: return w("已作废", "superseded")
            case .reopened: return w("重新打开", "reopened")
            case .retired: return w("不再需要", "no longer needed")
            case .addedByHand: return w("手工添加", "added by hand")
            }
        }
        let counts = PlanMerge.Change.allCases.compactMap { change -> String? in
            let n = update.count(change)
            return n == 0 && change != .added && change != .kept && change != .superseded
                ? nil : "\(n) \(label(change))"
        }
        var summary = counts
        if !update.refreshes.isEmpty {
            summary.append("\(update.refreshes.count) " + w("项更新了派生字段", "refreshed"))
        }
        var out = [TerminalSafe.clean(file) + ": " + summary.joined(separator: ", ")]
        let marks: [PlanMerge.Change: String] = [
            .added: "+", .kept: "=", .doneButStillProduced: "!", .superseded: "-", .reopened: "↺", .retired: " ",
        ]
        for (id, change) in update.changes where change != .kept && change != .retired && change != .addedByHand {
            let entry = update.plan.entry(id)
            var line = "  \(marks[change] ?? " ") " + DisplayWidth.pad(TerminalSafe.clean(id), 12) + " " + label(change)
            if change == .added, let what = entry?.what?.text(language) {
                line +=
                    "  " + DisplayWidth.truncate(TerminalSafe.clean(what.replacingOccurrences(of: "\n", with: " ")), 50)
            }
            out.append(line)
        }
        for refresh in update.refreshes {
            let fields = refresh.fields.map { field in
                field.old == "…" ? field.key : "\(field.key) \(field.old) → \(field.new)"
            }
            let text = w("更新：", "refreshed: ") + fields.joined(separator: ", ")
            out.append("  ~ " + DisplayWidth.pad(TerminalSafe.clean(refresh.id), 12) + " " + TerminalSafe.clean(text))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
