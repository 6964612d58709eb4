import Foundation
import HTTPTypes
import Hummingbird
import MaturityStore
import NIOCore

/// The server's side of accounts: who a request comes from (session cookie or API token), sign-in attempts, and
/// whether accounts exist at all.
final class Accounts: Sendable {
    static let sessionCookie = "maturity_session"
    static let loginCookie = "maturity_login"

    let store: Store
    let configuration: ServerConfiguration
    let limiter: LoginLimiter
    private let known = AccountsFlag()

    init(store: Store, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
        limiter = LoginLimiter(
            attempts: configuration.loginAttempts, delay: configuration.loginDelay, window: 15 * 60)
    }

    /// How long "no user exists" is believed once counted: users are added by `maturity users add`, another
    /// process, and the server without accounts counts them to know whether to ask for sign-in. Counting at every
    /// request was a seventh of a criterion edit's statements on PostgreSQL; counting at most ten times a second,
    /// a first user added while the server runs is asked to sign in from about 100 ms later (100 ms and a count).
    static let noUsersBelieved = Duration.milliseconds(100)

    /// Whether any user exists; once one does, always (users are disabled, never deleted).
    /// Requests that find the answer out of date while another counts take the answer as it was (one count at a
    /// time, not one per request then).
    func exist() async throws -> Bool {
        guard let counting = known.toCount(within: Self.noUsersBelieved) else { return known.value == .some }
        let found: Bool
        do {
            found = try await store.users.count() > 0
        } catch {
            // Not known: the next request counts again (and is refused as this one if the count fails again).
            known.counted(nil, at: counting)
            throw error
        }
        known.counted(found, at: counting)
        // A count begun before another that found users may end after it: users exist then all the same.
        return known.value == .some
    }

    /// The principal of `request`: open when no accounts exist, else the user of a live API token or session.
    func identify(_ request: Request) async throws -> Principal {
        guard try await exist() else { return .open }
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                let found = try await store.tokens.find(tokenHash: Secrets.sha256(String(parts[1])))
            else { return .anonymous }
            let user = try await store.users.get(found.user)
            return Principal(kind: .user(user), via: "token \(found.token.prefix(8))")
        }
        guard let cookie = request.cookies[Self.sessionCookie]?.value, !cookie.isEmpty else { return .anonymous }
        let hash = Secrets.sha256(cookie)
        guard let session = try await store.sessions.find(idHash: hash, now: Date(), idle: configuration.sessionIdle)
        else { return .anonymous }
        let user = try await store.users.get(session.userId)
        return Principal(kind: .user(user), via: "session \(hash.prefix(8))", csrf: session.csrf, sessionHash: hash)
    }

    /// The client's address: the connection's, or with `--behind-proxy` the first of X-Forwarded-For.
    func address(_ request: Request, context: MaturityRequestContext) -> String {
        if configuration.behindProxy, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!] {
            let first = forwarded.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
            if let first, !first.isEmpty { return first }
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }

    /// A cookie as every cookie of this server is set: HttpOnly, SameSite=Strict, path /, Secure behind TLS.
    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.behindProxy, httpOnly: true,
            sameSite: .strict)
    }

    /// Starts a session for `user` (a new id: a session id known before sign-in is never kept) and returns the
    /// cookie carrying it.
    func startSession(for user: UserRecord, address: String) async throws -> Cookie {
        let id = Secrets.random()
        let now = Date()
        try await store.sessions.create(
            idHash: Secrets.sha256(id), user: user.id, csrf: Secrets.random(), address: address, now: now,
            expires: now.addingTimeInterval(configuration.sessionLifetime))
        return cookie(Self.sessionCookie, id, maxAge: Int(configuration.sessionLifetime))
    }
}

/// What the server last learnt of its users: some (for good, once seen), none (when counted), or not yet counted.
final class AccountsFlag: @unchecked Sendable {
    enum Known: Equatable {
        case unknown
        case none(counted: ContinuousClock.Instant)
        case some
    }

    private let lock = NSLock()
    private var stored = Known.unknown

    var value: Known { lock.withLock { stored } }

    /// The moment to count from when the users are to be counted now: nothing known, or "none" counted `within`
    /// ago or longer. The answer "none" is then taken as new from that moment (requests meanwhile take it, the
    /// one told to count tells what it found); nil when the answer is good as it is.
    func toCount(within: Duration) -> ContinuousClock.Instant? {
        lock.withLock {
            let now = ContinuousClock.now
            switch stored {
            case .some: return nil
            case .none(let counted) where now - counted < within: return nil
            case .none: stored = .none(counted: now)
            case .unknown: break
            }
            return now
        }
    }

    /// What a count started at `moment` found (nil: it failed, nothing is known); once some users are seen, the
    /// answer never goes back.
    func counted(_ found: Bool?, at moment: ContinuousClock.Instant) {
        lock.withLock {
            if case .some = stored { return }
            switch found {
            case true?: stored = .some
            case false?: stored = .none(counted: moment)
            case nil: stored = .unknown
            }
        }
    }
}

/// Failed sign-ins per user name and per address: each failure delays the answer longer (doubling up to 8 times
/// the base delay), and after `attempts` failures within the window every attempt is refused, a right password
/// too, with the same words as a wrong one.
actor LoginLimiter {
    let attempts: Int
    let delay: TimeInterval
    let window: TimeInterval
    private var failures: [String: [TimeInterval]] = [:]

    init(attempts: Int, delay: TimeInterval, window: TimeInterval) {
        self.attempts = max(1, attempts)
        self.delay = delay
        self.window = window
    }

    private func recent(_ key: String, now: TimeInterval) -> Int {
        let kept = (failures[key] ?? []).filter { now - $0 < window }
        failures[key] = kept.isEmpty ? nil : kept
        return kept.count
    }

    /// Whether attempts for `name` from `address` are refused for now.
    func blocked(name: String, address: String, now: TimeInterval = ProcessInfo.processInfo.systemUptime) -> Bool {
        recent("user:" + name, now: now) >= attempts || recent("address:" + address, now: now) >= attempts * 3
    }

    /// Records a failure; returns how long to wait before answering.
    func failed(name: String, address: String, now: TimeInterval = ProcessInfo.processInfo.systemUptime)
        -> TimeInterval
    {
        let count = max(recent("user:" + name, now: now), recent("address:" + address, now: now))
        failures["user:" + name, default: []].append(now)
        failures["address:" + address, default: []].append(now)
        return delay * Double(1 << min(count, 3))
    }

    /// A successful sign-in forgets the name's failures (not the address's).
    func succeeded(name: String) {
        failures["user:" + name] = nil
    }
}
