/// An append-only vector with structural sharing: copies are O(n/64) and a write after a copy
/// duplicates only the one chunk it touches.
///
/// The daemon publishes a new state after every commit batch while readers keep older ones; a
/// plain `Array` of 100k records would be copied whole on the first write after each publish.
/// Here the outer array holds 64-element chunks, each its own copy-on-write array, so only the
/// chunk pointers and one chunk are copied.
package struct ChunkedVector<Element> {
    private static var chunkShift: Int { 6 }
    private static var chunkSize: Int { 1 << chunkShift }
    private static var chunkMask: Int { chunkSize - 1 }

    private var chunks: [[Element]] = []
    /// The number of elements.
    package private(set) var count = 0

    /// Creates an empty vector.
    package init() {}

    /// Whether the vector has no elements.
    package var isEmpty: Bool { count == 0 }

    /// The element at `index`.
    /// - Precondition: `index` is in `0..<count`.
    package subscript(index: Int) -> Element {
        get { chunks[index >> Self.chunkShift][index & Self.chunkMask] }
        set { chunks[index >> Self.chunkShift][index & Self.chunkMask] = newValue }
    }

    /// Mutates the element at `index` in place, copying only its chunk if it is shared.
    package mutating func update<Result>(at index: Int, _ body: (inout Element) -> Result) -> Result
    {
        body(&chunks[index >> Self.chunkShift][index & Self.chunkMask])
    }

    /// Appends an element and returns its index.
    @discardableResult
    package mutating func append(_ element: Element) -> Int {
        let index = count
        if index & Self.chunkMask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunk.append(element)
            chunks.append(chunk)
        } else {
            chunks[chunks.count - 1].append(element)
        }
        count += 1
        return index
    }

    /// Calls `body` on every element in index order, borrowing each in place rather than copying
    /// it (a copy would retain and release every reference the element holds).
    package func forEach(_ body: (borrowing Element) throws -> Void) rethrows {
        for chunk in chunks {
            try chunk.withUnsafeBufferPointer { buffer in
                for index in buffer.indices { try body(buffer[index]) }
            }
        }
    }

    /// Calls `body` on every element with its index, in index order.
    package func forEachIndexed(_ body: (Int, Element) throws -> Void) rethrows {
        var index = 0
        for chunk in chunks {
            for element in chunk {
                try body(index, element)
                index += 1
            }
        }
    }

    /// Whether two vectors share all their storage, so are equal without comparing elements.
    package func sharesStorage(with other: ChunkedVector) -> Bool {
        chunks.withUnsafeBufferPointer { lhs in
            other.chunks.withUnsafeBufferPointer { rhs in lhs.baseAddress == rhs.baseAddress }
        }
    }
}

extension ChunkedVector: Equatable where Element: Equatable {
    /// Element-wise equality; chunks that share storage compare in O(1).
    package static func == (lhs: ChunkedVector, rhs: ChunkedVector) -> Bool {
        lhs.count == rhs.count && lhs.chunks == rhs.chunks
    }
}

extension ChunkedVector: Sendable where Element: Sendable {}
