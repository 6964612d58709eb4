import MaturityCore

/// What every human-readable review renderer needs: the review, the catalog, the language, and the
/// sentences that state each fact behind the decision.
public struct ReviewContext: Sendable {
    public let review: Review
    public let catalog: Catalog
    public let language: Language
    /// The audit team's sign-off over the review result, when the assessment names its auditor.
    public var signOff: SignOff?
    /// The current result's report context, for names and the reasons behind each level.
    let base: ReportContext
    let words: Words

    public init(review: Review, catalog: Catalog, language: Language) {
        self.review = review
        self.catalog = catalog
        self.language = language
        self.base = ReportContext(result: review.current, catalog: catalog, language: language)
        self.words = Words(language: language)
    }

    func ratingName(_ id: String) -> String { catalog.ratingName(id, language) }

    /// " — surveillance review", or " — special audit review" for a follow-up audit.
    var titleSuffix: String {
        review.current.kind == .special
            ? words(" — 特殊审核报告", " — special audit review") : words(" — 监督审核报告", " — surveillance review")
    }
    func domainName(_ id: String) -> String { base.domainName(id) }
    func criterionName(_ id: String) -> String { base.criterionName(id) }

    /// "15 actions: 6 done, 5 on track, 2 overdue, 2 superseded"
    func progressSummary(_ progress: PlanProgress) -> String {
        let w = words
        let parts = PlanProgress.State.allCases.compactMap { state -> String? in
            let n = progress.count(state)
            return n == 0 && state != .overdue ? nil : "\(n) " + w.progressState(state)
        }
        let n = progress.items.count
        return w("\(n) 项行动：", "\(n) action\(n == 1 ? "" : "s"): ") + parts.joined(separator: w("，", ", "))
    }

    /// A fact behind a decision, in the report's language; `date` writes the dates.
    func describe(_ fact: ReviewFact, date: (Day) -> String = { $0.description }) -> String {
        let w = words
        switch fact {
        case .previousSuspended(let day):
            return w("上次审核（\(date(day))）已暂停证书", "the previous review (\(date(day))) suspended the certificate")
        case .ratingFail:
            return w("评级为“\(ratingName(RatingRule.failId))”", "the rating is \(ratingName(RatingRule.failId))")
        case .suspensionExpired(let since, let limit):
            return w(
                "证书自 \(date(since)) 起暂停，已超过 6 个月（至 \(date(limit))）",
                "the certificate has been suspended since \(date(since)), more than 6 months (until \(date(limit)))")
        case .suspensionLifted(let since, let rating, let planChecked):
            return w(
                "\(date(since)) 起的暂停可以解除：评级为“\(ratingName(rating))”，"
                    + (planChecked ? "没有逾期的 P1 纠正行动" : "未提供改进计划，未检查逾期行动"),
                "the suspension of \(date(since)) can be lifted: the rating is \(ratingName(rating)) and "
                    + (planChecked
                        ? "no P1 corrective action is overdue" : "no plan was given to check overdue actions"))
        case .actionOverdue(let id, let priority, let due, let status, let completed):
            var state = w.status(status)
            if status == .done, let completed {
                state += w("，\(date(completed)) 完成，晚于审核日", ", completed \(date(completed)), after the review date")
            }
            return w(
                "\(priority.rawValue) 纠正行动 \(id) 期限 \(date(due)) 已逾期（状态：\(state)）",
                "\(priority.rawValue) corrective action \(id) due \(date(due)) is overdue (status \(state))")
        case .ratingLowered(let from, let to):
            return w(
                "评级由“\(ratingName(from))”降为“\(ratingName(to))”",
                "the rating fell from \(ratingName(from)) to \(ratingName(to))")
        case .overallDropped(let from, let to):
            let drop = NumberText.fixed(from - to)
            let limit = NumberText.plain(ReviewDecision.overallDropThreshold)
            return w(
                "总分下降 \(drop) 分（\(NumberText.fixed(from)) → \(NumberText.fixed(to))），达到 \(limit) 分",
                "the overall score fell by \(drop) points (\(NumberText.fixed(from)) → \(NumberText.fixed(to))), \(limit) or more"
            )
        case .ratingRaised(let from, let to):
            return w(
                "评级由“\(ratingName(from))”升为“\(ratingName(to))”",
                "the rating rose from \(ratingName(from)) to \(ratingName(to))")
        case .noRuleAbove(let rating, let planChecked):
            let limit = NumberText.plain(ReviewDecision.overallDropThreshold)
            return w(
                "以上规则均不适用：评级保持“\(ratingName(rating))”，总分下降未达 \(limit) 分，"
                    + (planChecked ? "没有逾期的 P1、P2 纠正行动" : "未提供改进计划，未检查逾期行动"),
                "no rule above applies: the rating stays \(ratingName(rating)), the overall score did not fall by \(limit) "
                    + "points or more, and "
                    + (planChecked
                        ? "no P1 or P2 corrective action is overdue" : "no plan was given to check overdue actions"))
        }
    }

    /// What the decision does to the certificate, and that it lifts a suspension when it does.
    func meaning(date: (Day) -> String = { $0.description }) -> String {
        words.decisionMeaning(review.decision)
    }

    /// When criteria were added or removed, what the scores are compared on and this result's own overall.
    var basisNote: String? {
        guard review.basis == .commonCriteria else { return nil }
        let own = review.current.overall.map { NumberText.fixed($0) } ?? "—"
        return words(
            "得分按两版准则共有的评价项重新计算后比较；本次结果自身的总分为 \(own)。",
            "Scores compared on the criteria both catalog versions have; this result's own overall score is \(own).")
    }

    /// "84.10 → 85.02 (+0.92)"
    func change(_ score: ScoreDelta) -> String {
        let before = score.previous.map { NumberText.fixed($0) } ?? "—"
        let now = score.current.map { NumberText.fixed($0) } ?? "—"
        var text = "\(before) → \(now)"
        if let delta = score.delta { text += " (\(words.signed(delta)))" }
        return text
    }

    /// Whether the review is of a points catalog (points move, not levels).
    var isPoints: Bool { review.current.points != nil }

    /// In a points review: how long the certificate has held the lowest rating, and the rating the score
    /// reaches that the held time does not grant yet.
    var heldLines: [String] {
        guard let summary = review.current.points else { return [] }
        var lines: [String] = []
        if let holding = summary.holding {
            lines.append(
                words(
                    "证书自 \(holding.since) 起保持“\(ratingName(holding.rating))”及以上，已 \(holding.days) 天",
                    "certificate held at \(ratingName(holding.rating)) or above since \(holding.since): \(holding.days) days"
                ))
        }
        if let pending = summary.pending { lines.append(base.pendingSentence(pending)) }
        return lines
    }

    /// "Level", or "Points" in a points review.
    var levelHeader: String { isPoints ? words("得分", "Points") : words("等级", "Level") }

    /// −1, 0 or +1: which way the criterion's level (or points earned) moved.
    func direction(_ delta: CriterionDelta) -> Int {
        if let change = delta.earnedDelta {
            return change < -Tolerance.epsilon ? -1 : change > Tolerance.epsilon ? 1 : 0
        }
        return (delta.levelDelta ?? 0).signum()
    }

    /// "No criterion changed level." (or points).
    var nothingMoved: String {
        isPoints
            ? words("没有条款的得分变化。", "No criterion's points changed.")
            : words("没有评价项的等级变化。", "No criterion changed level.")
    }

    /// "4 → 3", "n/a → 2"
    func levels(_ delta: CriterionDelta) -> String {
        let na = words("不适用", "n/a")
        if review.current.points != nil {
            func text(_ value: Double?) -> String { value.map { NumberText.plain($0) } ?? na }
            return "\(text(delta.previousEarned)) → \(text(delta.earned))"
        }
        return "\(delta.previousLevel.map(String.init) ?? na) → \(delta.level.map(String.init) ?? na)"
    }

    /// The current result's reasons for a criterion's level (why it is where it is now), and the
    /// assessment's note on it.
    func why(_ id: String) -> [String] {
        guard let criterion = review.current.criterion(id) else { return [] }
        var lines = base.reasons(criterion)
        if let note = criterion.note, !note.isEmpty { lines.append(words("说明：", "note: ") + note) }
        return lines
    }

    /// The catalog change in one sentence per kind of change.
    func catalogChangeLines(_ change: CatalogChange) -> [String] {
        let w = words
        var lines = [
            w(
                "上次结果使用准则版本 \(change.previousVersion)，本次为 \(change.currentVersion)；评价项按编号对应",
                "The previous result used catalog version \(change.previousVersion), this review \(change.currentVersion); "
                    + "criteria are matched by id")
        ]
        if !change.renamed.isEmpty {
            lines.append(
                w("改名：", "Renamed: ")
                    + change.renamed.map { "\($0.from) → \($0.to)" }.joined(separator: w.listSeparator))
        }
        if !change.added.isEmpty {
            lines.append(
                w("新增（不比较）：", "Added (not compared): ") + change.added.joined(separator: w.listSeparator))
        }
        if !change.removed.isEmpty {
            lines.append(
                w("删除（不比较）：", "Removed (not compared): ") + change.removed.joined(separator: w.listSeparator))
        }
        lines.append(w("总分与领域得分：", "Overall and domain scores: ") + w.basis(review.basis))
        return lines
    }

    /// The organisation, with its site.
    var organisationLine: String { base.organisationLine }

    /// "audit, 2026-05-20", with the decision when the previous result was a review.
    func previousLine(date: (Day) -> String = { $0.description }) -> String {
        let w = words
        let p = review.previous
        var text = w.kind(p.kind) + w("，", ", ") + date(p.date)
        text += " — " + ratingName(p.rating) + w("，总分 ", ", overall ") + (p.overall.map { NumberText.fixed($0) } ?? "—")
        if let decision = p.decision { text += w("，决定：", ", decision: ") + w.decision(decision) }
        return text
    }

    /// "development: decides nothing" for an overdue action no rule counts; nil otherwise.
    func notCountedNote(_ item: PlanProgress.Item) -> String? {
        guard item.state == .overdue, !(item.entry.isCorrective && item.entry.priority != .p3) else { return nil }
        return item.entry.isCorrective
            ? words("P3，不影响决定", "P3: decides nothing")
            : words("提升行动，不影响决定", "development: decides nothing")
    }

    /// "corrective" or "development", as the plan says or its priority implies.
    func purposeName(_ entry: PlanEntry) -> String {
        words.purpose(entry.isCorrective ? .corrective : .development)
    }

    /// Plan items in the order a reviewer reads them: overdue first, then on track, done, superseded.
    var planItems: [PlanProgress.Item] {
        guard let progress = review.planProgress else { return [] }
        let order: [PlanProgress.State: Int] = [.overdue: 0, .onTrack: 1, .done: 2, .superseded: 3]
        return progress.items.enumerated().sorted {
            (order[$0.element.state] ?? 4, $0.offset) < (order[$1.element.state] ?? 4, $1.offset)
        }.map(\.element)
    }
}
