/// Strict UTF-8 validation over raw bytes, shared by the payload and snapshot decoders.
///
/// It refuses overlong forms, surrogates and code points above U+10FFFF, so that a decoded
/// string re-encodes to exactly the bytes it came from.
package enum UTF8Validation {
    /// Returns whether `bytes` is well-formed UTF-8.
    package static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        isValid(bytes, allowingControls: true)
    }

    /// Returns whether `bytes` is well-formed UTF-8 and, unless `allowingControls`, free of C0
    /// controls, DEL and C1 controls: one pass for the checks every identifier and text needs.
    @inline(__always)
    package static func isValid(_ bytes: UnsafeRawBufferPointer, allowingControls: Bool) -> Bool {
        var index = 0
        let count = bytes.count
        // Eight ASCII bytes at a time while they last; the byte loop takes the rest.
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            guard word & highBits == 0 else { break }
            if !allowingControls, hasControl(asciiWord: word) { return false }
            index += 8
        }
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if !allowingControls, lead < 0x20 || lead == 0x7F { return false }
                index += 1
                continue
            }
            // C1 controls are U+0080...U+009F, encoded 0xC2 0x80...0x9F.
            if !allowingControls, lead == 0xC2, index + 1 < count, bytes[index + 1] <= 0x9F {
                return false
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { return false }
            var offset = 2
            while offset < length {
                guard bytes[index + offset] & 0xC0 == 0x80 else { return false }
                offset += 1
            }
            index += length
        }
        return true
    }

    private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// Whether a word of eight ASCII bytes holds a C0 control or DEL. A byte's borrow only
    /// starts at a byte that really is below 0x20 (or zero after the DEL mask), so the test
    /// is exact for the word as a whole.
    @inline(__always)
    private static func hasControl(asciiWord word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let belowSpace = (word &- 0x20 &* ones) & ~word & highBits
        let delete = word ^ (0x7F &* ones)
        let isDelete = (delete &- ones) & ~delete & highBits
        return belowSpace | isDelete != 0
    }

    /// Decodes validated UTF-8 into a `String`, or returns nil if the bytes are not valid.
    package static func string(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard isValid(bytes) else { return nil }
        return string(validated: bytes)
    }

    /// Makes a `String` of bytes a strict validator (this type, or the JSON parser's) has
    /// already found valid.
    ///
    /// Built through `String(unsafeUninitializedCapacity:)`, which takes up to 15 ASCII bytes
    /// (nearly every id, date and code) into the string's inline form with one word-wide ASCII
    /// test, where `String(decoding:as:)` validates the bytes again byte by byte: creating
    /// strings was an eighth of decoding's instructions that way. Longer or non-ASCII text is
    /// still checked (and would be repaired) by the standard library, so the result is a valid
    /// string whatever the bytes.
    @inline(__always)
    package static func string(validated bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return 0 }
            target.update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            return bytes.count
        }
    }
}
