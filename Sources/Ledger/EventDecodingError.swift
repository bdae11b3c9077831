/// Why stored bytes could not be decoded into a ``LedgerEvent``.
package enum EventDecodingError: Error, Equatable, Sendable {
    /// A type name this build does not know.
    case unknownType(String)
    /// A version of a known type that this build cannot read (newer than it knows).
    case unsupportedVersion(type: String, version: UInt16)
    /// The bytes are not a canonical payload of the type's schema.
    case malformedPayload(PayloadDecodingError)
    /// A member whose value breaks the schema: a bad id, amount, date or text, or a
    /// non-positive amount where a positive one is required. Names the member.
    case invalidField(String)
}
