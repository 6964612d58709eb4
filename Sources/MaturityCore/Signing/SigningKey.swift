import Crypto
import Foundation

/// An opened private key with the file it came from, that can cross tasks: it signs as its owner in its role.
public struct SigningKey: Sendable {
    public let file: PrivateKeyFile
    let raw: Data

    public init(file: PrivateKeyFile, key: Curve25519.Signing.PrivateKey) {
        self.file = file
        self.raw = key.rawRepresentation
    }

    /// Signs `digest` on `date` as the key's owner in the key's role.
    public func sign(_ digest: String, date: Day) throws -> Signature {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        return try Signature.sign(digest, with: key, signer: file.owner, role: file.role, date: date)
    }
}
