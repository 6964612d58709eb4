import MaturityCore
import Synchronization

/// The register's most asked answers — public verification of a certificate, the due board — kept between
/// requests, for exactly as long as the database can tell this process of every change to the register.
///
/// On PostgreSQL a trigger on every register table notifies ``channel`` when a transaction that changed one
/// commits, whichever process (server, `maturity registry`, psql) wrote it, and the process listens on a
/// connection of its own (``StoreDatabase/announceRegisterChanges(to:)``), proving every ten seconds that notices
/// still arrive: a notice names the certificate that changed, or says only the due boards' facts did (see
/// ``channel``). On SQLite no notice comes, but every connection to the file shares
/// the write-ahead log's index, which every commit rewrites: before each use the cache looks at it, and any
/// commit since the last look — to the register or not — lets everything go. Nothing is kept while neither holds:
/// before the listening is confirmed, from the moment its connection fails until it listens again, without an
/// index to look at.
///
/// An answer read from the database is kept only if no change that touches it was announced between the moment
/// before it was read and the moment it is kept (the ``ticket()`` it was read under), so an answer read before a
/// change and kept after it is not kept at all. A change written through this process also lets everything go as
/// soon as its transaction ends, before the writer's caller hears of it, so the next read sees it even before the
/// database's notice arrives.
public final class RegisterCache: Sendable {
    /// The notification channel the register tables' triggers notify (migration 42): `<schema> <number>` when one
    /// certificate or its history changed, `<schema>` + newline + `boards` when something only the due boards
    /// read did, `<schema>` alone when everything may have.
    public static let channel = "maturity_register"

    struct BoardKey: Hashable {
        var asOf: Day
        var within: Int
        var limit: Int
    }

    struct State {
        /// Counts every change announced; a ticket is the count when a read began.
        var generation: UInt64 = 0
        var listening = false
        /// The count at the last change that may have touched anything (or at the listening's start or end).
        var everythingChanged: UInt64 = 0
        /// The count at each certificate's last announced change.
        var changed: [String: UInt64] = [:]
        var certificates: [String: PublicFacts] = [:]
        var boards: [BoardKey: DueBoard] = [:]
        /// Where no notice comes (SQLite): asked before every use of the cache whether the database changed
        /// since it was last asked; nil when it cannot tell, which lets everything go.
        var probe: (@Sendable () -> Bool?)?

        /// Asks the probe, if any: a change (or no answer) lets everything go.
        mutating func look() {
            guard listening, let probe else { return }
            if probe() != false { forgetEverything() }
        }

        /// Whether what was read under `ticket` about `number` (nil: about everything) is still so.
        func current(_ number: String?, since ticket: UInt64) -> Bool {
            guard listening, everythingChanged <= ticket else { return false }
            guard let number else { return generation == ticket }
            return (changed[number] ?? 0) <= ticket
        }

        mutating func forgetEverything() {
            generation &+= 1
            everythingChanged = generation
            changed.removeAll()
            certificates.removeAll()
            boards.removeAll()
        }
    }

    private let state = Mutex(State())
    /// Reads every certificate's answer into the cache (set by ``Store/keepRegisterAnswers(log:)``), run after the
    /// listening starts and after each change that let everything go, one at a time.
    private let warming = Mutex<(warm: (@Sendable () async -> Void)?, running: Bool, again: Bool)>((nil, false, false))
    /// The most certificates kept; beyond it, no more are (a register this large reads the rest each time).
    let capacity: Int
    /// The most due boards kept (one per as-of date, horizon and limit asked).
    let boardCapacity: Int

    public init(capacity: Int = 100_000, boardCapacity: Int = 64) {
        self.capacity = capacity
        self.boardCapacity = boardCapacity
    }

    /// What a read that may be kept is read under: nil while nothing may be kept.
    func ticket() -> UInt64? {
        state.withLock { state in
            state.look()
            return state.listening ? state.generation : nil
        }
    }

    /// Whether anything read under `ticket` may still be kept (no change of everything since).
    func holds(_ ticket: UInt64) -> Bool {
        state.withLock { $0.listening && $0.everythingChanged <= ticket }
    }

    func certificate(_ number: String) -> PublicFacts? {
        state.withLock { state in
            state.look()
            return state.listening ? state.certificates[number] : nil
        }
    }

    /// Keeps what was read under `ticket`, but for the certificates changed since.
    func keep(_ facts: [PublicFacts], ticket: UInt64?) {
        guard let ticket else { return }
        state.withLock { state in
            for fact in facts where state.current(fact.certificate.number, since: ticket) {
                guard state.certificates.count < capacity || state.certificates[fact.certificate.number] != nil
                else { return }
                state.certificates[fact.certificate.number] = fact
            }
        }
    }

    func board(asOf: Day, within: Int, limit: Int) -> DueBoard? {
        state.withLock { state in
            state.look()
            return state.listening ? state.boards[BoardKey(asOf: asOf, within: within, limit: limit)] : nil
        }
    }

    func keep(_ board: DueBoard, limit: Int, ticket: UInt64?) {
        guard let ticket else { return }
        state.withLock { state in
            guard state.current(nil, since: ticket) else { return }
            let key = BoardKey(asOf: board.asOf, within: board.within, limit: limit)
            if state.boards.count >= boardCapacity, state.boards[key] == nil { state.boards.removeAll() }
            state.boards[key] = board
        }
    }

    /// Certificate `number` changed (nil or empty: anything may have): its answer and every due board are let
    /// go, and what was read about it (or about anything) before is not kept.
    public func changed(_ number: String? = nil) {
        let everything = state.withLock { state in
            guard let number, !number.isEmpty, state.changed.count < 4 * capacity else {
                state.forgetEverything()
                return state.listening
            }
            state.generation &+= 1
            state.changed[number] = state.generation
            state.certificates[number] = nil
            state.boards.removeAll()
            return false
        }
        if everything { warmAgain() }
    }

    /// Something only the due boards read changed (a setting, a nonconformity, an imported result…): every board
    /// is let go, and a board read before is not kept.
    public func changedBoards() {
        state.withLock { state in
            state.generation &+= 1
            state.boards.removeAll()
        }
    }

    /// Whether every change is announced from now on (true only once the listening is confirmed; false the
    /// moment it may no longer be). Either way, what was kept before is let go.
    public func listening(_ listening: Bool) {
        state.withLock { state in
            state.forgetEverything()
            state.listening = listening
        }
        if listening { warmAgain() }
    }

    /// Sets how every certificate's answer is read into the cache, once the listening has started and again
    /// after each change that lets everything go.
    func warm(with warm: @escaping @Sendable () async -> Void) {
        warming.withLock { $0.warm = warm }
        if isListening { warmAgain() }
    }

    /// Runs the warming now, or once more after the one running (whose reads are no longer kept).
    private func warmAgain() {
        let warm: (@Sendable () async -> Void)? = warming.withLock { warming in
            guard let warm = warming.warm else { return nil }
            if warming.running {
                warming.again = true
                return nil
            }
            warming.running = true
            return warm
        }
        guard let warm else { return }
        Task.detached { [weak self] in
            var next: (@Sendable () async -> Void)? = warm
            while let warm = next {
                await warm()
                next = self?.warming.withLock { warming in
                    guard warming.again else {
                        warming.running = false
                        return nil
                    }
                    warming.again = false
                    return warming.warm
                }
            }
        }
    }

    /// Keeps answers from now on where the database announces nothing but can say, at every use of the cache,
    /// whether anything changed since it was last asked (`probe`: true or false, nil when it cannot tell):
    /// each change lets everything go. The probe is only called while it is set, under the cache's lock, so once
    /// ``stopWatching()`` returns it is never called again.
    func watch(_ probe: @escaping @Sendable () -> Bool?) {
        state.withLock { state in
            state.forgetEverything()
            state.probe = probe
            state.listening = true
        }
        warmAgain()
    }

    /// Stops the watching ``watch(_:)`` started; nothing is kept afterwards.
    func stopWatching() {
        state.withLock { state in
            state.forgetEverything()
            state.probe = nil
            state.listening = false
        }
    }

    /// Whether answers are kept now (for tests and the health of the listening).
    public var isListening: Bool { state.withLock { $0.listening } }

    /// How many certificates' answers are kept now.
    public var keptCertificates: Int { state.withLock { $0.certificates.count } }
}

/// What public verification shows of a certificate, on any day: the certificate and its last change.
struct PublicFacts: Sendable {
    var certificate: Certificate
    var ratingName: LocalizedText
    var verificationCode: String
    /// The date of its last state change, if any.
    var lastChange: Day?

    /// The certificate as shown on `asOf`: expired from the day after its expiry, else in its state since its
    /// last change.
    func shown(asOf: Day) -> PublicCertificate {
        let state = certificate.state(asOf: asOf)
        let since = state == .expired ? certificate.expires.adding(days: 1) : lastChange
        return PublicCertificate(
            number: certificate.number, organisation: certificate.organisation, sites: certificate.scope.sites,
            productCategories: certificate.scope.productCategories, catalog: certificate.scope.catalog,
            rating: certificate.rating, ratingName: ratingName, issued: certificate.issued,
            expires: certificate.expires, state: state, stateSince: since, verificationCode: verificationCode)
    }
}
