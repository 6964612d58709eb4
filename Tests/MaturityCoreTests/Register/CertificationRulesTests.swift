import MaturityCore
import Testing

/// Every certification decision and its refusals, as a pure function of the request, the certificate and the
/// open nonconformities.
@Suite struct CertificationRulesTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }
    static let rules = CertificationRules(ratingOrder: ["fail", "pass", "excellent"])
    static let organisation = "江苏星河暖通设备有限公司"
    static let team = AuditTeam(lead: "郑雅琴（华信认证中心 审核组长）", members: ["刘建国"])

    static func audit(
        _ kind: Assessment.Kind, _ date: String, rating: String = "pass", review: ReviewDecision? = nil,
        id: String = "a1"
    ) -> AuditRecord {
        AuditRecord(
            id: id, organisation: organisation, kind: kind, date: day(date), catalogId: "after-sales-maturity",
            catalogVersion: "2026.2", rating: rating, overall: 84.7, reviewDecision: review, auditor: team.lead)
    }

    static func request(
        _ kind: DecisionKind, _ date: String, audit: AuditRecord?, reviewer: String = "孙立（认证决定人）",
        reason: String? = nil, trigger: SuspensionTrigger? = nil
    ) -> DecisionRequest {
        DecisionRequest(
            kind: kind, date: day(date), reviewer: reviewer, reason: reason, audit: audit, team: team,
            trigger: trigger, organisationId: "org-1", organisation: organisation)
    }

    static func decide(
        _ request: DecisionRequest, on certificate: Certificate?, ncs: [Nonconformity] = []
    ) -> Result<DecisionOutcome, RegisterRefusal> {
        rules.decide(request, certificate: certificate, nonconformities: ncs, newNumber: "MSC-2026-00001")
    }

    static func granted() throws -> Certificate {
        let outcome = try decide(request(.grant, "2026-06-10", audit: audit(.audit, "2026-05-20")), on: nil).get()
        return try #require(outcome.certificate)
    }

    static func suspended() throws -> Certificate {
        let outcome = try decide(
            request(
                .suspend, "2026-11-20", audit: audit(.surveillance, "2026-11-12", rating: "fail", review: .suspend)),
            on: try granted()
        ).get()
        return try #require(outcome.certificate)
    }

    @Test func aGrantIssuesANumberedCertificateForThreeYears() throws {
        let certificate = try Self.granted()
        #expect(certificate.number == "MSC-2026-00001")
        #expect(certificate.state == .valid)
        #expect(certificate.issued == Self.day("2026-06-10"))
        #expect(certificate.expires == Self.day("2029-06-10"))
        #expect(certificate.rating == "pass")
        #expect(certificate.scope.catalog == "after-sales-maturity@2026.2")
        let change = try #require(certificate.history.last)
        #expect(change.from == nil && change.to == .valid && change.decision == .grant)
        #expect(change.by == "孙立（认证决定人）")
        #expect(change.reason == "recommendation: grant")
        #expect(change.reasonText(.zh) == "按审核组建议（授予）")
        #expect(change.reasonText(.en) == "as the audit team recommended (grant)")
    }

    @Test func aReviewerOnTheAuditTeamIsRefused() throws {
        let result = Self.decide(
            Self.request(.grant, "2026-06-10", audit: Self.audit(.audit, "2026-05-20"), reviewer: "刘建国"), on: nil)
        #expect(
            result.refusal
                == .reviewerOnTeam(reviewer: "刘建国", lead: Self.team.lead, auditDate: Self.day("2026-05-20")))
        // The lead named without a title is still the lead.
        let lead = Self.decide(
            Self.request(.grant, "2026-06-10", audit: Self.audit(.audit, "2026-05-20"), reviewer: "郑雅琴"), on: nil)
        #expect(lead.refusal != nil)
    }

    @Test func aDecisionThatDiffersNeedsAWrittenReason() throws {
        let surveillance = Self.audit(.surveillance, "2026-11-12", rating: "pass", review: .maintainWithFollowUp)
        let certificate = try Self.granted()
        #expect(
            Self.decide(Self.request(.suspend, "2026-11-20", audit: surveillance), on: certificate).refusal
                == .reasonRequired(kind: .suspend, recommendation: .maintain))
        let outcome = try Self.decide(
            Self.request(.suspend, "2026-11-20", audit: surveillance, reason: "客户投诉核实：维修记录造假"), on: certificate
        ).get()
        #expect(outcome.decision.differs)
        #expect(outcome.decision.recommendation == .maintain)
        #expect(outcome.certificate?.state == .suspended)
        #expect(outcome.change?.reason == "客户投诉核实：维修记录造假")
    }

    @Test func aGrantWithAnOpenMajorNonconformityPastItsDeadlineIsRefused() throws {
        let nc = Nonconformity(
            id: "NC-02", organisationId: "org-1", auditId: "a0", grade: .major, site: "常州", criterion: "SP-06",
            raised: Self.day("2026-04-01"), deadline: Self.day("2026-05-01"))
        let request = Self.request(.grant, "2026-06-10", audit: Self.audit(.audit, "2026-05-20"))
        #expect(
            Self.decide(request, on: nil, ncs: [nc]).refusal
                == .openMajorOverdue(ids: ["NC-02"], deadline: Self.day("2026-05-01")))
        var closed = nc
        closed.state = .closed
        #expect(Self.decide(request, on: nil, ncs: [closed]).refusal == nil)
        var minor = nc
        minor.grade = .minor
        #expect(Self.decide(request, on: nil, ncs: [minor]).refusal == nil)
    }

    @Test func aFailedInitialAuditCannotBeGrantedButCanBeRefused() throws {
        let failed = Self.audit(.audit, "2026-05-20", rating: "fail")
        #expect(
            Self.decide(Self.request(.grant, "2026-06-10", audit: failed, reason: "x"), on: nil).refusal
                == .auditFailed(kind: .grant, date: Self.day("2026-05-20")))
        let refused = try Self.decide(Self.request(.refuse, "2026-06-10", audit: failed), on: nil).get()
        #expect(refused.certificate == nil)
        #expect(refused.decision.kind == .refuse && !refused.decision.differs)
    }

    @Test func aGrantNeedsAnInitialAuditNotASurveillance() {
        let result = Self.decide(
            Self.request(.grant, "2026-06-10", audit: Self.audit(.surveillance, "2026-05-20"), reason: "x"), on: nil)
        #expect(result.refusal == .wrongAuditKind(kind: .grant, audit: .surveillance))
    }

    @Test func maintainKeepsTheCertificateAndMovesTheProgramme() throws {
        let outcome = try Self.decide(
            Self.request(.maintain, "2026-11-20", audit: Self.audit(.surveillance, "2026-11-12", review: .maintain)),
            on: try Self.granted()
        ).get()
        #expect(outcome.certificate?.state == .valid)
        #expect(outcome.certificate?.lastAudit == Self.day("2026-11-12"))
        #expect(outcome.change?.from == .valid && outcome.change?.to == .valid)
    }

    @Test func aSurveillanceNotAfterTheLastAuditIsRefused() throws {
        let result = Self.decide(
            Self.request(.maintain, "2026-11-20", audit: Self.audit(.surveillance, "2026-05-20", review: .maintain)),
            on: try Self.granted())
        #expect(
            result.refusal == .auditNotAfterLast(date: Self.day("2026-05-20"), lastAudit: Self.day("2026-05-20")))
    }

    @Test func suspendThenReinstateOnAFollowUpAudit() throws {
        let suspended = try Self.suspended()
        #expect(suspended.state == .suspended)
        #expect(suspended.suspendedSince == Self.day("2026-11-20"))
        let special = Self.audit(.special, "2027-01-15", review: .reinstate, id: "a3")
        let outcome = try Self.decide(Self.request(.reinstate, "2027-01-20", audit: special), on: suspended).get()
        #expect(outcome.certificate?.state == .valid)
        #expect(outcome.certificate?.suspendedSince == nil)
        #expect(outcome.change?.from == .suspended && outcome.change?.to == .valid)
        #expect(outcome.certificate?.history.map(\.to) == [.valid, .suspended, .valid])
    }

    @Test func aReinstateWithoutAFollowUpAuditIsRefused() throws {
        let suspended = try Self.suspended()
        let since = Self.day("2026-11-20")
        #expect(
            Self.decide(Self.request(.reinstate, "2027-01-20", audit: nil), on: suspended).refusal
                == .noFollowUpAudit(number: "MSC-2026-00001", since: since))
        // The audit that suspended it is not a follow-up.
        let before = Self.audit(.surveillance, "2026-11-12", rating: "pass", review: .reinstate)
        #expect(
            Self.decide(Self.request(.reinstate, "2027-01-20", audit: before), on: suspended).refusal
                == .noFollowUpAudit(number: "MSC-2026-00001", since: since))
        let failed = Self.audit(.special, "2027-01-15", rating: "fail", review: .reinstate)
        #expect(
            Self.decide(Self.request(.reinstate, "2027-01-20", audit: failed), on: suspended).refusal
                == .noFollowUpAudit(number: "MSC-2026-00001", since: since))
    }

    @Test func aSuspensionOlderThanSixMonthsBecomesWithdrawalWhenNextDecided() throws {
        let suspended = try Self.suspended()
        let special = Self.audit(.special, "2027-06-01", review: .reinstate)
        let outcome = try Self.decide(Self.request(.reinstate, "2027-06-10", audit: special), on: suspended).get()
        #expect(outcome.decision.kind == .withdraw)
        #expect(outcome.decision.requested == .reinstate)
        #expect(outcome.certificate?.state == .withdrawn)
        #expect(outcome.notes.first?.en.contains("more than 6 months") == true)
        // Within six months it is reinstated.
        let early = try Self.decide(
            Self.request(.reinstate, "2027-05-20", audit: Self.audit(.special, "2027-05-10", review: .reinstate)),
            on: suspended
        ).get()
        #expect(early.certificate?.state == .valid)
    }

    @Test func withdrawEndsTheCertificateAndNothingButAGrantFollows() throws {
        let outcome = try Self.decide(
            Self.request(.withdraw, "2026-12-01", audit: nil, reason: "证书被用于未认证的分公司"), on: try Self.granted()
        ).get()
        let withdrawn = try #require(outcome.certificate)
        #expect(withdrawn.state == .withdrawn)
        #expect(
            Self.decide(Self.request(.reinstate, "2027-01-01", audit: nil), on: withdrawn).refusal
                == .notInState(kind: .reinstate, number: "MSC-2026-00001", state: .withdrawn))
        #expect(
            Self.decide(Self.request(.maintain, "2027-01-01", audit: nil), on: withdrawn).refusal
                == .notInState(kind: .maintain, number: "MSC-2026-00001", state: .withdrawn))
    }

    @Test func upgradeAndDowngradeChangeTheRatingTheRightWay() throws {
        let certificate = try Self.granted()
        let better = Self.audit(.surveillance, "2026-11-12", rating: "excellent", review: .upgrade)
        let upgraded = try Self.decide(Self.request(.upgrade, "2026-11-20", audit: better), on: certificate).get()
        #expect(upgraded.certificate?.rating == "excellent")
        #expect(
            Self.decide(Self.request(.downgrade, "2026-11-20", audit: better, reason: "x"), on: certificate).refusal
                == .ratingDirection(kind: .downgrade, from: "pass", to: "excellent"))
        let same = Self.audit(.surveillance, "2026-11-12", rating: "pass", review: .maintain)
        #expect(
            Self.decide(Self.request(.upgrade, "2026-11-20", audit: same, reason: "x"), on: certificate).refusal
                == .sameRating(kind: .upgrade, rating: "pass"))
    }

    @Test func aSuspensionOnATriggerNeedsNoAudit() throws {
        let trigger = SuspensionTrigger(
            certificate: "MSC-2026-00001", kind: .misuse, date: Self.day("2026-08-01"),
            evidence: "宣传册把证书用于未覆盖的无锡工厂", recordedBy: "孙立")
        let outcome = try Self.decide(
            Self.request(.suspend, "2026-08-05", audit: nil, trigger: trigger), on: try Self.granted()
        ).get()
        #expect(outcome.certificate?.state == .suspended)
        #expect(outcome.decision.trigger == .misuse)
        #expect(outcome.change?.reason == "trigger: misuse")
        #expect(outcome.change?.reasonText(.en) == "on misuse of the certificate or mark")
    }

    @Test func aCertificatePastItsExpiryHasExpired() throws {
        let certificate = try Self.granted()
        #expect(certificate.state(asOf: Self.day("2029-06-10")) == .valid)
        #expect(certificate.state(asOf: Self.day("2029-06-11")) == .expired)
        #expect(certificate.history(asOf: Self.day("2029-07-01")).last?.to == .expired)
        #expect(
            Self.decide(
                Self.request(
                    .maintain, "2029-07-01", audit: Self.audit(.surveillance, "2029-06-30", review: .maintain)),
                on: certificate
            ).refusal == .notInState(kind: .maintain, number: "MSC-2026-00001", state: .expired))
    }

    @Test func recertificationKeepsTheNumberAndRunsOnFromTheOldExpiry() throws {
        let certificate = try Self.granted()
        let audit = Self.audit(.audit, "2029-03-01")
        #expect(
            Self.decide(Self.request(.grant, "2028-10-01", audit: audit), on: certificate).refusal
                == .certificateInForce(
                    number: "MSC-2026-00001", expires: Self.day("2029-06-10"), window: Self.day("2028-12-10")))
        let renewed = try Self.decide(Self.request(.grant, "2029-03-10", audit: audit), on: certificate).get()
        #expect(renewed.certificate?.number == "MSC-2026-00001")
        #expect(renewed.certificate?.expires == Self.day("2032-06-10"))
    }

    @Test func aDecisionDatedBeforeTheLastChangeIsRefused() throws {
        let result = Self.decide(
            Self.request(.withdraw, "2026-06-01", audit: nil, reason: "x"), on: try Self.granted())
        #expect(result.refusal == .dateBefore(date: Self.day("2026-06-01"), last: Self.day("2026-06-10")))
    }

    @Test func theDecisionDigestCoversEveryField() throws {
        let decision = try Self.decide(
            Self.request(.grant, "2026-06-10", audit: Self.audit(.audit, "2026-05-20")), on: nil
        )
        .get().decision
        var other = decision
        other.reason = "x"
        #expect(decision.digest != other.digest)
        #expect(decision.digest.count == 64)
        #expect(decision.manifest.hasPrefix("maturity-decision-1\ncertificate MSC-2026-00001\n"))
    }
}

extension Result where Failure == RegisterRefusal {
    var refusal: RegisterRefusal? {
        if case .failure(let refusal) = self { return refusal }
        return nil
    }
}
