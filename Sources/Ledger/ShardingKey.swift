/// A key that can pick its shard with a cheap hash of its own, so the dictionary's seeded hash
/// is computed once per operation rather than twice.
package protocol ShardingKey: Hashable {
    /// A stable, well-mixed hash; only its low bits choose the shard.
    var shardHash: UInt64 { get }
}

extension String: ShardingKey {
    /// FNV-1a over the UTF-8 bytes, folded so the low bits depend on every byte.
    package var shardHash: UInt64 {
        // Native strings expose their bytes contiguously; the fallback covers bridged ones.
        let contiguous = utf8.withContiguousStorageIfAvailable { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            return hash
        }
        var hash: UInt64
        if let contiguous {
            hash = contiguous
        } else {
            hash = 0xCBF2_9CE4_8422_2325
            for byte in utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        return hash ^ (hash >> 29) ^ (hash >> 47)
    }
}
