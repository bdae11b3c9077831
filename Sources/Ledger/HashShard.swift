/// One shard of a ``ShardedMap``: a copy-on-write open-addressing table with linear probing.
///
/// Each slot holds the key's hash, the key and the value inline. The capacity is a power of two
/// kept above 4/3 of the count; removal shifts the following entries back, so no tombstones
/// build up. The slot index comes from the hash bits above the 12 that chose the shard.
struct HashShard<Key: ShardingKey, Value> {
    fileprivate struct Entry {
        var hash: UInt64
        var key: Key
        var value: Value
    }

    /// The slots; empty until the first insert.
    private var slots: [Entry?] = []
    /// The number of entries.
    private(set) var count = 0

    /// The bits of the hash below the ones that pick the slot (they picked the shard).
    private static var shardBits: UInt64 { 12 }

    @inline(__always)
    private func home(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> Self.shardBits) & (slots.count - 1)
    }

    /// The slot holding `key`, or nil.
    @inline(__always)
    private func slot(of key: Key, hash: UInt64) -> Int? {
        guard count > 0 else { return nil }
        let mask = slots.count - 1
        var index = home(of: hash)
        while let entry = slots[index] {
            if entry.hash == hash, entry.key == key { return index }
            index = (index + 1) & mask
        }
        return nil
    }

    /// The value for `key`, or nil.
    @inline(__always)
    func value(for key: Key, hash: UInt64) -> Value? {
        slot(of: key, hash: hash).flatMap { slots[$0]?.value }
    }

    /// Sets the value for `key`; returns whether the key was new.
    @inline(__always)
    mutating func set(_ key: Key, hash: UInt64, _ value: Value) -> Bool {
        if let index = slot(of: key, hash: hash) {
            slots[index]!.value = value
            return false
        }
        insert(Entry(hash: hash, key: key, value: value))
        return true
    }

    /// Mutates the value for `key` in place, inserting `defaultValue()` first when the key is
    /// new; returns what `body` returns and whether the key was new.
    @inline(__always)
    mutating func update<Result>(
        _ key: Key,
        hash: UInt64,
        default defaultValue: () -> Value,
        _ body: (inout Value) -> Result
    ) -> (result: Result, inserted: Bool) {
        if let index = slot(of: key, hash: hash) {
            return (body(&slots[index]!.value), false)
        }
        var value = defaultValue()
        let result = body(&value)
        insert(Entry(hash: hash, key: key, value: value))
        return (result, true)
    }

    /// Places an entry whose key is absent.
    private mutating func insert(_ entry: Entry) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        slots.withUnsafeMutableBufferPointer { Self.place(entry, in: $0) }
        count += 1
    }

    /// Puts `entry` in the first free slot from its home.
    @inline(__always)
    private static func place(
        _ entry: consuming Entry,
        in slots: UnsafeMutableBufferPointer<Entry?>
    ) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: entry.hash >> shardBits) & mask
        while slots[index] != nil { index = (index + 1) & mask }
        slots[index] = entry
    }

    /// Removes `key`; returns whether it was there.
    mutating func remove(_ key: Key, hash: UInt64) -> Bool {
        guard var hole = slot(of: key, hash: hash) else { return false }
        let mask = slots.count - 1
        var next = (hole + 1) & mask
        // Backward shift: move each following entry into the hole unless its home lies
        // cyclically after the hole and at or before its own slot.
        while let entry = slots[next] {
            let home = home(of: entry.hash)
            let stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if !stays {
                slots[hole] = entry
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = nil
        count -= 1
        return true
    }

    /// Doubles the capacity (from 16) and moves every entry to its new slot, without copying it.
    private mutating func grow() {
        let capacity = max(16, slots.count * 2)
        var old = [Entry?](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            buffer.initialize(repeating: nil)
            initialized = capacity
        }
        swap(&old, &slots)
        slots.withUnsafeMutableBufferPointer { target in
            old.withUnsafeMutableBufferPointer { source in
                for index in source.indices {
                    if let entry = source[index].take() { Self.place(entry, in: target) }
                }
            }
        }
    }

    /// Calls `body` on every entry, in slot order.
    func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        for case let entry? in slots { try body(entry.key, entry.value) }
    }
}

extension HashShard: Equatable where Value: Equatable {
    /// Entry-wise equality, whatever order the entries were inserted in; O(1) for shared storage.
    static func == (lhs: HashShard, rhs: HashShard) -> Bool {
        guard lhs.count == rhs.count else { return false }
        let shared = lhs.slots.withUnsafeBufferPointer { left in
            rhs.slots.withUnsafeBufferPointer { left.baseAddress == $0.baseAddress }
        }
        if shared { return true }
        for case let entry? in lhs.slots {
            guard rhs.value(for: entry.key, hash: entry.hash) == entry.value else { return false }
        }
        return true
    }
}

extension HashShard: Sendable where Key: Sendable, Value: Sendable {}

extension HashShard.Entry: Sendable where Key: Sendable, Value: Sendable {}
