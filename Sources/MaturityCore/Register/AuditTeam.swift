/// The auditors assigned to one audit: a lead and members.
public struct AuditTeam: Sendable, Hashable {
    public var lead: String
    public var members: [String]

    public init(lead: String, members: [String] = []) {
        self.lead = lead
        self.members = members
    }

    public var everyone: [String] { [lead] + members }

    /// Whether `person` is on the team (names compared without titles: '郑雅琴' is on a team led by
    /// '郑雅琴（审核组长）').
    public func includes(_ person: String) -> Bool {
        everyone.contains { PersonName.same($0, person) }
    }
}

/// A declaration that an auditor worked for or consulted a client, from when until when.
public struct ConflictDeclaration: Sendable, Hashable {
    public enum Relation: String, Sendable, Hashable, CaseIterable {
        case employed
        case consulted

        public var words: LocalizedText {
            switch self {
            case .employed: return LocalizedText(zh: "曾受雇于", en: "worked for")
            case .consulted: return LocalizedText(zh: "曾为其提供咨询", en: "consulted")
            }
        }
    }

    public var auditor: String
    public var organisationId: String
    public var relation: Relation
    /// The last day of the relation; nil while it lasts.
    public var until: Day?
    public var note: String?

    public init(auditor: String, organisationId: String, relation: Relation, until: Day?, note: String? = nil) {
        self.auditor = auditor
        self.organisationId = organisationId
        self.relation = relation
        self.until = until
        self.note = note
    }

    /// Whether the relation bars the auditor from an audit on `day`: it lasts, or ended less than `years`
    /// years before.
    public func bars(on day: Day, years: Int) -> Bool {
        guard let until else { return true }
        return day < until.adding(months: 12 * years).adding(days: 1)
    }
}

/// People's names as the register compares them: without a title in brackets and surrounding space.
public enum PersonName {
    /// '郑雅琴（华信认证中心 审核组长）' → '郑雅琴'; 'Wang Hai (lead)' → 'Wang Hai'.
    public static func bare(_ name: String) -> String {
        let cut = name.firstIndex { $0 == "（" || $0 == "(" } ?? name.endIndex
        return name[..<cut].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func same(_ a: String, _ b: String) -> Bool {
        let x = bare(a)
        return !x.isEmpty && x == bare(b)
    }
}
