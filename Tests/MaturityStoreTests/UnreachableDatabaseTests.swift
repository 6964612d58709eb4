import Foundation
import Logging
import MaturityStore
import MaturityStoreTesting
import Testing

/// A store that cannot reach its PostgreSQL database says why at once, instead of waiting for ever for a
/// connection (a wrong password left `maturity serve` silent).
@Suite struct UnreachableDatabaseTests {
    @Test(.timeLimit(.minutes(1)))
    func nothingListeningIsSaidAtOnceWithTheURLWithoutItsPassword() async throws {
        // Nothing listens on port 1 of this machine.
        await #expect {
            try await Store.open(
                StoreConfiguration(
                    dataDirectory: NSTemporaryDirectory(), databaseURL: "postgres://maturity:secret@127.0.0.1:1/none"),
                logger: Logger(label: "maturity.tests"))
        } throws: { error in
            guard case StoreError.databaseUnreachable(let url, let reason) = error else { return false }
            return url == "postgres://maturity@127.0.0.1:1/none" && !reason.isEmpty
                && !"\(error)".contains("secret") && "\(error)".contains("check the host, port, user, password")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aWrongPasswordIsSaidAtOnceInPostgreSQLsWords() async throws {
        // Only with a server to refuse it.
        guard let schema = try await PostgresSchemas.create() else { return }
        var url = try #require(URLComponents(string: TestDatabase.postgresURL))
        url.password = "not-the-password"
        let wrong = try #require(url.string)
        await #expect {
            try await Store.open(
                StoreConfiguration(
                    dataDirectory: NSTemporaryDirectory(), databaseURL: wrong,
                    postgresSchema: schema),
                logger: Logger(label: "maturity.tests"))
        } throws: { error in
            guard case StoreError.databaseUnreachable(_, let reason) = error else { return false }
            return reason.contains("password authentication failed")
        }
        try await PostgresSchemas.drop(schema)
    }
}
