/// How a hash is split between a ``ShardTrie`` and its shards.
enum ShardLayout {
    /// The low bits of a hash, which pick the shard; the shard may use the others.
    static var shardBits: UInt64 { 12 }
}

/// 4,096 shards under a persistent trie of three levels of 16, picked by the low 12 bits of a
/// key's hash: the structural sharing beneath ``ShardedMap`` and ``RecordStore``'s index.
///
/// The daemon's writer copies the state once per commit batch (it publishes it for readers), so
/// the first write to each shard after a publish finds it shared. That write copies the three
/// trie nodes above its shard (16 references each) and the one shard (about 1/4,096 of the
/// entries), instead of the whole table. A batch of n writes costs at most n such paths,
/// however large the ledger. (Two levels of 64 made that copy dearer: the writer's publish bench
/// took 11–15 µs an event instead of 8.5–11.)
struct ShardTrie<Shard> {
    private static var levelShift: Int { 4 }
    private static var fanout: Int { 1 << levelShift }

    /// Three levels of `fanout` nodes; the last holds the shards.
    private var root: [[[Shard]]]

    /// A trie whose every shard is `empty`. Its nodes start shared and are copied on their first
    /// write.
    init(empty: Shard) {
        let twig = Array(repeating: empty, count: Self.fanout)
        root = Array(repeating: Array(repeating: twig, count: Self.fanout), count: Self.fanout)
    }

    /// Where the shard for `hash` sits: its branch, its twig in the branch, and its slot.
    @inline(__always)
    private static func path(of hash: UInt64) -> (branch: Int, twig: Int, slot: Int) {
        let shard = Int(truncatingIfNeeded: hash)
        let mask = fanout - 1
        return ((shard >> (2 * levelShift)) & mask, (shard >> levelShift) & mask, shard & mask)
    }

    /// The shard for `hash`; writing through it copies only the nodes on its path that are
    /// shared.
    subscript(shardFor hash: UInt64) -> Shard {
        @inline(__always) _read {
            let path = Self.path(of: hash)
            yield root[path.branch][path.twig][path.slot]
        }
        @inline(__always) _modify {
            let path = Self.path(of: hash)
            yield &root[path.branch][path.twig][path.slot]
        }
    }

    /// Calls `body` with the address of the shard for `hash`, valid only during the call: the
    /// read path of a lookup.
    ///
    /// Every node has `fanout` children from the start, so the path needs no bounds checks, and
    /// without them a lookup reads no node's header: only the line of each node that holds the
    /// child it follows. (With the checks, a lookup missed the cache on a node's header and
    /// again on its child.)
    @inline(__always)
    func withShard<Result>(
        for hash: UInt64,
        _ body: (UnsafePointer<Shard>) throws -> Result
    ) rethrows -> Result {
        let path = Self.path(of: hash)
        return try root.withUnsafeBufferPointer { branches in
            try branches.baseAddress.unsafelyUnwrapped[path.branch].withUnsafeBufferPointer {
                twigs in
                try twigs.baseAddress.unsafelyUnwrapped[path.twig].withUnsafeBufferPointer {
                    shards in
                    try body(shards.baseAddress.unsafelyUnwrapped + path.slot)
                }
            }
        }
    }

    /// Calls `body` on every shard, in trie order.
    func forEach(_ body: (Shard) throws -> Void) rethrows {
        for branch in root {
            for twig in branch {
                for shard in twig { try body(shard) }
            }
        }
    }
}

extension ShardTrie: Equatable where Shard: Equatable {
    /// Shard-wise equality; nodes that share storage compare in O(1) (`Array`'s identity check).
    static func == (lhs: ShardTrie, rhs: ShardTrie) -> Bool { lhs.root == rhs.root }
}

extension ShardTrie: Sendable where Shard: Sendable {}
