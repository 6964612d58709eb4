import Yams

/// What a points catalog adds to the catalog format: `scoring: points`, clause points and checks, profiles
/// with the criteria they leave out, adjustments, and `held_days_min` on ratings.
extension CatalogLoader {
    static let profileKeys = ["id", "name", "excludes", "description"]
    static let adjustmentKeys = ["deduction_points", "bonus_points", "bonus_max"]
    static let pointsMetricKeys = ["kpi", "better", "threshold"]

    /// Keys that mean something only in a levels catalog.
    static let levelsOnlyKeys: Set<String> = [
        "levels", "lead_days", "domain_min", "key_level_min", "max_open", "criterion_min", "weight", "key", "evidence",
        "actions",
    ]
    /// Keys that mean something only in a points catalog.
    static let pointsOnlyKeys: Set<String> = [
        "profiles", "adjustments", "points", "check", "requirement", "held_days_min",
    ]
}

extension CatalogLoader.Builder {
    /// The scoring the catalog's top level declares, read before anything else (it decides what is required).
    /// A value that is neither is reported by `readScoring`; meanwhile a catalog without `levels:` is read as
    /// points, so that one typo gives one error.
    static func declaredScoring(_ root: Node) -> Catalog.Scoring {
        guard case .mapping(let mapping) = root else { return .levels }
        var declared: String?
        var hasLevels = false
        for (key, value) in mapping {
            guard case .scalar(let k) = key else { continue }
            if k.string == "scoring", case .scalar(let v) = value { declared = v.string }
            if k.string == "levels" { hasLevels = true }
        }
        switch declared.flatMap(Catalog.Scoring.init(rawValue:)) {
        case .points?: return .points
        case .levels?: return .levels
        case nil: return declared == nil || hasLevels ? .levels : .points
        }
    }

    func readScoring(_ node: Node, _ r: YAMLReader) {
        guard let text = r.string(node, .key("scoring")) else { return }
        if Catalog.Scoring(rawValue: text) == nil {
            r.error(
                .scoringLevelsOrPoints(text), at: node,
                hint: Suggestion.hintMessage(for: text, in: Catalog.Scoring.allCases.map(\.rawValue)))
        }
    }

    /// An error for each key that belongs to the other kind of catalog.
    func checkScoringKeys(_ map: YAMLMapping, _ what: Diagnostic.Message, _ r: YAMLReader) {
        for entry in map.entries {
            switch scoring {
            case .points where CatalogLoader.levelsOnlyKeys.contains(entry.key):
                r.error(
                    .keyMeaninglessInPoints(entry.key, in: what), at: entry.keyNode,
                    hint: .removeKeyForPoints(entry.key))
            case .levels where CatalogLoader.pointsOnlyKeys.contains(entry.key):
                r.error(
                    .keyBelongsToPoints(entry.key, in: what), at: entry.keyNode, hint: .addScoringPoints(entry.key))
            default:
                break
            }
        }
    }

    /// `held_days_min` of a rating: whole days, more than 0, never on the lowest rating (the one held).
    func readHeldDays(_ node: Node, rating: String, lowest: Bool, _ r: YAMLReader) -> Int? {
        guard
            let days = r.integer(
                node, .init(en: "held_days_min of rating '\(rating)'", zh: "评级 '\(rating)' 的 held_days_min"))
        else { return nil }
        if days <= 0 {
            r.error(.heldDaysNotPositive(rating, days), at: node)
            return nil
        }
        if days > Day.maximumSpanDays {
            r.error(
                .heldDaysTooLong(rating, maximum: Day.maximumSpanDays, found: days), at: node,
                hint: .certificateRunsThree)
            return nil
        }
        if lowest {
            r.error(.heldDaysOnLowest(rating), at: node, hint: .heldDaysOnHigherRatings)
            return nil
        }
        return days
    }

    /// A points clause's points, how it is checked and what it requires.
    func readPoints(_ map: YAMLMapping, criterion id: String, _ r: YAMLReader) -> (
        points: Double, check: PointsCheck, requirement: LocalizedText?
    )? {
        var check = PointsCheck.all
        if let node = map["check"], let text = r.string(node, .init(en: "check of '\(id)'", zh: "'\(id)' 的 check")) {
            if let parsed = PointsCheck(rawValue: text) {
                check = parsed
            } else {
                r.error(
                    .unknownCheck(id, text), at: node,
                    hint: Suggestion.hintMessage(for: text, in: PointsCheck.allCases.map(\.rawValue)))
            }
        }
        let requirement = map["requirement"].flatMap {
            r.text($0, .init(en: "requirement of '\(id)'", zh: "'\(id)' 的 requirement"))
        }
        if let requirement, !requirement.missingLanguages.isEmpty, let node = map["requirement"] {
            r.warning(
                .requirementMissesLanguages(id, requirement.missingLanguages.map(\.rawValue).joined(separator: ", ")),
                at: node, hint: .writeRequirementInBoth)
        }
        guard let node = map["points"],
            let points = r.number(node, .init(en: "points of '\(id)'", zh: "'\(id)' 的 points"))
        else { return nil }
        if points <= 0 {
            r.error(.pointsNotPositive(id, format(points)), at: node, hint: .clauseWorthNothing)
            return nil
        }
        if points > CatalogLoader.maximumWeight {
            r.error(
                .pointsTooLarge(id, maximum: format(CatalogLoader.maximumWeight), found: KPIDefinition.show(points)),
                at: node, hint: .pointsAreRelative)
            return nil
        }
        return (points, check, requirement)
    }

    /// The metric of a points clause: `{kpi, better, threshold}`; the clause earns nothing while the KPI
    /// misses the threshold.
    func readPointsMetric(_ node: Node, criterion: String, _ r: YAMLReader) -> Metric? {
        guard
            let map = r.mapping(
                node, .init(en: "metric of '\(criterion)'", zh: "'\(criterion)' 的 metric"),
                allowed: CatalogLoader.pointsMetricKeys,
                required: ["kpi", "better", "threshold"]),
            let kpiNode = map["kpi"], let kpi = r.identifier(kpiNode, .key("kpi"))
        else { return nil }
        let definition = checkKPIKnown(kpi, criterion: criterion, at: kpiNode, r)
        guard let better = map["better"].flatMap({ direction($0, r) }), let thresholdNode = map["threshold"],
            let threshold = r.number(thresholdNode, .init(en: "threshold of '\(criterion)'", zh: "'\(criterion)' 的阈值"))
        else { return nil }
        if let problem = definition?.rangeProblem(threshold) {
            r.error(.thresholdOutOfRange(criterion, kpi: kpi, problem), at: thresholdNode)
            return nil
        }
        return Metric(kpi: kpi, better: better, thresholds: [1: threshold])
    }

    /// `profiles:` — enterprise types, each with the criteria it leaves out, which must exist.
    func readProfiles(_ node: Node, _ r: YAMLReader) -> [Catalog.Profile] {
        guard let items = r.sequence(node, .key("profiles")) else { return [] }
        var profiles: [Catalog.Profile] = []
        let suggester = Suggester(Array(criterionIds.keys).sorted())
        for item in items {
            guard
                let map = r.mapping(
                    item, .init(en: "a profile", zh: "企业类型"), allowed: CatalogLoader.profileKeys,
                    required: ["id", "name"]),
                let idNode = map["id"], let id = r.identifier(idNode, .init(en: "profile id", zh: "企业类型 id"))
            else { continue }
            if profiles.contains(where: { $0.id == id }) { r.error(.duplicateProfileID(id), at: idNode) }
            let name =
                map["name"].flatMap { r.text($0, .init(en: "name of profile '\(id)'", zh: "企业类型 '\(id)' 的名称")) }
                ?? LocalizedText(id)
            _ = map["description"].flatMap {
                r.text($0, .init(en: "description of profile '\(id)'", zh: "企业类型 '\(id)' 的说明"))
            }
            var excludes: [String] = []
            var excluded = Set<String>()
            if let excludesNode = map["excludes"], !r.isNull(excludesNode),
                let refs = r.identifiers(
                    excludesNode, .init(en: "excludes of profile '\(id)'", zh: "企业类型 '\(id)' 的 excludes"))
            {
                for (ref, refNode) in refs {
                    if criterionIds[ref] == nil {
                        r.error(.profileExcludesUnknown(id, ref), at: refNode, hint: suggester.hint(for: ref))
                    } else if !excluded.insert(ref).inserted {
                        r.error(.profileExcludesTwice(id, ref), at: refNode)
                    } else {
                        excludes.append(ref)
                    }
                }
            }
            if !excludes.isEmpty, excludes.count == criterionIds.count {
                r.error(.profileExcludesEverything(id), at: idNode, hint: .profileLeavesSome)
            }
            profiles.append(Catalog.Profile(id: id, name: name, excludes: excludes, location: r.location(idNode)))
        }
        if profiles.isEmpty { r.error(.profilesListsNone, at: node, hint: .removeOrListProfiles) }
        return profiles
    }

    /// `adjustments: {deduction_points, bonus_points, bonus_max}`.
    func readAdjustments(_ node: Node, _ r: YAMLReader) -> Catalog.AdjustmentRules? {
        guard let map = r.mapping(node, .key("adjustments"), allowed: CatalogLoader.adjustmentKeys) else { return nil }
        var rules = Catalog.AdjustmentRules()
        for key in CatalogLoader.adjustmentKeys {
            guard let valueNode = map[key], let value = r.number(valueNode, .key(key)) else { continue }
            let allowsZero = key == "bonus_max"
            if value < 0 || (!allowsZero && value == 0) || value > 100 {
                r.error(.adjustmentOutOfRange(key, allowsZero: allowsZero, found: format(value)), at: valueNode)
                continue
            }
            switch key {
            case "deduction_points": rules.deductionPoints = value
            case "bonus_points": rules.bonusPoints = value
            default: rules.bonusMax = value
            }
        }
        return rules
    }
}
