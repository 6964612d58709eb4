/// What a reviewer asks the register to decide.
public struct DecisionRequest: Sendable, Hashable {
    public var kind: DecisionKind
    public var date: Day
    public var reviewer: String
    public var reason: String?
    /// The imported audit result the decision rests on, with its team.
    public var audit: AuditRecord?
    public var team: AuditTeam?
    /// A recorded trigger a suspension rests on.
    public var trigger: SuspensionTrigger?
    /// The organisation (for a grant or refusal, which may have no certificate yet).
    public var organisationId: String
    public var organisation: String

    public init(
        kind: DecisionKind, date: Day, reviewer: String, reason: String? = nil, audit: AuditRecord? = nil,
        team: AuditTeam? = nil, trigger: SuspensionTrigger? = nil, organisationId: String, organisation: String
    ) {
        self.kind = kind
        self.date = date
        self.reviewer = reviewer
        self.reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        self.audit = audit
        self.team = team
        self.trigger = trigger
        self.organisationId = organisationId
        self.organisation = organisation
    }
}

/// What a decision did: the decision as recorded, the certificate after it (nil for a refusal), and the state
/// change it made.
public struct DecisionOutcome: Sendable, Hashable {
    public var decision: Decision
    public var certificate: Certificate?
    public var change: StateChange?
    /// Said to the reviewer: a suspension past its limit became withdrawal, say.
    public var notes: [Diagnostic.Message]
}

/// The certification rules: which decision may be taken on which certificate, on what audit, by whom — a pure
/// function of the request, the certificate and the open nonconformities, with dates as inputs.
public struct CertificationRules: Sendable {
    public var policy: RegisterPolicy
    /// The catalog's rating ids from lowest (fail) to highest, when known, to check upgrade and downgrade.
    public var ratingOrder: [String]

    public init(policy: RegisterPolicy = RegisterPolicy(), ratingOrder: [String] = []) {
        self.policy = policy
        self.ratingOrder = ratingOrder
    }

    /// Decides `request` on `certificate` (nil when the organisation holds none), with the organisation's
    /// nonconformities. `newNumber` is the number a new certificate gets.
    public func decide(
        _ request: DecisionRequest, certificate: Certificate?, nonconformities: [Nonconformity], newNumber: String
    ) -> Result<DecisionOutcome, RegisterRefusal> {
        Result { () throws(RegisterRefusal) in try outcome(request, certificate, nonconformities, newNumber) }
    }

    func outcome(_ request: DecisionRequest, _ current: Certificate?, _ ncs: [Nonconformity], _ newNumber: String)
        throws(RegisterRefusal) -> DecisionOutcome
    {
        let date = request.date
        var kind = request.kind
        var notes: [Diagnostic.Message] = []
        if let team = request.team, team.includes(request.reviewer), let audit = request.audit {
            throw RegisterRefusal.reviewerOnTeam(reviewer: request.reviewer, lead: team.lead, auditDate: audit.date)
        }
        let recommendation = request.audit?.recommendation
        if let recommendation, recommendation != kind, request.reason == nil {
            throw RegisterRefusal.reasonRequired(kind: kind, recommendation: recommendation)
        }
        if let audit = request.audit, let current, audit.organisation != current.organisation,
            PersonName.bare(audit.organisation) != PersonName.bare(current.organisation)
        {
            throw RegisterRefusal.otherOrganisation(audit: audit.organisation, certificate: current.organisation)
        }
        if let current, let last = current.history.last?.date, date < last {
            throw RegisterRefusal.dateBefore(date: date, last: last)
        }
        // A suspension past its limit can only end in withdrawal.
        if let current, current.state(asOf: date) == .suspended, let since = current.suspendedSince,
            since.adding(months: policy.suspensionLimitMonths) < date, kind != .withdraw
        {
            notes.append(
                .suspensionBecomesWithdrawal(
                    number: current.number, since: since, months: policy.suspensionLimitMonths, kind: kind))
            kind = .withdraw
        }
        var decision = Decision(
            certificate: current?.number ?? newNumber, organisationId: request.organisationId,
            organisation: request.organisation, kind: kind,
            requested: request.kind, recommendation: recommendation, date: date, reviewer: request.reviewer,
            reason: request.reason ?? (kind != request.kind ? notes.last?.en : nil), auditId: request.audit?.id,
            trigger: request.trigger?.kind, rating: current?.rating)

        switch kind {
        case .grant:
            let audit = try requireAudit(request, kinds: [.audit])
            if audit.rating == RatingRule.failId { throw RegisterRefusal.auditFailed(kind: kind, date: audit.date) }
            let overdue = ncs.filter { $0.grade == .major && $0.isOverdue(on: date) }.sorted {
                $0.deadline < $1.deadline
            }
            if let first = overdue.first {
                throw RegisterRefusal.openMajorOverdue(ids: overdue.map(\.id), deadline: first.deadline)
            }
            var certificate: Certificate
            let state = current?.state(asOf: date)
            if let current, let state, state.isLive {
                let window = current.expires.adding(months: -policy.recertificationMonths)
                guard state == .valid, !(date < window) else {
                    throw RegisterRefusal.certificateInForce(
                        number: current.number, expires: current.expires, window: window)
                }
                // Recertification: the same number, a new term running on from the old expiry.
                certificate = current
                certificate.expires = current.expires.adding(months: 12 * policy.validityYears)
                certificate.issued = date
            } else {
                certificate = Certificate(
                    number: newNumber, organisationId: request.organisationId, organisation: audit.organisation,
                    scope: current?.scope
                        ?? CertificateScope(
                            sites: audit.site.map { [$0] } ?? [], productCategories: [], catalogId: audit.catalogId,
                            catalogVersion: audit.catalogVersion, profile: audit.profile),
                    rating: audit.rating, issued: date, expires: date.adding(months: 12 * policy.validityYears),
                    state: .valid, lastAudit: audit.date)
                decision.certificate = newNumber
            }
            certificate.scope.catalogId = audit.catalogId
            certificate.scope.catalogVersion = audit.catalogVersion
            certificate.rating = audit.rating
            certificate.lastAudit = audit.date
            decision.rating = audit.rating
            return finish(decision, certificate, from: current == nil || state?.isLive == false ? nil : state, notes)

        case .refuse:
            if let current, current.state(asOf: date).isLive {
                throw RegisterRefusal.notInState(kind: kind, number: current.number, state: current.state(asOf: date))
            }
            _ = try requireAudit(request, kinds: [.audit])
            decision.certificate = current?.number ?? "(\(request.organisation))"
            decision.rating = nil
            return DecisionOutcome(decision: decision, certificate: nil, change: nil, notes: notes)

        case .maintain, .upgrade, .downgrade:
            var certificate = try require(current, kind, in: [.valid], on: date)
            let audit = try requireAudit(request, kinds: [.surveillance, .special, .audit])
            try requireLater(audit, than: certificate)
            if kind != .maintain {
                if audit.rating == RatingRule.failId { throw RegisterRefusal.auditFailed(kind: kind, date: audit.date) }
                if audit.rating == certificate.rating {
                    throw RegisterRefusal.sameRating(kind: kind, rating: certificate.rating)
                }
                if let from = ratingOrder.firstIndex(of: certificate.rating),
                    let to = ratingOrder.firstIndex(of: audit.rating),
                    (kind == .upgrade) != (to > from)
                {
                    throw RegisterRefusal.ratingDirection(kind: kind, from: certificate.rating, to: audit.rating)
                }
                certificate.rating = audit.rating
            }
            certificate.lastAudit = audit.date
            decision.rating = certificate.rating
            return finish(decision, certificate, from: .valid, notes)

        case .suspend:
            var certificate = try require(current, kind, in: [.valid], on: date)
            if let audit = request.audit {
                try requireLater(audit, than: certificate)
                certificate.lastAudit = audit.date
            }
            if request.audit == nil, request.trigger == nil, request.reason == nil {
                throw RegisterRefusal.noAudit(kind: kind)
            }
            certificate.state = .suspended
            certificate.suspendedSince = date
            return finish(decision, certificate, from: .valid, notes)

        case .reinstate:
            var certificate = try require(current, kind, in: [.suspended], on: date)
            let since = certificate.suspendedSince ?? date
            guard let audit = request.audit, audit.kind == .special || audit.kind == .surveillance,
                !(audit.date < since), audit.rating != RatingRule.failId
            else { throw RegisterRefusal.noFollowUpAudit(number: certificate.number, since: since) }
            certificate.state = .valid
            certificate.suspendedSince = nil
            certificate.lastAudit = audit.date
            certificate.rating = audit.rating
            decision.rating = audit.rating
            return finish(decision, certificate, from: .suspended, notes)

        case .withdraw:
            var certificate = try require(current, kind, in: [.valid, .suspended], on: date)
            let from = certificate.state(asOf: date)
            if let audit = request.audit, !(audit.date < certificate.lastAudit) { certificate.lastAudit = audit.date }
            certificate.state = .withdrawn
            certificate.suspendedSince = nil
            return finish(decision, certificate, from: from, notes)
        }
    }

    func finish(
        _ decision: Decision, _ certificate: Certificate, from: CertificateState?, _ notes: [Diagnostic.Message]
    )
        -> DecisionOutcome
    {
        var certificate = certificate
        let reason =
            decision.reason ?? StateChange.reason(recommendation: decision.recommendation, trigger: decision.trigger)
        let change = StateChange(
            date: decision.date, from: from, to: certificate.state, decision: decision.kind, reason: reason,
            by: decision.reviewer)
        certificate.history.append(change)
        return DecisionOutcome(decision: decision, certificate: certificate, change: change, notes: notes)
    }

    func require(_ certificate: Certificate?, _ kind: DecisionKind, in states: Set<CertificateState>, on date: Day)
        throws(RegisterRefusal) -> Certificate
    {
        guard let certificate else { throw RegisterRefusal.noCertificate(kind: kind) }
        let state = certificate.state(asOf: date)
        guard states.contains(state) else {
            throw RegisterRefusal.notInState(kind: kind, number: certificate.number, state: state)
        }
        return certificate
    }

    func requireAudit(_ request: DecisionRequest, kinds: Set<Assessment.Kind>) throws(RegisterRefusal) -> AuditRecord {
        guard let audit = request.audit else { throw RegisterRefusal.noAudit(kind: request.kind) }
        guard kinds.contains(audit.kind) else {
            throw RegisterRefusal.wrongAuditKind(kind: request.kind, audit: audit.kind)
        }
        return audit
    }

    func requireLater(_ audit: AuditRecord, than certificate: Certificate) throws(RegisterRefusal) {
        guard certificate.lastAudit < audit.date else {
            throw RegisterRefusal.auditNotAfterLast(date: audit.date, lastAudit: certificate.lastAudit)
        }
    }

    /// Refuses an auditor with a declared relation to the client that bars them on `date`.
    public func checkAssignment(
        _ team: AuditTeam, organisationId: String, date: Day, declarations: [ConflictDeclaration]
    )
        -> RegisterRefusal?
    {
        for person in team.everyone {
            for declaration in declarations
            where declaration.organisationId == organisationId && PersonName.same(declaration.auditor, person)
                && declaration.bars(on: date, years: policy.conflictYears)
            {
                return .conflictOfInterest(
                    auditor: person, relation: declaration.relation, until: declaration.until,
                    barredUntil: declaration.until?.adding(months: 12 * policy.conflictYears).adding(days: 1))
            }
        }
        return nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
