import Foundation
import Logging
import MaturityStoreTesting
import Synchronization
import Testing

@testable import MaturityServer

/// A server started cold: many first visits to the home page at once share one scoring of each listed assessment.
@Suite struct ColdHomePageTests {
    final class Count: Sendable {
        let scorings = Mutex<[String: Int]>([:])
        func add(_ id: String) { scorings.withLock { $0[id, default: 0] += 1 } }
    }

    @Test func simultaneousFirstVisitsScoreEachAssessmentOnce() async throws {
        try await TestDatabase.sqlite.withStore { store in
            try await ShippedCatalogs.register(
                folders: [criteriaFolder], store: store, logger: Logger(label: "maturity.tests"))
            let importer = ImportController(
                store: store, engine: ServerEngine(store: store), configuration: ServerConfiguration())
            var ids: Set<String> = []
            for example in ["huadong-appliance", "huadong-appliance", "anmai-equipment", "meichu-small-appliances"] {
                let zip = try ZipFolder.write(try exampleFolder(example))
                ids.insert(try await importer.importArchive(zip, organisationId: nil).id)
            }
            // A new engine: nothing scored, nothing cached, as after a start.
            let pages = HomePages(store: store, engine: ServerEngine(store: store))
            let count = Count()
            let visits = 32
            let homes = try await ServerEngine.$scoring.withValue({ count.add($0) }) {
                try await withThrowingTaskGroup(of: String.self) { group in
                    for index in 0..<visits {
                        group.addTask {
                            try await pages.home(
                                t: PageText(language: index % 2 == 0 ? .zh : .en), query: nil, notice: nil)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            #expect(homes.count == visits)
            let scorings = count.scorings.withLock { $0 }
            #expect(Set(scorings.keys) == ids, "every listed assessment is scored")
            #expect(scorings.values.allSatisfy { $0 == 1 }, "scored more than once: \(scorings)")
        }
    }
}
