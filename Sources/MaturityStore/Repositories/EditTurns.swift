import SQLKit
import Synchronization

/// Edits of one assessment made by this process take turns, in the order they come (PostgreSQL's one-statement
/// edit: ``AssessmentRepository/edit(_:known:newest:newFiles:_:)``), each handing the snapshot it would store to
/// the next, and their statements are written together.
///
/// An edit is checked against the assessment as the edits before it left it, and its one statement applies only
/// if the stored revision is still the one checked against. In its turn an edit only adds its statement to the
/// assessment's pending writes (``OrderedWrite``) and leaves: the next edit is checked at once, against what this
/// one would store. The pending writes are sent once the edit that leaves nobody waiting (or the ``limit``-th) has
/// added its own, and once the assessment's writes sent before them are committed; until then later edits join
/// them. They go with other assessments' writes, in transactions shared through ``SharedSends``. Every edit among
/// them is answered after the commit: written, or — if a statement found its revision moved on (another process's
/// edit), which rolls them all back, or writes they follow were not committed — made again as any other edit,
/// against what is stored.
///
/// Under load a turn that wrote was ten milliseconds (a connection from the pool, round trips, a commit) and the
/// edits of an assessment queued for it; a turn that adds a statement costs only the check. Writes that follow
/// others are sent only once those are committed, never beside them: if those fail, a statement computed against
/// what they would have stored could otherwise apply to another process's revision of the same number.
final class EditTurns: Sendable {
    /// Writes of one assessment sent together; every edit among them waits for ``outcome``.
    final class Pending: Sendable {
        private struct Writes {
            var list: [OrderedWrite] = []
            /// Taken to be sent: later writes make pending writes of their own.
            var taken = false
            /// Sent once ``EditTurns/limit`` writes are pending, or one leaves nobody waiting.
            var started = false
        }

        private let writes = Mutex(Writes())
        /// The assessment's pending writes before these: they are sent only once those are committed (computed
        /// against what those would store, they are not written if those were not). Forgotten when sent.
        private let after: Mutex<Pending?>
        /// Whether they were committed (false: rolled back, nothing written), or why they failed.
        fileprivate let outcome = Promised<Result<Bool, any Error>>()

        fileprivate init(after: Pending?) { self.after = Mutex(after) }

        /// Adds `write` unless these were taken to be sent, hold `limit` writes, or their last does not leave the
        /// revision `write` expects.
        fileprivate func join(_ write: OrderedWrite, limit: Int) -> Bool {
            writes.withLock { writes in
                guard !writes.taken, writes.list.count < limit else { return false }
                if let last = writes.list.last?.part, let part = write.part,
                    last.assessment != part.assessment || last.revision + 1 != part.revision
                {
                    return false
                }
                writes.list.append(write)
                return true
            }
        }

        fileprivate var count: Int { writes.withLock { $0.list.count } }

        /// Marks them to be sent; false when they were already.
        fileprivate func start() -> Bool {
            writes.withLock { writes in
                defer { writes.started = true }
                return !writes.started
            }
        }

        /// The writes before these, forgotten.
        fileprivate func takeAfter() -> Pending? {
            after.withLock { after in
                defer { after = nil }; return after
            }
        }

        /// The writes, taken to be sent (none join them afterwards).
        fileprivate func take() -> [OrderedWrite] {
            writes.withLock { writes in
                writes.taken = true
                defer { writes.list = [] }
                return writes.list
            }
        }

        /// Whether they were committed.
        fileprivate var committed: Bool { get async { (try? await outcome.value.get()) == true } }
    }

    /// A statement of the pending writes was not written: every edit among them is made again (see
    /// ``AssessmentRepository/edit(_:known:newest:newFiles:_:)``).
    struct NotWritten: Error {}

    private struct State {
        /// The assessments whose turn is taken, with those waiting for it.
        var taken: [String: [CheckedContinuation<Void, Never>]] = [:]
        /// The snapshot the last edit of each assessment left (past 1,024, all are forgotten at once but those of
        /// assessments with writes pending), perhaps not yet committed: forgotten when the writes that store it are
        /// not.
        var written: [String: AssessmentSnapshot] = [:]
        /// Each assessment's last pending writes, until they are done (committed or not). An edit's statement
        /// joins them, or follows them in pending writes of its own.
        var latest: [String: Pending] = [:]
    }

    private let state = Mutex(State())

    /// The most edits written together, so that a steady stream of edits of one assessment is still written (and
    /// the first of them not kept waiting long).
    let limit: Int

    /// The pending writes of all assessments, sent in shared transactions (see ``SharedSends``).
    private let sends: SharedSends

    init(limit: Int = 16, sending: Int = 1) {
        self.limit = limit
        self.sends = SharedSends(width: sending)
    }

    /// An edit's turn.
    final class Turn: Sendable {
        private let id: String
        private let turns: EditTurns
        private let database: any StoreDatabase
        /// The assessment's last pending writes when the turn began: those that store the snapshot it was given.
        private let basis: Pending?
        /// The pending writes the edit's statement joined, if it did.
        fileprivate let joined = Mutex<Pending?>(nil)

        /// The pending writes that store what the edit leaves: those it joined, else those that store what it was
        /// given.
        fileprivate var depends: Pending? { joined.withLock { $0 } ?? basis }

        fileprivate init(_ id: String, _ turns: EditTurns, _ database: any StoreDatabase, basis: Pending?) {
            self.id = id
            self.turns = turns
            self.database = database
            self.basis = basis
        }

        /// Adds the write of one row of the assessment, made only if the assessment's revision is raised from the
        /// one it expects, to the pending writes, made by the current task's ``AuditContext/actor``; the edit is
        /// answered once they are committed (or rolled back).
        func write(_ part: OrderedWrite.Part) {
            precondition(part.assessment == id, "a write of another assessment in its turn")
            let write = OrderedWrite(part, by: AuditContext.actor)
            let pending = turns.state.withLock { state -> Pending in
                // The last pending writes are the basis's unless they failed meanwhile (then these fail too).
                if let latest = state.latest[id], latest === basis, latest.join(write, limit: turns.limit) {
                    return latest
                }
                let pending = Pending(after: basis)
                _ = pending.join(write, limit: turns.limit)
                state.latest[id] = pending
                return pending
            }
            joined.withLock { $0 = pending }
        }

        /// Sends the pending writes the snapshot the turn was given needs, if any, and waits for them, so that this
        /// edit can be made under the assessment's row lock (their edits are answered); false when they were not
        /// written (the snapshot handed on with the turn was never stored).
        func sendPending() async -> Bool {
            guard let pending = joined.withLock({ $0 }) ?? basis else { return true }
            turns.start(pending, of: id, database: database)
            return await pending.committed
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
                guard state.taken[id] != nil else {
                    state.taken[id] = []
                    return true
                }
                state.taken[id]?.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        let (last, basis) = state.withLock { ($0.written[id], $0.latest[id]) }
        let turn = Turn(id, self, database, basis: basis)
        let outcome: Result<(T, written: AssessmentSnapshot?), any Error>
        do {
            outcome = .success(try await work(last, turn))
        } catch {
            outcome = .failure(error)
        }
        leave(id, written: try? outcome.get().written, after: turn.depends, database: database)
        if let joined = turn.joined.withLock({ $0 }), try await !joined.outcome.value.get() { throw NotWritten() }
        return try outcome.get().0
    }

    /// Ends `id`'s turn, the next waiting taking it; the assessment's last pending writes are sent unless an edit
    /// waiting may join them. What the edit leaves is handed on unless the pending writes it depends on (`after`)
    /// were not committed: they may have failed since it was checked.
    private func leave(
        _ id: String, written: AssessmentSnapshot?, after: Pending?, database: any StoreDatabase
    ) {
        let (latest, next) = state.withLock { state -> (Pending?, CheckedContinuation<Void, Never>?) in
            if let written, after?.outcome.given.map({ (try? $0.get()) == true }) ?? true {
                if state.written.count >= 1_024, state.written[id] == nil {
                    // Forgotten all at once, but for assessments with writes pending (the next edit of one must
                    // be checked against what they will store).
                    let pending = state.latest
                    state.written = state.written.filter { pending[$0.key] != nil }
                }
                state.written[id] = written
            } else {
                state.written[id] = nil
            }
            let latest = state.latest[id]
            guard var waiting = state.taken[id], !waiting.isEmpty else {
                state.taken[id] = nil
                return (latest, nil)
            }
            let next = waiting.removeFirst()
            state.taken[id] = waiting
            return ((latest?.count ?? 0) >= limit ? latest : nil, next)
        }
        if let latest { start(latest, of: id, database: database) }
        next?.resume()
    }

    /// Sends `pending` (once), after the writes before it are committed (in the transaction after theirs), not
    /// cancelled with the edit that sends them. If those were not committed, neither is it: it is not sent. Once
    /// done, the assessment's last pending writes are forgotten if they are these (later ones follow these, and
    /// fail with them), and what the turn hands on if they were not committed.
    private func start(_ pending: Pending, of id: String, database: any StoreDatabase) {
        guard pending.start() else { return }
        let after = pending.takeAfter()
        // Sent before these (it is, as a rule, already: pending writes are followed once taken or full).
        if let after { start(after, of: id, database: database) }
        sends.send(of: id, in: database, after: after?.outcome, take: { pending.take() }) { outcome in
            let written = (try? outcome.get()) == true
            // Given with the state changed, so that an edit leaving its turn sees both or neither.
            self.state.withLock { state in
                if state.latest[id] === pending {
                    state.latest[id] = nil
                    if !written { state.written[id] = nil }
                }
                pending.outcome.give(outcome)
            }
        }
    }

    /// How many assessments' pending writes wait to be sent (tests wait for them to queue).
    var queued: Int { sends.queued }

    /// How many edits wait for `id`'s turn (tests wait for them to queue).
    func waiting(for id: String) -> Int { state.withLock { $0.taken[id]?.count ?? 0 } }
}
