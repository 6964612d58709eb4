import Foundation

extension Verification {
    /// One signature of a result and what checking it found.
    public struct SignatureCheck: Sendable, Hashable {
        public enum Outcome: Sendable, Hashable {
            /// Checked against the key list.
            case checked(Signature.Check)
            /// An auditor's signature by someone the sign-off does not name as the auditor.
            case notTheAuditor(auditor: String)
            /// No key list was given.
            case notChecked
            /// The entry cannot be read.
            case damaged(SignatureReadError)
        }

        /// Nil when the entry cannot be read.
        public var signature: Signature?
        public var outcome: Outcome
        /// The entry in the result file.
        public var location: SourceLocation?

        public init(signature: Signature?, outcome: Outcome, location: SourceLocation?) {
            self.signature = signature
            self.outcome = outcome
            self.location = location
        }

        public var isValid: Bool {
            if case .checked(.valid) = outcome { return true }
            return false
        }
    }

    /// The sign-off holds: block, expected digest, result and every file (signatures aside).
    public var sealHolds: Bool {
        blockIntact && expectedMatches && resultUnchanged && files.allSatisfy { $0.status == .unchanged }
    }

    /// Every signature valid when a key list was given (and at least one there); none damaged otherwise.
    public var signaturesValid: Bool {
        if keysGiven { return !signatures.isEmpty && signatures.allSatisfy(\.isValid) }
        return !signatures.contains {
            if case .damaged = $0.outcome { return true }
            return false
        }
    }

    /// Checks the `signatures` of a result (`root`, as read from `file`) against `ring`: each must be over the
    /// sign-off's digest, by a published key valid on its date, and an auditor's by the auditor the sign-off
    /// names.
    public static func signatureChecks(
        in root: JSONDocument.Node, signOff: SignOff, recordedDigest: String, ring: KeyRing?
    ) -> [SignatureCheck] {
        guard case .array(let nodes)? = root[ResultJSON.Key.signatures]?.value else { return [] }
        return nodes.map { node in
            switch Signature.read(JSONValue(node)) {
            case .failure(let problem):
                return SignatureCheck(signature: nil, outcome: .damaged(problem), location: node.location)
            case .success(let signature):
                guard let ring else {
                    return SignatureCheck(signature: signature, outcome: .notChecked, location: node.location)
                }
                let check = signature.check(against: ring, expectedDigest: recordedDigest)
                if case .valid = check, signature.role == .auditor,
                    !SignerName.names(signature.signer, in: signOff.auditor)
                {
                    return SignatureCheck(
                        signature: signature, outcome: .notTheAuditor(auditor: signOff.auditor),
                        location: node.location)
                }
                return SignatureCheck(signature: signature, outcome: .checked(check), location: node.location)
            }
        }
    }

    /// A diagnostic for every signature that does not hold, and for a key list given to a result that
    /// carries no signature.
    public var signatureDiagnostics: [Diagnostic] {
        let result = SourceLocation.start(of: resultFile)
        if keysGiven, signatures.isEmpty {
            return [
                .error(
                    "the result carries no signature to check against the key list", at: result,
                    hint: "the auditor signs a sealed result with 'maturity sign RESULT.json --key KEY.json'")
            ]
        }
        var out: [Diagnostic] = []
        for (index, check) in signatures.enumerated() {
            let at = check.location ?? result
            guard let signature = check.signature else {
                if case .damaged(let problem) = check.outcome {
                    out.append(
                        .error(
                            "'signatures[\(index)].\(problem.field)' \(problem.problem)", at: at,
                            hint: "a signature cannot be repaired by hand; have the signer sign the result again"))
                }
                continue
            }
            let who = "signature by '\(signature.signer)' (key \(signature.keyId), \(signature.date))"
            switch check.outcome {
            case .notChecked, .damaged, .checked(.valid):
                continue
            case .notTheAuditor(let auditor):
                out.append(
                    .error(
                        "\(who) is not by the auditor the sign-off names, '\(auditor)'", at: at,
                        hint: "the auditor who signed off signs the result with their own key"))
            case .checked(let outcome):
                if let problem = Self.problem(outcome, who: who, signature: signature, at: at) { out.append(problem) }
            }
        }
        return out
    }

    static func problem(_ outcome: Signature.Check, who: String, signature: Signature, at: SourceLocation)
        -> Diagnostic?
    {
        switch outcome {
        case .valid:
            return nil
        case .unknownKey:
            return .error(
                "\(who) names a key the key list does not hold", at: at,
                hint: "take the body's current key list ('maturity registry keys --format json'); a key it never "
                    + "published proves nothing")
        case .wrongSigner(let key):
            return .error(
                "\(who): key \(key.id) belongs to '\(key.owner)' as \(key.role.rawValue), not to '\(signature.signer)' "
                    + "as \(signature.role.rawValue)", at: at,
                hint: "the signature claims a signer its key does not belong to")
        case .mismatch:
            return .error(
                "\(who) does not match: the signed text or the signature was changed", at: at,
                hint: "this result is not the one the signer signed; have them sign it again")
        case .revoked(let key, let on):
            return .error(
                "\(who): the key was revoked on \(on)"
                    + (key.revocationReason.map { " (\($0))" } ?? "") + ", on or before the signing date", at: at,
                hint: "a signature made with a revoked key proves nothing; the signer signs again with their new key")
        case .notYetValid(let key):
            return .error(
                "\(who) is dated before the key was published (\(key.validFrom))", at: at,
                hint: "a key signs only from the day the body published it")
        case .otherDigest(let expected):
            return .error(
                "\(who) is over digest \(Verification.short(signature.digest)), not this result's sign-off "
                    + "\(Verification.short(expected))", at: at,
                hint: "the signature belongs to another result, or the result was scored again after signing")
        }
    }
}

/// How a signer's name (a key's owner) is found in the name an assessment gives its auditor, which may add a
/// title: '郑雅琴' in '郑雅琴（华信认证中心 审核组长）'.
public enum SignerName {
    public static func names(_ signer: String, in auditor: String) -> Bool {
        let name = signer.trimmingCharacters(in: .whitespacesAndNewlines)
        return !name.isEmpty && auditor.contains(name)
    }
}
