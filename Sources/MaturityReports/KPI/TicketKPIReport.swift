import MaturityCore

/// `maturity kpi`: the KPIs of a ticket export, each with the tickets it is over, the KPIs the
/// mapping cannot give, and the rows left out.
public struct TicketKPIReport: Sendable {
    public let measurement: TicketMeasurement
    let language: Language
    let words: Words

    public init(_ measurement: TicketMeasurement, language: Language) {
        self.measurement = measurement
        self.language = language
        self.words = Words(language: language)
    }

    static func definition(_ id: String) -> KPIDefinition? {
        KPIDefinition.builtIn.first { $0.id == id }
    }

    /// The value with its unit: `4.5 min`, `92.31 %`, `4.2/5`, `1200`.
    static func value(_ value: Double?, kpi: String) -> String {
        guard let value else { return "—" }
        return NumberText.plain(value) + (definition(kpi)?.unit.valueSuffix ?? "")
    }

    /// What a KPI's count is of: "950 responded".
    func over(_ value: TicketMeasurement.Value) -> String {
        let w = words
        let n = value.over
        switch value.id {
        case "first_response_minutes_p50", "first_response_minutes_p90", "response_within_10min_rate":
            return w("\(n) 张有首次响应", "\(n) responded")
        case "completion_within_sla_rate", "resolution_within_5_workdays_rate", "reopen_rate", "callback_rate":
            return w("\(n) 张已解决", "\(n) resolved")
        case "fcr_rate", "complaint_rate":
            return w("\(n) 张有记录", "\(n) with a value")
        case "csat_mean", "satisfaction_rate":
            return w("\(n) 张有评分", "\(n) rated")
        default:
            return w("\(n) 张工单", count(n, "ticket"))
        }
    }

    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    public func text() -> String {
        let w = words
        let m = measurement
        var lines: [String] = []
        lines.append(w("工单指标：", "Ticket KPIs: ") + TerminalSafe.clean(m.file))
        var setting = [
            w("映射：", "mapping: ") + (m.mapping.map(TerminalSafe.clean) ?? w("内置简单格式", "built-in simple format")),
            w("时区 ", "time zone ") + TerminalSafe.clean(m.timeZone),
        ]
        if m.eventLog { setting.append(w("事件日志（每张工单多行）", "event log (several rows per ticket)")) }
        lines.append("  " + setting.joined(separator: " · "))
        lines.append(
            "  "
                + w(
                    "\(m.rows) 行，\(m.tickets) 张工单，\(m.rowsLeftOut) 行未采用",
                    "\(count(m.rows, "row")), \(count(m.tickets, "ticket")), \(count(m.rowsLeftOut, "row")) left out"))
        lines.append("")
        for value in m.values {
            let name = TicketKPIReport.definition(value.id)?.name.text(language) ?? value.id
            lines.append(
                "  " + DisplayWidth.pad(name, 32)
                    + DisplayWidth.padLeft(TicketKPIReport.value(value.value, kpi: value.id), 12)
                    + "   " + DisplayWidth.pad(over(value), 22) + "  " + value.id)
        }
        if !m.absent.isEmpty {
            lines.append("")
            lines.append(w("未计算（映射中没有所需的列）：", "Not computed (the mapping names no column for):"))
            for absent in m.absent {
                lines.append(
                    "  " + DisplayWidth.pad(absent.id, 34) + w("需要 ", "needs ")
                        + absent.needs.joined(separator: w("、", ", ")))
            }
        }
        if m.rowsLeftOut > 0 {
            lines.append("")
            let shown = m.problems.count
            lines.append(
                m.rowsLeftOut > shown
                    ? w(
                        "未采用的行：\(m.rowsLeftOut)（显示前 \(shown) 个问题）",
                        "Rows left out: \(m.rowsLeftOut) (the first \(shown) problems)")
                    : w("未采用的行：\(m.rowsLeftOut)", "Rows left out: \(m.rowsLeftOut)"))
            for problem in m.problems {
                let place = problem.location.map {
                    w("第 \($0.line) 行第 \($0.column) 列", "line \($0.line), column \($0.column)")
                }
                lines.append("  " + (place.map { $0 + ": " } ?? "") + TerminalSafe.clean(problem.message))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Snake_case keys, sorted; values rounded to 2 decimals; the same input gives the same bytes.
    public static func json(_ m: TicketMeasurement) -> String {
        var kpis: [String: JSONValue] = [:]
        for value in m.values {
            kpis[value.id] = .object(["value": .score(value.value), "over": .int(value.over)])
        }
        var absent: [String: JSONValue] = [:]
        for item in m.absent {
            absent[item.id] = .object(["needs": .array(item.needs.map { .string($0) })])
        }
        let problems: [JSONValue] = m.problems.map { problem in
            .object([
                "line": .int(problem.location?.line), "column": .int(problem.location?.column),
                "message": .string(problem.message),
            ])
        }
        return JSONValue.object([
            "schema": .int(1),
            "file": .string(m.file),
            "mapping": .text(m.mapping),
            "time_zone": .string(m.timeZone),
            "event_log": .bool(m.eventLog),
            "rows": .int(m.rows),
            "tickets": .int(m.tickets),
            "rows_left_out": .int(m.rowsLeftOut),
            "problems": .array(problems),
            "kpis": .object(kpis),
            "not_computed": .object(absent),
        ]).rendered()
    }
}
