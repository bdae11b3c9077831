/// A hash map with structural sharing: 4,096 shards, each its own copy-on-write dictionary.
///
/// Copying the map copies 4,096 shard references; a write after a copy duplicates only the one
/// shard it touches (about 1/4,096 of the entries, some 250 at a million), instead of the whole
/// dictionary. The daemon's writer copies once per commit batch, so a batch of n writes costs
/// at most n small shard copies, however large the ledger.
package struct ShardedMap<Key: ShardingKey, Value> {
    private static var shardCount: Int { 4_096 }

    private var shards: [[Key: Value]]
    /// The number of entries.
    package private(set) var count = 0

    /// Creates an empty map.
    package init() {
        shards = Array(repeating: [:], count: Self.shardCount)
    }

    @inline(__always)
    private static func shard(of key: Key) -> Int {
        Int(truncatingIfNeeded: key.shardHash & UInt64(shardCount - 1))
    }

    /// The value for `key`, or nil; setting nil removes the entry.
    package subscript(key: Key) -> Value? {
        get { shards[Self.shard(of: key)][key] }
        set {
            let shard = Self.shard(of: key)
            let old = shards[shard].updateValue(forKeyOrRemove: key, newValue)
            count += (old == nil ? 0 : -1) + (newValue == nil ? 0 : 1)
        }
    }

    /// Inserts an entry whose key must be new.
    /// - Precondition: `key` is not in the map; a duplicate id is a broken invariant.
    package mutating func insertNew(_ key: Key, _ value: Value) {
        let previous = shards[Self.shard(of: key)].updateValue(value, forKey: key)
        precondition(previous == nil, "duplicate key \(key)")
        count += 1
    }

    /// Inserts an entry if `key` is absent and returns whether it did.
    package mutating func insertIfAbsent(_ key: Key, _ value: Value) -> Bool {
        let shard = Self.shard(of: key)
        let previous = shards[shard].updateValue(value, forKey: key)
        guard let previous else {
            count += 1
            return true
        }
        shards[shard][key] = previous
        return false
    }

    /// Reserves room for about `capacity` entries across the shards.
    package mutating func reserveCapacity(_ capacity: Int) {
        let perShard = capacity / Self.shardCount + 1
        for index in shards.indices { shards[index].reserveCapacity(perShard) }
    }
}

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

extension Dictionary {
    /// Sets or removes the value for `key` and returns the previous value.
    fileprivate mutating func updateValue(forKeyOrRemove key: Key, _ value: Value?) -> Value? {
        if let value { return updateValue(value, forKey: key) }
        return removeValue(forKey: key)
    }
}

extension ShardedMap: Equatable where Value: Equatable {
    /// Entry-wise equality.
    package static func == (lhs: ShardedMap, rhs: ShardedMap) -> Bool {
        lhs.count == rhs.count && lhs.shards == rhs.shards
    }
}

extension ShardedMap: Sendable where Key: Sendable, Value: Sendable {}
