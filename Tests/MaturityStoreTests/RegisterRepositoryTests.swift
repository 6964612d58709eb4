import Crypto
import Foundation
import MaturityCore
import MaturityStore
import MaturityStoreTesting
import Testing

/// The register as stored, on SQLite and PostgreSQL: import, decisions with signatures, every refusal the rules
/// make reaching the store unchanged, the due board, public verification.
@Suite struct RegisterRepositoryTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }
    static let organisation = "江苏星河暖通设备有限公司"
    static let reviewer = "孙立"

    /// A decision-maker's key, published from 2026-01-01.
    struct Signer: Sendable {
        let raw = Curve25519.Signing.PrivateKey().rawRepresentation
        let owner: String
        var key: Curve25519.Signing.PrivateKey { (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw))! }
        var published: PublishedKey {
            PublishedKey(
                owner: owner, role: .decisionMaker, publicKey: key.publicKey.rawRepresentation,
                validFrom: RegisterRepositoryTests.day("2026-01-01"))
        }

        @Sendable func sign(_ decision: Decision) throws -> Signature? {
            try Signature.sign(decision.digest, with: key, signer: owner, role: .decisionMaker, date: decision.date)
        }
    }

    static func record(
        _ kind: Assessment.Kind, _ date: String, rating: String = "pass", review: ReviewDecision? = nil,
        findings: [AuditRecord.FindingSummary] = [], closed: [String] = []
    ) -> AuditRecord {
        var record = AuditRecord(
            id: SignOff.sha256(Data("\(kind) \(date)".utf8)), organisation: organisation, site: "常州", kind: kind,
            date: day(date), catalogId: "after-sales-maturity", catalogVersion: "2026.2", rating: rating, overall: 84.7,
            reviewDecision: review, auditor: "郑雅琴（华信认证中心 审核组长）", signedBy: ["郑雅琴"], openFindings: findings)
        record.closedFindings = closed
        return record
    }

    static func setUp(_ store: Store) async throws -> Signer {
        let signer = Signer(owner: reviewer)
        try await store.register.addKey(signer.published)
        return signer
    }

    @Test(arguments: TestDatabase.allCases)
    func aCertificateGoesThroughItsCycleWithEveryChangeRecorded(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let signer = try await Self.setUp(store)
            let initial = Self.record(.audit, "2026-05-20")
            let imported = try await store.register.importResult(initial, fileName: "2026-05/result.json", sha256: "x")
            #expect(imported.team.lead == initial.auditor)
            let grant = try await store.register.decide(
                DecisionInput(
                    kind: .grant, date: Self.day("2026-06-10"), reviewer: Self.reviewer,
                    resultId: String(initial.id.prefix(8))),
                sign: signer.sign)
            let number = try #require(grant.certificate?.number)
            #expect(number == "MSC-2026-00001")
            #expect(grant.decision.signature?.signer == Self.reviewer)

            let surveillance = Self.record(
                .surveillance, "2026-11-12", rating: "fail", review: .suspend,
                findings: [.init(id: "NC-02", grade: .major, criterion: "SP-06", text: "纸质工单", due: nil)])
            let second = try await store.register.importResult(
                surveillance, fileName: "2026-11/result.json", sha256: "y")
            #expect(second.raised == ["NC-02"])
            // The open major nonconformity is on the board with its deadline (its holder found among the board's).
            let open = try await store.register.board(asOf: Self.day("2026-11-15"), within: 3650)
            #expect(open.items.contains { $0.kind == .majorNonconformity && $0.certificate == number })
            _ = try await store.register.decide(
                DecisionInput(
                    kind: .suspend, date: Self.day("2026-11-20"), reviewer: Self.reviewer, resultId: surveillance.id),
                sign: signer.sign)
            let special = Self.record(.special, "2027-01-15", review: .reinstate, closed: ["NC-02"])
            let third = try await store.register.importResult(special, fileName: "2027-01/result.json", sha256: "z")
            #expect(third.closed == ["NC-02"])
            _ = try await store.register.decide(
                DecisionInput(
                    kind: .reinstate, date: Self.day("2027-01-20"), reviewer: Self.reviewer, resultId: special.id),
                sign: signer.sign)

            let record = try await store.register.certificate(number)
            #expect(record.certificate.state == .valid)
            #expect(record.certificate.history.map(\.to) == [.valid, .suspended, .valid])
            #expect(record.certificate.history.map(\.by) == [Self.reviewer, Self.reviewer, Self.reviewer])
            #expect(record.decisions.map(\.kind) == [.grant, .suspend, .reinstate])
            #expect(record.decisions.allSatisfy { $0.signature != nil })
            #expect(record.nonconformities.first?.state == .closed)
            // Each stored decision's signature still holds over the stored decision.
            let ring = try await store.register.keyRing()
            for decision in record.decisions {
                let check = decision.signature?.check(against: ring, expectedDigest: decision.digest)
                #expect(check.map { if case .valid = $0 { true } else { false } } == true)
            }
            let next = try await store.register.board(asOf: Self.day("2027-07-01"), within: 30)
            #expect(next.items.map(\.kind) == [.surveillance])
            #expect(next.items.first?.due == Self.day("2027-07-15"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func refusalsLeaveTheRegisterUnchanged(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let signer = try await Self.setUp(store)
            let onTeam = Signer(owner: "刘建国")
            try await store.register.addKey(onTeam.published)
            let initial = Self.record(.audit, "2026-05-20")
            _ = try await store.register.assign(
                AuditTeam(lead: "郑雅琴", members: ["刘建国"]), organisation: Self.organisation, kind: .audit,
                date: Self.day("2026-05-20")
            ).lead
            _ = try await store.register.importResult(initial, fileName: "r.json", sha256: "x")
            await #expect(
                throws: RegisterRefusal.reviewerOnTeam(reviewer: "刘建国", lead: "郑雅琴", auditDate: Self.day("2026-05-20"))
            ) {
                try await store.register.decide(
                    DecisionInput(kind: .grant, date: Self.day("2026-06-10"), reviewer: "刘建国", resultId: initial.id),
                    sign: onTeam.sign)
            }
            // A key revoked before the decision's date signs nothing.
            _ = try await store.register.revokeKey(
                String(signer.published.id.prefix(6)), on: Self.day("2026-06-01"), reason: "lost")
            await #expect(throws: RegisterSigningError.self) {
                try await store.register.decide(
                    DecisionInput(
                        kind: .grant, date: Self.day("2026-06-10"), reviewer: Self.reviewer, resultId: initial.id),
                    sign: signer.sign)
            }
            // Someone else's key cannot sign for the reviewer.
            await #expect(throws: RegisterSigningError.self) {
                try await store.register.decide(
                    DecisionInput(
                        kind: .grant, date: Self.day("2026-06-10"), reviewer: Self.reviewer, resultId: initial.id),
                    sign: onTeam.sign)
            }
            #expect(try await store.register.certificates(organisation: Self.organisation).isEmpty)
            // The refused grants used no certificate number.
            let other = Signer(owner: "王芳")
            try await store.register.addKey(other.published)
            let granted = try await store.register.decide(
                DecisionInput(kind: .grant, date: Self.day("2026-06-10"), reviewer: "王芳", resultId: initial.id),
                sign: other.sign)
            #expect(granted.certificate?.number == "MSC-2026-00001")
            await #expect(throws: RegisterStoreError.self) {
                try await store.register.importResult(initial, fileName: "again.json", sha256: "x")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anOpenMajorNonconformityPastItsDeadlineBlocksAGrantUntilClosed(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let signer = try await Self.setUp(store)
            let failed = Self.record(
                .audit, "2026-03-01", rating: "fail",
                findings: [
                    .init(id: "NC-01", grade: .major, criterion: "SP-06", text: "记录缺失", due: Self.day("2026-04-01"))
                ])
            _ = try await store.register.importResult(failed, fileName: "a.json", sha256: "a")
            let second = Self.record(.audit, "2026-05-20")
            _ = try await store.register.importResult(second, fileName: "b.json", sha256: "b")
            let input = DecisionInput(
                kind: .grant, date: Self.day("2026-06-10"), reviewer: Self.reviewer, resultId: second.id)
            await #expect(throws: RegisterRefusal.openMajorOverdue(ids: ["NC-01"], deadline: Self.day("2026-04-01"))) {
                try await store.register.decide(input, sign: signer.sign)
            }
            let steps: [(Nonconformity.Step, String)] = [
                (.submitAction(rootCause: "未建台账", correction: "建立台账", evidence: "台账"), "2026-04-10"),
                (.verify(effective: true, evidence: "抽查", note: "有效"), "2026-05-20"), (.close, "2026-05-20"),
            ]
            for (step, date) in steps {
                _ = try await store.register.advance(
                    organisation: Self.organisation, nonconformity: "NC-01", step, on: Self.day(date), by: "郑雅琴")
            }
            let granted = try await store.register.decide(input, sign: signer.sign)
            #expect(granted.certificate?.state == .valid)
            let nc = try await store.register.nonconformities(organisation: Self.organisation)
            #expect(nc.first?.events.map(\.state) == [.raised, .actionSubmitted, .verified, .closed])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theDueBoardShowsALateSurveillanceAndPublicVerificationShowsOnlyTheCertificate(_ database: TestDatabase)
        async throws
    {
        try await database.withStore { store in
            let signer = try await Self.setUp(store)
            try await store.register.setPolicy(RegisterPolicy(numberPattern: "HX-{year}-{seq:3}", graceDays: 20))
            _ = try await store.register.setClient(
                ClientRecord(
                    organisation: Self.organisation, enterpriseType: "生产型", productCategories: ["多联机", "空气源热泵"],
                    sites: ["常州", "苏州"]))
            let initial = Self.record(.audit, "2026-05-20")
            _ = try await store.register.importResult(initial, fileName: "r.json", sha256: "x")
            _ = try await store.register.decide(
                DecisionInput(
                    kind: .grant, date: Self.day("2026-06-10"), reviewer: Self.reviewer, resultId: initial.id),
                ratingName: { _ in LocalizedText(zh: "合格", en: "Pass") }, sign: signer.sign)
            let board = try await store.register.board(asOf: Self.day("2026-12-15"), within: 30)
            let item = try #require(board.items.first)
            #expect(item.certificate == "HX-2026-001")
            #expect(item.status == .late)
            #expect(item.proposal == .suspend)
            #expect(item.windowEnd == Self.day("2026-12-10"))
            #expect(try await store.register.board(asOf: Self.day("2026-09-01"), within: 30).items.isEmpty)

            let shown = try await store.register.publicCertificate("HX-2026-001", asOf: Self.day("2026-12-15"))
            #expect(shown.state == .valid)
            #expect(shown.sites == ["常州", "苏州"])
            #expect(shown.productCategories == ["多联机", "空气源热泵"])
            #expect(shown.ratingName.text(.zh) == "合格")
            #expect(shown.verificationCode.count == 10)
            #expect(
                try await store.register.publicCertificate("HX-2026-001", asOf: Self.day("2029-06-11")).state
                    == .expired)
            await #expect(throws: StoreError.notFound(kind: "certificate", id: "HX-2026-999")) {
                try await store.register.publicCertificate("HX-2026-999", asOf: Self.day("2026-12-15"))
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anAuditorWithAConflictOfInterestIsRefused(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            try await store.register.ensureOrganisation(Self.organisation)
            try await store.register.declareConflict(
                ConflictDeclaration(
                    auditor: "刘建国", organisationId: Self.organisation, relation: .consulted,
                    until: Self.day("2025-03-31")))
            await #expect(throws: RegisterRefusal.self) {
                try await store.register.assign(
                    AuditTeam(lead: "郑雅琴", members: ["刘建国（技术专家）"]), organisation: Self.organisation, kind: .audit,
                    date: Self.day("2026-05-20"))
            }
            let team = try await store.register.assign(
                AuditTeam(lead: "郑雅琴", members: ["刘建国"]), organisation: Self.organisation, kind: .surveillance,
                date: Self.day("2027-05-12"))
            #expect(team.members == ["刘建国"])
            // A result whose own auditor is barred is refused too.
            try await store.register.declareConflict(
                ConflictDeclaration(auditor: "郑雅琴", organisationId: Self.organisation, relation: .employed, until: nil))
            await #expect(throws: RegisterRefusal.self) {
                try await store.register.importResult(
                    Self.record(.audit, "2026-05-20"), fileName: "r.json", sha256: "x")
            }
        }
    }
}
