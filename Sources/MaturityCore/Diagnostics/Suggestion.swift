/// Did-you-mean suggestions for misspelt keys and ids.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, Array(candidate.lowercased()))
            let limit = max(1, min(3, max(lowered.count, candidate.count) / 3))
            guard distance <= limit else { continue }
            if best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        if let best { return best.0 }
        // Ids made of words ('first_response_p90'): the one candidate holding every word.
        let words = word.lowercased().split { $0 == "_" || $0 == "-" || $0 == "." }
        guard words.count > 1 else { return nil }
        let holding = candidates.filter { candidate in
            let parts = candidate.lowercased().split { $0 == "_" || $0 == "-" || $0 == "." }
            return words.allSatisfy { w in parts.contains { $0.hasPrefix(w) } }
        }
        return holding.count == 1 ? holding[0] : nil
    }

    /// A hint line: "did you mean 'x'?" or the list of valid choices when there are few.
    public static func hint(for word: String, in candidates: [String], listUpTo limit: Int = 8) -> String? {
        if let near = closest(to: word, in: candidates) {
            return "did you mean '\(near)'?"
        }
        if !candidates.isEmpty, candidates.count <= limit {
            return "expected one of " + candidates.map { "'\($0)'" }.joined(separator: ", ")
        }
        return nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
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
}
