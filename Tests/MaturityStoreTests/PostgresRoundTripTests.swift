import Foundation
import MaturityStoreTesting
import SQLKit
import Synchronization
import Testing

@testable import MaturityStore

/// What saves PostgreSQL's edits their round trips: a session stamped once for its actor, an edit of one row written
/// in one statement with its check of the revision, and edits of one assessment taking turns in the process.
@Suite struct PostgresRoundTripTests {
    /// Actors take turns on the pool's connections, one of them in a transaction rolled back: each change is
    /// recorded as made by whoever made it (a connection's session is stamped, and remembered as stamped, before a
    /// transaction begins, where no rollback takes it back).
    @Test func eachChangeIsRecordedAsItsActorsWhoeverStampedTheConnectionBefore() async throws {
        struct Refused: Error {}
        try await TestDatabase.postgres.withStore { store in
            let alice = AuditActor(name: "alice", via: "session aaaa")
            let bob = AuditActor(name: "bob", via: "token bbbb")
            let carol = AuditActor(name: "carol", via: "session cccc")
            var expected: [String] = []
            for round in 0..<4 {
                for actor in [alice, alice, bob, carol] {
                    if actor == carol {
                        await #expect(throws: Refused.self) {
                            try await AuditContext.$actor.withValue(actor) {
                                try await store.database.transaction { sql in
                                    try await sql.raw(
                                        "INSERT INTO register_settings (name, value) VALUES ('refused', 'x')"
                                    ).run()
                                    throw Refused()
                                }
                            }
                        }
                    }
                    let name = "\(actor.name) \(round) \(expected.count)"
                    try await AuditContext.$actor.withValue(actor) {
                        try await store.database.transaction { sql in
                            try await sql.raw(
                                "INSERT INTO register_settings (name, value) VALUES (\(bind: name), 'x')"
                            ).run()
                        }
                    }
                    expected.append(name)
                }
            }
            let records = try await store.audit.records(kind: "register_settings", limit: 1000)
            #expect(records.count == expected.count)
            for record in records {
                let actor = String(record.objectId.prefix { $0 != " " })
                #expect(record.actor == actor, "\(record.objectId) recorded as \(record.actor)")
                #expect(record.via == [alice, bob, carol].first { $0.name == actor }?.via)
            }
        }
    }

    /// A record's time is its transaction's start by the database's clock, written as the store writes times.
    @Test func aRecordsTimeIsItsTransactionsStartWrittenAsTheStoreWritesTimes() async throws {
        try await TestDatabase.postgres.withStore { store in
            let before = Timestamp.now()
            let organisation = try await store.organisations.create(name: "Timed")
            let after = Timestamp.now()
            let record = try #require(try await store.audit.records(kind: "organisations", id: organisation.id).first)
            #expect(record.at.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(record.at)")
            // The database runs on this machine in the tests: the same clock, to the millisecond written.
            #expect(before <= record.at && record.at <= after, "\(before) ≤ \(record.at) ≤ \(after)")
        }
    }

    /// An edit that changes nothing leaves the revision and the trail as they were; the next, of one row, records
    /// the row alone (the header's raised time and revision are its bookkeeping).
    @Test(arguments: TestDatabase.allCases)
    func anEditThatChangesNothingLeavesTheRevisionAndTheTrailAsTheyWere(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let trail = try await store.audit.verify().count
            let (same, value) = try await store.assessments.edit(id, known: seen) { current, _ in (current, 7) }
            #expect(value == 7)
            #expect(same == seen)
            #expect(try await store.assessments.get(id) == seen)
            #expect(try await store.audit.verify().count == trail)
            // Then a change: one revision on, its row recorded, not the header's raised time and revision.
            let (changed, _) = try await store.assessments.edit(id, known: same) { current, _ in
                var next = current
                next.criteria[0].note = "changed"
                return (next, ())
            }
            #expect(changed.assessment.revision == seen.assessment.revision + 1)
            #expect(try await store.assessments.get(id) == changed)
            let records = try await store.audit.records(limit: 1000)
            #expect(records.count == trail + 1)
            #expect(records.last?.objectKind == "criterion_entries")
            #expect(records.last?.newValue?.contains("changed") == true)
        }
    }

    /// An update of a row's bookkeeping alone (revision, version, time of change) is not recorded; with anything
    /// else, the record holds both. Made by SQL, as any writer of the database would.
    @Test(arguments: TestDatabase.allCases)
    func anUpdateOfARowsBookkeepingAloneIsNotRecorded(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let id = try await storeSample(store).assessment.id
            let before = try await store.audit.records(limit: 10_000).count
            try await store.database.transaction { sql in
                try await sql.raw(
                    """
                    UPDATE assessments SET revision = revision + 1, version = version + 1, updated_at = 'then' \
                    WHERE id = \(bind: id)
                    """
                ).run()
            }
            #expect(try await store.audit.records(limit: 10_000).count == before)
            try await store.database.transaction { sql in
                try await sql.raw(
                    "UPDATE assessments SET revision = revision + 1, site = 'Site C' WHERE id = \(bind: id)"
                ).run()
            }
            let records = try await store.audit.records(limit: 10_000)
            #expect(records.count == before + 1)
            let record = try #require(records.last)
            #expect(record.objectKind == "assessments" && record.objectId == id && record.action == "update")
            #expect(record.newValue?.contains("Site C") == true && record.newValue?.contains("revision") == true)
            #expect(try await store.audit.verify().problems.isEmpty)
        }
    }

    /// An edit whose header changes is made as before (one record of the header's change, not two).
    @Test(arguments: TestDatabase.allCases)
    func anEditOfTheHeaderIsRecordedOnce(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let (after, _) = try await store.assessments.edit(id, known: seen) { current, _ in
                var next = current
                next.assessment.site = "Site B"
                next.criteria[0].note = "with the site"
                return (next, ())
            }
            #expect(try await store.assessments.get(id) == after)
            #expect(after.assessment.version == seen.assessment.version + 1)
            let header = try await store.audit.records(kind: "assessments", id: id).filter { $0.action == "update" }
            #expect(header.count == 1)
            #expect(header.first?.newValue?.contains("Site B") == true)
        }
    }

    /// Edits of one assessment take turns, one at a time, each given the snapshot the one before it left; an edit
    /// that leaves nothing it knows of hands on nothing, and a failed one frees the turn.
    @Test func editsOfOneAssessmentTakeTurnsHandingOnWhatTheyCommitted() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let turns = EditTurns()
            let turnsSeen = Seen()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await turns.inTurn(id, database: store.database) { committed, _ in
                            let inside = turnsSeen.inside.withLock {
                                $0 += 1; return $0
                            }
                            #expect(inside == 1, "one edit at a time")
                            turnsSeen.order.withLock { $0.append(index) }
                            try await Task.sleep(for: .milliseconds(5))
                            turnsSeen.inside.withLock { $0 -= 1 }
                            var next = committed ?? seen
                            next.assessment.revision += 1
                            return ((), next)
                        }
                    }
                    try await Task.sleep(for: .milliseconds(1))
                }
                try await group.waitForAll()
            }
            #expect(turnsSeen.order.withLock { $0 }.count == 8)
            // Each was handed what the one before committed: eight revisions on.
            let last = try await turns.inTurn(id, database: store.database) { committed, _ in
                (committed, nil as AssessmentSnapshot?)
            }
            #expect(last?.assessment.revision == seen.assessment.revision + 8)
            // Handing on nothing forgets; a failure frees the turn and hands on nothing.
            #expect(
                try await turns.inTurn(id, database: store.database) { committed, _ in
                    (committed, nil as AssessmentSnapshot?)
                } == nil)
            struct Failed: Error {}
            await #expect(throws: Failed.self) {
                try await turns.inTurn(id, database: store.database) { _, _ -> (Void, AssessmentSnapshot?) in
                    throw Failed()
                }
            }
            #expect(try await turns.inTurn(id, database: store.database) { committed, _ in (committed, seen) } == nil)
            #expect(
                try await turns.inTurn(id, database: store.database) { committed, _ in
                    (committed, nil as AssessmentSnapshot?)
                } == seen)
        }
    }

    /// An edit of one row whose revision moved on since the snapshot the process knows (another process's edit)
    /// is made as any other edit, against what is stored: nothing of the other edit is lost.
    @Test func anEditOfARowAfterAnotherProcesssEditKeepsBoth() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            try await editAsAnotherProcess(store, id, criterion: "SP-01", setting: "note", to: "theirs")
            let (after, given) = try await store.assessments.edit(id, known: seen) { current, _ in
                var next = current
                next.criteria[1].note = "mine"
                return (next, current)
            }
            #expect(given.criterion("SP-01")?.note == "theirs")
            let read = try await store.assessments.get(id)
            #expect(read == after)
            #expect(read.criterion("SP-01")?.note == "theirs")
            #expect(read.criterion("SP-02")?.note == "mine")
            #expect(read.assessment.revision == seen.assessment.revision + 2)
        }
    }

    /// What the edits of ``editsOfOneAssessmentTakeTurnsHandingOnWhatTheyCommitted()`` saw.
    private final class Seen: Sendable {
        let order = Mutex<[Int]>([])
        let inside = Mutex(0)
    }
}
