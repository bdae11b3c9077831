/// A strict RFC 8259 JSON parser over UTF-8 bytes, built for the socket's hot path.
///
/// It refuses everything the RFC does not allow (trailing commas, comments, `NaN`, leading
/// zeros, raw control characters, invalid escapes, lone surrogates, invalid UTF-8, trailing
/// garbage) and, beyond the RFC, duplicate object keys and nesting deeper than a limit, so a
/// hostile line can neither smuggle ambiguous input nor overflow the stack. It works on a
/// borrowed buffer and never goes through Foundation, which is several times slower on Linux.
package struct JSONParser: ~Copyable {
    /// The nesting limit used unless a caller asks for another: arrays and objects inside each
    /// other up to this many levels.
    package static let defaultMaxDepth = 64

    /// Objects with more members than this check duplicate keys with a hash set instead of a
    /// linear scan, so a 1 MiB object of distinct keys cannot take quadratic time.
    static let linearDuplicateCheckLimit = 16

    let input: UnsafeBufferPointer<UInt8>
    var index = 0
    let maxDepth: Int
    var depth = 0
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(input: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.input = input
        self.maxDepth = maxDepth
    }

    /// Parses one complete JSON text.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text; whitespace may surround the value, nothing else.
    ///   - maxDepth: The deepest nesting of arrays and objects accepted.
    /// - Returns: The value.
    /// - Throws: ``JSONParseError`` with the offset of the first offending byte.
    package static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(input: bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses one complete JSON text from raw bytes.
    ///
    /// - Throws: ``JSONParseError`` with the offset of the first offending byte.
    package static func parse(
        _ bytes: UnsafeRawBufferPointer,
        maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        try parse(bytes.assumingMemoryBound(to: UInt8.self), maxDepth: maxDepth)
    }

    /// Parses one complete JSON text from an array of bytes.
    ///
    /// - Throws: ``JSONParseError`` with the offset of the first offending byte.
    package static func parse(
        _ bytes: [UInt8],
        maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            try parse(buffer, maxDepth: maxDepth)
        }
    }

    /// Parses one complete JSON text from a slice of bytes; offsets count from the slice start.
    ///
    /// - Throws: ``JSONParseError`` with the offset of the first offending byte.
    package static func parse(
        _ bytes: ArraySlice<UInt8>,
        maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            try parse(buffer, maxDepth: maxDepth)
        }
    }

    /// Parses one complete JSON text from a string's UTF-8.
    ///
    /// - Throws: ``JSONParseError`` with the offset of the first offending byte.
    package static func parse(
        _ text: String,
        maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard index == input.count else {
            throw failure("unexpected data after the JSON value")
        }
        return value
    }

    func failure(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(offset: offset ?? index, message: message)
    }

    mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < input.count else { throw failure("unexpected end of input") }
        switch input[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw failure("unexpected character")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for offset in 0..<count {
            guard index + offset < input.count, input[index + offset] == start[offset] else {
                throw failure("invalid literal", at: index + offset)
            }
        }
        index += count
    }

    mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= maxDepth else {
            throw failure("nesting deeper than \(maxDepth) levels")
        }
        index += 1
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < input.count, input[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < input.count else { throw failure("unterminated array") }
            switch input[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default: throw failure("expected ',' or ']' in array")
            }
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var members: [JSONMember] = []
        var largeObjectKeys: Set<ByteKey> = []
        skipWhitespace()
        if index < input.count, input[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        members.reserveCapacity(8)
        while true {
            skipWhitespace()
            guard index < input.count, input[index] == UInt8(ascii: "\"") else {
                throw failure("expected a string key")
            }
            let keyOffset = index
            let key = try parseString()
            try checkUnique(key, in: members, largeObjectKeys: &largeObjectKeys, at: keyOffset)
            skipWhitespace()
            guard index < input.count, input[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after object key")
            }
            index += 1
            members.append(JSONMember(key, try parseValue()))
            skipWhitespace()
            guard index < input.count else { throw failure("unterminated object") }
            switch input[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw failure("expected ',' or '}' in object")
            }
        }
    }

    func checkUnique(
        _ key: String,
        in members: [JSONMember],
        largeObjectKeys: inout Set<ByteKey>,
        at offset: Int
    ) throws(JSONParseError) {
        if members.count < Self.linearDuplicateCheckLimit {
            for member in members where member.key.hasSameUTF8(as: key) {
                throw failure("duplicate object key", at: offset)
            }
            return
        }
        if largeObjectKeys.isEmpty {
            largeObjectKeys = Set(members.map { ByteKey($0.key) })
        }
        guard largeObjectKeys.insert(ByteKey(key)).inserted else {
            throw failure("duplicate object key", at: offset)
        }
    }
}
