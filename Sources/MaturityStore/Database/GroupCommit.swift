import SQLKit
import SQLiteKit
import Synchronization

/// Group commit for SQLite's one writer connection.
///
/// A commit waits for the disk (`synchronous = FULL`: about 8 ms on the machine the benchmarks run on), longer
/// than everything else an edit does. Transactions that queue for the writer while one runs are run one after
/// another in the same SQLite transaction, each in a savepoint of its own — one that throws is rolled back
/// alone, as if it had been a transaction of its own, and the next sees exactly the changes of those before
/// it — and the last of them commits for all: one wait for the disk instead of one each. Every caller runs its
/// own body in its own task (its task-local identity reaches the audit trail and the edit guard) and gets its
/// answer only after the commit of the transaction its body ran in (a refused one too); if that commit fails,
/// every transaction in it fails.
actor GroupCommit {
    private let connection: SQLiteHandle
    /// Whether a caller holds the writer now, and who waits for it.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// Whether a transaction is open (begun by an earlier caller of the same group).
    private var open = false
    /// Callers whose bodies succeeded in the open transaction, waiting for its commit.
    private var members: [CheckedContinuation<Void, any Error>] = []
    /// The most transactions one commit holds, so that a steady stream of edits still commits.
    private let limit: Int
    /// What the members of the open transaction left for the members after them (see ``OpenTransaction``).
    private var scratch = OpenTransaction()

    init(_ connection: SQLiteHandle, limit: Int = 32) {
        self.connection = connection
        self.limit = limit
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the writer to the next caller waiting, or frees it.
    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Whether the open transaction should be left to the next caller instead of committed now.
    private var passesOn: Bool { !waiting.isEmpty && members.count + 1 < limit }

    /// Tells every caller waiting for the commit how it went; the transaction is over.
    private func finish(_ result: Result<Void, any Error>) {
        for member in members { member.resume(with: result) }
        members = []
        open = false
        scratch.forgetAll()
        scratch = OpenTransaction()
    }

    /// Ends the open transaction, if any: committed (or, when that fails, rolled back), its callers told.
    private func commit(_ sql: any SQLDatabase) async throws {
        guard open else { return }
        do {
            try await sql.raw("COMMIT").run()
            finish(.success(()))
        } catch {
            try? await sql.raw("ROLLBACK").run()
            finish(.failure(error))
            throw error
        }
    }

    /// Runs `body` as one transaction of the group.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await acquire()
        let sql = connection.store(offloading: true)
        let outcome: Result<T, any Error>
        do {
            if !open {
                try await sql.raw("BEGIN IMMEDIATE").run()
                open = true
            }
            try await sql.raw("SAVEPOINT one_transaction").run()
        } catch {
            if open { try? await sql.raw("ROLLBACK").run() }
            finish(.failure(error))
            release()
            throw error
        }
        do {
            let value = try await OpenTransaction.$current.withValue(scratch) { try await body(sql) }
            try await sql.raw("RELEASE one_transaction").run()
            outcome = .success(value)
        } catch {
            // What this member left is rolled back with it.
            scratch.forgetAll()
            do {
                try await sql.raw("ROLLBACK TO one_transaction").run()
                try await sql.raw("RELEASE one_transaction").run()
            } catch let broken {
                // SQLite gave up the whole transaction (a full disk, say): nothing in it holds.
                try? await sql.raw("ROLLBACK").run()
                finish(.failure(broken))
                release()
                throw error
            }
            outcome = .failure(error)
        }
        if passesOn {
            // Someone waits for the writer: they carry the transaction on, and the last one commits it. A refused
            // transaction waits for that commit too, so what its caller reads next (the current value of a stale
            // edit) holds the changes its body saw.
            do {
                try await withCheckedThrowingContinuation { continuation in
                    members.append(continuation)
                    release()
                }
            } catch {
                if case .failure = outcome { return try outcome.get() }
                throw error
            }
            return try outcome.get()
        }
        do {
            try await commit(sql)
        } catch {
            release()
            if case .failure = outcome { return try outcome.get() }
            throw error
        }
        release()
        return try outcome.get()
    }

    /// Runs `body` on the writer alone, outside any transaction (statements like `VACUUM INTO`), after the
    /// open transaction, if any, is committed.
    func exclusive<T: Sendable>(_ body: @Sendable (SQLiteHandle) async throws -> T) async throws -> T {
        await acquire()
        do {
            try await commit(connection.store(offloading: true))
            let value = try await body(connection)
            release()
            return value
        } catch {
            release()
            throw error
        }
    }
}

/// The assessments as the members of one open group transaction stored them, for the members after them: an
/// edit whose assessment an earlier member of the same group changed takes that member's snapshot (when its
/// revision is the one now stored) instead of reading the assessment's seven tables again. Only within the
/// transaction: it is dropped when the transaction ends, committed or not, and emptied when a member is rolled
/// back; nothing else writes while it is open (the writer is held).
final class OpenTransaction: Sendable {
    private let snapshots = Mutex<[String: AssessmentSnapshot]>([:])

    /// The open transaction the current task's body runs in (nil outside SQLite's group commit).
    @TaskLocal static var current: OpenTransaction?

    func snapshot(_ id: String) -> AssessmentSnapshot? { snapshots.withLock { $0[id] } }

    func keep(_ snapshot: AssessmentSnapshot) { snapshots.withLock { $0[snapshot.assessment.id] = snapshot } }

    func forget(_ id: String) { _ = snapshots.withLock { $0.removeValue(forKey: id) } }

    func forgetAll() { snapshots.withLock { $0.removeAll() } }
}
