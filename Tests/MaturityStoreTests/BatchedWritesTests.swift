import Foundation
import Logging
import MaturityStoreTesting
import NIOCore
import SQLKit
import Synchronization
import Testing

@testable import MaturityStore

/// PostgreSQL's shared transactions write the rows of several assessments' edits in one statement of a fixed text
/// (``OrderedWrite/batched(_:raising:)``), the values travelling as JSON: what is stored is what the edits wrote,
/// to the byte and to the bit.
@Suite struct BatchedWritesTests {
    /// The pending write of `wanted`'s change of one row against `current`, as an edit in its turn makes it.
    static func write(from current: AssessmentSnapshot, to wanted: AssessmentSnapshot) async throws -> OrderedWrite {
        let planned = PlannedWrites()
        try await AssessmentRepository.writeParts(from: current, to: wanted, in: planned)
        guard planned.writes.count == 1,
            case .update(let table, let key, let row, let values, let versioned) = planned.writes[0]
        else { throw Unexpected(description: "not one update: \(planned.writes)") }
        return OrderedWrite(
            OrderedWrite.Part(
                assessment: current.assessment.id, revision: current.assessment.revision,
                updatedAt: "2026-12-06T00:00:00Z",
                table: table, key: key, row: row, values: values, versioned: versioned),
            by: AuditActor(name: "alice", via: "test"))
    }

    /// Runs `writes` as a shared transaction runs them (``OrderedWrite/run(_:in:before:)``), and gives the texts of
    /// the statements sent, to tell which way they went.
    static func run(_ writes: [OrderedWrite], in store: Store) async throws -> [String] {
        try await store.database.transaction { sql in
            let recording = Recording(sql)
            try await OrderedWrite.run(writes, in: recording, before: { _ in })
            return recording.texts.withLock { $0 }
        }
    }

    /// A connection that notes the text of each statement it sends.
    final class Recording: SQLDatabase, Sendable {
        let inner: any SQLDatabase
        let texts = Mutex<[String]>([])

        init(_ inner: any SQLDatabase) { self.inner = inner }

        var logger: Logger { inner.logger }
        var eventLoop: any EventLoop { inner.eventLoop }
        var dialect: any SQLDialect { inner.dialect }
        var version: (any SQLDatabaseReportedVersion)? { inner.version }

        func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
            -> EventLoopFuture<Void>
        {
            texts.withLock { $0.append(inner.serialize(query).sql) }
            return inner.execute(sql: query, onRow)
        }

        func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
            texts.withLock { $0.append(inner.serialize(query).sql) }
            try await inner.execute(sql: query, onRow)
        }
    }

    /// Whether `text` is a batched statement (``OrderedWrite/batched(_:raising:)``).
    static func isBatched(_ text: String) -> Bool {
        text.hasPrefix("WITH ") && text.contains("json_populate_recordset")
    }

    struct Unexpected: Error, CustomStringConvertible {
        var description: String
    }

    /// `snapshot` with SP-01's entry changed by `change`.
    static func changing(_ snapshot: AssessmentSnapshot, _ change: (inout CriterionRecord) -> Void)
        -> AssessmentSnapshot
    {
        var changed = snapshot
        change(&changed.criteria[0])
        return changed
    }

    /// Texts that need escaping in JSON or SQL, and numbers whose shortest form has an exponent or many digits (the
    /// smallest and largest finite doubles among them).
    static let notes = [
        "quote \" backslash \\ slash / tab \t line\nbreak", "control \u{01}\u{1F} and DEL \u{7F}",
        "'; DROP TABLE assessments; --", "全年满意率 83.5 %；杭州、南通两个外包网点低于 80 %。", "emoji 👩🏽‍🔧 and U+2028 \u{2028}",
        "",
    ]
    static let numbers: [Double] = [
        0.1, 1e-7, 123_456.789_012_345_6, -2.5, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
    ]

    @Test func everyWriteIsStoredAsWrittenToTheBitAndTheByte() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let all = [seen] + (try await EditBatchTests.copies(Self.notes.count - 1, of: seen, in: store))
            var writes: [OrderedWrite] = []
            var wanted: [String: CriterionRecord] = [:]
            for (index, current) in all.enumerated() {
                let changed = Self.changing(current) { entry in
                    entry.note = Self.notes[index]
                    entry.earned = Self.numbers[index]
                    entry.auditedEarned = -Self.numbers[index]
                    entry.claimed = index % 2 == 0 ? nil : 5
                    entry.evidence = ["E1", "E\"\(index)"]
                }
                writes.append(try await Self.write(from: current, to: changed))
                wanted[current.assessment.id] = changed.criteria[0]
            }
            #expect(OrderedWrite.batchable(writes.compactMap(\.part)))
            let texts = try await Self.run(writes, in: store)
            #expect(texts.count == 1 && texts.allSatisfy(Self.isBatched), "\(texts)")
            for current in all {
                let stored = try await store.assessments.get(current.assessment.id)
                var expected = try #require(wanted[current.assessment.id])
                expected.version += 1
                let entry = try #require(stored.criterion("SP-01"))
                #expect(entry == expected)
                #expect(entry.earned?.bitPattern == expected.earned?.bitPattern)
                #expect(entry.auditedEarned?.bitPattern == expected.auditedEarned?.bitPattern)
                #expect(stored.assessment.revision == current.assessment.revision + 1)
            }
        }
    }

    /// How the transaction raises the revisions of the writes' assessments (one write each here).
    static func raises(_ writes: [OrderedWrite]) -> [String: OrderedWrite.Raise] {
        Dictionary(
            uniqueKeysWithValues: writes.compactMap(\.part).map {
                ($0.assessment, OrderedWrite.Raise(revision: $0.revision, count: 1, updatedAt: $0.updatedAt))
            })
    }

    /// The statement's text is the same for two writes and for five, so it is prepared once; only its parameters
    /// (two JSON texts and the count) differ.
    @Test func theTextIsTheSameWhateverTheNumberOfWrites() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let all = [seen] + (try await EditBatchTests.copies(4, of: seen, in: store))
            var writes: [OrderedWrite] = []
            for current in all {
                writes.append(try await Self.write(from: current, to: Self.changing(current) { $0.note = "changed" }))
            }
            let planned = PlannedWrites()
            func text(_ writes: [OrderedWrite], raising: Bool) -> (String, Int) {
                let query = OrderedWrite.batched(writes, raising: raising ? Self.raises(writes) : [:])
                let serialized = planned.serialize(query)
                return (serialized.sql, serialized.binds.count)
            }
            let (two, twoBinds) = text(Array(writes.prefix(2)), raising: true)
            let (five, fiveBinds) = text(writes, raising: true)
            #expect(two == five)
            #expect(twoBinds == 3 && fiveBinds == 3)
            #expect(PreparedStatements.preparable(five))
            let (following, _) = text(writes, raising: false)
            #expect(following != five && !following.contains("assessments a"))
        }
    }

    /// Writes of several tables in one statement, each table's rows in a part of it of their own.
    @Test func writesOfSeveralTablesGoTogether() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let other = try #require(try await EditBatchTests.copies(1, of: seen, in: store).first)
            var evidence = other
            evidence.evidence[0].title = "流程 \"v2\""
            let writes = [
                try await Self.write(from: seen, to: Self.changing(seen) { $0.note = "criterion" }),
                try await Self.write(from: other, to: evidence),
            ]
            #expect(Set(writes.compactMap(\.part?.table)) == ["criterion_entries", "evidence_items"])
            let texts = try await Self.run(writes, in: store)
            #expect(texts.count == 1 && texts.allSatisfy(Self.isBatched), "\(texts)")
            #expect(try await store.assessments.get(seen.assessment.id).criterion("SP-01")?.note == "criterion")
            #expect(try await store.assessments.get(other.assessment.id).evidence.first?.title == "流程 \"v2\"")
        }
    }

    /// One assessment's writes of different rows go in one statement, a row's second write in the next; all of them
    /// raise the revision once, by their number, and each row's version by its own writes.
    @Test func anAssessmentsWritesOfDifferentRowsGoTogetherEachRowsInItsOrder() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let revision = seen.assessment.revision
            func write(_ row: String, _ note: String, _ step: Int, by actor: AuditActor) -> OrderedWrite {
                OrderedWrite(
                    OrderedWrite.Part(
                        assessment: id, revision: revision + step, updatedAt: "2026-12-06T00:00:0\(step)Z",
                        table: "criterion_entries", key: "criterion", row: row, values: [("note", note)],
                        versioned: true),
                    by: actor)
            }
            let (alice, bob) = (EditBatchTests.actors[0], EditBatchTests.actors[1])
            let writes = [
                write("SP-01", "first", 0, by: alice), write("SP-02", "second", 1, by: alice),
                write("SP-01", "third", 2, by: alice),
            ]
            #expect(
                OrderedWrite.steps(writes, byRow: true).map { $0.map { $0.part?.row } } == [
                    ["SP-01", "SP-02"], ["SP-01"],
                ])
            #expect(OrderedWrite.steps(writes, byRow: false).map(\.count) == [1, 1, 1])
            // Each statement of one actor (stamped as its own).
            let mixed = [writes[0], write("SP-02", "second", 1, by: bob), writes[2]]
            #expect(OrderedWrite.steps(mixed, byRow: true).map(\.count) == [1, 1, 1])
            let texts = try await Self.run(writes, in: store)
            #expect(texts.count == 2 && texts.allSatisfy(Self.isBatched), "\(texts)")
            let stored = try await store.assessments.get(id)
            #expect(stored.assessment.revision == revision + 3)
            #expect(stored.assessment.updatedAt == "2026-12-06T00:00:02Z")
            #expect(stored.criterion("SP-01")?.note == "third")
            #expect(stored.criterion("SP-01")?.version == (seen.criterion("SP-01")?.version ?? 0) + 2)
            #expect(stored.criterion("SP-02")?.note == "second")
            #expect(stored.criterion("SP-02")?.version == (seen.criterion("SP-02")?.version ?? 0) + 1)
            // Bob's write in a statement of its own, after Alice's first raised the revision for all three.
            let again = try await store.assessments.get(id)
            let more = [
                write("SP-01", "fourth", 3, by: alice), write("SP-02", "fifth", 4, by: bob),
                write("SP-01", "sixth", 5, by: alice),
            ]
            #expect(try await Self.run(more, in: store).count == 3)
            let last = try await store.assessments.get(id)
            #expect(last.assessment.revision == again.assessment.revision + 3)
            #expect(last.criterion("SP-01")?.note == "sixth")
            #expect(last.criterion("SP-02")?.note == "fifth")
        }
    }

    /// A statement that follows the raising of one assessment's revision and raises another's: when the other's
    /// revision moved on, nothing of either is written — neither the first statement's write nor the follower's.
    @Test func aStatementThatFollowsOneRaisingAndMakesAnotherIsWholeOrNothing() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let other = try #require(try await EditBatchTests.copies(1, of: seen, in: store).first)
            let (alice, bob) = (EditBatchTests.actors[0], EditBatchTests.actors[1])
            func write(_ snapshot: AssessmentSnapshot, _ row: String, step: Int, expecting: Int, by actor: AuditActor)
                -> OrderedWrite
            {
                OrderedWrite(
                    OrderedWrite.Part(
                        assessment: snapshot.assessment.id, revision: expecting + step, updatedAt: "then",
                        table: "criterion_entries", key: "criterion", row: row, values: [("note", "by \(actor.name)")],
                        versioned: true),
                    by: actor)
            }
            // Alice's write of the first assessment; then Bob's of its other row and of the other assessment.
            func writes(expecting: Int) -> [OrderedWrite] {
                [
                    write(seen, "SP-01", step: 0, expecting: seen.assessment.revision, by: alice),
                    write(seen, "SP-02", step: 1, expecting: seen.assessment.revision, by: bob),
                    write(other, "SP-01", step: 0, expecting: expecting, by: bob),
                ]
            }
            #expect(OrderedWrite.steps(writes(expecting: 0), byRow: true).map(\.count) == [1, 2])
            await #expect(throws: OrderedWrite.NotWritten.self) {
                try await Self.run(writes(expecting: other.assessment.revision - 1), in: store)
            }
            #expect(try await store.assessments.get(seen.assessment.id) == seen)
            #expect(try await store.assessments.get(other.assessment.id) == other)
            #expect(try await store.database.writeInOrder(writes(expecting: other.assessment.revision)))
            let first = try await store.assessments.get(seen.assessment.id)
            #expect(first.assessment.revision == seen.assessment.revision + 2)
            #expect(first.criteria.map(\.note) == ["by alice", "by bob"])
            let second = try await store.assessments.get(other.assessment.id)
            #expect(second.assessment.revision == other.assessment.revision + 1)
            #expect(second.criterion("SP-01")?.note == "by bob")
        }
    }

    /// A write whose revision moved on leaves the statement without its row: nothing of any of them is written.
    @Test func oneRevisionMovedOnWritesNothing() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let other = try #require(try await EditBatchTests.copies(1, of: seen, in: store).first)
            var stale = other
            stale.assessment.revision -= 1
            let writes = [
                try await Self.write(from: seen, to: Self.changing(seen) { $0.note = "mine" }),
                try await Self.write(from: stale, to: Self.changing(stale) { $0.note = "stale" }),
            ]
            #expect(try await store.database.writeInOrder(writes) == false)
            #expect(try await store.assessments.get(seen.assessment.id) == seen)
            #expect(try await store.assessments.get(other.assessment.id) == other)
        }
    }

    /// A number JSON cannot hold (infinity) is not batched: the transaction's writes go as one part of a statement
    /// each, bound as parameters, and are stored all the same.
    @Test func aNumberJSONCannotHoldGoesTheOtherWay() async throws {
        try await TestDatabase.postgres.withStore { store in
            let seen = try await storeSample(store)
            let other = try #require(try await EditBatchTests.copies(1, of: seen, in: store).first)
            let writes = [
                try await Self.write(from: seen, to: Self.changing(seen) { $0.earned = .infinity }),
                try await Self.write(from: other, to: Self.changing(other) { $0.note = "finite" }),
            ]
            #expect(!OrderedWrite.batchable(writes.compactMap(\.part)))
            let texts = try await Self.run(writes, in: store)
            #expect(texts.count == 1 && !texts.contains(where: Self.isBatched), "\(texts)")
            #expect(try await store.assessments.get(seen.assessment.id).criterion("SP-01")?.earned == .infinity)
            #expect(try await store.assessments.get(other.assessment.id).criterion("SP-01")?.note == "finite")
        }
    }

    /// Each kind of value as JSON: texts as JSONEncoder writes them, numbers in their shortest form, none as null;
    /// what JSON has no form for, or a type it does not know, nil.
    @Test func scalarsAreWrittenAsJSONEncoderWouldOrNotAtAll() throws {
        let none: String? = nil
        #expect(JSONText.scalar(none) == "null")
        #expect(JSONText.scalar(Optional(3)) == "3")
        #expect(JSONText.scalar(1e-7) == "1e-07")
        #expect(JSONText.scalar(Double.nan) == nil)
        #expect(JSONText.scalar(Date(timeIntervalSince1970: 0)) == nil)
        #expect(JSONText.scalar(true) == "true")
        for text in Self.notes + ["plain", "a/b", ""] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .withoutEscapingSlashes
            #expect(JSONText.scalar(text) == String(decoding: try encoder.encode(text), as: UTF8.self))
        }
        for number in Self.numbers {
            let json = try #require(JSONText.scalar(number))
            #expect(try JSONDecoder().decode(Double.self, from: Data(json.utf8)).bitPattern == number.bitPattern)
        }
    }
}
