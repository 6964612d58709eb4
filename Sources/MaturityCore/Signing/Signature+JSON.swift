import Foundation

extension Signature {
    /// The signature as a result or a decision carries it.
    public var json: JSONValue {
        .object([
            "format": .string(Signature.format), "algorithm": .string("ed25519"), "key_id": .string(keyId),
            "signer": .string(signer), "role": .string(role.rawValue), "date": .string(date.description),
            "digest": .string(digest), "value": .string(value),
        ])
    }

    /// Reads a signature written by `json`; the error says which field is wrong when it cannot.
    public static func read(_ value: JSONValue) -> Result<Signature, SignatureReadError> {
        Result { () throws(SignatureReadError) in try parse(value) }
    }

    static func parse(_ value: JSONValue) throws(SignatureReadError) -> Signature {
        func text(_ key: String) throws(SignatureReadError) -> String {
            guard let text = value[key]?.stringValue, !text.isEmpty else {
                throw SignatureReadError(field: key, problem: .isMissingOrNotText)
            }
            return text
        }
        let format = try text("format")
        guard format == Signature.format else {
            throw SignatureReadError(field: "format", problem: .isFormat(format, expected: Signature.format))
        }
        let roleText = try text("role")
        guard let role = SignerRole(rawValue: roleText) else {
            throw SignatureReadError(field: "role", problem: .isNotASignerRole(roleText))
        }
        guard let date = Day(iso: try text("date")) else {
            throw SignatureReadError(field: "date", problem: .isNotADate)
        }
        return Signature(
            keyId: try text("key_id"), signer: try text("signer"), role: role, date: date, digest: try text("digest"),
            value: try text("value"))
    }

    /// Reads every signature of `list` (the `signatures` member of a result or a decision).
    public static func readAll(_ list: JSONValue?) -> [Result<Signature, SignatureReadError>] {
        (list?.arrayValue ?? []).map(read)
    }
}

/// Why a signature entry could not be read: the field and what is wrong with it.
public struct SignatureReadError: Error, Sendable, Hashable {
    public var field: String
    public var problem: Diagnostic.Message
}

extension ResultJSON {
    /// The result `json` with `signature` added to its `signatures`, replacing an earlier one by the same key:
    /// the bytes to write back. The sealed part is untouched, so the sign-off still verifies.
    public static func adding(_ signature: Signature, to json: JSONValue) -> String {
        guard case .object(var members) = json else { return json.rendered() }
        var list = (members[Key.signatures]?.arrayValue ?? []).filter {
            $0["key_id"]?.stringValue != signature.keyId
        }
        list.append(signature.json)
        members[Key.signatures] = .array(list)
        return JSONValue.object(members).rendered()
    }
}
