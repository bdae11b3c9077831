import Ledger
import Testing

@testable import LedgerStorage

/// The chain rule computed on BoringSSL directly (`Digest.chain`) against `Crypto.SHA256`
/// (`Digest.sha256`) over the concatenated bytes.
struct ChainDigestTests {
    @Test func aKnownVector() {
        let digest = [UInt8]("abc".utf8).withUnsafeBytes {
            Digest.chain(previous: .zero, canonical: $0)
        }
        #expect(digest.hex == "365aa7d8f7f9402c4b9434502b4cc89ddb09fe50d7cd95b493b834c62d5a5370")
    }

    /// Every length from empty to past four 64-byte blocks, so each padding case of the final
    /// block is met with the 32-byte prefix in front.
    @Test func equalsSwiftCryptoForEveryLengthUpToFiveBlocks() {
        var generator = SplitMix64(seed: 0x5EED)
        var previous = Digest.zero
        for length in 0...300 {
            let canonical = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let chained = canonical.withUnsafeBytes {
                Digest.chain(previous: previous, canonical: $0)
            }
            #expect(chained == Digest.sha256(previous.bytes + canonical), "length \(length)")
            previous = chained
        }
    }
}
