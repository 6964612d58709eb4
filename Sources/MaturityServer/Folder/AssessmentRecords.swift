import MaturityCore
import MaturityStore

/// An assessment the engine loaded, as the rows the store keeps.
enum AssessmentRecords {
    static func snapshot(
        of assessment: Assessment, organisationId: String, catalog: CatalogRecord, catalogReference: String
    ) -> AssessmentSnapshot {
        let record = AssessmentRecord(
            id: "", organisationId: organisationId, organisationName: assessment.organisation.name,
            catalog: catalog.id, catalogReference: catalogReference, kind: assessment.kind.rawValue,
            date: assessment.date.description, site: assessment.organisation.site, assessor: assessment.assessor,
            auditor: assessment.auditor, owners: assessment.owners, ticketsFile: assessment.tickets?.file,
            ticketsMapping: assessment.tickets?.mapping, profile: assessment.profile)
        // Criteria in the order they were written.
        let ids = assessment.criteria.keys.sorted {
            let a = assessment.criteria[$0]?.location
            let b = assessment.criteria[$1]?.location
            return (a?.line ?? 0, a?.column ?? 0, $0) < (b?.line ?? 0, b?.column ?? 0, $1)
        }
        let criteria = ids.enumerated().map { position, id in
            let entry = assessment.criteria[id]!  // id is a key of the same dictionary
            return CriterionRecord(
                criterion: id, claimed: entry.claimed, audited: entry.audited, evidence: entry.evidence,
                note: entry.note, na: entry.notApplicable, earned: entry.earned, auditedEarned: entry.auditedEarned,
                sample: entry.sample.map(SampleRecord.init), auditedSample: entry.auditedSample.map(SampleRecord.init),
                position: position)
        }
        let evidence = assessment.evidence.enumerated().map { position, item in
            EvidenceRecord(
                item: item.id, kind: item.kind, title: item.title, date: item.date?.description, file: item.file,
                supersededBy: item.supersededBy, validUntil: item.validUntil?.description, position: position)
        }
        // A deduction is also a finding to the engine; it is kept once, as the adjustment it was written as.
        let findings = assessment.findings.filter { !$0.fromDeduction }.enumerated().map { position, finding in
            FindingRecord(
                finding: finding.id, criterion: finding.criterion, grade: finding.grade.rawValue, text: finding.text,
                status: finding.status.rawValue, clause: finding.clause, evidence: finding.evidence,
                due: finding.due?.description, position: position)
        }
        let metricIds = assessment.metrics.keys.sorted {
            let a = assessment.metricLocations[$0]
            let b = assessment.metricLocations[$1]
            return (a?.line ?? 0, $0) < (b?.line ?? 0, $1)
        }
        let metrics = metricIds.enumerated().map { position, id in
            MetricRecord(kpi: id, value: assessment.metrics[id]!, position: position)  // id is a key of metrics
        }
        let adjustments = assessment.adjustments.enumerated().map { position, adjustment in
            AdjustmentRecord(
                adjustment: adjustment.id, kind: adjustment.kind.rawValue, text: adjustment.text,
                criterion: adjustment.criterion, note: adjustment.note, position: position)
        }
        return AssessmentSnapshot(
            assessment: record, criteria: criteria, evidence: evidence, findings: findings, metrics: metrics,
            adjustments: adjustments)
    }
}

extension SampleRecord {
    init(_ sample: Sample) { self.init(size: sample.size, conforming: sample.conforming) }
}

extension APIError.Problem {
    /// A diagnostic of the engine, located as the command line prints it.
    init(_ diagnostic: Diagnostic) {
        self.init(
            location: diagnostic.location?.description, message: diagnostic.message, hint: diagnostic.hint,
            severity: diagnostic.severity.rawValue)
    }
}
