package import Ledger

extension PayloadValue {
    /// Converts JSON to a payload value: integers only, object members sorted by the UTF-8
    /// bytes of their keys, as `schemas/payload-encoding.md` requires.
    ///
    /// - Throws: ``PayloadConversionError`` for a fraction, an exponent, an integer outside
    ///   `Int64`, or a duplicate key.
    package init(json: JSONValue) throws(PayloadConversionError) {
        self = try Self.convert(json, path: "")
    }

    static func convert(_ json: JSONValue, path: String) throws(PayloadConversionError)
        -> PayloadValue
    {
        switch json {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        case .number(let number):
            guard number.isIntegerLiteral else {
                throw PayloadConversionError(path: path, message: "numbers must be integers")
            }
            guard let integer = number.int64 else {
                throw PayloadConversionError(path: path, message: "integer out of range")
            }
            return .int(integer)
        case .array(let elements):
            var converted: [PayloadValue] = []
            converted.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                converted.append(try convert(element, path: "\(path)[\(index)]"))
            }
            return .array(converted)
        case .object(let members):
            return .object(try convert(members, path: path))
        }
    }

    static func convert(_ members: [JSONMember], path: String) throws(PayloadConversionError)
        -> [PayloadMember]
    {
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var converted: [PayloadMember] = []
        converted.reserveCapacity(sorted.count)
        for member in sorted {
            let memberPath = "\(path).\(member.key)"
            if let last = converted.last, last.key.hasSameUTF8(as: member.key) {
                throw PayloadConversionError(path: memberPath, message: "duplicate key")
            }
            converted.append(PayloadMember(member.key, try convert(member.value, path: memberPath)))
        }
        return converted
    }

    /// The value as JSON, members in their stored (sorted) order.
    package var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let integer): .int(integer)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.json))
        case .object(let members): .object(members.map { JSONMember($0.key, $0.value.json) })
        }
    }
}
