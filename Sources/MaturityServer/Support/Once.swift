import Synchronization

/// A value made when first asked for, then kept: callers asking at once wait for the one making it.
final class Once<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let kept = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        kept.withLock { kept in
            if let value = kept { return value }
            let value = make()
            kept = value
            return value
        }
    }
}
