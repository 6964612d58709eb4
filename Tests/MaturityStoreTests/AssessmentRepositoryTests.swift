import Foundation
import MaturityStoreTesting
import Synchronization
import Testing

@testable import MaturityStore

/// A small assessment with one evidence file, stored for an organisation.
func storeSample(_ store: Store) async throws -> AssessmentSnapshot {
    let organisation = try await store.organisations.create(name: "Sample Co", sites: ["Site A"])
    let catalog = try await store.catalogs.add(
        catalogId: "sample", catalogVersion: "1", title: "Sample", origin: .uploaded,
        files: [("catalog.yaml", Data("id: sample\n".utf8))]
    ).record
    let snapshot = AssessmentSnapshot(
        assessment: AssessmentRecord(
            id: "", organisationId: organisation.id, organisationName: organisation.name, catalog: catalog.id,
            catalogReference: "sample", kind: "self",
            date: "2026-11-01", assessor: "李伟", owners: ["SP-01": "王五"]),
        criteria: [
            CriterionRecord(criterion: "SP-01", claimed: 3, evidence: ["E1"], note: "note", position: 0),
            CriterionRecord(criterion: "SP-02", na: "no field service", position: 1),
        ],
        evidence: [
            EvidenceRecord(item: "E1", kind: "document", title: "流程", date: "2026-03-01", file: "evidence/a.txt")
        ],
        findings: [FindingRecord(finding: "NC-1", criterion: "SP-01", grade: "minor", text: "gap")],
        metrics: [MetricRecord(kpi: "fcr_rate", value: 76.5)])
    return try await store.assessments.create(
        snapshot, files: ["evidence/a.txt": Data("evidence bytes".utf8)], source: Data("schema: 1\n".utf8))
}

/// Another process's edit of `criterion` in the assessment `id`: its `column` set to `value`, its version and the
/// assessment's revision raised as edits raise them, by statements outside the store's knowledge.
func editAsAnotherProcess(
    _ store: Store, _ id: String, criterion: String, setting column: String, to value: String
) async throws {
    try await store.database.transaction { sql in
        try await sql.raw(
            """
            UPDATE criterion_entries SET \(ident: column) = \(bind: value), version = version + 1 \
            WHERE assessment_id = \(bind: id) AND criterion = \(bind: criterion)
            """
        ).run()
        try await sql.raw("UPDATE assessments SET revision = revision + 1 WHERE id = \(bind: id)").run()
    }
}

@Suite struct AssessmentRepositoryTests {
    @Test(arguments: TestDatabase.allCases)
    func anAssessmentReadsBackAsStoredWithItsFiles(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let stored = try await storeSample(store)
            let read = try await store.assessments.get(stored.assessment.id)
            #expect(read == stored)
            #expect(read.criteria.map(\.criterion) == ["SP-01", "SP-02"])
            #expect(read.criterion("SP-01")?.evidence == ["E1"])
            #expect(read.criterion("SP-02")?.na == "no field service")
            #expect(read.assessment.owners == ["SP-01": "王五"])
            #expect(
                read.files == [
                    FileRecord(path: "evidence/a.txt", sha256: BlobStore.digest(Data("evidence bytes".utf8)), size: 14)
                ])
            let files = try await store.assessments.files(of: read)
            #expect(files == ["evidence/a.txt": Data("evidence bytes".utf8)])
            let source = try await store.assessments.blob(try #require(read.assessment.sourceSHA256))
            #expect(source == Data("schema: 1\n".utf8))
            let listed = try await store.assessments.list(organisation: read.assessment.organisationId)
            #expect(listed.map(\.id) == [read.assessment.id])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aPointsAssessmentKeepsItsProfilePointsSamplesAndAdjustments(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let stored = try await storeSample(store)
            let (after, _) = try await store.assessments.edit(stored.assessment.id) { current, _ in
                var next = current
                next.assessment.profile = "sales-service"
                next.criteria[0].earned = 4.5
                next.criteria[0].auditedEarned = 3
                next.criteria[1].sample = SampleRecord(size: 50, conforming: 44)
                next.criteria[1].auditedSample = SampleRecord(size: 50, conforming: 0)
                next.adjustments = [
                    AdjustmentRecord(adjustment: "D1", kind: "deduction", text: "late", criterion: "SP-01"),
                    AdjustmentRecord(adjustment: "B1", kind: "bonus", text: "award", note: "2026", position: 1),
                ]
                return (next, ())
            }
            let read = try await store.assessments.get(stored.assessment.id)
            #expect(read == after)
            #expect(read.assessment.profile == "sales-service")
            #expect(read.criterion("SP-01")?.earned == 4.5)
            #expect(read.criterion("SP-01")?.auditedEarned == 3)
            #expect(read.criterion("SP-02")?.sample == SampleRecord(size: 50, conforming: 44))
            #expect(read.criterion("SP-02")?.auditedSample == SampleRecord(size: 50, conforming: 0))
            #expect(read.adjustments.map(\.adjustment) == ["D1", "B1"])
            #expect(read.adjustments[1].note == "2026")
            #expect(read.criterion("SP-01")?.version == 2)
            let (cleared, _) = try await store.assessments.edit(stored.assessment.id) { current, _ in
                var next = current
                next.criteria[1].sample = nil
                next.adjustments.removeFirst()
                return (next, ())
            }
            #expect(cleared.criterion("SP-02")?.sample == nil)
            #expect(cleared.criterion("SP-02")?.auditedSample == SampleRecord(size: 50, conforming: 0))
            #expect(cleared.adjustments.map(\.adjustment) == ["B1"])
            #expect(cleared.adjustments[0].version == 1, "an untouched adjustment keeps its version")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anEditRaisesTheVersionOfWhatChangedAndTheRevision(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let stored = try await storeSample(store)
            let (after, _) = try await store.assessments.edit(stored.assessment.id) { current, _ in
                var next = current
                next.criteria[0].claimed = 4
                next.criteria.append(CriterionRecord(criterion: "SP-03", claimed: 1, position: 2))
                return (next, ())
            }
            #expect(after.criterion("SP-01")?.claimed == 4)
            #expect(after.criterion("SP-01")?.version == 2)
            #expect(after.criterion("SP-02")?.version == 1)
            #expect(after.criterion("SP-03")?.version == 1)
            #expect(after.assessment.revision == 2)
            #expect(after.assessment.version == 1)
            let (unchanged, _) = try await store.assessments.edit(stored.assessment.id) { current, _ in (current, ()) }
            #expect(unchanged.assessment.revision == 2)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anEditGivenTheSnapshotItSawReadsTheStoreWhenThatIsNoLongerTheStoredRevision(_ database: TestDatabase)
        async throws
    {
        try await database.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            // Someone else's edit after `seen` was read.
            _ = try await store.assessments.edit(id) { current, _ in
                var next = current
                next.criteria[0].note = "theirs"
                return (next, ())
            }
            let (after, given) = try await store.assessments.edit(id, known: seen) { current, _ in
                var next = current
                next.criteria[1].note = "mine"
                return (next, current)
            }
            #expect(given.criterion("SP-01")?.note == "theirs")
            #expect(given.assessment.revision == seen.assessment.revision + 1)
            let read = try await store.assessments.get(id)
            #expect(read == after)
            #expect(read.criterion("SP-01")?.note == "theirs")
            #expect(read.criterion("SP-02")?.note == "mine")
            #expect(read.assessment.revision == seen.assessment.revision + 2)
            #expect(read.assessment.updatedAt == after.assessment.updatedAt)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anEditTakesTheNewestSnapshotItIsGivenWhenThatIsTheStoredRevision(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let (theirs, _) = try await store.assessments.edit(id) { current, _ in
                var next = current
                next.criteria[0].note = "theirs"
                return (next, ())
            }
            let reads = Mutex(0)
            try await AssessmentRepository.$readingAgain.withValue({ reads.withLock { $0 += 1 } }) {
                let (mine, given) = try await store.assessments.edit(id, known: seen, newest: { theirs }) {
                    current, _ in
                    var next = current
                    next.criteria[1].note = "mine"
                    return (next, current)
                }
                #expect(given == theirs)
                #expect(reads.withLock { $0 } == 0, "the newest snapshot given is the stored revision: taken")
                // One of another revision is not taken: the store is read — on PostgreSQL, the process's edits hand
                // on what they committed (`EditTurns`), and `mine` is taken.
                let (_, read) = try await store.assessments.edit(id, known: seen, newest: { theirs }) { current, _ in
                    (current, current)
                }
                #expect(reads.withLock { $0 } == (database == .postgres ? 0 : 1))
                #expect(read == mine)
            }
        }
    }

    /// Edits queued for SQLite's writer together are committed together; one whose assessment an earlier edit of
    /// the same transaction changed takes that edit's snapshot instead of reading the assessment again, and loses
    /// nothing of it.
    @Test func anEditTakesTheSnapshotAnEarlierEditOfTheSameTransactionStored() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let reads = Mutex(0)
            let edits = 16
            try await AssessmentRepository.$readingAgain.withValue({ reads.withLock { $0 += 1 } }) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<edits {
                        group.addTask {
                            _ = try await store.assessments.edit(id, known: seen) { current, _ in
                                var next = current
                                next.criteria[0].note = (current.criteria[0].note ?? "") + ",\(index)"
                                return (next, ())
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            let note = try #require(try await store.assessments.get(id).criteria[0].note)
            #expect(
                Set(note.split(separator: ",").compactMap { Int($0) }) == Set(0..<edits), "every edit kept: \(note)")
            // Without it every edit but the first reads the assessment again (15).
            #expect(reads.withLock { $0 } < edits / 2, "read again \(reads.withLock { $0 }) times")
        }
    }

    /// Keys are matched as the database matches them, by their bytes: an evidence item renamed from "café" to
    /// "cafe" + U+0301 (the same text to Swift's `==`) is stored under its new name, and the edit says so.
    @Test(arguments: TestDatabase.allCases)
    func aKeyChangedOnlyInItsBytesIsStoredAsChanged(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let composed = "caf\u{E9}"
            let decomposed = "cafe\u{301}"
            let (first, _) = try await store.assessments.edit(id, known: seen) { current, _ in
                var next = current
                next.evidence.append(EvidenceRecord(item: composed, kind: "record", title: "t", position: 5))
                return (next, ())
            }
            let (second, _) = try await store.assessments.edit(id, known: first) { current, _ in
                var next = current
                let index = try #require(next.evidence.firstIndex { $0.position == 5 })
                next.evidence[index].item = decomposed
                return (next, ())
            }
            let names = { (snapshot: AssessmentSnapshot) in snapshot.evidence.map { Array($0.item.utf8) } }
            let read = try await store.assessments.get(id)
            #expect(names(read) == names(second))
            #expect(names(read).contains(Array(decomposed.utf8)) && !names(read).contains(Array(composed.utf8)))
        }
    }

    /// A file uploaded again at the same path (a new ticket export) changes its row's digest and size in place.
    @Test(arguments: TestDatabase.allCases)
    func aFileReplacedAtItsPathIsStoredWithItsNewDigest(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let bytes = Data("other evidence bytes".utf8)
            let (after, _) = try await store.assessments.edit(
                id, known: seen, newFiles: [(path: "evidence/a.txt", data: bytes)]
            ) { current, stored in
                var next = current
                next.files = current.files.filter { file in !stored.contains { $0.path == file.path } } + stored
                return (next, ())
            }
            let read = try await store.assessments.get(id)
            #expect(read == after)
            let file = try #require(read.files.first { $0.path == "evidence/a.txt" })
            #expect(file.size == bytes.count && file.sha256 != seen.files[0].sha256)
            #expect(try await store.assessments.blob(file.sha256) == bytes)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anEditIsReturnedAsTheStoreReadsItBack(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let (after, _) = try await store.assessments.edit(id, known: seen) { current, _ in
                var next = current
                next.criteria[0].claimed = 4
                next.criteria.append(CriterionRecord(criterion: "SP-03", claimed: 2, position: 7))
                next.evidence.append(EvidenceRecord(item: "E2", kind: "record", title: "台账", position: 3))
                next.findings = []
                next.metrics[0].value = 80.25
                next.assessment.site = "Site A"
                return (next, ())
            }
            let read = try await store.assessments.get(id)
            #expect(read == after)
            #expect(read.criteria.map(\.version) == [2, 1, 1])
            #expect(read.evidence.map(\.version) == [1, 1])
            #expect(read.assessment.version == seen.assessment.version + 1)
            // A KPI of -0: SQLite keeps it as 0, so the store reads it back rather than answering -0.
            let (zero, _) = try await store.assessments.edit(id, known: read) { current, _ in
                var next = current
                next.metrics[0].value = -0.0
                return (next, ())
            }
            let zeroRead = try await store.assessments.get(id)
            #expect(zero.metrics[0].value.sign == zeroRead.metrics[0].value.sign)
            #expect(zero == zeroRead)
            // Nothing changed: nothing written, the snapshot as it was.
            let (again, _) = try await store.assessments.edit(id, known: zeroRead) { current, _ in (current, ()) }
            #expect(again == zeroRead)
            #expect(try await store.assessments.get(id) == zeroRead)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aTextChangedOnlyInItsBytesIsStoredAsSent(_ database: TestDatabase) async throws {
        // "é" as one scalar and as "e" with a combining accent: equal as Swift strings, not as bytes.
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        try await database.withStore { store in
            let seen = try await storeSample(store)
            let id = seen.assessment.id
            let (first, _) = try await store.assessments.edit(id, known: seen) { current, _ in
                var next = current
                next.criteria[0].note = composed
                return (next, ())
            }
            let (second, _) = try await store.assessments.edit(id, known: first) { current, _ in
                var next = current
                next.criteria[0].note = decomposed
                return (next, ())
            }
            let read = try await store.assessments.get(id)
            let note = try #require(read.criterion("SP-01")?.note)
            #expect(Array(note.utf8) == Array(decomposed.utf8))
            #expect(Array((second.criterion("SP-01")?.note ?? "").utf8) == Array(decomposed.utf8))
            #expect(read.criterion("SP-01")?.version == (first.criterion("SP-01")?.version ?? 0) + 1)
            #expect(read.assessment.revision == first.assessment.revision + 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aRefusedEditChangesNothing(_ database: TestDatabase) async throws {
        struct Refused: Error {}
        try await database.withStore { store in
            let stored = try await storeSample(store)
            await #expect(throws: Refused.self) {
                try await store.assessments.edit(
                    stored.assessment.id, newFiles: [("evidence/b.txt", Data("new".utf8))]
                ) { current, files -> (AssessmentSnapshot, Void) in
                    var next = current
                    next.criteria.removeAll()
                    next.files += files
                    next.assessment.date = "2030-01-01"
                    _ = next
                    throw Refused()
                }
            }
            #expect(try await store.assessments.get(stored.assessment.id) == stored)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFileOverTheLimitIsRefusedBeforeAnythingIsWritten(_ database: TestDatabase) async throws {
        try await database.withStore(maximumFileBytes: 100) { store in
            let stored = try await storeSample(store)
            let big = Data(repeating: 7, count: 101)
            await #expect(throws: StoreError.fileTooLarge(name: "evidence/big.bin", size: 101, limit: 100)) {
                try await store.assessments.edit(stored.assessment.id, newFiles: [("evidence/big.bin", big)]) {
                    current, _ in (current, ())
                }
            }
            #expect(try await store.assessments.get(stored.assessment.id) == stored)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func filesNothingCitesAreSweptAndCitedOnesKept(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let stored = try await storeSample(store)
            // A file stored, then no longer cited.
            _ = try await store.assessments.edit(stored.assessment.id, newFiles: [("evidence/b.txt", Data("b".utf8))]) {
                current, files in
                var next = current
                next.files += files
                return (next, ())
            }
            let (withoutB, _) = try await store.assessments.edit(stored.assessment.id) { current, _ in
                var next = current
                next.files.removeAll { $0.path == "evidence/b.txt" }
                return (next, ())
            }
            #expect(try await store.sweepOrphans(olderThan: 3600) == 0)
            let removed = try await store.sweepOrphans(olderThan: -1)
            #expect(removed == 1)
            await #expect(throws: StoreError.blobMissing(sha256: BlobStore.digest(Data("b".utf8)))) {
                try await store.assessments.blob(BlobStore.digest(Data("b".utf8)))
            }
            let files = try await store.assessments.files(of: withoutB)
            #expect(files["evidence/a.txt"] == Data("evidence bytes".utf8))
        }
    }

    @Test func aFileLeftWithoutARowIsSweptFromTheFolder() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let stray = store.configuration.blobDirectory + "/ab/abcdef"
            try FileManager.default.createDirectory(
                atPath: store.configuration.blobDirectory + "/ab", withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: stray, contents: Data("x".utf8)))
            #expect(try await store.sweepOrphans(olderThan: 3600) == 0)
            #expect(FileManager.default.fileExists(atPath: stray))
            #expect(try await store.sweepOrphans(olderThan: -1) == 1)
            #expect(!FileManager.default.fileExists(atPath: stray))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func concurrentEditsOfOneAssessmentAreAppliedOneAfterTheOther(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let stored = try await storeSample(store)
            let id = stored.assessment.id
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        _ = try await store.assessments.edit(id) { current, _ in
                            var next = current
                            next.metrics.append(
                                MetricRecord(kpi: "k\(index)", value: Double(index), position: index + 1))
                            return (next, ())
                        }
                    }
                }
                try await group.waitForAll()
            }
            let final = try await store.assessments.get(id)
            #expect(final.metrics.count == 21)
            #expect(final.assessment.revision == 21)
        }
    }

    /// Edits queueing for SQLite's writer are committed together, each in a savepoint of its own: a refused one
    /// is rolled back alone, and each accepted one is committed (readers see it) when its caller is answered.
    @Test(arguments: TestDatabase.allCases)
    func editsQueuedTogetherAreRefusedAloneAndCommittedWhenAnswered(_ database: TestDatabase) async throws {
        struct Refused: Error {}
        try await database.withStore { store in
            let stored = try await storeSample(store)
            let id = stored.assessment.id
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        do {
                            _ = try await store.assessments.edit(id) { current, _ in
                                var next = current
                                next.metrics.append(
                                    MetricRecord(kpi: "k\(index)", value: Double(index), position: index + 1))
                                // Long enough for the others to queue behind it.
                                try await Task.sleep(for: .milliseconds(2))
                                if index % 3 == 0 { throw Refused() }
                                return (next, ())
                            }
                            #expect(index % 3 != 0)
                            let read = try await store.assessments.get(id)
                            #expect(read.metrics.contains { $0.kpi == "k\(index)" }, "answered, so committed")
                        } catch is Refused {
                            #expect(index % 3 == 0)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let final = try await store.assessments.get(id)
            #expect(
                Set(final.metrics.map(\.kpi)) == Set(["fcr_rate"] + (0..<24).filter { $0 % 3 != 0 }.map { "k\($0)" }))
            #expect(final.assessment.revision == 17)
            let verification = try await store.audit.verify()
            #expect(verification.problems.isEmpty)
            let records = try await store.audit.records(kind: "metrics", limit: 10_000)
            #expect(
                records.filter { $0.action == "insert" }.count == 17,
                "the sample's and one per value stored, none refused")
        }
    }
}
