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
struct PositionShard: Sendable {
    /// `tag << 32 | position`, or 0 for an empty slot; empty until the first insert.
    private var slots: [UInt64] = []
    /// The number of positions.
    private var count: UInt32 = 0
    /// The table's size minus one, kept beside the table's reference: a lookup that took it
    /// from the table's header would miss the cache there before it could even address its
    /// slot, which is on another line.
    private var mask: UInt32 = 0

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
        guard count > 0 else { return nil }
        return slots.withUnsafeBufferPointer { table in
            let tag = Self.tag(of: hash)
            return SlotProbe.find(
                in: table.baseAddress.unsafelyUnwrapped,
                mask: Int(mask),
                from: Self.home(ofTag: tag, mask: Int(mask)),
                tag: tag,
                matches: matches
            )?.position
        }
    }

    /// Files `position` under `hash`; the caller has checked that its key is new.
    mutating func insert(_ position: Int, hash: UInt64) {
        precondition(position >= 0 && position <= Int(UInt32.max), "position out of range")
        if (Int(count) + 1) * 4 > slots.count * 3 { grow() }
        slots.withUnsafeMutableBufferPointer { table in
            Self.place(Self.tag(of: hash) << 32 | UInt64(position), in: table)
        }
        count += 1
    }

    /// Puts a slot word in the first free slot from its home.
    @inline(__always)
    private static func place(_ word: UInt64, in table: UnsafeMutableBufferPointer<UInt64>) {
        SlotProbe.place(word, in: table, from: home(ofTag: word >> 32, mask: table.count - 1))
    }

    /// Doubles the table (from 16 slots) and re-places every word.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: max(16, old.count * 2))
        mask = UInt32(slots.count - 1)
        slots.withUnsafeMutableBufferPointer { table in
            for word in old where word != 0 { Self.place(word, in: table) }
        }
    }
}
