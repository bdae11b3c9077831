internal import Ledger

extension JSONParser {
    /// Parses a string starting at its opening quote; the fast path copies unescaped text once.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = index + 1
        var cursor = start
        while cursor < input.count {
            let byte = input[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return UTF8Validation.string(
                    validated: UnsafeRawBufferPointer(
                        UnsafeBufferPointer(rebasing: input[start..<cursor])
                    )
                )
            }
            if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(start: start, firstEscape: cursor)
            }
            if byte < 0x20 {
                throw failure("control character in string", at: cursor)
            }
            cursor = byte < 0x80 ? cursor + 1 : try validateUTF8Sequence(at: cursor)
        }
        throw failure("unterminated string", at: index)
    }

    /// Finishes a string that contains escapes, decoding them into the scratch buffer.
    mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONParseError) -> String
    {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<firstEscape]))
        var cursor = firstEscape
        while cursor < input.count {
            let byte = input[cursor]
            switch byte {
            case UInt8(ascii: "\""):
                index = cursor + 1
                return scratch.withUnsafeBytes { UTF8Validation.string(validated: $0) }
            case UInt8(ascii: "\\"):
                cursor = try decodeEscape(at: cursor)
            case 0..<0x20:
                throw failure("control character in string", at: cursor)
            case 0x80...:
                let next = try validateUTF8Sequence(at: cursor)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[cursor..<next]))
                cursor = next
            default:
                scratch.append(byte)
                cursor += 1
            }
        }
        throw failure("unterminated string", at: start - 1)
    }

    /// Decodes the escape at `backslash` into the scratch buffer and returns the next offset.
    mutating func decodeEscape(at backslash: Int) throws(JSONParseError) -> Int {
        guard backslash + 1 < input.count else {
            throw failure("unterminated string", at: backslash)
        }
        let decoded: UInt8
        switch input[backslash + 1] {
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: backslash)
        default: throw failure("invalid escape sequence", at: backslash)
        }
        scratch.append(decoded)
        return backslash + 2
    }

    /// Decodes `\uXXXX`, or a surrogate pair of two such escapes, into UTF-8.
    mutating func decodeUnicodeEscape(at backslash: Int) throws(JSONParseError) -> Int {
        let unit = try hexQuad(at: backslash + 2)
        var scalarValue = UInt32(unit)
        var next = backslash + 6
        switch unit {
        case 0xD800...0xDBFF:
            guard next + 1 < input.count, input[next] == UInt8(ascii: "\\"),
                input[next + 1] == UInt8(ascii: "u")
            else { throw failure("lone surrogate in \\u escape", at: backslash) }
            let low = try hexQuad(at: next + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure("lone surrogate in \\u escape", at: backslash)
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw failure("lone surrogate in \\u escape", at: backslash)
        default:
            break
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw failure("invalid \\u escape", at: backslash)
        }
        UTF8.encode(scalar) { scratch.append($0) }
        return next
    }

    /// Reads four hexadecimal digits.
    func hexQuad(at offset: Int) throws(JSONParseError) -> UInt16 {
        guard offset + 4 <= input.count else { throw failure("truncated \\u escape", at: offset) }
        var value: UInt16 = 0
        for position in offset..<(offset + 4) {
            let byte = input[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid hex digit in \\u escape", at: position)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Checks one multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most
    /// U+10FFFF) starting at `offset` and returns the offset after it.
    func validateUTF8Sequence(at offset: Int) throws(JSONParseError) -> Int {
        let lead = input[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: throw failure("invalid UTF-8", at: offset)
        }
        guard offset + length <= input.count else { throw failure("invalid UTF-8", at: offset) }
        guard secondRange.contains(input[offset + 1]) else {
            throw failure("invalid UTF-8", at: offset)
        }
        for position in (offset + 2)..<(offset + length) where input[position] & 0xC0 != 0x80 {
            throw failure("invalid UTF-8", at: offset)
        }
        return offset + length
    }
}
