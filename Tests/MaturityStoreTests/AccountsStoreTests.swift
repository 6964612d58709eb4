import Foundation
import MaturityStore
import MaturityStoreTesting
import SQLKit
import Synchronization
import Testing

@Suite struct AccountsStoreTests {
    @Test(arguments: TestDatabase.allCases)
    func usersKeepRolesAndANameIsTakenOnce(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let organisation = try await store.organisations.create(name: "星河暖通")
            #expect(try await store.users.count() == 0)
            let user = try await store.users.create(
                name: "wang", displayName: "王丽", language: "zh", passwordHash: "$2b$12$x",
                roles: [RoleAssignment(role: .companyMember, organisationId: organisation.id, domain: "D3")])
            #expect(user.roles == [RoleAssignment(role: .companyMember, organisationId: organisation.id, domain: "D3")])
            await #expect(throws: StoreError.duplicate(kind: "user", id: "wang")) {
                _ = try await store.users.create(
                    name: "wang", displayName: "x", language: "en", passwordHash: "h", roles: [])
            }
            let more = try await store.users.assign("wang", RoleAssignment(role: .reviewer))
            #expect(more.roles.count == 2)
            #expect(try await store.users.unassign("wang", RoleAssignment(role: .reviewer)))
            #expect(try await store.users.named("wang").roles.count == 1)
            #expect(try await store.users.credentials(name: "wang")?.passwordHash == "$2b$12$x")
            #expect(try await store.users.credentials(name: "nobody") == nil)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func sessionsEndWhenIdleOrOldAndAtAPasswordChange(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let user = try await store.users.create(
                name: "li", displayName: "李", language: "zh", passwordHash: "h", roles: [])
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            for id in ["a", "b", "c"] {
                try await store.sessions.create(
                    idHash: id, user: user.id, csrf: "t", address: nil, now: start,
                    expires: start.addingTimeInterval(3600))
            }
            #expect(try await store.sessions.find(idHash: "a", now: start.addingTimeInterval(60), idle: 600) != nil)
            // Idle for longer than allowed: gone, and removed.
            #expect(try await store.sessions.find(idHash: "b", now: start.addingTimeInterval(601), idle: 600) == nil)
            // Past the absolute end though used a moment ago.
            #expect(try await store.sessions.find(idHash: "a", now: start.addingTimeInterval(3601), idle: 1e6) == nil)
            #expect(try await store.sessions.count(user: user.id) == 1)
            try await store.users.setPassword(user.id, hash: "new")
            #expect(try await store.sessions.count(user: user.id) == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func tokensAreFoundByHashUntilRevokedOrTheUserIsDisabled(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let user = try await store.users.create(
                name: "ci", displayName: "CI", language: "en", passwordHash: "h", roles: [])
            _ = try await store.tokens.create(user: user.id, name: "one", tokenHash: "hash1")
            _ = try await store.tokens.create(user: user.id, name: "two", tokenHash: "hash2")
            #expect(try await store.tokens.find(tokenHash: "hash1")?.user == user.id)
            #expect(try await store.tokens.revoke(user: user.id, name: "one"))
            #expect(try await store.tokens.find(tokenHash: "hash1") == nil)
            #expect(try await store.tokens.revoke(user: user.id, name: "one") == false)
            _ = try await store.users.setDisabled("ci", true)
            #expect(try await store.tokens.find(tokenHash: "hash2") == nil)
        }
    }
}

@Suite struct AuditTrailTests {
    @Test(arguments: TestDatabase.allCases)
    func everyChangeIsRecordedWithItsActorAndOnlyWhatChanged(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let actor = AuditActor(name: "zheng", via: "session 12345678")
            let organisation = try await AuditContext.$actor.withValue(actor) {
                try await store.organisations.create(name: "Old name")
            }
            _ = try await AuditContext.$actor.withValue(actor) {
                try await store.organisations.update(organisation.id, name: "New name", sites: nil, expectedVersion: 1)
            }
            let records = try await store.audit.records(kind: "organisations", id: organisation.id)
            #expect(records.map(\.action) == ["insert", "update"])
            #expect(records.allSatisfy { $0.actor == "zheng" && $0.via == "session 12345678" })
            let update = try #require(records.last)
            #expect(update.oldValue?.contains("\"name\":\"Old name\"") == true)
            #expect(update.newValue?.contains("\"name\":\"New name\"") == true)
            #expect(update.oldValue?.contains("created_at") == false)
            #expect(try await store.audit.verify().problems.isEmpty)
        }
    }

    /// Transactions and readers of the trail sealing at the same time (on PostgreSQL each on a connection of its
    /// own, and the server's sealer besides) take turns on the chain: every record follows the one committed
    /// before it, none is lost or forked, and no reader fails.
    @Test(arguments: TestDatabase.allCases)
    func transactionsSealingAtOnceChainTheirRecordsOneAfterAnother(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let count = 24
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<count {
                    group.addTask {
                        _ = try await store.organisations.create(name: "Concurrent \(index)")
                        // Each reader seals what it finds staged: rows of its own change and of others'.
                        let problems = try await store.audit.verify().problems
                        #expect(problems.isEmpty, "\(problems)")
                    }
                }
                try await group.waitForAll()
            }
            let records = try await store.audit.records(kind: "organisations", limit: 1000)
            #expect(records.filter { $0.action == "insert" }.count == count)
            let verification = try await store.audit.verify()
            #expect(verification.problems.isEmpty, "\(verification.problems)")
        }
    }

    /// On PostgreSQL a transaction's changes are chained after it commits, so a writer never waits for another
    /// one's commit: a change commits while someone else holds the chain (here, for up to 10 s), and is recorded
    /// once the chain is free. (Sealed before the commit, it waited for the chain, and the holder gave up.)
    @Test func aChangeCommitsWhileTheChainIsHeldAndIsRecordedAfter() async throws {
        try await TestDatabase.postgres.withStore { store in
            let state = Mutex((held: false, committed: false))
            let holder = Task {
                try await store.database.transaction { sql in
                    // The chain's lock (`AuditTrail.chainLock`), as a seal takes it.
                    try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: 7_317_021))").run()
                    state.withLock { $0.held = true }
                    for _ in 0..<200 {
                        if state.withLock({ $0.committed }) { return true }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    return false
                }
            }
            while !state.withLock({ $0.held }) { try await Task.sleep(for: .milliseconds(10)) }
            let organisation = try await AuditContext.$actor.withValue(AuditActor(name: "wang", via: "token 7")) {
                try await store.organisations.create(name: "While the chain is held")
            }
            state.withLock { $0.committed = true }
            #expect(try await holder.value, "the change waited for the chain's lock")
            let records = try await store.audit.records(kind: "organisations", id: organisation.id)
            #expect(records.map(\.action) == ["insert"])
            #expect(records.first?.actor == "wang")
            #expect(records.first?.via == "token 7")
            #expect(try await store.audit.verify().problems.isEmpty)
        }
    }

    /// A seal takes the chain first, then the rows staged when it began, and leaves those committed meanwhile to
    /// the next one: a reader of the trail is answered while others go on writing, and every change committed is
    /// recorded once. (A seal that took rows until none were left never ended under a steady stream of commits;
    /// one that took rows before the chain could meet only rows another seal was taking, stop, and leave the rest
    /// staged.) Two writers, fifty changes a transaction, on few connections: the suite's other tests share the
    /// database's connection slots.
    @Test func aReaderOfTheTrailIsAnsweredWhileOthersGoOnWriting() async throws {
        try await TestDatabase.postgres.withStore { store in
            let shared = Writing()
            let deadline = ContinuousClock.now + .seconds(30)
            let writers = (0..<2).map { _ in
                Task {
                    while !shared.state.withLock({ $0.stop }), ContinuousClock.now < deadline {
                        // Fifty changes a transaction: staged rows arrive faster than a seal chains them.
                        try await store.database.transaction { sql in
                            let names = (0..<50).map { _ in UUID().uuidString }
                            var insert: SQLQueryString = "INSERT INTO register_settings (name, value) VALUES "
                            for (index, name) in names.enumerated() {
                                insert += index == 0 ? "(\(bind: name), 'v')" : ", (\(bind: name), 'v')"
                            }
                            try await sql.raw(insert).run()
                        }
                        shared.state.withLock { $0.written += 50 }
                    }
                }
            }
            while shared.state.withLock({ $0.written }) < 2_000 { try await Task.sleep(for: .milliseconds(10)) }
            let verification = try await store.audit.verify()
            let writing = ContinuousClock.now < deadline
            shared.state.withLock { $0.stop = true }
            for writer in writers { try await writer.value }
            #expect(writing, "the trail was read only once the writers had stopped")
            #expect(verification.problems.isEmpty)
            // Every change committed is recorded once (counted in the table: a commit whose answer was lost counts).
            let stored = try await store.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM register_settings").first()?.decode(
                    column: "n", as: Int.self)
            }
            let final = try await store.audit.verify()
            let staged = try await store.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM audit_pending").first()?.decode(column: "n", as: Int.self)
            }
            #expect(final.count == stored, "\(final.count) records for \(stored ?? -1) changes, \(staged ?? -1) staged")
            #expect(stored ?? 0 >= shared.state.withLock { $0.written })
        }
    }

    /// What the writers of ``aReaderOfTheTrailIsAnsweredWhileOthersGoOnWriting()`` share.
    private final class Writing: Sendable {
        let state = Mutex((stop: false, written: 0))
    }

    /// A change made outside the store (psql: nothing says who writes) is recorded as such, whoever reads the
    /// trail and so seals it — not as the reader.
    @Test func aChangeMadeOutsideTheStoreIsRecordedAsSuchWhoeverSealsIt() async throws {
        try await TestDatabase.postgres.withStore { store in
            try await store.database.transaction { sql in
                try await sql.raw(
                    """
                    SELECT set_config('maturity.actor', '', true), set_config('maturity.via', '', true), \
                    set_config('maturity.at', '', true)
                    """
                ).run()
                try await sql.raw("INSERT INTO register_settings (name, value) VALUES ('psql', 'x')").run()
            }
            let records = try await AuditContext.$actor.withValue(AuditActor(name: "reader", via: "session 1")) {
                try await store.audit.records(kind: "register_settings", id: "psql")
            }
            #expect(records.map(\.actor) == ["system"])
            #expect(records.first?.via == "outside the store")
        }
    }

    /// A staged row is recorded as it was stamped when the change was made — who, how and when — whoever seals
    /// it and whenever (on PostgreSQL, a row a process killed after its commit left staged is sealed later, by
    /// another transaction, reader or process).
    @Test(arguments: TestDatabase.allCases)
    func aStagedRowIsRecordedAsStamped(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            try await store.database.transaction { sql in
                try await sql.raw(
                    """
                    INSERT INTO audit_pending (object_kind, object_id, action, old_value, new_value, actor, via, at)
                    VALUES ('user', 'li', 'login', NULL, NULL, 'li', 'session 0badcafe', '2026-12-01T08:00:00Z')
                    """
                ).run()
            }
            let records = try await AuditContext.$actor.withValue(AuditActor(name: "someone", via: "else")) {
                try await store.audit.records(kind: "user", id: "li")
            }
            #expect(records.count == 1)
            #expect(records.first?.actor == "li")
            #expect(records.first?.via == "session 0badcafe")
            #expect(records.first?.at == "2026-12-01T08:00:00Z")
            #expect(try await store.audit.verify().problems.isEmpty)
        }
    }

    /// A transaction's records are written several to a statement (500 at most): 1,201 changes in one transaction
    /// become 1,201 records, numbered on, each following the one before, and the queue is left empty.
    @Test(arguments: TestDatabase.allCases)
    func manyChangesInOneTransactionAreChainedInOrder(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let before = try await store.audit.verify().count
            try await store.database.transaction { sql in
                for index in 0..<1_201 {
                    try await sql.raw(
                        "INSERT INTO register_settings (name, value) VALUES (\(bind: "n\(index)"), \(bind: "v\(index)"))"
                    ).run()
                }
            }
            let verification = try await store.audit.verify()
            #expect(verification.problems.isEmpty)
            #expect(verification.count == before + 1_201)
            let records = try await store.audit.records(kind: "register_settings", id: "n1200")
            #expect(records.map(\.action) == ["insert"])
            let pending = try await store.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM audit_pending").first()?.decode(column: "n", as: Int.self)
            }
            #expect(pending == 0)
        }
    }

    /// Records holding large values are written a few to a statement (about 16 MB each): four 6 MB settings
    /// in one transaction take two statements and are chained and kept whole.
    @Test(arguments: TestDatabase.allCases)
    func largeRecordsAreSplitAcrossStatementsAndKeptWhole(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let before = try await store.audit.verify().count
            let large = String(repeating: "售后服务", count: 500_000)  // 6 MB of UTF-8
            try await store.database.transaction { sql in
                for index in 0..<4 {
                    try await sql.raw(
                        "INSERT INTO register_settings (name, value) VALUES (\(bind: "big\(index)"), \(bind: large))"
                    ).run()
                }
            }
            let verification = try await store.audit.verify()
            #expect(verification.problems.isEmpty)
            #expect(verification.count == before + 4)
            let record = try #require(try await store.audit.records(kind: "register_settings", id: "big3").first)
            #expect(record.newValue?.contains(large) == true)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aChangeRolledBackLeavesNoRecordAndSecretsNeverEnter(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let before = try await store.audit.verify().count
            await #expect(throws: StoreError.notFound(kind: "organisation", id: "missing")) {
                try await store.database.transaction { sql in
                    try await sql.raw("INSERT INTO register_settings (name, value) VALUES ('x', 'y')").run()
                    throw StoreError.notFound(kind: "organisation", id: "missing")
                }
            }
            #expect(try await store.audit.verify().count == before)
            let user = try await store.users.create(
                name: "secret", displayName: "S", language: "en", passwordHash: "$2b$12$SECRETHASH", roles: [])
            try await store.users.setPassword(user.id, hash: "$2b$12$OTHERHASH")
            let text = try await store.audit.records(id: user.id).map { "\($0.oldValue ?? "") \($0.newValue ?? "")" }
            #expect(text.count == 2)
            #expect(!text.joined().contains("HASH"))
            #expect(text.last?.contains("\"password_hash\":\"(hidden)\"") == true)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func everyTableButTheExemptOnesIsWatched(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            // A table added by any migration gets its triggers at the next start.
            try await store.database.transaction { sql in
                try await sql.raw("INSERT INTO register_settings (name, value) VALUES ('body', '华信认证中心')").run()
            }
            let records = try await store.audit.records(kind: "register_settings")
            #expect(records.map(\.objectId) == ["body"])
        }
    }

    /// Tampers with the stored trail the way someone with database access would, and expects `verify` to name
    /// the record.
    @Test(arguments: TestDatabase.allCases)
    func verifyNamesARecordEditedRemovedOrReordered(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            for name in ["A", "B", "C", "D", "E", "F"] { _ = try await store.organisations.create(name: name) }
            let clean = try await store.audit.verify()
            #expect(clean.problems.isEmpty)
            #expect(clean.count == 6)
            func tamper(_ statement: String) async throws {
                try await store.database.transaction { sql in try await sql.raw(SQLQueryString(statement)).run() }
            }
            try await tamper("UPDATE audit_log SET new_value = REPLACE(new_value, '\"B\"', '\"X\"') WHERE seq = 2")
            #expect(
                try await store.audit.verify().problems == [
                    "record 2 was edited: its content no longer matches its hash"
                ])
            try await tamper("DELETE FROM audit_log WHERE seq = 2")
            #expect(try await store.audit.verify().problems.first == "record 2 was removed")
            // Swap two records' places (numbers kept, contents exchanged through a spare number).
            try await tamper("UPDATE audit_log SET seq = 100 WHERE seq = 4")
            try await tamper("UPDATE audit_log SET seq = 4 WHERE seq = 5")
            try await tamper("UPDATE audit_log SET seq = 5 WHERE seq = 100")
            let problems = try await store.audit.verify().problems
            #expect(problems.contains("record 4 was edited: its content no longer matches its hash"))
            #expect(problems.contains("record 5 was edited: its content no longer matches its hash"))
            #expect(problems.contains { $0.hasPrefix("record 6 does not follow record 5") })
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aRecordReplacedWithAFreshlyHashedOneBreaksTheChainAfterIt(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            for name in ["A", "B", "C"] { _ = try await store.organisations.create(name: name) }
            let second = try #require(try await store.audit.records().first { $0.seq == 2 })
            var forged = second
            forged.newValue = second.newValue?.replacingOccurrences(of: "\"B\"", with: "\"X\"")
            forged.hash = forged.computedHash
            let hash = forged.hash
            let value = forged.newValue
            try await store.database.transaction { sql in
                try await sql.raw(
                    "UPDATE audit_log SET new_value = \(bind: value), hash = \(bind: hash) WHERE seq = 2"
                ).run()
            }
            #expect(
                try await store.audit.verify().problems == [
                    "record 3 does not follow record 2: records were reordered, or one before it was removed or replaced"
                ])
        }
    }
}
