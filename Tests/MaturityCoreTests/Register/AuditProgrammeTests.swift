import MaturityCore
import Testing

/// The surveillance programme: due dates, grace, late surveillances proposing suspension, recertification
/// before expiry, suspension limits, conflicts of interest and the nonconformity lifecycle.
@Suite struct AuditProgrammeTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }
    static let programme = AuditProgramme()

    static func certificate(lastAudit: String = "2026-05-20", state: CertificateState = .valid, since: String? = nil)
        -> Certificate
    {
        Certificate(
            number: "MSC-2026-00001", organisationId: "org-1", organisation: "星河",
            scope: CertificateScope(
                sites: ["常州"], productCategories: ["多联机"], catalogId: "after-sales-maturity", catalogVersion: "2026.2"),
            rating: "pass", issued: day("2026-06-10"), expires: day("2029-06-10"), state: state,
            suspendedSince: since.map(day), lastAudit: day(lastAudit))
    }

    @Test func surveillanceIsDueSixMonthsAfterTheLastAuditWithAGraceOfThirtyDays() {
        let items = { (asOf: String) in Self.programme.items(for: Self.certificate(), asOf: Self.day(asOf)) }
        let upcoming = items("2026-11-01")
        #expect(upcoming.first?.kind == .surveillance)
        #expect(upcoming.first?.due == Self.day("2026-11-20"))
        #expect(upcoming.first?.windowEnd == Self.day("2026-12-20"))
        #expect(upcoming.first?.status == .upcoming)
        #expect(items("2026-12-20").first?.status == .due)
        #expect(items("2026-12-20").first?.proposal == nil)
        #expect(items("2026-12-21").first?.status == .late)
        #expect(items("2026-12-21").first?.proposal == .suspend)
    }

    @Test func theGraceIsConfigurable() {
        let programme = AuditProgramme(policy: RegisterPolicy(graceDays: 10))
        let item = programme.items(for: Self.certificate(), asOf: Self.day("2026-12-01")).first
        #expect(item?.status == .late)
    }

    @Test func recertificationReplacesSurveillanceInTheLastSixMonths() {
        let items = Self.programme.items(for: Self.certificate(lastAudit: "2028-11-01"), asOf: Self.day("2029-01-01"))
        #expect(items.map(\.kind) == [.recertification])
        #expect(items.first?.due == Self.day("2029-06-10"))
    }

    @Test func aSuspendedCertificateShowsItsLimitAndProposesWithdrawal() {
        let certificate = Self.certificate(lastAudit: "2026-11-12", state: .suspended, since: "2026-11-20")
        let items = Self.programme.items(for: certificate, asOf: Self.day("2027-05-21"))
        let limit = items.first { $0.kind == .suspensionLimit }
        #expect(limit?.due == Self.day("2027-05-20"))
        #expect(limit?.proposal == .withdraw)
        #expect(!items.contains { $0.kind == .surveillance })
    }

    @Test func theBoardListsWhatFallsDueWithinTheWindowAndEverythingLate() {
        let late = Self.certificate(lastAudit: "2026-03-01")
        var soon = Self.certificate(lastAudit: "2026-06-20")
        soon.number = "MSC-2026-00002"
        var later = Self.certificate(lastAudit: "2026-09-01")
        later.number = "MSC-2026-00003"
        let board = Self.programme.board(
            [(late, []), (soon, []), (later, [])], asOf: Self.day("2026-12-01"), within: 30)
        #expect(board.map(\.certificate) == ["MSC-2026-00001", "MSC-2026-00002"])
        #expect(board.map(\.status) == [.late, .upcoming])
        #expect(Self.programme.nextDue(for: later) == Self.day("2027-03-01"))
    }

    @Test func anOpenMajorNonconformityShowsItsDeadline() {
        let nc = Nonconformity(
            id: "NC-02", organisationId: "org-1", auditId: "a", grade: .major, site: nil, criterion: nil,
            raised: Self.day("2026-11-12"), deadline: Self.day("2026-12-12"))
        let items = Self.programme.items(for: Self.certificate(), nonconformities: [nc], asOf: Self.day("2026-12-13"))
        let item = items.first { $0.kind == .majorNonconformity }
        #expect(item?.subject == "NC-02")
        #expect(item?.status == .late)
        #expect(item?.proposal == .suspend)
    }

    @Test func anAuditorWhoConsultedTheClientWithinTwoYearsCannotBeAssigned() {
        let rules = CertificationRules()
        let declaration = ConflictDeclaration(
            auditor: "刘建国", organisationId: "org-1", relation: .consulted, until: Self.day("2025-03-31"))
        let team = AuditTeam(lead: "郑雅琴（审核组长）", members: ["刘建国（技术专家）"])
        #expect(
            rules.checkAssignment(
                team, organisationId: "org-1", date: Self.day("2026-05-20"), declarations: [declaration])
                == .conflictOfInterest(
                    auditor: "刘建国（技术专家）", relation: .consulted, until: Self.day("2025-03-31"),
                    barredUntil: Self.day("2027-04-01")))
        #expect(
            rules.checkAssignment(
                team, organisationId: "org-1", date: Self.day("2027-04-01"), declarations: [declaration])
                == nil)
        #expect(
            rules.checkAssignment(
                team, organisationId: "org-2", date: Self.day("2026-05-20"), declarations: [declaration])
                == nil)
        let ongoing = ConflictDeclaration(auditor: "郑雅琴", organisationId: "org-1", relation: .employed, until: nil)
        #expect(
            rules.checkAssignment(team, organisationId: "org-1", date: Self.day("2030-01-01"), declarations: [ongoing])
                != nil)
    }

    @Test func aNonconformityGoesRaisedActionVerifiedClosed() throws {
        let nc = Nonconformity(
            id: "NC-02", organisationId: "org-1", auditId: "a", grade: .major, site: "常州", criterion: "SP-06",
            raised: Self.day("2026-11-12"), deadline: Self.day("2026-12-12"))
        #expect(nc.isOverdue(on: Self.day("2026-12-13")))
        #expect(
            nc.advancing(.close, on: Self.day("2026-11-20"), by: "郑雅琴").refusal
                == .ncStep(id: "NC-02", step: .close, state: .raised))
        #expect(
            nc.advancing(
                .submitAction(rootCause: "", correction: "x", evidence: nil), on: Self.day("2026-11-20"), by: "钱文博"
            )
            .refusal == .ncActionIncomplete(id: "NC-02"))
        let submitted = try nc.advancing(
            .submitAction(rootCause: "九家服务商仍用纸质工单", correction: "全部接入工单系统", evidence: "上线记录"),
            on: Self.day("2026-12-01"), by: "钱文博"
        ).get()
        #expect(submitted.state == .actionSubmitted)
        let rejected = try submitted.advancing(
            .verify(effective: false, evidence: "抽查 20 单仍有 3 单缺失", note: "未有效"), on: Self.day("2026-12-05"),
            by: "郑雅琴"
        ).get()
        #expect(rejected.state == .raised)
        let again = try rejected.advancing(
            .submitAction(rootCause: "培训不足", correction: "补训并抽查", evidence: nil), on: Self.day("2026-12-08"),
            by: "钱文博"
        ).get()
        let verified = try again.advancing(
            .verify(effective: true, evidence: "抽查 60 单 56 单完整", note: "有效"), on: Self.day("2027-01-15"), by: "郑雅琴"
        ).get()
        #expect(verified.state == .verified)
        #expect(!verified.isOverdue(on: Self.day("2027-02-01")))
        let closed = try verified.advancing(.close, on: Self.day("2027-01-15"), by: "郑雅琴").get()
        #expect(closed.state == .closed)
        #expect(closed.events.map(\.state) == [.actionSubmitted, .raised, .actionSubmitted, .verified, .closed])
        #expect(
            verified.advancing(.close, on: Self.day("2027-01-01"), by: "郑雅琴").refusal
                == .ncDateBefore(id: "NC-02", date: Self.day("2027-01-01"), previous: Self.day("2027-01-15")))
    }

    @Test func certificateNumbersFollowThePattern() throws {
        let pattern = try #require(CertificateNumberPattern("MSC-{year}-{seq:5}"))
        #expect(pattern.number(year: 2026, sequence: 42) == "MSC-2026-00042")
        #expect(pattern.series(year: 2026) == "MSC-2026-{seq:5}")
        #expect(CertificateNumberPattern("HX{seq}")?.number(year: 2026, sequence: 7) == "HX7")
        #expect(
            CertificateNumberPattern.problem("MSC-{year}")?.en == "the pattern needs one {seq} (the running number)")
        #expect(CertificateNumberPattern.problem("MSC/{seq}") != nil)
        #expect(
            CertificateNumberPattern.problem("{yr}-{seq}")?.en == "unknown part '{yr}' (use {year}, {seq} or {seq:N})")
    }
}
