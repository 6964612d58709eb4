import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MaturityCore
import MaturityStore
import MaturityStoreTesting
import Synchronization
import Testing

@testable import MaturityServer

/// Public verification, the published keys, the due board and the certificate document, over both databases.
@Suite struct RegisterRoutesTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// A register holding one certificate granted `daysAgo` days before today (so its state does not depend on
    /// when the test runs), and the application over it with a limit of `perMinute` public verifications.
    static func withRegister(
        _ database: TestDatabase, perMinute: Int = 120, breaking: (@Sendable (Store) async throws -> Void)? = nil,
        _ body: @escaping @Sendable (any TestClientProtocol, String, Day) async throws -> Void
    ) async throws {
        try await database.withStore { store in
            let today = RegisterController.systemToday()
            let raw = Curve25519.Signing.PrivateKey().rawRepresentation
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            try await store.register.addKey(
                PublishedKey(
                    owner: "孙立", role: .decisionMaker, publicKey: key.publicKey.rawRepresentation,
                    validFrom: today.adding(days: -400)))
            _ = try await store.register.setClient(
                ClientRecord(organisation: "江苏星河暖通设备有限公司", productCategories: ["多联机"], sites: ["常州"]))
            let audit = AuditRecord(
                id: SignOff.sha256(Data("audit".utf8)), organisation: "江苏星河暖通设备有限公司", site: "常州", kind: .audit,
                date: today.adding(days: -100), catalogId: "after-sales-maturity", catalogVersion: "2026.2",
                rating: "pass", overall: 84.73, auditor: "郑雅琴")
            _ = try await store.register.importResult(audit, fileName: "result.json", sha256: "x")
            let outcome = try await store.register.decide(
                DecisionInput(kind: .grant, date: today.adding(days: -90), reviewer: "孙立", resultId: audit.id),
                ratingName: { _ in LocalizedText(zh: "合格", en: "Pass") }
            ) { decision in
                try Signature.sign(
                    decision.digest, with: try Curve25519.Signing.PrivateKey(rawRepresentation: raw), signer: "孙立",
                    role: .decisionMaker, date: decision.date)
            }
            let number = try #require(outcome.certificate?.number)
            var configuration = ServerConfiguration(criteriaFolders: [criteriaFolder])
            configuration.verificationsPerMinute = perMinute
            var logger = Logger(label: "maturity.tests")
            logger.logLevel = .warning
            let app = buildApplication(configuration: configuration, store: store, logger: logger)
            try await breaking?(store)
            try await app.test(.router) { client in try await body(client, number, today) }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func publicVerificationShowsOnlyValidityHolderScopeRatingAndDates(_ database: TestDatabase) async throws {
        try await Self.withRegister(database) { client, number, today in
            try await client.execute(uri: "/certificates/\(number)?format=json", method: .get) { response in
                #expect(response.status == .ok)
                let object = response.json
                #expect(
                    Set(object.keys) == [
                        "number", "organisation", "state", "valid", "as_of", "state_since", "scope", "rating",
                        "rating_name",
                        "issued", "expires", "verification_code",
                    ])
                #expect(object["valid"] as? Bool == true)
                #expect(object["organisation"] as? String == "江苏星河暖通设备有限公司")
                #expect(object["issued"] as? String == today.adding(days: -90).description)
                #expect(!response.text.contains("84.73"))
            }
            try await client.execute(
                uri: "/certificates/\(number)", method: .get, headers: [.acceptLanguage: "zh-CN"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("data-state=\"valid\""))
                #expect(response.text.contains("合格"))
                #expect(response.text.contains("常州"))
            }
            try await client.execute(uri: "/certificates/MSC-1999-00000?format=json", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/certificates/MSC-1999-00000", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("data-state=\"unknown\""))
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aRegisterThatCannotBeReadIsNotReportedAsAnUnknownCertificate(_ database: TestDatabase) async throws {
        let broken = Mutex<Store?>(nil)
        try await Self.withRegister(
            database,
            breaking: { store in
                broken.withLock { $0 = store }
                try await store.database.transaction { sql in
                    try await sql.raw("ALTER TABLE certificates RENAME TO certificates_away").run()
                }
            }
        ) { client, number, _ in
            for uri in ["/certificates/\(number)?format=json", "/certificates/\(number)"] {
                try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: "en"]) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.headers[.retryAfter] == "30")
                    #expect(response.text.contains("cannot be read just now"))
                    #expect(!response.text.contains("no certificate") && !response.text.contains("holds no"))
                }
            }
            try await client.execute(
                uri: "/certificates/\(number)", method: .get, headers: [.acceptLanguage: "zh-CN"]
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains("登记册暂时无法读取"))
                #expect(response.text.contains("data-state=\"unavailable\""))
            }
            // Mended, the register is read again (on PostgreSQL the statement that failed is prepared afresh:
            // PostgresNIO keeps a failed preparation failed on its connection).
            let store = try #require(broken.withLock { $0 })
            try await store.database.transaction { sql in
                try await sql.raw("ALTER TABLE certificates_away RENAME TO certificates").run()
            }
            for _ in 0..<3 {
                try await client.execute(uri: "/certificates/\(number)?format=json", method: .get) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func publicVerificationIsRateLimited(_ database: TestDatabase) async throws {
        // One a minute: the second request is refused unless a whole minute passed between the two (a limit of
        // three refilled a token every 20 s, which a loaded machine could take between requests).
        try await Self.withRegister(database, perMinute: 1) { client, number, _ in
            try await client.execute(uri: "/certificates/\(number)?format=json", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/certificates/\(number)?format=json", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theDueBoardAndTheDocumentAreServed(_ database: TestDatabase) async throws {
        try await Self.withRegister(database) { client, number, today in
            let asOf = today.adding(days: 120)
            try await client.execute(uri: "/api/v1/register/due?as_of=\(asOf)&within=30", method: .get) { response in
                #expect(response.status == .ok)
                let items = response.json["items"] as? [[String: Any]]
                #expect(items?.first?["certificate"] as? String == number)
                #expect(items?.first?["kind"] as? String == "surveillance")
            }
            try await client.execute(uri: "/register/due?as_of=\(asOf)&lang=en", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<table id=\"due-board\">"))
                #expect(response.text.contains("/register/certificates/\(number)/document"))
            }
            try await client.execute(uri: "/register/due?as_of=2026-02-30", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/register/certificates/\(number)/document", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("售后服务管理成熟度认证证书"))
                #expect(response.text.contains("Certificate of After-Sales Service Management Maturity"))
                #expect(response.text.contains("id=\"verification\""))
            }
            try await client.execute(uri: "/register/keys", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\"format\": \"maturity-keys-1\""))
            }
        }
    }
}
