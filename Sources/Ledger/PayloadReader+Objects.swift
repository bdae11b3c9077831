/// The members of an object still to be read by a ``PayloadReader``.
package struct PayloadObjectScope {
    /// Members not yet consumed.
    package var remaining: Int
}

extension PayloadReader {
    /// Reads an object header and opens a scope over its members.
    package mutating func beginObject() throws(PayloadDecodingError) -> PayloadObjectScope {
        PayloadObjectScope(remaining: try readObjectHeader())
    }

    /// Consumes the next member's key if it is `key`, and returns whether it was.
    ///
    /// Keys must be asked for in ascending byte order: a next key that sorts before `key` can
    /// then only be unknown, repeated or out of order, and is refused.
    /// - Throws: `unexpectedKey` for such a key; `truncated` for cut-off bytes.
    @inline(__always)
    package mutating func member(
        _ key: StaticString,
        in scope: inout PayloadObjectScope
    ) throws(PayloadDecodingError) -> Bool {
        guard scope.remaining > 0 else { return false }
        let start = offset
        let length = try readLength()
        let next = try readSlice(count: length)
        let order = key.withUTF8Buffer { expected in
            let expected = UnsafeRawBufferPointer(expected)
            return PayloadReader.equal(next, expected) ? 0 : PayloadReader.compare(next, expected)
        }
        if order == 0 {
            scope.remaining -= 1
            return true
        }
        if order < 0 {
            throw .unexpectedKey(offset: start)
        }
        rewind(to: start)
        return false
    }

    /// Consumes the next member's key, which must be `key`.
    /// - Throws: `missingKey` if another key comes next.
    package mutating func requireMember(
        _ key: StaticString,
        in scope: inout PayloadObjectScope
    ) throws(PayloadDecodingError) {
        let start = offset
        guard try member(key, in: &scope) else {
            throw .missingKey(offset: start)
        }
    }

    /// Fails unless every member of the scope has been consumed.
    package func endObject(_ scope: PayloadObjectScope) throws(PayloadDecodingError) {
        guard scope.remaining == 0 else {
            throw .unexpectedKey(offset: offset)
        }
    }

    /// Reads a member key of an open-ended map, checking that it sorts after `previous`.
    package mutating func readMapKey(
        after previous: UnsafeRawBufferPointer?
    ) throws(PayloadDecodingError) -> UnsafeRawBufferPointer {
        let start = offset
        let key = try readSlice(count: readLength())
        if let previous, PayloadReader.compare(previous, key) >= 0 {
            throw .keysOutOfOrder(offset: start)
        }
        guard UTF8Validation.isValid(key) else { throw .invalidUTF8(offset: start) }
        return key
    }

    /// Whether two byte strings are equal, eight bytes at a time.
    @inline(__always)
    package static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool
    {
        guard lhs.count == rhs.count else { return false }
        var index = 0
        while index + 8 <= lhs.count {
            guard
                lhs.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    == rhs.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            else { return false }
            index += 8
        }
        while index < lhs.count {
            guard lhs[index] == rhs[index] else { return false }
            index += 1
        }
        return true
    }

    /// Compares two byte strings lexicographically as unsigned bytes: negative, zero or positive.
    @inline(__always)
    package static func compare(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Int
    {
        let shared = min(lhs.count, rhs.count)
        var index = 0
        while index < shared {
            let left = lhs[index]
            let right = rhs[index]
            if left != right { return left < right ? -1 : 1 }
            index += 1
        }
        return lhs.count - rhs.count
    }
}
