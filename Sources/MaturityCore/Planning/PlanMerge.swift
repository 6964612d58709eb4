/// Regenerating a plan into the one people have been editing (SPEC §6): existing actions keep
/// every field as people wrote it, in their order; new actions are added at the end; actions the
/// assessment no longer produces are marked superseded, and come back to open when produced again.
/// Nothing is ever deleted or reordered.
public enum PlanMerge {
    public enum Change: String, Sendable, Hashable, CaseIterable {
        /// New in this plan.
        case added
        /// Produced again; kept as people wrote it.
        case kept
        /// Marked done by people although the assessment still produces it; kept as done.
        case doneButStillProduced = "done_still_produced"
        /// No longer produced and still pending: now `superseded`.
        case superseded
        /// Superseded before and produced again: back to `open`.
        case reopened
        /// No longer produced, and already done or superseded: left as it was.
        case retired
        /// Added to the plan by people, never produced by the tool: left as they wrote it.
        case addedByHand = "added_by_hand"
    }

    public struct Update: Sendable {
        public var plan: Plan
        /// Every action of the merged plan with what happened to it, in plan order.
        public var changes: [(id: String, change: Change)]
        /// Status changes of existing entries: index into the existing plan's entries, the new status,
        /// and the `status_before` the entry now has (nil: none).
        public var statusChanges: [(index: Int, status: PlanAction.Status, before: PlanAction.Status?)]
        /// Entries appended at the end, in the order the assessment produced them.
        public var added: [PlanEntry]

        public func count(_ change: Change) -> Int { changes.filter { $0.change == change }.count }
    }

    /// Merges `generated` (the actions of a new assessment) into `existing`; with no existing plan,
    /// every generated action is added.
    public static func merge(existing: Plan?, generated: [PlanEntry], header: Plan) -> Update {
        var produced: [String: Int] = [:]
        for (i, entry) in generated.enumerated() where produced[entry.id] == nil { produced[entry.id] = i }
        var merged = header
        merged.entries = []
        var changes: [(id: String, change: Change)] = []
        var statusChanges: [(index: Int, status: PlanAction.Status, before: PlanAction.Status?)] = []
        var known = Set<String>()
        for (index, var entry) in (existing?.entries ?? []).enumerated() {
            known.insert(entry.id)
            let change: Change
            if produced[entry.id] != nil {
                switch entry.status {
                case .superseded:
                    // Back to what people had set before the tool superseded it.
                    entry.status = entry.statusBefore ?? .open
                    entry.statusBefore = nil
                    statusChanges.append((index, entry.status, nil))
                    change = .reopened
                case .done: change = .doneButStillProduced
                case .open, .inProgress: change = .kept
                }
            } else if !entry.isMadeByTool {
                change = .addedByHand
            } else if entry.isPending {
                entry.statusBefore = entry.status == .open ? nil : entry.status
                entry.status = .superseded
                statusChanges.append((index, .superseded, entry.statusBefore))
                change = .superseded
            } else {
                change = .retired
            }
            changes.append((entry.id, change))
            merged.entries.append(entry)
        }
        var added: [PlanEntry] = []
        for entry in generated where !known.contains(entry.id) {
            known.insert(entry.id)
            added.append(entry)
            changes.append((entry.id, .added))
            merged.entries.append(entry)
        }
        return Update(plan: merged, changes: changes, statusChanges: statusChanges, added: added)
    }
}

extension ActionBuilder {
    /// What the auditor will check to accept the action as done.
    public func verification(for action: PlanAction) -> LocalizedText {
        switch action.origin {
        case .finding(let id, _):
            return LocalizedText(
                zh: "审核员复核 \(id) 的整改证据（原因分析、纠正措施及其实施记录）后关闭该发现",
                en: "The auditor reviews the corrective-action evidence for \(id) (root cause, correction, "
                    + "records of it being carried out) and closes the finding")
        case .path:
            guard let id = action.criterion, let criterion = catalog.criterion(id), let to = action.to else {
                return LocalizedText("")
            }
            var kinds: [String] = []
            for level in min(to, (action.from ?? 0) + 1)...max(1, to) {
                for kind in catalog.requiredEvidence(for: criterion, at: level) where !kinds.contains(kind) {
                    kinds.append(kind)
                }
            }
            func names(_ language: Language) -> String {
                kinds.map { catalog.evidenceKindName($0, language) }.joined(separator: language == .zh ? "、" : ", ")
            }
            var zh = "审核员核查 \(id) 第 \(to) 级所需证据（\(names(.zh))）已引用且在有效期内"
            var en = "The auditor checks that \(id) cites current evidence for level \(to) (\(names(.en)))"
            if let target = action.kpiTarget {
                let sign = target.better == .lower ? "≤" : "≥"
                let value = NumberText.plain(target.value)
                zh += "，且 \(target.kpi) \(sign) \(value)"
                en += " and \(target.kpi) \(sign) \(value)"
            }
            return LocalizedText(zh: zh, en: en)
        }
    }
}
