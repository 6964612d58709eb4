import NIOCore

/// Runs the jobs of the tasks that prefer it on a NIO event loop, in the order they come (see
/// ``PostgresStoreDatabase/onLoop(_:)``).
final class EventLoopExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
