import Synchronization
import Testing

@testable import MaturityStore

/// The reader pool: callers beyond its connections wait in order; once drained for closing, callers already
/// waiting are served and later ones refused (work still under way when a store closes, such as a re-scoring in
/// the background, ends instead of waiting for ever).
@Suite struct ConnectionPoolTests {
    /// Waits until `count` callers wait for a connection.
    func untilWaiting(_ pool: ConnectionPool<Int>, _ count: Int) async throws {
        while await pool.waitingCount < count { try await Task.sleep(for: .milliseconds(5)) }
    }

    @Test(.timeLimit(.minutes(1)))
    func aDrainedPoolServesThoseWaitingAndRefusesLaterCallers() async throws {
        let pool = ConnectionPool([1])
        let held = try await pool.acquire()
        // A caller waiting for the one connection before the pool is drained, then the drain behind it.
        let waiter = Task { try await pool.with { $0 } }
        try await untilWaiting(pool, 1)
        let drained = Task { await pool.drain(count: 1) }
        try await untilWaiting(pool, 2)
        await pool.release(held)
        #expect(try await waiter.value == 1, "served: it waited before the drain")
        #expect(await drained.value == [1])
        #expect(await pool.drain(count: 1).isEmpty, "a second drain (a second close) takes nothing and ends")
        // A caller after the drain is refused at once (it would otherwise wait for ever: every connection is out).
        let refused = Mutex<Bool?>(nil)
        let late = Task {
            do {
                _ = try await pool.acquire()
                refused.withLock { $0 = false }
            } catch StoreError.closed {
                refused.withLock { $0 = true }
            }
        }
        // Until the late caller is answered or queued.
        while refused.withLock({ $0 }) == nil, await pool.waitingCount == 0 {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(refused.withLock { $0 } == true)
        #expect(await pool.waitingCount == 0)
        late.cancel()
    }
}
