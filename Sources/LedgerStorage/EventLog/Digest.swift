internal import Crypto

/// A SHA-256 digest: the link of the hash chain.
package struct Digest: Hashable, Sendable, CustomStringConvertible {
    /// The 32 bytes of the digest.
    package let bytes: [UInt8]

    /// The previous hash of the genesis record: 32 zero bytes.
    package static let zero = Digest(unchecked: [UInt8](repeating: 0, count: 32))

    private init(unchecked bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Creates a digest from exactly 32 bytes, or returns `nil`.
    package init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        self.bytes = Array(bytes)
    }

    /// Parses 64 lowercase or uppercase hexadecimal digits.
    package init?(hex: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var high: UInt8?
        for character in hex.utf8 {
            guard let nibble = Self.nibble(character) else { return nil }
            if let pending = high {
                bytes.append(pending << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard high == nil, bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// SHA-256 of `previous ‖ canonical`, the chain rule of the event log.
    package static func chain(previous: Digest, canonical: UnsafeRawBufferPointer) -> Digest {
        var hasher = SHA256()
        previous.bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: canonical)
        return Digest(unchecked: Array(hasher.finalize()))
    }

    /// SHA-256 of `bytes`.
    package static func sha256(_ bytes: [UInt8]) -> Digest {
        Digest(unchecked: Array(SHA256.hash(data: bytes)))
    }

    /// Lowercase hexadecimal.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Lowercase hexadecimal.
    package var description: String { hex }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
