import Synchronization

/// The pending writes of several assessments' edits (``EditTurns``) sent in shared transactions, at most
/// ``width`` at once: what comes while they are all under way waits, and goes together, in one transaction, as
/// soon as one of them is done (a group commit).
///
/// Writes that follow others (``send(of:in:after:take:done:)``) wait in the queue until those are done, and go in the next
/// transaction after them; if those were not committed, they are not sent.
///
/// A transaction's writes are taken in the order of their assessments' ids, each assessment's in the order its
/// edits came, so that every process takes the rows' locks in the same order (two processes sharing the database
/// never wait for each other in a circle). Its outcome is every assessment's among it: committed, or — when one of
/// its statements found its revision moved on — rolled back, each edit to be made again.
final class SharedSends: Sendable {
    private struct Queued: Sendable {
        let id: String
        /// Takes the writes, when the transaction they go in is made.
        let take: @Sendable () -> [OrderedWrite]
        let database: any StoreDatabase
        /// How the writes these follow went, once they are done.
        let after: Promised<Result<Bool, any Error>>?
        /// Told how they went, before the next transaction is made.
        let done: @Sendable (Result<Bool, any Error>) -> Void
    }

    private struct State {
        var underWay = 0
        var queued: [Queued] = []
    }

    private let state = Mutex(State())

    /// Where the transactions are made and their outcomes told (the sending itself runs where the database runs
    /// it): a thread of the process's own, so that the edits of every assessment never wait for one of Swift's
    /// threads to be free — a test blocking them (a command run synchronously) held every edit up for longer than
    /// its own deadline.
    private static let sender = ThreadExecutor(name: "maturity-sends")

    /// The most transactions under way at once.
    let width: Int

    /// The most writes taken for one transaction: no more are added once it holds as many (an assessment's writes
    /// are not split).
    let most: Int

    init(width: Int, most: Int = 64) {
        precondition(width > 0 && most > 0, "one transaction at least, of one statement at least")
        self.width = width
        self.most = most
    }

    /// Sends `writes`, the pending writes of the assessment `id`, in `database`: whether they were committed (false:
    /// rolled back, nothing written), or why they failed. Not cancellable: others' writes may share the transaction.
    func send(_ writes: [OrderedWrite], of id: String, in database: any StoreDatabase) async -> Result<Bool, any Error>
    {
        let outcome = Promised<Result<Bool, any Error>>()
        send(of: id, in: database, after: nil, take: { writes }, done: { outcome.give($0) })
        return await outcome.value
    }

    /// Sends the writes `take` gives (taken when their transaction is made), of the assessment `id`, in `database`,
    /// once the writes whose outcome is `after` are done — not at all if they were not committed — and tells `done`
    /// how they went (false: not written), before the next transaction is made: writes that follow these (their
    /// `after` given by `done`) go in it.
    func send(
        of id: String, in database: any StoreDatabase, after: Promised<Result<Bool, any Error>>?,
        take: @escaping @Sendable () -> [OrderedWrite], done: @escaping @Sendable (Result<Bool, any Error>) -> Void
    ) {
        let queued = Queued(id: id, take: take, database: database, after: after, done: done)
        let start = state.withLock { state -> Bool in
            state.queued.append(queued)
            guard state.underWay < width else { return false }
            state.underWay += 1
            return true
        }
        if start { Task(executorPreference: Self.sender) { await self.sendQueued() } }
    }

    /// Sends what is queued, one transaction after another, until nothing is that may go.
    private func sendQueued() async {
        while let (group, notSent) = next() {
            for queued in notSent { queued.done(.success(false)) }
            guard !group.isEmpty else { continue }
            let writes = group.flatMap(\.writes)
            let outcome: Result<Bool, any Error>
            do {
                outcome = .success(try await group[0].queued.database.writeInOrder(writes))
            } catch {
                outcome = .failure(error)
            }
            // Given before the next transaction is made, so that the writes that follow these go in it.
            for queued in group { queued.queued.done(outcome) }
        }
    }

    /// Queued writes taken for a transaction.
    private struct Taken {
        let queued: Queued
        let writes: [OrderedWrite]
    }

    /// The next transaction's share of the queue, in the order of the assessments' ids: the first queued that may go
    /// and those after it of the same database, while fewer than ``most`` statements are taken (an assessment's
    /// writes are not split); and those that follow writes not
    /// committed, not to be sent. Nil when nothing is queued that may go (one transaction fewer under way).
    private func next() -> (group: [Taken], notSent: [Queued])? {
        state.withLock { state -> (group: [Taken], notSent: [Queued])? in
            var group: [Taken] = []
            var notSent: [Queued] = []
            var rest: [Queued] = []
            var database: ObjectIdentifier?
            var count = 0
            for queued in state.queued {
                if let after = queued.after {
                    guard let outcome = after.given else {
                        rest.append(queued)
                        continue
                    }
                    guard (try? outcome.get()) == true else {
                        notSent.append(queued)
                        continue
                    }
                }
                if database == nil { database = ObjectIdentifier(queued.database) }
                guard ObjectIdentifier(queued.database) == database, count < most else {
                    rest.append(queued)
                    continue
                }
                let writes = queued.take()
                group.append(Taken(queued: queued, writes: writes))
                count += writes.count
            }
            state.queued = rest
            guard !group.isEmpty || !notSent.isEmpty else {
                state.underWay -= 1
                return nil
            }
            return (group.sorted { $0.queued.id < $1.queued.id }, notSent)
        }
    }

    /// How many assessments' writes wait to be sent (tests wait for them to queue).
    var queued: Int { state.withLock { $0.queued.count } }
}
