/// Text as SpreadsheetML holds it. XML 1.0 cannot carry most control characters, so OOXML writes
/// them as `_xHHHH_` (ST_Xstring); a literal `_xHHHH_` in the text is written `_x005F_xHHHH_`.
enum XMLText {
    /// Escaped for element content or a double-quoted attribute value.
    static func escape(_ text: String, into out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// Cell text in ST_Xstring form: characters XML cannot hold as `_xHHHH_`, and a literal `_xHHHH_`
    /// protected by `_x005F_`.
    static func encodeXstring(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "_" || !allowed($0) }) else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "_", escapeAt(scalars, index) != nil {
                out += "_x005F_"
            } else if !allowed(scalar) {
                out += "_x" + hex4(scalar.value) + "_"
            } else {
                out.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return out
    }

    /// The text an ST_Xstring means: every `_xHHHH_` decoded.
    static func decodeXstring(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let value = escapeAt(scalars, index), let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// The code point of an `_xHHHH_` starting at `index`.
    static func escapeAt(_ scalars: [Unicode.Scalar], _ index: Int) -> UInt32? {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x" || scalars[index + 1] == "X",
            scalars[index + 6] == "_"
        else { return nil }
        var value: UInt32 = 0
        for offset in 2...5 {
            guard let digit = hexDigit(scalars[index + offset]) else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Characters XML 1.0 can hold.
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
