import Testing

@testable import MaturityServer

/// What the server keeps by key stays within its capacity, the oldest dropped first, however many come and go.
@Suite struct BoundedCacheTests {
    @Test func theNewestKeysAreKeptAndTheOldestDropped() async {
        let cache = BoundedCache<Int, String>(capacity: 4)
        for key in 0..<25 { await cache.set(key, "v\(key)") }
        for key in 0..<21 { #expect(await cache.get(key) == nil, "\(key) dropped") }
        for key in 21..<25 { #expect(await cache.get(key) == "v\(key)") }
        // Setting a kept key again changes its value, not its age.
        await cache.set(21, "again")
        await cache.set(25, "v25")
        #expect(await cache.get(21) == nil)
        #expect(await cache.get(22) == "v22")
        #expect(await cache.get(25) == "v25")
    }

    @Test func aKeyDroppedAndSetAgainIsKeptAsNew() async {
        let cache = BoundedCache<Int, Int>(capacity: 3)
        for round in 0..<10 {
            for key in 0..<5 { await cache.set(key, round) }
        }
        #expect(await cache.get(0) == nil)
        #expect(await cache.get(1) == nil)
        for key in 2..<5 { #expect(await cache.get(key) == 9) }
    }
}
