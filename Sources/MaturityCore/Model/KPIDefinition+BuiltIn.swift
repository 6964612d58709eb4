extension KPIDefinition {
    /// The KPIs computed from ticket exports; a catalog metric may name any of them.
    public static let builtIn: [KPIDefinition] = [
        KPIDefinition(id: "tickets", name: LocalizedText(zh: "工单数", en: "Tickets"), unit: .count, better: .higher),
        KPIDefinition(
            id: "first_response_minutes_p50", name: LocalizedText(zh: "首次响应时间中位数", en: "First response, median"),
            unit: .minutes, better: .lower),
        KPIDefinition(
            id: "first_response_minutes_p90",
            name: LocalizedText(zh: "首次响应时间 P90", en: "First response, 90th percentile"),
            unit: .minutes, better: .lower),
        KPIDefinition(
            id: "response_within_10min_rate", name: LocalizedText(zh: "10 分钟内响应率", en: "Responded within 10 min"),
            unit: .percent, better: .higher),
        KPIDefinition(
            id: "completion_within_sla_rate", name: LocalizedText(zh: "时限内完成率", en: "Completed within SLA"),
            unit: .percent, better: .higher),
        KPIDefinition(
            id: "resolution_within_5_workdays_rate",
            name: LocalizedText(zh: "5 个工作日内解决率", en: "Resolved within 5 working days"), unit: .percent, better: .higher
        ),
        KPIDefinition(
            id: "fcr_rate", name: LocalizedText(zh: "首次接触解决率", en: "First contact resolution"), unit: .percent,
            better: .higher),
        KPIDefinition(
            id: "csat_mean", name: LocalizedText(zh: "满意度平均分", en: "Mean satisfaction score"), unit: .outOfFive,
            better: .higher),
        KPIDefinition(
            id: "satisfaction_rate", name: LocalizedText(zh: "客户满意率", en: "Satisfied customers"), unit: .percent,
            better: .higher),
        KPIDefinition(
            id: "complaint_rate", name: LocalizedText(zh: "投诉率", en: "Complaint rate"), unit: .percent, better: .lower),
        KPIDefinition(
            id: "reopen_rate", name: LocalizedText(zh: "重开率", en: "Reopen rate"), unit: .percent, better: .lower),
        KPIDefinition(
            id: "callback_rate", name: LocalizedText(zh: "回访率", en: "Callback rate"), unit: .percent, better: .higher),
        KPIDefinition(
            id: "unresolved", name: LocalizedText(zh: "未解决工单数", en: "Unresolved tickets"), unit: .count,
            better: .lower),
    ]
}
