import MaturityCore

/// Picks the Chinese or English wording of a report label.
struct Words: Sendable {
    let language: Language

    func callAsFunction(_ zh: String, _ en: String) -> String {
        language == .zh ? zh : en
    }

    func kind(_ kind: Assessment.Kind) -> String {
        switch kind {
        case .selfAssessment: return self("自评", "self-assessment")
        case .audit: return self("现场审核", "audit")
        case .surveillance: return self("监督审核", "surveillance review")
        }
    }

    func reason(_ reason: PathStep.Reason) -> String {
        switch reason {
        case .key: return self("关键项", "key")
        case .domain: return self("领域", "domain")
        case .overall: return self("总分", "overall")
        }
    }

    func status(_ status: PlanAction.Status) -> String {
        switch status {
        case .open: return self("未开始", "open")
        case .inProgress: return self("进行中", "in progress")
        case .done: return self("已完成", "done")
        case .superseded: return self("已取代", "superseded")
        }
    }

    func gapStatus(_ status: EvidenceGap.Status) -> String {
        switch status {
        case .missing: return self("缺失", "missing")
        case .stale: return self("已过期", "stale")
        case .future: return self("日期晚于评估日", "dated after the assessment")
        case .undated: return self("无日期", "undated")
        }
    }

    /// "≤ 30" or "≥ 85".
    func threshold(_ better: Direction, _ value: Double) -> String {
        (better == .lower ? "≤ " : "≥ ") + NumberText.plain(value)
    }

    var listSeparator: String { self("、", ", ") }
}
