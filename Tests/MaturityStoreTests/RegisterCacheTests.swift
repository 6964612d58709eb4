import Foundation
import Logging
import MaturityCore
import MaturityStoreTesting
import Testing

@testable import MaturityStore

/// The register's kept answers: nothing kept unless every change is announced, nothing read before a change kept
/// after it, and a change by anyone — through this process or straight into the database — seen by the next read
/// (at once through this process, as soon as the database's notice arrives otherwise).
@Suite struct RegisterCacheTests {
    static let day = Day(iso: "2026-12-15")!

    static func facts(_ number: String = "MSC-2026-00001", _ organisation: String = "甲") -> PublicFacts {
        PublicFacts(
            certificate: Certificate(
                number: number, organisationId: "o1", organisation: organisation,
                scope: CertificateScope(
                    sites: ["常州"], productCategories: [], catalogId: "after-sales-maturity", catalogVersion: "2026.2"),
                rating: "pass", issued: Day(iso: "2026-06-10")!, expires: Day(iso: "2029-06-09")!, state: .valid,
                lastAudit: Day(iso: "2026-05-20")!),
            ratingName: LocalizedText(zh: "合格", en: "Pass"), verificationCode: "ABCDEFGHJK",
            lastChange: Day(iso: "2026-06-10")!)
    }

    @Test func nothingIsKeptUntilTheListeningIsConfirmed() {
        let cache = RegisterCache()
        #expect(cache.ticket() == nil)
        cache.keep([Self.facts()], ticket: cache.ticket())
        #expect(cache.certificate("MSC-2026-00001") == nil)

        cache.listening(true)
        cache.keep([Self.facts()], ticket: cache.ticket())
        #expect(cache.certificate("MSC-2026-00001")?.certificate.organisation == "甲")

        cache.listening(false)
        #expect(cache.certificate("MSC-2026-00001") == nil)
        #expect(cache.ticket() == nil)
    }

    @Test func whatIsKeptIsShownAsOfTheDayAsked() throws {
        let facts = Self.facts()
        #expect(facts.shown(asOf: Self.day).state == .valid)
        #expect(facts.shown(asOf: Self.day).stateSince == Day(iso: "2026-06-10"))
        let later = facts.shown(asOf: Day(iso: "2029-06-10")!)
        #expect(later.state == .expired)
        #expect(later.stateSince == Day(iso: "2029-06-10"))
    }

    @Test func anAnswerReadBeforeAChangeIsNotKeptAfterIt() {
        let cache = RegisterCache()
        cache.listening(true)
        let before = cache.ticket()
        cache.changed("MSC-2026-00001")
        cache.keep([Self.facts("MSC-2026-00001", "旧名"), Self.facts("MSC-2026-00002")], ticket: before)
        // The certificate that changed is not kept; the other, read under the same ticket, is.
        #expect(cache.certificate("MSC-2026-00001") == nil)
        #expect(cache.certificate("MSC-2026-00002") != nil)

        // Nothing read before a change of anything, or before the listening was lost and found again.
        let old = cache.ticket()
        cache.changed()
        cache.keep([Self.facts("MSC-2026-00003")], ticket: old)
        #expect(cache.certificate("MSC-2026-00003") == nil)
        let older = cache.ticket()
        cache.listening(false)
        cache.listening(true)
        cache.keep([Self.facts("MSC-2026-00003")], ticket: older)
        #expect(cache.keptCertificates == 0)

        cache.keep([Self.facts("MSC-2026-00001", "新名")], ticket: cache.ticket())
        cache.keep([Self.facts("MSC-2026-00002")], ticket: cache.ticket())
        #expect(cache.keptCertificates == 2)
        cache.changed("MSC-2026-00001")
        #expect(cache.keptCertificates == 1)
        cache.changed("")
        #expect(cache.keptCertificates == 0)
    }

    @Test func aDueBoardIsLetGoAtAnyChange() {
        let cache = RegisterCache()
        cache.listening(true)
        let board = DueBoard(asOf: Self.day, within: 30, items: [], certificates: 0, truncated: false)
        cache.keep(board, limit: 500, ticket: cache.ticket())
        #expect(cache.board(asOf: Self.day, within: 30, limit: 500) == board)
        #expect(cache.board(asOf: Self.day, within: 31, limit: 500) == nil)
        cache.changed("MSC-2026-00001")
        #expect(cache.board(asOf: Self.day, within: 30, limit: 500) == nil)
        let before = cache.ticket()
        cache.changed("MSC-2026-00002")
        cache.keep(board, limit: 500, ticket: before)
        #expect(cache.board(asOf: Self.day, within: 30, limit: 500) == nil)
    }

    @Test func aChangeOnlyTheBoardsReadLetsTheBoardsGoAndKeepsTheCertificates() {
        let cache = RegisterCache()
        cache.listening(true)
        cache.keep([Self.facts()], ticket: cache.ticket())
        let board = DueBoard(asOf: Self.day, within: 30, items: [], certificates: 0, truncated: false)
        let before = cache.ticket()
        cache.keep(board, limit: 500, ticket: before)
        cache.changedBoards()
        #expect(cache.board(asOf: Self.day, within: 30, limit: 500) == nil)
        #expect(cache.certificate("MSC-2026-00001") != nil)
        cache.keep(board, limit: 500, ticket: before)
        #expect(cache.board(asOf: Self.day, within: 30, limit: 500) == nil)
    }

    @Test(arguments: TestDatabase.allCases)
    func aWriteThroughThisProcessLetsGoBeforeItsCallerHearsOfIt(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let (signer, number) = try await Self.granted(store)
            // Kept as if every change were announced, but nothing announces any: only the write itself can let go.
            store.registerCache.listening(true)
            #expect(try await store.register.publicCertificate(number, asOf: Self.day).state == .valid)
            #expect(store.registerCache.keptCertificates == 1)
            try await Self.withdraw(number, in: store, signer: signer)
            #expect(try await store.register.publicCertificate(number, asOf: Self.day).state == .withdrawn)
            store.registerCache.listening(false)
        }
    }

    @Test func noMoreThanItsCapacityIsKept() {
        let cache = RegisterCache(capacity: 2)
        cache.listening(true)
        cache.keep(["A", "B", "C"].map { Self.facts($0) }, ticket: cache.ticket())
        #expect(cache.keptCertificates == 2)
        #expect(cache.certificate("C") == nil)
    }

    /// A register with one certificate, granted on an imported audit: the signer and the certificate's number.
    static func granted(_ store: Store) async throws -> (RegisterRepositoryTests.Signer, String) {
        let signer = try await RegisterRepositoryTests.setUp(store)
        let initial = RegisterRepositoryTests.record(.audit, "2026-05-20")
        _ = try await store.register.importResult(initial, fileName: "r.json", sha256: "x")
        let grant = try await store.register.decide(
            DecisionInput(
                kind: .grant, date: Day(iso: "2026-06-10")!, reviewer: RegisterRepositoryTests.reviewer,
                resultId: initial.id),
            sign: signer.sign)
        return (signer, try #require(grant.certificate?.number))
    }

    /// Withdraws certificate `number` through `store`.
    static func withdraw(_ number: String, in store: Store, signer: RegisterRepositoryTests.Signer) async throws {
        _ = try await store.register.decide(
            DecisionInput(
                kind: .withdraw, date: Day(iso: "2026-12-01")!, reviewer: RegisterRepositoryTests.reviewer,
                reason: "证书被误用于未覆盖的产品", certificate: number),
            sign: signer.sign)
    }

    /// Waits up to five seconds for `condition`.
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test(arguments: TestDatabase.allCases)
    func everyChangeIsSeenByTheNextRead(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let (signer, number) = try await Self.granted(store)

            store.keepRegisterAnswers()
            // Both databases tell of every change (PostgreSQL by a notice, SQLite by its write-ahead log's index),
            // so answers are kept, every certificate's read ahead of the first request.
            #expect(try await Self.eventually { store.registerCache.isListening })
            #expect(try await Self.eventually { store.registerCache.keptCertificates == 1 })
            #expect(try await store.register.publicCertificate(number, asOf: Self.day).state == .valid)
            #expect(try await store.register.board(asOf: Self.day, within: 3650).certificates == 1)
            #expect(store.registerCache.keptCertificates == 1)

            // Written straight into the database by another process (a store of its own, on the same database):
            // seen once the notice arrives (at once on SQLite, whose index the next read looks at).
            let other = try await Store.open(store.configuration, logger: Logger(label: "maturity.tests.other"))
            try await other.database.transaction { sql in
                try await sql.raw(
                    "UPDATE certificates SET organisation_name = '星河暖通（新名）' WHERE number = \(bind: number)"
                ).run()
            }
            #expect(
                try await Self.eventually {
                    try await store.register.publicCertificate(number, asOf: Self.day).organisation == "星河暖通（新名）"
                })
            // The board read again after that change is kept, and let go at the next.
            #expect(try await store.register.board(asOf: Self.day, within: 3650).certificates == 1)
            try await other.database.transaction { sql in
                try await sql.raw("UPDATE certificates SET next_due = NULL WHERE number = \(bind: number)").run()
            }
            try await other.close()
            #expect(
                try await Self.eventually {
                    try await store.register.board(asOf: Self.day, within: 3650).certificates == 0
                })

            // Through this process: the very next read, no waiting.
            _ = try await store.publicCertificateWarm(number, asOf: Self.day)
            try await Self.withdraw(number, in: store, signer: signer)
            #expect(try await store.register.publicCertificate(number, asOf: Self.day).state == .withdrawn)
        }
    }
}

extension Store {
    /// Reads a certificate's public answer twice, so that it is kept where answers are kept.
    fileprivate func publicCertificateWarm(_ number: String, asOf: Day) async throws -> PublicCertificate {
        _ = try await register.publicCertificate(number, asOf: asOf)
        return try await register.publicCertificate(number, asOf: asOf)
    }
}
