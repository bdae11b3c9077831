extension PayloadValue {
    /// The deepest nesting the generic decoder accepts, so hostile input cannot exhaust the stack.
    package static let maximumDepth = 64

    /// Builds an object from members in any order, sorting them by their keys' UTF-8 bytes.
    ///
    /// - Precondition: keys are unique.
    package static func object(sorting members: [PayloadMember]) -> PayloadValue {
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for index in sorted.indices.dropFirst() {
            precondition(sorted[index - 1].key != sorted[index].key, "duplicate payload key")
        }
        return .object(sorted)
    }

    /// The canonical encoding of this value.
    package func encoded() -> [UInt8] {
        var writer = PayloadWriter()
        encode(into: &writer)
        return writer.bytes
    }

    /// Appends the canonical encoding of this value.
    ///
    /// - Precondition: object members are in ascending key order without duplicates.
    package func encode(into writer: inout PayloadWriter) {
        switch self {
        case .null: writer.writeNull()
        case .bool(let value): writer.writeBool(value)
        case .int(let value): writer.writeInt(value)
        case .string(let value): writer.writeString(value)
        case .array(let elements):
            writer.writeArrayHeader(count: elements.count)
            for element in elements { element.encode(into: &writer) }
        case .object(let members):
            writer.writeObjectHeader(count: members.count)
            for member in members {
                writer.writeKey(member.key)
                member.value.encode(into: &writer)
            }
        }
    }

    /// Decodes one canonical value that spans all of `bytes`, validating every rule of the format.
    /// - Throws: ``PayloadDecodingError`` for any non-canonical or malformed input.
    package static func decode(_ bytes: UnsafeRawBufferPointer) throws(PayloadDecodingError)
        -> PayloadValue
    {
        var reader = PayloadReader(bytes)
        let value = try decodeValue(&reader, depth: 0)
        try reader.expectEnd()
        return value
    }

    /// Decodes one canonical value that spans all of `bytes`.
    /// - Throws: ``PayloadDecodingError`` for any non-canonical or malformed input.
    package static func decode(_ bytes: [UInt8]) throws(PayloadDecodingError) -> PayloadValue {
        let result: Result<PayloadValue, PayloadDecodingError> = bytes.withUnsafeBytes { raw in
            Result { () throws(PayloadDecodingError) -> PayloadValue in try decode(raw) }
        }
        return try result.get()
    }

    private static func decodeValue(
        _ reader: inout PayloadReader,
        depth: Int
    ) throws(PayloadDecodingError) -> PayloadValue {
        guard depth <= maximumDepth else { throw .tooDeep(offset: reader.offset) }
        let start = reader.offset
        let tag = try reader.readByte()
        switch tag {
        case PayloadTag.null: return .null
        case PayloadTag.false: return .bool(false)
        case PayloadTag.true: return .bool(true)
        case PayloadTag.integer, PayloadTag.string:
            reader.rewind(to: start)
            return tag == PayloadTag.integer
                ? .int(try reader.readInt()) : .string(try reader.readString())
        case PayloadTag.array:
            reader.rewind(to: start)
            let count = try reader.readArrayHeader()
            var elements: [PayloadValue] = []
            elements.reserveCapacity(count)
            for _ in 0..<count { elements.append(try decodeValue(&reader, depth: depth + 1)) }
            return .array(elements)
        case PayloadTag.object:
            reader.rewind(to: start)
            return try decodeObject(&reader, depth: depth)
        default:
            throw .unexpectedTag(tag, offset: start)
        }
    }

    private static func decodeObject(
        _ reader: inout PayloadReader,
        depth: Int
    ) throws(PayloadDecodingError) -> PayloadValue {
        let count = try reader.readObjectHeader()
        var members: [PayloadMember] = []
        members.reserveCapacity(count)
        var previous: UnsafeRawBufferPointer?
        for _ in 0..<count {
            let key = try reader.readMapKey(after: previous)
            previous = key
            let value = try decodeValue(&reader, depth: depth + 1)
            members.append(PayloadMember(UTF8Validation.string(validated: key), value))
        }
        return .object(members)
    }
}
