/// What this process keeps by key (a revision, a page, an assessment); bounded, oldest dropped first.
actor BoundedCache<Key: Hashable & Sendable, Value: Sendable> {
    private var entries: [Key: Value] = [:]
    /// The keys kept, oldest first, from `first` on (the ones before it are dropped, and removed in bulk).
    private var order: [Key] = []
    private var first = 0
    private let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    func get(_ key: Key) -> Value? { entries[key] }

    /// Work under way, which later askers of the same key wait for instead of doing it again.
    private var running: [Key: Task<Value, any Error>] = [:]

    /// The cached value of `key`, or the one `make` gives, made once however many ask at the same time
    /// (a failure is not kept: the next asker tries again).
    func shared(_ key: Key, make: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let cached = entries[key] { return cached }
        if let task = running[key] { return try await task.value }
        let task = Task { try await make() }
        running[key] = task
        defer { running[key] = nil }
        let value = try await task.value
        set(key, value)
        return value
    }

    func set(_ key: Key, _ value: Value) {
        if entries.updateValue(value, forKey: key) == nil { order.append(key) }
        while order.count - first > capacity {
            entries[order[first]] = nil
            first += 1
        }
        // Removing the oldest one by one moved every other key each time: now once per `capacity` drops.
        if first >= capacity {
            order.removeFirst(first)
            first = 0
        }
    }

    /// Keeps `value` unless one is kept for `key` already.
    func setIfAbsent(_ key: Key, _ value: Value) {
        if entries[key] == nil { set(key, value) }
    }
}

/// What this process scored or loaded, by assessment revision.
typealias RevisionCache<Value: Sendable> = BoundedCache<RevisionKey, Value>
