/// The result JSON: snake_case keys, sorted, scores rounded to 2 decimals, no language.
public enum ResultJSON {
    public static let schema = 1

    /// The keys a result is read back by — as `--previous` (PreviousResultLoader), by `verify`, and into the
    /// register (AuditRecord) — written and read through these names only. Keys nothing reads back are
    /// written as literals where they are made.
    public enum Key {
        public static let schema = "schema"
        public static let catalog = "catalog"
        public static let organisation = "organisation"
        public static let kind = "kind"
        public static let date = "date"
        public static let rating = "rating"
        public static let overall = "overall"
        public static let target = "target"
        public static let pathWithheld = "path_withheld"
        public static let domains = "domains"
        public static let criteria = "criteria"
        public static let findings = "findings"
        /// Points results: `points`; levels results leave it out.
        public static let scoring = "scoring"
        public static let profile = "profile"
        public static let heldSince = "held_since"
        /// Reviews: the decision, when the next review is due, and the previous result.
        public static let decision = "decision"
        public static let nextReview = "next_review"
        public static let previous = "previous"
        /// An audit's self-versus-auditor comparison.
        public static let audit = "audit"
        public static let signOff = "signoff"
        public static let plan = "plan"
        /// The Ed25519 signatures over the sign-off's digest; like the sign-off, outside what it seals.
        public static let signatures = "signatures"

        /// Members of `catalog`, `organisation`, domains, criteria and findings.
        public static let id = "id"
        public static let version = "version"
        public static let name = "name"
        public static let site = "site"
        public static let applicable = "applicable"
        public static let score = "score"
        public static let level = "level"
        public static let earned = "earned"
        public static let domain = "domain"
        /// Whether a criterion is a key criterion.
        public static let isKey = "key"
        public static let criterion = "criterion"
        public static let grade = "grade"
        public static let status = "status"
        public static let text = "text"
        public static let due = "due"
    }

    public static func value(_ result: AssessmentResult) -> JSONValue {
        var kpiSources: [String: JSONValue] = [:]
        for kpi in result.kpis {
            switch kpi.source {
            case .metrics:
                kpiSources[kpi.id] = .object(["source": .string("metrics")])
            case .tickets(let file, let rows):
                kpiSources[kpi.id] = .object([
                    "source": .string("tickets"), "file": .string(file), "rows": .int(rows),
                ])
            }
        }
        let object: [String: JSONValue] = [
            Key.schema: .int(schema),
            Key.catalog: .object([Key.id: .string(result.catalogId), Key.version: .string(result.catalogVersion)]),
            Key.organisation: organisation(result.organisation),
            Key.kind: .string(result.kind.rawValue),
            Key.date: .string(result.date.description),
            "assessor": .text(result.assessor),
            "auditor": .text(result.auditor),
            Key.rating: .string(result.rating),
            Key.overall: .score(result.overall),
            Key.domains: .array(result.domains.map(domain)),
            Key.criteria: .array(result.criteria.map(criterion)),
            "kpis": .object(Dictionary(uniqueKeysWithValues: result.kpis.map { ($0.id, JSONValue.score($0.value)) })),
            "kpi_sources": .object(kpiSources),
            Key.target: .text(result.target),
            "reachable": .bool(result.reachable),
            "blockers": .array(result.blockers.map(blocker)),
            "path": .array(result.path.map(pathStep)),
            Key.pathWithheld: .bool(result.pathWithheld),
            Key.findings: .array(result.findings.map(finding)),
            "actions": .array(result.actions.map(action)),
            "warnings": .array(result.warnings.map(warning)),
        ]
        return .object(object.merging(pointsFields(result)) { _, points in points })
    }

    public static func organisation(_ organisation: Organisation) -> JSONValue {
        .object([Key.name: .string(organisation.name), Key.site: .text(organisation.site)])
    }

    static func domain(_ domain: DomainResult) -> JSONValue {
        .object([
            Key.id: .string(domain.id), "weight": .number(domain.weight), Key.applicable: .bool(domain.applicable),
            Key.score: .score(domain.score),
        ])
    }

    static func criterion(_ c: CriterionResult) -> JSONValue {
        let fields: [String: JSONValue] = [
            Key.id: .string(c.id),
            Key.domain: .string(c.domain),
            Key.isKey: .bool(c.key),
            "weight": .number(c.weight),
            Key.applicable: .bool(c.applicable),
            "not_applicable": .text(c.notApplicableReason),
            "assessed": .bool(c.assessed),
            "claimed": .int(c.claimed),
            "audited": .int(c.audited),
            "judged": .int(c.applicable ? c.judged : nil),
            "evidence_cap": .int(c.applicable ? c.evidenceCap : nil),
            "practice": .int(c.applicable ? c.practice : nil),
            "metric_kpi": .text(c.metricKPI),
            "metric_value": .score(c.metricValue),
            "metric_level": .int(c.metricLevel),
            Key.level: .int(c.applicable ? c.level : nil),
            Key.score: c.applicable ? .score(c.score) : .null,
            "evidence": .array(c.evidence.map { .string($0) }),
            "missing_evidence": .array(c.missingEvidence.map { .string($0) }),
            "evidence_gaps": .array(
                c.evidenceGaps.map { gap in
                    .object([
                        "level": .int(gap.level), "kind": .string(gap.kind), "status": .string(gap.status.rawValue),
                        "items": .array(gap.items.map { .string($0) }),
                        "reasons": .array(gap.reasons.map(invalidItem)),
                    ])
                }),
        ]
        return .object(c.points.map { fields.merging(criterionPoints(c, $0)) { _, points in points } } ?? fields)
    }

    /// A cited item that does not count: its id, why (`stale`, `superseded`, `expired`, `future`,
    /// `undated`) and the dates behind it.
    static func invalidItem(_ item: EvidenceGap.Item) -> JSONValue {
        var fields: [String: JSONValue] = ["id": .string(item.id), "message": .string(item.validity.message)]
        switch item.validity {
        case .valid: fields["reason"] = .string("valid")
        case .undated: fields["reason"] = .string("undated")
        case .future(let date):
            fields["reason"] = .string("future")
            fields["date"] = .string(date.description)
        case .superseded(let by, let on):
            fields["reason"] = .string("superseded")
            fields["superseded_by"] = .string(by)
            fields["superseded_on"] = .string(on.description)
        case .expired(let until):
            fields["reason"] = .string("expired")
            fields["valid_until"] = .string(until.description)
        case .stale(let date, let age, let limit):
            fields["reason"] = .string("stale")
            fields["date"] = .string(date.description)
            fields["age_days"] = .int(age)
            fields["max_age_days"] = .int(limit)
        }
        return .object(fields)
    }

    static func blocker(_ b: Blocker) -> JSONValue {
        .object([
            "condition": .string(b.condition.rawValue), "subject": .string(b.subject.id), "actual": .score(b.actual),
            "required": .score(b.required),
        ])
    }

    static func pathStep(_ step: PathStep) -> JSONValue {
        .object([
            "criterion": .string(step.criterion), "from": .int(step.from), "to": .int(step.to),
            "reason": .string(step.reason.rawValue),
        ])
    }

    static func finding(_ f: Finding) -> JSONValue {
        .object([
            Key.id: .string(f.id), Key.criterion: .text(f.criterion), Key.grade: .string(f.grade.rawValue),
            Key.status: .string(f.status.rawValue), Key.text: .string(f.text), "clause": .text(f.clause),
            Key.due: .text(f.due?.description),
        ])
    }

    public static func localized(_ text: LocalizedText) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, JSONValue.string(text[$0])) }))
    }

    public static func action(_ a: PlanAction) -> JSONValue {
        var owner: JSONValue = .null
        var ownerRole: JSONValue = .null
        switch a.owner {
        case .person(let name): owner = .string(name)
        case .role(let role): ownerRole = localized(role)
        case .unassigned: break
        }
        let fields: [String: JSONValue] = [
            "id": .string(a.id),
            "kind": .string(a.kindName),
            "criterion": .text(a.criterion),
            "domain": .text(a.domain),
            "from": .int(a.from),
            "to": .int(a.to),
            "what": localized(a.what),
            "evidence_needed": a.isPathStep ? .array(a.evidenceNeeded.map { .string($0) }) : .null,
            "purpose": .string(a.purpose.rawValue),
            "kpi_target": a.kpiTarget.map { target in
                .object([
                    "kpi": .string(target.kpi), "better": .string(target.better.rawValue),
                    "value": .score(target.value),
                ])
            } ?? .null,
            "owner": owner,
            "owner_role": ownerRole,
            "due": .string(a.due.description),
            "priority": .string(a.priority.rawValue),
            "status": .string(a.status.rawValue),
        ]
        return .object(a.points.map { fields.merging(actionPoints($0)) { _, points in points } } ?? fields)
    }

    static func warning(_ w: ResultWarning) -> JSONValue {
        .object(["kind": .string(w.kind.rawValue), "subject": .text(w.subject), "message": .string(w.message)])
    }
}
