import Synchronization

/// Edits of one assessment made by this process take turns, in the order they come (PostgreSQL's one-statement
/// edit: ``AssessmentRepository/edit(_:known:newest:newFiles:_:)``), and each hands the snapshot it committed to
/// the next.
///
/// An edit is checked against the assessment as the process last committed it, before anything is sent, and is
/// written by one statement that applies only if the stored revision is still the one checked against. Edits of
/// the same assessment in one process waiting for one another here, rather than for the database's row lock while
/// holding a connection each, find it so; only another process's edit in between makes one start again.
final class EditTurns: Sendable {
    private struct Turns {
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private struct State {
        /// The assessments whose turn is taken, with those waiting for it.
        var taken: [String: Turns] = [:]
        /// The snapshot the last edit of each assessment committed (forgotten all at once past 1,024).
        var committed: [String: AssessmentSnapshot] = [:]
    }

    private let state = Mutex(State())

    /// Runs `work` in `id`'s turn, with the snapshot the process last committed of it (nil when not known);
    /// `work` returns its value and the snapshot it committed, or nil when it does not know one.
    func inTurn<T>(
        _ id: String, _ work: (AssessmentSnapshot?) async throws -> (T, committed: AssessmentSnapshot?)
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
        var committed: AssessmentSnapshot?
        defer { leave(id, committed: committed) }
        let last = state.withLock { $0.committed[id] }
        let (value, stored) = try await work(last)
        committed = stored
        return value
    }

    /// Ends `id`'s turn: the next waiting takes it.
    private func leave(_ id: String, committed: AssessmentSnapshot?) {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let committed {
                if state.committed.count >= 1_024, state.committed[id] == nil { state.committed.removeAll() }
                state.committed[id] = committed
            } else {
                state.committed[id] = nil
            }
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
}
