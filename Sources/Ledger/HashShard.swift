/// One shard of a ``ShardedMap``: a compact copy-on-write hash table.
///
/// The entries (hash, key, value) sit densely in insertion order; an open-addressing table of
/// plain words, with linear probing, points into them. A slot holds 32 bits of the key's hash
/// (never zero, so zero marks an empty slot) and the entry's position. Copying a shard after a
/// publish therefore copies its entries like a dictionary would and the table as raw words, and
/// growing the table re-places words without touching a key. The table's capacity is a power
/// of two above 4/3 of the count; removal shifts the following slots back, so no tombstones
/// build up, and moves the last entry into the freed position. The slot index comes from the
/// hash bits above the 12 that chose the shard.
struct HashShard<Key: ShardingKey, Value> {
    fileprivate struct Entry {
        var hash: UInt64
        var key: Key
        var value: Value
    }

    /// The entries, in insertion order (a removal moves the last one into the gap).
    private var entries: [Entry] = []
    /// The table: `tag << 32 | position`, or 0 for an empty slot; empty until the first insert.
    private var slots: [UInt64] = []

    /// The number of entries.
    var count: Int { entries.count }

    /// The slot word's upper half for `hash`: never zero.
    @inline(__always)
    private static func tag(of hash: UInt64) -> UInt64 { (hash >> 32) | 1 }

    @inline(__always)
    private static func home(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash >> ShardLayout.shardBits) & mask
    }

    /// The slot and entry position holding `key`, or nil.
    @inline(__always)
    private func find(_ key: Key, hash: UInt64) -> (slot: Int, position: Int)? {
        guard !entries.isEmpty else { return nil }
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            return SlotProbe.find(
                in: table.baseAddress.unsafelyUnwrapped,
                mask: mask,
                from: Self.home(of: hash, mask: mask),
                tag: Self.tag(of: hash)
            ) { entries[$0].hash == hash && entries[$0].key == key }
        }
    }

    /// The value for `key`, or nil.
    @inline(__always)
    func value(for key: Key, hash: UInt64) -> Value? {
        find(key, hash: hash).map { entries[$0.position].value }
    }

    /// Sets the value for `key`; returns whether the key was new.
    @inline(__always)
    mutating func set(_ key: Key, hash: UInt64, _ value: Value) -> Bool {
        if let found = find(key, hash: hash) {
            entries[found.position].value = value
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
        if let found = find(key, hash: hash) {
            return (body(&entries[found.position].value), false)
        }
        var value = defaultValue()
        let result = body(&value)
        insert(Entry(hash: hash, key: key, value: value))
        return (result, true)
    }

    /// Appends an entry whose key is absent and points a slot at it.
    private mutating func insert(_ entry: Entry) {
        if (entries.count + 1) * 4 > slots.count * 3 { grow() }
        let word = Self.tag(of: entry.hash) << 32 | UInt64(entries.count)
        slots.withUnsafeMutableBufferPointer { Self.place(word, hash: entry.hash, in: $0) }
        entries.append(entry)
    }

    /// Puts a slot word in the first free slot from the home of `hash`.
    @inline(__always)
    private static func place(
        _ word: UInt64,
        hash: UInt64,
        in slots: UnsafeMutableBufferPointer<UInt64>
    ) {
        SlotProbe.place(word, in: slots, from: home(of: hash, mask: slots.count - 1))
    }

    /// Removes `key`; returns whether it was there.
    mutating func remove(_ key: Key, hash: UInt64) -> Bool {
        guard let found = find(key, hash: hash) else { return false }
        let mask = slots.count - 1
        var hole = found.slot
        var next = (hole + 1) & mask
        // Backward shift: move each following slot into the hole unless its home lies
        // cyclically after the hole and at or before its own index.
        while slots[next] != 0 {
            let position = SlotProbe.position(in: slots[next])
            let home = Self.home(of: entries[position].hash, mask: mask)
            let stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if !stays {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = 0
        // Move the last entry into the freed position and repoint its slot.
        let last = entries.count - 1
        if found.position != last {
            let moved = entries[last].hash
            var index = Self.home(of: moved, mask: mask)
            while slots[index] == 0 || SlotProbe.position(in: slots[index]) != last {
                index = (index + 1) & mask
            }
            slots[index] = Self.tag(of: moved) << 32 | UInt64(found.position)
            entries.swapAt(found.position, last)
        }
        entries.removeLast()
        return true
    }

    /// Doubles the table (from 16 slots) and re-places every entry's slot word.
    private mutating func grow() {
        slots = Array(repeating: 0, count: max(16, slots.count * 2))
        slots.withUnsafeMutableBufferPointer { table in
            for (position, entry) in entries.enumerated() {
                Self.place(
                    Self.tag(of: entry.hash) << 32 | UInt64(position),
                    hash: entry.hash,
                    in: table
                )
            }
        }
    }

    /// Calls `body` on every entry, in insertion order (removals aside).
    func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        for entry in entries { try body(entry.key, entry.value) }
    }
}

extension HashShard: Equatable where Value: Equatable {
    /// Entry-wise equality, whatever order the entries were inserted in; O(1) for shared storage.
    static func == (lhs: HashShard, rhs: HashShard) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // The table only changes with the entries, so shared entries mean equal shards.
        let shared = lhs.entries.withUnsafeBufferPointer { left in
            rhs.entries.withUnsafeBufferPointer { left.baseAddress == $0.baseAddress }
        }
        if shared { return true }
        for entry in lhs.entries {
            guard rhs.value(for: entry.key, hash: entry.hash) == entry.value else { return false }
        }
        return true
    }
}

extension HashShard: Sendable where Key: Sendable, Value: Sendable {}

extension HashShard.Entry: Sendable where Key: Sendable, Value: Sendable {}
