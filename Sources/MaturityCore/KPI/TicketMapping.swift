/// How to read one kind of ticket export: which column holds what, how its dates and values
/// are written, which SLA applies to which priority, and whether it is an event log.
public struct TicketMapping: Sendable {
    /// What a column of the export can stand for.
    public enum Field: String, Sendable, CaseIterable, Hashable, Comparable {
        /// The ticket number; needed for an event log.
        case id
        case created
        case firstResponse = "first_response"
        /// A first response time given as a number of minutes instead of a timestamp.
        case firstResponseMinutes = "first_response_minutes"
        case resolved
        case priority
        /// The export's own verdict whether the SLA was met, used instead of computing it.
        case slaMet = "sla_met"
        case fcr
        case csat
        case complaint
        case reopened
        case callback

        enum Kind {
            case text
            case timestamp
            case number
            case flag
        }

        var kind: Kind {
            switch self {
            case .id, .priority: .text
            case .created, .firstResponse, .resolved: .timestamp
            case .firstResponseMinutes, .csat: .number
            case .slaMet, .fcr, .complaint, .reopened, .callback: .flag
            }
        }

        public static func < (lhs: Field, rhs: Field) -> Bool {
            lhs.caseOrder < rhs.caseOrder
        }
    }

    /// Which row of a ticket gives a column's value in an event log.
    public enum Take: String, Sendable, CaseIterable, Hashable {
        /// The ticket's last row, even where that row has no value.
        case last
        /// The ticket's first row.
        case first
        /// The first row that has a value.
        case firstPresent = "first_present"
        /// The last row that has a value.
        case lastPresent = "last_present"
    }

    /// Only rows whose `column` holds one of `values` count for a field (others read as missing).
    public struct Condition: Sendable, Hashable {
        public var column: String
        public var values: [String]
        public var location: SourceLocation?

        public init(column: String, values: [String], location: SourceLocation? = nil) {
            self.column = column
            self.values = values
            self.location = location
        }
    }

    /// One mapped column.
    public struct Column: Sendable, Hashable {
        /// The header text of the column, exactly as the export writes it.
        public var header: String
        /// Date formats for this column (default: the mapping's).
        public var formats: [TimestampFormat]?
        public var take: Take = .last
        /// Flag values for this column (default: the mapping's).
        public var trueValues: [String]?
        public var falseValues: [String]?
        /// What any other value of a flag column means (nil: it is an error).
        public var otherwise: Bool?
        /// Scores of a rating column written as words (非常满意 → 5).
        public var scores: [String: Double] = [:]
        public var when: Condition?
        public var location: SourceLocation?

        public init(_ header: String, location: SourceLocation? = nil) {
            self.header = header
            self.location = location
        }
    }

    /// Hours from creation to completion allowed by priority.
    public struct SLA: Sendable, Hashable {
        /// A priority value with its own hours.
        public struct Entry: Sendable, Hashable {
            public var priority: String
            public var hours: Double

            public init(priority: String, hours: Double) {
                self.priority = priority
                self.hours = hours
            }
        }

        public var urgentHours: Double = 4
        public var otherHours: Double = 48
        /// Exact priority values with their own hours, looked at before `urgent`.
        public var byPriority: [Entry] = []

        public init() {}
    }

    /// How the rows of one ticket lie in an event log.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// Rows of a ticket are together (exports sorted by ticket): one ticket in memory at a time.
        case contiguous
        /// Rows of a ticket anywhere: every ticket is held until the end (memory grows with tickets).
        case any
    }

    public var columns: [Field: Column] = [:]
    /// Columns missing from the header are an error, except in the built-in simple format.
    public var columnsOptional = false
    public var delimiter: UInt8 = UInt8(ascii: ",")
    public var timeZone: TicketTimeZone = .utc
    public var dateFormats: [TimestampFormat] = [.iso8601]
    /// Values meaning "no value" in every column, besides an empty field.
    public var missing: [String] = []
    public var trueValues = TicketMapping.defaultTrue
    public var falseValues = TicketMapping.defaultFalse
    /// Priority values that are urgent.
    public var urgent = ["urgent", "紧急"]
    public var sla = SLA()
    public var calendar = WorkdayCalendar.weekdays
    /// Set for an event log: several rows per ticket, collapsed by ticket id.
    public var eventLog: Order?
    /// The mapping file as diagnostics name it (nil: the built-in simple format).
    public var file: String?

    public static let defaultTrue = ["true", "yes", "y", "1", "是", "t"]
    public static let defaultFalse = ["false", "no", "n", "0", "否", "f"]

    public init() {}

    /// Our own simple format: one row per ticket, ISO 8601 timestamps with offset, columns named
    /// `id, created_at, first_response_at, resolved_at, priority, fcr, csat, complaint, reopened, callback`;
    /// columns the file lacks leave their KPIs out.
    public static var simpleFormat: TicketMapping {
        var mapping = TicketMapping()
        mapping.columnsOptional = true
        for (field, header) in simpleFormatHeaders { mapping.columns[field] = Column(header) }
        return mapping
    }

    public static let simpleFormatHeaders: [(TicketMapping.Field, String)] = [
        (.id, "id"), (.created, "created_at"), (.firstResponse, "first_response_at"), (.resolved, "resolved_at"),
        (.priority, "priority"), (.fcr, "fcr"), (.csat, "csat"), (.complaint, "complaint"), (.reopened, "reopened"),
        (.callback, "callback"),
    ]
}
