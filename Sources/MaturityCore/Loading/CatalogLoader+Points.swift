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
                "scoring must be 'levels' or 'points', found '\(text)'", at: node,
                hint: Suggestion.hint(for: text, in: Catalog.Scoring.allCases.map(\.rawValue)))
        }
    }

    /// An error for each key that belongs to the other kind of catalog.
    func checkScoringKeys(_ map: YAMLMapping, _ what: Diagnostic.Message, _ r: YAMLReader) {
        for entry in map.entries {
            switch scoring {
            case .points where CatalogLoader.levelsOnlyKeys.contains(entry.key):
                r.error(
                    "'\(entry.key)' in \(what) has no meaning in a points catalog", at: entry.keyNode,
                    hint: "a points catalog weighs each criterion by its points and rates by the overall score "
                        + "(and held_days_min); remove '\(entry.key)'")
            case .levels where CatalogLoader.pointsOnlyKeys.contains(entry.key):
                r.error(
                    "'\(entry.key)' in \(what) belongs to a points catalog", at: entry.keyNode,
                    hint: "add 'scoring: points' to the catalog, or remove '\(entry.key)'")
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
            r.error("held_days_min of rating '\(rating)' must be more than 0, found \(days)", at: node)
            return nil
        }
        if days > Day.maximumSpanDays {
            r.error(
                "held_days_min of rating '\(rating)' must be at most \(Day.maximumSpanDays), found \(days)", at: node,
                hint: "ten years at most; a certificate runs three")
            return nil
        }
        if lowest {
            r.error(
                "held_days_min on '\(rating)', the lowest rating: it is the rating a certificate holds before "
                    + "the others", at: node,
                hint: "put held_days_min on the ratings above it (the star ratings)")
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
                    "check of '\(id)' must be 'all', 'sample' or 'graded', found '\(text)'", at: node,
                    hint: Suggestion.hint(for: text, in: PointsCheck.allCases.map(\.rawValue)))
            }
        }
        let requirement = map["requirement"].flatMap {
            r.text($0, .init(en: "requirement of '\(id)'", zh: "'\(id)' 的 requirement"))
        }
        if let requirement, !requirement.missingLanguages.isEmpty, let node = map["requirement"] {
            r.warning(
                "requirement of '\(id)' has no "
                    + requirement.missingLanguages.map(\.rawValue).joined(separator: ", ") + " text",
                at: node, hint: "write {zh: …, en: …} so plans name the requirement in both languages")
        }
        guard let node = map["points"],
            let points = r.number(node, .init(en: "points of '\(id)'", zh: "'\(id)' 的 points"))
        else { return nil }
        if points <= 0 {
            r.error(
                "points of '\(id)' must be more than 0, found \(format(points))", at: node,
                hint: "a clause worth nothing is not a clause; remove it or give it points")
            return nil
        }
        if points > CatalogLoader.maximumWeight {
            r.error(
                "points of '\(id)' must be at most \(format(CatalogLoader.maximumWeight)), found \(KPIDefinition.show(points))",
                at: node, hint: "points are relative: only their ratios count")
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
            r.error("threshold of '\(criterion)' for KPI '\(kpi)' \(problem)", at: thresholdNode)
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
                    item, .init(en: "a profile", zh: "档案"), allowed: CatalogLoader.profileKeys,
                    required: ["id", "name"]),
                let idNode = map["id"], let id = r.identifier(idNode, .init(en: "profile id", zh: "档案 id"))
            else { continue }
            if profiles.contains(where: { $0.id == id }) { r.error("duplicate profile id '\(id)'", at: idNode) }
            let name =
                map["name"].flatMap { r.text($0, .init(en: "name of profile '\(id)'", zh: "档案 '\(id)' 的名称")) }
                ?? LocalizedText(id)
            _ = map["description"].flatMap {
                r.text($0, .init(en: "description of profile '\(id)'", zh: "档案 '\(id)' 的说明"))
            }
            var excludes: [String] = []
            var excluded = Set<String>()
            if let excludesNode = map["excludes"], !r.isNull(excludesNode),
                let refs = r.identifiers(
                    excludesNode, .init(en: "excludes of profile '\(id)'", zh: "档案 '\(id)' 的 excludes"))
            {
                for (ref, refNode) in refs {
                    if criterionIds[ref] == nil {
                        r.error(
                            "profile '\(id)' excludes unknown criterion '\(ref)'", at: refNode,
                            hint: suggester.hint(for: ref))
                    } else if !excluded.insert(ref).inserted {
                        r.error("profile '\(id)' excludes '\(ref)' twice", at: refNode)
                    } else {
                        excludes.append(ref)
                    }
                }
            }
            if !excludes.isEmpty, excludes.count == criterionIds.count {
                r.error("profile '\(id)' excludes every criterion", at: idNode, hint: "a profile leaves some criteria")
            }
            profiles.append(Catalog.Profile(id: id, name: name, excludes: excludes, location: r.location(idNode)))
        }
        if profiles.isEmpty { r.error("'profiles' lists no profile", at: node, hint: "remove it, or list profiles") }
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
                r.error(
                    "\(key) must be \(allowsZero ? "0" : "more than 0") to 100 points, found \(format(value))",
                    at: valueNode)
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
