import Foundation

/// Reads a result JSON (`assess --format json` or `review --format json`) into a `PreviousResult`,
/// reporting every wrong or missing value with its key path (`criteria[3].level`) and its place.
public enum PreviousResultLoader {
    typealias Key = ResultJSON.Key

    public static func load(path: String, displayPath: String? = nil, files: any FileSource = DiskFiles())
        throws(DiagnosticError) -> PreviousResult
    {
        let document = try JSONDocument.load(path: path, displayPath: displayPath, files: files)
        return try read(document)
    }

    public static func parse(json: String, file: String = "result.json") throws(DiagnosticError) -> PreviousResult {
        try read(try JSONDocument.parse(data: Data(json.utf8), file: file))
    }

    static func read(_ document: JSONDocument) throws(DiagnosticError) -> PreviousResult {
        let root = document.root
        // Something else altogether: one clear error, not a list of every key it lacks.
        guard case .object = root.value, root[Key.schema] != nil, root[Key.catalog] != nil, root[Key.rating] != nil
        else {
            throw DiagnosticError(
                .error(.notAMaturityResult(document.file), at: root.location, hint: .giveResultJSON))
        }
        var r = Reader(file: document.file)
        let schema = r.int(root, Key.schema)
        if let schema, schema != PreviousResult.supportedSchema {
            r.error(
                .unknownResultSchema(schema), at: root[Key.schema],
                hint: .readsResultSchema(PreviousResult.supportedSchema))
        }
        let catalog = r.object(root, Key.catalog)
        let catalogId = catalog.flatMap { r.string($0, Key.id, path: "\(Key.catalog).\(Key.id)") }
        let catalogVersion = catalog.flatMap { r.string($0, Key.version, path: "\(Key.catalog).\(Key.version)") }
        let organisationNode = r.object(root, Key.organisation)
        let organisationName = organisationNode.flatMap {
            r.string($0, Key.name, path: "\(Key.organisation).\(Key.name)")
        }
        let site = organisationNode.flatMap { r.optionalString($0, Key.site, path: "\(Key.organisation).\(Key.site)") }
        let kindText = r.string(root, Key.kind)
        var kind: Assessment.Kind?
        if let kindText {
            kind = Assessment.Kind(rawValue: kindText)
            if kind == nil {
                r.error(
                    .mustBeOneOf(Key.kind, Assessment.Kind.allCases.map(\.rawValue), found: kindText),
                    at: root[Key.kind])
            }
        }
        let date = r.day(root, Key.date)
        let rating = r.string(root, Key.rating)
        let overall = r.score(root, Key.overall)
        var scoring = Catalog.Scoring.levels
        if let text = r.optionalString(root, Key.scoring, path: Key.scoring) {
            if let parsed = Catalog.Scoring(rawValue: text) {
                scoring = parsed
            } else {
                r.error(.scoringLevelsOrPoints(found: text), at: root[Key.scoring])
            }
        }
        let heldSince = root[Key.heldSince].flatMap { node -> Day? in
            if case .null = node.value { return nil }
            return r.day(root, Key.heldSince)
        }

        var domains: [PreviousResult.DomainScore] = []
        var domainIds: Set<String> = []
        for (index, node) in r.array(root, Key.domains).enumerated() {
            let path = "\(Key.domains)[\(index)]"
            guard r.isObject(node, path) else { continue }
            guard let id = r.string(node, Key.id, path: "\(path).\(Key.id)") else { continue }
            if !domainIds.insert(id).inserted { r.error(.domainListedTwice(path, id), at: node) }
            let applicable = r.bool(node, Key.applicable, path: "\(path).\(Key.applicable)") ?? true
            let score = r.score(node, Key.score, path: "\(path).\(Key.score)")
            domains.append(.init(id: id, applicable: applicable && score != nil, score: applicable ? score : nil))
        }
        var criteria: [PreviousResult.CriterionScore] = []
        var criterionIds: Set<String> = []
        for (index, node) in r.array(root, Key.criteria).enumerated() {
            let path = "\(Key.criteria)[\(index)]"
            guard r.isObject(node, path) else { continue }
            guard let id = r.string(node, Key.id, path: "\(path).\(Key.id)") else { continue }
            if !criterionIds.insert(id).inserted { r.error(.criterionListedTwice(path, id), at: node) }
            let applicable = r.bool(node, Key.applicable, path: "\(path).\(Key.applicable)") ?? true
            let measure = scoring == .points ? Key.earned : Key.level
            let level = scoring == .points ? nil : r.level(node, Key.level, path: "\(path).\(Key.level)")
            let earned = scoring == .points ? r.points(node, Key.earned, path: "\(path).\(Key.earned)") : nil
            let score = r.score(node, Key.score, path: "\(path).\(Key.score)")
            if applicable, node[measure]?.value == .null || node[Key.score]?.value == .null {
                r.error(.applicableCriterionNeedsValue(path, points: scoring == .points), at: node)
            }
            var line = PreviousResult.CriterionScore(
                id: id, domain: r.optionalString(node, Key.domain, path: "\(path).\(Key.domain)"),
                key: r.optionalBool(node, Key.isKey, path: "\(path).\(Key.isKey)") ?? false, applicable: applicable,
                level: applicable ? level : nil, score: applicable ? score : nil)
            line.earned = applicable ? earned : nil
            criteria.append(line)
        }

        var decision: ReviewDecision?
        if let text = r.optionalString(root, Key.decision, path: Key.decision) {
            decision = ReviewDecision(rawValue: text)
            if decision == nil {
                r.error(
                    .mustBeOneOf(Key.decision, ReviewDecision.allCases.map(\.rawValue), found: text),
                    at: root[Key.decision]
                )
            }
        }
        let nextReview = root[Key.nextReview].flatMap { node -> Day? in
            if case .null = node.value { return nil }
            return r.day(root, Key.nextReview)
        }
        let previousDate = root[Key.previous].flatMap { node -> Day? in
            guard case .object = node.value else {
                r.error(.previousMustBeObject(found: .kind(of: node)), at: node)
                return nil
            }
            return node[Key.date] == nil ? nil : r.day(node, Key.date, path: "\(Key.previous).\(Key.date)")
        }

        guard !r.bag.hasErrors, let catalogId, let catalogVersion, let organisationName, let kind, let date, let rating
        else {
            throw DiagnosticError(r.bag.sorted.filter(\.isError))
        }
        var result = PreviousResult(
            file: document.file, catalogId: catalogId, catalogVersion: catalogVersion,
            organisation: Organisation(name: organisationName, site: site), kind: kind, date: date, rating: rating,
            overall: overall, domains: domains, criteria: criteria, decision: decision, nextReview: nextReview,
            previousDate: previousDate,
            locations: .init(
                catalog: root[Key.catalog]?.location, organisation: root[Key.organisation]?.location,
                date: root[Key.date]?.location, rating: root[Key.rating]?.location, kind: root[Key.kind]?.location,
                decision: root[Key.decision]?.location))
        result.scoring = scoring
        result.heldSince = heldSince
        return result
    }

    /// Reads typed values from JSON nodes, collecting a diagnostic for each one that is missing or wrong.
    struct Reader {
        let file: String
        var bag = DiagnosticBag()

        mutating func error(
            _ message: Diagnostic.Message, at node: JSONDocument.Node?, hint: Diagnostic.Message? = nil
        ) {
            bag.append(.error(message, at: node?.location ?? .start(of: file), hint: hint))
        }

        /// The member `key` of `parent`, or an error naming `path` when it is missing.
        mutating func required(_ parent: JSONDocument.Node, _ key: String, path: String) -> JSONDocument.Node? {
            if let node = parent[key] { return node }
            error(.missingKey(path), at: parent)
            return nil
        }

        mutating func wrongType(_ node: JSONDocument.Node, _ path: String, expected: Diagnostic.Message) {
            error(.wrongType(path, expected: expected, found: .found(node)), at: node)
        }

        mutating func isObject(_ node: JSONDocument.Node, _ path: String) -> Bool {
            if case .object = node.value { return true }
            wrongType(node, path, expected: .anObject)
            return false
        }

        mutating func object(_ parent: JSONDocument.Node, _ key: String) -> JSONDocument.Node? {
            guard let node = required(parent, key, path: key) else { return nil }
            return isObject(node, key) ? node : nil
        }

        mutating func array(_ parent: JSONDocument.Node, _ key: String) -> [JSONDocument.Node] {
            guard let node = required(parent, key, path: key) else { return [] }
            if case .array(let items) = node.value { return items }
            wrongType(node, key, expected: .anArray)
            return []
        }

        mutating func string(_ parent: JSONDocument.Node, _ key: String, path: String? = nil) -> String? {
            guard let node = required(parent, key, path: path ?? key) else { return nil }
            if case .string(let text) = node.value, !text.isEmpty { return text }
            wrongType(node, path ?? key, expected: .aNonEmptyString)
            return nil
        }

        mutating func optionalString(_ parent: JSONDocument.Node, _ key: String, path: String) -> String? {
            guard let node = parent[key] else { return nil }
            switch node.value {
            case .null: return nil
            case .string(let text): return text
            default:
                wrongType(node, path, expected: .aStringOrNull)
                return nil
            }
        }

        mutating func bool(_ parent: JSONDocument.Node, _ key: String, path: String) -> Bool? {
            guard let node = required(parent, key, path: path) else { return nil }
            if case .bool(let value) = node.value { return value }
            wrongType(node, path, expected: .trueOrFalse)
            return nil
        }

        mutating func optionalBool(_ parent: JSONDocument.Node, _ key: String, path: String) -> Bool? {
            guard parent[key] != nil else { return nil }
            return bool(parent, key, path: path)
        }

        mutating func int(_ parent: JSONDocument.Node, _ key: String) -> Int? {
            guard let node = required(parent, key, path: key) else { return nil }
            if case .number(let value) = node.value, value == value.rounded(), abs(value) < 1e9 { return Int(value) }
            wrongType(node, key, expected: .anInteger)
            return nil
        }

        /// A level: an integer 0 or more, or null.
        mutating func level(_ parent: JSONDocument.Node, _ key: String, path: String) -> Int? {
            guard let node = required(parent, key, path: path) else { return nil }
            switch node.value {
            case .null: return nil
            case .number(let value) where value == value.rounded() && value >= 0 && value < 1000: return Int(value)
            default:
                wrongType(node, path, expected: .aLevelOrNull)
                return nil
            }
        }

        /// Points earned: a number 0 or more, or null.
        mutating func points(_ parent: JSONDocument.Node, _ key: String, path: String) -> Double? {
            guard let node = required(parent, key, path: path) else { return nil }
            switch node.value {
            case .null: return nil
            case .number(let value) where value >= 0: return value
            default:
                wrongType(node, path, expected: .pointsOrNull)
                return nil
            }
        }

        /// A score 0–100, or null.
        mutating func score(_ parent: JSONDocument.Node, _ key: String, path: String? = nil) -> Double? {
            guard let node = required(parent, key, path: path ?? key) else { return nil }
            switch node.value {
            case .null: return nil
            case .number(let value) where value >= 0 && value <= 100: return value
            default:
                wrongType(node, path ?? key, expected: .aScoreOrNull)
                return nil
            }
        }

        mutating func day(_ parent: JSONDocument.Node, _ key: String, path: String? = nil) -> Day? {
            guard let node = required(parent, key, path: path ?? key) else { return nil }
            if case .string(let text) = node.value, let day = Day(iso: text) {
                if day.isWithinInputRange { return day }
                wrongType(node, path ?? key, expected: .aDateInRange)
                return nil
            }
            wrongType(node, path ?? key, expected: .aDate)
            return nil
        }
    }
}
