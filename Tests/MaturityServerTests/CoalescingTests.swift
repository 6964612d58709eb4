import Synchronization
import Testing

@testable import MaturityServer

/// An edited assessment's re-scorings: one at a time per assessment, and only the newest revision waiting.
@Suite struct CoalescingTests {
    @Test func whileOneRunsOnlyTheNewestWaitingValueRunsNext() async throws {
        let coalescing = Coalescing<Int>()
        let done = Mutex<[String]>([])
        let (started, startedGo) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseGo) = AsyncStream.makeStream(of: Void.self)
        let (finished, finishedGo) = AsyncStream.makeStream(of: Void.self)
        let work: Coalescing<Int>.Work = { value in
            if value == 1 {
                startedGo.yield()
                for await _ in release { break }
            }
            done.withLock { $0.append("a\(value)") }
            if value == 4 { finishedGo.yield() }
        }
        await coalescing.schedule("a", order: 1, 1, work)
        for await _ in started { break }
        // Revision 1 is being scored: 2 and 3 are replaced by 4 before their turn, an older one is ignored.
        await coalescing.schedule("a", order: 2, 2, work)
        await coalescing.schedule("a", order: 4, 4, work)
        await coalescing.schedule("a", order: 3, 3, work)
        // Another assessment does not wait for this one.
        let other = Mutex(false)
        let (otherDone, otherGo) = AsyncStream.makeStream(of: Void.self)
        await coalescing.schedule("b", order: 1, 1) { _ in
            other.withLock { $0 = true }
            otherGo.yield()
        }
        for await _ in otherDone { break }
        #expect(other.withLock { $0 })
        #expect(done.withLock { $0 }.isEmpty)
        releaseGo.yield()
        for await _ in finished { break }
        #expect(done.withLock { $0 } == ["a1", "a4"])
        // Idle again: the next value runs at once.
        let (again, againGo) = AsyncStream.makeStream(of: Void.self)
        await coalescing.schedule("a", order: 5, 5) { value in
            done.withLock { $0.append("a\(value)") }
            againGo.yield()
        }
        for await _ in again { break }
        #expect(done.withLock { $0 } == ["a1", "a4", "a5"])
    }

    /// With an interval, the first value runs at once and the values of a burst after it wait for the interval
    /// and are worked on once, the newest.
    @Test(.timeLimit(.minutes(1)))
    func valuesScheduledWithinTheIntervalAreWorkedOnOnce() async throws {
        // Long, so that "at once" (within half of it) holds on a machine stalled by the whole suite running beside
        // (a first run once took 1.6 s to be scheduled).
        let interval = Duration.seconds(8)
        let coalescing = Coalescing<Int>(interval: interval)
        let done = Mutex<[Int]>([])
        let (finished, finishedGo) = AsyncStream.makeStream(of: Int.self)
        let work: Coalescing<Int>.Work = { value in
            done.withLock { $0.append(value) }
            finishedGo.yield(value)
        }
        let start = ContinuousClock.now
        await coalescing.schedule("a", order: 1, 1, work)
        for await _ in finished { break }
        #expect(ContinuousClock.now - start < interval / 2, "after a quiet spell, at once")
        for value in 2...3 { await coalescing.schedule("a", order: value, value, work) }
        try await Task.sleep(for: .milliseconds(200))
        // Without the interval, 2 runs at once: by now it would have (checked only while well within the interval,
        // so that a stalled machine does not fail the test).
        if ContinuousClock.now - start < interval - .seconds(1) { #expect(done.withLock { $0 } == [1]) }
        for await value in finished where value == 3 { break }
        #expect(done.withLock { $0 } == [1, 3])
        #expect(ContinuousClock.now - start >= interval, "not before the interval")
        // Nothing else is left to run.
        try await Task.sleep(for: .milliseconds(200))
        #expect(done.withLock { $0 } == [1, 3])
    }
}
