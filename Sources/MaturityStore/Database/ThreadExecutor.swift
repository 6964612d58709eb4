import Foundation

/// A thread of its own that runs the jobs of the tasks that prefer it (`withTaskExecutorPreference`,
/// `Task(executorPreference:)`), in the order they come.
///
/// Swift's concurrency threads (one a core) run the jobs of every request in the order they were enqueued. Work
/// that everything else waits for — an SQLite transaction, run while holding the store's one writer — then
/// waited, after each statement or hand-off, behind the jobs of every request not holding it. On a thread of its
/// own it queues only behind its own kind, and the system schedules the thread beside the others.
///
/// A job here must not block the thread on anything that needs the thread: whatever runs in a transaction body
/// that waits synchronously (a file write synchronised to disk, say) holds up every SQLite store's writer of the
/// process meanwhile, as it held the writer before.
final class ThreadExecutor: TaskExecutor, @unchecked Sendable {
    /// Where SQLite transactions run: every store of the process (their statements that may wait long — a
    /// commit for the disk, a begin for another process's lock — run on NIO's blocking pool, not here).
    static let sqliteWriter = ThreadExecutor(name: "sqlite-writer")

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    /// Starts the thread, named `name` (`Thread.current.name` on it; 15 bytes at most, shown by `top -H` and
    /// `perf`).
    init(name: String) {
        Thread { [self] in
            Thread.current.name = name
            run()
        }.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs the jobs as they come, for as long as the process lives.
    private func run() -> Never {
        var batch: [UnownedJob] = []
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            swap(&batch, &jobs)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
