internal import Ledger

extension [UInt8] {
    /// Appends `value` in big-endian byte order.
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    /// Appends a string of at most 255 UTF-8 bytes, prefixed by its length.
    mutating func appendShortString(_ text: String) {
        let utf8 = text.utf8
        precondition(utf8.count <= 255, "short string over 255 bytes")
        append(UInt8(utf8.count))
        append(contentsOf: utf8)
    }
}

/// Reads fixed-layout fields from a byte buffer, refusing to run past its end.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readByte() throws(RecordDecodingError) -> UInt8 {
        guard offset < bytes.count else { throw RecordDecodingError("truncated record") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readBigEndian<T: FixedWidthInteger>(_: T.Type) throws(RecordDecodingError) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw RecordDecodingError("truncated record") }
        var value: T = 0
        for index in offset..<(offset + size) { value = value << 8 | T(bytes[index]) }
        offset += size
        return value
    }

    mutating func readBytes(count: Int) throws(RecordDecodingError) -> UnsafeRawBufferPointer {
        guard count >= 0, offset + count <= bytes.count else {
            throw RecordDecodingError("truncated record")
        }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    /// Reads a u8-length-prefixed UTF-8 field without making a String of it.
    mutating func readShortBytes() throws(RecordDecodingError) -> UnsafeRawBufferPointer {
        let raw = try readBytes(count: Int(try readByte()))
        guard UTF8Validation.isValid(raw) else {
            throw RecordDecodingError("invalid UTF-8 in a record field")
        }
        return raw
    }
}
