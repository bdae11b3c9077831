import struct Crypto.SHA256
import Ledger
import Testing

@testable import LedgerStorage

/// `Digest.chain` and `Digest.sha256`, computed on swift-crypto's BoringSSL directly, against
/// `Crypto.SHA256`.
struct SHA256Tests {
    @Test func aKnownVector() {
        let digest = [UInt8]("abc".utf8).withUnsafeBytes {
            Digest.chain(previous: .zero, canonical: $0)
        }
        #expect(digest.hex == "365aa7d8f7f9402c4b9434502b4cc89ddb09fe50d7cd95b493b834c62d5a5370")
        #expect(
            Digest.sha256(Array("abc".utf8)).hex
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }

    /// Every length from empty to past four 64-byte blocks, so each padding case of the final
    /// block is met, with and without the 32-byte prefix of the chain rule in front.
    @Test func bothEqualSwiftCryptoForEveryLengthUpToFiveBlocks() {
        var generator = SplitMix64(seed: 0x5EED)
        var previous = Digest.zero
        for length in 0...300 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let chained = bytes.withUnsafeBytes { Digest.chain(previous: previous, canonical: $0) }
            #expect(chained == reference(previous.bytes + bytes), "chain, length \(length)")
            #expect(Digest.sha256(bytes) == reference(bytes), "sha256, length \(length)")
            previous = chained
        }
    }

    private func reference(_ bytes: [UInt8]) -> Digest? {
        Digest(Array(SHA256.hash(data: bytes)))
    }
}
