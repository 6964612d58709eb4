/// Words a field is compared with (values meaning missing, true, urgent, …), matched on bytes with
/// surrounding spaces ignored and ASCII letters in any case, so that no field becomes a String.
struct ValueSet: Sendable {
    /// Words of up to 8 bytes, lowercased and packed into one integer each, with their length and
    /// position in the list: the common case compares one integer per word.
    private var keys: [UInt64] = []
    private var lengths: [Int] = []
    private var positions: [Int] = []
    private var longWords: [[UInt8]] = []
    private var longPositions: [Int] = []
    let count: Int

    init(_ values: [String]) {
        count = values.count
        for (position, value) in values.enumerated() {
            let word = ValueSet.lowered(ValueSet.trimmed(Array(value.utf8)))
            if word.count <= 8 {
                var key: UInt64 = 0
                for (n, byte) in word.enumerated() { key |= UInt64(byte) << (8 * UInt64(n)) }
                keys.append(key)
                lengths.append(word.count)
                positions.append(position)
            } else {
                longWords.append(word)
                longPositions.append(position)
            }
        }
    }

    var isEmpty: Bool { count == 0 }

    /// Position of the value `bytes` (already trimmed) in the list, if it is there.
    @inline(__always)
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        if n <= 8 {
            // Byte by byte against each packed word of the same length; most stop at the first byte.
            var k = 0
            while k < keys.count {
                if lengths[k] == n {
                    var key = keys[k]
                    var i = 0
                    while i < n {
                        var byte = bytes[i]
                        if byte &- 65 < 26 { byte |= 0x20 }
                        if UInt8(truncatingIfNeeded: key) != byte { break }
                        key >>= 8
                        i += 1
                    }
                    if i == n { return positions[k] }
                }
                k += 1
            }
            return nil
        }
        for (k, word) in longWords.enumerated() where word.count == n {
            var i = 0
            while i < n {
                var byte = bytes[i]
                if byte &- 65 < 26 { byte |= 0x20 }
                if byte != word[i] { break }
                i += 1
            }
            if i == n { return longPositions[k] }
        }
        return nil
    }

    @inline(__always)
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index(of: bytes) != nil
    }

    static func lowered(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
    }

    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        return Array(bytes[start..<end])
    }

    /// A field without surrounding spaces and tabs.
    @inline(__always)
    static func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress else { return bytes }
        var start = 0
        var end = bytes.count
        while start < end, base[start] == 32 || base[start] == 9 { start += 1 }
        while end > start, base[end - 1] == 32 || base[end - 1] == 9 { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// A decimal number (`4`, `4.5`, `-0.25`) in thousandths; nil when the field is not one.
    @inline(__always)
    static func thousandths(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var i = 0
        var negative = false
        if base[0] == UInt8(ascii: "-") || base[0] == UInt8(ascii: "+") {
            negative = base[0] == UInt8(ascii: "-")
            i = 1
        }
        var whole: Int64 = 0
        var digits = 0
        while i < bytes.count, base[i] &- 48 < 10 {
            guard whole < 1_000_000_000_000 else { return nil }
            whole = whole * 10 + Int64(base[i] &- 48)
            i += 1
            digits += 1
        }
        var fraction: Int64 = 0
        var scale: Int64 = 1000
        if i < bytes.count, base[i] == UInt8(ascii: ".") {
            i += 1
            var fractionDigits = 0
            var rest = false
            while i < bytes.count, base[i] &- 48 < 10 {
                if fractionDigits < 3 {
                    scale /= 10
                    fraction += Int64(base[i] &- 48) * scale
                } else if fractionDigits == 3 {
                    rest = base[i] >= UInt8(ascii: "5")
                }
                fractionDigits += 1
                digits += 1
                i += 1
            }
            if rest { fraction += 1 }
        }
        guard digits > 0, i == bytes.count else { return nil }
        let value = whole * 1000 + fraction
        return negative ? -value : value
    }
}
