/// Did-you-mean suggestions for misspelt keys and ids.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        Suggester(Array(candidates)).closest(to: word)
    }

    /// A hint line: "did you mean 'x'?" or the list of valid choices when there are few.
    public static func hint(for word: String, in candidates: [String], listUpTo limit: Int = 8) -> String? {
        Suggester(candidates, listUpTo: limit).hint(for: word)?.en
    }

    /// The same hint in every language.
    public static func hintMessage(
        for word: String, in candidates: [String], listUpTo limit: Int = 8
    ) -> Diagnostic.Message? {
        Suggester(candidates, listUpTo: limit).hint(for: word)
    }

}

/// Did-you-mean over one list of candidates (the criteria of a catalog, the evidence of an assessment)
/// for many words. The candidates are prepared once; each search compares only candidates whose length
/// is within the distance allowed, and stops comparing as soon as a row of the table passes it. A file
/// with thousands of unknown ids is not a list of typos: after `maximumSearches` searches the hint is
/// the plain one, so the work stays bounded (20 × 50,000 candidates at most).
public final class Suggester {
    /// Words searched for a near candidate; later ones get the plain hint.
    public static let maximumSearches = 20

    let candidates: [String]
    let listUpTo: Int
    private var prepared: [(text: String, scalars: [UInt32])]?
    private var words: [[Substring]]?
    private var searches = 0

    /// `listUpTo`: with this many candidates or fewer, a word that is near none gets the list of them.
    public init(_ candidates: [String], listUpTo: Int = 0) {
        self.candidates = candidates
        self.listUpTo = listUpTo
    }

    /// "did you mean 'x'?", the list of choices when there are at most `listUpTo`, or nil.
    public func hint(for word: String) -> Diagnostic.Message? {
        if searches < Self.maximumSearches {
            searches += 1
            if let near = closest(to: word) { return .didYouMean(near) }
        }
        if !candidates.isEmpty, candidates.count <= listUpTo {
            return .expectedOneOf(candidates)
        }
        return nil
    }

    /// The candidate nearest `word` within a typo's distance (1 for short words, up to 3), else the one
    /// candidate holding every word of an id made of words (`first_response_p90`).
    func closest(to word: String) -> String? {
        let target = Array(word.lowercased().unicodeScalars.map(\.value))
        let prepared =
            self.prepared ?? candidates.map { ($0, Array($0.lowercased().unicodeScalars.map(\.value))) }
        self.prepared = prepared
        var best: (text: String, distance: Int)?
        for candidate in prepared {
            let limit = max(1, min(3, max(target.count, candidate.scalars.count) / 3))
            guard abs(target.count - candidate.scalars.count) <= limit else { continue }
            let bound = min(limit, (best?.distance ?? Int.max) - 1)
            guard bound >= 0 else { continue }
            let distance = Self.distance(target[...], candidate.scalars[...], limit: bound)
            if distance <= bound { best = (candidate.text, distance) }
            if best?.distance == 0 { break }
        }
        if let best { return best.text }
        let parts = Self.split(word.lowercased())
        guard parts.count > 1 else { return nil }
        let words = self.words ?? candidates.map { Self.split($0.lowercased()) }
        self.words = words
        var holding: String?
        for (index, candidateWords) in words.enumerated()
        where parts.allSatisfy({ w in candidateWords.contains { $0.hasPrefix(w) } }) {
            if holding != nil { return nil }
            holding = candidates[index]
        }
        return holding
    }

    static func split(_ text: String) -> [Substring] {
        text.split { $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>, limit: Int) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        var previousMinimum = 0
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            // A swap can step over one row, so two rows must both be past the limit.
            if rowMinimum > limit, previousMinimum >= limit { return limit + 1 }
            previousMinimum = rowMinimum
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
