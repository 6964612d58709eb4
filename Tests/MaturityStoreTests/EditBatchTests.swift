import Foundation
import MaturityStoreTesting
import SQLKit
import Synchronization
import Testing

@testable import MaturityStore

/// PostgreSQL's edits of one assessment that queue for their turn are written together (``EditTurns``): each
/// recorded as its own actor's, all rolled back and made again when one finds the revision moved on, all failed
/// when the writing fails, never more than the limit at once.
@Suite struct EditBatchTests {
    /// The store's database, with the writes in order it is asked for counted (and, when told, failed once).
    final class Counting: StoreDatabase {
        let inner: any StoreDatabase
        /// The number of writes of each call, and whether it wrote them.
        let calls = Mutex<[(count: Int, written: Bool)]>([])
        /// Thrown by the next call instead of writing.
        let failNext = Mutex<(any Error)?>(nil)
        /// Holds the next call, when armed, until released.
        let hold = Hold()

        init(_ inner: any StoreDatabase) { self.inner = inner }

        var kind: DatabaseKind { inner.kind }

        func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
            try await inner.read(body)
        }

        func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
            try await inner.transaction(body)
        }

        func writeInOrder(_ writes: [OrderedWrite]) async throws -> Bool {
            await hold.pass()
            if let failure = failNext.withLock({ failure in
                defer { failure = nil }; return failure
            }) {
                throw failure
            }
            let written = try await inner.writeInOrder(writes)
            calls.withLock { $0.append((writes.count, written)) }
            return written
        }

        func announceRegisterChanges(to cache: RegisterCache) {}

        func sealStagedAuditRecords() async throws { try await inner.sealStagedAuditRecords() }

        func close() async throws {}
    }

    /// The sample stored, and a repository whose writes in order are counted (`limit` edits written together at
    /// most).
    static func counted(_ store: Store, limit: Int = 16) async throws
        -> (seen: AssessmentSnapshot, counting: Counting, repository: AssessmentRepository)
    {
        let counting = Counting(store.database)
        let repository = AssessmentRepository(database: counting, blobs: store.blobs, turns: EditTurns(limit: limit))
        return (try await storeSample(store), counting, repository)
    }

    /// Waits until `condition` holds (at most two minutes), then requires it, saying `what` did not happen. The
    /// limit only keeps a broken test from waiting for ever, and says nothing of speed: the whole suite runs at once
    /// on two threads, and a task these wait for once took over 30 s to get one (a full run failed at 20 s).
    static func eventually(_ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while !condition(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        try #require(condition(), "\(what)")
    }

    /// Holds the first task to pass once armed, until released.
    final class Hold: Sendable {
        private struct State {
            var armed = false
            var held: CheckedContinuation<Void, Never>?
            var released = false
        }

        private let state = Mutex(State())

        func arm() { state.withLock { $0.armed = true } }

        func pass() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    guard state.armed, !state.released, state.held == nil else { return true }
                    state.held = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        }

        /// Waits until a task is held (see ``EditBatchTests/eventually(_:_:)``).
        func untilHeld() async throws {
            try await EditBatchTests.eventually("nothing was held") { state.withLock { $0.held != nil } }
        }

        func release() {
            state.withLock { state in
                state.released = true
                defer { state.held = nil }
                return state.held
            }?.resume()
        }
    }

    /// Waits until `count` reaches `value` (see ``eventually(_:_:)``).
    static func until(_ count: Count, reaches value: Int) async throws {
        try await eventually("fewer than \(value)") { count.value >= value }
    }

    /// `count` more assessments stored as `seen` is (the sample's file with it).
    static func copies(_ count: Int, of seen: AssessmentSnapshot, in store: Store) async throws -> [AssessmentSnapshot]
    {
        var copies: [AssessmentSnapshot] = []
        for _ in 0..<count {
            var copy = seen
            copy.assessment.id = ""
            copies.append(
                try await store.assessments.create(
                    copy, files: ["evidence/a.txt": Data("evidence bytes".utf8)], source: Data("schema: 1\n".utf8)))
        }
        return copies
    }

    /// A count shared by tasks.
    final class Count: Sendable {
        private let count = Mutex(0)

        /// The count before this call, which adds one.
        func next() -> Int {
            count.withLock { count in
                defer { count += 1 }
                return count
            }
        }

        var value: Int { count.withLock { $0 } }
    }

    /// Notes seen by tasks, in the order they saw them.
    final class Notes: Sendable {
        let list = Mutex<[String?]>([])
    }

    /// A snapshot kept by a task for the test.
    final class Kept: Sendable {
        let snapshot = Mutex<AssessmentSnapshot?>(nil)
    }

    /// The actors of the edits, in turn.
    static let actors = [
        AuditActor(name: "alice", via: "session aaaa"), AuditActor(name: "bob", via: "token bbbb"),
        AuditActor(name: "carol", via: "session cccc"),
    ]

    /// Waits until `count` edits wait for `id`'s turn (see ``eventually(_:_:)``).
    static func untilWaiting(_ count: Int, for id: String, in turns: EditTurns) async throws {
        try await eventually("the edits did not queue") { turns.waiting(for: id) == count }
    }

    /// Waits until the first edit is in its body (see ``eventually(_:_:)``).
    static func untilEntered(_ entered: Count) async throws {
        try await until(entered, reaches: 1)
    }

    /// Runs `count` edits of SP-01's note at once, by the actors in turn, through `repository`, knowing `seen`: the
    /// first holds its turn until the others wait for it, in order, then runs `during`. Each is answered only once its note is
    /// stored. Returns the notes written.
    static func editAtOnce(
        _ repository: AssessmentRepository, _ seen: AssessmentSnapshot, count: Int,
        during: @escaping @Sendable () async throws -> Void = {}
    ) async throws -> [String] {
        let id = seen.assessment.id
        let entered = Count()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                let actor = actors[index % actors.count]
                let note = "\(actor.name) \(index)"
                group.addTask {
                    let (edited, _) = try await AuditContext.$actor.withValue(actor) {
                        try await repository.edit(id, known: seen) { current, _ in
                            if entered.next() == 0 {
                                try await untilWaiting(count - 1, for: id, in: repository.turns)
                                try await during()
                            }
                            var next = current
                            next.criteria[0].note = note
                            return (next, ())
                        }
                    }
                    // Answered once stored: what anyone reads now is that revision or a later one.
                    #expect(try await repository.get(id).assessment.revision >= edited.assessment.revision)
                }
                // The first takes the turn; the others come while it holds it, one after another.
                if index == 0 { try await untilEntered(entered) }
                if index > 0, index < count - 1 { try await untilWaiting(index, for: id, in: repository.turns) }
            }
            try await group.waitForAll()
        }
        return (0..<count).map { "\(actors[$0 % actors.count].name) \($0)" }
    }

    /// Each note written is in the trail as its writer's, once.
    static func expectEachRecordedAsItsWriters(_ store: Store, _ id: String, notes: [String]) async throws {
        let records = try await store.audit.records(kind: "criterion_entries", id: id, limit: 1000)
            .filter { $0.action == "update" && $0.objectId.hasSuffix("/SP-01") }
        #expect(records.count == notes.count)
        for note in notes {
            let matching = records.filter { $0.newValue?.contains("\"note\":\"\(note)\"") == true }
            #expect(matching.count == 1, "\(note) recorded \(matching.count) times")
            let writer = String(note.prefix { $0 != " " })
            #expect(matching.first?.actor == writer, "\(note) recorded as \(matching.first?.actor ?? "nobody")")
            #expect(matching.first?.via == actors.first { $0.name == writer }?.via)
        }
    }

    /// Edits that queue behind one another are written together, and each is in the trail as made by whoever made
    /// it (the session stamped for each write whose actor it does not hold); the session's last stamp is remembered
    /// as it is, so that the next change on that connection is recorded as its own maker's too.
    @Test func editsThatQueueAreWrittenTogetherEachRecordedAsItsOwn() async throws {
        try await TestDatabase.postgres.withStore { store in
            let (seen, counting, repository) = try await Self.counted(store)
            let id = seen.assessment.id
            // Alice first, Carol last: the session holds Carol's stamp after.
            let notes = try await Self.editAtOnce(repository, seen, count: 6)
            let calls = counting.calls.withLock { $0 }
            #expect(calls.map { $0.count } == [6])
            #expect(calls.allSatisfy { $0.written })
            let stored = try await store.assessments.get(id)
            #expect(stored.assessment.revision == seen.assessment.revision + 6)
            #expect(stored.criterion("SP-01")?.version == seen.criterion("SP-01")!.version + 6)
            #expect(stored.criterion("SP-01")?.note == notes.last)
            try await Self.expectEachRecordedAsItsWriters(store, id, notes: notes)
            // Alice again, on every connection of the pool (eight at once, each held a moment), so on the one that
            // wrote the six among them too.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await AuditContext.$actor.withValue(Self.actors[0]) {
                            try await store.database.transaction { sql in
                                try await sql.raw(
                                    "INSERT INTO register_settings (name, value) VALUES (\(bind: "after \(index)"), 'x')"
                                ).run()
                                try await Task.sleep(for: .milliseconds(300))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let after = try await store.audit.records(kind: "register_settings", limit: 100)
            #expect(after.count == 8)
            #expect(after.allSatisfy { $0.actor == "alice" }, "\(after.map(\.actor))")
        }
    }

    /// No more edits are written together than the limit.
    @Test func noMoreAreWrittenTogetherThanTheLimit() async throws {
        try await TestDatabase.postgres.withStore { store in
            let (seen, counting, repository) = try await Self.counted(store, limit: 2)
            _ = try await Self.editAtOnce(repository, seen, count: 7)
            let calls = counting.calls.withLock { $0 }
            #expect(calls.map { $0.count } == [2, 2, 2, 1], "\(calls.map { $0.count })")
            #expect(
                try await store.assessments.get(seen.assessment.id).assessment.revision == seen.assessment.revision + 7)
        }
    }

    /// Another process's edit lands while edits queue: the first of them finds the revision moved on, nothing of
    /// theirs is written, and each is made again against what is stored — nothing lost, nobody's overwritten.
    @Test func editsWrittenTogetherAfterAnotherProcesssEditAreMadeAgainAndKeepIt() async throws {
        try await TestDatabase.postgres.withStore { store in
            let (seen, counting, repository) = try await Self.counted(store)
            let id = seen.assessment.id
            let notes = try await Self.editAtOnce(repository, seen, count: 5) {
                try await editAsAnotherProcess(store, id, criterion: "SP-02", setting: "na", to: "theirs")
            }
            let calls = counting.calls.withLock { $0 }
            #expect(calls.map { "\($0.count) \($0.written)" } == ["5 false"])
            let stored = try await store.assessments.get(id)
            #expect(stored.criterion("SP-02")?.na == "theirs")
            #expect(stored.assessment.revision == seen.assessment.revision + 1 + 5)
            #expect(stored.criterion("SP-01")?.version == seen.criterion("SP-01")!.version + 5)
            try await Self.expectEachRecordedAsItsWriters(store, id, notes: notes)
        }
    }

    /// An edit that is not of one row (here the header) waits behind queued edits whose writes are then rolled
    /// back, another process having edited twice meanwhile: it is made against what is stored — not against what
    /// they would have left, at the very revision the other process reached.
    @Test func anEditBehindWritesRolledBackIsMadeAgainstWhatIsStored() async throws {
        try await TestDatabase.postgres.withStore { store in
            let (seen, counting, repository) = try await Self.counted(store)
            let id = seen.assessment.id
            let entered = Count()
            let checkedAgainst = Kept()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<3 {
                    group.addTask {
                        let (_, against) = try await repository.edit(id, known: seen) { current, _ in
                            var next = current
                            if index == 2 {
                                next.assessment.assessor = "赵六"
                                return (next, Optional(current))
                            }
                            if entered.next() == 0 {
                                try await Self.untilWaiting(2, for: id, in: repository.turns)
                                // Another process, twice: the revision two on, where the two notes would take it.
                                for na in ["theirs", "theirs again"] {
                                    try await editAsAnotherProcess(store, id, criterion: "SP-02", setting: "na", to: na)
                                }
                            }
                            next.criteria[0].note = "note \(index)"
                            return (next, nil)
                        }
                        if let against { checkedAgainst.snapshot.withLock { $0 = against } }
                    }
                    if index == 0 { try await Self.untilEntered(entered) }
                    if index == 1 { try await Self.untilWaiting(1, for: id, in: repository.turns) }
                }
                try await group.waitForAll()
            }
            #expect(counting.calls.withLock { $0.map { "\($0.count) \($0.written)" } } == ["2 false"])
            let stored = try await store.assessments.get(id)
            #expect(stored.criterion("SP-02")?.na == "theirs again")
            #expect(stored.criterion("SP-02")?.version == seen.criterion("SP-02")!.version + 2)
            #expect(stored.assessment.assessor == "赵六")
            // Checked against what the other process stored, not against the notes that were never written.
            let against = try #require(checkedAgainst.snapshot.withLock { $0 })
            #expect(against.criterion("SP-02")?.na == "theirs again")
            #expect(stored.criterion("SP-01")?.version == seen.criterion("SP-01")!.version + 2)
            #expect(stored.assessment.revision == seen.assessment.revision + 2 + 3)
        }
    }

    /// Writing them fails: every edit among them gets the error, nothing of theirs is stored, and the next edit
    /// starts from what is stored, not from what they would have left.
    @Test func whenWritingThemFailsEveryEditAmongThemFailsAndTheNextStartsFromWhatIsStored() async throws {
        struct Broken: Error {}
        try await TestDatabase.postgres.withStore { store in
            let (seen, counting, repository) = try await Self.counted(store)
            let id = seen.assessment.id
            let failures = Count()
            let entered = Count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        do {
                            _ = try await repository.edit(id, known: seen) { current, _ in
                                if entered.next() == 0 {
                                    try await Self.untilWaiting(3, for: id, in: repository.turns)
                                    counting.failNext.withLock { $0 = Broken() }
                                }
                                var next = current
                                next.criteria[0].note = "lost \(index)"
                                return (next, ())
                            }
                        } catch is Broken {
                            _ = failures.next()
                        }
                    }
                    if index == 0 { try await Self.untilEntered(entered) }
                }
                try await group.waitForAll()
            }
            #expect(failures.value == 4)
            let stored = try await store.assessments.get(id)
            #expect(stored == seen)
            let (after, _) = try await repository.edit(id, known: seen) { current, _ in
                var next = current
                next.criteria[0].note = "kept"
                return (next, ())
            }
            #expect(after.assessment.revision == seen.assessment.revision + 1)
            #expect(try await store.assessments.get(id) == after)
            // Written at once, not checked against what the failed writes would have left and then made again.
            #expect(counting.calls.withLock { $0.map { $0.written } } == [true])
        }
    }

    /// Edits that come while the assessment's writes are sent are checked at once, against what those will store
    /// (their turn does not wait for the commit), and written together once those are committed.
    @Test func editsThatComeWhileWritesAreSentAreCheckedAtOnceAndWrittenAfterThem() async throws {
        try await TestDatabase.postgres.withStore { store in
            let (seen, counting, repository) = try await Self.counted(store)
            let id = seen.assessment.id
            counting.hold.arm()
            let checked = Count()
            let answered = Count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Released however the test ends: a held task would keep the group, and the test run, waiting.
                defer { counting.hold.release() }
                for (index, note) in ["first", "second", "third"].enumerated() {
                    group.addTask {
                        let (edited, _) = try await repository.edit(id, known: seen) { current, _ in
                            // Each against what the one before it will store, though that is not committed.
                            let before = index == 0 ? seen.criterion("SP-01")?.note : ["first", "second"][index - 1]
                            #expect(current.criterion("SP-01")?.note == before)
                            #expect(current.assessment.revision == seen.assessment.revision + index)
                            _ = checked.next()
                            var next = current
                            next.criteria[0].note = note
                            return (next, ())
                        }
                        _ = answered.next()
                        #expect(try await store.assessments.get(id).assessment.revision >= edited.assessment.revision)
                    }
                    if index == 0 { try await counting.hold.untilHeld() }
                    try await Self.until(checked, reaches: index + 1)
                }
                // All three checked while the first's writes are held, none answered.
                #expect(answered.value == 0)
                counting.hold.release()
                try await group.waitForAll()
            }
            #expect(counting.calls.withLock { $0.map { "\($0.count) \($0.written)" } } == ["1 true", "2 true"])
            let stored = try await store.assessments.get(id)
            #expect(stored.assessment.revision == seen.assessment.revision + 3)
            #expect(stored.criterion("SP-01")?.note == "third")
            #expect(stored.criterion("SP-01")?.version == seen.criterion("SP-01")!.version + 3)
        }
    }

    /// When the writes an edit's check followed fail, its own are not sent: it is made again, against what is
    /// stored (their change was never written), and the failure is theirs alone.
    @Test func anEditCheckedAgainstWritesThatFailIsMadeAgainAgainstWhatIsStored() async throws {
        struct Broken: Error {}
        try await TestDatabase.postgres.withStore { store in
            let (seen, counting, repository) = try await Self.counted(store)
            let id = seen.assessment.id
            counting.hold.arm()
            counting.failNext.withLock { $0 = Broken() }
            let checkedAgainst = Notes()
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Released however the test ends: a held task would keep the group, and the test run, waiting.
                defer { counting.hold.release() }
                group.addTask {
                    await #expect(throws: Broken.self) {
                        try await repository.edit(id, known: seen) { current, _ in
                            var next = current
                            next.criteria[0].note = "lost"
                            return (next, ())
                        }
                    }
                }
                try await counting.hold.untilHeld()
                group.addTask {
                    let (edited, _) = try await repository.edit(id, known: seen) { current, _ in
                        checkedAgainst.list.withLock { $0.append(current.criterion("SP-01")?.note) }
                        var next = current
                        next.criteria[1].na = "kept"
                        return (next, ())
                    }
                    #expect(edited.assessment.revision == seen.assessment.revision + 1)
                }
                try await Self.eventually("the second edit was not checked") {
                    !checkedAgainst.list.withLock { $0.isEmpty }
                }
                counting.hold.release()
                try await group.waitForAll()
            }
            // Checked first against the failed note, then again against what is stored.
            #expect(checkedAgainst.list.withLock { $0 } == ["lost", "note"])
            // Its writes never sent: made again under the row lock.
            #expect(counting.calls.withLock { $0.isEmpty })
            let stored = try await store.assessments.get(id)
            #expect(stored.criterion("SP-01")?.note == "note")
            #expect(stored.criterion("SP-02")?.na == "kept")
            #expect(stored.assessment.revision == seen.assessment.revision + 1)
        }
    }

    /// Writes of several assessments that come while others are sent go in one transaction, in the order of the
    /// assessments' ids, each recorded as its own.
    @Test func writesOfSeveralAssessmentsGoTogether() async throws {
        try await TestDatabase.postgres.withStore { store in
            let (seen, counting, repository) = try await Self.counted(store)
            let others = try await Self.copies(2, of: seen, in: store)
            counting.hold.arm()
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Released however the test ends: a held task would keep the group, and the test run, waiting.
                defer { counting.hold.release() }
                for (index, snapshot) in ([seen] + others).enumerated() {
                    group.addTask {
                        try await AuditContext.$actor.withValue(Self.actors[index]) {
                            _ = try await repository.edit(snapshot.assessment.id, known: snapshot) { current, _ in
                                var next = current
                                next.criteria[0].note = "\(Self.actors[index].name) \(index)"
                                return (next, ())
                            }
                        }
                    }
                    if index == 0 { try await counting.hold.untilHeld() }
                }
                // The two others queue behind the held transaction.
                try await Self.eventually("the writes did not queue") { repository.turns.queued == 2 }
                counting.hold.release()
                try await group.waitForAll()
            }
            #expect(counting.calls.withLock { $0.map { "\($0.count) \($0.written)" } } == ["1 true", "2 true"])
            for (index, snapshot) in ([seen] + others).enumerated() {
                let id = snapshot.assessment.id
                #expect(try await store.assessments.get(id).assessment.revision == snapshot.assessment.revision + 1)
                try await Self.expectEachRecordedAsItsWriters(store, id, notes: ["\(Self.actors[index].name) \(index)"])
            }
        }
    }

    /// Another process's transaction takes the rows' locks in another order than a shared transaction (the second
    /// assessment's, then the first's): PostgreSQL ends the deadlock by rolling back the shared transaction, and its
    /// edits are each made again on their own — none fails.
    @Test func editsOfASharedTransactionChosenToEndADeadlockAreMadeAgain() async throws {
        try await TestDatabase.postgres.withStore { store in
            let (seen, counting, repository) = try await Self.counted(store)
            var others = try await Self.copies(2, of: seen, in: store)
            others.sort { $0.assessment.id < $1.assessment.id }
            let (first, second) = (others[0].assessment.id, others[1].assessment.id)
            counting.hold.arm()
            let locked = Count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Released however the test ends: a held task would keep the group, and the test run, waiting.
                defer { counting.hold.release() }
                group.addTask {
                    _ = try await repository.edit(seen.assessment.id, known: seen) { current, _ in
                        var next = current
                        next.criteria[0].note = "held"
                        return (next, ())
                    }
                }
                try await counting.hold.untilHeld()
                for snapshot in others {
                    group.addTask {
                        _ = try await repository.edit(snapshot.assessment.id, known: snapshot) { current, _ in
                            var next = current
                            next.criteria[0].note = "shared"
                            return (next, ())
                        }
                    }
                }
                try await Self.eventually("the writes did not queue") { repository.turns.queued == 2 }
                // The other process: the second assessment's row, then (once the shared transaction waits for it,
                // holding the first's) the first's.
                group.addTask {
                    try await store.database.transaction { sql in
                        try await sql.raw("SELECT id FROM assessments WHERE id = \(bind: second) FOR UPDATE").run()
                        _ = locked.next()
                        try await Task.sleep(for: .milliseconds(400))
                        try await sql.raw("SELECT id FROM assessments WHERE id = \(bind: first) FOR UPDATE").run()
                    }
                }
                try await Self.until(locked, reaches: 1)
                counting.hold.release()
                try await group.waitForAll()
            }
            // The shared transaction rolled back (not failed), its two edits made again, each on its own.
            #expect(counting.calls.withLock { $0.map { "\($0.count) \($0.written)" } } == ["1 true", "2 false"])
            for snapshot in others {
                let stored = try await store.assessments.get(snapshot.assessment.id)
                #expect(stored.criterion("SP-01")?.note == "shared")
                #expect(stored.assessment.revision == snapshot.assessment.revision + 1)
            }
        }
    }

    /// Writes of one assessment that do not expect the revisions one after another (the second expects the first's
    /// own) are not made as one raising of the revision: each checks its own, and nothing is written.
    @Test func writesThatDoNotExpectConsecutiveRevisionsAreEachChecked() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            func write(_ note: String) -> OrderedWrite {
                OrderedWrite(
                    OrderedWrite.Part(
                        assessment: id, revision: seen.assessment.revision, updatedAt: "then",
                        table: "criterion_entries", key: "criterion", row: "SP-01", values: [("note", note)],
                        versioned: true),
                    by: Self.actors[0])
            }
            let writes = [write("mine"), write("theirs")]
            #expect(!OrderedWrite.consecutive(writes.compactMap(\.part)))
            #expect(try await store.database.writeInOrder(writes) == false)
            #expect(try await store.assessments.get(id) == seen)
        }
    }
}
