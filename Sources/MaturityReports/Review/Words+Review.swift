import MaturityCore

/// Labels of surveillance reviews and histories.
extension Words {
    func decision(_ decision: ReviewDecision) -> String {
        switch decision {
        case .withdraw: return self("撤销证书", "Withdraw")
        case .suspend: return self("暂停证书", "Suspend")
        case .reinstate: return self("恢复证书", "Reinstate")
        case .downgrade: return self("降级", "Downgrade")
        case .maintainWithFollowUp: return self("保持，需跟踪整改", "Maintain with follow-up")
        case .upgrade: return self("升级", "Upgrade")
        case .maintain: return self("保持", "Maintain")
        }
    }

    /// What the decision does to the certificate, in a sentence.
    func decisionMeaning(_ decision: ReviewDecision) -> String {
        switch decision {
        case .withdraw:
            return self(
                "证书撤销；重新认证须重新申请并接受初次审核。",
                "The certificate is withdrawn; certification needs a new application and initial audit.")
        case .suspend:
            return self(
                "证书暂停，直至整改完成并经下次审核（可为特殊审核）确认；暂停超过 6 个月即撤销。",
                "The certificate is suspended until the gaps are closed and a review (a special audit may be "
                    + "arranged) confirms it; a suspension longer than 6 months ends in withdrawal.")
        case .reinstate:
            return self("证书恢复，暂停解除。", "The certificate is reinstated: the suspension is lifted.")
        case .downgrade: return self("证书保留，评级降低。", "The certificate is kept at the lower rating.")
        case .maintainWithFollowUp:
            return self("证书保持，下次审核跟踪整改。", "The certificate is kept; the next review follows up the gaps.")
        case .upgrade: return self("证书保持，评级提高。", "The certificate is kept at the higher rating.")
        case .maintain: return self("证书保持。", "The certificate is kept.")
        }
    }

    /// The note every review report carries: the decision is the audit team's recommendation.
    var recommendationNote: String {
        self(
            "以上为审核组的建议；认证决定由审核组以外的人员作出。",
            "This is the audit team's recommendation; the certification decision is taken by someone outside the audit team."
        )
    }

    func progressState(_ state: PlanProgress.State) -> String {
        switch state {
        case .done: return self("已完成", "done")
        case .onTrack: return self("按计划进行", "on track")
        case .overdue: return self("逾期", "overdue")
        case .superseded: return self("已作废", "superseded")
        }
    }

    func stage(_ stage: History.Stage) -> String {
        switch stage {
        case .selfAssessment: return self("自评", "self-assessment")
        case .initialAudit: return self("初次认证审核", "initial audit")
        case .surveillance: return self("监督审核", "surveillance")
        case .specialAudit: return self("特殊审核", "special audit")
        case .recertification: return self("再认证审核", "recertification")
        }
    }

    func certificate(_ certificate: History.Certificate) -> String {
        switch certificate {
        case .notGranted: return self("未获证", "not granted")
        case .certified: return self("有效", "certified")
        case .suspended: return self("暂停", "suspended")
        case .withdrawn: return self("撤销", "withdrawn")
        }
    }

    func basis(_ basis: Review.Basis) -> String {
        switch basis {
        case .reported: return self("按两次结果报告的得分比较", "scores as both results report them")
        case .commonCriteria:
            return self("仅按两版准则共有的评价项重新计算后比较", "both recomputed over the criteria both catalog versions have")
        }
    }

    /// "+1.54", "−2.10", "0.00".
    func signed(_ value: Double) -> String {
        let rounded = NumberText.rounded(value)
        if rounded > 0 { return "+" + NumberText.fixed(rounded) }
        if rounded < 0 { return "−" + NumberText.fixed(-rounded) }
        return NumberText.fixed(0)
    }

    /// "+2", "−1", "0".
    func signed(_ value: Int) -> String {
        value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "0"
    }
}
