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

        init(_ inner: any StoreDatabase) { self.inner = inner }

        var kind: DatabaseKind { inner.kind }

        func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
            try await inner.read(body)
        }

        func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
            try await inner.transaction(body)
        }

        func writeInOrder(_ writes: [OrderedWrite]) async throws -> Bool {
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

    /// A count shared by tasks.
    final class Count: Sendable {
        private let value = Mutex(0)

        /// The count before this call, which adds one.
        func next() -> Int {
            value.withLock { value in
                defer { value += 1 }; return value
            }
        }
    }

    /// The actors of the edits, in turn.
    static let actors = [
        AuditActor(name: "alice", via: "session aaaa"), AuditActor(name: "bob", via: "token bbbb"),
        AuditActor(name: "carol", via: "session cccc"),
    ]

    /// Runs `count` edits of SP-01's note at once, by the actors in turn, through `repository`, knowing `seen`: the first
    /// holds its turn for `hold` (the others queue behind it), after `during` ran. Returns the notes written.
    static func editAtOnce(
        _ repository: AssessmentRepository, _ seen: AssessmentSnapshot, count: Int, hold: Duration = .milliseconds(300),
        during: @escaping @Sendable () async throws -> Void = {}
    ) async throws -> [String] {
        let started = Count()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                let actor = actors[index % actors.count]
                let note = "\(actor.name) \(index)"
                group.addTask {
                    try await AuditContext.$actor.withValue(actor) {
                        _ = try await repository.edit(seen.assessment.id, known: seen) { current, _ in
                            if started.next() == 0 {
                                try await during()
                                try await Task.sleep(for: hold)
                            }
                            var next = current
                            next.criteria[0].note = note
                            return (next, ())
                        }
                    }
                }
                // The first takes the turn; the others come while it holds it.
                if index == 0 { try await Task.sleep(for: .milliseconds(50)) }
            }
            try await group.waitForAll()
        }
        return (0..<count).map { "\(actors[$0 % actors.count].name) \($0)" }
    }

    /// Each note written is in the trail as its writer's, once; the last note stored is the last recorded.
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
    /// it (the session stamped for each write whose actor it does not hold).
    @Test func editsThatQueueAreWrittenTogetherEachRecordedAsItsOwn() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let counting = Counting(store.database)
            let repository = AssessmentRepository(database: counting, blobs: store.blobs, turns: EditTurns())
            let notes = try await Self.editAtOnce(repository, seen, count: 7)
            let calls = counting.calls.withLock { $0 }
            #expect(calls.map { $0.count }.reduce(0, +) == 7)
            #expect(calls.allSatisfy { $0.written })
            #expect(calls.contains { $0.count > 1 }, "written together: \(calls.map { $0.count })")
            let stored = try await store.assessments.get(id)
            #expect(stored.assessment.revision == seen.assessment.revision + 7)
            #expect(stored.criterion("SP-01")?.version == seen.criterion("SP-01")!.version + 7)
            #expect(notes.contains(stored.criterion("SP-01")?.note ?? ""))
            try await Self.expectEachRecordedAsItsWriters(store, id, notes: notes)
        }
    }

    /// No more edits are written together than the limit.
    @Test func noMoreAreWrittenTogetherThanTheLimit() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let counting = Counting(store.database)
            let repository = AssessmentRepository(database: counting, blobs: store.blobs, turns: EditTurns(limit: 2))
            _ = try await Self.editAtOnce(repository, seen, count: 7)
            let calls = counting.calls.withLock { $0 }
            #expect(calls.map { $0.count }.reduce(0, +) == 7)
            #expect(calls.allSatisfy { $0.count <= 2 }, "\(calls.map { $0.count })")
            #expect(
                try await store.assessments.get(seen.assessment.id).assessment.revision == seen.assessment.revision + 7)
        }
    }

    /// Another process's edit lands while edits queue: the first of them finds the revision moved on, nothing of
    /// theirs is written, and each is made again against what is stored — nothing lost, nobody's overwritten.
    @Test func editsWrittenTogetherAfterAnotherProcesssEditAreMadeAgainAndKeepIt() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let counting = Counting(store.database)
            let repository = AssessmentRepository(database: counting, blobs: store.blobs, turns: EditTurns())
            let notes = try await Self.editAtOnce(repository, seen, count: 5) {
                // Another process: outside this store's knowledge, raising the revision as edits do.
                try await store.database.transaction { sql in
                    try await sql.raw(
                        """
                        UPDATE criterion_entries SET na = 'theirs', version = version + 1 \
                        WHERE assessment_id = \(bind: id) AND criterion = 'SP-02'
                        """
                    ).run()
                    try await sql.raw("UPDATE assessments SET revision = revision + 1 WHERE id = \(bind: id)").run()
                }
            }
            let calls = counting.calls.withLock { $0 }
            #expect(calls.contains { $0.count > 1 && !$0.written }, "\(calls)")
            let stored = try await store.assessments.get(id)
            #expect(stored.criterion("SP-02")?.na == "theirs")
            #expect(stored.assessment.revision == seen.assessment.revision + 1 + 5)
            #expect(stored.criterion("SP-01")?.version == seen.criterion("SP-01")!.version + 5)
            try await Self.expectEachRecordedAsItsWriters(store, id, notes: notes)
        }
    }

    /// Writing them fails: every edit among them gets the error, nothing of theirs is stored, and the next edit
    /// starts from what is stored, not from what they would have left.
    @Test func whenWritingThemFailsEveryEditAmongThemFailsAndTheNextStartsFromWhatIsStored() async throws {
        struct Broken: Error {}
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let counting = Counting(store.database)
            let repository = AssessmentRepository(database: counting, blobs: store.blobs, turns: EditTurns())
            let failures = Count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        do {
                            _ = try await repository.edit(id, known: seen) { current, _ in
                                if index == 0 {
                                    counting.failNext.withLock { $0 = Broken() }
                                    try await Task.sleep(for: .milliseconds(300))
                                }
                                var next = current
                                next.criteria[0].note = "lost \(index)"
                                return (next, ())
                            }
                        } catch is Broken {
                            _ = failures.next()
                        }
                    }
                    if index == 0 { try await Task.sleep(for: .milliseconds(50)) }
                }
                try await group.waitForAll()
            }
            #expect(failures.next() == 4)
            let stored = try await store.assessments.get(id)
            #expect(stored == seen)
            let (after, _) = try await repository.edit(id) { current, _ in
                var next = current
                next.criteria[0].note = "kept"
                return (next, ())
            }
            #expect(after.assessment.revision == seen.assessment.revision + 1)
            #expect(try await store.assessments.get(id) == after)
        }
    }
}
