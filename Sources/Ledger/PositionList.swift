/// The ascending record positions of one customer's invoices, open invoices, payments or credit
/// notes, kept in chunks of at most 512.
///
/// The daemon's writer publishes the state after every commit, so the first write to a customer
/// after a publish finds its lists shared. With plain arrays that write copied every position
/// of the list (a customer with 100,000 invoices: 400 KB, twice, per commit); here it copies
/// one chunk and the list of chunk references. With 64 clients writing one call a line, those
/// copies were 8% of the writer's time. Chunks are filled to 256 positions by appends and
/// split at 512 by inserts. Equality and hashing are by the positions, however they are
/// chunked.
package struct PositionList: Hashable, Sendable, Sequence {
    private var chunks: [[Int32]] = []
    /// The number of positions.
    package private(set) var count = 0

    private static var chunkCapacity: Int { 256 }

    /// An empty list.
    package init() {}

    /// Whether the list holds no positions.
    package var isEmpty: Bool { count == 0 }

    /// Appends `position`, which must be greater than every position stored.
    package mutating func append(_ position: Int32) {
        let last = chunks.count - 1
        // Subscripts, not `chunks.last`, which would copy (retain) the chunk being appended to.
        precondition(
            last < 0 || chunks[last][chunks[last].count - 1] < position,
            "positions must ascend"
        )
        if last >= 0, chunks[last].count < Self.chunkCapacity {
            chunks[last].append(position)
        } else {
            chunks.append([position])
        }
        count += 1
    }

    /// Appends every position of `other`, whose first must be greater than every position
    /// stored.
    package mutating func append(contentsOf other: PositionList) {
        // A replay from scratch fills empty lists: take the other's chunks as they are.
        guard !isEmpty else {
            self = other
            return
        }
        for position in other { append(position) }
    }

    /// Inserts `position` in order; no-op if present.
    package mutating func insert(_ position: Int32) {
        guard let chunk = chunkIndex(for: position) else {
            append(position)
            return
        }
        let slot = Self.slot(of: position, in: chunks[chunk])
        if slot < chunks[chunk].count, chunks[chunk][slot] == position { return }
        chunks[chunk].insert(position, at: slot)
        count += 1
        if chunks[chunk].count > 2 * Self.chunkCapacity {
            let upper = Array(chunks[chunk][Self.chunkCapacity...])
            chunks[chunk].removeSubrange(Self.chunkCapacity...)
            chunks.insert(upper, at: chunk + 1)
        }
    }

    /// Removes `position`; no-op if absent.
    package mutating func remove(_ position: Int32) {
        guard let chunk = chunkIndex(for: position) else { return }
        let slot = Self.slot(of: position, in: chunks[chunk])
        guard slot < chunks[chunk].count, chunks[chunk][slot] == position else { return }
        if chunks[chunk].count == 1 {
            chunks.remove(at: chunk)
        } else {
            chunks[chunk].remove(at: slot)
        }
        count -= 1
    }

    /// The first chunk whose last position is not below `position`; nil when every position is.
    private func chunkIndex(for position: Int32) -> Int? {
        let index = Self.firstIndex(notBelow: position, count: chunks.count) { chunk in
            chunks[chunk][chunks[chunk].count - 1]
        }
        return index < chunks.count ? index : nil
    }

    /// Where `position` is or would go in the ascending `chunk`.
    private static func slot(of position: Int32, in chunk: [Int32]) -> Int {
        firstIndex(notBelow: position, count: chunk.count) { chunk[$0] }
    }

    /// The first index in `0..<count` whose ascending `value` is not below `position` (`count`
    /// when there is none), by binary search.
    private static func firstIndex(
        notBelow position: Int32,
        count: Int,
        value: (Int) -> Int32
    ) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if value(middle) < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The positions in ascending order.
    package func makeIterator() -> FlattenSequence<[[Int32]]>.Iterator {
        chunks.joined().makeIterator()
    }

    /// The same positions in the same order.
    package static func == (lhs: PositionList, rhs: PositionList) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    /// Hashes the positions, not their chunking.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for position in self { hasher.combine(position) }
    }
}
