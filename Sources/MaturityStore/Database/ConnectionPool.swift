/// A fixed set of connections handed out one caller at a time; callers beyond the set wait in order. Once
/// it is drained for closing, it refuses new callers (``StoreError/closed``) rather than keep them waiting for ever.
actor ConnectionPool<Connection: Sendable> {
    private var idle: [Connection]
    private var waiting: [CheckedContinuation<Connection, Never>] = []
    private var closing = false

    init(_ connections: [Connection]) {
        idle = connections
    }

    func acquire() async throws -> Connection {
        guard !closing else { throw StoreError.closed }
        return await take()
    }

    /// How many callers wait for a connection (tests follow the queue with it).
    var waitingCount: Int { waiting.count }

    private func take() async -> Connection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func release(_ connection: Connection) {
        if waiting.isEmpty {
            idle.append(connection)
        } else {
            waiting.removeFirst().resume(returning: connection)
        }
    }

    /// Takes every connection back, for closing: callers already waiting are served first, callers after this
    /// are refused. A second drain takes nothing (the first took them all).
    func drain(count: Int) async -> [Connection] {
        guard !closing else { return [] }
        closing = true
        var all: [Connection] = []
        for _ in 0..<count { all.append(await take()) }
        return all
    }

    /// Runs `body` with a connection, returning it to the pool afterwards.
    nonisolated func with<T: Sendable>(_ body: @Sendable (Connection) async throws -> T) async throws -> T {
        let connection = try await acquire()
        do {
            let value = try await body(connection)
            await release(connection)
            return value
        } catch {
            await release(connection)
            throw error
        }
    }
}
