import Foundation
import MaturityCore
import MaturityReports
import Testing

/// A small deterministic generator (SplitMix64), so a failing case can be replayed from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum PlanFixtures {
    static let date = Day(iso: "2026-11-01")!
    static let header = Plan(
        catalog: "test@1", organisation: "华东家电, \"服务\"", date: date, target: "pass", entries: [])

    /// A generated action as the tool would produce it.
    static func entry(_ id: String, _ n: Int) -> PlanEntry {
        PlanEntry(
            id: id, criterion: "C\(n)", domain: "d\(n % 3)", kind: ["key", "domain", "overall", "major"][n % 4],
            from: n % 3, to: n % 3 + 1 + n % 2,
            what: LocalizedText(zh: "做第 \(n) 件事：记录\n复核", en: "Do thing \(n), then \"check\""),
            kpiTarget: n % 2 == 0 ? PlanAction.KPITarget(kpi: "fcr_rate", better: .higher, value: 80 + Double(n)) : nil,
            owner: n % 3 == 0 ? "王\(n)" : nil,
            ownerRole: n % 3 == 0 ? nil : LocalizedText(zh: "售后经理", en: "After-sales manager"),
            due: date.adding(days: 30 * (n % 4 + 1)), priority: [.p1, .p2, .p3][n % 3],
            verification: LocalizedText(zh: "核查 C\(n)", en: "Check C\(n)"))
    }

    static let pool: [PlanEntry] = (0..<12).map { entry("C\($0)@\($0 % 3 + 2)", $0) }
}

@Suite struct PlanRegenerationTests {
    /// What a person changed in one action, to be found again after regeneration.
    struct Edit {
        var owner: String?
        var due: String?
        var status: PlanAction.Status?
        var rootCause: String?
        var measures: String?
        var progress: String?
        var extra: (key: String, value: String)?
        var comment: String?
    }

    /// The lines of the entry at `index`: from its `- id:` line to the line before the next one.
    static func span(_ lines: [String], entry index: Int) -> Range<Int>? {
        let starts = lines.indices.filter { lines[$0].hasPrefix("  - id: ") }
        guard index < starts.count else { return nil }
        return starts[index]..<(index + 1 < starts.count ? starts[index + 1] : lines.count)
    }

    static func edit(_ text: String, entry index: Int, _ edit: Edit) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let range = try #require(span(lines, entry: index), "the plan has no action \(index)")
        func set(_ key: String, _ value: String) {
            if let i = range.first(where: { lines[$0].hasPrefix("    \(key): ") }) { lines[i] = "    \(key): \(value)" }
        }
        if let owner = edit.owner { set("owner", owner) }
        if let due = edit.due { set("due", due) }
        if let status = edit.status { set("status", status.rawValue + "   # set by hand") }
        if let rootCause = edit.rootCause { set("root_cause", "\"\(rootCause)\"") }
        if let measures = edit.measures { set("measures", "\"\(measures)\"") }
        if let progress = edit.progress { set("progress", "\"\(progress)\"") }
        var insertions: [String] = []
        if let extra = edit.extra { insertions.append("    \(extra.key): \(extra.value)") }
        if let comment = edit.comment { insertions.append("    # \(comment)") }
        lines.insert(contentsOf: insertions, at: range.lowerBound + 1)
        return lines.joined(separator: "\n")
    }

    @Test(arguments: 0..<60)
    func randomEditsSurviveRegeneration(seed: Int) throws {
        var random = SplitMix(state: UInt64(seed) &* 7919 &+ 17)
        let first = PlanFixtures.pool.filter { _ in Bool.random(using: &random) }
        var text = PlanYAML.render(PlanMerge.merge(existing: nil, generated: first, header: PlanFixtures.header).plan)
        var edits: [String: Edit] = [:]
        for (index, entry) in first.enumerated() where Int.random(in: 0..<3, using: &random) > 0 {
            var edit = Edit()
            if Bool.random(using: &random) { edit.owner = "负责人\(Int.random(in: 1...99, using: &random))" }
            if Bool.random(using: &random) { edit.due = "2027-0\(Int.random(in: 1...9, using: &random))-15" }
            if Bool.random(using: &random) {
                edit.status = [.open, .inProgress, .done].randomElement(using: &random)
            }
            if Bool.random(using: &random) { edit.rootCause = "原因 \(seed)-\(index): 流程缺失" }
            if Bool.random(using: &random) {
                edit.extra = ("budget_\(index)", "\(Int.random(in: 1...9999, using: &random)) 元")
            }
            if Bool.random(using: &random) { edit.comment = "note \(seed)-\(index)" }
            text = try Self.edit(text, entry: index, edit)
            edits[entry.id] = edit
        }
        let edited = try PlanLoader.parse(yaml: text)

        // A new assessment produces a different set; then the full pool, so everything comes back.
        let second = PlanFixtures.pool.filter { _ in Bool.random(using: &random) }
        let update = PlanMerge.merge(existing: edited.plan, generated: second, header: PlanFixtures.header)
        let regenerated = try PlanYAML.apply(update, to: edited)
        let reread = try PlanLoader.parse(yaml: regenerated)
        let third = PlanMerge.merge(existing: reread.plan, generated: PlanFixtures.pool, header: PlanFixtures.header)
        let final = try PlanLoader.parse(yaml: try PlanYAML.apply(third, to: reread))

        // Nothing deleted or reordered: what people had is a prefix, in the same order.
        #expect(Array(reread.plan.entries.prefix(first.count).map(\.id)) == first.map(\.id))
        #expect(Set(final.plan.entries.map(\.id)) == Set(PlanFixtures.pool.map(\.id)))
        let produced = Set(second.map(\.id))
        for (id, edit) in edits {
            let after = try #require(reread.plan.entry(id))
            let back = try #require(final.plan.entry(id))
            for entry in [after, back] {
                if let owner = edit.owner { #expect(entry.owner == owner) }
                if let due = edit.due { #expect(entry.due == Day(iso: due)) }
                if let rootCause = edit.rootCause { #expect(entry.rootCause == rootCause) }
                if let extra = edit.extra { #expect(entry.extraKeys.contains(extra.key)) }
            }
            if let extra = edit.extra { #expect(regenerated.contains("\(extra.key): \(extra.value)")) }
            if let comment = edit.comment { #expect(regenerated.contains("# \(comment)")) }
            let status = edit.status ?? .open
            if produced.contains(id) || status == .done {
                #expect(after.status == status, "seed \(seed) \(id)")
            } else {
                #expect(after.status == .superseded, "seed \(seed) \(id)")
            }
            // Produced again: back to what the person had set.
            #expect(back.status == status, "seed \(seed) \(id)")
        }
    }

    /// After a regeneration, every action still produced shows what people wrote in each export: owner,
    /// due date and status in Markdown, CSV and ICS; root cause, measures and progress in Markdown and CSV
    /// (a calendar entry carries no notes).
    @Test(arguments: 0..<20)
    func keptActionsShowPeoplesFieldsInEveryExport(seed: Int) throws {
        var random = SplitMix(state: UInt64(seed) &* 104_729 &+ 3)
        let always = PlanFixtures.pool[seed % PlanFixtures.pool.count].id
        let first = PlanFixtures.pool.filter { $0.id == always || Bool.random(using: &random) }
        var text = PlanYAML.render(PlanMerge.merge(existing: nil, generated: first, header: PlanFixtures.header).plan)
        var edits: [String: Edit] = [:]
        for (index, entry) in first.enumerated() {
            let edit = Edit(
                owner: "负责人\(seed)之\(index)", due: "2027-0\(index % 9 + 1)-1\(seed % 10)",
                status: [.open, .inProgress, .done].randomElement(using: &random), rootCause: "原因\(seed)之\(index)",
                measures: "措施\(seed)之\(index)", progress: "进展\(seed)之\(index)")
            text = try Self.edit(text, entry: index, edit)
            edits[entry.id] = edit
        }
        let edited = try PlanLoader.parse(yaml: text)
        let second = PlanFixtures.pool.filter { $0.id == always || Bool.random(using: &random) }
        let update = PlanMerge.merge(existing: edited.plan, generated: second, header: PlanFixtures.header)
        let plan = try PlanLoader.parse(yaml: try PlanYAML.apply(update, to: edited)).plan

        let markdown = PlanExport(plan: plan, language: .en).markdown()
        let csvRows = PlanExport(plan: plan, language: .en).csv().components(separatedBy: "\r\n")
        let todos = PlanExport(plan: plan, language: .en).ics().replacingOccurrences(of: "\r\n ", with: "")
            .components(separatedBy: "BEGIN:VTODO")
        let icsStatus: [PlanAction.Status: String] = [
            .open: "NEEDS-ACTION", .inProgress: "IN-PROCESS", .done: "COMPLETED",
        ]
        let markdownStatus: [PlanAction.Status: String] = [.open: "open", .inProgress: "in progress", .done: "done"]
        let kept = first.map(\.id).filter { id in second.contains { $0.id == id } }
        for id in kept {
            let edit = try #require(edits[id])
            let owner = try #require(edit.owner)
            let due = try #require(edit.due)
            let status = try #require(edit.status)
            let notes = [edit.rootCause, edit.measures, edit.progress].compactMap { $0 }

            let row = try #require(markdown.components(separatedBy: "\n").first { $0.hasPrefix("| \(id) |") })
            #expect(row.contains("| \(markdownStatus[status] ?? "?") |"), "seed \(seed) \(id): \(row)")
            #expect(row.hasSuffix("| \(owner) | \(due) |"), "seed \(seed) \(id): \(row)")
            let analysis = try #require(markdown.components(separatedBy: "### ").first { $0.hasPrefix(id + "\n") })
            for note in notes { #expect(analysis.contains(note), "seed \(seed) \(id): \(note)") }

            let csv = try #require(csvRows.first { $0.hasPrefix(id + ",") })
            #expect(csv.contains(",\(status.rawValue),"), "seed \(seed) \(id): \(csv)")
            #expect(csv.contains(",\(owner),\(due),\(notes.joined(separator: ","))"), "seed \(seed) \(id): \(csv)")

            let todo = try #require(todos.first { $0.contains("\r\nSUMMARY:\(id) ") })
            #expect(todo.contains("\\nOwner: \(owner)"), "seed \(seed) \(id)")
            #expect(
                todo.contains("\r\nDUE;VALUE=DATE:\(due.replacingOccurrences(of: "-", with: ""))\r\n"),
                "seed \(seed) \(id)")
            #expect(todo.contains("\r\nSTATUS:\(icsStatus[status] ?? "?")\r\n"), "seed \(seed) \(id)")
        }
    }

    @Test func anUpdateChangesOnlyStatusesDateAndTheEndOfTheList() throws {
        let first = Array(PlanFixtures.pool.prefix(3))
        let text = PlanYAML.render(PlanMerge.merge(existing: nil, generated: first, header: PlanFixtures.header).plan)
        let document = try PlanLoader.parse(yaml: text + "# trailing comment kept\n")
        var header = PlanFixtures.header
        header.date = try #require(Day(iso: "2027-05-01"))
        let update = PlanMerge.merge(
            existing: document.plan, generated: [PlanFixtures.pool[0], PlanFixtures.pool[2], PlanFixtures.pool[5]],
            header: header)
        let updated = try PlanYAML.apply(update, to: document)
        let before = document.text.components(separatedBy: "\n")
        let after = updated.components(separatedBy: "\n")
        let changed = zip(before.dropLast(2), after).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        // `date:` is the only header line that differs; the second action's status the only other line.
        let dateLine = try #require(after.firstIndex { $0.hasPrefix("date: ") })
        #expect(after[dateLine] == "date: 2027-05-01")
        #expect(changed.first == dateLine)
        #expect(changed.count == 2)
        #expect(after[changed[1]] == "    status: superseded")
        let added = try PlanLoader.parse(yaml: updated)
        #expect(added.plan.entries.map(\.id) == first.map(\.id) + [PlanFixtures.pool[5].id])
        #expect(updated.contains("# trailing comment kept"))
    }

    @Test func aFlowStyleActionThatMustChangeIsRefusedNotRewritten() throws {
        let yaml = """
            schema: 1
            kind: plan
            organisation: O
            date: 2026-11-01
            actions:
              - {id: A@1, status: open}
            """
        let document = try PlanLoader.parse(yaml: yaml)
        let update = PlanMerge.merge(existing: document.plan, generated: [], header: PlanFixtures.header)
        #expect(throws: PlanYAML.UpdateError.self) { try PlanYAML.apply(update, to: document) }
    }

    /// Found by fuzzing: lines starting with '#' inside a multi-line scalar of the last action are not
    /// comments; new actions must not be inserted among them.
    @Test(arguments: [
        "    progress: \"first line\n# not a comment\n  # nor this\"\n",
        "    progress: |\n      first line\n      # part of the text\n",
    ])
    func newActionsGoAfterAMultiLineScalarThatHoldsHashLines(lastField: String) throws {
        let yaml =
            "schema: 1\nkind: plan\norganisation: O\ndate: 2026-11-01\nactions:\n  - id: A@1\n    status: open\n"
            + lastField
        let document = try PlanLoader.parse(yaml: yaml)
        let progress = try #require(document.plan.entries.first?.progress)
        let update = PlanMerge.merge(
            existing: document.plan, generated: document.plan.entries + [PlanFixtures.pool[1]],
            header: PlanFixtures.header)
        let text = try PlanYAML.apply(update, to: document)
        let reread = try PlanLoader.parse(yaml: text)
        #expect(reread.plan.entries.map(\.id) == ["A@1", PlanFixtures.pool[1].id])
        #expect(reread.plan.entries.first?.progress == progress)
    }

    @Test func anEmptyFlowListReceivesNewActions() throws {
        let yaml = "schema: 1\nkind: plan\norganisation: O\ndate: 2026-11-01\nactions: []   # none yet\nextra: 1\n"
        let document = try PlanLoader.parse(yaml: yaml)
        let update = PlanMerge.merge(
            existing: document.plan, generated: [PlanFixtures.pool[1]], header: PlanFixtures.header)
        let reread = try PlanLoader.parse(yaml: try PlanYAML.apply(update, to: document))
        #expect(reread.plan.entries.map(\.id) == [PlanFixtures.pool[1].id])
    }
}

@Suite struct PlanExportTests {
    var plan: Plan {
        var entries = Array(PlanFixtures.pool.prefix(4))
        entries[1].status = .done
        entries[1].completed = Day(iso: "2026-11-20")
        entries[1].rootCause = "=cmd|' /C calc'!A0"
        entries[2].measures = "+1 培训, 复核"
        entries[3].status = .superseded
        return Plan(
            catalog: "test@1", organisation: PlanFixtures.header.organisation, date: PlanFixtures.date,
            target: "pass", entries: entries)
    }

    @Test(arguments: Language.allCases)
    func markdown(language: Language) {
        Snapshot.assert(PlanExport(plan: plan, language: language).markdown(), named: "plan.\(language.rawValue).md")
    }

    @Test func csv() {
        Snapshot.assert(PlanExport(plan: plan, language: .en).csv(), named: "plan.en.csv")
    }

    @Test func ics() {
        Snapshot.assert(PlanExport(plan: plan, language: .zh).ics(), named: "plan.zh.ics")
    }

    @Test func yaml() {
        Snapshot.assert(PlanYAML.render(plan), named: "plan.yaml")
    }

    @Test func csvNeutralisesFormulasAndQuotesPerRFC4180() {
        #expect(CSV.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSV.field("@cmd") == "'@cmd")
        #expect(CSV.field("-1") == "'-1")
        #expect(CSV.field("+1, 2") == "\"'+1, 2\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("2026-12-01") == "2026-12-01")
        let text = PlanExport(plan: plan, language: .en, byteOrderMark: true).csv()
        #expect(text.hasPrefix("\u{FEFF}id,"))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func icsLinesAreFoldedAtSeventyFiveOctetsWithoutSplittingCharacters() {
        let folded = ICS.fold("DESCRIPTION:" + String(repeating: "售后服务", count: 30))
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(
            lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
                == "DESCRIPTION:" + String(repeating: "售后服务", count: 30))
        #expect(ICS.text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    @Test func icsHasOneTodoPerActionWithStableUIDs() throws {
        let text = PlanExport(plan: plan, language: .en).ics()
        #expect(text.components(separatedBy: "BEGIN:VTODO").count - 1 == plan.entries.count)
        let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == plan.entries.count)
        var moved = plan
        moved.entries.reverse()
        moved.date = try #require(Day(iso: "2027-01-01"))
        let again = PlanExport(plan: moved, language: .zh).ics().components(separatedBy: "\r\n").filter {
            $0.hasPrefix("UID:")
        }
        #expect(Set(again) == Set(uids))
    }
}
