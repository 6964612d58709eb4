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
        case .special: return self("特殊审核", "special audit")
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
        case .open: return self(status.chineseName, "open")
        case .inProgress: return self(status.chineseName, "in progress")
        case .done: return self(status.chineseName, "done")
        case .superseded: return self(status.chineseName, "superseded")
        }
    }

    func gapStatus(_ status: EvidenceGap.Status) -> String {
        switch status {
        case .missing: return self("缺失", "missing")
        case .stale: return self("超过时效", "stale")
        case .future: return self("日期晚于评估日", "dated after the assessment")
        case .undated: return self("无日期", "undated")
        case .superseded: return self("已被取代", "superseded")
        case .expired: return self("已失效", "expired")
        }
    }

    func purpose(_ purpose: PlanAction.Purpose) -> String {
        switch purpose {
        case .corrective: return self("纠正", "corrective")
        case .development: return self("提升", "development")
        }
    }

    /// Why one cited item does not count: "E17: stale, dated 2025-08-31, 457 days old, this kind counts 365 days".
    func invalidItem(_ item: EvidenceGap.Item) -> String {
        let id = item.id
        switch item.validity {
        case .valid: return id
        case .undated: return self("\(id)：无日期", "\(id): undated")
        case .future(let date): return self("\(id)：日期 \(date) 晚于评估日", "\(id): dated \(date), after the assessment")
        case .superseded(let by, let on): return self("\(id)：已被 \(by) 取代（\(on)）", "\(id): superseded by \(by) (\(on))")
        case .expired(let until): return self("\(id)：已失效，有效期至 \(until)", "\(id): expired, valid until \(until)")
        case .stale(let date, let age, let limit):
            return self(
                "\(id)：超过时效，\(date)，已 \(age) 天，此类证据时效 \(limit) 天",
                "\(id): stale, dated \(date), \(age) days old, this kind counts \(limit) days")
        }
    }

    /// "≤ 30" or "≥ 85".
    func threshold(_ better: Direction, _ value: Double) -> String {
        (better == .lower ? "≤ " : "≥ ") + NumberText.plain(value)
    }

    var listSeparator: String { self("、", ", ") }
}
