import Yams

/// What an assessment against a points catalog says: the profile, points earned or samples per clause,
/// and deductions and bonuses.
extension AssessmentLoader.Reader {
    static let levelsEntryKeys: Set<String> = ["claimed", "audited"]
    static let pointsEntryKeys: Set<String> = ["earned", "audited_earned", "sample", "audited_sample"]
    static let sampleKeys = ["size", "conforming"]
    static let adjustmentKeys = ["id", "kind", "text", "criterion", "note"]

    /// An error for a level in a points assessment, or points in a levels one.
    func checkScoringKeys(_ fields: YAMLMapping, criterion id: String) {
        for entry in fields.entries {
            if catalog.isPoints, Self.levelsEntryKeys.contains(entry.key) {
                r.error(
                    .scoresPointsNotLevels(entry.key, of: id, catalog: catalog.id), at: entry.keyNode,
                    hint: entry.key == "claimed" ? .writeEarned : .writeAuditedEarned)
            } else if !catalog.isPoints, Self.pointsEntryKeys.contains(entry.key) {
                r.error(
                    .scoresLevelsNotPoints(entry.key, of: id, catalog: catalog.id), at: entry.keyNode,
                    hint: .writeClaimedLevel)
            }
        }
    }

    /// `earned`, `audited_earned`, `sample`, `audited_sample` of one clause, checked against its points and
    /// how it is checked.
    func readPoints(_ fields: YAMLMapping, criterion: Criterion, into entry: inout CriterionEntry) {
        let id = criterion.id
        let points = criterion.points ?? 0
        for key in ["earned", "audited_earned"] {
            guard let node = fields[key], !r.isNull(node),
                let value = r.number(node, .init(en: "\(key) of '\(id)'", zh: "'\(id)' 的 \(key)"))
            else {
                continue
            }
            if criterion.check == .sample {
                r.error(
                    .checkedBySample(id, give: key == "earned" ? "sample" : "audited_sample", insteadOf: key),
                    at: node, hint: .pointsFollowFromSample)
                continue
            }
            if value < 0 {
                r.error(.earnedNegative(key, of: id, found: format(value)), at: node)
                continue
            }
            if value > points + Tolerance.epsilon {
                r.error(
                    .earnedMoreThanPoints(key, format(value), of: id, points: format(points)), at: node,
                    hint: .clauseEarnsAtMostItsPoints)
                continue
            }
            if criterion.check == .all, value > Tolerance.epsilon, value < points - Tolerance.epsilon {
                r.error(
                    .checkedAsWhole(id, points: format(points), found: format(value)), at: node,
                    hint: .giveAllOrNothing(format(points)))
                continue
            }
            if key == "earned" { entry.earned = value } else { entry.auditedEarned = value }
        }
        for key in ["sample", "audited_sample"] {
            guard let node = fields[key], !r.isNull(node) else { continue }
            guard criterion.check == .sample else {
                r.error(
                    .notCheckedBySample(id, check: criterion.check.rawValue), at: node,
                    hint: .givePointsAs(key == "sample" ? "earned" : "audited_earned"))
                continue
            }
            guard let sample = readSample(node, .init(en: "\(key) of '\(id)'", zh: "'\(id)' 的 \(key)")) else {
                continue
            }
            if key == "sample" { entry.sample = sample } else { entry.auditedSample = sample }
        }
    }

    /// `{size: 50, conforming: 44}`: a size of 1 or more, conforming from 0 to the size.
    func readSample(_ node: Node, _ what: Diagnostic.Message) -> Sample? {
        guard let map = r.mapping(node, what, allowed: Self.sampleKeys, required: Self.sampleKeys),
            let sizeNode = map["size"],
            let size = r.integer(sizeNode, .init(en: "size of \(what.en)", zh: "\(what.zh) 的 size")),
            let conformingNode = map["conforming"],
            let conforming = r.integer(
                conformingNode, .init(en: "conforming of \(what.en)", zh: "\(what.zh) 的 conforming"))
        else { return nil }
        if size < 1 {
            r.error(.sampleSizeTooSmall(what, size), at: sizeNode)
            return nil
        }
        if conforming < 0 {
            r.error(.conformingNegative(what, conforming), at: conformingNode)
            return nil
        }
        if conforming > size {
            r.error(
                .conformingMoreThanSize(what, conforming, size), at: conformingNode, hint: .conformingAtMostSize)
            return nil
        }
        return Sample(size: size, conforming: conforming)
    }

    /// The enterprise type (`profile:`): required when the catalog has profiles, and one of them.
    func readProfile(_ map: YAMLMapping, root: Node) -> Catalog.Profile? {
        let ids = catalog.profiles.map(\.id)
        guard let node = map["profile"] else {
            if !catalog.profiles.isEmpty {
                r.error(.assessmentHasNoProfile(catalog: catalog.id), at: root, hint: .addProfile(ids))
            }
            return nil
        }
        guard let id = r.identifier(node, .key("profile")) else { return nil }
        guard !catalog.profiles.isEmpty else {
            r.error(.catalogHasNoProfiles(catalog.id), at: node, hint: .removeProfile)
            return nil
        }
        guard let profile = catalog.profile(id) else {
            r.error(
                .unknownProfile(id), at: node, hint: Suggestion.hintMessage(for: id, in: ids) ?? .profilesAre(ids))
            return nil
        }
        return profile
    }

    /// A criterion the profile leaves out earns nothing: points or a level for it are an error.
    func checkExcluded(_ node: Node, profile: Catalog.Profile) {
        guard case .mapping(let mapping) = node else { return }
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, profile.excludes.contains(scalar.string),
                case .mapping(let fields) = value
            else { continue }
            let given = fields.contains { k, v in
                if case .scalar(let name) = k { return Self.pointsEntryKeys.contains(name.string) && !r.isNull(v) }
                return false
            }
            if given {
                r.error(
                    .excludedByProfile(scalar.string, profile: profile.id), at: key, hint: .removeExcludedPoints)
            }
        }
    }

    /// `adjustments:` — deductions and bonuses, each with its text and, optionally, the criterion it concerns.
    /// Ids default to D1, D2, … and B1, B2, … and must not repeat a finding's id.
    func readAdjustments(_ node: Node, findings: [Finding]) -> [Adjustment] {
        guard !r.isNull(node), let items = r.sequence(node, .key("adjustments")) else { return [] }
        if catalog.adjustments == nil, !items.isEmpty {
            r.error(
                .allowsNoAdjustments(catalog.id), at: node,
                hint: catalog.isPoints ? .catalogSetsNoAdjustments : .adjustmentsBelongToPoints)
            return []
        }
        var result: [Adjustment] = []
        var seen = Dictionary(findings.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        var counts: [Adjustment.Kind: Int] = [:]
        let criterionSuggester = Suggester(catalog.criteria.map(\.id))
        for item in items {
            guard
                let map = r.mapping(
                    item, .init(en: "an adjustment", zh: "调整项"), allowed: Self.adjustmentKeys,
                    required: ["kind", "text"]),
                let kindNode = map["kind"],
                let kindText = r.string(kindNode, .init(en: "kind of an adjustment", zh: "调整项的 kind"))
            else { continue }
            guard let kind = Adjustment.Kind(rawValue: kindText) else {
                r.error(
                    .adjustmentKind(kindText), at: kindNode,
                    hint: Suggestion.hintMessage(for: kindText, in: Adjustment.Kind.allCases.map(\.rawValue)))
                continue
            }
            counts[kind, default: 0] += 1
            var id = (kind == .deduction ? "D" : "B") + String(counts[kind] ?? 1)
            if let idNode = map["id"], let written = r.identifier(idNode, .init(en: "adjustment id", zh: "调整项 id")) {
                id = written
            }
            let at = map["id"] ?? item
            if let first = seen[id] {
                r.append(
                    .error(
                        .duplicateAdjustmentID(id), at: r.location(at), hint: .giveAdjustmentID,
                        notes: first.map { [.alsoUsed(at: $0, from: r.file)] } ?? []))
                continue
            }
            seen[id] = r.location(at)
            var criterion: String?
            if let criterionNode = map["criterion"],
                let ref = r.identifier(criterionNode, .init(en: "criterion of '\(id)'", zh: "'\(id)' 的 criterion"))
            {
                if catalog.criterion(ref) == nil {
                    r.error(
                        .adjustmentNamesUnknown(id, ref), at: criterionNode, hint: criterionSuggester.hint(for: ref))
                }
                criterion = ref
            }
            let text =
                map["text"].flatMap { r.string($0, .init(en: "text of adjustment '\(id)'", zh: "调整项 '\(id)' 的 text")) }
                ?? ""
            let note = map["note"].flatMap {
                r.isNull($0) ? nil : r.string($0, .init(en: "note of adjustment '\(id)'", zh: "调整项 '\(id)' 的 note"))
            }
            result.append(
                Adjustment(id: id, kind: kind, text: text, criterion: criterion, note: note, location: r.location(at)))
        }
        return result
    }
}
