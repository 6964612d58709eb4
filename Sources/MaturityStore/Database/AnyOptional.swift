/// An optional seen through an existential (both databases' adapters bind and read optionals of any depth): its
/// value if any, and, as a type, its wrapped type and its nil.
protocol AnyOptional {
    var wrapped: Any? { get }
    static var wrappedType: Any.Type { get }
    static var absent: Self { get }
}

extension Optional: AnyOptional {
    var wrapped: Any? { self.map { $0 } }
    static var wrappedType: Any.Type { Wrapped.self }
    static var absent: Self { nil }
}
