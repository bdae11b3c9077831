/// Reads the canonical payload encoding from raw bytes without building a ``PayloadValue`` tree.
///
/// The typed event decoders use it to read members in the fixed ascending key order of their
/// schema: asking for the keys in that order makes any other order, an unknown key or a
/// duplicate fail, so the reader accepts only canonical encodings, like the generic decoder.
package struct PayloadReader {
    /// The bytes being read; valid only as long as the caller keeps them alive.
    package let bytes: UnsafeRawBufferPointer
    /// The offset of the next unread byte.
    package private(set) var offset: Int
    private var pendingKey: UnsafeRawBufferPointer?

    /// Creates a reader at the start of `bytes`.
    package init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        offset = 0
        pendingKey = nil
    }

    /// Moves back to an earlier offset, to re-read bytes that were only peeked at.
    package mutating func rewind(to earlier: Int) {
        precondition(earlier >= 0 && earlier <= offset, "rewind forward")
        offset = earlier
    }

    /// Whether every byte has been consumed.
    package var isAtEnd: Bool { offset == bytes.count }

    /// Fails unless every byte has been consumed.
    package func expectEnd() throws(PayloadDecodingError) {
        guard isAtEnd else { throw .trailingBytes(offset: offset) }
    }

    /// Reads one byte.
    @inline(__always)
    package mutating func readByte() throws(PayloadDecodingError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated(offset: offset) }
        let byte = bytes[offset]
        offset += 1
        return byte
    }

    /// Reads an unsigned LEB128 varint, refusing non-shortest forms and overflow.
    @inline(__always)
    package mutating func readVarint() throws(PayloadDecodingError) -> UInt64 {
        // Lengths, counts and small integers fit one byte: the common case.
        if offset < bytes.count, bytes[offset] < 0x80 {
            offset += 1
            return UInt64(bytes[offset - 1])
        }
        return try readLongVarint()
    }

    private mutating func readLongVarint() throws(PayloadDecodingError) -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            let group = UInt64(byte & 0x7F)
            if shift == 63, group > 1 { throw .nonCanonicalVarint(offset: start) }
            result |= group << shift
            if byte & 0x80 == 0 {
                if byte == 0, shift > 0 { throw .nonCanonicalVarint(offset: start) }
                return result
            }
            shift += 7
            if shift > 63 { throw .nonCanonicalVarint(offset: start) }
        }
    }

    /// Reads a length varint and checks that that many bytes remain.
    @inline(__always)
    package mutating func readLength() throws(PayloadDecodingError) -> Int {
        let start = offset
        let length = try readVarint()
        guard length <= UInt64(bytes.count - offset) else { throw .truncated(offset: start) }
        return Int(length)
    }

    /// Reads `count` raw bytes.
    @inline(__always)
    package mutating func readSlice(count: Int) throws(PayloadDecodingError)
        -> UnsafeRawBufferPointer
    {
        guard count <= bytes.count - offset else { throw .truncated(offset: offset) }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        offset += count
        return slice
    }

    /// Consumes a member key if the next bytes are `key` with a one-byte length (any key of
    /// fewer than 128 bytes); returns whether it did, consuming nothing otherwise.
    @inline(__always)
    package mutating func consumeKey(_ key: UnsafeRawBufferPointer) -> Bool {
        guard key.count < 0x80, key.count < bytes.count - offset,
            bytes[offset] == UInt8(truncatingIfNeeded: key.count),
            let start = bytes.baseAddress,
            Self.equal(UnsafeRawBufferPointer(start: start + offset + 1, count: key.count), key)
        else { return false }
        offset += 1 + key.count
        return true
    }

    /// Reads a tag byte and fails unless it is `expected`.
    @inline(__always)
    package mutating func expectTag(_ expected: UInt8) throws(PayloadDecodingError) {
        let tag = try readByte()
        guard tag == expected else { throw .unexpectedTag(tag, offset: offset - 1) }
    }

    /// Reads a zigzag integer value.
    @inline(__always)
    package mutating func readInt() throws(PayloadDecodingError) -> Int64 {
        try expectTag(PayloadTag.integer)
        let zigzag = try readVarint()
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }

    /// Reads a boolean value.
    @inline(__always)
    package mutating func readBool() throws(PayloadDecodingError) -> Bool {
        let tag = try readByte()
        switch tag {
        case PayloadTag.true: return true
        case PayloadTag.false: return false
        default: throw .unexpectedTag(tag, offset: offset - 1)
        }
    }

    /// Reads a string value's raw bytes; the caller validates them as it converts them.
    @inline(__always)
    package mutating func readStringBytes() throws(PayloadDecodingError) -> UnsafeRawBufferPointer {
        if let short = readShortString() { return short }
        try expectTag(PayloadTag.string)
        return try readSlice(count: readLength())
    }

    /// Reads a string value of fewer than 128 bytes (a one-byte length), the common case, if
    /// one comes next and is whole; consumes nothing otherwise.
    @inline(__always)
    package mutating func readShortString() -> UnsafeRawBufferPointer? {
        guard bytes.count - offset >= 2, bytes[offset] == PayloadTag.string,
            bytes[offset + 1] < 0x80, let base = bytes.baseAddress
        else { return nil }
        let count = Int(bytes[offset + 1])
        guard count <= bytes.count - offset - 2 else { return nil }
        let slice = UnsafeRawBufferPointer(start: base + offset + 2, count: count)
        offset += 2 + count
        return slice
    }

    /// Reads a string value, validating its UTF-8.
    package mutating func readString() throws(PayloadDecodingError) -> String {
        let start = offset
        let raw = try readStringBytes()
        guard let text = UTF8Validation.string(raw) else { throw .invalidUTF8(offset: start) }
        return text
    }

    /// Consumes a `null` if one comes next and returns whether it did.
    package mutating func readNullIfPresent() -> Bool {
        guard offset < bytes.count, bytes[offset] == PayloadTag.null else { return false }
        offset += 1
        return true
    }

    /// Reads an array header and returns its element count.
    package mutating func readArrayHeader() throws(PayloadDecodingError) -> Int {
        try expectTag(PayloadTag.array)
        let count = try readVarint()
        // Every element takes at least one byte, which bounds any honest count.
        guard count <= UInt64(bytes.count - offset) else { throw .truncated(offset: offset) }
        return Int(count)
    }

    /// Reads an object header and returns its member count.
    package mutating func readObjectHeader() throws(PayloadDecodingError) -> Int {
        try expectTag(PayloadTag.object)
        let count = try readVarint()
        guard count <= UInt64(bytes.count - offset) else { throw .truncated(offset: offset) }
        return Int(count)
    }
}
