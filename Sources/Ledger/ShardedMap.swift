/// A hash map with structural sharing: 4,096 shards, each its own copy-on-write dictionary, under
/// a persistent trie of three levels of 16, so a write after a copy duplicates only its path.
///
/// The daemon's writer copies the map once per commit batch (it publishes the state for
/// readers), so the first write to each shard after a publish finds it shared. That write copies
/// the three trie nodes above its shard (16 references each) and the one shard (about
/// 1/4,096 of the entries, some 250 at a million), instead of the whole dictionary or a flat
/// array of every shard. A batch of n writes costs at most n such paths, however large the
/// ledger. Reads hash the key once for the shard and once in the dictionary.
package struct ShardedMap<Key: ShardingKey, Value> {
    private typealias Shard = [Key: Value]

    private static var levelShift: Int { 4 }
    private static var fanout: Int { 1 << levelShift }

    /// Three levels of `fanout` nodes; the last holds the shards.
    private var root: [[[Shard]]]
    /// The number of entries.
    package private(set) var count = 0

    /// Creates an empty map. Its nodes start shared and are copied on their first write.
    package init() {
        let twig = Array(repeating: Shard(), count: Self.fanout)
        let branch = Array(repeating: twig, count: Self.fanout)
        root = Array(repeating: branch, count: Self.fanout)
    }

    /// The position of the shard of `key`: its branch, twig and slot.
    @inline(__always)
    private static func path(of key: Key) -> (branch: Int, twig: Int, slot: Int) {
        let shard = Int(truncatingIfNeeded: key.shardHash)
        let mask = fanout - 1
        return ((shard >> (2 * levelShift)) & mask, (shard >> levelShift) & mask, shard & mask)
    }

    /// Mutates the shard of `key` in place, copying only the nodes on its path that are shared.
    @inline(__always)
    private mutating func withShard<Result>(
        of key: Key,
        _ body: (inout Shard) -> Result
    ) -> Result {
        let path = Self.path(of: key)
        return body(&root[path.branch][path.twig][path.slot])
    }

    /// The value for `key`, or nil; setting nil removes the entry.
    package subscript(key: Key) -> Value? {
        get {
            let path = Self.path(of: key)
            return root[path.branch][path.twig][path.slot][key]
        }
        set {
            let old = withShard(of: key) { $0.updateValue(forKeyOrRemove: key, newValue) }
            count += (old == nil ? 0 : -1) + (newValue == nil ? 0 : 1)
        }
    }

    /// Inserts an entry whose key must be new.
    /// - Precondition: `key` is not in the map; a duplicate id is a broken invariant.
    package mutating func insertNew(_ key: Key, _ value: Value) {
        let previous = withShard(of: key) { $0.updateValue(value, forKey: key) }
        precondition(previous == nil, "duplicate key \(key)")
        count += 1
    }

    /// Mutates the value for `key` in place, inserting `defaultValue` first if the key is
    /// absent, and returns what `body` returns.
    package mutating func update<Result>(
        _ key: Key,
        default defaultValue: @autoclosure () -> Value,
        _ body: (inout Value) -> Result
    ) -> Result {
        let (result, inserted) = withShard(of: key) { shard in
            let before = shard.count
            let result = body(&shard[key, default: defaultValue()])
            return (result, shard.count - before)
        }
        count += inserted
        return result
    }

    /// Calls `body` on every entry, in no particular order.
    package func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        for branch in root {
            for twig in branch {
                for shard in twig {
                    for (key, value) in shard { try body(key, value) }
                }
            }
        }
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
    /// Entry-wise equality; trie nodes and shards that share storage compare in O(1).
    package static func == (lhs: ShardedMap, rhs: ShardedMap) -> Bool {
        lhs.count == rhs.count && lhs.root == rhs.root
    }
}

extension ShardedMap: Sendable where Key: Sendable, Value: Sendable {}
