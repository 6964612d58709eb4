/// What one row says about a ticket, or what a ticket's rows say once an event log is collapsed.
/// Times are milliseconds since 1970 UTC; nil is a missing value.
struct TicketFacts {
    var created: Int64?
    var firstResponse: Int64?
    /// A first response time given directly, in milliseconds.
    var responseTime: Int64?
    var resolved: Int64?
    /// Milliseconds allowed to completion by the ticket's priority; nil when the priority is missing.
    var deadline: Int64?
    var slaMet: Bool?
    var fcr: Bool?
    /// Rating in thousandths of a point (4.5 → 4500).
    var csat: Int64?
    var complaint: Bool?
    var reopened: Bool?
    var callback: Bool?

    /// Folds a later row of the same ticket in, column by column as the mapping says.
    @inline(__always)
    mutating func merge(_ row: TicketFacts, _ take: TakeRules) {
        created = take.created.pick(created, row.created)
        firstResponse = take.firstResponse.pick(firstResponse, row.firstResponse)
        responseTime = take.responseTime.pick(responseTime, row.responseTime)
        resolved = take.resolved.pick(resolved, row.resolved)
        deadline = take.priority.pick(deadline, row.deadline)
        slaMet = take.slaMet.pick(slaMet, row.slaMet)
        fcr = take.fcr.pick(fcr, row.fcr)
        csat = take.csat.pick(csat, row.csat)
        complaint = take.complaint.pick(complaint, row.complaint)
        reopened = take.reopened.pick(reopened, row.reopened)
        callback = take.callback.pick(callback, row.callback)
    }
}

/// The collapse rule of every column of an event log.
struct TakeRules {
    var created = TicketMapping.Take.last
    var firstResponse = TicketMapping.Take.last
    var responseTime = TicketMapping.Take.last
    var resolved = TicketMapping.Take.last
    var priority = TicketMapping.Take.last
    var slaMet = TicketMapping.Take.last
    var fcr = TicketMapping.Take.last
    var csat = TicketMapping.Take.last
    var complaint = TicketMapping.Take.last
    var reopened = TicketMapping.Take.last
    var callback = TicketMapping.Take.last

    init(_ mapping: TicketMapping) {
        func rule(_ field: TicketMapping.Field) -> TicketMapping.Take { mapping.columns[field]?.take ?? .last }
        created = rule(.created)
        firstResponse = rule(.firstResponse)
        responseTime = rule(.firstResponseMinutes)
        resolved = rule(.resolved)
        priority = rule(.priority)
        slaMet = rule(.slaMet)
        fcr = rule(.fcr)
        csat = rule(.csat)
        complaint = rule(.complaint)
        reopened = rule(.reopened)
        callback = rule(.callback)
    }
}

extension TicketMapping.Take {
    /// The value kept after a later row: `kept` is what the earlier rows gave.
    @inline(__always)
    func pick<T>(_ kept: T?, _ new: T?) -> T? {
        switch self {
        case .last: return new
        case .first: return kept
        case .firstPresent: return kept ?? new
        case .lastPresent: return new ?? kept
        }
    }
}

/// The running counts every KPI is computed from; nothing per ticket is kept but the
/// response times' counts.
struct TicketTally {
    let rules: Rules
    var tickets = 0
    var responses = DurationCounts()
    var respondedWithin10Minutes = 0
    var resolved = 0
    var unresolved = 0
    var slaKnown = 0
    var slaMet = 0
    var workdaysKnown = 0
    var within5Workdays = 0
    var reopenKnown = 0
    var reopened = 0
    var callbackKnown = 0
    var calledBack = 0
    var fcrKnown = 0
    var fcr = 0
    var complaintKnown = 0
    var complaints = 0
    var ratings = 0
    var ratingSum: Int64 = 0
    var satisfied = 0

    /// What the tally needs to know about the mapping.
    final class Rules {
        let resolvedMapped: Bool
        let slaFromFlag: Bool
        let calendar: WorkdayCalendar
        let zone: ZoneClock

        init(resolvedMapped: Bool, slaFromFlag: Bool, calendar: WorkdayCalendar, zone: ZoneClock) {
            self.resolvedMapped = resolvedMapped
            self.slaFromFlag = slaFromFlag
            self.calendar = calendar
            self.zone = zone
        }
    }

    init(_ rules: Rules) {
        self.rules = rules
    }

    /// Why a ticket's times cannot all be true, and the field that says the impossible; such a
    /// ticket is left out and reported.
    func contradiction(_ t: TicketFacts) -> (message: Diagnostic.Message, field: TicketMapping.Field)? {
        if let created = t.created, let response = t.firstResponse, response < created {
            return (.responseBeforeCreation(local(response), local(created)), .firstResponse)
        }
        if let created = t.created, let resolved = t.resolved, resolved < created {
            return (.resolutionBeforeCreation(local(resolved), local(created)), .resolved)
        }
        if let time = t.responseTime, time < 0 {
            return (.responseTimeNegative, .firstResponseMinutes)
        }
        return nil
    }

    /// An instant as wall-clock time in the mapping's time zone: 2026-03-08 14:05:09.
    func local(_ milliseconds: Int64) -> String {
        let local = milliseconds + rules.zone.offset(atUTC: milliseconds)
        let seconds = local >= 0 ? local / 1000 : (local - 999) / 1000
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = Int(seconds - days * 86400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(Day(daysSinceEpoch: Int(days))) \(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))"
    }

    /// Adds the counts of another part of the same export.
    mutating func merge(_ other: TicketTally) {
        tickets += other.tickets
        responses.merge(other.responses)
        respondedWithin10Minutes += other.respondedWithin10Minutes
        resolved += other.resolved
        unresolved += other.unresolved
        slaKnown += other.slaKnown
        slaMet += other.slaMet
        workdaysKnown += other.workdaysKnown
        within5Workdays += other.within5Workdays
        reopenKnown += other.reopenKnown
        reopened += other.reopened
        callbackKnown += other.callbackKnown
        calledBack += other.calledBack
        fcrKnown += other.fcrKnown
        fcr += other.fcr
        complaintKnown += other.complaintKnown
        complaints += other.complaints
        ratings += other.ratings
        ratingSum += other.ratingSum
        satisfied += other.satisfied
    }

    @inline(__always)
    mutating func add(_ t: borrowing TicketFacts) {
        tickets += 1
        var response = t.responseTime
        if response == nil, let created = t.created, let first = t.firstResponse { response = first - created }
        if let response {
            responses.add(response)
            if response <= 600_000 { respondedWithin10Minutes += 1 }
        }
        if rules.resolvedMapped {
            if let resolvedAt = t.resolved {
                resolved += 1
                if rules.slaFromFlag {
                    if let met = t.slaMet {
                        slaKnown += 1
                        if met { slaMet += 1 }
                    }
                } else if let created = t.created, let deadline = t.deadline {
                    slaKnown += 1
                    if resolvedAt - created <= deadline { slaMet += 1 }
                }
                if let created = t.created {
                    workdaysKnown += 1
                    let from = rules.zone.localDay(atUTC: created)
                    let through = rules.zone.localDay(atUTC: resolvedAt)
                    if rules.calendar.workdays(after: from, through: through) <= 5 { within5Workdays += 1 }
                }
                if let value = t.reopened {
                    reopenKnown += 1
                    if value { reopened += 1 }
                }
                if let value = t.callback {
                    callbackKnown += 1
                    if value { calledBack += 1 }
                }
            } else {
                unresolved += 1
            }
        }
        if let value = t.fcr {
            fcrKnown += 1
            if value { fcr += 1 }
        }
        if let value = t.complaint {
            complaintKnown += 1
            if value { complaints += 1 }
        }
        if let rating = t.csat {
            ratings += 1
            ratingSum += rating
            if rating >= 4000 { satisfied += 1 }
        }
    }
}
