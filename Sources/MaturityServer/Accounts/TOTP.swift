import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238): the second factor an authenticator app shows.
public enum TOTP {
    public enum Algorithm: String, Sendable {
        case sha1 = "SHA1"
        case sha256 = "SHA256"
        case sha512 = "SHA512"
    }

    /// The code for `time`: HMAC of the 30-second step counter, dynamically truncated (RFC 4226) to `digits`.
    public static func code(
        secret: Data, time: Date, digits: Int = 6, period: TimeInterval = 30, algorithm: Algorithm = .sha1
    ) -> String {
        let counter = UInt64(max(0, time.timeIntervalSince1970) / period)
        let message = Data((0..<8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * $0)) })
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] =
            switch algorithm {
            case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
            case .sha256: Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
            case .sha512: Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
            }
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    /// Whether `code` is the code of `time`, or of the step before or after (clocks drift).
    public static func verify(_ code: String, secret: Data, at time: Date) -> Bool {
        let typed = code.filter { !$0.isWhitespace }
        return [-30.0, 0, 30].contains {
            Secrets.equal(typed, Self.code(secret: secret, time: time.addingTimeInterval($0)))
        }
    }

    /// A new secret of 20 random bytes (160 bits, as RFC 4226 recommends).
    public static func newSecret() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// RFC 4648 base32 without padding: how authenticator apps take the secret.
    public static func base32(_ data: Data) -> String {
        var out = ""
        var buffer = 0
        var bits = 0
        for byte in data {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }

    /// The bytes of a base32 text (case and padding ignored); nil when it holds other characters.
    public static func data(base32 text: String) -> Data? {
        var out = Data()
        var buffer = 0
        var bits = 0
        for character in text.uppercased() where character != "=" {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return out
    }

    /// The `otpauth://` URI an authenticator app scans.
    public static func uri(secret: Data, name: String, issuer: String = "maturity") -> String {
        let label = "\(issuer):\(name)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        return "otpauth://totp/\(label)?secret=\(base32(secret))&issuer=\(issuer)&algorithm=SHA1&digits=6&period=30"
    }
}
