/// A fixed set of connections handed out one caller at a time; callers beyond the set wait in order.
actor ConnectionPool<Connection: Sendable> {
    private var idle: [Connection]
    private var waiting: [CheckedContinuation<Connection, Never>] = []

    init(_ connections: [Connection]) {
        idle = connections
    }

    func acquire() async -> Connection {
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

    /// Takes every connection back (waiting for those in use), for closing.
    func drain(count: Int) async -> [Connection] {
        var all: [Connection] = []
        for _ in 0..<count { all.append(await acquire()) }
        return all
    }

    /// Runs `body` with a connection, returning it to the pool afterwards.
    nonisolated func with<T: Sendable>(_ body: @Sendable (Connection) async throws -> T) async throws -> T {
        let connection = await acquire()
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
