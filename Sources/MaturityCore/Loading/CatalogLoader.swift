import Foundation
import Yams

/// Reads a catalog (one YAML file, or a folder with `catalog.yaml` and domain files) and checks
/// everything a catalog must satisfy, reporting every problem with its location.
public enum CatalogLoader {
    static let catalogKeys = [
        "schema", "id", "version", "title", "description", "levels", "ratings", "deadlines",
        "evidence_max_age_days", "evidence_kinds", "lead_days", "kpis", "domains", "renamed", "scoring", "profiles",
        "adjustments", "fail_name",
    ]
    static let levelKeys = ["level", "name", "evidence", "description"]
    static let ratingKeys = [
        "id", "name", "overall_min", "domain_min", "key_level_min", "max_open", "criterion_min", "held_days_min",
        "description",
    ]
    static let domainKeys = ["id", "name", "weight", "owner", "description", "criteria"]
    static let criterionKeys = [
        "id", "name", "weight", "key", "owner", "description", "levels", "evidence", "metric", "actions", "sources",
        "points", "check", "requirement",
    ]
    static let metricKeys = ["kpi", "better", "thresholds"]
    static let kpiKeys = ["id", "name", "unit", "better", "description"]
    static let evidenceKindKeys = ["id", "name", "description", "max_age_days"]
    /// Weights are relative; a million leaves room for points schemes and keeps every sum of 50,000
    /// weighted scores exact.
    static let maximumWeight = 1_000_000.0

    /// Loads and checks the catalog at `path`; throws every error found, returns warnings with it.
    /// `displayPath` is how diagnostics name the catalog (as the user typed it); defaults to `path`.
    public static func load(path: String, displayPath: String? = nil, files: any FileSource = DiskFiles())
        throws(DiagnosticError) -> Loaded<Catalog>
    {
        var builder = Builder(files: files)
        let catalog = builder.read(path: path, display: displayPath ?? path)
        let bag = builder.bag
        try bag.throwIfErrors()
        guard let catalog else { throw DiagnosticError(bag.sorted) }
        return Loaded(catalog, warnings: bag.sorted.filter { !$0.isError })
    }

    /// Every problem of the catalog at `path`, errors and warnings, in file order.
    public static func lint(path: String, displayPath: String? = nil, files: any FileSource = DiskFiles())
        -> [Diagnostic]
    {
        check(path: path, displayPath: displayPath, files: files).diagnostics
    }

    /// The catalog when it has no error, and every problem found, in file order.
    public static func check(path: String, displayPath: String? = nil, files: any FileSource = DiskFiles()) -> (
        catalog: Catalog?, diagnostics: [Diagnostic]
    ) {
        var builder = Builder(files: files)
        let catalog = builder.read(path: path, display: displayPath ?? path)
        return (builder.bag.hasErrors ? nil : catalog, builder.bag.sorted)
    }

    /// Every file reading the catalog at `path` opens now, in reading order, whether or not it loads:
    /// `verify` compares them with the files a sign-off sealed.
    public static func filesRead(path: String, files: any FileSource = DiskFiles()) -> [CatalogFile] {
        var builder = Builder(files: files)
        _ = builder.read(path: path, display: path)
        return builder.filesRead
    }

    /// Reads a catalog from YAML text (tests, fuzzing); `file` names it in diagnostics.
    public static func load(yaml: String, file: String = "catalog.yaml") throws(DiagnosticError) -> Loaded<Catalog> {
        try load(data: Data(yaml.utf8), file: file)
    }

    /// Reads a catalog from bytes as a file holds them (fuzzing: any bytes, not only valid UTF-8).
    public static func load(data: Data, file: String = "catalog.yaml") throws(DiagnosticError) -> Loaded<Catalog> {
        var builder = Builder()
        let catalog = builder.read(data: data, file: file, folder: nil)
        try builder.bag.throwIfErrors()
        guard let catalog else { throw DiagnosticError(builder.bag.sorted) }
        return Loaded(catalog, warnings: builder.bag.sorted.filter { !$0.isError })
    }

    struct Builder {
        /// Where the catalog's files are read from.
        var files: any FileSource = DiskFiles()
        var bag = DiagnosticBag()
        var maxLevel = 0
        var kpis: [KPIDefinition] = []
        var criterionIds: [String: SourceLocation] = [:]
        var domainIds: [String: SourceLocation] = [:]
        var prefetched: [String: DomainFile] = [:]
        /// The files read, for the sign-off.
        var filesRead: [CatalogFile] = []
        /// The KPIs a metric may name, prepared once per file read.
        var kpiNames: KPINames?

        /// KPI ids as a set, and a suggester over them (one per thread: it is not shared).
        final class KPINames {
            let byId: [String: KPIDefinition]
            let suggester: Suggester

            init(_ kpis: [KPIDefinition]) {
                let all = KPIDefinition.builtIn + kpis
                byId = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                suggester = Suggester(all.map(\.id))
            }
        }
        /// Levels or points: decides which keys domains and criteria take.
        var scoring = Catalog.Scoring.levels

        mutating func read(path: String, display: String) -> Catalog? {
            let kind = files.kind(path)
            guard kind != .missing else {
                bag.append(
                    .error(.catalogDoesNotExist(display), at: .file(display), hint: .giveCatalogFileOrFolder))
                return nil
            }
            if kind == .folder {
                let main = PathText.join(path, "catalog.yaml")
                guard files.kind(main) != .missing else {
                    bag.append(
                        .error(.folderHasNoCatalogYAML(display), at: .file(display), hint: .catalogFolderHolds))
                    return nil
                }
                return readFile(main, display: PathText.join(display, "catalog.yaml"), folder: (path, display))
            }
            return readFile(path, display: display, folder: nil)
        }

        mutating func readFile(_ file: String, display: String, folder: (real: String, display: String)?) -> Catalog? {
            do {
                let document = try YAMLDocument.load(path: file, displayPath: display, files: files)
                let real = files.realPath(file) ?? file
                filesRead = [
                    CatalogFile(name: folder == nil ? PathText.lastComponent(of: real) : "catalog.yaml", path: real)
                ]
                var catalog = read(document: document, folder: folder)
                catalog?.files = filesRead
                return catalog
            } catch {
                bag.append(contentsOf: error.diagnostics)
                return nil
            }
        }

        mutating func read(data: Data, file: String, folder: (real: String, display: String)?) -> Catalog? {
            do {
                let document = try YAMLDocument.parse(data: data, file: file)
                return read(document: document, folder: folder)
            } catch {
                bag.append(contentsOf: error.diagnostics)
                return nil
            }
        }

        mutating func read(document: YAMLDocument, folder: (real: String, display: String)?) -> Catalog? {
            let r = YAMLReader(file: document.file)
            defer { bag.append(contentsOf: r.bag.all) }
            scoring = Self.declaredScoring(document.root)
            guard
                let map = r.mapping(
                    document.root, .init(en: "the catalog", zh: "准则"), allowed: CatalogLoader.catalogKeys,
                    required: scoring == .points
                        ? ["schema", "id", "version", "title", "ratings"]
                        : ["schema", "id", "version", "title", "levels", "ratings"])
            else { return nil }
            if let node = map["scoring"] { readScoring(node, r) }
            checkScoringKeys(map, .init(en: "the catalog", zh: "准则"), r)

            if let node = map["schema"], let schema = r.integer(node, .key("schema")), schema != Catalog.supportedSchema
            {
                r.error(
                    .unknownSchema(schema), at: node, hint: .readsCatalogSchema(Catalog.supportedSchema))
            }
            let id = map["id"].flatMap { r.identifier($0, .init(en: "catalog id", zh: "准则 id")) }
            let version = map["version"].flatMap { r.string($0, .key("version")) }
            let title = map["title"].flatMap { r.text($0, .key("title")) }
            _ = map["description"].flatMap { r.text($0, .key("description")) }
            var levels: [ScaleLevel] = []
            if let node = map["levels"], scoring == .levels { levels = readLevels(node, r) }
            // A broken scale is reported once; later checks use its contiguous part, not the stray number.
            maxLevel = max(0, levels.count - 1)
            let ratings = map["ratings"].map { readRatings($0, r) } ?? []
            let deadlines = map["deadlines"].map { readDeadlines($0, r) } ?? Catalog.defaultDeadlines
            var maxAge = 365
            if let node = map["evidence_max_age_days"], let days = r.integer(node, .key("evidence_max_age_days")) {
                if days <= 0 {
                    r.error(.evidenceMaxAgeNotPositive(days), at: node)
                } else if days > Day.maximumSpanDays {
                    r.error(
                        .evidenceMaxAgeTooLong(days, maximum: Day.maximumSpanDays), at: node,
                        hint: .evidenceUsuallyCurrent)
                } else {
                    maxAge = days
                }
            }
            let kinds = map["evidence_kinds"].map { readEvidenceKinds($0, r) } ?? []
            let leadDays = scoring == .points ? [:] : map["lead_days"].map { readLeadDays($0, r) } ?? [:]
            kpis = map["kpis"].map { readKPIs($0, r) } ?? []
            kpiNames = KPINames(kpis)

            var domains: [Domain] = []
            // Domain files are resolved first (each must be a file inside the catalog folder), parsed in
            // parallel (Yams is most of the cost), then read in order.
            if let node = map["domains"] {
                if let items = r.sequence(node, .key("domains")) {
                    var named: [Int: DomainFileRef] = [:]
                    if let folder {
                        for (index, item) in items.enumerated() {
                            guard case .scalar = item, let name = r.string(item, .init(en: "a domain file", zh: "领域文件"))
                            else { continue }
                            named[index] = resolveDomainFile(name, in: folder, at: r.location(item))
                        }
                        prefetched = readDomainFiles(named.keys.sorted().compactMap { named[$0] })
                    }
                    for (index, item) in items.enumerated() {
                        if case .scalar = item, folder != nil {
                            if let ref = named[index], let domain = readDomainFile(ref) { domains.append(domain) }
                        } else if case .scalar = item {
                            r.error(.domainByFileNameOnlyInFolder, at: item, hint: .writeDomainAsMapping)
                        } else if let domain = readDomain(item, r) {
                            domains.append(domain)
                        }
                    }
                }
            } else if let folder {
                var refs: [DomainFileRef] = []
                for name in domainFiles(in: folder.real) {
                    if let ref = resolveDomainFile(name, in: folder, at: r.location(document.root)) { refs.append(ref) }
                }
                prefetched = readDomainFiles(refs)
                for ref in refs {
                    if let domain = readDomainFile(ref) { domains.append(domain) }
                }
            }
            if domains.isEmpty, map["domains"] != nil || folder != nil {
                r.error(.catalogHasNoDomains, at: map["domains"] ?? document.root)
            } else if map["domains"] == nil, folder == nil {
                r.error(.catalogHasNoDomainsKey, at: document.root, hint: .addDomains)
            }

            let criterionCount = domains.reduce(0) { $0 + $1.criteria.count }
            if criterionCount > Catalog.maximumCriteria {
                r.error(
                    .tooManyCriteria(criterionCount, maximum: Catalog.maximumCriteria),
                    at: map["domains"] ?? document.root, hint: .splitCatalog)
            }

            // Criteria a rating requires must exist; they are read after the ratings.
            if let node = map["ratings"], case .sequence(let items) = node {
                let suggester = Suggester(Array(criterionIds.keys).sorted())
                for case .mapping(let rating) in items {
                    guard case .mapping(let required)? = rating["criterion_min"] else { continue }
                    for (key, _) in required {
                        guard case .scalar(let id) = key, criterionIds[id.string] == nil else { continue }
                        r.error(.criterionMinNamesUnknown(id.string), at: key, hint: suggester.hint(for: id.string))
                    }
                }
            }

            var renamed: [String: String] = [:]
            if let node = map["renamed"], let renames = r.mapping(node, .key("renamed")) {
                let suggester = Suggester(Array(criterionIds.keys).sorted())
                for entry in renames.entries {
                    guard
                        let target = r.identifier(
                            entry.value, .init(en: "renamed '\(entry.key)'", zh: "renamed 中的 '\(entry.key)'"))
                    else { continue }
                    if criterionIds[target] == nil {
                        r.error(
                            .renamedToUnknown(entry.key, target), at: entry.value, hint: suggester.hint(for: target))
                    }
                    renamed[entry.key] = target
                }
            }

            let profiles = map["profiles"].map { readProfiles($0, r) } ?? []
            let adjustments = map["adjustments"].flatMap { readAdjustments($0, r) }

            guard let id, let version, let title else { return nil }
            var catalog = Catalog(
                id: id, version: version, title: title, levels: levels, ratings: ratings, deadlines: deadlines,
                evidenceMaxAgeDays: maxAge, evidenceKinds: kinds, kpis: kpis, domains: domains, renamed: renamed,
                leadDays: leadDays, location: .start(of: document.file))
            catalog.scoring = scoring
            catalog.profiles = profiles
            catalog.adjustments = adjustments
            catalog.failName = map["fail_name"].flatMap { r.text($0, .key("fail_name")) }
            return catalog
        }

        func domainFiles(in folder: String) -> [String] {
            let names = (try? files.names(inFolder: folder)) ?? []
            return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != "catalog.yaml" }
                .sorted()
        }

        /// What each parallel worker starts from (the builder holds only values and a `Sendable` source).
        struct WorkerTemplate: @unchecked Sendable {
            let builder: Builder
        }

        /// A domain file read on its own (possibly on another thread), before cross-file checks.
        struct DomainFile: @unchecked Sendable {
            var domain: Domain?
            var diagnostics: [Diagnostic]
        }

        /// A domain file named in (or found in) a catalog folder, resolved.
        struct DomainFileRef {
            /// The real path, symbolic links resolved.
            var path: String
            /// Relative to the real catalog folder: what the sign-off records.
            var name: String
            /// As diagnostics show it: the catalog folder as given, then the name as written.
            var display: String
        }

        /// Resolves `name` inside the catalog folder: a regular file there, or an error at `reference`.
        /// Nothing outside the folder is ever opened, so no diagnostic can quote a file from elsewhere.
        mutating func resolveDomainFile(
            _ name: String, in folder: (real: String, display: String), at reference: SourceLocation
        ) -> DomainFileRef? {
            let display = PathText.join(folder.display, name)
            switch PathCheck.resolve(name, inside: folder.real, files: files) {
            case .ok(let real):
                let base = files.realPath(folder.real) ?? folder.real
                return DomainFileRef(path: real, name: RelativePath.from(base, to: real), display: display)
            case .missing:
                bag.append(.error(.domainFileDoesNotExist(display), at: reference))
            case .outside:
                bag.append(
                    .error(.domainFileOutsideFolder(name), at: reference, hint: .nameFileInsideCatalogFolder))
            case .notAFile:
                bag.append(.error(.domainFileNotRegular(name), at: reference))
            }
            return nil
        }

        /// Parses and reads domain files in parallel; each worker checks its own file, the caller the rest.
        func readDomainFiles(_ refs: [DomainFileRef]) -> [String: DomainFile] {
            let results = ParallelResults<DomainFile>(count: refs.count)
            var template = Builder(files: files)
            template.maxLevel = maxLevel
            template.kpis = kpis
            template.scoring = scoring
            let start = WorkerTemplate(builder: template)
            DispatchQueue.concurrentPerform(iterations: refs.count) { index in
                var worker = start.builder
                worker.kpiNames = KPINames(worker.kpis)
                let file = refs[index]
                let domain = worker.readDomainFileNow(file.path, display: file.display)
                results.set(index, DomainFile(domain: domain, diagnostics: worker.bag.all))
            }
            var byPath: [String: DomainFile] = [:]
            for (index, file) in refs.enumerated() { byPath[file.path] = results.get(index) }
            return byPath
        }

        mutating func readDomainFileNow(_ path: String, display: String) -> Domain? {
            do {
                let document = try YAMLDocument.load(path: path, displayPath: display, files: files)
                let r = YAMLReader(file: document.file)
                defer { bag.append(contentsOf: r.bag.all) }
                return readDomain(document.root, r)
            } catch {
                bag.append(contentsOf: error.diagnostics)
                return nil
            }
        }

        mutating func readDomainFile(_ ref: DomainFileRef) -> Domain? {
            if !filesRead.contains(where: { $0.path == ref.path }) {
                filesRead.append(CatalogFile(name: ref.name, path: ref.path))
            }
            guard let read = prefetched[ref.path] else { return readDomainFileNow(ref.path, display: ref.display) }
            bag.append(contentsOf: read.diagnostics)
            guard let domain = read.domain else { return nil }
            // Ids must be unique across files too.
            if let location = domain.location {
                if let first = domainIds[domain.id] {
                    bag.append(
                        .error(
                            .duplicateDomainID(domain.id), at: location,
                            notes: [.firstDeclared(at: first, from: nil)]))
                } else {
                    domainIds[domain.id] = location
                }
            }
            for criterion in domain.criteria {
                guard let location = criterion.location else { continue }
                if let first = criterionIds[criterion.id], first != location {
                    bag.append(
                        .error(
                            .duplicateCriterionID(criterion.id), at: location,
                            notes: [.firstDeclared(at: first, from: nil)]))
                } else {
                    criterionIds[criterion.id] = location
                }
            }
            return domain
        }

        // MARK: Scale and ratings

        func readLevels(_ node: Node, _ r: YAMLReader) -> [ScaleLevel] {
            guard let items = r.sequence(node, .key("levels")) else { return [] }
            var levels: [ScaleLevel] = []
            for (index, item) in items.enumerated() {
                guard
                    let map = r.mapping(
                        item, .init(en: "a level", zh: "等级"), allowed: CatalogLoader.levelKeys,
                        required: ["level", "name"]),
                    let levelNode = map["level"], let number = r.integer(levelNode, .key("level"))
                else { continue }
                if number != index {
                    r.error(
                        .scaleNotContiguous(entry: index + 1, level: index, found: number), at: levelNode,
                        hint: .listLevelsInOrder)
                }
                let name =
                    map["name"].flatMap { r.text($0, .init(en: "level name", zh: "等级名称")) }
                    ?? LocalizedText(String(number))
                let evidence =
                    map["evidence"].flatMap { r.identifiers($0, .init(en: "evidence kinds", zh: "证据类型")) }?.map(\.0)
                    ?? []
                let description = map["description"].flatMap { r.text($0, .init(en: "level description", zh: "等级说明")) }
                levels.append(ScaleLevel(level: number, name: name, evidence: evidence, description: description))
            }
            if levels.count < 2 {
                r.error(.scaleNeedsTwoLevels, at: node)
            }
            return levels
        }

        func readRatings(_ node: Node, _ r: YAMLReader) -> [RatingRule] {
            guard let items = r.sequence(node, .key("ratings")) else { return [] }
            var ratings: [RatingRule] = []
            var previous: (rule: RatingRule, map: YAMLMapping)?
            for item in items {
                guard
                    let map = r.mapping(
                        item, .init(en: "a rating", zh: "评级"), allowed: CatalogLoader.ratingKeys,
                        required: ["id", "name"]),
                    let idNode = map["id"], let id = r.identifier(idNode, .init(en: "rating id", zh: "评级 id"))
                else { continue }
                if id == RatingRule.failId {
                    r.error(.failIsImplicit, at: idNode)
                }
                if ratings.contains(where: { $0.id == id }) {
                    r.error(.duplicateRatingID(id), at: idNode)
                }
                let name = map["name"].flatMap { r.text($0, .init(en: "rating name", zh: "评级名称")) } ?? LocalizedText(id)
                _ = map["description"].flatMap {
                    r.text($0, .init(en: "description of rating '\(id)'", zh: "评级 '\(id)' 的说明"))
                }
                var rule = RatingRule(id: id, name: name)
                checkScoringKeys(map, .init(en: "rating '\(id)'", zh: "评级 '\(id)'"), r)
                if scoring == .points, let valueNode = map["held_days_min"] {
                    rule.heldDaysMin = readHeldDays(valueNode, rating: id, lowest: ratings.isEmpty, r)
                }
                for key in ["overall_min", "domain_min"] where scoring == .levels || key == "overall_min" {
                    guard let valueNode = map[key], let value = r.number(valueNode, .key(key)) else { continue }
                    if value < 0 || value > 100 {
                        r.error(
                            .scoreOutOfRange(key, format(value), rating: id), at: valueNode, hint: .scoresRunTo100)
                    }
                    if key == "overall_min" { rule.overallMin = value } else { rule.domainMin = value }
                }
                if scoring == .levels, let valueNode = map["key_level_min"],
                    let value = r.integer(valueNode, .key("key_level_min"))
                {
                    if value < 0 || value > maxLevel {
                        r.error(.keyLevelMinOutsideScale(value, rating: id, maxLevel: maxLevel), at: valueNode)
                    }
                    rule.keyLevelMin = value
                }
                if scoring == .levels, let valueNode = map["max_open"],
                    let limits = r.mapping(valueNode, .key("max_open"))
                {
                    for entry in limits.entries {
                        guard let grade = FindingGrade(rawValue: entry.key) else {
                            r.error(
                                .unknownFindingGrade(entry.key, in: "max_open"), at: entry.keyNode,
                                hint: Suggestion.hintMessage(for: entry.key, in: FindingGrade.allCases.map(\.rawValue)))
                            continue
                        }
                        guard let limit = r.integer(entry.value, .key("max_open \(entry.key)")) else { continue }
                        if limit < 0 { r.error(.maxOpenNegative(entry.key), at: entry.value) }
                        rule.maxOpen[grade] = limit
                    }
                }
                if scoring == .levels, let valueNode = map["criterion_min"],
                    let levels = r.mapping(valueNode, .key("criterion_min"))
                {
                    for entry in levels.entries {
                        guard let level = r.integer(entry.value, .key("criterion_min \(entry.key)")) else { continue }
                        if level < 1 || level > maxLevel {
                            r.error(
                                .criterionMinOutsideScale(entry.key, rating: id, level: level, maxLevel: maxLevel),
                                at: entry.value)
                            continue
                        }
                        rule.criterionMin[entry.key] = level
                    }
                }
                if let (before, beforeMap) = previous, inRange(before) {
                    checkIncreasing(before, beforeMap, rule, map, r)
                }
                previous = (rule, map)
                ratings.append(rule)
            }
            if ratings.isEmpty {
                r.error(.catalogDeclaresNoRating, at: node, hint: .declareARating)
            }
            return ratings
        }

        func inRange(_ rule: RatingRule) -> Bool {
            [rule.overallMin, rule.domainMin].allSatisfy { value in value.map { (0...100).contains($0) } ?? true }
                && (rule.keyLevelMin.map { (0...maxLevel).contains($0) } ?? true)
        }

        /// A higher rating must ask more: a higher overall minimum, and no lower domain or key minimum.
        func checkIncreasing(
            _ lower: RatingRule, _ lowerMap: YAMLMapping, _ higher: RatingRule, _ higherMap: YAMLMapping,
            _ r: YAMLReader
        ) {
            if let a = lower.overallMin, let b = higher.overallMin, b <= a + Tolerance.epsilon {
                r.error(
                    .overallMinNotHigher(higher.id, format(b), lower.id, format(a)), at: higherMap["overall_min"]!,
                    hint: .ratingsLowestFirst)
            }
            if let a = lower.domainMin, let b = higher.domainMin, b < a - Tolerance.epsilon {
                r.error(
                    .domainMinLower(higher.id, format(b), lower.id, format(a)), at: higherMap["domain_min"]!,
                    hint: .ratingsLowestFirst)
            }
            if let a = lower.keyLevelMin, let b = higher.keyLevelMin, b < a {
                r.error(
                    .keyLevelMinLower(higher.id, b, lower.id, a), at: higherMap["key_level_min"]!,
                    hint: .ratingsLowestFirst)
            }
        }

        func readDeadlines(_ node: Node, _ r: YAMLReader) -> [FindingGrade: Int] {
            var deadlines = Catalog.defaultDeadlines
            guard let map = r.mapping(node, .key("deadlines")) else { return deadlines }
            for entry in map.entries {
                guard let grade = FindingGrade(rawValue: entry.key) else {
                    r.error(
                        .unknownFindingGrade(entry.key, in: "deadlines"), at: entry.keyNode,
                        hint: Suggestion.hintMessage(for: entry.key, in: FindingGrade.allCases.map(\.rawValue)))
                    continue
                }
                guard
                    let days = r.integer(entry.value, .init(en: "deadline for \(entry.key)", zh: "\(entry.key) 的整改期限"))
                else { continue }
                if days < 0 {
                    r.error(.deadlineNegative(entry.key), at: entry.value)
                } else if days > Day.maximumSpanDays {
                    r.error(
                        .deadlineTooLong(entry.key, maximum: Day.maximumSpanDays, found: days), at: entry.value,
                        hint: .certificateRunsThree)
                } else {
                    deadlines[grade] = days
                }
            }
            return deadlines
        }

        func readEvidenceKinds(_ node: Node, _ r: YAMLReader) -> [EvidenceKindDefinition] {
            guard let items = r.sequence(node, .key("evidence_kinds")) else { return [] }
            var kinds: [EvidenceKindDefinition] = []
            var seen = Set<String>()
            for item in items {
                guard
                    let map = r.mapping(
                        item, .init(en: "an evidence kind", zh: "证据类型"), allowed: CatalogLoader.evidenceKindKeys,
                        required: ["id", "name"]),
                    let idNode = map["id"], let id = r.identifier(idNode, .init(en: "evidence kind id", zh: "证据类型 id")),
                    let name = map["name"].flatMap({ r.text($0, .init(en: "evidence kind name", zh: "证据类型名称")) })
                else { continue }
                let description = map["description"].flatMap {
                    r.text($0, .init(en: "description of evidence kind '\(id)'", zh: "证据类型 '\(id)' 的说明"))
                }
                if !seen.insert(id).inserted { r.error(.duplicateEvidenceKind(id), at: idNode) }
                var maxAge: EvidenceKindDefinition.MaxAge?
                if let ageNode = map["max_age_days"] {
                    if r.isNull(ageNode) {
                        maxAge = .unlimited
                    } else if let days = r.integer(
                        ageNode, .init(en: "max_age_days of evidence kind '\(id)'", zh: "证据类型 '\(id)' 的 max_age_days"))
                    {
                        if days <= 0 {
                            r.error(.kindMaxAgeNotPositive(id, days), at: ageNode, hint: .writeNullForUnlimited)
                        } else if days > Day.maximumSpanDays {
                            r.error(
                                .kindMaxAgeTooLong(id, maximum: Day.maximumSpanDays, found: days), at: ageNode,
                                hint: .writeNullForUnlimited)
                        } else {
                            maxAge = .days(days)
                        }
                    }
                }
                kinds.append(EvidenceKindDefinition(id: id, name: name, maxAge: maxAge, description: description))
            }
            return kinds
        }

        /// `lead_days: {4: 180, 5: 365}`: least days from an assessment to reach a level.
        func readLeadDays(_ node: Node, _ r: YAMLReader) -> [Int: Int] {
            var days: [Int: Int] = [:]
            for entry in levelEntries(
                node, .key("lead_days"), from: 1, r,
                value: { r.integer($0, .init(en: "lead days", zh: "最短周期（lead_days）")) })
            {
                guard entry.value >= 0 else {
                    r.error(.leadDaysNegative(level: entry.level, found: entry.value), at: entry.node)
                    continue
                }
                guard entry.value <= Day.maximumSpanDays else {
                    r.error(
                        .leadDaysTooLong(level: entry.level, maximum: Day.maximumSpanDays, found: entry.value),
                        at: entry.node, hint: .certificateRunsThree)
                    continue
                }
                days[entry.level] = entry.value
            }
            return days
        }

        func readKPIs(_ node: Node, _ r: YAMLReader) -> [KPIDefinition] {
            guard let items = r.sequence(node, .key("kpis")) else { return [] }
            var kpis: [KPIDefinition] = []
            let builtIn = Set(KPIDefinition.builtIn.map(\.id))
            var seen = Set<String>()
            for item in items {
                guard
                    let map = r.mapping(
                        item, .init(en: "a KPI", zh: "指标"), allowed: CatalogLoader.kpiKeys,
                        required: ["id", "name", "better"]),
                    let idNode = map["id"], let id = r.identifier(idNode, .init(en: "KPI id", zh: "指标 id"))
                else { continue }
                if builtIn.contains(id) {
                    r.error(.kpiBuiltIn(id), at: idNode)
                } else if !seen.insert(id).inserted {
                    r.error(.duplicateKPIID(id), at: idNode)
                }
                let name = map["name"].flatMap { r.text($0, .init(en: "KPI name", zh: "指标名称")) } ?? LocalizedText(id)
                _ = map["description"].flatMap {
                    r.text($0, .init(en: "description of KPI '\(id)'", zh: "指标 '\(id)' 的说明"))
                }
                let unit = map["unit"].flatMap { r.string($0, .key("unit")) }.map(KPIUnit.init(rawValue:)) ?? .none
                let better = map["better"].flatMap { direction($0, r) } ?? .higher
                kpis.append(KPIDefinition(id: id, name: name, unit: unit, better: better))
            }
            return kpis
        }

        func direction(_ node: Node, _ r: YAMLReader) -> Direction? {
            guard let text = r.string(node, .key("better")) else { return nil }
            guard let direction = Direction(rawValue: text) else {
                r.error(
                    .betterLowerOrHigher(text), at: node,
                    hint: Suggestion.hintMessage(for: text, in: Direction.allCases.map(\.rawValue)))
                return nil
            }
            return direction
        }

        // MARK: Domains and criteria

        mutating func readDomain(_ node: Node, _ r: YAMLReader) -> Domain? {
            guard
                let map = r.mapping(
                    node, .init(en: "a domain", zh: "领域"), allowed: CatalogLoader.domainKeys,
                    required: scoring == .points ? ["id", "name", "criteria"] : ["id", "name", "weight", "criteria"]),
                let idNode = map["id"], let id = r.identifier(idNode, .init(en: "domain id", zh: "领域 id"))
            else { return nil }
            if let first = domainIds[id] {
                r.duplicate(.duplicateDomainID(id), at: idNode, first: first)
            } else {
                domainIds[id] = r.location(idNode)
            }
            let name = map["name"].flatMap { r.text($0, .init(en: "domain name", zh: "领域名称")) } ?? LocalizedText(id)
            checkScoringKeys(map, .init(en: "domain '\(id)'", zh: "领域 '\(id)'"), r)
            var weight = 1.0
            if scoring == .levels {
                weight =
                    map["weight"].flatMap {
                        positiveWeight($0, .init(en: "weight of domain '\(id)'", zh: "领域 '\(id)' 的权重"), r)
                    } ?? 1
            }
            let owner = map["owner"].flatMap { r.text($0, .key("owner")) }
            _ = map["description"].flatMap {
                r.text($0, .init(en: "description of domain '\(id)'", zh: "领域 '\(id)' 的说明"))
            }
            var criteria: [Criterion] = []
            if let criteriaNode = map["criteria"],
                let items = r.sequence(criteriaNode, .init(en: "criteria of domain '\(id)'", zh: "领域 '\(id)' 的评价项"))
            {
                for item in items {
                    if let criterion = readCriterion(item, r) { criteria.append(criterion) }
                }
                if items.isEmpty { r.error(.domainHasNoCriteria(id), at: criteriaNode) }
            }
            // A points domain weighs what its criteria are worth.
            if scoring == .points { weight = criteria.reduce(0) { $0 + ($1.points ?? 0) } }
            return Domain(
                id: id, name: name, weight: weight, owner: owner, criteria: criteria, location: r.location(idNode))
        }

        func positiveWeight(_ node: Node, _ what: Diagnostic.Message, _ r: YAMLReader) -> Double? {
            guard let value = r.number(node, what) else { return nil }
            if value <= 0 {
                r.error(.notPositive(what, found: format(value)), at: node, hint: .usePositiveNumber)
                return nil
            }
            if value > CatalogLoader.maximumWeight {
                r.error(
                    .tooLarge(what, maximum: format(CatalogLoader.maximumWeight), found: KPIDefinition.show(value)),
                    at: node, hint: .weightsAreRelative)
                return nil
            }
            return value
        }

        mutating func readCriterion(_ node: Node, _ r: YAMLReader) -> Criterion? {
            guard
                let map = r.mapping(
                    node, .init(en: "a criterion", zh: "评价项"), allowed: CatalogLoader.criterionKeys,
                    required: scoring == .points
                        ? ["id", "name", "points", "requirement"] : ["id", "name", "weight", "levels"]
                ),
                let idNode = map["id"], let id = r.identifier(idNode, .init(en: "criterion id", zh: "评价项 id"))
            else { return nil }
            if let first = criterionIds[id] {
                r.duplicate(.duplicateCriterionID(id), at: idNode, first: first)
            } else {
                criterionIds[id] = r.location(idNode)
            }
            let name =
                map["name"].flatMap { r.text($0, .init(en: "name of '\(id)'", zh: "'\(id)' 的名称")) } ?? LocalizedText(id)
            checkScoringKeys(map, .init(en: "criterion '\(id)'", zh: "评价项 '\(id)'"), r)
            let points = scoring == .points ? readPoints(map, criterion: id, r) : nil
            let weight =
                points?.points
                ?? map["weight"].flatMap {
                    positiveWeight($0, .init(en: "weight of criterion '\(id)'", zh: "评价项 '\(id)' 的权重"), r)
                } ?? 1
            let key = scoring == .levels ? map["key"].flatMap { r.bool($0, .key("key")) } ?? false : false
            let owner = map["owner"].flatMap { r.text($0, .init(en: "owner of '\(id)'", zh: "'\(id)' 的负责人")) }
            let description = map["description"].flatMap {
                r.text($0, .init(en: "description of '\(id)'", zh: "'\(id)' 的说明"))
            }

            var levels: [Int: LocalizedText] = [:]
            if scoring == .levels, let levelsNode = map["levels"] {
                let entries = levelEntries(
                    levelsNode, .init(en: "levels of '\(id)'", zh: "'\(id)' 的 levels"), from: 0, r
                ) {
                    r.text($0, .init(en: "level descriptor", zh: "等级描述"))
                }
                levels = entries.reduce(into: [:]) { $0[$1.level] = $1.value }
                for entry in entries where !entry.value.missingLanguages.isEmpty {
                    r.warning(
                        .levelDescriptorMissesLanguages(
                            entry.level, of: id, entry.value.missingLanguages.map(\.rawValue).joined(separator: ", ")),
                        at: entry.node, hint: .writeBothLanguages)
                }
                let missing = (1...max(1, maxLevel)).filter { levels[$0] == nil }
                if !missing.isEmpty, maxLevel > 0 {
                    r.error(
                        .noDescriptorForLevels(id, missing), at: levelsNode, hint: .describeEveryLevel(maxLevel))
                }
            }
            var evidence: [Int: [String]] = [:]
            if scoring == .levels, let evidenceNode = map["evidence"] {
                evidence = levelMap(evidenceNode, .init(en: "evidence of '\(id)'", zh: "'\(id)' 的证据"), from: 1, r) {
                    r.identifiers($0, .init(en: "evidence kinds", zh: "证据类型"))?.map(\.0)
                }
            }
            var actions: [Int: LocalizedText] = [:]
            if scoring == .levels, let actionsNode = map["actions"] {
                actions = levelMap(actionsNode, .init(en: "actions of '\(id)'", zh: "'\(id)' 的 actions"), from: 1, r) {
                    r.text($0, .key("action"))
                }
            }
            let metric = map["metric"].flatMap {
                scoring == .points ? readPointsMetric($0, criterion: id, r) : readMetric($0, criterion: id, r)
            }
            var sources: [String] = []
            if let sourcesNode = map["sources"] {
                if case .scalar = sourcesNode, let single = r.string(sourcesNode, .key("sources")) {
                    sources = [single]
                } else if let items = r.sequence(sourcesNode, .key("sources")) {
                    sources = items.compactMap { r.string($0, .init(en: "a source", zh: "数据源")) }
                }
            }
            if sources.isEmpty {
                r.warning(.criterionCitesNoSource(id), at: idNode, hint: .addSources)
            }
            if !name.missingLanguages.isEmpty {
                r.warning(
                    .nameMissesLanguages(id, name.missingLanguages.map(\.rawValue).joined(separator: ", ")),
                    at: map["name"]!)
            }
            var criterion = Criterion(
                id: id, name: name, weight: weight, key: key, owner: owner, description: description, levels: levels,
                evidence: evidence, metric: metric, actions: actions, sources: sources, location: r.location(idNode))
            if let points {
                criterion.points = points.points
                criterion.check = points.check
                criterion.requirement = points.requirement
            }
            return criterion
        }

        /// An error when a metric names a KPI that is neither built in nor declared.
        /// The definition of the KPI a metric names, or an error at `node` with a did-you-mean (the KPI ids
        /// and their suggester are prepared once per file read).
        @discardableResult
        func checkKPIKnown(_ kpi: String, criterion: String, at node: Node, _ r: YAMLReader) -> KPIDefinition? {
            let names = kpiNames ?? KPINames(kpis)
            if let definition = names.byId[kpi] { return definition }
            r.error(
                .metricNamesUnknownKPI(criterion, kpi), at: node,
                hint: names.suggester.hint(for: kpi) ?? .useBuiltInOrDeclareKPI)
            return nil
        }

        /// A mapping keyed by scale level (`{1: …, 2: …}`), each key checked against the scale.
        func levelMap<T>(
            _ node: Node, _ what: Diagnostic.Message, from lowest: Int, _ r: YAMLReader, value: (Node) -> T?
        ) -> [Int: T] {
            levelEntries(node, what, from: lowest, r, value: value).reduce(into: [:]) { $0[$1.level] = $1.value }
        }

        func levelEntries<T>(
            _ node: Node, _ what: Diagnostic.Message, from lowest: Int, _ r: YAMLReader, value: (Node) -> T?
        ) -> [(level: Int, value: T, node: Node)] {
            guard let map = r.mapping(node, what) else { return [] }
            var result: [(level: Int, value: T, node: Node)] = []
            var keys: [Int: String] = [:]
            for entry in map.entries {
                if let level = Int(entry.key) {
                    // '01' and '1' are one level: keeping one value would silently lose the other.
                    if let first = keys[level] {
                        r.error(
                            .levelGivenTwice(what, level, first, entry.key), at: entry.keyNode,
                            hint: .keyOncePerMapping)
                        continue
                    }
                    keys[level] = entry.key
                }
                guard let level = Int(entry.key) else {
                    r.error(
                        .keyNotALevel(what, entry.key), at: entry.keyNode,
                        hint: .keysAreLevels(from: lowest, to: maxLevel))
                    continue
                }
                if level < lowest || level > maxLevel {
                    r.error(.levelOutsideScale(what, level, from: lowest, to: maxLevel), at: entry.keyNode)
                    continue
                }
                if let parsed = value(entry.value) { result.append((level, parsed, entry.value)) }
            }
            return result
        }

        func readMetric(_ node: Node, criterion: String, _ r: YAMLReader) -> Metric? {
            guard
                let map = r.mapping(
                    node, .init(en: "metric of '\(criterion)'", zh: "'\(criterion)' 的 metric"),
                    allowed: CatalogLoader.metricKeys,
                    required: ["kpi", "better", "thresholds"]),
                let kpiNode = map["kpi"], let kpi = r.identifier(kpiNode, .key("kpi"))
            else { return nil }
            let definition = checkKPIKnown(kpi, criterion: criterion, at: kpiNode, r)
            guard let better = map["better"].flatMap({ direction($0, r) }) else { return nil }
            guard let thresholdsNode = map["thresholds"] else { return nil }
            let entries = levelEntries(
                thresholdsNode, .init(en: "thresholds of '\(criterion)'", zh: "'\(criterion)' 的阈值"), from: 1, r
            ) { node -> Double? in
                guard let value = r.number(node, .key("threshold")) else { return nil }
                if let definition, let problem = definition.rangeProblem(value) {
                    r.error(.thresholdOutOfRange(criterion, kpi: kpi, problem), at: node)
                    return nil
                }
                return value
            }
            let thresholds = entries.reduce(into: [Int: Double]()) { $0[$1.level] = $1.value }
            if thresholds.isEmpty {
                r.error(.metricHasNoThresholds(criterion), at: thresholdsNode)
                return nil
            }
            // Higher levels must ask for a value at least as good as lower ones.
            let ordered = entries.sorted { $0.level < $1.level }
            for (a, b) in zip(ordered, ordered.dropFirst()) {
                let monotone = better == .lower ? b.value <= a.value : b.value >= a.value
                if !monotone {
                    r.error(
                        .thresholdsNotMonotone(
                            criterion, level: b.level, asks: format(b.value), lowerIsBetter: better == .lower,
                            below: a.level, format(a.value)),
                        at: b.node, hint: better == .lower ? .lowerThresholdsDescend : .higherThresholdsAscend)
                }
            }
            return Metric(kpi: kpi, better: better, thresholds: thresholds)
        }
    }
}

/// Numbers in messages: no trailing `.0`.
func format(_ value: Double) -> String {
    NumberText.plain(value)
}
