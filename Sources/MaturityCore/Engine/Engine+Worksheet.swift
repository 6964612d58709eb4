import Foundation

/// What an auditor's worksheet is made from: the self-assessment with every named file as a path inside
/// its folder, its result, and the files to copy into the audit's folder.
public struct AuditPackage: Sendable {
    /// The self-assessment, its evidence, ticket and mapping paths made relative to its folder.
    public var assessment: Assessment
    public var result: AssessmentResult
    /// Each file to copy: where it is now, and its path inside the audit's folder.
    public var copies: [(source: String, relative: String)]

    /// The audit made from the self-assessment — the one rule every front end (`maturity init --kind audit`, the
    /// server's new audit, its checklist download) starts an audit by: the organisation, owners, evidence register,
    /// KPI values, ticket export, claims, notes, not-applicable reasons, profile, adjustments and earlier findings
    /// carried over; the audited levels (and points) left for the auditor. A deduction's finding is not carried:
    /// reading the audit makes it again from its adjustment.
    public func audit(kind: Assessment.Kind = .audit, date: Day, auditor: String?) -> Assessment {
        var audit = assessment
        audit.kind = kind
        audit.date = date
        audit.auditor = auditor
        for id in audit.criteria.keys {
            audit.criteria[id]?.audited = nil
            audit.criteria[id]?.auditedEarned = nil
            audit.criteria[id]?.auditedSample = nil
        }
        audit.findings.removeAll(where: \.fromDeduction)
        return audit
    }
}

extension Engine {
    /// The audit package of a loaded self-assessment.
    public func auditPackage(_ loaded: LoadedAssessment) -> AuditPackage {
        let result = Scorer(catalog: loaded.catalog).score(loaded.assessment, kpis: loaded.kpis)
        let selfFolder = PathText.folder(of: loaded.assessmentPath)
        let realFolder = files.realPath(selfFolder) ?? selfFolder
        var assessment = loaded.assessment
        // Every named file, as a path inside the self-assessment's folder: that is where its copy goes.
        var copies: [(source: String, relative: String)] = []
        func inside(_ path: String) -> String {
            let source = path.hasPrefix("/") ? path : PathText.join(selfFolder, path)
            let real = files.realPath(source) ?? source
            let relative = RelativePath.from(realFolder, to: real)
            if !copies.contains(where: { $0.relative == relative }) { copies.append((real, relative)) }
            return relative
        }
        for index in assessment.evidence.indices {
            if let file = assessment.evidence[index].file { assessment.evidence[index].file = inside(file) }
        }
        if let tickets = assessment.tickets {
            assessment.tickets?.file = inside(tickets.file)
            if let mapping = tickets.mapping { assessment.tickets?.mapping = inside(mapping) }
        }
        return AuditPackage(assessment: assessment, result: result, copies: copies)
    }
}
