/// One line of the due board: an audit or decision a certificate needs, when, and what it proposes if late.
public struct DueItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The next surveillance audit.
        case surveillance
        /// The recertification audit, before expiry.
        case recertification
        /// A suspension reaching its limit: the next decision withdraws.
        case suspensionLimit = "suspension_limit"
        /// A major nonconformity's deadline.
        case majorNonconformity = "major_nc"

        public var name: LocalizedText {
            switch self {
            case .surveillance: return LocalizedText(zh: "监督审核", en: "Surveillance")
            case .recertification: return LocalizedText(zh: "再认证审核", en: "Recertification")
            case .suspensionLimit: return LocalizedText(zh: "暂停期满", en: "Suspension limit")
            case .majorNonconformity: return LocalizedText(zh: "严重不符合项期限", en: "Major nonconformity deadline")
            }
        }
    }

    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Due later than the as-of date.
        case upcoming
        /// Due, within its grace.
        case due
        /// Past its window.
        case late

        public var name: LocalizedText {
            switch self {
            case .upcoming: return LocalizedText(zh: "将到期", en: "Upcoming")
            case .due: return LocalizedText(zh: "已到期", en: "Due")
            case .late: return LocalizedText(zh: "逾期", en: "Late")
            }
        }
    }

    public var certificate: String
    public var organisation: String
    public var kind: Kind
    public var due: Day
    /// The last day it can be held before it is late.
    public var windowEnd: Day
    public var status: Status
    /// The decision a late item proposes (suspend, withdraw), for the reviewer to take.
    public var proposal: DecisionKind?
    /// The nonconformity, for a major NC's deadline.
    public var subject: String?

    public init(
        certificate: String, organisation: String, kind: Kind, due: Day, windowEnd: Day, status: Status,
        proposal: DecisionKind?, subject: String? = nil
    ) {
        self.certificate = certificate
        self.organisation = organisation
        self.kind = kind
        self.due = due
        self.windowEnd = windowEnd
        self.status = status
        self.proposal = proposal
        self.subject = subject
    }
}

/// Each certificate's audit programme: surveillance every `surveillanceMonths` after the last audit,
/// recertification before expiry, the limit of a suspension, and the deadlines of open major nonconformities.
public struct AuditProgramme: Sendable {
    public var policy: RegisterPolicy

    public init(policy: RegisterPolicy = RegisterPolicy()) {
        self.policy = policy
    }

    /// What `certificate` needs (not only what is due soon), with its status on `asOf`.
    public func items(for certificate: Certificate, nonconformities: [Nonconformity] = [], asOf: Day) -> [DueItem] {
        let state = certificate.state(asOf: asOf)
        guard state.isLive else { return [] }
        var items: [DueItem] = []
        func add(_ kind: DueItem.Kind, due: Day, grace: Int, proposal: DecisionKind?, subject: String? = nil) {
            let end = due.adding(days: grace)
            let status: DueItem.Status = asOf < due ? .upcoming : (end < asOf ? .late : .due)
            items.append(
                DueItem(
                    certificate: certificate.number, organisation: certificate.organisation, kind: kind, due: due,
                    windowEnd: end, status: status, proposal: status == .late ? proposal : nil, subject: subject))
        }
        if state == .suspended, let since = certificate.suspendedSince {
            add(
                .suspensionLimit, due: since.adding(months: policy.suspensionLimitMonths), grace: 0, proposal: .withdraw
            )
        }
        let surveillance = certificate.lastAudit.adding(months: policy.surveillanceMonths)
        let recertificationFrom = certificate.expires.adding(months: -policy.recertificationMonths)
        if surveillance < recertificationFrom, state == .valid {
            add(.surveillance, due: surveillance, grace: policy.graceDays, proposal: .suspend)
        }
        add(.recertification, due: certificate.expires, grace: 0, proposal: nil)
        for nc in nonconformities where nc.grade == .major && nc.state.isOpen {
            add(
                .majorNonconformity, due: nc.deadline, grace: 0, proposal: state == .valid ? .suspend : nil,
                subject: nc.id)
        }
        return items.sorted { ($0.due, $0.kind.caseOrder) < ($1.due, $1.kind.caseOrder) }
    }

    /// The earliest date any item of `certificate` falls due: what the store indexes the board by.
    public func nextDue(for certificate: Certificate, nonconformities: [Nonconformity] = []) -> Day? {
        items(for: certificate, nonconformities: nonconformities, asOf: certificate.lastAudit).map(\.due).min()
    }

    /// The board on `asOf`: items due within `within` days (and everything late), in date order.
    public func board(_ certificates: [(Certificate, [Nonconformity])], asOf: Day, within: Int) -> [DueItem] {
        let horizon = asOf.adding(days: within)
        return certificates.flatMap { items(for: $0.0, nonconformities: $0.1, asOf: asOf) }
            .filter { !(horizon < $0.due) }
            .sorted { ($0.due, $0.certificate, $0.kind.caseOrder) < ($1.due, $1.certificate, $1.kind.caseOrder) }
    }
}
