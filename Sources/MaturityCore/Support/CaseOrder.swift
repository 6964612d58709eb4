extension CaseIterable where Self: Equatable {
    /// The position of this case in `allCases`, for orderings that follow declaration order.
    var caseOrder: Int {
        // Every value of a CaseIterable type is one of its allCases.
        Self.allCases.firstIndex(of: self).map { Self.allCases.distance(from: Self.allCases.startIndex, to: $0) } ?? 0
    }
}
