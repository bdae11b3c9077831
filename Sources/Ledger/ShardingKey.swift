/// A key of a ``ShardedMap``: one hash of its own picks both the shard and the slot in it.
package protocol ShardingKey: Hashable {
    /// A well-mixed hash, seeded per process (``ShardHashSeed``) so that no one can choose keys
    /// that pile into one shard.
    var shardHash: UInt64 { get }
}

/// The per-process seed of ``ShardingKey/shardHash``.
package enum ShardHashSeed {
    /// Random for each process; hashes live only in memory, never on disk or on the wire.
    package static let value = UInt64.random(in: .min ... .max)
}

extension String: ShardingKey {
    /// The UTF-8 bytes taken eight at a time, each word mixed in by a multiply, from a seeded
    /// basis; then MurmurHash3's 64-bit finalising mix (`fmix64`), so every bit of the result
    /// depends on every byte.
    package var shardHash: UInt64 {
        // Native strings expose their bytes contiguously; the fallback covers bridged ones.
        if let hash = utf8.withContiguousStorageIfAvailable({
            Self.shardHash(of: UnsafeRawBufferPointer($0))
        }) {
            return hash
        }
        return Array(utf8).withUnsafeBytes(Self.shardHash(of:))
    }

    private static func shardHash(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = (ShardHashSeed.value ^ UInt64(bytes.count)) &* multiplier
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            // The last eight bytes, overlapping the word before (the count is in the basis, so
            // texts of different lengths start apart); shorter texts are read byte by byte.
            var tail: UInt64 = 0
            if bytes.count >= 8 {
                tail = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
            } else {
                for byte in bytes.reversed() { tail = tail << 8 | UInt64(byte) }
            }
            hash = mix(hash ^ tail)
        }
        return finalMix(hash)
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0xFF51_AFD7_ED55_8CCD
        return product ^ (product >> 32)
    }

    @inline(__always)
    private static func finalMix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}
