internal import CSHA256

/// A SHA-256 digest: the link of the hash chain.
///
/// The 32 bytes live inline (four words, in byte order), so checking a chain of a million
/// records allocates nothing per record.
package struct Digest: Hashable, Sendable, CustomStringConvertible {
    private var first: UInt64
    private var second: UInt64
    private var third: UInt64
    private var fourth: UInt64

    /// The previous hash of the genesis record: 32 zero bytes.
    package static let zero = Digest(first: 0, second: 0, third: 0, fourth: 0)

    private init(first: UInt64, second: UInt64, third: UInt64, fourth: UInt64) {
        self.first = first
        self.second = second
        self.third = third
        self.fourth = fourth
    }

    /// Reads 32 bytes; the caller guarantees the count.
    private init(exactly raw: UnsafeRawBufferPointer) {
        first = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        third = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        fourth = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
    }

    /// Creates a digest from exactly 32 bytes, or returns `nil`.
    package init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        let copied = bytes.withContiguousStorageIfAvailable {
            Digest(exactly: UnsafeRawBufferPointer($0))
        }
        self = copied ?? Array(bytes).withUnsafeBytes { Digest(exactly: $0) }
    }

    /// Creates a digest from exactly 32 raw bytes, or returns `nil`.
    package init?(raw: UnsafeRawBufferPointer) {
        guard raw.count == 32 else { return nil }
        self.init(exactly: raw)
    }

    /// The 32 bytes of the digest.
    package var bytes: [UInt8] {
        withUnsafeBytes(of: self) { Array($0) }
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
        self.init(bytes)
    }

    /// SHA-256 of `previous ‖ canonical`, the chain rule of the event log.
    ///
    /// Computed by swift-crypto's BoringSSL through `accrue_chain_digest` with the context on
    /// the stack: `Crypto.SHA256` allocates and zeroizes a context object per digest. The tests
    /// hold both functions equal to `Crypto.SHA256`.
    package static func chain(previous: Digest, canonical: UnsafeRawBufferPointer) -> Digest {
        var digest = Digest.zero
        withUnsafeMutableBytes(of: &digest) { out in
            withUnsafeBytes(of: previous) { previous in
                accrue_chain_digest(
                    previous.baseAddress,
                    canonical.baseAddress,
                    canonical.count,
                    out.baseAddress
                )
            }
        }
        return digest
    }

    /// SHA-256 of `bytes` (a command's fingerprint), by swift-crypto's BoringSSL with no
    /// allocation, as ``chain(previous:canonical:)``.
    package static func sha256(_ bytes: [UInt8]) -> Digest {
        var digest = Digest.zero
        withUnsafeMutableBytes(of: &digest) { out in
            bytes.withUnsafeBytes { accrue_sha256($0.baseAddress, $0.count, out.baseAddress) }
        }
        return digest
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
