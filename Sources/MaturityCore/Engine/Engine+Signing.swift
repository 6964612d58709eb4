import Crypto
import Foundation

extension Engine {
    /// The bytes of `input`, or an error naming it as `what` (`.keyFile`, `.keyList`, `.resultLabel`).
    public func read(_ input: InputPath, what: Diagnostic.Message) throws(DiagnosticError) -> Data {
        guard files.kind(input.path) != .missing else {
            throw DiagnosticError(.error(.fileDoesNotExist(what, input.shown), at: nil))
        }
        do {
            return try files.contents(input.path)
        } catch {
            throw DiagnosticError(.error(.cannotReadInput(what, input.shown, reason: error.reason), at: nil))
        }
    }

    /// The key list a certification body published (`maturity registry keys --format json`).
    public func loadKeyRing(_ input: InputPath) throws(DiagnosticError) -> KeyRing {
        try KeyRing.parse(read(input, what: .keyList), file: input.shown)
    }

    /// A signer's private key file, opened with `passphrase`.
    public func openPrivateKey(_ input: InputPath, passphrase: String) throws(DiagnosticError)
        -> (file: PrivateKeyFile, key: Curve25519.Signing.PrivateKey)
    {
        let file = try PrivateKeyFile.parse(read(input, what: .keyFile), file: input.shown)
        do {
            return (file, try file.open(passphrase: passphrase))
        } catch {
            switch error {
            case .wrongPassphrase, .cannotEncrypt:
                throw DiagnosticError(
                    .error(.passphraseDoesNotOpen(input.shown), at: .start(of: input.shown), hint: .giveThePassphrase))
            case .damaged:
                throw DiagnosticError(
                    .error(.keyFileDamaged(input.shown), at: .start(of: input.shown), hint: .useKeyFileAsWritten))
            }
        }
    }

    /// Signs the sealed result at `input` as its auditor, with `key` (from `keyFile`), on `date`: the result is
    /// verified first and refused unless everything it rests on is unchanged and the key's owner is the
    /// auditor it names. Returns the result's new bytes and the signature.
    public func sign(
        _ input: InputPath, keyFile: PrivateKeyFile, key: Curve25519.Signing.PrivateKey, date: Day,
        currentFolder: String
    ) throws(DiagnosticError) -> (text: String, signature: Signature) {
        let verification = try verify(input, currentFolder: currentFolder)
        guard verification.sealHolds else {
            throw DiagnosticError(
                verification.diagnostics
                    + [
                        .error(
                            .notSignedDoesNotVerify(input.shown), at: .start(of: input.shown),
                            hint: .signerSignsOnlyUnchanged)
                    ])
        }
        guard keyFile.role == .auditor else {
            throw DiagnosticError(
                .error(
                    .notAnAuditorsKey(owner: keyFile.owner, role: keyFile.role), at: nil,
                    hint: .decisionMakersSignDecisions))
        }
        guard SignerName.names(keyFile.owner, in: verification.signOff.auditor) else {
            throw DiagnosticError(
                .error(
                    .keyOfAnotherAuditor(owner: keyFile.owner, auditor: verification.signOff.auditor),
                    at: .start(of: input.shown), hint: .auditorWhoSignedOffSigns))
        }
        guard date >= verification.signOff.date else {
            throw DiagnosticError(
                .error(
                    .signingDateBeforeAudit(date, audit: verification.signOff.date), at: nil,
                    hint: .signOnOrAfterAudit))
        }
        let signature: Signature
        do {
            signature = try Signature.sign(
                verification.signOff.digest, with: key, signer: keyFile.owner, role: .auditor, date: date)
        } catch {
            throw DiagnosticError(.error(.cannotSign("\(error)"), at: nil))
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(read(input, what: .resultLabel), file: input.shown)
        }
        return (ResultJSON.adding(signature, to: json), signature)
    }
}

extension Engine {
    /// The sign-off digest of the sealed result at `input`: how the register names an imported result.
    public func signOffDigest(_ input: InputPath) throws(DiagnosticError) -> String {
        let json = try JSONValue.parse(read(input, what: .resultLabel), file: input.shown)
        switch ResultJSON.signOff(from: json) {
        case .success(let read): return read.0.digest
        case .failure(let problem):
            throw DiagnosticError(
                .error(
                    .member(problem.path, problem.problem), at: .start(of: input.shown),
                    hint: .nameImportedResultBySeal))
        }
    }
}
