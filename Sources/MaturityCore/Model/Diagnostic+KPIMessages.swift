/// The messages about KPI values.
extension Diagnostic.Message {
    static func outsideKPIRange(from lower: String, to upper: String, unit: String, found: String) -> Self {
        Self(
            en: "must be from \(lower) to \(upper)\(unit.isEmpty ? "" : " (\(unit))"), found \(found)",
            zh: "应在 \(lower) 到 \(upper) 之间\(unit.isEmpty ? "" : "（\(unit)）")，实际为 \(found)")
    }
}
