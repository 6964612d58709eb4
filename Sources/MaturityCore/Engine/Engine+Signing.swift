import Crypto
import Foundation

extension Engine {
    /// The bytes of `input`, or an error naming it.
    public func read(_ input: InputPath, what: String) throws(DiagnosticError) -> Data {
        guard files.kind(input.path) != .missing else {
            throw DiagnosticError(.error("\(what) '\(input.shown)' does not exist", at: nil))
        }
        do {
            return try files.contents(input.path)
        } catch {
            throw DiagnosticError(.error("cannot read \(what) '\(input.shown)': \(error.reason)", at: nil))
        }
    }

    /// The key list a certification body published (`maturity registry keys --format json`).
    public func loadKeyRing(_ input: InputPath) throws(DiagnosticError) -> KeyRing {
        try KeyRing.parse(read(input, what: "key list"), file: input.shown)
    }

    /// A signer's private key file, opened with `passphrase`.
    public func openPrivateKey(_ input: InputPath, passphrase: String) throws(DiagnosticError)
        -> (file: PrivateKeyFile, key: Curve25519.Signing.PrivateKey)
    {
        let file = try PrivateKeyFile.parse(read(input, what: "key file"), file: input.shown)
        do {
            return (file, try file.open(passphrase: passphrase))
        } catch {
            switch error {
            case .wrongPassphrase, .cannotEncrypt:
                throw DiagnosticError(
                    .error(
                        "the passphrase does not open key file '\(input.shown)'", at: .start(of: input.shown),
                        hint: "give the passphrase the key was made with (MATURITY_PASSPHRASE or --passphrase-file)"))
            case .damaged:
                throw DiagnosticError(
                    .error(
                        "key file '\(input.shown)' is damaged: its private key does not belong to its public key",
                        at: .start(of: input.shown), hint: "use the key file as it was written"))
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
                            "'\(input.shown)' is not signed: it does not verify against its sign-off",
                            at: .start(of: input.shown),
                            hint: "a signer signs only a result whose files are as the audit left them")
                    ])
        }
        guard keyFile.role == .auditor else {
            throw DiagnosticError(
                .error(
                    "key of '\(keyFile.owner)' is a \(keyFile.role.rawValue)'s key; a result is signed with an auditor's",
                    at: nil, hint: "decision-makers sign decisions ('maturity registry decide --key')"))
        }
        guard SignerName.names(keyFile.owner, in: verification.signOff.auditor) else {
            throw DiagnosticError(
                .error(
                    "the key belongs to '\(keyFile.owner)', but the result's sign-off names auditor "
                        + "'\(verification.signOff.auditor)'", at: .start(of: input.shown),
                    hint: "the auditor who signed off signs the result"))
        }
        guard date >= verification.signOff.date else {
            throw DiagnosticError(
                .error(
                    "the signing date \(date) is before the audit's date \(verification.signOff.date)", at: nil,
                    hint: "sign on or after the day of the audit"))
        }
        let signature: Signature
        do {
            signature = try Signature.sign(
                verification.signOff.digest, with: key, signer: keyFile.owner, role: .auditor, date: date)
        } catch {
            throw DiagnosticError(.error("cannot sign: \(error)", at: nil))
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(read(input, what: "result"), file: input.shown)
        }
        return (ResultJSON.adding(signature, to: json), signature)
    }
}

extension Engine {
    /// The sign-off digest of the sealed result at `input`: how the register names an imported result.
    public func signOffDigest(_ input: InputPath) throws(DiagnosticError) -> String {
        let json = try JSONValue.parse(read(input, what: "result"), file: input.shown)
        switch ResultJSON.signOff(from: json) {
        case .success(let read): return read.0.digest
        case .failure(let problem):
            throw DiagnosticError(
                .error(
                    "'\(problem.path)' \(problem.problem)", at: .start(of: input.shown),
                    hint: "name an imported result by a sealed result file or its sign-off digest"))
        }
    }
}
