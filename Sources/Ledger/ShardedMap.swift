/// A hash map with structural sharing: a ``ShardTrie`` of compact copy-on-write hash tables
/// (``HashShard``), so a write after a copy duplicates only its path.
///
/// A lookup hashes the key once (``ShardingKey/shardHash``, seeded per process): the low bits
/// pick the shard and the rest the slot, and a shard that grows re-places its slots from the
/// stored hashes. A dictionary per shard would hash the key a second time with SipHash, and
/// again at every resize: evolving a generated ledger took half as many instructions again that
/// way.
package struct ShardedMap<Key: ShardingKey, Value> {
    private var shards = ShardTrie(empty: HashShard<Key, Value>())
    /// The number of entries.
    package private(set) var count = 0

    /// Creates an empty map.
    package init() {}

    /// The value for `key`, or nil; setting nil removes the entry.
    package subscript(key: Key) -> Value? {
        get {
            let hash = key.shardHash
            return shards.withShard(for: hash) { $0.pointee.value(for: key, hash: hash) }
        }
        set {
            let hash = key.shardHash
            if let newValue {
                count += shards[shardFor: hash].set(key, hash: hash, newValue) ? 1 : 0
            } else {
                count -= shards[shardFor: hash].remove(key, hash: hash) ? 1 : 0
            }
        }
    }

    /// Inserts an entry whose key must be new.
    /// - Precondition: `key` is not in the map; a duplicate id is a broken invariant.
    package mutating func insertNew(_ key: Key, _ value: Value) {
        let hash = key.shardHash
        let inserted = shards[shardFor: hash].set(key, hash: hash, value)
        precondition(inserted, "duplicate key \(key)")
        count += 1
    }

    /// Mutates the value for `key` in place, inserting `defaultValue` first if the key is
    /// absent, and returns what `body` returns.
    package mutating func update<Result>(
        _ key: Key,
        default defaultValue: @autoclosure () -> Value,
        _ body: (inout Value) -> Result
    ) -> Result {
        let hash = key.shardHash
        let (result, inserted) = shards[shardFor: hash].update(
            key,
            hash: hash,
            default: defaultValue,
            body
        )
        count += inserted ? 1 : 0
        return result
    }

    /// Calls `body` on every entry, in no particular order.
    package func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        try shards.forEach { try $0.forEach(body) }
    }
}

extension ShardedMap: Equatable where Value: Equatable {
    /// Entry-wise equality; trie nodes and shards that share storage compare in O(1).
    package static func == (lhs: ShardedMap, rhs: ShardedMap) -> Bool {
        lhs.count == rhs.count && lhs.shards == rhs.shards
    }
}

extension ShardedMap: Sendable where Key: Sendable, Value: Sendable {}
