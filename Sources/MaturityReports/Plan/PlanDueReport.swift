import MaturityCore

/// The Monday list (`maturity plan --due`) and the summary of a plan update, for people.
public struct PlanDueReport: Sendable {
    public let list: PlanDueList
    public let language: Language
    let words: Words

    public init(list: PlanDueList, language: Language) {
        self.list = list
        self.language = language
        self.words = Words(language: language)
    }

    func ownerName(_ owner: String?) -> String { owner ?? words("未指定负责人", "no owner named") }

    func line(_ entry: PlanEntry) -> String {
        let w = words
        var text = DisplayWidth.pad(TerminalSafe.clean(entry.id), 12) + " " + (entry.due?.description ?? "")
        if let due = entry.due {
            let days = list.asOf.days(until: due)
            text +=
                days < 0
                ? w("  逾期 \(-days) 天", "  \(-days) day\(days == -1 ? "" : "s") overdue")
                : days == 0
                    ? w("  今天到期", "  due today") : w("  还有 \(days) 天", "  in \(days) day\(days == 1 ? "" : "s")")
        }
        text += "  " + (entry.priority?.rawValue ?? "") + "  " + w.status(entry.status)
        if let what = entry.what?.text(language) {
            text += "  " + DisplayWidth.truncate(TerminalSafe.clean(what.replacingOccurrences(of: "\n", with: " ")), 60)
        }
        return text
    }

    public func text() -> String {
        let w = words
        var out: [String] = []
        out.append(
            w(
                "截至 \(list.asOf)：逾期 \(list.overdueCount) 项，\(list.window) 天内到期 \(list.upcomingCount) 项",
                "As of \(list.asOf): \(list.overdueCount) overdue, \(list.upcomingCount) due in the next \(list.window) days"
            ))
        for group in list.groups {
            out.append("")
            out.append(TerminalSafe.clean(ownerName(group.owner)))
            if !group.overdue.isEmpty {
                out.append("  " + w("逾期", "Overdue"))
                for entry in group.overdue { out.append("    ✗ " + line(entry)) }
            }
            if !group.upcoming.isEmpty {
                out.append("  " + w("即将到期", "Due soon"))
                for entry in group.upcoming { out.append("    • " + line(entry)) }
            }
        }
        if !list.undated.isEmpty {
            out.append("")
            out.append(
                w("无期限的未完成行动：", "Pending actions without a due date: ")
                    + list.undated.map { TerminalSafe.clean($0.id) }.joined(separator: w.listSeparator))
        }
        return out.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        let w = words
        var out: [String] = []
        out.append("# " + w("到期行动", "Actions due") + " — \(list.asOf)")
        out.append("")
        out.append(
            w(
                "逾期 \(list.overdueCount) 项，\(list.window) 天内到期 \(list.upcomingCount) 项。",
                "\(list.overdueCount) overdue, \(list.upcomingCount) due in the next \(list.window) days."))
        for group in list.groups {
            out.append("")
            out.append("## " + Markdown.inline(ownerName(group.owner)))
            out.append("")
            out.append(
                "| ID | " + w("期限", "Due") + " | " + w("状态", "State") + " | " + w("优先级", "Priority") + " | "
                    + w("措施", "What to do") + " |")
            out.append("|---|---|---|---|---|")
            for (entry, late) in group.overdue.map({ ($0, true) }) + group.upcoming.map({ ($0, false) }) {
                let state = late ? w("逾期", "overdue") : w("即将到期", "due soon")
                let cells = [
                    entry.id, entry.due?.description ?? "", state, entry.priority?.rawValue ?? "",
                    entry.what?.text(language) ?? "",
                ]
                out.append("| " + cells.map(Markdown.cell).joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        func item(_ entry: PlanEntry) -> JSONValue {
            .object([
                "id": .string(entry.id), "due": .text(entry.due?.description),
                "days_overdue": .int(entry.due.map { max(0, $0.days(until: list.asOf)) }),
                "priority": .text(entry.priority?.rawValue), "status": .string(entry.status.rawValue),
                "criterion": .text(entry.criterion), "what": entry.what.map(ResultJSON.localized) ?? .null,
            ])
        }
        let groups: [JSONValue] = list.groups.map { group in
            .object([
                "owner": .text(group.owner), "overdue": .array(group.overdue.map(item)),
                "upcoming": .array(group.upcoming.map(item)),
            ])
        }
        return JSONValue.object([
            "as_of": .string(list.asOf.description), "window_days": .int(list.window),
            "overdue": .int(list.overdueCount), "upcoming": .int(list.upcomingCount), "owners": .array(groups),
            "undated": .array(list.undated.map { .string($0.id) }),
        ]).rendered()
    }
}
