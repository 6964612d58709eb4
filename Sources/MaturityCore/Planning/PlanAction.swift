import Foundation

/// One improvement action: what to do to raise a criterion or close a finding, by whom and when.
public struct PlanAction: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// A step of the improvement path.
        case path(PathStep.Reason)
        /// An open audit finding.
        case finding(id: String, grade: FindingGrade)
    }

    /// Corrective actions close a finding or reach the lowest rating; development actions aim higher
    /// while the organisation already meets it. Only corrective actions count in a surveillance review.
    public enum Purpose: String, Sendable, Hashable, CaseIterable {
        case corrective
        case development
    }

    public enum Priority: String, Sendable, Hashable, CaseIterable, Comparable {
        case p1 = "P1"
        case p2 = "P2"
        case p3 = "P3"

        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public enum Status: String, Sendable, Hashable, CaseIterable {
        case open
        case inProgress = "in_progress"
        case done
        case superseded

        /// The status's name in Chinese reports and exports; a plan file may say it this way too.
        public var chineseName: String {
            switch self {
            case .open: return "未开始"
            case .inProgress: return "进行中"
            case .done: return "已完成"
            case .superseded: return "已作废"
            }
        }

        /// Every way people write the status: its id, its Chinese name, and the words a spreadsheet user types.
        public var writtenNames: [String] {
            switch self {
            case .open: return [rawValue, chineseName, "待开始", "未启动"]
            case .inProgress: return [rawValue, "in progress", chineseName, "实施中"]
            case .done: return [rawValue, chineseName, "完成"]
            case .superseded: return [rawValue, chineseName, "作废", "已取代", "取代"]
            }
        }

        /// A status as people write it in a plan file: its id (`in_progress`) or its Chinese name (`进行中`).
        public init?(written text: String) {
            let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard let status = Status.allCases.first(where: { $0.writtenNames.contains(key) }) else { return nil }
            self = status
        }
    }

    /// Who is responsible: a person the assessment names, else the catalog's role.
    public enum Owner: Sendable, Hashable {
        case person(String)
        case role(LocalizedText)
        case unassigned

        public func text(_ language: Language) -> String {
            switch self {
            case .person(let name): return name
            case .role(let role): return role.text(language)
            case .unassigned: return ""
            }
        }
    }

    /// The KPI value the action must reach, when the criterion is measured.
    public struct KPITarget: Sendable, Hashable {
        public var kpi: String
        public var better: Direction
        public var value: Double

        public init(kpi: String, better: Direction, value: Double) {
            self.kpi = kpi
            self.better = better
            self.value = value
        }
    }

    public var id: String
    public var origin: Origin
    public var criterion: String?
    public var domain: String?
    public var from: Int?
    public var to: Int?
    public var what: LocalizedText
    /// Evidence kinds the step's level requires that no valid cited item supplies yet.
    public var evidenceNeeded: [String]
    public var kpiTarget: KPITarget?
    public var owner: Owner
    public var due: Day
    public var priority: Priority
    public var purpose: Purpose
    public var status: Status
    /// For a clause of a points catalog: the points it has and is worth (its `from`/`to` are nil).
    public var points: PointsStep?

    public init(
        id: String, origin: Origin, criterion: String?, domain: String?, from: Int?, to: Int?, what: LocalizedText,
        evidenceNeeded: [String] = [], kpiTarget: KPITarget?, owner: Owner, due: Day, priority: Priority,
        purpose: Purpose = .corrective, status: Status = .open
    ) {
        self.id = id
        self.origin = origin
        self.criterion = criterion
        self.domain = domain
        self.from = from
        self.to = to
        self.what = what
        self.evidenceNeeded = evidenceNeeded
        self.kpiTarget = kpiTarget
        self.owner = owner
        self.due = due
        self.priority = priority
        self.purpose = purpose
        self.status = status
    }

    /// A level step of the improvement path (not a finding).
    public var isPathStep: Bool {
        if case .path = origin { return true }
        return false
    }

    /// The points a clause of a points catalog earns now and is worth: the action earns the difference.
    public struct PointsStep: Sendable, Hashable {
        public var earned: Double
        public var points: Double
        /// No cited evidence is valid: the clause earns nothing until some is.
        public var needsEvidence: Bool

        public init(earned: Double, points: Double, needsEvidence: Bool = false) {
            self.earned = earned
            self.points = points
            self.needsEvidence = needsEvidence
        }

        public var toEarn: Double { max(0, points - earned) }
    }

    /// `key`, `domain`, `overall`, or the finding grade.
    public var kindName: String {
        switch origin {
        case .path(let reason): return reason.rawValue
        case .finding(_, let grade): return grade.rawValue
        }
    }
}
