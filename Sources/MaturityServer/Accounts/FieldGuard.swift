import MaturityCore
import MaturityStore

/// Which parts of an assessment a user may change: the company's claims, evidence, KPI values and tickets belong
/// to its members; audited levels, findings and audit evidence to the auditors assigned. cb-admin changes anything.
/// In a points assessment `earned` and `sample` are the company's claim, `audited_earned`, `audited_sample` and the
/// adjustments (deductions and bonuses) the auditor's.
struct FieldGuard: Sendable {
    let principal: Principal
    /// The domain of a criterion, for members limited to one domain (nil when the catalog does not say).
    let domainOf: @Sendable (AssessmentSnapshot, String) async throws -> String?

    /// Evidence kinds an auditor collects on site in an audit; every other kind, and these in a self-assessment
    /// (its internal audit), are the company's.
    static let auditEvidenceKinds: Set<String> = ["interview", "observation", "sample"]

    func check(_ current: AssessmentSnapshot, _ wanted: AssessmentSnapshot) async throws {
        if principal.isAdmin { return }
        let record = current.assessment
        let facts = AssessmentFacts(
            id: record.id, organisationId: record.organisationId, kind: record.kind, auditor: record.auditor)
        let company = principal.isCompany(record.organisationId)
        let auditor = principal.isAuditor(of: facts)
        let domains = principal.roles(in: record.organisationId).filter { $0.role == .companyMember }
        let unrestricted =
            domains.contains { $0.domain == nil }
            || principal.roles(in: record.organisationId).contains { $0.role == .companyAdmin }
        let allowedDomains = Set(domains.compactMap(\.domain))

        func refuse(_ what: String, _ whose: String) -> APIError {
            APIError(.forbidden, "you may not change \(what): \(whose)")
        }
        let byCompany = "it is the company's to change"
        let byAuditor = "it is the assigned auditor's to change"

        for id in Set(current.criteria.map(\.criterion)).union(wanted.criteria.map(\.criterion)) {
            let old = current.criterion(id)
            let new = wanted.criterion(id)
            if old?.audited != new?.audited, !auditor { throw refuse("the audited level of '\(id)'", byAuditor) }
            if old?.auditedEarned != new?.auditedEarned || old?.auditedSample != new?.auditedSample, !auditor {
                throw refuse("the audited points of '\(id)'", byAuditor)
            }
            let claimUnchanged =
                old?.claimed == new?.claimed && old?.earned == new?.earned && old?.sample == new?.sample
            let companyPart =
                !claimUnchanged || (old?.evidence ?? []) != (new?.evidence ?? [])
                || old?.note != new?.note || old?.na != new?.na
            if companyPart {
                guard company else {
                    // An auditor may cite their own evidence from a criterion, nothing else of the company's.
                    let added = Set(new?.evidence ?? []).subtracting(old?.evidence ?? [])
                    let ownEvidence =
                        auditor && claimUnchanged && old?.note == new?.note && old?.na == new?.na
                        && Set(old?.evidence ?? []).isSubset(of: new?.evidence ?? [])
                        && added.allSatisfy { item in
                            wanted.evidenceItem(item).map { Self.auditEvidenceKinds.contains($0.kind) } ?? false
                        }
                    if ownEvidence { continue }
                    throw refuse("what the company claimed for '\(id)'", byCompany)
                }
                if !unrestricted {
                    let domain = try await domainOf(wanted, id)
                    guard let domain, allowedDomains.contains(domain) else {
                        throw APIError(
                            .forbidden,
                            "criterion '\(id)' is outside your domain (\(allowedDomains.sorted().joined(separator: ", ")))"
                        )
                    }
                }
            }
        }
        for item in Set(current.evidence.map(\.item)).union(wanted.evidence.map(\.item)) {
            let old = current.evidenceItem(item)
            let new = wanted.evidenceItem(item)
            guard old != new else { continue }
            // In a self-assessment interviews and observations are the company's own (an internal audit's).
            let audit =
                record.kind != "self"
                && [old?.kind, new?.kind].contains { $0.map(Self.auditEvidenceKinds.contains) ?? false }
            if audit && !auditor { throw refuse("audit evidence '\(item)'", byAuditor) }
            if !audit && !company { throw refuse("evidence item '\(item)'", byCompany) }
        }
        if current.findings != wanted.findings, !auditor { throw refuse("findings", byAuditor) }
        if current.adjustments != wanted.adjustments, !auditor {
            throw refuse("deductions and bonuses", byAuditor)
        }
        if current.metrics != wanted.metrics, !company { throw refuse("KPI values", byCompany) }
        var header = wanted.assessment
        header.version = record.version
        header.revision = record.revision
        header.updatedAt = record.updatedAt
        if header != record, !company { throw refuse("the assessment's details", byCompany) }
    }
}
