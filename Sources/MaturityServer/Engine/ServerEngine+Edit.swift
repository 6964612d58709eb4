import MaturityStore

extension ServerEngine {
    /// Keeps the revision an edit stored and has it re-scored after the edit is answered (the answer is the
    /// edited part; it never held the score), from the assessment as the check loaded it, so its result is
    /// usually ready when someone asks for it. An assessment's re-scorings are coalesced, not queued: while one runs,
    /// only the newest revision stored meanwhile is scored after it, and within a burst of edits at most one
    /// starts every ``rescoringInterval`` (64 editors of 16 assessments spent most of their CPU scoring revisions
    /// nobody read, each superseded by the next edit before its page was opened). The first edit after a quiet
    /// spell is re-scored at once. A result asked for is always the stored revision's: scored on the spot if its
    /// re-scoring has not started, shared with it if it is running (`RevisionCache.shared`).
    func keep(_ stored: AssessmentSnapshot, checked: CheckedAssessment) async {
        await snapshots.set(stored)
        await rescoring.schedule(stored.assessment.id, order: stored.assessment.revision, (stored, checked)) {
            [self] snapshot, checked in
            // A newer revision is kept already: its own re-scoring comes next.
            guard await snapshots.get(snapshot.assessment.id)?.assessment.revision == snapshot.assessment.revision
            else { return }
            _ = try? await scored(snapshot, checked: checked)
        }
    }
}

extension ServerEngine {
    /// The least time between the starts of two re-scorings of one assessment (see ``keep(_:checked:)``).
    static let rescoringInterval = Duration.milliseconds(200)
}

/// Work on the newest value of each key, one at a time per key: a value scheduled while the key's work runs
/// waits, and replaces any older one waiting (see ``ServerEngine/keep(_:checked:)``). With an `interval`, work on
/// a key starts at least that long after its work last started: a value scheduled sooner waits for it (and is
/// replaced by any newer one meanwhile), so a burst of values is worked on a few times, not once each; a value
/// scheduled after a quiet spell is worked on at once.
actor Coalescing<Value: Sendable> {
    typealias Work = @Sendable (Value) async -> Void
    private var waiting: [String: (order: Int, value: Value)] = [:]
    private var running: Set<String> = []
    private let interval: Duration
    /// When each key's work last started (pruned of starts older than `interval` once more than 1,024 are kept).
    private var started: [String: ContinuousClock.Instant] = [:]

    init(interval: Duration = .zero) {
        self.interval = interval
    }

    /// Runs `work` on `value` soon, unless a newer value (higher `order`) of `key` is waiting, or is replaced
    /// by one before its turn.
    func schedule(_ key: String, order: Int, _ value: Value, _ work: @escaping Work) {
        if let newer = waiting[key], newer.order > order { return }
        waiting[key] = (order, value)
        guard running.insert(key).inserted else { return }
        if started.count > 1_024 {
            let now = ContinuousClock.now
            started = started.filter { now - $0.value < interval }
        }
        // Detached: the re-scoring is nobody's request, and must not run under the task-local values (the
        // signed-in user, the audit trail's actor) of whichever request scheduled it first.
        Task.detached { await self.drain(key, work) }
    }

    /// Works on what waits for `key` until nothing does.
    private func drain(_ key: String, _ work: Work) async {
        while waiting[key] != nil {
            if let last = started[key], ContinuousClock.now < last + interval {
                try? await Task.sleep(until: last + interval)
            }
            guard let next = waiting.removeValue(forKey: key) else { break }
            if interval > .zero { started[key] = ContinuousClock.now }
            await work(next.value)
        }
        running.remove(key)
    }
}

typealias Rescoring = Coalescing<(AssessmentSnapshot, CheckedAssessment)>
