import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MaturityStore
import MaturityStoreTesting
import Testing

@testable import MaturityServer

@Suite struct TOTPTests {
    /// RFC 6238, appendix B: the test vectors for SHA-1, SHA-256 and SHA-512 (8 digits).
    static let vectors: [(time: TimeInterval, sha1: String, sha256: String, sha512: String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]

    @Test func theCodesAreTheRFCsTestVectors() {
        let seed = Data("12345678901234567890".utf8)
        let seed32 = Data("12345678901234567890123456789012".utf8)
        let seed64 = Data("1234567890123456789012345678901234567890123456789012345678901234".utf8)
        for vector in Self.vectors {
            let time = Date(timeIntervalSince1970: vector.time)
            #expect(TOTP.code(secret: seed, time: time, digits: 8, algorithm: .sha1) == vector.sha1)
            #expect(TOTP.code(secret: seed32, time: time, digits: 8, algorithm: .sha256) == vector.sha256)
            #expect(TOTP.code(secret: seed64, time: time, digits: 8, algorithm: .sha512) == vector.sha512)
        }
    }

    @Test func base32RoundTripsAndCodesOfTheNeighbouringStepsAreAccepted() throws {
        let secret = TOTP.newSecret()
        #expect(TOTP.data(base32: TOTP.base32(secret)) == secret)
        #expect(TOTP.base32(Data("foobar".utf8)) == "MZXW6YTBOI")  // RFC 4648's example, unpadded
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(TOTP.verify(TOTP.code(secret: secret, time: now.addingTimeInterval(-30)), secret: secret, at: now))
        #expect(!TOTP.verify(TOTP.code(secret: secret, time: now.addingTimeInterval(-90)), secret: secret, at: now))
    }

    @Test func withASecondFactorSignInNeedsTheCode() async throws {
        try await TestDatabase.sqlite.withAccountsServer { client, store, world in
            let secret = TOTP.newSecret()
            try await store.users.setTOTP(try #require(world.users["member"]).id, secret: TOTP.base32(secret))
            func attempt(_ code: String) async throws -> TestResponse {
                let form = try await AccountsRoutesTests.loginForm(client)
                return try await client.execute(
                    uri: "/en/login", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: form.cookie],
                    body: ByteBuffer(
                        string:
                            "_login=\(form.token)&name=member&password=\(testPassword.replacingOccurrences(of: " ", with: "+"))&code=\(code)"
                    ))
            }
            let without = try await attempt("")
            #expect(without.text.contains("Name or password is wrong."))
            let wrong = try await attempt("000000" == TOTP.code(secret: secret, time: Date()) ? "111111" : "000000")
            #expect(AccountsRoutesTests.sessionCookie(wrong) == nil)
            let right = try await attempt(TOTP.code(secret: secret, time: Date()))
            #expect(right.status == .seeOther)
            #expect(AccountsRoutesTests.sessionCookie(right) != nil)
        }
    }
}
