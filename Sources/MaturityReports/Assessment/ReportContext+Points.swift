import MaturityCore

/// The sentences of a points report (GB/T 27922 style): clauses earn points, not levels.
extension ReportContext {
    var isPoints: Bool { result.points != nil }

    /// "Weight" of a levels catalog's domain, "Points" (available) of a points catalog's.
    var domainWeightLabel: String { isPoints ? words("分值", "Points") : words("权重", "Weight") }

    func points(_ value: Double) -> String { NumberText.plain(value) }

    /// "1 point", "2.5 points" (English), "1 分" (Chinese).
    func pointsCount(_ value: Double) -> String {
        words("\(points(value)) 分", "\(points(value)) point\(abs(value - 1) < Tolerance.epsilon ? "" : "s")")
    }

    /// "4.4 / 5" for a clause.
    func earnedText(_ p: CriterionPoints) -> String { "\(points(p.earned)) / \(points(p.points))" }

    /// "(counted at level 0)" or "(counted as 0 points)", after the number of criteria not assessed.
    func notAssessedLine(_ ids: [String]) -> String {
        let w = words
        let count = ids.count
        if isPoints {
            return w(
                "\(count) 项未评估（按 0 分计）：",
                "\(count) \(count == 1 ? "criterion" : "criteria") not assessed (counted as 0 points): ")
                + ids.joined(separator: ", ")
        }
        return w(
            "\(count) 项未评估（按 0 级计）：",
            "\(count) \(count == 1 ? "criterion" : "criteria") not assessed (counted at level 0): ")
            + ids.joined(separator: ", ")
    }

    func profileName(_ id: String) -> String {
        catalog.profile(id)?.name.text(language) ?? id
    }

    // MARK: One clause

    /// Why a clause earned what it did, one sentence per reason, in the order the rules apply.
    func pointsReasons(_ c: CriterionResult, _ p: CriterionPoints) -> [String] {
        let w = words
        if let profile = p.excludedBy {
            return [w("按“\(profileName(profile))”删减，不计分", "excluded for \(profileName(profile)): not counted")]
        }
        guard c.applicable else {
            return [w("不适用：", "not applicable: ") + (c.notApplicableReason ?? "")]
        }
        var lines: [String] = []
        if !c.assessed { lines.append(w("未评估，按 0 分计", "not assessed: counted as 0 points")) }
        if let sample = p.auditedSample ?? p.sample {
            let by = p.auditedSample != nil ? w("审核员抽查", "auditor's sample") : w("抽查", "sample")
            let earned = points(NumberText.rounded(p.points * sample.share))
            lines.append(
                w(
                    "\(by) \(sample.size) 个，\(sample.conforming) 个符合：\(points(p.points)) × \(sample.conforming)/\(sample.size) = \(earned) 分",
                    "\(by) of \(sample.size), \(sample.conforming) conforming: \(points(p.points)) × \(sample.conforming)/\(sample.size) = \(earned) points"
                ))
        }
        if let audited = p.audited, let claimed = p.claimed, abs(audited - claimed) > Tolerance.epsilon {
            lines.append(
                w(
                    "审核员评 \(points(NumberText.rounded(audited))) 分，取代自评的 \(points(NumberText.rounded(claimed))) 分",
                    "auditor's \(points(NumberText.rounded(audited))) points replace the claimed \(points(NumberText.rounded(claimed)))"
                ))
        }
        if p.zeroedForEvidence {
            let judged = points(NumberText.rounded(p.judged))
            if p.invalidEvidence.isEmpty {
                lines.append(
                    w(
                        "未引用证据，按 0 分计（而非 \(judged) 分）",
                        "no evidence cited: 0 points instead of \(judged)"))
            } else {
                lines.append(
                    w(
                        "无有效证据，按 0 分计（而非 \(judged) 分）：",
                        "no valid evidence: 0 points instead of \(judged): ")
                        + p.invalidEvidence.map(w.invalidItem).joined(separator: w("；", "; ")))
            }
        }
        if let kpi = c.metricKPI, let metric = catalog.criterion(c.id)?.metric, let threshold = metric.thresholds[1] {
            if let value = c.metricValue {
                if p.metricMet == false {
                    lines.append(
                        w(
                            "指标 \(kpiName(kpi)) = \(self.value(value, kpi: kpi))，未达到 \(words.threshold(metric.better, threshold))，按 0 分计",
                            "KPI \(kpiName(kpi)) = \(self.value(value, kpi: kpi)) misses \(words.threshold(metric.better, threshold)): 0 points"
                        ))
                }
            } else {
                lines.append(
                    w("指标 \(kpiName(kpi)) 无数据，未限制得分", "KPI \(kpiName(kpi)) has no value: it does not limit the points"))
            }
        }
        return lines
    }

    // MARK: Overall, adjustments, held ratings

    /// "clauses 94.50, adjustments +1.00" beside the overall score, when adjustments moved it.
    func overallBreakdown(_ summary: PointsSummary) -> String? {
        guard let base = summary.base, !summary.adjustments.isEmpty else { return nil }
        var text =
            words("条款得分 ", "clauses ") + NumberText.fixed(base) + words("，调整 ", ", adjustments ")
            + signed(summary.adjustmentTotal)
        if summary.clamped { text += words("，限于 0–100", ", held to 0–100") }
        return text
    }

    /// "Earned 74.4 of 80 points (profile Sales and service: 2 criteria excluded)".
    func pointsLine(_ summary: PointsSummary) -> String {
        let w = words
        var text = w(
            "得分 \(points(NumberText.rounded(summary.earned))) / \(points(summary.available)) 分",
            "earned \(points(NumberText.rounded(summary.earned))) of \(points(summary.available)) points")
        if let profile = summary.profile {
            let excluded = catalog.profile(profile)?.excludes.count ?? 0
            text += w(
                "（\(profileName(profile))，删减 \(excluded) 项）",
                " (\(profileName(profile)), \(excluded) \(excluded == 1 ? "criterion" : "criteria") excluded)")
        }
        return text
    }

    /// One adjustment: "D1 deduction −1: 未按期处理投诉 (CR-02)", or "B2 bonus ignored: …".
    func adjustmentLine(_ applied: AppliedAdjustment) -> String {
        let w = words
        let a = applied.adjustment
        var text = a.id + " "
        switch a.kind {
        case .deduction: text += w("扣分 ", "deduction ") + signed(applied.points)
        case .bonus where applied.counted: text += w("加分 ", "bonus ") + signed(applied.points)
        case .bonus:
            let max = pointsCount(catalog.adjustments?.bonusMax ?? 0)
            text += w("加分不计（加分合计至多 \(max)）", "bonus ignored (bonuses add at most \(max))")
        }
        text += w("：", ": ") + a.text
        if let criterion = a.criterion { text += " (\(criterion))" }
        return text
    }

    /// "would reach Four stars; granted after 365 days at Compliant (held 243 days since 2026-01-12;
    /// from 2027-01-12 if the score holds)".
    func pendingSentence(_ pending: PendingRating) -> String {
        let w = words
        let rating = ratingName(pending.rating)
        let held = ratingName(pending.heldRating)
        var text = w(
            "总分可达“\(rating)”；须保持“\(held)”满 \(pending.requiredDays) 天后授予",
            "would reach \(rating); granted after \(pending.requiredDays) days at \(held)")
        if let days = pending.heldDays, let since = result.points?.holding?.since {
            text += w("（自 \(since) 起已保持 \(days) 天", " (held \(days) days since \(since)")
            if let on = pending.grantableOn {
                text += w("；最早 \(on)，届时得分须仍达到）", "; from \(on) if the score holds)")
            } else {
                text += w("）", ")")
            }
        } else {
            text += w(
                "（无证书记录：保持时间由监督审核按证书历史判定）",
                " (no certificate history: a surveillance review judges the time held)")
        }
        return text
    }

    /// The held-time blocker: "certificate held at Compliant 243 days < 365".
    func heldBlockerText(_ b: Blocker) -> String {
        let w = words
        let rating = ratingName(b.subject.id)
        if result.points?.holding == nil {
            return w(
                "须保持“\(rating)”满 \(Int(b.required)) 天：无证书记录",
                "needs \(Int(b.required)) days at \(rating): no certificate history")
        }
        return w(
            "证书保持“\(rating)”\(Int(b.actual)) 天 < \(Int(b.required)) 天",
            "certificate held at \(rating) for \(Int(b.actual)) days < \(Int(b.required))")
    }

    // MARK: Gaps and path

    /// "+2.60 points" still to earn.
    func toEarnText(_ value: Double) -> String {
        words("差 \(points(NumberText.rounded(value))) 分", "\(points(NumberText.rounded(value))) to earn")
    }

    /// The action of a path clause.
    func action(for gap: PointsGap) -> PlanAction? {
        result.action(ActionBuilder.pointsActionId(criterion: gap.criterion, points: gap.points))
    }

    /// "valid evidence still needed" when the clause has none.
    func pointsEvidenceText(_ action: PlanAction) -> String? {
        guard action.points?.needsEvidence == true else { return nil }
        return words("仍需有效证据（当前证据均不计）", "valid evidence still needed (no cited item counts)")
    }

    /// Why the path to a points target falls short, or why only time is missing.
    var pointsShortNote: String? {
        let w = words
        guard let target = result.target, let rule = catalog.rating(target) else { return nil }
        if !result.reachable {
            return w(
                "即使所有条款得满分，总分也达不到“\(ratingName(target))”的 \(points(rule.overallMin ?? 0)) 分",
                "Even with every clause at full points the overall score cannot reach \(points(rule.overallMin ?? 0)) for \(ratingName(target))"
            )
        }
        if result.blockers.allSatisfy({ $0.condition == .heldDaysMin }), let days = rule.heldDaysMin,
            let lowest = catalog.lowestRating
        {
            return w(
                "总分已达到；“\(ratingName(target))”在保持“\(ratingName(lowest.id))”满 \(days) 天后授予",
                "The score is there; \(ratingName(target)) is granted once \(ratingName(lowest.id)) has been held \(days) days"
            )
        }
        return nil
    }
}
