import MaturityStore
import MaturityStoreTesting
import Testing

@Suite struct OrganisationRepositoryTests {
    @Test(arguments: TestDatabase.allCases)
    func anOrganisationIsStoredWithItsSitesInOrder(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let created = try await store.organisations.create(name: "华东家电服务有限公司", sites: ["上海", " 杭州 ", "上海", ""])
            #expect(created.version == 1)
            #expect(created.sites.map(\.name) == ["上海", "杭州"])
            let read = try await store.organisations.get(created.id)
            #expect(read == created)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func searchIgnoresCaseAndTakesWildcardsLiterally(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            for name in [
                "Acme Service", "acme parts", "ACME_X", "Beta 50% Ltd", "Beta 500 Ltd", "O'Brien; DROP TABLE x",
            ] {
                _ = try await store.organisations.create(name: name)
            }
            let acme = try await store.organisations.list(search: "AcMe")
            #expect(
                acme.map(\.name)
                    == ["ACME_X", "acme parts", "Acme Service"].sorted { $0.lowercased() < $1.lowercased() })
            #expect(try await store.organisations.list(search: "50%").map(\.name) == ["Beta 50% Ltd"])
            #expect(try await store.organisations.list(search: "e_").map(\.name) == ["ACME_X"])
            #expect(try await store.organisations.list(search: "'Brien; DROP").map(\.name) == ["O'Brien; DROP TABLE x"])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func pagesFollowOneAnotherWithoutGapsOrRepeats(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            for index in 0..<23 { _ = try await store.organisations.create(name: "Org \(index % 7)") }
            var seen: [OrganisationSummary] = []
            var after: (name: String, id: String)?
            while true {
                let page = try await store.organisations.list(after: after, limit: 5)
                if page.isEmpty { break }
                seen += page
                after = (page.last!.name, page.last!.id)
            }
            #expect(seen.count == 23)
            #expect(Set(seen.map(\.id)).count == 23)
            #expect(seen.map(\.name) == seen.map(\.name).sorted())
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aStaleUpdateIsRefusedWithTheCurrentVersion(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let created = try await store.organisations.create(name: "Old", sites: ["A", "B"])
            let renamed = try await store.organisations.update(
                created.id, name: "New", sites: ["B", "C"], expectedVersion: 1)
            #expect(renamed.version == 2)
            #expect(renamed.name == "New")
            #expect(renamed.sites.map(\.name) == ["B", "C"])
            #expect(renamed.sites[0].id == created.sites[1].id)
            await #expect(throws: StoreError.versionConflict(kind: "organisation", id: created.id, current: 2)) {
                try await store.organisations.update(created.id, name: "Lost", sites: nil, expectedVersion: 1)
            }
            #expect(try await store.organisations.get(created.id).name == "New")
            await #expect(throws: StoreError.versionConflict(kind: "organisation", id: created.id, current: 2)) {
                try await store.organisations.delete(created.id, expectedVersion: 1)
            }
            try await store.organisations.delete(created.id, expectedVersion: 2)
            await #expect(throws: StoreError.notFound(kind: "organisation", id: created.id)) {
                try await store.organisations.get(created.id)
            }
        }
    }
}
