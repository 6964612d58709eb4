import Crypto
import Foundation

/// A public key a certification body publishes: whose it is, in which role, from when, and when it was
/// revoked. Anyone can check a signature against the published keys without an account.
public struct PublishedKey: Sendable, Hashable {
    /// The first 16 hexadecimal digits of the SHA-256 of the public key.
    public var id: String
    public var owner: String
    public var role: SignerRole
    /// The Ed25519 public key, 32 bytes.
    public var publicKey: Data
    public var validFrom: Day
    public var revoked: Day?
    public var revocationReason: String?

    public init(
        owner: String, role: SignerRole, publicKey: Data, validFrom: Day, revoked: Day? = nil,
        revocationReason: String? = nil
    ) {
        self.id = PublishedKey.id(of: publicKey)
        self.owner = owner
        self.role = role
        self.publicKey = publicKey
        self.validFrom = validFrom
        self.revoked = revoked
        self.revocationReason = revocationReason
    }

    /// A key's id: the first 16 hexadecimal digits of the SHA-256 of its public key.
    public static func id(of publicKey: Data) -> String {
        String(SignOff.sha256(publicKey).prefix(16))
    }
}

/// The keys a certification body has published, as `maturity registry keys --format json` writes them.
public struct KeyRing: Sendable, Hashable {
    public static let format = "maturity-keys-1"

    public var keys: [PublishedKey]

    public init(_ keys: [PublishedKey]) {
        self.keys = keys.sorted { ($0.owner, $0.id) < ($1.owner, $1.id) }
    }

    public func key(_ id: String) -> PublishedKey? {
        keys.first { $0.id == id }
    }

    /// The ring as JSON: sorted keys, so the same ring gives the same bytes.
    public var json: JSONValue {
        .object([
            "format": .string(KeyRing.format),
            "keys": .array(
                keys.map { key in
                    .object([
                        "id": .string(key.id), "owner": .string(key.owner), "role": .string(key.role.rawValue),
                        "public_key": .string(key.publicKey.base64EncodedString()),
                        "valid_from": .string(key.validFrom.description), "revoked": .text(key.revoked?.description),
                        "revocation_reason": .text(key.revocationReason),
                    ])
                }),
        ])
    }

    /// Reads a ring written by `json`; every wrong value is a diagnostic located in `file`.
    public static func parse(_ data: Data, file: String) throws(DiagnosticError) -> KeyRing {
        let document = try JSONDocument.parse(data: data, file: file)
        var bag = DiagnosticBag()
        func text(_ node: JSONDocument.Node?, _ what: String, at parent: JSONDocument.Node) -> String? {
            guard let node, case .string(let value) = node.value else {
                bag.append(.error(.keyField(what, .isMissingOrNotText), at: (node ?? parent).location))
                return nil
            }
            return value
        }
        let root = document.root
        guard case .string(KeyRing.format)? = root["format"]?.value, case .array(let items)? = root["keys"]?.value
        else {
            throw DiagnosticError(
                .error(.notAKeyList(format: KeyRing.format), at: root.location, hint: .giveKeyListJSON))
        }
        var keys: [PublishedKey] = []
        for (index, item) in items.enumerated() {
            let what = "keys[\(index)]"
            let owner = text(item["owner"], "\(what).owner", at: item)
            let roleText = text(item["role"], "\(what).role", at: item)
            let role = roleText.flatMap(SignerRole.init(rawValue:))
            if let roleText, role == nil, let node = item["role"] {
                bag.append(
                    .error(
                        .keyField("\(what).role", .isNotASignerRole(roleText)), at: node.location,
                        hint: .signerRoles(SignerRole.allCases.map(\.rawValue))))
            }
            let publicKey = text(item["public_key"], "\(what).public_key", at: item).flatMap {
                Data(base64Encoded: $0)
            }
            if publicKey.map({ $0.count != 32 }) ?? false, let node = item["public_key"] {
                bag.append(.error(.keyField("\(what).public_key", .isNotAnEd25519Key), at: node.location))
            }
            let validFrom = text(item["valid_from"], "\(what).valid_from", at: item).flatMap { Day(iso: $0) }
            var revoked: Day?
            if let node = item["revoked"], case .string(let value) = node.value {
                revoked = Day(iso: value)
                if revoked == nil { bag.append(.error(.keyField("\(what).revoked", .isNotADate), at: node.location)) }
            }
            var reason: String?
            if case .string(let value)? = item["revocation_reason"]?.value { reason = value }
            guard let owner, let role, let publicKey, publicKey.count == 32, let validFrom else { continue }
            let key = PublishedKey(
                owner: owner, role: role, publicKey: publicKey, validFrom: validFrom, revoked: revoked,
                revocationReason: reason)
            if let id = item["id"], case .string(let written) = id.value, written != key.id {
                bag.append(
                    .error(.keyField("\(what).id", .isNotTheIdOfItsKey(written, id: key.id)), at: id.location))
            }
            keys.append(key)
        }
        try bag.throwIfErrors()
        return KeyRing(keys)
    }
}
