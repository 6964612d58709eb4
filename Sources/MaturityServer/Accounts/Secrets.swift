import Crypto
import Foundation
import HummingbirdBcrypt
import MaturityCore

/// Random secrets (session ids, CSRF and API tokens, one-time passwords) and the hashes they are stored as.
public enum Secrets {
    /// `bytes` random bytes from the system's generator, as base64url without padding.
    public static func random(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 of `text`, hex: how session ids and API tokens are stored.
    public static func sha256(_ text: String) -> String {
        SignOff.sha256(Data(text.utf8))
    }

    /// Compares without stopping at the first difference, so timing does not tell how much of a token matched.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

/// Password hashing: bcrypt at cost 12 (about a quarter of a second a check), never stored or logged in clear.
public enum Passwords {
    /// bcrypt's cost: 2^12 rounds.
    public static let cost: UInt8 = 12
    /// A password shorter than this is refused.
    public static let minimumLength = 12

    public static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// A hash no password matches, checked when a name is unknown, so an unknown name takes as long to refuse
    /// as a wrong password and names cannot be found by timing.
    static let decoy = Bcrypt.hash(Secrets.random(), cost: cost)

    /// A one-time password for a new or reset account: 20 characters of base64url (120 bits).
    public static func oneTime() -> String { Secrets.random(bytes: 15) }

    /// Why `password` is refused, or nil.
    public static func problem(_ password: String, name: String) -> String? {
        if password.count < minimumLength {
            return "a password needs at least \(minimumLength) characters; '\(name)' was given \(password.count)"
        }
        if password.lowercased().contains(name.lowercased()) {
            return "the password must not contain the user name '\(name)'"
        }
        return nil
    }
}
