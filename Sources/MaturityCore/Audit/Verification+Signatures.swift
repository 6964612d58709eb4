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
            return [.error(.noSignatureToCheck, at: result, hint: .auditorSignsWithMaturitySign)]
        }
        var out: [Diagnostic] = []
        for (index, check) in signatures.enumerated() {
            let at = check.location ?? result
            guard let signature = check.signature else {
                if case .damaged(let problem) = check.outcome {
                    out.append(
                        .error(.damagedSignature(index, problem), at: at, hint: .signatureCannotBeRepaired))
                }
                continue
            }
            let who = Diagnostic.Message.signatureBy(signature)
            switch check.outcome {
            case .notChecked, .damaged, .checked(.valid):
                continue
            case .notTheAuditor(let auditor):
                out.append(
                    .error(.notByTheAuditor(who, auditor: auditor), at: at, hint: .auditorSignsWithOwnKey))
            case .checked(let outcome):
                if let problem = Self.problem(outcome, who: who, signature: signature, at: at) { out.append(problem) }
            }
        }
        return out
    }

    static func problem(
        _ outcome: Signature.Check, who: Diagnostic.Message, signature: Signature, at: SourceLocation
    )
        -> Diagnostic?
    {
        switch outcome {
        case .valid:
            return nil
        case .unknownKey:
            return .error(.keyNotInList(who), at: at, hint: .takeCurrentKeyList)
        case .wrongSigner(let key):
            return .error(
                .keyOfAnotherSigner(who, key: key, signature: signature), at: at, hint: .signerIsNotKeyOwner)
        case .mismatch:
            return .error(.signatureMismatch(who), at: at, hint: .notTheResultTheSignerSigned)
        case .revoked(let key, let on):
            return .error(
                .keyRevoked(who, on: on, reason: key.revocationReason), at: at, hint: .revokedKeyProvesNothing)
        case .notYetValid(let key):
            return .error(
                .signedBeforePublished(who, validFrom: key.validFrom), at: at, hint: .keySignsFromPublication)
        case .otherDigest(let expected):
            return .error(
                .signatureOverOtherDigest(
                    who, signed: Verification.short(signature.digest), expected: Verification.short(expected)),
                at: at, hint: .signatureOfAnotherResult)
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
