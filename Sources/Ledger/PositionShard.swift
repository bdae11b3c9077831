/// One shard of a ``RecordStore``'s index: an open-addressing table of plain words that point
/// at records by position, and keep no keys of their own.
///
/// A slot holds 32 bits of the key's hash (the top bit forced on, so zero marks an empty slot)
/// and the record's position. A lookup compares the key with the record's own id only where
/// the hash bits match, and the caller reads that record next anyway: one cache miss for both,
/// where a table holding its keys would miss once for the key and again for the record. The
/// slot index comes from the same 32 bits, so growing re-places words without touching a
/// record. Positions are never removed (records are only appended); linear probing; capacity a
/// power of two above 4/3 of the count.
///
/// The daemon's writer publishes a copy of the state after every commit, so the first insert
/// into a shard after a publish finds its table shared. Copying the table there (2–4 KB at
/// half a million records) was 8.6% of the writer's samples under batches of new invoices. So while the table is shared, inserts go to a short list of recent words, which
/// is all such an insert copies; lookups scan it after the table. When the list is full, or the
/// table is no longer shared, the list is merged into the table. A replay never shares the
/// table and never uses the list.
///
/// `@unchecked Sendable`: the table is a class (`ManagedBuffer` is never `Sendable`) that is
/// written only while uniquely referenced, the discipline that makes `Array` `Sendable`.
struct PositionShard: @unchecked Sendable {
    /// The table; nil until the first insert.
    private var table: SlotTable?
    /// Words inserted while the table was shared, in insertion order.
    private var recent: [UInt64] = []
    /// The table's size minus one, kept beside the table's reference: a lookup that took it
    /// from the table's header would miss the cache there before it could even address its
    /// slot, which is on another line.
    private var mask: UInt32 = 0
    /// The number of positions in the table and in the recent list.
    private var count: UInt32 = 0

    /// The most words the recent list holds before it is merged into the table: two cache
    /// lines, which a lookup scans whole.
    private static var recentLimit: Int { 16 }

    @inline(__always)
    private static func tag(of hash: UInt64) -> UInt64 {
        (hash >> 32) | 0x8000_0000
    }

    @inline(__always)
    private static func home(ofTag tag: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: tag) & mask
    }

    /// The position whose record `matches`, among those filed under `hash`; nil if none.
    @inline(__always)
    func position(hash: UInt64, matches: (Int) -> Bool) -> Int? {
        guard let table else { return nil }
        let tag = Self.tag(of: hash)
        let found = table.withUnsafeMutablePointerToElements { slots in
            SlotProbe.find(
                in: slots,
                mask: Int(mask),
                from: Self.home(ofTag: tag, mask: Int(mask)),
                tag: tag,
                matches: matches
            )?.position
        }
        if let found { return found }
        for word in recent where word >> 32 == tag {
            let position = SlotProbe.position(in: word)
            if matches(position) { return position }
        }
        return nil
    }

    /// Files `position` under `hash`; the caller has checked that its key is new.
    mutating func insert(_ position: Int, hash: UInt64) {
        precondition(position >= 0 && position <= Int(UInt32.max), "position out of range")
        let word = Self.tag(of: hash) << 32 | UInt64(position)
        count += 1
        // False for no table too.
        let owned = isKnownUniquelyReferenced(&table)
        if !owned, table != nil, recent.count < Self.recentLimit {
            recent.append(word)
        } else {
            // No table yet, one of our own, or a shared one whose recent list is full.
            placeInTable(word, owned: owned)
        }
    }

    /// Puts the recent words and `word` in the table, first making the table this shard's own
    /// (unless `owned`, when it is already) and large enough for ``count`` positions; empties
    /// the recent list.
    private mutating func placeInTable(_ word: UInt64, owned: Bool) {
        let size = Int(mask) + 1
        if !owned || Int(count) * 4 > size * 3 {
            var newSize = table == nil ? 16 : size
            while Int(count) * 4 > newSize * 3 { newSize *= 2 }
            table = SlotTable.make(size: newSize, from: table, mask: Int(mask))
            mask = UInt32(newSize - 1)
        }
        let mask = Int(mask)
        table.unsafelyUnwrapped.withUnsafeMutablePointerToElements { slots in
            let slots = UnsafeMutableBufferPointer(start: slots, count: mask + 1)
            for word in recent { Self.place(word, in: slots) }
            Self.place(word, in: slots)
        }
        if !recent.isEmpty { recent = [] }
    }

    /// Puts a slot word in the first free slot from its home.
    @inline(__always)
    fileprivate static func place(_ word: UInt64, in slots: UnsafeMutableBufferPointer<UInt64>) {
        SlotProbe.place(word, in: slots, from: home(ofTag: word >> 32, mask: slots.count - 1))
    }
}

/// A ``PositionShard``'s table: slot words stored in the object itself, so a lookup goes from
/// the shard's reference straight to its slot. Written only while uniquely referenced.
private final class SlotTable: ManagedBuffer<Void, UInt64> {
    /// A table of `size` slots (a power of two) holding the words of `old` (of `mask + 1`
    /// slots), if any, re-placed for the new size.
    static func make(size: Int, from old: SlotTable?, mask: Int) -> SlotTable {
        let table = unsafeDowncast(create(minimumCapacity: size) { _ in }, to: SlotTable.self)
        table.withUnsafeMutablePointerToElements { slots in
            if let old, size == mask + 1 {
                old.withUnsafeMutablePointerToElements { slots.initialize(from: $0, count: size) }
                return
            }
            slots.initialize(repeating: 0, count: size)
            let slots = UnsafeMutableBufferPointer(start: slots, count: size)
            old?.withUnsafeMutablePointerToElements { oldSlots in
                for index in 0...mask where oldSlots[index] != 0 {
                    PositionShard.place(oldSlots[index], in: slots)
                }
            }
        }
        return table
    }
}
