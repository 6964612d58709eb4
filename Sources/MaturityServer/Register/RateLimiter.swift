import Foundation

/// A token bucket per client: `perMinute` requests a minute on average, bursts up to the same number. Public
/// pages use it so that nobody can walk the register by guessing numbers quickly.
actor RateLimiter {
    let perMinute: Int
    private var buckets: [String: (tokens: Double, at: TimeInterval)] = [:]
    private var sweptAt: TimeInterval = 0

    init(perMinute: Int) {
        self.perMinute = max(1, perMinute)
    }

    /// Whether `client` may make a request `now` (seconds on a monotonic clock); takes a token if so. Returns the
    /// seconds to wait otherwise.
    func admit(_ client: String, now: TimeInterval = ProcessInfo.processInfo.systemUptime) -> TimeInterval? {
        let rate = Double(perMinute) / 60
        let capacity = Double(perMinute)
        var bucket = buckets[client] ?? (capacity, now)
        bucket.tokens = min(capacity, bucket.tokens + (now - bucket.at) * rate)
        bucket.at = now
        defer {
            buckets[client] = bucket
            if now - sweptAt > 60 { sweep(now: now, capacity: capacity, rate: rate) }
        }
        guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / rate }
        bucket.tokens -= 1
        return nil
    }

    /// Forgets full buckets, so the table does not grow with every client ever seen.
    private func sweep(now: TimeInterval, capacity: Double, rate: Double) {
        sweptAt = now
        buckets = buckets.filter { $0.value.tokens + (now - $0.value.at) * rate < capacity }
    }
}
