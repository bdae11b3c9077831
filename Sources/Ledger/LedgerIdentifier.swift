/// An entity identifier chosen by the client: 1 to 128 bytes of UTF-8 without control characters.
///
/// Each kind of entity has its own type, so an invoice id can never be passed where a payment id
/// is meant; the text is validated once, when the value is made.
package protocol LedgerIdentifier: ShardingKey, Comparable, Sendable, CustomStringConvertible {
    /// The identifier's text.
    var rawValue: String { get }
    /// Wraps text already known to be valid.
    init(validated rawValue: String)
}

extension LedgerIdentifier {
    /// The longest identifier in UTF-8 bytes.
    package static var maximumByteCount: Int { 128 }

    /// Validates and wraps `text`; nil if it is empty, longer than 128 bytes or has control characters.
    package init?(_ text: String) {
        var text = text
        let valid = text.withUTF8 { IdentifierRules.isValid(UnsafeRawBufferPointer($0)) }
        guard valid else { return nil }
        self.init(validated: text)
    }

    /// Validates and wraps raw bytes; nil if they are not a valid identifier.
    package init?(bytes: UnsafeRawBufferPointer) {
        guard IdentifierRules.isValid(bytes) else { return nil }
        self.init(validated: UTF8Validation.string(validated: bytes))
    }

    /// The identifier's text.
    package var description: String { rawValue }

    /// The text's shard hash.
    package var shardHash: UInt64 { rawValue.shardHash }

    /// Orders identifiers by their UTF-8 bytes, the order every report and tie-break uses.
    package static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}

/// The rules shared by every identifier type.
package enum IdentifierRules {
    /// Whether raw bytes are 1–128 bytes of valid UTF-8 without C0, DEL or C1 control characters.
    package static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 128 else { return false }
        return UTF8Validation.isValid(bytes, allowingControls: false)
    }
}
