extension Engine {
    /// The ratings of the catalog `catalogId` found among the catalog folders, lowest (fail) first, with their
    /// names; nil when no such catalog is there (the register then names ratings by id).
    public func ratingScale(catalogId: String) -> (order: [String], name: @Sendable (String) -> LocalizedText)? {
        guard let path = library.catalog(forId: catalogId),
            let catalog = try? loadCatalog(InputPath(path)).value
        else { return nil }
        let order = [RatingRule.failId] + catalog.ratings.map(\.id)
        return (
            order,
            { id in
                LocalizedText(
                    Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, catalog.ratingName(id, $0)) }))
            }
        )
    }
}
