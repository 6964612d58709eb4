import Testing

@testable import MaturityCore

/// Did-you-mean with bounded work (issue 23 item 8): the early exit never changes a distance within
/// the limit, and suggestions stop after the first 20 searches of a list.
@Suite struct SuggesterTests {
    /// The optimal string alignment distance, the whole table, for reference.
    static func reference(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    @Test func theEarlyExitKeepsEveryDistanceWithinTheLimit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            // Small alphabets and short words make swaps and near misses common.
            let a = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                UInt32.random(in: 0...2, using: &generator)
            }
            let b = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                UInt32.random(in: 0...2, using: &generator)
            }
            let exact = Self.reference(a, b)
            for limit in 0...4 {
                let bounded = Suggester.distance(a[...], b[...], limit: limit)
                if exact <= limit {
                    #expect(bounded == exact, "\(a) \(b) limit \(limit)")
                } else {
                    #expect(bounded > limit, "\(a) \(b) limit \(limit)")
                }
            }
        }
    }

    @Test func suggestionsStopAfterTwentySearchesOfOneList() {
        let suggester = Suggester((0..<1000).map { "C-\($0)" })
        let hints = (0..<30).map { suggester.hint(for: "C-\($0)x")?.en }
        #expect(hints.prefix(20).allSatisfy { $0?.hasPrefix("did you mean") == true })
        #expect(hints.dropFirst(20).allSatisfy { $0 == nil })
        // A short list is still listed once searching has stopped.
        let few = Suggester(["open", "done"], listUpTo: 8)
        for _ in 0..<20 { _ = few.hint(for: "x") }
        #expect(few.hint(for: "opn")?.en == "expected one of 'open', 'done'")
    }

    @Test func theNearestCandidateAndWordIdsAreFoundAsBefore() {
        #expect(Suggestion.closest(to: "P-2", in: ["P-01", "P-02"]) == "P-02")
        #expect(
            Suggestion.closest(to: "first_response_p90", in: KPIDefinition.builtIn.map(\.id))
                == "first_response_minutes_p90")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["P-01"]) == nil)
    }
}
