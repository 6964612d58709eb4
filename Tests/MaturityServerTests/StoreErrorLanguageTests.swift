import Foundation
import HTTPTypes
import HummingbirdTesting
import MaturityStoreTesting
import Testing

@testable import MaturityServer

/// A store refusal answered by the API is in the request's language: `lang=`, else Accept-Language, else English.
@Suite struct StoreErrorLanguageTests {
    @Test func aMissingOrganisationIsAnsweredInTheRequestsLanguage() async throws {
        try await TestDatabase.sqlite.withServer { client, _ in
            func message(_ uri: String, _ headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, String?) {
                let response = try await client.execute(uri: uri, method: .get, headers: headers)
                return (response.status, (response.json["error"] as? [String: Any])?["message"] as? String)
            }
            let english = try await message("/api/v1/organisations/nowhere")
            #expect(english.0 == .notFound)
            #expect(english.1 == "no organisation 'nowhere'")
            let asked = try await message("/api/v1/organisations/nowhere?lang=zh")
            #expect(asked.0 == .notFound)
            #expect(asked.1 == "没有组织 'nowhere'")
            let accepted = try await message(
                "/api/v1/organisations/nowhere", [.acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8"])
            #expect(accepted.1 == "没有组织 'nowhere'")
        }
    }
}
