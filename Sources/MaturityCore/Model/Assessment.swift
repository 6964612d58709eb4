/// What an organisation (or its auditor) says about itself against a catalog, with the evidence.
public struct Assessment: Sendable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case selfAssessment = "self"
        case audit
        case surveillance
        /// A follow-up audit outside the semiannual rhythm, e.g. to lift a suspension.
        case special

        /// Made by a certification body (audit, surveillance, special): its reports must not consult,
        /// so they leave out the improvement path and the catalog's actions unless asked for.
        public var isCertificationAudit: Bool { self != .selfAssessment }
    }

    public var catalogId: String
    public var catalogVersion: String?
    public var organisation: Organisation
    public var kind: Kind
    public var date: Day
    public var assessor: String?
    public var auditor: String?
    /// Criterion id or domain id → responsible person.
    public var owners: [String: String]
    public var evidence: [EvidenceItem]
    /// KPI values given directly.
    public var metrics: [String: Double]
    /// Where each KPI of `metrics` was written, for the metrics/tickets conflict check.
    public var metricLocations: [String: SourceLocation] = [:]
    public var tickets: TicketSource?
    public var criteria: [String: CriterionEntry]
    public var findings: [Finding]
    /// The folder relative paths in the assessment resolve against.
    public var baseDirectory: String?
    public var location: SourceLocation?
    /// The enterprise type of a points catalog the organisation is assessed as.
    public var profile: String?
    /// Deductions and bonuses of a points catalog, in the order written.
    public var adjustments: [Adjustment] = []

    public init(
        catalogId: String, catalogVersion: String? = nil, organisation: Organisation, kind: Kind = .selfAssessment,
        date: Day, assessor: String? = nil, auditor: String? = nil, owners: [String: String] = [:],
        evidence: [EvidenceItem] = [], metrics: [String: Double] = [:], tickets: TicketSource? = nil,
        criteria: [String: CriterionEntry] = [:], findings: [Finding] = [], baseDirectory: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.catalogId = catalogId
        self.catalogVersion = catalogVersion
        self.organisation = organisation
        self.kind = kind
        self.date = date
        self.assessor = assessor
        self.auditor = auditor
        self.owners = owners
        self.evidence = evidence
        self.metrics = metrics
        self.tickets = tickets
        self.criteria = criteria
        self.findings = findings
        self.baseDirectory = baseDirectory
        self.location = location
    }

    public func evidenceItem(_ id: String) -> EvidenceItem? {
        evidence.first { $0.id == id }
    }
}

public struct Organisation: Sendable, Hashable {
    public var name: String
    public var site: String?

    public init(name: String, site: String? = nil) {
        self.name = name
        self.site = site
    }
}

/// One piece of evidence in the assessment's register.
public struct EvidenceItem: Sendable, Hashable {
    public var id: String
    public var kind: String
    public var title: String
    public var date: Day?
    public var file: String?
    /// The item that replaces this one (a newer version of a procedure): from that item's date on,
    /// this one no longer counts.
    public var supersededBy: String?
    /// The last day the item counts (a certificate, a contract, a plan for a period).
    public var validUntil: Day?
    public var location: SourceLocation?

    public init(
        id: String, kind: String, title: String, date: Day?, file: String? = nil, supersededBy: String? = nil,
        validUntil: Day? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.file = file
        self.supersededBy = supersededBy
        self.validUntil = validUntil
        self.location = location
    }
}

/// What the assessment says about one criterion.
public struct CriterionEntry: Sendable, Hashable {
    public var claimed: Int?
    public var audited: Int?
    public var evidence: [String]
    public var note: String?
    /// Set when the criterion does not apply; the text is the reason.
    public var notApplicable: String?
    public var location: SourceLocation?
    /// Points claimed for a clause of a points catalog (`earned:`).
    public var earned: Double?
    /// Points the auditor awards (`audited_earned:`), replacing `earned` as `audited` replaces `claimed`.
    public var auditedEarned: Double?
    /// The sample a clause checked by sample was judged on (`sample:`).
    public var sample: Sample?
    /// The auditor's own sample (`audited_sample:`), replacing `sample`.
    public var auditedSample: Sample?

    /// Whether the entry gives points (claimed or audited) for a points clause.
    public var givesPoints: Bool { earned != nil || auditedEarned != nil || sample != nil || auditedSample != nil }

    public init(
        claimed: Int? = nil, audited: Int? = nil, evidence: [String] = [], note: String? = nil,
        notApplicable: String? = nil, location: SourceLocation? = nil
    ) {
        self.claimed = claimed
        self.audited = audited
        self.evidence = evidence
        self.note = note
        self.notApplicable = notApplicable
        self.location = location
    }
}

/// An audit finding.
public struct Finding: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case open
        case closed
    }

    public var id: String
    public var criterion: String?
    public var grade: FindingGrade
    public var text: String
    public var status: Status
    public var clause: String?
    public var evidence: [String]
    public var due: Day?
    public var location: SourceLocation?
    /// Set when the finding stands for a deduction of a points assessment (written under `adjustments:`).
    public var fromDeduction = false

    public init(
        id: String, criterion: String?, grade: FindingGrade, text: String, status: Status = .open,
        clause: String? = nil, evidence: [String] = [], due: Day? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.criterion = criterion
        self.grade = grade
        self.text = text
        self.status = status
        self.clause = clause
        self.evidence = evidence
        self.due = due
        self.location = location
    }
}

/// A ticket export named by an assessment, whose KPIs feed scoring.
public struct TicketSource: Sendable, Hashable {
    public var file: String
    public var mapping: String?
    public var location: SourceLocation?

    public init(file: String, mapping: String? = nil, location: SourceLocation? = nil) {
        self.file = file
        self.mapping = mapping
        self.location = location
    }
}

/// A sample a clause is checked on: how many items were checked and how many conformed.
public struct Sample: Sendable, Hashable {
    public var size: Int
    public var conforming: Int

    public init(size: Int, conforming: Int) {
        self.size = size
        self.conforming = conforming
    }

    /// The conforming share, 0–1.
    public var share: Double { size > 0 ? Double(conforming) / Double(size) : 0 }
}

/// A deduction or a bonus of a points assessment.
public struct Adjustment: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A special deduction (an unmet obligation found by the evaluation); also an open minor finding.
        case deduction
        /// A bonus for something beyond the clauses, counted up to the catalog's `bonus_max`.
        case bonus
    }

    public var id: String
    public var kind: Kind
    public var text: String
    public var criterion: String?
    /// A remark kept with it (`note:`); it does not change the score.
    public var note: String?
    public var location: SourceLocation?

    public init(
        id: String, kind: Kind, text: String, criterion: String? = nil, note: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.text = text
        self.criterion = criterion
        self.note = note
        self.location = location
    }
}
