/// A JSON value as parsed from the socket, kept exact enough to answer and re-encode it.
///
/// Numbers keep their source text (see ``JSONNumber``) so integers never pass through `Double`
/// and a request's `id` is echoed byte for byte. Objects keep their members in source order, so
/// errors can name the first offending member and output stays deterministic.
package enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as its exact text.
    case number(JSONNumber)
    /// A string, escapes decoded.
    case string(String)
    /// An array, in source order.
    case array([JSONValue])
    /// Members in source order; the parser refuses duplicate keys.
    case object([JSONMember])

    /// The value of the first member named `key` when this is an object, else `nil`.
    ///
    /// Keys compare by their UTF-8 bytes, as JSON defines them, not by Unicode equivalence.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key.hasSameUTF8(as: key) }?.value
    }

    /// A JSON integer value, for building values in code and tests.
    package static func int(_ value: Int64) -> JSONValue {
        .number(JSONNumber(value))
    }

    /// A short name of the value's JSON type ("string", "object", …) for error messages.
    package var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// One key and value of a ``JSONValue/object(_:)``.
package struct JSONMember: Hashable, Sendable {
    /// The member's name.
    package var key: String
    /// The member's value.
    package var value: JSONValue

    /// Creates a member.
    package init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
