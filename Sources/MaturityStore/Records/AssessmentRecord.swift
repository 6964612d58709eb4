/// An assessment's own fields (the header of its `assessment.yaml`).
public struct AssessmentRecord: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id
        case organisationId = "organisation_id"
        case organisationName = "organisation_name"
        case catalog
        case catalogReference = "catalog_reference"
        case kind
        case date
        case site
        case assessor
        case auditor
        case owners
        case ticketsFile = "tickets_file"
        case ticketsMapping = "tickets_mapping"
        case profile
        case sourceSHA256 = "source_sha256"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case version
        case revision
    }

    public var id: String
    public var organisationId: String
    /// The organisation's name as the assessment states it (a later rename does not rewrite it).
    public var organisationName: String
    /// The store's catalog row it is scored against.
    public var catalog: String
    /// The `catalog:` value as written (`after-sales-maturity` or `after-sales-maturity@2026.1`).
    public var catalogReference: String
    public var kind: String
    public var date: String
    public var site: String?
    public var assessor: String?
    public var auditor: String?
    /// Criterion or domain id → responsible person.
    public var owners: [String: String]
    public var ticketsFile: String?
    public var ticketsMapping: String?
    /// The enterprise type of a points catalog the organisation is assessed as (`profile:`).
    public var profile: String?
    /// The `assessment.yaml` as it was imported, kept so nothing a person wrote is lost.
    public var sourceSHA256: String?
    public var createdAt: String
    public var updatedAt: String
    /// Version of these fields.
    public var version: Int
    /// Raised by every change to the assessment or any of its parts.
    public var revision: Int

    public init(
        id: String, organisationId: String, organisationName: String, catalog: String, catalogReference: String,
        kind: String, date: String,
        site: String? = nil, assessor: String? = nil, auditor: String? = nil, owners: [String: String] = [:],
        ticketsFile: String? = nil, ticketsMapping: String? = nil, profile: String? = nil,
        sourceSHA256: String? = nil, createdAt: String = "", updatedAt: String = "", version: Int = 1, revision: Int = 1
    ) {
        self.id = id
        self.organisationId = organisationId
        self.organisationName = organisationName
        self.catalog = catalog
        self.catalogReference = catalogReference
        self.kind = kind
        self.date = date
        self.site = site
        self.assessor = assessor
        self.auditor = auditor
        self.owners = owners
        self.ticketsFile = ticketsFile
        self.ticketsMapping = ticketsMapping
        self.profile = profile
        self.sourceSHA256 = sourceSHA256
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
        self.revision = revision
    }
}

/// What an assessment says about one criterion.
public struct CriterionRecord: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case criterion, claimed, audited, evidence, note, na, earned, sample, position, version
        case auditedEarned = "audited_earned"
        case auditedSample = "audited_sample"
    }

    public var criterion: String
    public var claimed: Int?
    public var audited: Int?
    public var evidence: [String]
    public var note: String?
    /// Set when the criterion does not apply: the reason.
    public var na: String?
    /// Points claimed for a clause of a points catalog (`earned:`).
    public var earned: Double?
    /// Points the auditor awards (`audited_earned:`).
    public var auditedEarned: Double?
    /// The sample a clause checked by sample was judged on (`sample:`).
    public var sample: SampleRecord?
    /// The auditor's own sample (`audited_sample:`).
    public var auditedSample: SampleRecord?
    public var position: Int
    public var version: Int

    public init(
        criterion: String, claimed: Int? = nil, audited: Int? = nil, evidence: [String] = [], note: String? = nil,
        na: String? = nil, earned: Double? = nil, auditedEarned: Double? = nil, sample: SampleRecord? = nil,
        auditedSample: SampleRecord? = nil, position: Int = 0, version: Int = 1
    ) {
        self.criterion = criterion
        self.claimed = claimed
        self.audited = audited
        self.evidence = evidence
        self.note = note
        self.na = na
        self.earned = earned
        self.auditedEarned = auditedEarned
        self.sample = sample
        self.auditedSample = auditedSample
        self.position = position
        self.version = version
    }
}

/// A sample a points clause is checked on: how many items were checked, how many conformed.
public struct SampleRecord: Codable, Sendable, Equatable {
    public var size: Int
    public var conforming: Int

    public init(size: Int, conforming: Int) {
        self.size = size
        self.conforming = conforming
    }
}

/// A deduction or a bonus of a points assessment (`adjustments:`).
public struct AdjustmentRecord: Codable, Sendable, Equatable {
    public var adjustment: String
    /// `deduction` or `bonus`.
    public var kind: String
    public var text: String
    public var criterion: String?
    public var note: String?
    public var position: Int
    public var version: Int

    public init(
        adjustment: String, kind: String, text: String, criterion: String? = nil, note: String? = nil,
        position: Int = 0, version: Int = 1
    ) {
        self.adjustment = adjustment
        self.kind = kind
        self.text = text
        self.criterion = criterion
        self.note = note
        self.position = position
        self.version = version
    }
}

/// One item of the evidence register.
public struct EvidenceRecord: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case item, kind, title, date, file, position, version
        case supersededBy = "superseded_by"
        case validUntil = "valid_until"
    }

    public var item: String
    public var kind: String
    public var title: String
    public var date: String?
    /// Path of its file in the assessment folder, when it has one.
    public var file: String?
    /// The item that replaces this one (from its date on).
    public var supersededBy: String?
    /// The last day the item counts.
    public var validUntil: String?
    public var position: Int
    public var version: Int

    public init(
        item: String, kind: String, title: String, date: String? = nil, file: String? = nil,
        supersededBy: String? = nil, validUntil: String? = nil, position: Int = 0, version: Int = 1
    ) {
        self.item = item
        self.kind = kind
        self.title = title
        self.date = date
        self.file = file
        self.supersededBy = supersededBy
        self.validUntil = validUntil
        self.position = position
        self.version = version
    }
}

/// An audit finding.
public struct FindingRecord: Codable, Sendable, Equatable {
    public var finding: String
    public var criterion: String?
    public var grade: String
    public var text: String
    public var status: String
    public var clause: String?
    public var evidence: [String]
    public var due: String?
    public var position: Int
    public var version: Int

    public init(
        finding: String, criterion: String? = nil, grade: String, text: String, status: String = "open",
        clause: String? = nil, evidence: [String] = [], due: String? = nil, position: Int = 0, version: Int = 1
    ) {
        self.finding = finding
        self.criterion = criterion
        self.grade = grade
        self.text = text
        self.status = status
        self.clause = clause
        self.evidence = evidence
        self.due = due
        self.position = position
        self.version = version
    }
}

/// A KPI value given directly.
public struct MetricRecord: Codable, Sendable, Equatable {
    public var kpi: String
    public var value: Double
    public var position: Int
    public var version: Int

    public init(kpi: String, value: Double, position: Int = 0, version: Int = 1) {
        self.kpi = kpi
        self.value = value
        self.position = position
        self.version = version
    }
}

/// An assessment with all its parts, read in one snapshot.
public struct AssessmentSnapshot: Codable, Sendable, Equatable {
    public var assessment: AssessmentRecord
    public var criteria: [CriterionRecord]
    public var evidence: [EvidenceRecord]
    public var findings: [FindingRecord]
    public var metrics: [MetricRecord]
    /// Deductions and bonuses of a points assessment, in the order written.
    public var adjustments: [AdjustmentRecord]
    /// Every file of the folder besides `assessment.yaml`: evidence files, ticket export, mapping.
    public var files: [FileRecord]

    public init(
        assessment: AssessmentRecord, criteria: [CriterionRecord] = [], evidence: [EvidenceRecord] = [],
        findings: [FindingRecord] = [], metrics: [MetricRecord] = [], adjustments: [AdjustmentRecord] = [],
        files: [FileRecord] = []
    ) {
        self.assessment = assessment
        self.criteria = criteria
        self.evidence = evidence
        self.findings = findings
        self.metrics = metrics
        self.adjustments = adjustments
        self.files = files
    }

    public func criterion(_ id: String) -> CriterionRecord? { criteria.first { $0.criterion == id } }
    public func evidenceItem(_ id: String) -> EvidenceRecord? { evidence.first { $0.item == id } }
    public func finding(_ id: String) -> FindingRecord? { findings.first { $0.finding == id } }
}

/// One line of an organisation's assessments list.
public struct AssessmentSummary: Codable, Sendable, Equatable {
    enum CodingKeys: String, CodingKey {
        case id
        case organisationId = "organisation_id"
        case kind
        case date
        case catalogReference = "catalog_reference"
        case revision
    }

    public var id: String
    public var organisationId: String
    public var kind: String
    public var date: String
    public var catalogReference: String
    public var revision: Int
}
