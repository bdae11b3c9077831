/// Why bytes are not a canonical payload encoding (`schemas/payload-encoding.md`).
package enum PayloadDecodingError: Error, Equatable, Sendable {
    /// The bytes end inside a value.
    case truncated(offset: Int)
    /// A tag byte that the format does not define, or a tag other than the one expected.
    case unexpectedTag(UInt8, offset: Int)
    /// A varint longer than its shortest form, or wider than 64 bits.
    case nonCanonicalVarint(offset: Int)
    /// A string or key that is not valid UTF-8.
    case invalidUTF8(offset: Int)
    /// Object keys out of ascending byte order or repeated.
    case keysOutOfOrder(offset: Int)
    /// A key the schema does not have at this place: unknown, repeated or out of order.
    case unexpectedKey(offset: Int)
    /// A key the schema requires is missing.
    case missingKey(offset: Int)
    /// Bytes left over after the value.
    case trailingBytes(offset: Int)
    /// Nesting deeper than the decoder accepts.
    case tooDeep(offset: Int)
}
