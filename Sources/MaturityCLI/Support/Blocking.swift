import Dispatch

/// Runs async work (the store, the server) from a synchronous command and waits for its outcome.
///
/// A command's `run()` is synchronous: the program calls it from the main thread, but a test — or any
/// program embedding the command line — may call it from a thread of Swift's shared cooperative pool, which
/// has only as many threads as the machine has cores. Waiting there for work that itself needs a pool thread
/// deadlocks as soon as every pool thread waits the same way (two registry commands at once on two cores).
/// So by default the work runs with a task executor of its own, a private serial queue, and never needs a
/// pool thread. Work that must use every core (the server) passes `onPrivateQueue: false` and is only
/// called from the main thread.
enum Blocking {
    static func run<T: Sendable>(onPrivateQueue: Bool = true, _ work: @escaping @Sendable () async throws -> T)
        throws -> T
    {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: onPrivateQueue ? QueueExecutor() : nil) {
            do { outcome.result = .success(try await work()) } catch { outcome.result = .failure(error) }
            done.signal()
        }
        done.wait()
        // The task sets the result before it signals.
        guard let result = outcome.result else { preconditionFailure("the work signalled without a result") }
        return try result.get()
    }

    /// Written by the task before it signals, read after the wait: never at the same time.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    /// A task executor over a private serial queue: the queue's thread is not one of the cooperative pool's.
    private final class QueueExecutor: TaskExecutor {
        private let queue = DispatchQueue(label: "maturity.command")

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    /// Synchronous work started now on a thread of its own (neither the cooperative pool's nor the command's
    /// queue) and awaited later: a command overlaps it with its store's work. Not a `Task`, which would need a
    /// pool thread that, in a test calling commands from every pool thread, never comes.
    final class Ahead<T: Sendable>: @unchecked Sendable {
        private let group = DispatchGroup()
        /// Written before the group is left, read after it is: never at the same time.
        private var result: T?

        init(_ work: @escaping @Sendable () -> T) {
            group.enter()
            DispatchQueue.global().async {
                self.result = work()
                self.group.leave()
            }
        }

        var value: T {
            get async {
                await withCheckedContinuation { continuation in
                    group.notify(queue: .global()) { continuation.resume(returning: self.result!) }
                }
            }
        }
    }
}
