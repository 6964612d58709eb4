import Crypto
import Foundation

/// Who signs for a certification body: the auditor who signs an audit result, the reviewer who takes a
/// certification decision.
public enum SignerRole: String, Sendable, Hashable, CaseIterable {
    case auditor
    case decisionMaker = "decision_maker"
}

/// An Ed25519 signature over a digest (a sign-off digest, a decision's digest), naming the key that made
/// it. What is signed is a short text naming the role, key, date and digest, so a signature for one role
/// or day cannot be passed off as another's.
public struct Signature: Sendable, Hashable {
    public static let format = "maturity-signature-1"

    public var keyId: String
    public var signer: String
    public var role: SignerRole
    public var date: Day
    /// The hexadecimal digest signed.
    public var digest: String
    /// The signature, base64.
    public var value: String

    public init(keyId: String, signer: String, role: SignerRole, date: Day, digest: String, value: String) {
        self.keyId = keyId
        self.signer = signer
        self.role = role
        self.date = date
        self.digest = digest
        self.value = value
    }

    /// The bytes a signature covers.
    public static func message(keyId: String, signer: String, role: SignerRole, date: Day, digest: String) -> Data {
        let lines = [format, role.rawValue, keyId, SignOff.escape(signer), date.description, digest]
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Signs `digest` on `date` with `key`, as `signer` in `role`.
    public static func sign(
        _ digest: String, with key: Curve25519.Signing.PrivateKey, signer: String, role: SignerRole, date: Day
    ) throws -> Signature {
        let keyId = PublishedKey.id(of: key.publicKey.rawRepresentation)
        let message = message(keyId: keyId, signer: signer, role: role, date: date, digest: digest)
        let value = try key.signature(for: message).base64EncodedString()
        return Signature(keyId: keyId, signer: signer, role: role, date: date, digest: digest, value: value)
    }

    /// What checking this signature against a key ring finds.
    public enum Check: Sendable, Hashable {
        case valid(PublishedKey)
        /// The ring has no key with this id.
        case unknownKey
        /// The key belongs to someone else, or to another role, than the signature says.
        case wrongSigner(PublishedKey)
        /// The signature does not match the digest and key.
        case mismatch(PublishedKey)
        /// The key was revoked on or before the signing date.
        case revoked(PublishedKey, on: Day)
        /// The signing date is before the key was published.
        case notYetValid(PublishedKey)
        /// The signature is over another digest than the one it should seal.
        case otherDigest(expected: String)
    }

    /// Checks the signature against the published keys, and that it seals `expectedDigest`.
    public func check(against ring: KeyRing, expectedDigest: String) -> Check {
        guard digest == expectedDigest else { return .otherDigest(expected: expectedDigest) }
        guard let key = ring.key(keyId) else { return .unknownKey }
        guard key.owner == signer, key.role == role else { return .wrongSigner(key) }
        guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key.publicKey),
            let bytes = Data(base64Encoded: value),
            publicKey.isValidSignature(
                bytes, for: Signature.message(keyId: keyId, signer: signer, role: role, date: date, digest: digest))
        else { return .mismatch(key) }
        if let revoked = key.revoked, revoked <= date { return .revoked(key, on: revoked) }
        if date < key.validFrom { return .notYetValid(key) }
        return .valid(key)
    }
}
