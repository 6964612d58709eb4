import SQLKit
import Synchronization
import Testing

@testable import MaturityStore

/// Pending writes of several assessments share transactions (``SharedSends``): at most so many under way, what
/// comes meanwhile goes together, in the order of the assessments' ids, with one outcome for all.
@Suite struct SharedSendsTests {
    /// A database that records the writes of each call by their actors' names, holding the first call until told.
    final class Recording: StoreDatabase {
        let calls = Mutex<[[String]]>([])
        let hold = EditBatchTests.Hold()
        /// What each call answers, after the first.
        let answer = Mutex<Result<Bool, any Error>>(.success(true))
        /// What the first call answers.
        let firstAnswer = Mutex(true)

        var kind: DatabaseKind { .postgres }

        func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
            preconditionFailure("not read")
        }

        func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
            preconditionFailure("not written but in order")
        }

        func writeInOrder(_ writes: [OrderedWrite]) async throws -> Bool {
            let first = calls.withLock { calls in
                defer { calls.append(writes.map(\.actor.name)) }
                return calls.isEmpty
            }
            if first {
                await hold.pass()
                return firstAnswer.withLock { $0 }
            }
            return try answer.withLock { $0 }.get()
        }

        func announceRegisterChanges(to cache: RegisterCache) {}

        func close() async throws {}
    }

    static func writes(_ names: String...) -> [OrderedWrite] {
        names.map { OrderedWrite("SELECT 1", by: AuditActor(name: $0, via: "test")) }
    }

    /// Sends `writes` of the assessments in `order`, the first alone and held until the others queue.
    static func sendWhileHeld(
        _ sends: SharedSends, _ database: Recording, _ writes: [(id: String, writes: [OrderedWrite])]
    ) async throws -> [Result<Bool, any Error>] {
        database.hold.arm()
        return try await withThrowingTaskGroup(of: (Int, Result<Bool, any Error>).self) { group in
            // Released however the test ends: a held task would keep the group, and the test run, waiting.
            defer { database.hold.release() }
            for (index, (id, writes)) in writes.enumerated() {
                group.addTask { (index, await sends.send(writes, of: id, in: database)) }
                if index == 0 { try await database.hold.untilHeld() }
                try await EditBatchTests.eventually("the writes did not queue") { sends.queued == index }
            }
            database.hold.release()
            var outcomes: [(Int, Result<Bool, any Error>)] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    @Test func whatComesWhileOneIsUnderWayGoesTogetherInTheOrderOfTheIds() async throws {
        let database = Recording()
        let sends = SharedSends(width: 1)
        let outcomes = try await Self.sendWhileHeld(
            sends, database,
            [
                ("m", Self.writes("m1")), ("z", Self.writes("z1", "z2")), ("a", Self.writes("a1")),
                ("k", Self.writes("k1")),
            ])
        #expect(database.calls.withLock { $0 } == [["m1"], ["a1", "k1", "z1", "z2"]])
        #expect(outcomes.allSatisfy { (try? $0.get()) == true })
    }

    @Test func noMoreStatementsAreTakenForOneTransactionOnceItHoldsTheMostButAnAssessmentsAreNotSplit() async throws {
        let database = Recording()
        let sends = SharedSends(width: 1, most: 3)
        _ = try await Self.sendWhileHeld(
            sends, database,
            [
                ("a", Self.writes("a1")), ("b", Self.writes("b1", "b2")), ("c", Self.writes("c1", "c2")),
                ("d", Self.writes("d1", "d2", "d3", "d4")),
            ])
        // b and c taken (two, fewer than three, when c came), then none; d alone, all of it.
        #expect(database.calls.withLock { $0 } == [["a1"], ["b1", "b2", "c1", "c2"], ["d1", "d2", "d3", "d4"]])
    }

    /// Writes that follow others wait for them, and go in the very next transaction once they are committed; not at
    /// all if they were not.
    @Test(arguments: [true, false])
    func writesThatFollowOthersGoInTheNextTransactionOnlyIfThoseWereCommitted(_ committed: Bool) async throws {
        let database = Recording()
        database.firstAnswer.withLock { $0 = committed }
        database.hold.arm()
        let sends = SharedSends(width: 1)
        let first = Promised<Result<Bool, any Error>>()
        let follower = Promised<Result<Bool, any Error>>()
        let other = Promised<Result<Bool, any Error>>()
        sends.send(of: "a", in: database, after: nil, take: { Self.writes("a1") }, done: { first.give($0) })
        try await database.hold.untilHeld()
        sends.send(of: "a", in: database, after: first, take: { Self.writes("a2") }, done: { follower.give($0) })
        sends.send(of: "b", in: database, after: nil, take: { Self.writes("b1") }, done: { other.give($0) })
        #expect(sends.queued == 2)
        database.hold.release()
        #expect((try? await first.value.get()) == committed)
        #expect((try? await follower.value.get()) == committed)
        #expect((try? await other.value.get()) == true)
        #expect(database.calls.withLock { $0 } == (committed ? [["a1"], ["a2", "b1"]] : [["a1"], ["b1"]]))
    }

    @Test func theOutcomeOfASharedTransactionIsEveryonesInIt() async throws {
        struct Broken: Error {}
        for answer in [Result<Bool, any Error>.success(false), .failure(Broken())] {
            let database = Recording()
            database.answer.withLock { $0 = answer }
            let sends = SharedSends(width: 1)
            let outcomes = try await Self.sendWhileHeld(
                sends, database, [("a", Self.writes("a1")), ("b", Self.writes("b1")), ("c", Self.writes("c1"))])
            #expect((try? outcomes[0].get()) == true)
            for outcome in outcomes.dropFirst() {
                switch (outcome, answer) {
                case (.success(false), .success(false)): break
                case (.failure(let error), .failure): #expect(error is Broken)
                default: Issue.record("\(outcome) for \(answer)")
                }
            }
        }
    }

    @Test func widthTransactionsGoAtOnce() async throws {
        let database = Recording()
        database.hold.arm()
        let sends = SharedSends(width: 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Released however the test ends: a held task would keep the group, and the test run, waiting.
            defer { database.hold.release() }
            group.addTask { _ = await sends.send(Self.writes("a1"), of: "a", in: database) }
            try await database.hold.untilHeld()
            // A second goes at once, beside the held first.
            #expect((try? await sends.send(Self.writes("b1"), of: "b", in: database).get()) == true)
            #expect(database.calls.withLock { $0 } == [["a1"], ["b1"]])
            database.hold.release()
            try await group.waitForAll()
        }
    }
}
