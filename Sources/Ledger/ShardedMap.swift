/// A hash map with structural sharing: 4,096 shards under a persistent trie of three levels of
/// 16, each shard its own copy-on-write compact hash table (``HashShard``), so a write after a
/// copy duplicates only its path.
///
/// The daemon's writer copies the map once per commit batch (it publishes the state for
/// readers), so the first write to each shard after a publish finds it shared. That write copies
/// the three trie nodes above its shard (16 references each) and the one shard (about 1/4,096 of
/// the entries, some 250 at a million), instead of the whole map. A batch of n writes costs at
/// most n such paths, however large the ledger. (Two levels of 64 made that copy dearer: the
/// writer's publish bench took 11–15 µs an event instead of 8.5–11.)
///
/// A lookup hashes the key once (``ShardingKey/shardHash``, seeded per process): the low bits
/// pick the shard and the rest the slot, and a shard that grows re-places its slots from the
/// stored hashes. A dictionary per shard would hash the key a second time with SipHash, and
/// again at every resize: evolving a generated ledger took half as many instructions again that
/// way.
package struct ShardedMap<Key: ShardingKey, Value> {
    private typealias Shard = HashShard<Key, Value>

    private static var levelShift: Int { 4 }
    private static var fanout: Int { 1 << levelShift }

    /// Three levels of `fanout` nodes; the last holds the shards.
    private var root: [[[Shard]]]
    /// The number of entries.
    package private(set) var count = 0

    /// Creates an empty map. Its nodes start shared and are copied on their first write.
    package init() {
        let twig = Array(repeating: Shard(), count: Self.fanout)
        root = Array(repeating: Array(repeating: twig, count: Self.fanout), count: Self.fanout)
    }

    /// The position of the shard for `hash`: its twig and slot.
    @inline(__always)
    private static func path(of hash: UInt64) -> (branch: Int, twig: Int, slot: Int) {
        let shard = Int(truncatingIfNeeded: hash)
        let mask = fanout - 1
        return ((shard >> (2 * levelShift)) & mask, (shard >> levelShift) & mask, shard & mask)
    }

    /// Mutates the shard for `hash` in place, copying only the nodes on its path that are shared.
    @inline(__always)
    private mutating func withShard<Result>(
        for hash: UInt64,
        _ body: (inout Shard) -> Result
    ) -> Result {
        let path = Self.path(of: hash)
        return body(&root[path.branch][path.twig][path.slot])
    }

    /// The value for `key`, or nil; setting nil removes the entry.
    package subscript(key: Key) -> Value? {
        get {
            let hash = key.shardHash
            let path = Self.path(of: hash)
            return root[path.branch][path.twig][path.slot].value(for: key, hash: hash)
        }
        set {
            let hash = key.shardHash
            count += withShard(for: hash) { shard in
                if let newValue { return shard.set(key, hash: hash, newValue) ? 1 : 0 }
                return shard.remove(key, hash: hash) ? -1 : 0
            }
        }
    }

    /// Inserts an entry whose key must be new.
    /// - Precondition: `key` is not in the map; a duplicate id is a broken invariant.
    package mutating func insertNew(_ key: Key, _ value: Value) {
        let hash = key.shardHash
        let inserted = withShard(for: hash) { $0.set(key, hash: hash, value) }
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
        let (result, inserted) = withShard(for: hash) { shard in
            shard.update(key, hash: hash, default: defaultValue, body)
        }
        count += inserted ? 1 : 0
        return result
    }

    /// Calls `body` on every entry, in no particular order.
    package func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        for branch in root {
            for twig in branch {
                for shard in twig { try shard.forEach(body) }
            }
        }
    }
}

extension ShardedMap: Equatable where Value: Equatable {
    /// Entry-wise equality; trie nodes and shards that share storage compare in O(1).
    package static func == (lhs: ShardedMap, rhs: ShardedMap) -> Bool {
        lhs.count == rhs.count && lhs.root == rhs.root
    }
}

extension ShardedMap: Sendable where Key: Sendable, Value: Sendable {}
