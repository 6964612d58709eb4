/// The result JSON: snake_case keys, sorted, scores rounded to 2 decimals, no language.
public enum ResultJSON {
    public static let schema = 1

    /// Top-level keys written here and read back elsewhere (verify, review, history).
    public enum Key {
        public static let signOff = "signoff"
        public static let plan = "plan"
        /// The Ed25519 signatures over the sign-off's digest; like the sign-off, outside what it seals.
        public static let signatures = "signatures"
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
            "schema": .int(schema),
            "catalog": .object(["id": .string(result.catalogId), "version": .string(result.catalogVersion)]),
            "organisation": organisation(result.organisation),
            "kind": .string(result.kind.rawValue),
            "date": .string(result.date.description),
            "assessor": .text(result.assessor),
            "auditor": .text(result.auditor),
            "rating": .string(result.rating),
            "overall": .score(result.overall),
            "domains": .array(result.domains.map(domain)),
            "criteria": .array(result.criteria.map(criterion)),
            "kpis": .object(Dictionary(uniqueKeysWithValues: result.kpis.map { ($0.id, JSONValue.score($0.value)) })),
            "kpi_sources": .object(kpiSources),
            "target": .text(result.target),
            "reachable": .bool(result.reachable),
            "blockers": .array(result.blockers.map(blocker)),
            "path": .array(result.path.map(pathStep)),
            "path_withheld": .bool(result.pathWithheld),
            "findings": .array(result.findings.map(finding)),
            "actions": .array(result.actions.map(action)),
            "warnings": .array(result.warnings.map(warning)),
        ]
        return .object(object.merging(pointsFields(result)) { _, points in points })
    }

    public static func organisation(_ organisation: Organisation) -> JSONValue {
        .object(["name": .string(organisation.name), "site": .text(organisation.site)])
    }

    static func domain(_ domain: DomainResult) -> JSONValue {
        .object([
            "id": .string(domain.id), "weight": .number(domain.weight), "applicable": .bool(domain.applicable),
            "score": .score(domain.score),
        ])
    }

    static func criterion(_ c: CriterionResult) -> JSONValue {
        let fields: [String: JSONValue] = [
            "id": .string(c.id),
            "domain": .string(c.domain),
            "key": .bool(c.key),
            "weight": .number(c.weight),
            "applicable": .bool(c.applicable),
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
            "level": .int(c.applicable ? c.level : nil),
            "score": c.applicable ? .score(c.score) : .null,
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
            "id": .string(f.id), "criterion": .text(f.criterion), "grade": .string(f.grade.rawValue),
            "status": .string(f.status.rawValue), "text": .string(f.text), "clause": .text(f.clause),
            "due": .text(f.due?.description),
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
