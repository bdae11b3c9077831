/// Linear probing over a table of slot words, shared by ``HashShard`` and ``PositionShard``.
///
/// A word is `tag << 32 | position` with a tag that is never zero, so 0 marks an empty slot;
/// the table's size is a power of two.
enum SlotProbe {
    /// The entry position a slot word points at.
    @inline(__always)
    static func position(in word: UInt64) -> Int {
        Int(truncatingIfNeeded: word & 0xFFFF_FFFF)
    }

    /// The first slot from `home` whose word carries `tag` and a position that `matches`, with
    /// that position; nil at the first empty slot. `mask` is the table's size minus one.
    @inline(__always)
    static func find(
        in table: UnsafePointer<UInt64>,
        mask: Int,
        from home: Int,
        tag: UInt64,
        matches: (Int) -> Bool
    ) -> (slot: Int, position: Int)? {
        var index = home
        while true {
            let word = table[index]
            if word == 0 { return nil }
            if word >> 32 == tag, matches(position(in: word)) {
                return (index, position(in: word))
            }
            index = (index + 1) & mask
        }
    }

    /// Puts `word` in the first empty slot from `home`.
    @inline(__always)
    static func place(_ word: UInt64, in table: UnsafeMutableBufferPointer<UInt64>, from home: Int)
    {
        let mask = table.count - 1
        var index = home
        while table[index] != 0 { index = (index + 1) & mask }
        table[index] = word
    }
}
