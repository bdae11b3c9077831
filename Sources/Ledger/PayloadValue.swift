/// A value in the ledger's documented binary payload format (`schemas/payload-encoding.md`).
///
/// It is JSON's data model without floating-point numbers, so every stored payload has exactly
/// one JSON rendering and every such JSON value has exactly one canonical byte encoding: an
/// auditor can turn `events.read` output back into the hashed bytes with a short script.
package enum PayloadValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([PayloadValue])
    /// Members in strictly ascending order of their keys' UTF-8 bytes, without duplicates.
    case object([PayloadMember])
}

/// One key and value of a ``PayloadValue/object(_:)``.
package struct PayloadMember: Hashable, Sendable {
    /// The member's name.
    package var key: String
    /// The member's value.
    package var value: PayloadValue

    /// Creates a member.
    package init(_ key: String, _ value: PayloadValue) {
        self.key = key
        self.value = value
    }
}
