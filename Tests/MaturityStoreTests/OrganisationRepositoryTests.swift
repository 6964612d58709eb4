import Foundation
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
            let seen = try await everyPage(of: store)
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

/// Searches read the name index (each character and pair of characters of every name): they must find exactly
/// the names that contain the search, in name order, page after page, after renames, deletions and the migration
/// that builds the index for names stored before it.
@Suite struct OrganisationSearchIndexTests {
    static let names = [
        "华东家电服务有限公司", "华南家电", "家", "电器家电家电", "Acme Service", "acme parts", "Delta 家电 Care", "Éclair é",
        "aaa", "a", "50%_x", "",
    ]

    /// Whether `name` contains `search` as `LIKE` decides on the lower-cased forms: scalar by scalar.
    static func contains(_ name: String, _ search: String) -> Bool {
        let haystack = Array(name.lowercased().unicodeScalars)
        let needle = Array(search.lowercased().unicodeScalars)
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    /// Every piece of every name from one to four characters long, and a few that are in none.
    static var searches: [String] {
        var found = Set<String>()
        for name in names {
            let scalars = Array(name.lowercased().unicodeScalars)
            for length in 1...4 where length <= scalars.count {
                for start in 0...(scalars.count - length) {
                    found.insert(String(String.UnicodeScalarView(scalars[start..<(start + length)])))
                }
            }
        }
        return found.sorted() + ["家电服务有限公司X", "zz", "电家", "Z"]
    }

    static func expectSearchesFindExactly(_ names: [String], in store: Store) async throws {
        for search in searches where !search.trimmingCharacters(in: .whitespaces).isEmpty {
            let found = try await store.organisations.list(search: search, limit: 500).map(\.name)
            let expected = names.filter { contains($0, search.trimmingCharacters(in: .whitespacesAndNewlines)) }
            #expect(found.sorted() == expected.sorted(), "search '\(search)'")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aSearchFindsExactlyTheNamesThatContainIt(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            for name in Self.names { _ = try await store.organisations.create(name: name) }
            try await Self.expectSearchesFindExactly(Self.names, in: store)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func searchResultsArePagedInNameOrder(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            for index in 0..<23 { _ = try await store.organisations.create(name: "家电 \(index % 7) 号") }
            _ = try await store.organisations.create(name: "暖通")
            let seen = try await everyPage(of: store, search: "家电")
            #expect(seen.count == 23)
            #expect(Set(seen.map(\.id)).count == 23)
            #expect(seen.map(\.name) == seen.map(\.name).sorted())
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func renamesAndDeletionsKeepTheIndexExact(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let first = try await store.organisations.create(name: "华东家电")
            let second = try await store.organisations.create(name: "星河暖通")
            _ = try await store.organisations.update(first.id, name: "浙江制冷", sites: nil, expectedVersion: 1)
            // A rename that changes only how a letter is written ("é" as one scalar, then as "e" + U+0301).
            let cafe = try await store.organisations.create(name: "Caf\u{E9}")
            _ = try await store.organisations.update(cafe.id, name: "Cafe\u{301}", sites: nil, expectedVersion: 1)
            #expect(try await store.organisations.list(search: "e\u{301}").map(\.id) == [cafe.id])
            #expect(try await store.organisations.list(search: "\u{E9}").isEmpty)
            #expect(try await store.organisations.list(search: "家电").isEmpty)
            #expect(try await store.organisations.list(search: "制冷").map(\.name) == ["浙江制冷"])
            try await store.organisations.delete(second.id, expectedVersion: 1)
            #expect(try await store.organisations.list(search: "暖").isEmpty)
            let left = try await store.database.read { sql in
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM organisation_grams WHERE organisation_id = \(bind: second.id)"
                )
                .first()?.decode(column: "n", as: Int.self)
            }
            #expect(left == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theMigrationIndexesNamesStoredBeforeIt(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            for name in Self.names { _ = try await store.organisations.create(name: name) }
            // As a database before the index: no table, migration 40 not applied.
            try await store.database.transaction { sql in
                try await sql.raw("DROP TABLE organisation_grams").run()
                try await sql.raw("DELETE FROM schema_migrations WHERE version = 40").run()
            }
            #expect(try await Migrator.migrate(store.database) == [40])
            try await Self.expectSearchesFindExactly(Self.names, in: store)
        }
    }

    @Test func gramsAreEachCharacterAndPairOnce() {
        #expect(OrganisationRepository.grams("家电家电") == ["家", "家电", "电", "电家"])
        #expect(OrganisationRepository.grams("a") == ["a"])
        #expect(OrganisationRepository.grams("").isEmpty)
        // "é" written as one scalar and as "e" + U+0301 are one Swift string but two texts to the database.
        #expect(OrganisationRepository.grams("\u{E9}e\u{301}").count == 5)
    }
}

/// Every organisation `list` gives, page after page of five, each page continuing after the last line of the one
/// before.
func everyPage(of store: Store, search: String? = nil) async throws -> [OrganisationSummary] {
    var seen: [OrganisationSummary] = []
    var after: (name: String, id: String)?
    while true {
        let page = try await store.organisations.list(search: search, after: after, limit: 5)
        guard let last = page.last else { return seen }
        seen += page
        after = (last.name, last.id)
    }
}
