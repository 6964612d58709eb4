import Foundation

/// How numbers are written in messages, reports and JSON: rounded, without trailing zeros.
public enum NumberText {
    /// `value` rounded to `decimals` places (half away from zero), as a Double.
    public static func rounded(_ value: Double, decimals: Int = 2) -> Double {
        let scale = pow(10.0, Double(decimals))
        let result = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return result == 0 ? 0 : result  // no "-0"
    }

    /// Shortest text for `value` rounded to `decimals` places: 72, 72.5, 66.67.
    public static func plain(_ value: Double, decimals: Int = 2) -> String {
        let r = rounded(value, decimals: decimals)
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        var text = String(format: "%.\(decimals)f", r)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Fixed decimals for aligned tables: 72.50.
    public static func fixed(_ value: Double, decimals: Int = 2) -> String {
        String(format: "%.\(decimals)f", rounded(value, decimals: decimals))
    }
}
