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
        if consumeExpected(key, in: &scope) { return true }
        return try memberAfterMismatch(key, in: &scope)
    }

    /// Consumes the next member's key, which must be `key`.
    /// - Throws: `missingKey` if another key comes next.
    @inline(__always)
    package mutating func requireMember(
        _ key: StaticString,
        in scope: inout PayloadObjectScope
    ) throws(PayloadDecodingError) {
        if consumeExpected(key, in: &scope) { return }
        let start = offset
        guard try memberAfterMismatch(key, in: &scope) else { throw .missingKey(offset: start) }
    }

    /// The common case, inlined into every decoder: the next key is `key`, with a one-byte
    /// length. Anything else is left to ``memberAfterMismatch(_:in:)``.
    @inline(__always)
    private mutating func consumeExpected(
        _ key: StaticString,
        in scope: inout PayloadObjectScope
    ) -> Bool {
        guard scope.remaining > 0, key.hasPointerRepresentation,
            consumeKey(UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        else { return false }
        scope.remaining -= 1
        return true
    }

    /// ``member(_:in:)`` for a next key that the fast path did not take: reads it in full and
    /// consumes it if it is `key` after all, leaves it for a later key, or refuses it.
    private mutating func memberAfterMismatch(
        _ key: StaticString,
        in scope: inout PayloadObjectScope
    ) throws(PayloadDecodingError) -> Bool {
        guard scope.remaining > 0 else { return false }
        let start = offset
        let length = try readLength()
        let next = try readSlice(count: length)
        let order = key.withUTF8Buffer { expected in
            PayloadReader.compare(next, UnsafeRawBufferPointer(expected))
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

    /// Whether two byte strings are equal, compared a word at a time: a string shorter than a
    /// word by two overlapping loads of the widest width that fits (member keys are mostly
    /// under eight bytes, where a byte loop cost more than the rest of reading the key).
    @inline(__always)
    package static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool
    {
        let count = lhs.count
        guard count == rhs.count else { return false }
        @inline(__always)
        func same<Word: FixedWidthInteger>(_: Word.Type, at offset: Int) -> Bool {
            lhs.loadUnaligned(fromByteOffset: offset, as: Word.self)
                == rhs.loadUnaligned(fromByteOffset: offset, as: Word.self)
        }
        switch count {
        case 0: return true
        case 1: return lhs[0] == rhs[0]
        case 2...3: return same(UInt16.self, at: 0) && same(UInt16.self, at: count - 2)
        case 4...7: return same(UInt32.self, at: 0) && same(UInt32.self, at: count - 4)
        default:
            var index = 0
            while index + 8 < count {
                guard same(UInt64.self, at: index) else { return false }
                index += 8
            }
            return same(UInt64.self, at: count - 8)
        }
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
