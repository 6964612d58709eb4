import Crypto
import Foundation
import MaturityCore
import Testing

@Suite struct SignatureTests {
    static let day = Day(iso: "2026-11-20")!
    static let digest = String(repeating: "ab", count: 32)

    static func hex(_ text: String) -> Data {
        var data = Data()
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            data.append(UInt8(text[index..<next], radix: 16) ?? 0)
            index = next
        }
        return data
    }

    @Test func ed25519AgreesWithRFC8032TestVector2() throws {
        // RFC 8032 §7.1, TEST 2: a one-byte message.
        let key = try Curve25519.Signing.PrivateKey(
            rawRepresentation: Self.hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"))
        #expect(
            key.publicKey.rawRepresentation
                == Self.hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"))
        let signature = Self.hex(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")
        #expect(key.publicKey.isValidSignature(signature, for: Data([0x72])))
        #expect(!key.publicKey.isValidSignature(signature, for: Data([0x73])))
    }

    static func signed(
        role: SignerRole = .auditor, date: Day = day, validFrom: Day = Day(iso: "2026-01-01")!, revoked: Day? = nil
    ) throws -> (Signature, KeyRing) {
        let key = Curve25519.Signing.PrivateKey()
        let signature = try Signature.sign(digest, with: key, signer: "王海", role: role, date: date)
        let published = PublishedKey(
            owner: "王海", role: .auditor, publicKey: key.publicKey.rawRepresentation, validFrom: validFrom,
            revoked: revoked)
        return (signature, KeyRing([published]))
    }

    @Test func aSignatureByAPublishedKeyIsValid() throws {
        let (signature, ring) = try Self.signed()
        guard case .valid(let key) = signature.check(against: ring, expectedDigest: Self.digest) else {
            Issue.record("expected valid, got \(signature.check(against: ring, expectedDigest: Self.digest))")
            return
        }
        #expect(key.owner == "王海")
        #expect(signature.keyId == key.id)
    }

    @Test func anAlteredSignatureOrDigestDoesNotVerify() throws {
        var (signature, ring) = try Self.signed()
        #expect(
            signature.check(against: ring, expectedDigest: String(repeating: "cd", count: 32))
                == .otherDigest(expected: String(repeating: "cd", count: 32)))
        var bytes = try #require(Data(base64Encoded: signature.value))
        bytes[0] ^= 1
        signature.value = bytes.base64EncodedString()
        guard case .mismatch = signature.check(against: ring, expectedDigest: Self.digest) else {
            Issue.record("an altered signature must not verify")
            return
        }
    }

    @Test func aSignatureClaimingAnotherSignerOrRoleIsRefused() throws {
        var (signature, ring) = try Self.signed()
        signature.signer = "李伟"
        guard case .wrongSigner = signature.check(against: ring, expectedDigest: Self.digest) else {
            Issue.record("a signature claiming another signer must be refused")
            return
        }
        let (decision, decisionRing) = try Self.signed(role: .decisionMaker)
        guard case .wrongSigner = decision.check(against: decisionRing, expectedDigest: Self.digest) else {
            Issue.record("an auditor's key cannot sign decisions")
            return
        }
    }

    @Test func aKeyNotInTheRingIsUnknown() throws {
        let (signature, _) = try Self.signed()
        #expect(signature.check(against: KeyRing([]), expectedDigest: Self.digest) == .unknownKey)
    }

    @Test func aKeyRevokedOnOrBeforeTheSigningDateInvalidatesTheSignature() throws {
        let (onTheDay, ring1) = try Self.signed(revoked: Self.day)
        #expect(onTheDay.check(against: ring1, expectedDigest: Self.digest) == .revoked(ring1.keys[0], on: Self.day))
        let (before, ring2) = try Self.signed(revoked: Self.day.adding(days: -1))
        guard case .revoked = before.check(against: ring2, expectedDigest: Self.digest) else {
            Issue.record("revoked the day before signing")
            return
        }
        // Revoked after the signature was made: the signature stands.
        let (after, ring3) = try Self.signed(revoked: Self.day.adding(days: 1))
        guard case .valid = after.check(against: ring3, expectedDigest: Self.digest) else {
            Issue.record("a key revoked after signing leaves earlier signatures valid")
            return
        }
    }

    @Test func aSignatureDatedBeforeTheKeyWasPublishedIsNotYetValid() throws {
        let (signature, ring) = try Self.signed(validFrom: Self.day.adding(days: 1))
        guard case .notYetValid = signature.check(against: ring, expectedDigest: Self.digest) else {
            Issue.record("signed before the key existed")
            return
        }
    }

    @Test func aPrivateKeyFileOpensOnlyWithItsPassphrase() throws {
        let (file, key) = try PrivateKeyFile.create(
            owner: "王海", role: .auditor, passphrase: "correct horse", created: Self.day, rounds: 1024)
        let text = file.json.rendered()
        #expect(!text.contains(key.rawRepresentation.base64EncodedString()), "the private key is never in the clear")
        let read = try PrivateKeyFile.parse(Data(text.utf8), file: "wanghai.key")
        #expect(try read.open(passphrase: "correct horse").rawRepresentation == key.rawRepresentation)
        #expect(throws: PrivateKeyError.wrongPassphrase) { try read.open(passphrase: "correct hors") }
        #expect(read.published.id == PublishedKey.id(of: key.publicKey.rawRepresentation))
    }

    @Test func aKeyRingReadsBackAndLocatesItsErrors() throws {
        let (_, ring) = try Self.signed(revoked: Self.day)
        let text = ring.json.rendered()
        #expect(try KeyRing.parse(Data(text.utf8), file: "keys.json") == ring)
        let broken = text.replacingOccurrences(of: "\"role\": \"auditor\"", with: "\"role\": \"auditer\"")
        #expect {
            _ = try KeyRing.parse(Data(broken.utf8), file: "keys.json")
        } throws: { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            return diagnostics.count == 1 && diagnostics[0].message.contains("'auditer' is not a signer role")
                && diagnostics[0].location?.file == "keys.json" && (diagnostics[0].location?.line ?? 0) > 1
        }
    }
}
