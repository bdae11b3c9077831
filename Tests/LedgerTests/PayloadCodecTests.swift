import Ledger
import Testing

/// The generic canonical payload codec of `schemas/payload-encoding.md`.
struct PayloadCodecTests {
    @Test func encodesTheDocumentedTagsAndVarints() {
        #expect(PayloadValue.null.encoded() == [0x00])
        #expect(PayloadValue.bool(false).encoded() == [0x01])
        #expect(PayloadValue.bool(true).encoded() == [0x02])
        #expect(PayloadValue.int(0).encoded() == [0x03, 0x00])
        #expect(PayloadValue.int(-1).encoded() == [0x03, 0x01])
        #expect(PayloadValue.int(1).encoded() == [0x03, 0x02])
        #expect(PayloadValue.int(64).encoded() == [0x03, 0x80, 0x01])
        #expect(PayloadValue.string("é").encoded() == [0x04, 0x02, 0xC3, 0xA9])
        #expect(PayloadValue.array([.null]).encoded() == [0x05, 0x01, 0x00])
        #expect(
            PayloadValue.object([PayloadMember("a", .int(1))]).encoded() == [
                0x06, 0x01, 0x01, 0x61, 0x03, 0x02,
            ]
        )
    }

    @Test(arguments: [Int64.min, Int64.max, -64, 63, 1 << 53, -(1 << 53)])
    func integersRoundTrip(value: Int64) throws {
        #expect(try PayloadValue.decode(PayloadValue.int(value).encoded()) == .int(value))
    }

    @Test func nestedValuesRoundTrip() throws {
        let value = PayloadValue.object(sorting: [
            PayloadMember("z", .array([.int(-5), .string("x"), .null, .bool(true)])),
            PayloadMember("a", .object([PayloadMember("b", .string("ü"))])),
            PayloadMember("B", .string("")),
        ])
        #expect(try PayloadValue.decode(value.encoded()) == value)
    }

    /// Objects built from members in any order, and the builder's value and encoding, put
    /// keys in the order of their UTF-8 bytes: keys sharing their first eight bytes or more,
    /// prefixes of each other, upper case before lower, and multi-byte characters.
    @Test(arguments: [UInt64(3), 41, 2_026])
    func objectsOrderKeysByTheirBytes(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let stems = ["invoice_id", "invoice_", "invoice_ids", "a", "B", "é", "ébène", "z", "due"]
        for _ in 0..<300 {
            var keys: Set<String> = []
            for _ in 0..<Int.random(in: 0...9, using: &random) {
                let stem = stems.randomElement(using: &random)!
                keys.insert(
                    Bool.random(using: &random)
                        ? stem : stem + "\(Int.random(in: 0...99, using: &random))"
                )
            }
            let shuffled = keys.shuffled(using: &random)
            let expected = keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let members = shuffled.map { PayloadMember($0, .string($0)) }
            guard case .object(let sorted) = PayloadValue.object(sorting: members) else {
                Issue.record("not an object")
                return
            }
            #expect(sorted.map(\.key) == expected)
            var builder = PayloadObjectBuilder()
            for key in shuffled { builder.add(key, string: key) }
            #expect(builder.value == .object(sorted))
            var writer = PayloadWriter()
            builder.encode(into: &writer)
            #expect(writer.bytes == PayloadValue.object(sorted).encoded())
            #expect(try PayloadValue.decode(writer.bytes) == .object(sorted))
        }
    }

    @Test(arguments: [
        [0x03, 0x80, 0x00] as [UInt8],  // non-shortest varint
        [0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02],  // wider than 64 bits
        [0x04, 0x01, 0xFF],  // invalid UTF-8
        [0x04, 0x02, 0xC0, 0x80],  // overlong
        [0x04, 0x03, 0xED, 0xA0, 0x80],  // surrogate
        [0x06, 0x02, 0x01, 0x62, 0x00, 0x01, 0x61, 0x00],  // keys out of order
        [0x06, 0x02, 0x01, 0x61, 0x00, 0x01, 0x61, 0x00],  // duplicate keys
        [0x07],  // unknown tag
        [0x04, 0x05, 0x61],  // truncated
        [0x00, 0x00],  // trailing bytes
        [0x05, 0xFF, 0x01],  // count beyond the bytes
    ])
    func nonCanonicalOrMalformedBytesAreRefused(bytes: [UInt8]) {
        #expect(throws: PayloadDecodingError.self) { try PayloadValue.decode(bytes) }
    }

    @Test func byteStringEqualityAgreesWithComparingEachByte() {
        for count in 0...40 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            for changed in [-1] + Array(0..<count) {
                var other = bytes
                if changed >= 0 { other[changed] ^= 0x40 }
                let equal = bytes.withUnsafeBytes { left in
                    other.withUnsafeBytes { PayloadReader.equal(left, $0) }
                }
                #expect(equal == (bytes == other), "\(count) bytes, byte \(changed) changed")
            }
            let shorter = bytes.withUnsafeBytes { left in
                bytes.dropLast().withUnsafeBytes { PayloadReader.equal(left, $0) }
            }
            #expect(shorter == (count == 0), "\(count) bytes against one fewer")
        }
    }

    @Test func deepNestingIsRefused() {
        let bytes = [UInt8](repeating: 0x05, count: 1) + [0x01]
        var deep: [UInt8] = []
        for _ in 0..<100 { deep += bytes }
        deep.append(0x00)
        #expect(throws: PayloadDecodingError.self) { try PayloadValue.decode(deep) }
    }
}
