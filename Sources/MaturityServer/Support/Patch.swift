/// A field of a PATCH body: left out (unchanged), `null` (cleared), or a new value.
enum PatchField<Value: Decodable & Sendable>: Sendable {
    case unchanged
    case cleared
    case set(Value)

    func apply(to value: inout Value?) {
        switch self {
        case .unchanged: break
        case .cleared: value = nil
        case .set(let new): value = new
        }
    }
}

extension KeyedDecodingContainer {
    func patch<Value: Decodable & Sendable>(_ type: Value.Type, forKey key: Key) throws -> PatchField<Value> {
        guard contains(key) else { return .unchanged }
        if try decodeNil(forKey: key) { return .cleared }
        return .set(try decode(Value.self, forKey: key))
    }
}
