import Foundation
import Yams

/// Which catalog an assessment says it was made against.
public struct CatalogReference: Sendable, Hashable {
    public var id: String
    public var version: String?
    public var location: SourceLocation

    public var description: String { version.map { "\(id)@\($0)" } ?? id }
}

/// An assessment file read and parsed once: first asked which catalog it names, then loaded against it.
public struct AssessmentFile {
    let document: YAMLDocument
    let folder: String
    let files: any FileSource

    public static func open(path: String, displayPath: String? = nil, files: any FileSource = DiskFiles())
        throws(DiagnosticError) -> AssessmentFile
    {
        let document = try YAMLDocument.load(path: path, displayPath: displayPath, files: files)
        let folder = PathText.folder(of: path)
        return AssessmentFile(document: document, folder: folder.isEmpty ? "." : folder, files: files)
    }

    /// The `catalog:` the assessment names.
    public func catalogReference() throws(DiagnosticError) -> CatalogReference {
        let r = YAMLReader(file: document.file)
        guard let map = r.mapping(document.root, .init(en: "the assessment", zh: "评估")) else {
            throw DiagnosticError(r.bag.sorted)
        }
        guard let node = map["catalog"] else {
            throw DiagnosticError(
                .error(.assessmentHasNoCatalog, at: r.location(document.root), hint: .addCatalogID))
        }
        guard let text = r.identifier(node, .key("catalog")) else { throw DiagnosticError(r.bag.sorted) }
        return AssessmentLoader.parseReference(text, at: r.location(node))
    }

    /// Checks the assessment against `catalog` and returns it with its warnings.
    public func load(catalog: Catalog) throws(DiagnosticError) -> Loaded<Assessment> {
        try AssessmentLoader.load(document: document, folder: folder, catalog: catalog, files: files)
    }
}

/// Reads an assessment and checks it against its catalog, reporting every problem at once.
public enum AssessmentLoader {
    static let assessmentKeys = [
        "schema", "catalog", "organisation", "kind", "date", "assessor", "auditor", "owners", "evidence", "metrics",
        "tickets", "criteria", "findings", "note", "scope", "profile", "adjustments",
    ]
    static let organisationKeys = ["name", "site", "address", "contact", "industry"]
    static let evidenceKeys = ["id", "kind", "title", "date", "file", "note", "superseded_by", "valid_until"]
    static let entryKeys = [
        "claimed", "audited", "evidence", "note", "na", "earned", "audited_earned", "sample", "audited_sample",
    ]
    static let findingKeys = ["id", "criterion", "grade", "text", "status", "clause", "evidence", "due", "note"]
    static let ticketKeys = ["file", "mapping"]

    /// Reads only the `catalog:` line, so the right catalog can be loaded before the rest is checked.
    public static func catalogReference(path: String, displayPath: String? = nil) throws(DiagnosticError)
        -> CatalogReference
    {
        try AssessmentFile.open(path: path, displayPath: displayPath).catalogReference()
    }

    static func parseReference(_ text: String, at location: SourceLocation) -> CatalogReference {
        if let at = text.firstIndex(of: "@") {
            return CatalogReference(
                id: String(text[..<at]), version: String(text[text.index(after: at)...]), location: location)
        }
        return CatalogReference(id: text, version: nil, location: location)
    }

    /// Loads the assessment at `path` and checks it against `catalog`; `displayPath` names it in diagnostics.
    public static func load(path: String, displayPath: String? = nil, catalog: Catalog) throws(DiagnosticError)
        -> Loaded<Assessment>
    {
        try AssessmentFile.open(path: path, displayPath: displayPath).load(catalog: catalog)
    }

    static func load(
        document: YAMLDocument, folder: String, catalog: Catalog, files: any FileSource = DiskFiles()
    ) throws(DiagnosticError) -> Loaded<Assessment> {
        var reader = Reader(catalog: catalog, r: YAMLReader(file: document.file), folder: folder, files: files)
        let assessment = reader.read(document.root)
        try reader.r.bag.throwIfErrors()
        guard let assessment else { throw DiagnosticError(reader.r.bag.sorted) }
        return Loaded(assessment, warnings: reader.r.bag.sorted.filter { !$0.isError })
    }

    /// Loads an assessment from YAML text (tests, fuzzing, an imported worksheet); relative files resolve
    /// against `folder` in `files`.
    public static func load(
        yaml: String, file: String = "assessment.yaml", folder: String = ".", catalog: Catalog,
        files: any FileSource = DiskFiles()
    ) throws(DiagnosticError) -> Loaded<Assessment> {
        try load(data: Data(yaml.utf8), file: file, folder: folder, catalog: catalog, files: files)
    }

    /// Loads an assessment from bytes as a file holds them (fuzzing: any bytes, not only valid UTF-8).
    public static func load(
        data: Data, file: String = "assessment.yaml", folder: String = ".", catalog: Catalog,
        files: any FileSource = DiskFiles()
    ) throws(DiagnosticError) -> Loaded<Assessment> {
        let document = try YAMLDocument.parse(data: data, file: file)
        return try load(document: document, folder: folder, catalog: catalog, files: files)
    }

    struct Reader {
        let catalog: Catalog
        let r: YAMLReader
        let folder: String
        let files: any FileSource

        mutating func read(_ root: Node) -> Assessment? {
            guard
                let map = r.mapping(
                    root, .init(en: "the assessment", zh: "评估"), allowed: AssessmentLoader.assessmentKeys,
                    required: ["schema", "catalog", "organisation", "date"])
            else { return nil }
            if let node = map["schema"], let schema = r.integer(node, .key("schema")), schema != 1 {
                r.error(.unknownSchema(schema), at: node, hint: .readsAssessmentSchema1)
            }
            var reference: CatalogReference?
            if let node = map["catalog"], let text = r.identifier(node, .key("catalog")) {
                let ref = AssessmentLoader.parseReference(text, at: r.location(node))
                reference = ref
                if ref.id != catalog.id {
                    r.error(.madeAgainstOtherCatalog(ref.id, used: catalog.id), at: node, hint: .passMatchingCatalog)
                } else if let version = ref.version, version != catalog.version {
                    r.error(
                        .madeAgainstOtherVersion(version, used: catalog.version), at: node,
                        hint: .passCatalogVersion(catalog.id, catalog.version)
                    )
                }
            }
            let organisation = map["organisation"].flatMap(readOrganisation)
            var kind = Assessment.Kind.selfAssessment
            if let node = map["kind"], let text = r.string(node, .key("kind")) {
                if let parsed = Assessment.Kind(rawValue: text) {
                    kind = parsed
                } else {
                    r.error(
                        .unknownAssessmentKind(text), at: node,
                        hint: Suggestion.hintMessage(for: text, in: Assessment.Kind.allCases.map(\.rawValue)))
                }
            }
            let date = map["date"].flatMap { r.day($0, .key("date")) }
            let assessor = map["assessor"].flatMap { r.string($0, .key("assessor")) }
            let auditor = map["auditor"].flatMap { r.string($0, .key("auditor")) }
            if kind == .audit, (auditor ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                r.warning(.auditWithoutAuditor, at: map.entry("auditor")?.value ?? root, hint: .writeAuditor)
            }
            let owners = map["owners"].map(readOwners) ?? [:]
            let evidence = map["evidence"].map { readEvidence($0, date: date) } ?? []
            let (metrics, metricLocations) = map["metrics"].map(readMetrics) ?? ([:], [:])
            let tickets = map["tickets"].flatMap(readTickets)
            var entries: [String: CriterionEntry] = [:]
            if let node = map["criteria"] {
                entries = readCriteria(node, evidence: evidence)
            }
            var findings = map["findings"].map { readFindings($0, evidence: evidence) } ?? []
            let profile = readProfile(map, root: root)
            let adjustments = map["adjustments"].map { readAdjustments($0, findings: findings) } ?? []
            // Each deduction is also an open minor finding: something to rectify.
            findings += adjustments.filter { $0.kind == .deduction }.map {
                var finding = Finding(
                    id: $0.id, criterion: $0.criterion, grade: .minor, text: $0.text, status: .open,
                    location: $0.location)
                finding.fromDeduction = true
                return finding
            }
            if let profile, let node = map["criteria"] { checkExcluded(node, profile: profile) }
            if map["criteria"] == nil {
                r.warning(.noCriteria, at: root, hint: .runInitForTemplate)
            }

            guard let reference, let organisation, let date else { return nil }
            var assessment = Assessment(
                catalogId: reference.id, catalogVersion: reference.version, organisation: organisation, kind: kind,
                date: date, assessor: assessor, auditor: auditor, owners: owners, evidence: evidence, metrics: metrics,
                tickets: tickets, criteria: entries, findings: findings, baseDirectory: folder,
                location: .start(of: r.file))
            assessment.metricLocations = metricLocations
            assessment.profile = profile?.id
            assessment.adjustments = adjustments
            return assessment
        }

        func readOrganisation(_ node: Node) -> Organisation? {
            if case .scalar = node {
                return r.string(node, .key("organisation")).map { Organisation(name: $0) }
            }
            guard
                let map = r.mapping(
                    node, .key("organisation"), allowed: AssessmentLoader.organisationKeys, required: ["name"]),
                let name = map["name"].flatMap({ r.string($0, .init(en: "organisation name", zh: "组织名称")) })
            else { return nil }
            return Organisation(name: name, site: map["site"].flatMap { r.string($0, .key("site")) })
        }

        func readOwners(_ node: Node) -> [String: String] {
            // An empty `owners:` (the template's, all examples commented out) names no one.
            guard !r.isNull(node), let map = r.mapping(node, .key("owners")) else { return [:] }
            let ids = catalog.domains.map(\.id) + catalog.criteria.map(\.id)
            let known = Set(ids)
            let suggester = Suggester(ids)
            var owners: [String: String] = [:]
            for entry in map.entries {
                if !known.contains(entry.key) {
                    r.error(.ownersNamesUnknown(entry.key), at: entry.keyNode, hint: suggester.hint(for: entry.key))
                    continue
                }
                if let person = r.string(entry.value, .init(en: "owner of '\(entry.key)'", zh: "'\(entry.key)' 的负责人")) {
                    owners[entry.key] = person
                }
            }
            return owners
        }

        func readEvidence(_ node: Node, date: Day?) -> [EvidenceItem] {
            guard !r.isNull(node), let items = r.sequence(node, .key("evidence")) else { return [] }
            let knownKinds = catalog.knownEvidenceKinds
            let kindSet = Set(knownKinds)
            let kindSuggester = Suggester(knownKinds, listUpTo: 12)
            var result: [EvidenceItem] = []
            var successors: [(id: String, by: String, node: Node)] = []
            var seen: [String: SourceLocation] = [:]
            for item in items {
                guard
                    let map = r.mapping(
                        item, .init(en: "an evidence item", zh: "证据项"), allowed: AssessmentLoader.evidenceKeys,
                        required: ["id", "kind", "title"]),
                    let idNode = map["id"], let id = r.identifier(idNode, .init(en: "evidence id", zh: "证据 id"))
                else { continue }
                if let first = seen[id] {
                    r.duplicate(.duplicateEvidenceID(id), at: idNode, first: first)
                    continue
                }
                seen[id] = r.location(idNode)
                let kind = map["kind"].flatMap { r.identifier($0, .init(en: "evidence kind", zh: "证据类型")) } ?? ""
                if let kindNode = map["kind"], !kind.isEmpty, !kindSet.contains(kind), catalog.isPoints {
                    // A points clause takes any valid item; only a catalog that declares its kinds is checked.
                    if !catalog.evidenceKinds.isEmpty {
                        r.warning(
                            .evidenceKindNotDeclared(kind, of: id, days: catalog.evidenceMaxAgeDays), at: kindNode,
                            hint: kindSuggester.hint(for: kind))
                    }
                } else if let kindNode = map["kind"], !kind.isEmpty, !kindSet.contains(kind) {
                    r.warning(.evidenceKindNotAskedFor(kind, of: id), at: kindNode, hint: kindSuggester.hint(for: kind))
                }
                let title =
                    map["title"].flatMap { r.string($0, .init(en: "title of '\(id)'", zh: "'\(id)' 的 title")) } ?? id
                var itemDate: Day?
                if let dateNode = map["date"] {
                    itemDate = r.day(dateNode, .init(en: "date of '\(id)'", zh: "'\(id)' 的日期"))
                    if let itemDate, let date, itemDate > date {
                        r.error(
                            .evidenceDatedAfterAssessment(id, itemDate, date), at: dateNode, hint: .evidenceMustExist)
                    }
                } else {
                    r.warning(.evidenceHasNoDate(id), at: idNode, hint: .addEvidenceDate)
                }
                var file: String?
                if let fileNode = map["file"],
                    let path = r.string(fileNode, .init(en: "file of '\(id)'", zh: "'\(id)' 的 file"))
                {
                    file = path
                    checkFile(path, at: fileNode, what: .evidenceFile)
                }
                var validUntil: Day?
                if let untilNode = map["valid_until"], !r.isNull(untilNode) {
                    validUntil = r.day(untilNode, .init(en: "valid_until of '\(id)'", zh: "'\(id)' 的 valid_until"))
                    if let validUntil, let itemDate, validUntil < itemDate {
                        r.error(
                            .validUntilBeforeDate(id, validUntil, itemDate), at: untilNode, hint: .validUntilIsLastDay)
                    }
                }
                var supersededBy: String?
                if let byNode = map["superseded_by"], !r.isNull(byNode) {
                    supersededBy = r.identifier(
                        byNode, .init(en: "superseded_by of '\(id)'", zh: "'\(id)' 的 superseded_by"))
                    if let supersededBy { successors.append((id, supersededBy, byNode)) }
                }
                result.append(
                    EvidenceItem(
                        id: id, kind: kind, title: title, date: itemDate, file: file, supersededBy: supersededBy,
                        validUntil: validUntil, location: r.location(idNode)))
            }
            checkSupersession(successors, items: result)
            return result
        }

        /// Every `superseded_by` names another declared item, and following them never comes back.
        func checkSupersession(_ links: [(id: String, by: String, node: Node)], items: [EvidenceItem]) {
            let ids = Set(items.map(\.id))
            let next = Dictionary(links.map { ($0.id, $0.by) }, uniquingKeysWith: { a, _ in a })
            for link in links {
                if link.by == link.id {
                    r.error(.supersedesItself(link.id), at: link.node, hint: .supersededByNamesNewer)
                } else if !ids.contains(link.by) {
                    r.error(
                        .supersededByUndeclared(link.id, by: link.by), at: link.node, hint: .declareUnderEvidence)
                } else {
                    var chain = [link.id, link.by]
                    while let following = next[chain.last!], following != chain.last!, !chain.contains(following) {
                        chain.append(following)
                    }
                    if let last = next[chain.last!], last == link.id, chain.count > 1 {
                        r.error(
                            .supersededInCircle(link.id, chain: chain + [link.id]), at: link.node,
                            hint: .onlyOlderNamesNewer)
                    }
                }
            }
        }

        /// A file named in the assessment must exist and stay inside the assessment's folder.
        func checkFile(_ path: String, at node: Node, what: Diagnostic.Message) {
            switch PathCheck.resolve(path, inside: folder, files: files) {
            case .ok:
                break
            case .missing:
                r.error(.fileDoesNotExist(what, path), at: node, hint: .pathsRelativeToAssessment)
            case .outside:
                r.error(.fileOutsideFolder(what, path), at: node, hint: .copyIntoFolder)
            case .notAFile:
                r.error(.notARegularFile(what, path), at: node)
            }
        }

        func readMetrics(_ node: Node) -> ([String: Double], [String: SourceLocation]) {
            guard !r.isNull(node), let map = r.mapping(node, .key("metrics")) else { return ([:], [:]) }
            let known = Set(catalog.allKPIIds)
            let suggester = Suggester(catalog.allKPIIds)
            var values: [String: Double] = [:]
            var locations: [String: SourceLocation] = [:]
            for entry in map.entries {
                guard known.contains(entry.key) else {
                    r.error(
                        .unknownKPIInMetrics(entry.key), at: entry.keyNode,
                        hint: suggester.hint(for: entry.key) ?? .declareKPIOrBuiltIn)
                    continue
                }
                // A KPI listed without a value (an example uncommented, not filled in yet) has no value.
                if !r.isNull(entry.value),
                    let value = r.number(entry.value, .init(en: "value of '\(entry.key)'", zh: "'\(entry.key)' 的值"))
                {
                    // A rate of 150 % would raise the score; every value must be one its unit allows.
                    if let problem = catalog.kpi(entry.key)?.rangeProblem(value) {
                        r.error(.valueOf(entry.key, problem), at: entry.value)
                        continue
                    }
                    values[entry.key] = value
                    locations[entry.key] = r.location(entry.keyNode)
                }
            }
            return (values, locations)
        }

        func readTickets(_ node: Node) -> TicketSource? {
            guard let map = r.mapping(node, .key("tickets"), allowed: AssessmentLoader.ticketKeys, required: ["file"]),
                let fileNode = map["file"], let file = r.string(fileNode, .init(en: "tickets file", zh: "工单文件"))
            else { return nil }
            checkFile(file, at: fileNode, what: .ticketExport)
            var mapping: String?
            if let mappingNode = map["mapping"], let path = r.string(mappingNode, .key("mapping")) {
                mapping = path
                checkFile(path, at: mappingNode, what: .mappingFile)
            }
            return TicketSource(file: file, mapping: mapping, location: r.location(node))
        }

        func readCriteria(_ node: Node, evidence: [EvidenceItem]) -> [String: CriterionEntry] {
            guard let map = r.mapping(node, .key("criteria")) else { return [:] }
            let evidenceIds = Set(evidence.map(\.id))
            // One suggester per list: each prepares its candidates once and suggests for the first 20 only.
            let criterionSuggester = Suggester(catalog.criteria.map(\.id))
            let evidenceSuggester = Suggester(evidence.map(\.id))
            let maxLevel = catalog.maxLevel
            var entries: [String: CriterionEntry] = [:]
            for entry in map.entries {
                guard let criterion = catalog.criterion(entry.key) else {
                    r.error(
                        .unknownCriterion(entry.key), at: entry.keyNode,
                        hint: criterionSuggester.hint(for: entry.key) ?? .criteriaListedByCatalogShow)
                    continue
                }
                if r.isNull(entry.value) {
                    entries[entry.key] = CriterionEntry(location: r.location(entry.keyNode))
                    continue
                }
                guard
                    let fields = r.mapping(
                        entry.value, .init(en: "criterion '\(entry.key)'", zh: "评价项 '\(entry.key)'"),
                        allowed: AssessmentLoader.entryKeys)
                else { continue }
                var result = CriterionEntry(location: r.location(entry.keyNode))
                checkScoringKeys(fields, criterion: entry.key)
                if catalog.isPoints { readPoints(fields, criterion: criterion, into: &result) }
                for key in ["claimed", "audited"] where !catalog.isPoints {
                    guard let levelNode = fields[key], !r.isNull(levelNode),
                        let level = r.integer(
                            levelNode, .init(en: "\(key) level of '\(entry.key)'", zh: "'\(entry.key)' 的 \(key) 等级"),
                            otherwise: .notApplicableTakesNoLevel(entry.key))
                    else { continue }
                    if level < 0 || level > maxLevel {
                        r.error(
                            .levelOutsideScale(key, level, of: entry.key, top: maxLevel), at: levelNode,
                            hint: .giveLevelInScale(top: maxLevel, criterion: entry.key))
                        continue
                    }
                    if key == "claimed" { result.claimed = level } else { result.audited = level }
                }
                if let evidenceNode = fields["evidence"], !r.isNull(evidenceNode),
                    let refs = r.identifiers(
                        evidenceNode, .init(en: "evidence of '\(entry.key)'", zh: "'\(entry.key)' 的证据"))
                {
                    for (ref, refNode) in refs {
                        if !evidenceIds.contains(ref) {
                            r.error(
                                .citesUndeclaredEvidence(entry.key, ref), at: refNode,
                                hint: evidenceSuggester.hint(for: ref) ?? .declareEvidenceItem)
                        } else if !result.evidence.contains(ref) {
                            result.evidence.append(ref)
                        }
                    }
                }
                result.note = fields["note"].flatMap { r.isNull($0) ? nil : r.string($0, .key("note")) }
                if let naNode = fields["na"], !r.isNull(naNode) {
                    let reason: String?
                    if case .scalar(let scalar) = naNode, scalar.style == .plain, scalar.string == "true" {
                        reason = ""
                    } else if case .scalar(let scalar) = naNode, scalar.style == .plain, scalar.string == "false" {
                        reason = nil
                    } else if case .scalar(let scalar) = naNode, scalar.style == .plain,
                        ["yes", "no", "on", "off", "y", "n"].contains(scalar.string.lowercased())
                    {
                        r.error(.naReadsAsNeither(entry.key, scalar.string), at: naNode, hint: .writeNAReason)
                        reason = nil
                    } else {
                        reason = r.string(naNode, .init(en: "na reason of '\(entry.key)'", zh: "'\(entry.key)' 的不适用理由"))
                    }
                    if let reason {
                        if criterion.key {
                            r.error(.keyCriterionCannotBeNA(entry.key), at: naNode, hint: .keyCriterionApplies)
                        } else if let required = catalog.requiredLevel(of: entry.key) {
                            r.error(
                                .requiredCriterionCannotBeNA(entry.key, rating: required.rating, level: required.level),
                                at: naNode, hint: .assessItLevel0)
                        } else if result.claimed != nil || result.audited != nil {
                            r.error(.notApplicableButLevel(entry.key), at: naNode, hint: .removeNAOrLevel)
                        } else if result.givesPoints {
                            r.error(.notApplicableButPoints(entry.key), at: naNode, hint: .removeNAOrPoints)
                        }
                        result.notApplicable = reason.isEmpty ? "not applicable" : reason
                    }
                }
                entries[entry.key] = result
            }
            return entries
        }

        func readFindings(_ node: Node, evidence: [EvidenceItem]) -> [Finding] {
            guard !r.isNull(node), let items = r.sequence(node, .key("findings")) else { return [] }
            let criterionSuggester = Suggester(catalog.criteria.map(\.id))
            let evidenceIds = Set(evidence.map(\.id))
            let evidenceSuggester = Suggester(evidence.map(\.id))
            var findings: [Finding] = []
            var seen: [String: SourceLocation] = [:]
            for item in items {
                guard
                    let map = r.mapping(
                        item, .init(en: "a finding", zh: "审核发现"), allowed: AssessmentLoader.findingKeys,
                        required: ["id", "grade", "text"]),
                    let idNode = map["id"], let id = r.identifier(idNode, .init(en: "finding id", zh: "审核发现 id"))
                else { continue }
                if let first = seen[id] {
                    r.duplicate(.duplicateFindingID(id), at: idNode, first: first)
                    continue
                }
                seen[id] = r.location(idNode)
                var criterion: String?
                if let criterionNode = map["criterion"],
                    let ref = r.identifier(criterionNode, .init(en: "criterion of '\(id)'", zh: "'\(id)' 的 criterion"))
                {
                    if catalog.criterion(ref) == nil {
                        r.error(
                            .findingNamesUnknownCriterion(id, ref), at: criterionNode,
                            hint: criterionSuggester.hint(for: ref))
                    }
                    criterion = ref
                }
                guard let gradeNode = map["grade"], let gradeText = r.string(gradeNode, .key("grade")) else { continue }
                guard let grade = FindingGrade(rawValue: gradeText) else {
                    r.error(
                        .unknownFindingGrade(gradeText), at: gradeNode,
                        hint: Suggestion.hintMessage(for: gradeText, in: FindingGrade.allCases.map(\.rawValue)))
                    continue
                }
                var status = Finding.Status.open
                if let statusNode = map["status"], let text = r.string(statusNode, .key("status")) {
                    if let parsed = Finding.Status(rawValue: text) {
                        status = parsed
                    } else {
                        r.error(
                            .unknownFindingStatus(text), at: statusNode,
                            hint: Suggestion.hintMessage(for: text, in: Finding.Status.allCases.map(\.rawValue)))
                    }
                }
                var cited: [String] = []
                if let evidenceNode = map["evidence"],
                    let refs = r.identifiers(evidenceNode, .init(en: "evidence of '\(id)'", zh: "'\(id)' 的证据"))
                {
                    for (ref, refNode) in refs {
                        if evidenceIds.contains(ref) {
                            cited.append(ref)
                        } else {
                            r.error(
                                .findingCitesUndeclaredEvidence(id, ref), at: refNode,
                                hint: evidenceSuggester.hint(for: ref))
                        }
                    }
                }
                let text =
                    map["text"].flatMap { r.string($0, .init(en: "text of '\(id)'", zh: "'\(id)' 的 text")) } ?? ""
                findings.append(
                    Finding(
                        id: id, criterion: criterion, grade: grade, text: text, status: status,
                        clause: map["clause"].flatMap { r.string($0, .key("clause")) }, evidence: cited,
                        due: map["due"].flatMap { r.day($0, .key("due")) }, location: r.location(idNode)))
            }
            return findings
        }
    }
}
