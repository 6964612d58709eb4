import Foundation
import MaturityStoreTesting
import SQLKit
import Testing

@testable import MaturityStore

/// SQLite's one writer: what a transaction does runs on a thread of its own (``ThreadExecutor``), not behind
/// every request's jobs on Swift's shared threads; reads do not take that thread.
@Suite struct WriterThreadTests {
    @Test func aTransactionRunsOnTheWritersThreadAndAReadDoesNot() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let threads = try await store.database.transaction { sql in
                let before = Self.threadName()
                _ = try await sql.raw("SELECT 1 AS one").all()
                // After a statement, and after a hop through an actor, still there.
                let afterStatement = Self.threadName()
                _ = await Hop().here()
                return [before, afterStatement, Self.threadName()]
            }
            #expect(threads == ["sqlite-writer", "sqlite-writer", "sqlite-writer"])
            let reading = try await store.database.read { _ in Self.threadName() }
            #expect(reading != "sqlite-writer")
        }
    }

    @Test func tasksThatPreferAThreadExecutorRunOnItsThread() async throws {
        let executor = ThreadExecutor(name: "test-executor")
        let seen = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for index in 0..<20 {
                group.addTask(executorPreference: executor) { (index, Self.threadName()) }
            }
            var seen: [(Int, String?)] = []
            for try await value in group { seen.append(value) }
            return seen
        }
        #expect(seen.count == 20)
        // Which task ran where, if one ran elsewhere (a loaded full run once failed this, not seen again).
        #expect(seen.allSatisfy { $0.1 == "test-executor" }, "\(seen.sorted { $0.0 < $1.0 })")
    }

    /// The name of the thread the caller runs on (`Thread.current` may not be read in an async function itself).
    private static func threadName() -> String? { Thread.current.name }

    private actor Hop {
        func here() -> Bool { true }
    }
}
