/// The KPIs of one ticket export, with how many tickets each is over and what could not be read.
public struct TicketMeasurement: Sendable, Hashable {
    /// A KPI computed from the export; `value` is nil when no ticket had what it needs.
    public struct Value: Sendable, Hashable {
        public var id: String
        public var value: Double?
        /// How many tickets the value is over (its denominator).
        public var over: Int
    }

    /// A KPI not computed because the mapping does not name the columns it needs.
    public struct Absent: Sendable, Hashable {
        public var id: String
        /// Mapping column keys (`created`, `resolved`, …) the KPI would need.
        public var needs: [String]
    }

    /// The export as diagnostics name it.
    public var file: String
    /// The mapping file, nil for the built-in simple format.
    public var mapping: String?
    public var timeZone: String
    public var eventLog: Bool
    /// Data rows read (the header and blank lines not counted).
    public var rows: Int
    /// Distinct tickets the KPIs are over (after an event log is collapsed).
    public var tickets: Int
    /// Rows left out: unreadable, or belonging to a ticket whose times contradict each other.
    public var rowsLeftOut: Int
    /// The first problems, located at their line and column.
    public var problems: [Diagnostic]
    /// Computed KPIs, in the order of the built-in KPI list.
    public var values: [Value]
    public var absent: [Absent]

    /// The problems as warnings for standard error, and a last one with the count when not all are shown.
    public var warnings: [Diagnostic] {
        var warnings = problems.map { Diagnostic.warning(.rowLeftOut + $0.text, at: $0.location) }
        // An event-log ticket may span several rows left out for one problem: say so only when problems
        // were cut from the list.
        if problems.count >= TicketKPIs.shownProblems, rowsLeftOut > problems.count {
            warnings.append(
                .warning(
                    .rowsLeftOutInAll(rowsLeftOut, of: file, shown: problems.count), at: nil, hint: .kpiListsThem))
        }
        return warnings
    }

    /// The values scoring uses: those computed with at least one ticket.
    public func kpiValues(file: String) -> [KPIValue] {
        values.compactMap { value in
            value.value.map { KPIValue(id: value.id, value: $0, source: .tickets(file: file, rows: value.over)) }
        }
    }
}

extension TicketMeasurement {
    /// KPI values from the tally, and the KPIs the mapped columns cannot give.
    static func kpis(_ tally: TicketTally, mapped: Set<TicketMapping.Field>) -> ([Value], [Absent]) {
        var values: [Value] = []
        var absent: [Absent] = []
        func rate(_ part: Int, _ whole: Int) -> Double? {
            whole > 0 ? 100 * Double(part) / Double(whole) : nil
        }
        func need(_ id: String, _ fields: [TicketMapping.Field], _ compute: () -> Value) {
            let missing = fields.filter { !mapped.contains($0) }
            if missing.isEmpty {
                values.append(compute())
            } else {
                absent.append(Absent(id: id, needs: missing.map(\.rawValue)))
            }
        }
        values.append(Value(id: "tickets", value: Double(tally.tickets), over: tally.tickets))
        let responseFields: [TicketMapping.Field] =
            mapped.contains(.firstResponseMinutes) ? [.firstResponseMinutes] : [.created, .firstResponse]
        let responses = tally.responses
        need("first_response_minutes_p50", responseFields) {
            Value(
                id: "first_response_minutes_p50", value: responses.nearestRank(1, over: 2).map { Double($0) / 60_000 },
                over: responses.count)
        }
        need("first_response_minutes_p90", responseFields) {
            Value(
                id: "first_response_minutes_p90", value: responses.nearestRank(9, over: 10).map { Double($0) / 60_000 },
                over: responses.count)
        }
        need("response_within_10min_rate", responseFields) {
            Value(
                id: "response_within_10min_rate", value: rate(tally.respondedWithin10Minutes, responses.count),
                over: responses.count)
        }
        let slaFields: [TicketMapping.Field] = mapped.contains(.slaMet) ? [.resolved, .slaMet] : [.created, .resolved]
        need("completion_within_sla_rate", slaFields) {
            Value(id: "completion_within_sla_rate", value: rate(tally.slaMet, tally.slaKnown), over: tally.slaKnown)
        }
        need("resolution_within_5_workdays_rate", [.created, .resolved]) {
            Value(
                id: "resolution_within_5_workdays_rate", value: rate(tally.within5Workdays, tally.workdaysKnown),
                over: tally.workdaysKnown)
        }
        need("fcr_rate", [.fcr]) {
            Value(id: "fcr_rate", value: rate(tally.fcr, tally.fcrKnown), over: tally.fcrKnown)
        }
        need("csat_mean", [.csat]) {
            Value(
                id: "csat_mean",
                value: tally.ratings > 0 ? Double(tally.ratingSum) / 1000 / Double(tally.ratings) : nil,
                over: tally.ratings)
        }
        need("satisfaction_rate", [.csat]) {
            Value(id: "satisfaction_rate", value: rate(tally.satisfied, tally.ratings), over: tally.ratings)
        }
        need("complaint_rate", [.complaint]) {
            Value(id: "complaint_rate", value: rate(tally.complaints, tally.complaintKnown), over: tally.complaintKnown)
        }
        need("reopen_rate", [.resolved, .reopened]) {
            Value(id: "reopen_rate", value: rate(tally.reopened, tally.reopenKnown), over: tally.reopenKnown)
        }
        need("callback_rate", [.resolved, .callback]) {
            Value(id: "callback_rate", value: rate(tally.calledBack, tally.callbackKnown), over: tally.callbackKnown)
        }
        need("unresolved", [.resolved]) {
            Value(id: "unresolved", value: Double(tally.unresolved), over: tally.tickets)
        }
        return (values, absent)
    }
}
