import SQLKit
import Synchronization

/// Edits of one assessment made by this process take turns, in the order they come (PostgreSQL's one-statement
/// edit: ``AssessmentRepository/edit(_:known:newest:newFiles:_:)``), each handing the snapshot it would store to
/// the next, and those that come while others wait are written together.
///
/// An edit is checked against the assessment as the edits before it left it, and its one statement applies only
/// if the stored revision is still the one checked against. In its turn an edit only adds its statement to the
/// turn's pending writes (``OrderedWrite``); the edit that leaves nobody waiting (or the ``limit``-th) sends them
/// all, in order, in one transaction (one statement alone, as it is), keeping the turn until they are committed.
/// Every edit among them is answered after that: written, or — if a statement found its revision moved on
/// (another process's edit), which rolls them all back — made again as any other edit, against what is stored.
///
/// Under load a turn that wrote was ten milliseconds (a connection from the pool, a round trip, a commit) and the
/// edits of an assessment queued for it; a turn that adds a statement costs only the check.
final class EditTurns: Sendable {
    /// Writes pending in a run of turns, sent by the last; every edit among them waits for ``outcome``.
    final class Pending: Sendable {
        fileprivate let writes = Mutex<[OrderedWrite]>([])
        /// Whether they were committed (false: rolled back, nothing written), or why they failed.
        fileprivate let outcome = Promised<Result<Bool, any Error>>()
    }

    /// A statement of the pending writes was not written: every edit among them is made again (see
    /// ``AssessmentRepository/edit(_:known:newest:newFiles:_:)``).
    struct NotWritten: Error {}

    private struct Turns {
        var waiting: [CheckedContinuation<Void, Never>] = []
        var pending: Pending?
    }

    private struct State {
        /// The assessments whose turn is taken, with those waiting for it.
        var taken: [String: Turns] = [:]
        /// The snapshot the last edit of each assessment left (forgotten all at once past 1,024).
        var written: [String: AssessmentSnapshot] = [:]
    }

    private let state = Mutex(State())

    /// The most edits written together, so that a steady stream of edits of one assessment is still written (and
    /// the first of them not kept waiting long).
    let limit: Int

    /// The pending writes of all assessments sent at once, at most (the others wait their turn, in order): each
    /// sending holds one of the pool's connections and a database process for a few round trips, and with every
    /// connection of the pool sending at once, under load, the slowest edits waited longer (64 editors over 16
    /// assessments, 15 s runs: p99 54 and 60 ms with 4 against 71–79 ms with no limit, about as many edits a second;
    /// within the machine's drift, so a lean rather than a proof).
    private let sending: Gate

    init(limit: Int = 16, sending: Int = 4) {
        self.limit = limit
        self.sending = Gate(sending)
    }

    /// An edit's turn.
    final class Turn: Sendable {
        private let id: String
        private let turns: EditTurns
        private let database: any StoreDatabase
        /// The pending writes the edit's statement joined, if it did.
        fileprivate let joined = Mutex<Pending?>(nil)

        fileprivate init(_ id: String, _ turns: EditTurns, _ database: any StoreDatabase) {
            self.id = id
            self.turns = turns
            self.database = database
        }

        /// Adds `statement`, one that returns a row when it writes, to the pending writes, made by the current
        /// task's ``AuditContext/actor``; the edit is answered once they are committed (or rolled back).
        func write(_ statement: SQLQueryString) {
            let pending = turns.state.withLock { state -> Pending in
                let pending = state.taken[id]?.pending ?? Pending()
                state.taken[id]?.pending = pending
                return pending
            }
            pending.writes.withLock { $0.append(OrderedWrite(statement, by: AuditContext.actor)) }
            joined.withLock { $0 = pending }
        }

        /// Sends the pending writes now, if any, so that this edit can be made under the assessment's row lock
        /// (their edits are answered); false when they were not written (the snapshot handed on with the turn
        /// was never stored).
        func sendPending() async -> Bool {
            let pending = turns.state.withLock { state in
                defer { state.taken[id]?.pending = nil }
                return state.taken[id]?.pending
            }
            guard let pending else { return true }
            return await turns.send(pending, of: id, database: database)
        }
    }

    /// Runs `work` in `id`'s turn, with the snapshot the process's edits last left of it (nil when not known) and
    /// the turn to write through; `work` returns its value and the snapshot it leaves, or nil when it does not
    /// know one. Answers once what `work` wrote is committed (at once if it wrote nothing pending); throws
    /// ``NotWritten`` if it was rolled back because a statement was not written, and what writing it threw if that
    /// failed.
    func inTurn<T>(
        _ id: String, database: any StoreDatabase,
        _ work: (AssessmentSnapshot?, Turn) async throws -> (T, written: AssessmentSnapshot?)
    ) async throws -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state in
                if state.taken[id] == nil {
                    state.taken[id] = Turns()
                    return true
                }
                state.taken[id]?.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        let turn = Turn(id, self, database)
        let last = state.withLock { $0.written[id] }
        let outcome: Result<(T, written: AssessmentSnapshot?), any Error>
        do {
            outcome = .success(try await work(last, turn))
        } catch {
            outcome = .failure(error)
        }
        await leave(id, written: try? outcome.get().written, database: database)
        if let joined = turn.joined.withLock({ $0 }), try await !joined.outcome.value.get() { throw NotWritten() }
        return try outcome.get().0
    }

    /// Ends `id`'s turn: the next waiting takes it, with the pending writes unless they hold ``limit`` edits;
    /// else they are sent first.
    private func leave(_ id: String, written: AssessmentSnapshot?, database: any StoreDatabase) async {
        let full = state.withLock { state -> Pending? in
            if let written {
                if state.written.count >= 1_024, state.written[id] == nil { state.written.removeAll() }
                state.written[id] = written
            } else {
                state.written[id] = nil
            }
            guard let pending = state.taken[id]?.pending else { return nil }
            if state.taken[id]?.waiting.isEmpty == false, pending.writes.withLock({ $0.count }) < limit { return nil }
            state.taken[id]?.pending = nil
            return pending
        }
        // Still this edit's turn: the next edit of the assessment starts from what is committed.
        if let full { await send(full, of: id, database: database) }
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard var turns = state.taken[id], !turns.waiting.isEmpty else {
                state.taken[id] = nil
                return nil
            }
            let next = turns.waiting.removeFirst()
            state.taken[id] = turns
            return next
        }
        next?.resume()
    }

    /// Sends `pending`, tells its edits how it went, and returns whether it was written; if not, what the turn
    /// hands on was never stored. Sent in a task of its own, through ``sending``: the edit that sends them may be
    /// cancelled (its request gone), the others' edits not.
    @discardableResult
    private func send(_ pending: Pending, of id: String, database: any StoreDatabase) async -> Bool {
        let writes = pending.writes.withLock { $0 }
        let sending = self.sending
        let outcome = await Task {
            await sending.through {
                do {
                    return Result<Bool, any Error>.success(try await database.writeInOrder(writes))
                } catch {
                    return .failure(error)
                }
            }
        }.value
        let written = (try? outcome.get()) == true
        if !written { state.withLock { $0.written[id] = nil } }
        pending.outcome.give(outcome)
        return written
    }

    /// How many edits wait for `id`'s turn (tests wait for them to queue).
    func waiting(for id: String) -> Int { state.withLock { $0.taken[id]?.waiting.count ?? 0 } }
}
