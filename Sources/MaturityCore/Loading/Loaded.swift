/// A value read from a user's file, with the warnings found on the way.
public struct Loaded<Value: Sendable>: Sendable {
    public var value: Value
    public var warnings: [Diagnostic]

    public init(_ value: Value, warnings: [Diagnostic] = []) {
        self.value = value
        self.warnings = warnings
    }
}
