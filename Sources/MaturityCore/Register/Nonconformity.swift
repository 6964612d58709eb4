/// A nonconformity the auditor raised, through its lifecycle: raised → corrective action submitted by the
/// company → verified by the auditor (effective, or not: back to raised) → closed.
public struct Nonconformity: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case raised
        case actionSubmitted = "action_submitted"
        case verified
        case closed

        /// Raised or awaiting verification: the company still owes an effective correction.
        public var isOpen: Bool { self == .raised || self == .actionSubmitted }

        public var name: LocalizedText {
            switch self {
            case .raised: return LocalizedText(zh: "待纠正", en: "raised")
            case .actionSubmitted: return LocalizedText(zh: "已提交纠正措施", en: "action submitted")
            case .verified: return LocalizedText(zh: "已验证", en: "verified")
            case .closed: return LocalizedText(zh: "已关闭", en: "closed")
            }
        }
    }

    /// One step of the lifecycle, dated and attributed.
    public struct Event: Sendable, Hashable {
        public var date: Day
        public var state: State
        public var by: String
        /// What the step says: the finding, the root cause and correction, the verification…
        public var text: String
        public var evidence: String?
        /// For a verification: whether the correction was effective.
        public var effective: Bool?

        public init(
            date: Day, state: State, by: String, text: String, evidence: String? = nil, effective: Bool? = nil
        ) {
            self.date = date
            self.state = state
            self.by = by
            self.text = text
            self.evidence = evidence
            self.effective = effective
        }
    }

    /// The finding's id in the audit (`NC-02`), unique per organisation and audit.
    public var id: String
    public var organisationId: String
    /// The audit result (its sign-off digest) that raised it.
    public var auditId: String
    public var grade: FindingGrade
    public var site: String?
    public var criterion: String?
    public var raised: Day
    public var deadline: Day
    public var state: State
    public var events: [Event]

    public init(
        id: String, organisationId: String, auditId: String, grade: FindingGrade, site: String?,
        criterion: String?, raised: Day, deadline: Day, state: State = .raised, events: [Event] = []
    ) {
        self.id = id
        self.organisationId = organisationId
        self.auditId = auditId
        self.grade = grade
        self.site = site
        self.criterion = criterion
        self.raised = raised
        self.deadline = deadline
        self.state = state
        self.events = events
    }

    /// Open on `day` and past its deadline.
    public func isOverdue(on day: Day) -> Bool { state.isOpen && deadline < day }

    /// The step from here, or the refusal naming why it cannot be taken.
    public func advancing(_ step: Step, on date: Day, by person: String) -> Result<Nonconformity, RegisterRefusal> {
        Result { () throws(RegisterRefusal) in try advanced(step, on: date, by: person) }
    }

    func advanced(_ step: Step, on date: Day, by person: String) throws(RegisterRefusal) -> Nonconformity {
        var next = self
        switch (step, state) {
        case (.submitAction(let rootCause, let correction, let evidence), .raised):
            guard !rootCause.isEmpty, !correction.isEmpty else { throw .ncActionIncomplete(id: id) }
            next.state = .actionSubmitted
            next.events.append(
                Event(
                    date: date, state: .actionSubmitted, by: person,
                    text: "root cause: \(rootCause); correction: \(correction)", evidence: evidence))
        case (.verify(let effective, let evidence, let note), .actionSubmitted):
            next.state = effective ? .verified : .raised
            next.events.append(
                Event(date: date, state: next.state, by: person, text: note, evidence: evidence, effective: effective))
        case (.close, .verified):
            next.state = .closed
            next.events.append(Event(date: date, state: .closed, by: person, text: "closed"))
        default:
            throw .ncStep(id: id, step: step, state: state)
        }
        if let last = events.last, date < last.date {
            throw .ncDateBefore(id: id, date: date, previous: last.date)
        }
        return next
    }

    public enum Step: Sendable, Hashable {
        /// The company's corrective action.
        case submitAction(rootCause: String, correction: String, evidence: String?)
        /// The auditor's verification of it.
        case verify(effective: Bool, evidence: String?, note: String)
        case close

        public var name: String {
            switch self {
            case .submitAction: return "submit a corrective action"
            case .verify: return "verify"
            case .close: return "close"
            }
        }
    }
}

/// Why the certificate may be suspended beyond the score: recorded with its evidence and date.
public struct SuspensionTrigger: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case seriousComplaint = "serious_complaint"
        case surveillanceRefused = "surveillance_refused"
        case surveillanceLate = "surveillance_late"
        case misuse
        case majorNonconformityOverdue = "major_nc_overdue"

        public var words: LocalizedText {
            switch self {
            case .seriousComplaint: return LocalizedText(zh: "严重投诉", en: "a serious complaint")
            case .surveillanceRefused: return LocalizedText(zh: "拒绝监督审核", en: "surveillance refused")
            case .surveillanceLate: return LocalizedText(zh: "监督审核逾期", en: "surveillance not held in time")
            case .misuse: return LocalizedText(zh: "误用证书或标志", en: "misuse of the certificate or mark")
            case .majorNonconformityOverdue:
                return LocalizedText(zh: "严重不符合项逾期未关闭", en: "a major nonconformity open past its deadline")
            }
        }
    }

    public var certificate: String
    public var kind: Kind
    public var date: Day
    public var evidence: String
    public var recordedBy: String

    public init(certificate: String, kind: Kind, date: Day, evidence: String, recordedBy: String) {
        self.certificate = certificate
        self.kind = kind
        self.date = date
        self.evidence = evidence
        self.recordedBy = recordedBy
    }
}
