import Crypto
import Foundation
import _CryptoExtras

/// A signer's Ed25519 private key as a file the person keeps (or the body stores): the key encrypted with
/// AES-GCM under a key derived from a passphrase with scrypt, and the public key in the clear.
public struct PrivateKeyFile: Sendable, Hashable {
    public static let format = "maturity-private-key-1"
    /// scrypt cost: 2^15 rounds, block size 8, parallelism 1 (about 32 MB and a tenth of a second).
    public static let rounds = 1 << 15
    static let blockSize = 8
    static let parallelism = 1

    public var owner: String
    public var role: SignerRole
    public var publicKey: Data
    public var created: Day
    var salt: Data
    /// AES-GCM combined: nonce, ciphertext and tag.
    var sealed: Data
    var rounds: Int

    /// Makes a new key pair for `owner`, encrypted with `passphrase` (`rounds`: scrypt's cost, a power of two
    /// from 2^10; tests use the lowest).
    public static func create(
        owner: String, role: SignerRole, passphrase: String, created: Day, rounds: Int = PrivateKeyFile.rounds
    ) throws -> (file: PrivateKeyFile, key: Curve25519.Signing.PrivateKey) {
        let key = Curve25519.Signing.PrivateKey()
        var salt = Data(count: 16)
        for index in salt.indices { salt[index] = UInt8.random(in: 0...255) }
        let symmetric = try derive(passphrase, salt: salt, rounds: rounds)
        guard let sealed = try AES.GCM.seal(key.rawRepresentation, using: symmetric).combined else {
            throw PrivateKeyError.cannotEncrypt
        }
        let file = PrivateKeyFile(
            owner: owner, role: role, publicKey: key.publicKey.rawRepresentation, created: created, salt: salt,
            sealed: sealed, rounds: rounds)
        return (file, key)
    }

    /// The private key, when `passphrase` is the one it was encrypted with.
    public func open(passphrase: String) throws(PrivateKeyError) -> Curve25519.Signing.PrivateKey {
        guard let symmetric = try? Self.derive(passphrase, salt: salt, rounds: rounds),
            let box = try? AES.GCM.SealedBox(combined: sealed),
            let raw = try? AES.GCM.open(box, using: symmetric)
        else { throw .wrongPassphrase }
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw),
            key.publicKey.rawRepresentation == publicKey
        else { throw .damaged }
        return key
    }

    /// The key as published by the body.
    public var published: PublishedKey {
        PublishedKey(owner: owner, role: role, publicKey: publicKey, validFrom: created)
    }

    static func derive(_ passphrase: String, salt: Data, rounds: Int) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Data(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: blockSize,
            parallelism: parallelism)
    }

    public var json: JSONValue {
        .object([
            "format": .string(PrivateKeyFile.format), "owner": .string(owner), "role": .string(role.rawValue),
            "public_key": .string(publicKey.base64EncodedString()), "created": .string(created.description),
            "kdf": .object([
                "algorithm": .string("scrypt"), "salt": .string(salt.base64EncodedString()), "rounds": .int(rounds),
                "block_size": .int(Self.blockSize), "parallelism": .int(Self.parallelism),
            ]),
            "cipher": .string("aes-256-gcm"), "sealed": .string(sealed.base64EncodedString()),
        ])
    }

    /// Reads a key file written by `json`.
    public static func parse(_ data: Data, file: String) throws(DiagnosticError) -> PrivateKeyFile {
        let root = try JSONDocument.parse(data: data, file: file).root
        let value = JSONValue(root)
        guard value["format"]?.stringValue == format, let owner = value["owner"]?.stringValue,
            let role = value["role"]?.stringValue.flatMap(SignerRole.init(rawValue:)),
            let publicKey = value["public_key"]?.stringValue.flatMap({ Data(base64Encoded: $0) }),
            let created = value["created"]?.stringValue.flatMap({ Day(iso: $0) }),
            let salt = value["kdf"]?["salt"]?.stringValue.flatMap({ Data(base64Encoded: $0) }),
            case .number(let rounds)? = value["kdf"]?["rounds"], rounds >= 1024, rounds <= 1_048_576,
            let sealed = value["sealed"]?.stringValue.flatMap({ Data(base64Encoded: $0) })
        else {
            throw DiagnosticError(
                .error(.notAPrivateKeyFile, at: root.location, hint: .giveKeyFileFromKeysAdd))
        }
        return PrivateKeyFile(
            owner: owner, role: role, publicKey: publicKey, created: created, salt: salt, sealed: sealed,
            rounds: Int(rounds))
    }
}

public enum PrivateKeyError: Error, Sendable, Hashable {
    case cannotEncrypt
    case wrongPassphrase
    case damaged
}
