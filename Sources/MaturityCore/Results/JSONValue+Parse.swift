import Foundation

extension JSONValue {
    /// Parses JSON text with the core's strict, located reader (`JSONDocument`): a syntax error, a
    /// duplicate key or deep nesting is a diagnostic naming `file`, line and column.
    public static func parse(_ data: Data, file: String = "result.json") throws(DiagnosticError) -> JSONValue {
        JSONValue(try JSONDocument.parse(data: data, file: file).root)
    }

    /// The value of a located node, positions dropped.
    public init(_ node: JSONDocument.Node) {
        switch node.value {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let value): self = .number(value)
        case .string(let value): self = .string(value)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members):
            self = .object(Dictionary(members.map { ($0.key, JSONValue($0.node)) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The same value without the object members named `keys` (top level only).
    public func removing(_ keys: [String]) -> JSONValue {
        guard case .object(var members) = self else { return self }
        for key in keys { members[key] = nil }
        return .object(members)
    }
}
