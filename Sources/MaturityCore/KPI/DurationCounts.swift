/// Durations counted by value, for exact nearest-rank percentiles in bounded memory.
///
/// Timestamps with whole seconds give durations of whole seconds: those up to about 12 days are
/// counted in a fixed table (4 MB, whatever the number of tickets); any other duration (fractions
/// of a second, longer waits) is counted per distinct value. Selection walks the counts in order,
/// so no value is stored per ticket and nothing is sorted but the rare distinct values.
struct DurationCounts {
    static let tableSeconds = 1 << 20
    private var table: [UInt32] = []
    /// One past the highest table entry counted: selection walks no further.
    private var tableTop = 0
    private var other: [Int64: Int] = [:]
    private(set) var count = 0

    /// Counts a duration of `milliseconds` (≥ 0).
    @inline(__always)
    mutating func add(_ milliseconds: Int64) {
        count += 1
        let seconds = milliseconds / 1000
        if milliseconds - seconds * 1000 == 0, seconds < DurationCounts.tableSeconds {
            if table.isEmpty { table = Array(repeating: 0, count: DurationCounts.tableSeconds) }
            if Int(seconds) >= tableTop { tableTop = Int(seconds) + 1 }
            table[Int(seconds)] &+= 1
            if table[Int(seconds)] == UInt32.max {
                table[Int(seconds)] = 0
                other[seconds * 1000, default: 0] += Int(UInt32.max)
            }
        } else {
            other[milliseconds, default: 0] += 1
        }
    }

    /// Adds another tally's counts (for parallel reading).
    mutating func merge(_ more: DurationCounts) {
        for (value, n) in more.other { other[value, default: 0] += n }
        if !more.table.isEmpty {
            if table.isEmpty { table = Array(repeating: 0, count: DurationCounts.tableSeconds) }
            tableTop = max(tableTop, more.tableTop)
            for i in 0..<more.tableTop where more.table[i] != 0 {
                let sum = UInt64(table[i]) + UInt64(more.table[i])
                if sum >= UInt64(UInt32.max) {
                    table[i] = 0
                    other[Int64(i) * 1000, default: 0] += Int(sum)
                } else {
                    table[i] = UInt32(sum)
                }
            }
        }
        count += more.count
    }

    /// The value at rank ⌈`numerator`/`denominator` · n⌉ of the sorted durations (nearest rank).
    func nearestRank(_ numerator: Int, over denominator: Int) -> Int64? {
        guard count > 0 else { return nil }
        let rank = max(1, (numerator * count + denominator - 1) / denominator)
        var seen = 0
        let sortedOther = other.keys.sorted()
        var next = 0
        // Walk the table and the other values together, in increasing order.
        var second = 0
        while true {
            let tableValue: Int64? = second < tableTop ? Int64(second) * 1000 : nil
            let otherValue: Int64? = next < sortedOther.count ? sortedOther[next] : nil
            guard tableValue != nil || otherValue != nil else { return nil }
            if let o = otherValue, tableValue.map({ o <= $0 }) ?? true {
                seen += other[o, default: 0]
                if seen >= rank { return o }
                next += 1
                if o == tableValue {
                    seen += Int(table[second])
                    if seen >= rank { return o }
                    second += 1
                }
            } else {
                // Skip empty table entries quickly.
                let n = Int(table[second])
                if n > 0 {
                    seen += n
                    if seen >= rank { return tableValue }
                }
                second += 1
            }
        }
    }
}
