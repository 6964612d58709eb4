import Foundation
import MaturityCore

/// iCalendar text rules (RFC 5545 §3.1, §3.3.11).
public enum ICS {
    /// TEXT value: backslash, semicolon, comma escaped; line breaks as \n; other controls dropped.
    public static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func date(_ day: Day) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    static func status(_ status: PlanAction.Status) -> String {
        switch status {
        case .open: return "NEEDS-ACTION"
        case .inProgress: return "IN-PROCESS"
        case .done: return "COMPLETED"
        case .superseded: return "CANCELLED"
        }
    }

    /// ASCII letters and digits kept, every other byte of the UTF-8 text as two hex digits after `-`
    /// or `.`; the same text always gives the same slug.
    static func slug(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += "_" + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// 64-bit FNV-1a of the UTF-8 text, as 16 hex digits: short, and the same for the same text.
    static func hash(_ value: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        let digits = String(h, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Folds a content line into lines of at most 75 octets, never splitting a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var out: [String] = []
        var current = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                out.append(current)
                current = ""
                octets = 0
                limit = 74  // continuation lines start with a space
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        out.append(current)
        return out.joined(separator: "\r\n ")
    }
}
