/// Collapses the rows of an event log into one ticket each (the last row of a ticket wins,
/// or, column by column, the first row, or the first or last row that has a value).
///
/// `contiguous` (the default) expects the rows of a ticket together, as exports sorted by ticket
/// write them: it holds one ticket at a time and a 64-bit fingerprint of every finished ticket's id
/// (8 bytes a ticket), so that a ticket turning up again after others is caught rather than counted
/// twice. `any` holds every ticket until the end: right for unsorted logs, memory grows with tickets.
struct EventLogCollapser {
    struct Ticket {
        var id: String
        var facts: TicketFacts
        var rows: Int
        var lastLine: Int
    }

    struct Reappearance {
        var id: String
        var line: Int
    }

    let order: TicketMapping.Order
    let take: TakeRules
    private var currentId: [UInt8] = []
    private var current: Ticket?
    private var finished = Set<UInt64>()
    private var held: [[UInt8]: Ticket] = [:]
    /// Set when a ticket's rows turn out not to be together (contiguous order only).
    private(set) var reappeared: Reappearance?

    init(order: TicketMapping.Order, take: TakeRules) {
        self.order = order
        self.take = take
    }

    /// Adds a row of ticket `id`; returns the previous ticket when this row starts another.
    mutating func add(id: UnsafeBufferPointer<UInt8>, facts: TicketFacts, line: Int) -> Ticket? {
        switch order {
        case .any:
            let key = Array(id)
            if var ticket = held[key] {
                ticket.facts.merge(facts, take)
                ticket.rows += 1
                ticket.lastLine = line
                held[key] = ticket
            } else {
                held[key] = Ticket(id: String(decoding: id, as: UTF8.self), facts: facts, rows: 1, lastLine: line)
            }
            return nil
        case .contiguous:
            if current != nil, currentId.elementsEqual(id) {
                current?.facts.merge(facts, take)
                current?.rows += 1
                current?.lastLine = line
                return nil
            }
            let done = current
            if done != nil { finished.insert(EventLogCollapser.fingerprint(currentId)) }
            if finished.contains(EventLogCollapser.fingerprint(id)) {
                reappeared = Reappearance(id: String(decoding: id, as: UTF8.self), line: line)
            }
            currentId.removeAll(keepingCapacity: true)
            currentId.append(contentsOf: id)
            current = Ticket(id: String(decoding: id, as: UTF8.self), facts: facts, rows: 1, lastLine: line)
            return done
        }
    }

    /// The tickets not yet returned, at the end of the file.
    mutating func finishAll() -> [Ticket] {
        switch order {
        case .any:
            let tickets = held.values.sorted { $0.lastLine < $1.lastLine }
            held = [:]
            return tickets
        case .contiguous:
            defer { current = nil }
            return current.map { [$0] } ?? []
        }
    }

    /// FNV-1a, then a final mix: 64 bits, so that two ids of a million share one with odds of 1 in 10⁷.
    static func fingerprint<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}
