/// Regenerating a plan into the one people have been editing: existing actions keep
/// every field people own as they wrote it, in their order; the fields the tool derives (criterion,
/// domain, from, to, kind, priority, purpose, what, evidence needed, KPI target, verification) of
/// pending actions produced again are refreshed from the new assessment; new actions are added at the
/// end; actions the assessment no longer produces are marked superseded, and come back to open when
/// produced again. Nothing is ever deleted or reordered.
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

    /// A derived field of an existing action given a new value.
    public struct FieldChange: Sendable, Hashable {
        /// The field's key in the plan file (`from`, `kpi_target`, …).
        public var key: String
        /// Short forms of the old and new values, for the change list.
        public var old: String
        public var new: String
    }

    /// The derived fields refreshed in one existing action.
    public struct Refresh: Sendable, Hashable {
        /// Index into the existing plan's entries.
        public var index: Int
        public var id: String
        public var fields: [FieldChange]
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
        /// Pending actions produced again whose derived fields changed, with the new values in `plan`.
        public var refreshes: [Refresh] = []
        /// The existing plan's entries, to undo a refresh that cannot be written.
        var previous: [PlanEntry] = []

        public func count(_ change: Change) -> Int { changes.filter { $0.change == change }.count }

        /// The update with only the refreshes `keep` accepts (by entry index and field key); the others'
        /// fields go back to what the existing plan says (a value the file cannot take in place).
        public func keeping(_ keep: (Int, String) -> Bool) -> Update {
            var update = self
            update.refreshes = []
            for refresh in refreshes {
                let kept = refresh.fields.filter { keep(refresh.index, $0.key) }
                for field in refresh.fields where !keep(refresh.index, field.key) {
                    if refresh.index < previous.count, refresh.index < update.plan.entries.count {
                        update.plan.entries[refresh.index].setDerived(field.key, from: previous[refresh.index])
                    }
                }
                if !kept.isEmpty {
                    update.refreshes.append(Refresh(index: refresh.index, id: refresh.id, fields: kept))
                }
            }
            return update
        }
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
        var refreshes: [Refresh] = []
        for (index, var entry) in (existing?.entries ?? []).enumerated() {
            known.insert(entry.id)
            let change: Change
            if let at = produced[entry.id] {
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
                if entry.isPending {
                    let fresh = generated[at]
                    var fields: [FieldChange] = []
                    for key in PlanLoader.derivedKeys where !entry.sameDerived(key, as: fresh) {
                        fields.append(
                            FieldChange(key: key, old: entry.derivedText(key), new: fresh.derivedText(key)))
                        entry.setDerived(key, from: fresh)
                    }
                    if !fields.isEmpty { refreshes.append(Refresh(index: index, id: entry.id, fields: fields)) }
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
        var update = Update(plan: merged, changes: changes, statusChanges: statusChanges, added: added)
        update.refreshes = refreshes
        update.previous = existing?.entries ?? []
        return update
    }
}

extension PlanEntry {
    /// Whether the derived field `key` has the same value in both entries.
    public func sameDerived(_ key: String, as other: PlanEntry) -> Bool {
        switch key {
        case "criterion": return criterion == other.criterion
        case "domain": return domain == other.domain
        case "kind": return kind == other.kind
        case "from": return from == other.from
        case "to": return to == other.to
        case "points": return points == other.points
        case "earned": return earned == other.earned
        case "what": return what == other.what
        case "evidence_needed": return (evidenceNeeded ?? []) == (other.evidenceNeeded ?? [])
        case "kpi_target": return kpiTarget == other.kpiTarget
        case "priority": return priority == other.priority
        case "purpose": return purpose == other.purpose
        case "verification": return verification == other.verification
        default: return true
        }
    }

    /// Sets the derived field `key` to `other`'s value.
    public mutating func setDerived(_ key: String, from other: PlanEntry) {
        switch key {
        case "criterion": criterion = other.criterion
        case "domain": domain = other.domain
        case "kind": kind = other.kind
        case "from": from = other.from
        case "to": to = other.to
        case "points": points = other.points
        case "earned": earned = other.earned
        case "what": what = other.what
        case "evidence_needed": evidenceNeeded = other.evidenceNeeded
        case "kpi_target": kpiTarget = other.kpiTarget
        case "priority": priority = other.priority
        case "purpose": purpose = other.purpose
        case "verification": verification = other.verification
        default: break
        }
    }

    /// A short form of a derived field's value for the list of changes ("0", "P1", "[record]", "…").
    public func derivedText(_ key: String) -> String {
        switch key {
        case "criterion": return criterion ?? "—"
        case "domain": return domain ?? "—"
        case "kind": return kind ?? "—"
        case "from": return from.map(String.init) ?? "—"
        case "to": return to.map(String.init) ?? "—"
        case "points": return points.map { NumberText.plain($0) } ?? "—"
        case "earned": return earned.map { NumberText.plain($0) } ?? "—"
        case "evidence_needed": return "[" + (evidenceNeeded ?? []).joined(separator: ", ") + "]"
        case "kpi_target":
            guard let target = kpiTarget else { return "—" }
            return "\(target.kpi) \(target.better == .lower ? "≤" : "≥") \(NumberText.plain(target.value))"
        case "priority": return priority?.rawValue ?? "—"
        case "purpose": return purpose?.rawValue ?? "—"
        default: return "…"
        }
    }
}

extension ActionBuilder {
    /// A KPI by its name in `language` (the catalog's, or a built-in's), not its id.
    func kpiName(_ id: String, _ language: Language) -> String {
        catalog.kpi(id)?.name.text(language) ?? id
    }

    /// What the auditor will check to accept the action as done.
    public func verification(for action: PlanAction) -> LocalizedText {
        switch action.origin {
        case .finding(let id, _):
            return LocalizedText(
                zh: "审核员复核 \(id) 的整改证据（原因分析、纠正措施及其实施记录）后关闭该发现",
                en: "The auditor reviews the corrective-action evidence for \(id) (root cause, correction, "
                    + "records of it being carried out) and closes the finding")
        case .path:
            if let points = action.points, let id = action.criterion { return pointsVerification(id, points, action) }
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
                zh += "，且\(kpiName(target.kpi, .zh)) \(sign) \(value)"
                en += " and \(target.kpi) \(sign) \(value)"
            }
            return LocalizedText(zh: zh, en: en)
        }
    }
}
