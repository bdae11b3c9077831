/// Appends values in the canonical payload encoding (`schemas/payload-encoding.md`) to a byte buffer.
///
/// The typed event encoders and the generic ``PayloadValue`` encoder share it, so both produce
/// the same bytes; callers write object members in ascending key order themselves.
package struct PayloadWriter: Sendable {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8]

    /// Creates an empty writer.
    /// - Parameter capacity: Bytes to reserve up front, to avoid regrowing for typical payloads.
    package init(capacity: Int = 128) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends an unsigned LEB128 varint in its shortest form.
    package mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: rest))
    }

    /// Appends `null`.
    package mutating func writeNull() {
        bytes.append(PayloadTag.null)
    }

    /// Appends a boolean.
    package mutating func writeBool(_ value: Bool) {
        bytes.append(value ? PayloadTag.true : PayloadTag.false)
    }

    /// Appends a signed integer, zigzag-mapped.
    package mutating func writeInt(_ value: Int64) {
        bytes.append(PayloadTag.integer)
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Appends a string value.
    package mutating func writeString(_ value: String) {
        bytes.append(PayloadTag.string)
        writeRawText(value)
    }

    /// Appends a string value given as raw UTF-8 bytes, which the caller guarantees are valid.
    package mutating func writeString(utf8: some Collection<UInt8>) {
        bytes.append(PayloadTag.string)
        writeVarint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Appends the header of an array of `count` elements; the caller appends the elements.
    package mutating func writeArrayHeader(count: Int) {
        bytes.append(PayloadTag.array)
        writeVarint(UInt64(count))
    }

    /// Appends the header of an object of `count` members; the caller appends them in key order.
    package mutating func writeObjectHeader(count: Int) {
        bytes.append(PayloadTag.object)
        writeVarint(UInt64(count))
    }

    /// Appends a member key (length and bytes, no tag).
    package mutating func writeKey(_ key: StaticString) {
        writeVarint(UInt64(key.utf8CodeUnitCount))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a member key given as a string (length and bytes, no tag).
    package mutating func writeKey(_ key: String) {
        writeRawText(key)
    }

    /// Appends an amount as its decimal string in the currency's exponent.
    package mutating func writeMoney(_ money: Money) {
        bytes.append(PayloadTag.string)
        let start = bytes.count
        bytes.append(0)
        money.appendDecimalText(to: &bytes)
        // Decimal amounts are at most 22 bytes, so the one-byte length placeholder always fits.
        bytes[start] = UInt8(bytes.count - start - 1)
    }

    /// Appends a date as its `YYYY-MM-DD` string.
    package mutating func writeDate(_ date: LedgerDate) {
        bytes.append(PayloadTag.string)
        bytes.append(10)
        date.appendText(to: &bytes)
    }

    private mutating func writeRawText(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
}

/// The tag bytes of the payload encoding.
package enum PayloadTag {
    /// `null`.
    package static let null: UInt8 = 0x00
    /// `false`.
    package static let `false`: UInt8 = 0x01
    /// `true`.
    package static let `true`: UInt8 = 0x02
    /// A zigzag varint integer.
    package static let integer: UInt8 = 0x03
    /// A UTF-8 string.
    package static let string: UInt8 = 0x04
    /// An array.
    package static let array: UInt8 = 0x05
    /// An object with sorted unique keys.
    package static let object: UInt8 = 0x06
}
