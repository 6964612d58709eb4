/// A target rating that the catalog does not have.
public struct TargetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var target: String
    public var catalogId: String
    /// The catalog's rating ids, lowest first.
    public var ratings: [String]

    /// "did you mean 'excellent'?", or the list of ratings.
    public var hint: String {
        Suggestion.hint(for: target, in: ratings) ?? "ratings: \(ratings.joined(separator: ", "))"
    }

    public var description: String {
        "target '\(target)' is not a rating of catalog '\(catalogId)'; \(hint)"
    }

    /// Throws when `target` is given and is neither one of the catalog's ratings nor `fail`.
    public static func check(_ target: String?, catalog: Catalog) throws(TargetError) {
        guard let target, target != RatingRule.failId, catalog.rating(target) == nil else { return }
        throw TargetError(target: target, catalogId: catalog.id, ratings: catalog.ratings.map(\.id))
    }
}
