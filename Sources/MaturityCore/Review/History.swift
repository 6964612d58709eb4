/// An organisation's results over time, placed in the certificate cycle: the initial audit,
/// semiannual surveillance reviews, recertification.
///
/// The stage of a result follows from its kind and what came before it:
/// - `self` → self-assessment (not part of the cycle);
/// - `audit` → initial audit when no certificate is in force before it (no earlier audit, or the
///   last decision withdrew the certificate), else recertification; each starts a new cycle;
/// - `surveillance` → surveillance review of the current cycle;
/// - `special` → special (follow-up) audit of the current cycle, e.g. to lift a suspension.
public struct History: Sendable {
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        case selfAssessment = "self_assessment"
        case initialAudit = "initial_audit"
        case surveillance
        case specialAudit = "special_audit"
        case recertification
    }

    /// Where the certificate stands after a result.
    public enum Certificate: String, Sendable, Hashable, CaseIterable {
        /// An audit rated fail: no certificate granted.
        case notGranted = "not_granted"
        case certified
        case suspended
        case withdrawn
    }

    public struct Entry: Sendable {
        public var result: PreviousResult
        public var stage: Stage
        /// 1 for the first initial audit, one more at each recertification or new initial audit; nil
        /// before the first audit.
        public var cycle: Int?
        /// The certificate after this result; nil when it says nothing about it (a self-assessment,
        /// or a surveillance result that is not a review).
        public var certificate: Certificate?
        /// Overall change from the entry before, rounded.
        public var overallDelta: Double?
    }

    public var entries: [Entry]

    /// The results in date order (same date: self, audit, surveillance, then file name).
    public init(results: [PreviousResult]) {
        let order: [Assessment.Kind: Int] = [.selfAssessment: 0, .audit: 1, .surveillance: 2, .special: 3]
        let sorted = results.sorted {
            ($0.date, order[$0.kind] ?? 4, $0.file) < ($1.date, order[$1.kind] ?? 4, $1.file)
        }
        var entries: [Entry] = []
        var cycle: Int?
        var certificate: Certificate?
        for result in sorted {
            let stage: Stage
            switch result.kind {
            case .selfAssessment:
                stage = .selfAssessment
            case .audit:
                let inForce = certificate == .certified || certificate == .suspended
                stage = inForce ? .recertification : .initialAudit
                cycle = (cycle ?? 0) + 1
            case .surveillance:
                stage = .surveillance
            case .special:
                stage = .specialAudit
            }
            var after: Certificate?
            if let decision = result.decision {
                switch decision {
                case .withdraw: after = .withdrawn
                case .suspend: after = .suspended
                default: after = result.rating == RatingRule.failId ? .notGranted : .certified
                }
            } else if result.kind == .audit {
                after = result.rating == RatingRule.failId ? .notGranted : .certified
            }
            if let after { certificate = after }
            let before = entries.last?.result.overall
            let delta = result.overall.flatMap { now in before.map { NumberText.rounded(now - $0) } }
            entries.append(
                Entry(
                    result: result, stage: stage, cycle: stage == .selfAssessment ? nil : cycle, certificate: after,
                    overallDelta: delta))
        }
        self.entries = entries
    }

    public var organisation: Organisation? { entries.last?.result.organisation }
    public var catalogId: String? { entries.last?.result.catalogId }

    /// Catalog versions in the order they first appear.
    public var catalogVersions: [String] {
        var versions: [String] = []
        for entry in entries where !versions.contains(entry.result.catalogVersion) {
            versions.append(entry.result.catalogVersion)
        }
        return versions
    }

    /// Domain ids in the order given (a catalog's), then any others in the order they appear.
    public func domainIds(catalogOrder: [String]) -> [String] {
        var ids = catalogOrder.filter { id in entries.contains { $0.result.domain(id) != nil } }
        for entry in entries {
            for domain in entry.result.domains where !ids.contains(domain.id) { ids.append(domain.id) }
        }
        return ids
    }

    /// Results that cannot be lined up: other organisations or other catalogs than the first result's.
    public static func check(_ results: [PreviousResult]) -> [Diagnostic] {
        guard let first = results.min(by: { ($0.date, $0.file) < ($1.date, $1.file) }) else { return [] }
        var diagnostics: [Diagnostic] = []
        for result in results where result.file != first.file {
            if result.organisation.name != first.organisation.name {
                diagnostics.append(
                    .error(
                        .resultsOfTwoOrganisations(
                            result.file, result.organisation.name, first: first.file, first.organisation.name),
                        at: result.locations.organisation ?? .start(of: result.file), hint: .historyIsOneOrganisation))
            }
            if result.catalogId != first.catalogId {
                diagnostics.append(
                    .error(
                        .resultsOfTwoCatalogs(result.file, result.catalogId, first: first.file, first.catalogId),
                        at: result.locations.catalog ?? .start(of: result.file), hint: .historyIsOneScheme))
            }
        }
        return diagnostics
    }
}
